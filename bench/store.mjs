// Store: events per second for a batch import (one transaction, every event
// checked by the ledger rules first) into SQLite and, when DATABASE_URL is set,
// into PostgreSQL. Also the time to read a grant's ledger back from that log,
// and the CPU time the importing process used (steadier than wall time on a
// busy machine; for PostgreSQL the server's own work is not in it).
//
// Then log reads as the log grows (issue 14): one log per database grown to
// 3 000, 30 000 and 300 000 events (money events of every region, one meeting,
// one reversal and reports per 1 000), and at each size the ledger, the
// deadline list and the meeting records read, in the same run:
//   före      the events each use case read before projections, read and folded whole (the old read path);
//   kall      the use case in a new process with no saved sammanställning (folds the whole log, in windows, and saves it);
//   sparad    the use case in a new process that starts from the saved sammanställning;
//   i minnet  the use case again in the same process after one new event (folds that event only);
// and the event loop's longest stall during the cold fold (what a web server would feel).
// Writes through the use case every adapter calls (`Recording.record` of
// @uppdrag/application over `Store.open`'s event log) and reads the ledger
// with `GrantState.ledger`. Imports the built dist/ of @uppdrag/store,
// @uppdrag/application and @uppdrag/core; prints figures (median, min, max
// of repeated runs), never asserts.
//
//   node bench/store.mjs [events] [runs] [sizes]   (default 10000 events, 3 runs, sizes 3000,30000,300000; build first: npm run build)
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
const sizes = (process.argv[4] ?? "3000,30000,300000").split(",").map(Number)
if (![events, runs, ...sizes].every((n) => Number.isInteger(n) && n > 0) || sizes.some((n, i) => i > 0 && n <= sizes[i - 1])) {
  process.stderr.write("antal händelser, körningar och storlekar (stigande, t.ex. 3000,30000,300000) måste vara positiva heltal\n")
  process.exit(2)
}

const { Store } = await import(dist("store"))
const { CatalogSource, DeadlineList, EventLog, GrantState, MeetingRecords, Populations, Recorded, Recording } = await import(dist("application"))
const { Catalog } = await import(dist("core"))
const requireFromApplication = createRequire(fileURLToPath(new URL("../packages/application/package.json", import.meta.url)))
const esm = (name) => requireFromApplication.resolve(name).replace(/\.cjs$/, ".js")
const Effect = await import(esm("effect/Effect"))
const Layer = await import(esm("effect/Layer"))
const TestClock = await import(esm("effect/testing/TestClock"))

