// Allocation: time to split one component with the largest-remainder method
// (exact bigint arithmetic) over the 21 regions and over 100 000 recipients,
// plus the whole 2026 grant (three components, explanations included), the
// capped pot, and the ledger over 10 000 entries. Imports the built dist/ of
// @uppdrag/allocation; prints figures (median, min, max of repeated runs),
// never asserts.
//
//   node bench/allocation.mjs [runs]   (default 200; build first: npm run build)
import { existsSync } from "node:fs"
import { availableParallelism, loadavg } from "node:os"
import { fileURLToPath } from "node:url"

const dist = fileURLToPath(new URL("../packages/allocation/dist/index.js", import.meta.url))
if (!existsSync(dist)) {
  process.stderr.write(`${dist} saknas: bygg först (npm run build)\n`)
  process.exit(1)
}
const runs = Number(process.argv[2] ?? 200)
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write("antal körningar måste vara ett positivt heltal\n")
  process.exit(2)
}
const { Allocation, CappedPot, LargestRemainder, Ledger, PublishedPopulation } = await import(dist)

// A deterministic pseudo-random generator (mulberry32), so every run measures the same input.
const random = (seed) => () => {
  seed |= 0
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const population = PublishedPopulation.forReference("SCB september 2025")
if (population._tag !== "Success") throw new Error(population.failure.message)
const grant = {
  id: "specialiserad-psykiatri-2026",
  exclude: [],
  components: [
    { id: "vardkapacitet", amount: 1_140_000_000, basis: { from: 18, to: undefined } },
    { id: "sjalvvald_inlaggning", amount: 200_000_000, basis: { from: 18, to: undefined } },
    { id: "flexibla_overgangar", amount: 150_000_000, basis: { from: 0, to: 25 } }
  ]
}
const adults = Allocation.allocate(grant, population.success).success.components[0].lines.map((l) => ({ id: l.region, weight: l.population }))

const next = random(2026)
// 100 000 recipients (e.g. care units or persons), populations 0..50 000 with many ties.
const many = Array.from({ length: 100_000 }, (_, i) => ({ id: `m${String(i).padStart(6, "0")}`, weight: Math.floor(next() * 50_000) }))
// The capped pot: populations of the 21 regions, attainment from 0 of 3 up to 3 of 3.
const population21 = new Map(adults.map((a) => [a.id, a.weight]))
const attainment = new Map(adults.map((a, i) => [a.id, { met: i % 4, of: 3 }]))

// The ledger: 10 000 entries for Uppsala (requisition, payout, report, repayment, reversal of the repayment).
const allocation = Allocation.allocate(grant, population.success).success
const terms = Ledger.termsOf({ id: grant.id, requisitionWindow: { start: "2026-04-01", end: "2026-05-18" } }, Allocation.totals(allocation))
const entries = []
for (let i = 0; i < 2_000; i++) {
  const base = { grant: grant.id, region: "03" }
  entries.push({ ...base, kind: "requisition", id: `r${i}`, amount: 1000, date: "2026-04-15" })
  entries.push({ ...base, kind: "payout", id: `u${i}`, amount: 1000, date: "2026-06-01" })
  entries.push({ ...base, kind: "use", id: `b${i}`, amount: 900, date: "2027-02-01" })
  entries.push({ ...base, kind: "repayment", id: `a${i}`, amount: 100, date: "2027-03-01" })
  entries.push({ kind: "reversal", grant: grant.id, id: `x${i}`, reverses: `a${i}`, date: "2027-03-02" })
}

const measure = (name, work, times) => {
  for (let i = 0; i < Math.min(5, times); i++) work() // warm up the JIT
  const samples = []
  const cpu = []
  for (let i = 0; i < times; i++) {
    const start = process.hrtime.bigint()
    const cpuStart = process.cpuUsage()
    work()
    const used = process.cpuUsage(cpuStart)
    samples.push(Number(process.hrtime.bigint() - start) / 1e6)
    cpu.push((used.user + used.system) / 1e3)
  }
  samples.sort((a, b) => a - b)
  cpu.sort((a, b) => a - b)
  const median = samples[Math.floor(samples.length / 2)]
  return { name, runs: times, median, min: samples[0], max: samples.at(-1), cpu: cpu[Math.floor(cpu.length / 2)] }
}

const check = (result) => {
  if (result._tag !== "Success") throw new Error(result.failure.message)
  return result.success
}
const results = [
  measure("1 komponent, 21 regioner (1 140 000 000 kr)", () => check(LargestRemainder.allocate(1_140_000_000, adults)), runs * 10),
  measure("1 komponent, 100 000 mottagare, med förklaring per mottagare (allocate)", () => check(LargestRemainder.allocate(1_140_000_000, many)), Math.max(5, Math.floor(runs / 10))),
  measure("1 komponent, 100 000 mottagare, bara belopp (amounts)", () => check(LargestRemainder.amounts(1_140_000_000, many)), Math.max(5, Math.floor(runs / 10))),
  measure("hela 2026-bidraget: 3 komponenter, befolkningsunderlag och förklaringar", () => check(Allocation.allocate(grant, population.success)), runs),
  measure("takbegränsad pott (modell 2012), med omfördelning", () => check(CappedPot.allocate(42_500_000, population21, attainment, { redistribute: true })), runs),
  measure("huvudbok: kontroll och bokföring av 10 000 poster (Ledger.replay)", () => check(Ledger.replay(terms, entries)), Math.max(5, Math.floor(runs / 10))),
  measure("huvudbok: återskapa 10 000 poster ur loggen och summera (Ledger.summarize)", () => Ledger.summarize(terms, entries), Math.max(5, Math.floor(runs / 10)))
]
// The sum must be exact; a benchmark of a wrong answer is worthless.
const sum = check(LargestRemainder.allocate(1_140_000_000, many)).reduce((a, s) => a + s.amount, 0n)
if (sum !== 1_140_000_000n) throw new Error(`summan blev ${sum}`)

const ms = (x) => (x < 1 ? x.toFixed(4) : x.toFixed(2))
// Figures from a busy machine mean little: say how busy it was.
process.stdout.write(`node ${process.version}, ${availableParallelism()} kärnor, belastning ${loadavg().map((x) => x.toFixed(1)).join(" / ")} (1/5/15 min), ${runs} körningar som grund\n`)
// CPU time (user + system, microsecond resolution) is less disturbed by other load than wall time.
for (const r of results) {
  process.stdout.write(`${r.name}: median ${ms(r.median)} ms väggtid (min ${ms(r.min)}, max ${ms(r.max)}), CPU-tid median ${ms(r.cpu)} ms, ${r.runs} körningar\n`)
}
