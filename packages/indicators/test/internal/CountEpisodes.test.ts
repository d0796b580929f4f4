import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import fc from "fast-check"
import { afterAll, describe, expect, it } from "vitest"
import { countChunks, countFile, type Outcome } from "../../src/internal/CountEpisodes.js"
import { columns, file, text, years } from "./EpisodeFiles.js"
import { expectSameAsReference, referenceCount } from "./ReferenceCount.js"

const folder = mkdtempSync(join(tmpdir(), "uppdrag-count-"))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const same = (outcome: Outcome, bytes: Uint8Array): void => expectSameAsReference(outcome, bytes, years)

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
