import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Cube, Dimension, IndicatorPublication } from "../src/index.js"
import { encode, flatPopulation, header } from "./fixtures.js"

const years = { from: 2023, to: 2023 }
// Six patients in sluten LPT in Stockholms län (shown), one in akut LRV in Kalmar län (masked, with its complements).
const text = [header, ...[1, 2, 3, 4, 5, 6].map((i) => `P${i},01,K,1990,sluten-lpt,2023-01-01,2023-01-10`), "Q1,09,M,1990,akut-lrv,2023-01-01,"].join("\n")
const cube = Result.getOrThrow(await Cube.fromEpisodes(encode(text), "p.csv", { years, population: flatPopulation(years) }))
const at = (region: string, ageGroup: Dimension.AgeGroup, careForm: Dimension.CareForm, sex: Dimension.Sex) =>
  Cube.cellIndex(0, Dimension.careForms.indexOf(careForm), Dimension.regions.findIndex((r) => r.code === region), Dimension.sexes.indexOf(sex), Dimension.ageGroups.indexOf(ageGroup))
const withCount = (c: Cube.Cube, index: number, patients: number): Cube.Cube => {
  const changed = Int32Array.from(c.patients)
  changed[index] = patients
  return { ...c, patients: changed }
}

describe("IndicatorPublication.decide", () => {
  it("the first protected cube becomes version 1, with its figures and file", () => {
    const decided = Result.getOrThrow(IndicatorPublication.decide({ cube, source: "kub.json" }, []))
    expect(decided.version).toBe(1)
    expect(decided.source).toBe("kub.json")
    expect(decided.digest).toMatch(/^[0-9a-f]{64}$/)
    expect(decided.patients).toHaveLength(Cube.cellsPerYear)
    expect(IndicatorPublication.PayloadSchema.safeParse(JSON.parse(JSON.stringify(decided))).success).toBe(true)
  })

  it("reads back as the same cube, masked cells masked", () => {
    const decided = Result.getOrThrow(IndicatorPublication.decide({ cube, source: "kub.json" }, []))
    const again = IndicatorPublication.toCube(JSON.parse(JSON.stringify(decided)))
    expect(again.patients).toEqual(cube.patients)
    expect(again.per100k).toEqual(cube.per100k)
    const stockholm = Cube.get(again, { year: 2023, region: "01", sex: "K", ageGroup: "25-34", careForm: "sluten-lpt" })
    expect(stockholm?.patients).toBe(6)
    expect(Cube.get(again, { year: 2023, region: "09", sex: "M", ageGroup: "25-34", careForm: "akut-lrv" })?.suppressed).toBe(true)
  })

  it("refuses a cube that shows a count under the threshold, naming the cell", () => {
    // Kalmar län's one patient shown instead of masked.
    const leaky = withCount(cube, at("09", "25-34", "akut-lrv", "M"), 1)
    const decided = IndicatorPublication.decide({ cube: leaky, source: "kub.json" }, [])
    expect(Result.isFailure(decided)).toBe(true)
    if (Result.isSuccess(decided)) return
    expect(decided.failure._tag).toBe("NotProtected")
    expect(decided.failure.message).toMatch(/^kub\.json: kuben är inte skyddad och kan inte publiceras: 2023 akut-lrv 09 M 25-34: 1 patienter är under tröskeln 5 men inte prickat/)
  })

  it("refuses a cube whose masked cell can be worked out from the others", () => {
    // Unmask every complement of Kalmar län's masked cell but the cell itself: subtraction gives it away.
    const unmasked = Int32Array.from(cube.patients)
    const target = at("09", "25-34", "akut-lrv", "M")
    for (let i = 0; i < unmasked.length; i++) if (unmasked[i] === -1 && i !== target) unmasked[i] = 0
    const decided = IndicatorPublication.decide({ cube: { ...cube, patients: unmasked }, source: "kub.json" }, [])
    expect(Result.isFailure(decided) && decided.failure._tag === "NotProtected" && decided.failure.exposures.some((e) => e._tag === "Recoverable")).toBe(true)
  })

  it("refuses the same figures as the latest publication, and accepts them again after a different one", () => {
    const first = Result.getOrThrow(IndicatorPublication.decide({ cube, source: "kub.json" }, []))
    const again = IndicatorPublication.decide({ cube, source: "kopia.json" }, [first])
    expect(Result.isFailure(again) ? again.failure.message : "").toBe("kopia.json: samma kub är redan publicerad som version 1; ingen ny version behövs")
    const other = withCount(cube, at("01", "25-34", "sluten-lpt", "K"), 7)
    const second = Result.getOrThrow(IndicatorPublication.decide({ cube: other, source: "ny.json" }, [first]))
    expect(second.version).toBe(2)
    expect(Result.getOrThrow(IndicatorPublication.decide({ cube, source: "kub.json" }, [first, second])).version).toBe(3)
  })

  it("versions increase by one over any order of earlier versions", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { maxLength: 20 }), (versions) => {
        const prior = versions.map((version) => ({ version, digest: "0".repeat(64) }))
        const decided = Result.getOrThrow(IndicatorPublication.decide({ cube, source: "kub.json" }, prior))
        expect(decided.version).toBe(Math.max(0, ...versions) + 1)
      }),
      { numRuns: 50 }
    )
  })

  it("a stored payload whose arrays do not match its years does not read", () => {
    const decided = Result.getOrThrow(IndicatorPublication.decide({ cube, source: "kub.json" }, []))
    expect(IndicatorPublication.PayloadSchema.safeParse({ ...decided, years: { from: 2022, to: 2023 } }).success).toBe(false)
    expect(IndicatorPublication.PayloadSchema.safeParse({ ...decided, patients: decided.patients.slice(1) }).success).toBe(false)
  })
})
