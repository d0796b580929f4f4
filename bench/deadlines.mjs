// Deadlines: cost of the Swedish holiday data and working-day arithmetic,
// of evaluating many obligations, of the iCalendar export, and of the
// `uppdrag deadlines` command end to end. Imports the built dist/ of
// @uppdrag/deadlines; prints figures (median of repeated runs), never asserts.
//
//   node bench/deadlines.mjs [runs]   (default 5; build first: npm run build)
import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("..", import.meta.url))
const require = createRequire(join(root, "packages/deadlines/package.json"))
const dist = join(root, "packages/deadlines/dist/index.js")
const bin = join(root, "apps/cli/dist/bin.cjs")
for (const file of [dist, bin]) {
  if (!existsSync(file)) {
    process.stderr.write(`${file} saknas: bygg först (npm run build)\n`)
    process.exit(1)
  }
}
const runs = Number(process.argv[2] ?? 5)
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write("antal körningar måste vara ett positivt heltal\n")
  process.exit(2)
}

const loadStart = process.hrtime.bigint()
const { Calendar, Deadline, Obligation, SwedishHoliday, WorkingDay } = await import(dist)
const { CalendarDate, Catalog } = await import(require.resolve("@uppdrag/core"))
const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}
const measure = (fn) => {
  const samples = []
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    fn()
    samples.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  return median(samples)
}
const line = (label, value) => process.stdout.write(`${label.padEnd(58)} ${value}\n`)

line("import @uppdrag/deadlines + core (ms)", loadMs.toFixed(1))

// Holidays: computed from the statute's rules per year, then cached (the rules hold from 2005).
let t = process.hrtime.bigint()
SwedishHoliday.inYear(2026)
line("first holiday year, cold (ms)", (Number(process.hrtime.bigint() - t) / 1e6).toFixed(1))
t = process.hrtime.bigint()
for (let y = 2005; y <= 2100; y++) SwedishHoliday.inYear(y)
line("holiday years 2005–2100, uncached (ms per year)", (Number(process.hrtime.bigint() - t) / 1e6 / 95).toFixed(3))

// Working days between random pairs of dates up to 20 years apart (years now cached).
const base = CalendarDate.toEpochDay(CalendarDate.unsafeParse("2025-01-01"))
let seed = 42
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31
  return seed / 2 ** 31
}
const pairs = Array.from({ length: 100_000 }, () => {
  const a = base + Math.floor(random() * 365 * 50) // 2025–2074, so the pair stays within 2005–2094
  return [CalendarDate.fromEpochDay(a), CalendarDate.fromEpochDay(a + Math.floor((random() - 0.5) * 365 * 40))]
})
const betweenMs = measure(() => {
  for (const [a, b] of pairs) WorkingDay.between(a, b)
})
line("WorkingDay.between, spans up to ±20 years (calls/s)", Math.round(pairs.length / (betweenMs / 1000)).toLocaleString("sv-SE"))
const nextMs = measure(() => {
  for (const [a] of pairs) WorkingDay.next(a)
})
line("WorkingDay.next (calls/s)", Math.round(pairs.length / (nextMs / 1000)).toLocaleString("sv-SE"))

// Evaluating obligations: the catalog's, and 100 000 synthetic action items.
const catalog = Catalog.unsafeLoad()
const obligations = Obligation.collect(catalog.assignments).success
const asOf = CalendarDate.unsafeParse("2026-11-23")
line(`Deadline.evaluate, catalog (${obligations.length} duties) (ms)`, measure(() => Deadline.evaluate(obligations, { asOf })).toFixed(2))
const extra = Array.from({ length: 100_000 }, (_, i) => ({
  origin: "bench",
  id: `atgard-${i}`,
  title: `Åtgärd ${i}`,
  due: CalendarDate.fromEpochDay(CalendarDate.toEpochDay(asOf) + (i % 2000) - 500),
  responsible: "Socialstyrelsen",
  recipient: "Regeringskansliet (Socialdepartementet)"
}))
let many
const collectMs = measure(() => {
  many = Obligation.collect(catalog.assignments, { extra }).success
})
line("Obligation.collect, 100 000 extra duties validated (ms)", collectMs.toFixed(0))
const evaluateMs = measure(() => Deadline.evaluate(many, { asOf }))
line("Deadline.evaluate, 100 000 duties (duties/s)", Math.round(many.length / (evaluateMs / 1000)).toLocaleString("sv-SE"))

// iCalendar export of 10 000 events with three alarms each.
const tenThousand = Deadline.evaluate(many.slice(0, 10_000), { asOf }).success
let ics = ""
const icsMs = measure(() => {
  ics = Calendar.toIcs(tenThousand, { generatedAt: "2026-11-23T08:00:00Z" })
})
line("Calendar.toIcs, 10 000 events (events/s)", Math.round(10_000 / (icsMs / 1000)).toLocaleString("sv-SE"))
line("  size of that file (MB)", (Buffer.byteLength(ics) / 1e6).toFixed(1))

// The command end to end, against a fresh SQLite file in a temporary folder.
const dir = mkdtempSync(join(tmpdir(), "uppdrag-bench-deadlines-"))
const { DATABASE_URL: _url, ...env } = process.env
const cli = (args) => {
  const start = process.hrtime.bigint()
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: dir, env: { ...env, UPPDRAG_DB: join(dir, "u.db") }, stdio: ["ignore", "ignore", "pipe"] })
  if (result.status !== 0) throw new Error(`uppdrag ${args.join(" ")}: ${result.stderr}`)
  return Number(process.hrtime.bigint() - start) / 1e6
}
cli(["deadlines", "--as-of", "2026-11-23"]) // creates the database and warms the file cache
const samples = { node: [], help: [], json: [], ics: [] }
for (let i = 0; i < runs; i++) {
  const s = process.hrtime.bigint()
  spawnSync(process.execPath, ["-e", "0"])
  samples.node.push(Number(process.hrtime.bigint() - s) / 1e6)
  samples.help.push(cli(["deadlines", "--help"]))
  samples.json.push(cli(["deadlines", "--as-of", "2026-11-23", "--format", "json"]))
  samples.ics.push(cli(["deadlines", "--as-of", "2026-11-23", "--format", "ics"]))
}
rmSync(dir, { recursive: true, force: true })
line("node -e 0 (ms, median)", median(samples.node).toFixed(0))
line("uppdrag deadlines --help (ms, median)", median(samples.help).toFixed(0))
line("uppdrag deadlines --format json (ms, median)", median(samples.json).toFixed(0))
line("uppdrag deadlines --format ics (ms, median)", median(samples.ics).toFixed(0))
