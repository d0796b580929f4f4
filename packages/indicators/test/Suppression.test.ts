import { Region } from "@uppdrag/core"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Cube, Suppression } from "../src/index.js"
import { encode, header } from "./fixtures.js"

// An independent audit: the table's equations written out from the cube's
// meaning (not Suppression.lines), solved exactly modulo a large prime. A
// masked cell is recoverable when its unit vector lies in the row space of
// the equations restricted to the masked cells.
const P = 2_147_483_629n
const modInverse = (a: bigint): bigint => {
  let [t, newT, r, newR] = [0n, 1n, P, ((a % P) + P) % P]
  while (newR !== 0n) {
    const q = r / newR
    ;[t, newT] = [newT, t - q * newT]
    ;[r, newR] = [newR, r - q * newR]
  }
  return ((t % P) + P) % P
}

type Key = { region: string; sex: "K" | "M" | "T"; ageGroup: string }
const bands = ["0-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+"]
const codes = ["00", ...Region.all.map((r) => r.code)]
const equations = (): Array<Array<[Key, bigint]>> => {
  const out: Array<Array<[Key, bigint]>> = []
  for (const region of codes)
    for (const ageGroup of [...bands, "alla"])
      out.push([
        [{ region, sex: "T", ageGroup }, 1n],
        [{ region, sex: "K", ageGroup }, -1n],
        [{ region, sex: "M", ageGroup }, -1n]
      ])
  for (const region of codes)
    for (const sex of ["K", "M", "T"] as const) out.push([[{ region, sex, ageGroup: "alla" }, 1n], ...bands.map((ageGroup): [Key, bigint] => [{ region, sex, ageGroup }, -1n])])
  for (const sex of ["K", "M", "T"] as const)
    for (const ageGroup of [...bands, "alla"])
      out.push([[{ region: "00", sex, ageGroup }, 1n], ...codes.slice(1).map((region): [Key, bigint] => [{ region, sex, ageGroup }, -1n])])
  return out
}

const recoverableCells = (isMasked: (key: Key) => boolean): Array<Key> => {
  const masked: Array<Key> = []
  const column = new Map<string, number>()
  const id = (k: Key) => `${k.region}|${k.sex}|${k.ageGroup}`
  const rows: Array<Array<bigint>> = []
  for (const equation of equations()) {
    for (const [key] of equation) if (isMasked(key) && !column.has(id(key))) column.set(id(key), masked.push(key) - 1)
  }
  for (const equation of equations()) {
    const row = new Array<bigint>(masked.length).fill(0n)
    let any = false
    for (const [key, coefficient] of equation) {
      const c = column.get(id(key))
      if (c !== undefined) {
        row[c] = (coefficient + P) % P
        any = true
      }
    }
    if (any) rows.push(row)
  }
  const pivotOf = new Array<number>(masked.length).fill(-1)
  let rank = 0
  for (let c = 0; c < masked.length; c++) {
    const r = rows.findIndex((row, i) => i >= rank && row[c] !== 0n)
    if (r < 0) continue
    ;[rows[rank], rows[r]] = [rows[r]!, rows[rank]!]
    const pivot = rows[rank]!
    const inv = modInverse(pivot[c]!)
    for (let j = 0; j < masked.length; j++) pivot[j] = (pivot[j]! * inv) % P
    rows.forEach((row, i) => {
      if (i === rank || row[c] === 0n) return
      const f = row[c]!
      for (let j = 0; j < masked.length; j++) row[j] = (((row[j]! - f * pivot[j]!) % P) + P) % P
    })
    pivotOf[c] = rank++
  }
  return masked.filter((_, c) => pivotOf[c]! >= 0 && rows[pivotOf[c]!]!.every((v, j) => j === c || pivotOf[j]! >= 0 || v === 0n))
}

const careForms = ["sluten-lpt", "oppen-lpt", "domstols-lrv", "akut-lrv", "oppen-lrv"] as const
const episode = fc.record({
  patient: fc.integer({ min: 1, max: 60 }),
  region: fc.constantFrom("01", "03", "09", "14", "25"),
  careForm: fc.constantFrom("sluten-lpt", "akut-lrv"),
  startMonth: fc.integer({ min: 1, max: 12 }),
  months: fc.option(fc.integer({ min: 0, max: 14 }), { nil: undefined })
})
// Sex and birth year are the patient's own, derived from the id.
const toCsv = (episodes: ReadonlyArray<{ patient: number; region: string; careForm: string; startMonth: number; months: number | undefined }>): string =>
  [
    header,
    ...episodes.map((e) => {
      const sex = e.patient % 3 === 0 ? "K" : "M"
      const birthYear = 1940 + ((e.patient * 7) % 70)
      const start = `2023-${String(e.startMonth).padStart(2, "0")}-01`
      const endMonth = e.startMonth + (e.months ?? 0)
      const end = e.months === undefined ? "" : `${2023 + Math.floor((endMonth - 1) / 12)}-${String(((endMonth - 1) % 12) + 1).padStart(2, "0")}-28`
      return `P${e.patient},${e.region},${sex},${birthYear},${e.careForm},${start},${end}`
    })
  ].join("\n")

