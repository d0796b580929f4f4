import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import fc from "fast-check"
import { afterAll, describe, expect, it } from "vitest"
import { countChunks, countFile, type Outcome } from "../../src/internal/CountEpisodes.js"
import { referenceCount } from "./ReferenceCount.js"

const years = { from: 2020, to: 2024 }
const columns = ["patient", "region", "sex", "birthYear", "careForm", "start", "end"]
const folder = mkdtempSync(join(tmpdir(), "uppdrag-count-"))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

// Episode files built to sit on the edges of the format: mostly valid rows of a
// few patients (so patients recur across regions, years and chunks), and rows
// that are wrong in one field, nearly valid (a date that does not exist, region
// 00, a care form in capitals), quoted, too short, with CR LF or blank.
const patient = fc.constantFrom("P1", "P2", "P3", "P4", "SYN00000042", "en-mycket-lång-id-över-sexton-byte", "Å1", "x y", "", "P\r5", "a".repeat(201))
const region = fc.oneof({ weight: 8, arbitrary: fc.constantFrom("01", "03", "14", "25", "09") }, { weight: 1, arbitrary: fc.constantFrom("00", "02", "26", "1", "a1", " 01", "") })
const sex = fc.oneof({ weight: 8, arbitrary: fc.constantFrom("K", "M") }, { weight: 1, arbitrary: fc.constantFrom("X", "k", "", "KM") })
const birthYear = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1930, max: 2019 }).map(String) }, { weight: 1, arbitrary: fc.constantFrom("1879", "2030", "-199", "19x0", "") })
const careForm = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("sluten-lpt", "oppen-lpt", "domstols-lrv", "akut-lrv", "oppen-lrv") },
  { weight: 1, arbitrary: fc.constantFrom("LPT", "sluten-lpT", "oppen-lpx", "akut-lrv ", "domstols-lr", "") }
)
const day = fc.integer({ min: 0, max: 365 * 8 }).map((n) => new Date(Date.UTC(2017, 0, 1 + n)).toISOString().slice(0, 10))
const date = fc.oneof({ weight: 8, arbitrary: day }, { weight: 1, arbitrary: fc.constantFrom("2023-02-29", "2024-02-29", "2023-02-30", "2023-13-01", "2023-00-10", "2023-04-31", "20230101", "2023-1-01", "") })
const lineEnd = fc.constantFrom("\n", "\n", "\n", "\r\n")
const row = fc.record({ patient, region, sex, birthYear, careForm, start: date, end: fc.oneof(date, fc.constant("")), lineEnd, quote: fc.integer({ min: -40, max: 6 }), shape: fc.integer({ min: 0, max: 40 }) })
const file = fc.record({
  rows: fc.array(row, { maxLength: 60, size: "max" }),
  // Columns in another order send every row to the reference reader.
  order: fc.oneof({ weight: 4, arbitrary: fc.constant(columns) }, { weight: 1, arbitrary: fc.shuffledSubarray(columns, { minLength: 7, maxLength: 7 }) }),
  bom: fc.boolean(),
  blankBefore: fc.boolean(),
  lastLineEnd: fc.boolean(),
  // Most files valid, so that counts are compared as often as problems.
  clean: fc.boolean()
})

type Spec = { patient: string; region: string; sex: string; birthYear: string; careForm: string; start: string; end: string; lineEnd: string; quote: number; shape: number }
const isDate = (text: string): boolean => {
  if (!/^\d{4}-\d\d-\d\d$/.test(text)) return false
  const time = Date.parse(`${text}T00:00:00Z`)
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text
}
const validId = (id: string): string => (id === "" || id.length > 200 || id.includes("\r") ? "P1" : id)

// A clean file: every field valid, one sex and birth year per patient.
const cleaned = (r: Spec): Spec => {
  const patient = validId(r.patient)
  const start = isDate(r.start) ? r.start : "2021-06-01"
  return {
    ...r,
    patient,
    region: /^(01|03|14|25|09)$/.test(r.region) ? r.region : "01",
    careForm: /^(sluten-lpt|oppen-lpt|domstols-lrv|akut-lrv|oppen-lrv)$/.test(r.careForm) ? r.careForm : "oppen-lrv",
    start,
    end: isDate(r.end) && r.end >= start ? r.end : "",
    sex: patient.length % 2 === 0 ? "K" : "M",
    birthYear: String(1940 + patient.length * 2),
    shape: r.shape < 2 ? 3 : r.shape
  }
}

const text = (spec: { rows: ReadonlyArray<Spec>; order: ReadonlyArray<string>; bom: boolean; blankBefore: boolean; lastLineEnd: boolean; clean: boolean }): string => {
  let out = `${spec.bom ? "\uFEFF" : ""}${spec.blankBefore ? "\n\r\n" : ""}${spec.order.join(",")}\n`
  spec.rows.forEach((spec0, i) => {
    const r = spec.clean ? cleaned(spec0) : spec0
    const values: Record<string, string> = { patient: r.patient, region: r.region, sex: r.sex, birthYear: r.birthYear, careForm: r.careForm, start: r.start, end: r.end }
    let fields = spec.order.map((column) => values[column]!)
    if (r.quote >= 0) fields = fields.map((field, k) => (k === r.quote ? `"${field}"` : field))
    if (r.shape === 0) fields = fields.slice(0, 5)
    if (r.shape === 1) fields = [...fields, "extra"]
    const blank = r.shape === 2 ? r.lineEnd : ""
    const last = i === spec.rows.length - 1 && !spec.lastLineEnd
    out += `${blank}${fields.join(",")}${last ? "" : r.lineEnd}`
  })
  return out
}

