// Meetings: expanding series to occurrences (RRULE in Europe/Stockholm), the
// coverage report over many meeting records, and iCalendar export. Imports the
// built dist/ of @uppdrag/meetings and @uppdrag/core; prints figures (median,
// min, max of repeated runs), never asserts.
//
//   node bench/meetings.mjs [runs]   (default 20; build first: npm run build)
import { existsSync } from "node:fs"
import { loadavg } from "node:os"
import { fileURLToPath } from "node:url"

const dist = fileURLToPath(new URL("../packages/meetings/dist/index.js", import.meta.url))
const coreDist = fileURLToPath(new URL("../packages/core/dist/index.js", import.meta.url))
if (!existsSync(dist) || !existsSync(coreDist)) {
  process.stderr.write(`${dist} saknas: bygg först (npm run build)\n`)
  process.exit(1)
}
const runs = Number(process.argv[2] ?? 20)
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write("antal körningar måste vara ett positivt heltal\n")
  process.exit(2)
}
const { Coverage, ICalendar, Occurrence, Series } = await import(dist)
const { CalendarDate, Catalog } = await import(coreDist)
const d = CalendarDate.unsafeParse

const measure = (name, work) => {
  const times = []
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    work()
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  const sorted = [...times].sort((a, b) => a - b)
  return { name, median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1) }
}

// 100 series: weekly, every 2 weeks and monthly, with times, over three years (2026–2028).
const days = ["MO", "TU", "WE", "TH", "FR"]
const series = Array.from({ length: 100 }, (_, i) =>
  Series.schema.parse({
    id: `serie-${i}`,
    title: `Serie ${i}`,
    time: `${String(8 + (i % 9)).padStart(2, "0")}:${i % 2 === 0 ? "00" : "30"}`,
    recurrence: {
      kind: "regel",
      rule: i % 3 === 0 ? `FREQ=WEEKLY;BYDAY=${days[i % 5]}` : i % 3 === 1 ? `FREQ=WEEKLY;INTERVAL=2;BYDAY=${days[i % 5]}` : `FREQ=MONTHLY;BYDAY=${1 + (i % 4)}${days[i % 5]}`,
      start: "2026-01-05"
    }
  })
)
const catalog = Catalog.unsafeLoad()
const assignment = Catalog.findAssignment(catalog, "S2025/01528")
const ids = assignment.consult.map((p) => p.id)
const meetings = Array.from({ length: 100_000 }, (_, i) => ({
  kind: "mote",
  id: `m${i}`,
  title: "Möte",
  date: CalendarDate.addDays(d("2026-01-01"), i % 1000),
  assignment: i % 4 === 0 ? "annat" : assignment.id,
  participants: [ids[i % ids.length], ids[(i * 7) % ids.length]],
  actionItems: []
}))

let occurrences = 0
const results = [
  measure("occurrences: 100 series × 3 years", () => {
    occurrences = Occurrence.all(series, d("2026-01-01"), d("2028-12-31")).length
  }),
  measure("coverage: S2025/01528 over 100 000 meetings", () => Coverage.report(assignment, meetings, d("2028-12-31"))),
  measure("iCalendar: 100 series", () => ICalendar.series(series, { stamp: "2026-11-23T08:00:00Z" }))
]
process.stdout.write(`meetings bench, ${runs} runs, load ${loadavg()[0].toFixed(1)}; ${occurrences} occurrences\n`)
for (const r of results) process.stdout.write(`${r.name.padEnd(48)} median ${r.median.toFixed(1)} ms  min ${r.min.toFixed(1)}  max ${r.max.toFixed(1)}\n`)