const years = { from: 2023, to: 2024 }
const build = async (text: string, threshold: number) => Result.getOrThrow(await Cube.fromEpisodes(encode(text), "slump.csv", { years, threshold }))

describe("small counts: properties of the protected cube", () => {
  it("no published count lies between 1 and threshold − 1", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(episode, { minLength: 1, maxLength: 120 }), fc.integer({ min: 2, max: 6 }), async (episodes, threshold) => {
        const cube = await build(toCsv(episodes), threshold)
        const bad = [...Cube.cells(cube)].filter((cell) => (cell.patients !== null && cell.patients > 0 && cell.patients < threshold) || (cell.suppressed && cell.per100k !== null))
        expect(bad).toEqual([])
      }),
      { numRuns: 40 }
    )
  })

  it("no masked cell can be recovered from its table's published cells (exact audit, independent equations)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(episode, { minLength: 1, maxLength: 120 }), fc.integer({ min: 2, max: 6 }), async (episodes, threshold) => {
        const cube = await build(toCsv(episodes), threshold)
        for (const year of [2023, 2024])
          for (const careForm of careForms) {
            const isMasked = (k: Key) => Cube.get(cube, { year, careForm, region: k.region, sex: k.sex, ageGroup: k.ageGroup as never })!.suppressed
            expect(recoverableCells(isMasked)).toEqual([])
          }
      }),
      { numRuns: 25 }
    )
  })

  it("T = K + M and alla = Σ age groups wherever nothing in the relation is masked", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(episode, { minLength: 1, maxLength: 120 }), fc.integer({ min: 2, max: 6 }), async (episodes, threshold) => {
        const cube = await build(toCsv(episodes), threshold)
        const at = (region: string, sex: "K" | "M" | "T", ageGroup: string, careForm: (typeof careForms)[number]) =>
          Cube.get(cube, { year: 2023, region, sex, ageGroup: ageGroup as never, careForm })!.patients
        for (const careForm of careForms)
          for (const region of codes) {
            for (const ageGroup of [...bands, "alla"]) {
              const [t, k, m] = [at(region, "T", ageGroup, careForm), at(region, "K", ageGroup, careForm), at(region, "M", ageGroup, careForm)]
              if (t !== null && k !== null && m !== null) expect(t).toBe(k + m)
            }
            for (const sex of ["K", "M", "T"] as const) {
              const parts = bands.map((b) => at(region, sex, b, careForm))
              const total = at(region, sex, "alla", careForm)
              if (total !== null && parts.every((p) => p !== null)) expect(total).toBe(parts.reduce((a, b) => a! + b!, 0))
            }
          }
      }),
      { numRuns: 25 }
    )
  })

  it("the package's own audit agrees: a lone masked cell is recoverable, a masked rectangle is not", () => {
    const masked = new Uint8Array(Suppression.tableSize)
    masked[Suppression.tableCell(1, 0, 0)] = 1
    expect(Suppression.recoverable(masked)).toEqual([Suppression.tableCell(1, 0, 0)])
    // Stockholm and Uppsala × women and men, in 0-17 and 18-24: every line has two masked cells.
    masked.fill(0)
    for (const region of [1, 2]) for (const sex of [0, 1]) for (const age of [0, 1]) masked[Suppression.tableCell(region, sex, age)] = 1
    expect(Suppression.recoverable(masked)).toEqual([])
    expect(Suppression.lines.length).toBe(291)
    // The independent audit sees the same: a lone cell falls out of T − M.
    expect(recoverableCells((k) => k.region === "01" && k.sex === "K" && k.ageGroup === "0-17")).toHaveLength(1)
    expect(recoverableCells((k) => ["01", "03"].includes(k.region) && k.sex !== "T" && ["0-17", "18-24"].includes(k.ageGroup))).toEqual([])
  })

  it("protect leaves nothing recoverable even for a table full of small counts", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 22 * 2 * 8, maxLength: 22 * 2 * 8 }), (inner) => {
        const counts = new Int32Array(Suppression.tableSize)
        for (let r = 0; r < 22; r++)
          for (let s = 0; s < 2; s++)
            for (let a = 0; a < 8; a++) {
              const n = inner[(r * 2 + s) * 8 + a]!
              counts[Suppression.tableCell(r, s, a)] = n
              counts[Suppression.tableCell(r, s, 8)]! += n
              counts[Suppression.tableCell(r, 2, a)]! += n
              counts[Suppression.tableCell(r, 2, 8)]! += n
            }
        const masked = new Uint8Array(Suppression.tableSize)
        Suppression.protect(counts, masked, 5)
        expect(Suppression.recoverable(masked)).toEqual([])
        for (let c = 0; c < Suppression.tableSize; c++) if (counts[c]! >= 1 && counts[c]! <= 4) expect(masked[c]).toBe(1)
      }),
      { numRuns: 30 }
    )
  })
})
