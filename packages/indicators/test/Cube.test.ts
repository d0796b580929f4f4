import fc from "fast-check"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { Cube } from "../src/index.js"
import { encode, flatPopulation, header } from "./fixtures.js"

const years = { from: 2023, to: 2024 }

// Five of each pattern, so that no count is below the threshold of 5 and every
// figure is published exactly.
const five = (make: (i: number) => string): string => [1, 2, 3, 4, 5].map(make).join("")
const handMade = [
  header,
  // A: women born 1990, sluten LPT in Stockholm and in Uppsala in 2023, A1 twice in Stockholm.
  five((i) => `A${i},01,K,1990,sluten-lpt,2023-03-01,2023-03-20\nA${i},03,K,1990,sluten-lpt,2023-06-01,2023-06-10\n`).trimEnd(),
  "A1,01,K,1990,sluten-lpt,2023-09-01,2023-09-05",
  // B: men born 1950, one stay in Stockholm across New Year 2023/2024.
  five((i) => `B${i},01,M,1950,sluten-lpt,2023-12-28,2024-01-05\n`).trimEnd(),
  // C: men born 2000, open öppen LPT in Västra Götaland since May 2023.
  five((i) => `C${i},14,M,2000,oppen-lpt,2023-05-01,\n`).trimEnd(),
  // D: one episode that ended before the cube's years: read, not counted.
  "D1,01,K,1980,domstols-lrv,2019-01-01,2022-12-31"
].join("\n")

const compute = async (text: string, options: Partial<Cube.Options> = {}) => {
  const result = await Cube.fromEpisodes(encode(text), "handgjord.csv", { years, population: flatPopulation(years), ...options })
  if (Result.isFailure(result)) throw new Error(result.failure.message)
  return result.success
}

const patients = (cube: Cube.Cube, at: Partial<Cube.Coordinates>) =>
  Cube.get(cube, { year: 2023, region: "00", sex: "T", ageGroup: "alla", careForm: "sluten-lpt", ...at })?.patients

describe("episodes to the cube: hand-made file with known answers", () => {
  it("a patient treated in two regions counts in both, but once for Riket", async () => {
    const cube = await compute(handMade)
    expect(patients(cube, { region: "01", sex: "K" })).toBe(5)
    expect(patients(cube, { region: "03", sex: "K" })).toBe(5)
    expect(patients(cube, { region: "00", sex: "K" })).toBe(5)
    expect(patients(cube, { region: "00", sex: "K", ageGroup: "25-34" })).toBe(5)
  })

  it("two episodes of one patient in one region and year count once", async () => {
    const cube = await compute(handMade)
    expect(patients(cube, { region: "01" })).toBe(10)
  })

  it("an episode spanning New Year counts in both years, in the age group of each year", async () => {
    const cube = await compute(handMade)
    expect(patients(cube, { region: "01", sex: "M", ageGroup: "65-74" })).toBe(5)
    expect(patients(cube, { year: 2024, region: "01", sex: "M", ageGroup: "65-74" })).toBe(5)
    expect(patients(cube, { year: 2024, region: "01", sex: "K" })).toBe(0)
    expect(patients(cube, { year: 2024, region: "00" })).toBe(5)
  })

  it("an open episode counts in every year up to the last year of the cube", async () => {
    const cube = await compute(handMade)
    for (const year of [2023, 2024]) {
      expect(patients(cube, { year, region: "14", sex: "M", ageGroup: "18-24", careForm: "oppen-lpt" })).toBe(5)
      expect(patients(cube, { year, region: "00", careForm: "oppen-lpt" })).toBe(5)
    }
  })

  it("an episode that ended before the first year is not counted", async () => {
    const cube = await compute(handMade)
    expect(patients(cube, { careForm: "domstols-lrv" })).toBe(0)
    expect(cube.rows).toBe(22)
    expect(cube.distinctPatients).toBe(16)
  })

  it("rates are per 100 000 of the matching population, one decimal, rounded half up", async () => {
    const cube = await compute(handMade)
    // Stockholm, both sexes, all ages: 10 patients of 160 000 inhabitants = 6.25 → 6.3.
    expect(Cube.get(cube, { year: 2023, region: "01", sex: "T", ageGroup: "alla", careForm: "sluten-lpt" })?.per100k).toBe(6.3)
    // Uppsala, women 25-34: 5 of 10 000 = 50.
    expect(Cube.get(cube, { year: 2023, region: "03", sex: "K", ageGroup: "25-34", careForm: "sluten-lpt" })?.per100k).toBe(50)
    // Riket, both sexes, all ages: 10 of 21 × 160 000 = 0.2976… → 0.3.
    expect(Cube.get(cube, { year: 2023, region: "00", sex: "T", ageGroup: "alla", careForm: "sluten-lpt" })?.per100k).toBe(0.3)
    expect(Cube.rate(1, 3)).toBe(33333.3)
    expect(Cube.rate(2, 3)).toBe(66666.7)
  })

  it("without a population every rate is null but counts are published", async () => {
    const result = await Cube.fromEpisodes(encode(handMade), "handgjord.csv", { years })
    const cube = Result.getOrThrow(result)
    expect(Cube.get(cube, { year: 2023, region: "01", sex: "T", ageGroup: "alla", careForm: "sluten-lpt" })).toMatchObject({ patients: 10, per100k: null })
  })

  it("counts 1–4 are masked with their rates, and the cell can't be worked out by subtraction", async () => {
    const text = [handMade, "E1,09,K,1960,akut-lrv,2023-02-01,2023-02-02"].join("\n")
    const cube = await compute(text)
    const gotland = Cube.get(cube, { year: 2023, region: "09", sex: "K", ageGroup: "55-64", careForm: "akut-lrv" })!
    expect(gotland).toMatchObject({ patients: null, per100k: null, suppressed: true })
    // T = K + M and alla = Σ groups would give it away; the complements are masked too.
    expect(Cube.get(cube, { year: 2023, region: "09", sex: "T", ageGroup: "55-64", careForm: "akut-lrv" })?.suppressed).toBe(true)
    expect(Cube.get(cube, { year: 2023, region: "09", sex: "K", ageGroup: "alla", careForm: "akut-lrv" })?.suppressed).toBe(true)
  })

  it("the result does not depend on how the file is cut into chunks", async () => {
    const whole = await compute(handMade)
    const bytes = new TextEncoder().encode(handMade.replaceAll("\n", "\r\n"))
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), async (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), bytes.length]
        const chunks = points.slice(1).map((end, i) => bytes.slice(points[i]!, end))
        const cube = Result.getOrThrow(await Cube.fromEpisodes(chunks, "delad.csv", { years, population: flatPopulation(years) }))
        expect(cube.patients).toEqual(whole.patients)
      }),
      { numRuns: 25 }
    )
  })

  it("columns in another order, quoted fields and a BOM are read the same", async () => {
    const reordered = [
      "\uFEFFstart,end,patient,careForm,birthYear,sex,region",
      ...handMade
        .split("\n")
        .slice(1)
        .map((line) => {
          const [patient, region, sex, birthYear, careForm, start, end] = line.split(",")
          return `${start},${end},"${patient}",${careForm},${birthYear},"${sex}",${region}`
        })
    ].join("\n")
    const a = await compute(handMade)
    const b = await compute(reordered)
    expect(b.patients).toEqual(a.patients)
  })
})
