import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as PopulationBasis from "../src/PopulationBasis.js"

describe("PopulationBasis", () => {
  it("seed 003, Bilaga: 'befolkningsmängd 18+ år' is an open band from 18", () => {
    const band = PopulationBasis.unsafeParse("18+")
    expect(band).toEqual({ from: 18, to: undefined })
    expect(PopulationBasis.contains(band, 17)).toBe(false)
    expect(PopulationBasis.contains(band, 18)).toBe(true)
    expect(PopulationBasis.contains(band, 104)).toBe(true)
  })

  it("seed 003, Bilaga: 'befolkningsmängd 0-25 år' includes both ends", () => {
    const band = PopulationBasis.unsafeParse("0-25")
    expect([PopulationBasis.contains(band, 0), PopulationBasis.contains(band, 25), PopulationBasis.contains(band, 26)]).toEqual([true, true, false])
  })

  it("seed 002: the whole population is 0+", () => {
    expect(PopulationBasis.format(PopulationBasis.unsafeParse("0+"))).toBe("0+")
  })

  it("a single year and the object form", () => {
    expect(PopulationBasis.unsafeParse("34")).toEqual({ from: 34, to: 34 })
    expect(PopulationBasis.format({ from: 34, to: 34 })).toBe("34")
    expect(PopulationBasis.parse({ from: 18, to: null })).toEqual(Result.succeed({ from: 18, to: undefined }))
    expect(PopulationBasis.schema.parse({ from: 0, to: 25 })).toBe("0-25")
  })

  it("format → parse round trip", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }), (from, width) => {
        const band = { from, to: width === undefined ? undefined : from + width }
        expect(PopulationBasis.unsafeParse(PopulationBasis.format(band))).toEqual(band)
      }),
      { numRuns: 100 }
    )
  })

  it.each(["25-0", "18-", "+18", "vuxna", "", "-1", "18.5+"])("refuses %j", (text) => {
    expect(Result.isFailure(PopulationBasis.parse(text))).toBe(true)
  })

  it("the schema reports a bad band in Swedish", () => {
    expect(PopulationBasis.schema.safeParse("25-0").error?.issues[0]?.message).toBe("25-0 är inte ett giltigt åldersintervall")
  })
})
