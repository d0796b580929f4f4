import { Kronor } from "@uppdrag/core"
import * as Result from "effect/Result"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Amount from "../src/Amount.js"

describe("Amount", () => {
  it("seed 003: \"1 490 000 000 kronor\" is exact funding", () => {
    expect(Amount.findAll("får Socialstyrelsen under 2026 betala ut 1 490 000 000 kronor till regionerna")).toMatchObject([{ kronor: 1_490_000_000, exact: true, hedge: undefined }])
  })

  it("seed 003, Ärendet: \"närmare en halv miljard kronor\", \"över 1,3 miljarder kronor\" and \"400 miljoner kronor\" are context, not funding", () => {
    const found = Amount.findAll(
      "avsatte regeringen under 2025 närmare en halv miljard kronor till regionerna … avsätter regeringen under 2026 över 1,3 miljarder kronor … avsätter regeringen 400 miljoner kronor"
    )
    expect(found.map((a) => [a.kronor, a.exact, a.hedge])).toEqual([
      [500_000_000, false, "närmare"],
      [1_300_000_000, false, "över"],
      [400_000_000, false, undefined]
    ])
  })

  it("a year before an amount is not part of it; öre and words that are not amounts are refused", () => {
    expect(Amount.findAll("under 2024 använda 11 000 000 kronor").map((a) => a.kronor)).toEqual([11_000_000])
    expect(Amount.findAll("12,50 kronor")).toEqual([])
    const refused = Amount.parse("tusentals kronor")
    expect(Result.isFailure(refused) && refused.failure._tag).toBe("AmountNotUnderstood")
  })

  it("property: an exact amount written with spaces reads back exact", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000_000 }), (n) => {
        const parsed = Result.getOrThrow(Amount.parse(Amount.format(Kronor.unsafeMake(n))))
        expect([parsed.kronor, parsed.exact]).toEqual([n, true])
      }),
      { numRuns: 200 }
    )
  })

  it("property: a rounded amount in words (\"1,3 miljarder kronor\") reads back to the krona, not exact", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 100_000 }), (tenths) => {
        const n = tenths * 100_000
        const parsed = Result.getOrThrow(Amount.parse(Amount.formatRounded(Kronor.unsafeMake(n))))
        expect([parsed.kronor, parsed.exact]).toEqual([n, false])
      }),
      { numRuns: 200 }
    )
  })
})
