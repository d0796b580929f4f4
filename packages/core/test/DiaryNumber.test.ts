import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as DiaryNumber from "../src/DiaryNumber.js"

const p = DiaryNumber.unsafeParse

describe("DiaryNumber from the seeds", () => {
  it("seed 003: S2025/01528", () => {
    expect(DiaryNumber.parse("S2025/01528")).toEqual(Result.succeed({ department: "S", year: 2025, serial: 1528, partial: false }))
    expect(DiaryNumber.format(p("S2025/01528"))).toBe("S2025/01528")
  })

  it("seed 003: S2026/00095 (delvis) is cited in part", () => {
    const d = p("S2026/00095 (delvis)")
    expect(d).toEqual({ department: "S", year: 2026, serial: 95, partial: true })
    expect(DiaryNumber.format(d)).toBe("S2026/00095 (delvis)")
    expect(DiaryNumber.key(d)).toBe("S2026/00095")
  })

  it("seed 001 writes 'S2024/01004(delvis)' without a space: the same case", () => {
    const d = p("S2024/01004(delvis)")
    expect(d.partial).toBe(true)
    expect(DiaryNumber.equals(d, p("S2024/01004"))).toBe(true)
    expect(DiaryNumber.format(d)).toBe("S2024/01004 (delvis)")
  })

  it("orders by department, year, serial", () => {
    const sorted = ["S2026/00095", "S2025/02071", "S2019/01522", "S2025/01528", "Fi2024/00001"].map(p).sort(DiaryNumber.compare).map(DiaryNumber.key)
    expect(sorted).toEqual(["Fi2024/00001", "S2019/01522", "S2025/01528", "S2025/02071", "S2026/00095"])
    expect(DiaryNumber.compare(p("S2025/01528"), p("S2025/01528 (delvis)"))).toBe(0)
  })
})

describe("DiaryNumber properties", () => {
  it("format → parse round trip", () => {
    fc.assert(
      fc.property(fc.constantFrom("S", "Fi", "Ju", "U"), fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 99999 }), fc.boolean(), (department, year, serial, partial) => {
        const d = { department, year, serial, partial }
        expect(DiaryNumber.parse(DiaryNumber.format(d))).toEqual(Result.succeed(d))
      }),
      { numRuns: 100 }
    )
  })

  it("compare is consistent with the canonical text within a department", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 99999 }), (y1, s1, y2, s2) => {
        const a = { department: "S", year: y1, serial: s1, partial: false }
        const b = { department: "S", year: y2, serial: s2, partial: false }
        expect(Math.sign(DiaryNumber.compare(a, b))).toBe(Math.sign(DiaryNumber.key(a).localeCompare(DiaryNumber.key(b))))
      }),
      { numRuns: 100 }
    )
  })
})

describe("DiaryNumber refuses malformed numbers", () => {
  it.each(["S2025/1528", "S2025-01528", "2025/01528", "S25/01528", "s2025/01528", "S2025/015280", "S2025/01528 (del)", "S2025/01528 delvis", "", "S 2023:C"])("%j", (text) => {
    const result = DiaryNumber.parse(text)
    expect(Result.isFailure(result)).toBe(true)
    if (Result.isFailure(result)) expect(result.failure).toContain("är inte ett diarienummer")
  })

  it("an implausible year", () => {
    expect(DiaryNumber.parse("S1800/00001")).toEqual(Result.fail('"S1800/00001" har ett orimligt årtal'))
  })

  it("the zod schema carries the Swedish message", () => {
    expect(DiaryNumber.textSchema.safeParse("S2025/1528").error?.issues[0]?.message).toContain("är inte ett diarienummer")
    expect(DiaryNumber.textSchema.safeParse("S2025/01528").success).toBe(true)
  })
})
