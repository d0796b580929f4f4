// Store: events per second for a batch import (one transaction, every event
// checked by the ledger rules first) into SQLite and, when DATABASE_URL is set,
// into PostgreSQL. Also the time to read a grant's ledger back from that log,
// and the CPU time the importing process used (steadier than wall time on a
// busy machine; for PostgreSQL the server's own work is not in it).
// Writes through the use case every adapter calls (`Recording.record` of
// @uppdrag/application over `Store.open`'s event log) and reads the ledger
// with `GrantState.ledger`. Imports the built dist/ of @uppdrag/store,
// @uppdrag/application and @uppdrag/core; prints figures (median, min, max
// of repeated runs), never asserts.
//
//   node bench/store.mjs [events] [runs]   (default 10000 events, 3 runs; build first: npm run build)
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { availableParallelism, loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const dist = (pkg) => fileURLToPath(new URL(`../packages/${pkg}/dist/index.js`, import.meta.url))
for (const pkg of ["store", "application", "core"]) {
  if (!existsSync(dist(pkg))) {
    process.stderr.write(`${dist(pkg)} saknas: bygg först (npm run build)\n`)
    process.exit(1)
  }
}
const events = Number(process.argv[2] ?? 10_000)
const runs = Number(process.argv[3] ?? 3)
if (![events, runs].every((n) => Number.isInteger(n) && n > 0)) {
  process.stderr.write("antal händelser och körningar måste vara positiva heltal\n")
  process.exit(2)
}

const { Store } = await import(dist("store"))
const { CatalogSource, EventLog, GrantState, Populations, Recording } = await import(dist("application"))
const { Catalog } = await import(dist("core"))
const requireFromApplication = createRequire(fileURLToPath(new URL("../packages/application/package.json", import.meta.url)))
const esm = (name) => requireFromApplication.resolve(name).replace(/\.cjs$/, ".js")
const Effect = await import(esm("effect/Effect"))
const Layer = await import(esm("effect/Layer"))
const TestClock = await import(esm("effect/testing/TestClock"))

const GRANT = "specialiserad-psykiatri-2026"
const catalog = Catalog.unsafeLoad()
const services = (store) => Layer.mergeAll(CatalogSource.layerOf(catalog), Populations.layerPublished, Layer.succeed(EventLog.EventLog, store))
/** Runs a use case on `store`, with the clock fixed at the recording instant of the batch. */
const runOn = (store, program) =>
  Effect.runPromise(
    Effect.result(Effect.andThen(TestClock.setTime(Date.parse("2026-04-15T08:00:00.000Z")), program)).pipe(Effect.provide(TestClock.layer()), Effect.provide(services(store)))
  )
// The regions the grant is allocated to (the published population), from the application itself.
const allocated = await runOn(EventLog.makeMemory(), Effect.flatMap(GrantState.find(GRANT), ({ grant }) => GrantState.allocation(grant)))
if (allocated._tag !== "Success" || allocated.success._tag !== "Allocated") throw new Error("bidraget kunde inte fördelas")
const regions = allocated.success.allocation.rows.map((row) => row.region)

/** A realistic mix: each region requisitions, is paid, reports use and repays, in small amounts. */
const batch = (n) => {
  const kinds = [
    ["requisition", "2026-04-15"],
    ["payout", "2026-06-15"],
    ["use", "2027-02-15"],
    ["repayment", "2027-03-20"]
  ]
  return Array.from({ length: n }, (_, i) => {
    const round = Math.floor(i / regions.length)
    const [type, date] = kinds[Math.min(3, Math.floor((4 * round * regions.length) / n))]
    // Amounts so that every step stays within the previous one: 4 kr per requisition, 4 paid, 3 used, 1 repaid.
    const amount = { requisition: 4, payout: 4, use: 3, repayment: 1 }[type]
    return { type, grant: GRANT, region: regions[i % regions.length], amount, date, recordedBy: "bench", note: `rad ${i + 1}` }
  })
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const fmt = (n) => Math.round(n).toLocaleString("sv-SE")

const measure = async (name, fresh, cleanup) => {
  const input = batch(events)
  const append = []
  const cpu = []
  const ledger = []
  for (let run = 0; run < runs; run++) {
    const location = await fresh()
    const opened = await Store.open(location)
    if (opened._tag !== "Success") throw new Error(opened.failure.message)
    const store = opened.success
    let t = performance.now()
    const before = process.cpuUsage()
    const result = await runOn(store, Recording.record(input))
    append.push(performance.now() - t)
    const used = process.cpuUsage(before)
    cpu.push((used.user + used.system) / 1000)
    if (result._tag !== "Success") throw new Error(result.failure.message)
    t = performance.now()
    const read = await runOn(store, GrantState.ledger(GRANT))
    ledger.push(performance.now() - t)
    if (read._tag !== "Success" || read.success.total.requisitioned === 0) throw new Error("huvudboken kunde inte läsas")
    await store.close()
  }
  await cleanup?.()
  const ms = median(append)
  process.stdout.write(
    `${name.padEnd(11)} ${fmt(events)} händelser i en transaktion: median ${fmt(ms)} ms = ${fmt((events * 1000) / ms)} händelser/s ` +
      `(min ${fmt(Math.min(...append))} ms, max ${fmt(Math.max(...append))} ms); ` +
      `CPU-tid i processen median ${fmt(median(cpu))} ms = ${fmt((events * 1000) / median(cpu))} händelser per CPU-sekund; ` +
      `huvudboken läst på ${fmt(median(ledger))} ms\n`
  )
}

process.stdout.write(`node ${process.version}, ${availableParallelism()} kärnor, belastning ${loadavg().map((l) => l.toFixed(1)).join(" ")}; ${runs} körningar\n`)

const folder = mkdtempSync(join(tmpdir(), "uppdrag-bench-store-"))
let n = 0
await measure("SQLite", async () => ({ kind: "sqlite", path: join(folder, `${++n}.db`) }), () => rmSync(folder, { recursive: true, force: true }))

const url = process.env.DATABASE_URL
if (url === undefined || url === "") {
  process.stdout.write("PostgreSQL  hoppas över: DATABASE_URL är inte satt\n")
} else {
  const pg = createRequire(fileURLToPath(new URL("../packages/store/package.json", import.meta.url)))("pg")
  const schemas = []
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  await measure(
    "PostgreSQL",
    async () => {
      const schema = `bench_${process.pid}_${++n}`
      schemas.push(schema)
      await admin(`CREATE SCHEMA ${schema}`)
      return { kind: "postgres", url, schema }
    },
    async () => {
      for (const schema of schemas) await admin(`DROP SCHEMA ${schema} CASCADE`)
    }
  )
}
