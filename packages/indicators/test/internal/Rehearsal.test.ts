import { describe, expect, it } from "vitest"
import { NeedsRowReader, type RowFormat } from "../../src/internal/EpisodeFormat.js"
import { rowFormat } from "../../src/internal/EpisodeRows.js"
import { countSample, sample, years } from "../../src/internal/Rehearsal.js"
import { columns } from "./EpisodeFiles.js"
import { referenceCount } from "./ReferenceCount.js"

describe("the rehearsal sample", () => {
  it("is valid rows but for one patient's two conflicting ones, and counts as the reference does", () => {
    const file = new Uint8Array([...new TextEncoder().encode(`${columns.join(",")}\n`), ...sample])
    const expected = referenceCount(file, years)
    expect("issues" in expected && expected.issues.map((issue) => issue.path)).toEqual(["sex", "birthYear"])
    const counted = countSample(rowFormat)
    // The sample's lines are counted without a header line.
    expect(counted.issues.map((issue) => [(issue.line ?? 0) + 1, issue.path])).toEqual("issues" in expected ? expected.issues.map((issue) => [issue.line, issue.path]) : [])
    expect(counted.rows).toBeGreaterThan(500)
  })

  it("is read by the fast path alone, so a worker thread needs no reference reader for it", () => {
    const needsReader = (): never => {
      throw new NeedsRowReader()
    }
    const tablesOnly: RowFormat = { ...rowFormat, readHeader: needsReader, reader: needsReader }
    expect(() => countSample(tablesOnly)).not.toThrow()
  })
})
