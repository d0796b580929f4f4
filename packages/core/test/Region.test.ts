import { readFileSync } from "node:fs"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Region from "../src/Region.js"

// ../shared/data/regions.csv from the project root: the reference list of the 21 regions.
const csv = readFileSync(new URL("../../../../shared/data/regions.csv", import.meta.url), "utf8")
const reference = csv
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [code, name] = line.split(",")
    return { code, name }
  })

describe("Region", () => {
  it("has the 21 regions of shared/data/regions.csv in SCB code order", () => {
    expect(reference).toHaveLength(21)
    expect(Region.all.map((r) => ({ code: r.code, name: r.name }))).toEqual(reference)
    const codes = Region.all.map((r) => r.code)
    expect([...codes].sort()).toEqual(codes)
  })

  it("finds Stockholm by code, county name, short name and authority", () => {
    for (const text of ["01", "1", "Stockholms län", "Stockholm", "Region Stockholm", "stockholms län", "  Region  Stockholm "]) {
      expect(Region.find(text)?.code, text).toBe("01")
    }
    expect(Region.find("Stockholm")?.name).toBe("Stockholms län")
    expect(Region.find("01")?.authority).toBe("Region Stockholm")
  })

  it("seed 003, Bilaga: every county name of the appendix table is found", () => {
    const table = readFileSync(new URL("../../../../shared/data/allocation-2026-specialiserad-psykiatri.csv", import.meta.url), "utf8")
    const rows = table.trim().split("\n").slice(1).map((line) => line.split(","))
    expect(rows).toHaveLength(21)
    for (const [code, name] of rows) expect(Region.find(name!)?.code, name).toBe(code)
  })

  it("finds names with Swedish letters and alternative forms", () => {
    expect(Region.find("Västra Götalands län")?.code).toBe("14")
    expect(Region.find("Region Västra Götaland")?.code).toBe("14")
    expect(Region.find("Västra Götaland")?.code).toBe("14")
    expect(Region.find("Region Jämtland Härjedalen")?.code).toBe("23")
    expect(Region.find("Jämtland")?.code).toBe("23")
    expect(Region.find("Sörmland")?.code).toBe("04")
    expect(Region.find("Södermanlands län")?.code).toBe("04")
    expect(Region.find("Region Gotland")?.code).toBe("09")
    expect(Region.find("ÖREBRO LÄN")?.code).toBe("18")
    expect(Region.find("25 Norrbottens län")?.code).toBe("25")
  })

  it("knows Riket as code 00, not as one of the 21", () => {
    expect(Region.find("Riket")?.code).toBe("00")
    expect(Region.find("00")).toBe(Region.riket)
    expect(Region.fromCode("00")).toBe(Region.riket)
    expect(Region.isRegionCode("00")).toBe(false)
    expect(Region.all).not.toContain(Region.riket)
  })

  it("every region is found by each of its names", () => {
    fc.assert(
      fc.property(fc.constantFrom(...Region.all), fc.constantFrom("code", "name", "shortName", "authority") as fc.Arbitrary<"code" | "name" | "shortName" | "authority">, (region, field) => {
        expect(Region.find(region[field])).toBe(region)
      }),
      { numRuns: 100 }
    )
  })

  it("refuses unknown regions and codes", () => {
    for (const text of ["02", "11", "26", "99", "Narnia", "", "Region", "län"]) expect(Region.find(text), text).toBeUndefined()
    expect(Region.isRegionCode("02")).toBe(false)
    expect(Region.isRegionCode("1")).toBe(false)
    const parsed = Region.parse("Narnia")
    expect(Result.isFailure(parsed)).toBe(true)
    if (Result.isFailure(parsed)) expect(parsed.failure).toBe('okänd region "Narnia" (ange SCB-kod 01–25 eller länets namn)')
    expect(Region.codeSchema.safeParse("02").error?.issues[0]?.message).toBe('okänd regionkod "02"')
    expect(Region.codeSchema.safeParse("00").success).toBe(false)
    expect(Region.codeSchema.safeParse("09").success).toBe(true)
  })
})