const same = (outcome: Outcome, bytes: Uint8Array): void => {
  const expected = referenceCount(bytes, years)
  if ("issues" in expected) {
    expect("issues" in outcome ? outcome.issues : "counted").toEqual(expected.issues)
    return
  }
  if ("issues" in outcome) throw new Error(`unexpected problems: ${JSON.stringify(outcome.issues)}`)
  expect({ rows: outcome.counts.rows, patients: outcome.counts.patients }).toEqual({ rows: expected.rows, patients: expected.patients })
  expect(Array.from(outcome.counts.base)).toEqual(Array.from(expected.base))
}

const cut = (bytes: Uint8Array, cuts: ReadonlyArray<number>): Array<Uint8Array> => {
  const points = [0, ...cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b), bytes.length]
  return points.slice(1).map((end, i) => bytes.slice(points[i]!, end))
}

describe("the fast count equals the straightforward one", () => {
  it("on random small files, however they are cut into chunks, partitions and blocks", async () => {
    await fc.assert(
      fc.asyncProperty(file, fc.array(fc.nat(), { maxLength: 8 }), fc.constantFrom(2, 4, 64), fc.constantFrom(256, 1 << 16), async (spec, cuts, partitions, blockBytes) => {
        const bytes = new TextEncoder().encode(text(spec))
        same(await countChunks(cut(bytes, cuts), years, 0, undefined, { partitions, blockBytes }), bytes)
      }),
      { numRuns: 300 }
    )
  })

  it("on random small files read in byte ranges, with the file's line numbers", async () => {
    let n = 0
    await fc.assert(
      fc.asyncProperty(file, fc.integer({ min: 2, max: 5 }), fc.constantFrom(2, 8), fc.integer({ min: 7, max: 200 }), async (spec, parts, partitions, chunkBytes) => {
        const bytes = new TextEncoder().encode(text(spec))
        const path = join(folder, `ranges-${n++}.csv`)
        writeFileSync(path, bytes)
        same(await countFile(path, years, parts, bytes.length, undefined, undefined, { partitions, blockBytes: 256, chunkBytes }), bytes)
        rmSync(path)
      }),
      { numRuns: 150 }
    )
  })
})

describe("line numbers across chunk and range boundaries", () => {
  // 40 000 valid rows (over 1 MB, so a read chunk ends inside the file) with
  // problems placed where a chunk and a range end.
  const valid = (i: number): string => `P${i % 5000},${i % 2 === 0 ? "01" : "14"},${i % 5000 < 2500 ? "K" : "M"},1980,sluten-lpt,2022-0${1 + (i % 9)}-10,\n`
  const header = `${columns.join(",")}\n`
  const build = (bad: ReadonlyMap<number, string>): Uint8Array => {
    let out = header
    for (let i = 0; i < 40_000; i++) out += bad.get(i) ?? valid(i)
    return new TextEncoder().encode(out)
  }
  // The row that straddles the first 1 MB read.
  const straddling = (() => {
    let at = header.length
    for (let i = 0; ; i++) {
      if (at + valid(i).length > 1 << 20) return i
      at += valid(i).length
    }
  })()

  it("a bad row across the end of a read chunk, and one in the middle of the second range", async () => {
    const bytes = build(
      new Map([
        [straddling, `P1,01,K,1980,sluten-lpt,2022-02-30,\n`],
        [30_000, `P2,01,K,1980,LPT,2022-01-01,\n`]
      ])
    )
    const path = join(folder, "kanter.csv")
    writeFileSync(path, bytes)
    const expected = [
      { line: straddling + 2, path: "start", message: '"2022-02-30" är inte ett giltigt datum på formen ÅÅÅÅ-MM-DD' },
      { line: 30_002, path: "careForm", message: 'okänd vårdform "LPT" (ska vara sluten-lpt, oppen-lpt, domstols-lrv, akut-lrv, oppen-lrv)' }
    ]
    expect(referenceCount(bytes, years)).toEqual({ issues: expected })
    expect(await countChunks([bytes], years, bytes.length)).toEqual({ issues: expected })
    for (const parts of [1, 2, 3]) expect(await countFile(path, years, parts, bytes.length, undefined, undefined)).toEqual({ issues: expected })
  })

  it("a patient whose sex differs between two ranges is reported at the later row, naming the first", async () => {
    const bytes = build(new Map([[35_000, `P7,03,M,1980,oppen-lpt,2023-01-01,\n`]]))
    const path = join(folder, "kon.csv")
    writeFileSync(path, bytes)
    const expected = [{ line: 35_002, path: "sex", message: "patienten har kön M här men K på rad 9" }]
    expect(referenceCount(bytes, years)).toEqual({ issues: expected })
    for (const parts of [1, 2, 4]) expect(await countFile(path, years, parts, bytes.length, undefined, undefined)).toEqual({ issues: expected })
  })

  it("after 50 problems reading stops, and the 50 are the first in the file", async () => {
    const bad = new Map<number, string>()
    for (let i = 0; i < 40_000; i += 700) bad.set(i, `P${i},99,K,1980,sluten-lpt,2022-01-01,\n`)
    const bytes = build(bad)
    const path = join(folder, "manga.csv")
    writeFileSync(path, bytes)
    const expected = referenceCount(bytes, years)
    expect("issues" in expected && expected.issues.length).toBe(50)
    for (const parts of [1, 2, 3]) expect(await countFile(path, years, parts, bytes.length, undefined, undefined)).toEqual(expected)
  })
})