const GRANT = "specialiserad-psykiatri-2026"
const catalog = Catalog.unsafeLoad()
const services = (store) => Layer.mergeAll(CatalogSource.layerOf(catalog), Populations.layerPublished, Layer.succeed(EventLog.EventLog, store))
/** Runs a use case on `store`, with the clock fixed after the last business date of the batch (events dated after today are refused). */
const runOn = (store, program) =>
  Effect.runPromise(
    Effect.result(Effect.andThen(TestClock.setTime(Date.parse("2027-04-01T08:00:00.000Z")), program)).pipe(Effect.provide(TestClock.layer()), Effect.provide(services(store)))
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

// ---------------------------------------------------------------------------
// Log reads as the log grows.

const ASOF = "2026-11-23"
const meetingPayload = (i) => ({
  kind: "mote",
  id: `bench-mote-${i}`,
  title: "Samråd om vårdkapacitet",
  date: "2026-09-10",
  assignment: GRANT,
  participants: ["ivo", "polismyndigheten"],
  actionItems: [{ title: "Skicka underlag om vårdplatser till IVO", owner: "Socialstyrelsen", due: "2026-12-04", recipient: "IVO" }]
})

/** Grows the log by `n` events through Recording.record: money events, one meeting per 1 000, then one reversal per 1 000 (of repayments). */
const grow = async (store, n, first) => {
  // Meetings go between the money events (whole rounds of regions keep every step within the one before).
  const meetings = Math.max(1, Math.floor(n / 1000))
  const money = batch(n - meetings)
  const input = []
  for (let i = 0; i < money.length; i++) {
    if (i % Math.ceil(money.length / meetings) === 0) input.push({ type: "meeting", assignment: GRANT, date: "2026-09-10", recordedBy: "bench", note: "", payload: meetingPayload(first + i) })
    input.push(money[i])
  }
  if (first === 0) {
    // Every region's report for the regions' reporting, and the interim report: what the deadline list folds.
    input.unshift(
      { type: "report", assignment: GRANT, obligation: "delredovisning-2026-03-30", date: "2026-03-27", recordedBy: "bench", note: "" },
      ...regions.map((region) => ({ type: "report", assignment: GRANT, obligation: "regionernas-redovisning-2026", region, date: "2027-02-20", recordedBy: "bench", note: "" }))
    )
  }
  const written = await runOn(store, Recording.record(input))
  if (written._tag !== "Success") throw new Error(written.failure.message)
  const repayments = written.success.filter((e) => e.type === "repayment")
  const step = Math.max(1, Math.round(repayments.length / Math.max(1, Math.floor(n / 1000))))
  const reversals = repayments.filter((_, i) => i % step === 0).slice(0, Math.floor(n / 1000)).map((e) => ({ type: "reversal", reverses: e.seq, date: "2027-03-21", recordedBy: "bench", note: "fel belopp" }))
  if (reversals.length > 0) {
    const reversed = await runOn(store, Recording.record(reversals))
    if (reversed._tag !== "Success") throw new Error(reversed.failure.message)
  }
}

const cases = {
  huvudbok: {
    before: async (store) => GrantState.foldLedger(await Effect.runPromise(store.read({ grant: GRANT })), GRANT),
    after: GrantState.ledger(GRANT)
  },
  tidsfrister: {
    before: async (store) => {
      const events = await Effect.runPromise(store.read({ types: Recorded.types }))
      return [Recorded.fold(events), MeetingRecords.decodeStored(events)]
    },
    after: DeadlineList.list({ asOf: ASOF })
  },
  möten: {
    before: async (store) => MeetingRecords.decodeStored(await Effect.runPromise(store.read({ types: ["meeting", "reversal"] }))),
    after: MeetingRecords.current()
  }
}

const timed = async (work) => {
  const t = performance.now()
  const result = await work()
  if (result?._tag === "Failure") throw new Error(result.failure.message)
  return performance.now() - t
}

/** One log per database, grown to each size; figures per size and use case. */
const measureReads = async (name, location, clearCheckpoints) => {
  const { monitorEventLoopDelay } = await import("node:perf_hooks")
  const open = async () => {
    const opened = await Store.open(location)
    if (opened._tag !== "Success") throw new Error(opened.failure.message)
    return opened.success
  }
  const writer = await open()
  let size = 0
  const rows = []
  for (const target of sizes) {
    await grow(writer, target - size, size)
    size = Number(await Effect.runPromise(writer.count))
    for (const [use, { before, after }] of Object.entries(cases)) {
      const at = size
      const beforeMs = []
      for (let i = 0; i < runs; i++) beforeMs.push(await timed(() => before(writer)))
      await clearCheckpoints()
      // A new process: a store object no projection has seen, no checkpoint.
      const cold = await open()
      const delay = monitorEventLoopDelay({ resolution: 1 })
      delay.enable()
      const coldMs = await timed(() => runOn(cold, after))
      delay.disable()
      await cold.close()
      const savedMs = []
      for (let i = 0; i < runs; i++) {
        const next = await open()
        savedMs.push(await timed(() => runOn(next, after)))
        await next.close()
      }
      const warm = await open()
      await runOn(warm, after)
      const memoryMs = []
      for (let i = 0; i < runs; i++) {
        const one = await runOn(writer, Recording.record([{ type: "requisition", grant: GRANT, region: regions[i % regions.length], amount: 1, date: "2026-04-16", recordedBy: "bench", note: "" }]))
        if (one._tag !== "Success") throw new Error(one.failure.message)
        memoryMs.push(await timed(() => runOn(warm, after)))
      }
      await warm.close()
      size = Number(await Effect.runPromise(writer.count))
      rows.push({ size: at, use, before: median(beforeMs), cold: coldMs, saved: median(savedMs), memory: median(memoryMs), stall: delay.max / 1e6 })
    }
  }
  await writer.close()
  const ms = (x) => `${x < 10 ? x.toFixed(1).replace(".", ",") : fmt(x)} ms`
  process.stdout.write(`\n${name}: läsningar ur loggen (median av ${runs}; kall: en körning)\n`)
  process.stdout.write(`  ${"händelser".padStart(9)}  ${"vad".padEnd(11)} ${"före".padStart(9)} ${"kall".padStart(9)} ${"sparad".padStart(9)} ${"i minnet".padStart(9)}   före/sparad  längsta stopp i händelseloopen (kall)\n`)
  for (const r of rows) {
    process.stdout.write(
      `  ${fmt(r.size).padStart(9)}  ${r.use.padEnd(11)} ${ms(r.before).padStart(9)} ${ms(r.cold).padStart(9)} ${ms(r.saved).padStart(9)} ${ms(r.memory).padStart(9)}   ${`${(r.before / r.saved).toFixed(0)}×`.padStart(11)}  ${ms(r.stall)}\n`
    )
  }
}

process.stdout.write(`node ${process.version}, ${availableParallelism()} kärnor, belastning ${loadavg().map((l) => l.toFixed(1)).join(" ")}; ${runs} körningar\n`)

const folder = mkdtempSync(join(tmpdir(), "uppdrag-bench-store-"))
let n = 0
const readsDb = join(folder, "reads.db")
const BetterSqlite3 = createRequire(fileURLToPath(new URL("../packages/store/package.json", import.meta.url)))("better-sqlite3")
await measure("SQLite", async () => ({ kind: "sqlite", path: join(folder, `${++n}.db`) }))
await measureReads("SQLite", { kind: "sqlite", path: readsDb }, async () => {
  const db = new BetterSqlite3(readsDb)
  db.exec("DELETE FROM checkpoint")
  db.close()
})
rmSync(folder, { recursive: true, force: true })

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
  )
  const schema = `bench_${process.pid}_reads`
  schemas.push(schema)
  await admin(`CREATE SCHEMA ${schema}`)
  await measureReads("PostgreSQL", { kind: "postgres", url, schema }, () => admin(`DELETE FROM ${schema}.checkpoint`))
  for (const schema of schemas) await admin(`DROP SCHEMA ${schema} CASCADE`)
}
