import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { Comparison, Cube, Indicator } from "../src/index.js"
import { encode, flatPopulation, header } from "./fixtures.js"

const years = { from: 2022, to: 2023 }
const rows = (prefix: string, n: number, region: string, sex: string, year: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${i},${region},${sex},1980,sluten-lpt,${year}-03-01,${year}-03-05`)
const text = [
  header,
  ...rows("a", 10, "01", "K", 2023),
  ...rows("b", 10, "01", "M", 2023),
  ...rows("c", 5, "03", "K", 2023),
  ...rows("d", 5, "03", "M", 2023),
  ...rows("e", 8, "01", "K", 2022),
  ...rows("f", 8, "01", "M", 2022)
].join("\n")
const cube = Result.getOrThrow(await Cube.fromEpisodes(encode(text), "c.csv", { years, population: flatPopulation(years) }))

describe("comparison between regions", () => {
  it("rank, ratio to Riket, change from the previous year", () => {
    const table = Comparison.byRegion(cube, Indicator.find("lpt-sluten-per100k")!, { year: 2023 })
    // Riket: 30 of 3 360 000 = 0.9 per 100 000; Stockholm 20 of 160 000 = 12.5; Uppsala 10 of 160 000 = 6.3.
    expect(table.rows[0]).toMatchObject({ region: "00", value: 0.9, rank: null, ratioToRiket: 1 })
    expect(table.rows[1]).toMatchObject({ region: "01", value: 12.5, rank: 1, ratioToRiket: 13.89, change: 2.5, changePercent: 25 })
    expect(table.rows[2]).toMatchObject({ region: "03", value: 6.3, rank: 2, ratioToRiket: 7 })
    expect(table.rows[3]).toMatchObject({ region: "04", value: 0, rank: 3 })
  })

  it("the spread between regions as a coefficient of variation", () => {
    expect(Comparison.coefficientOfVariation([10, 20, 30])).toBe(40.8)
    expect(Comparison.coefficientOfVariation([5])).toBeNull()
    expect(Comparison.byRegion(cube, Indicator.find("lpt-sluten-patienter")!, { year: 2023 }).published).toBe(21)
  })

  it("share of women, and breakdowns by sex and age", () => {
    expect(Comparison.value(cube, Indicator.find("lpt-sluten-andel-kvinnor")!, { year: 2023, region: "00", sex: "T", ageGroup: "alla" })).toBe(50)
    expect(Comparison.breakdown(cube, Indicator.find("lpt-sluten-patienter")!, { year: 2023, by: "sex", region: "01" }).map((r) => r.value)).toEqual([10, 10, 20])
    expect(Comparison.breakdown(cube, Indicator.find("lpt-sluten-patienter")!, { year: 2023, by: "age" }).find((r) => r.key === "35-44")?.value).toBe(30)
  })
})
