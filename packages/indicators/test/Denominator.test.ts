import { Population } from "@uppdrag/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { Denominator } from "../src/index.js"

const years = { from: 2023, to: 2023 }

describe("population for the rates", () => {
  it("margins not given are sums: all ages from the groups, both sexes from K and M, Riket from the regions", () => {
    const text = `region,age,population,sex\n${["01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17", "18", "19", "20", "21", "22", "23", "24", "25"]
      .flatMap((r) => ["0-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+"].flatMap((a) => [`${r},${a},100,K`, `${r},${a},200,M`]))
      .join("\n")}\n`
    const population = Result.getOrThrow(Population.parse(new TextEncoder().encode(text), "b.csv"))
    const d = Denominator.make(Denominator.fromPopulation(population, 2023), years)
    if (!("values" in d)) throw new Error(JSON.stringify(d.issues))
    expect(d.values[Denominator.index(0, 1, 0, 8)]).toBe(800)
    expect(d.values[Denominator.index(0, 1, 2, 8)]).toBe(2400)
    expect(d.values[Denominator.index(0, 0, 2, 8)]).toBe(21 * 2400)
  })

  it("seed 002's 'befolkningen den 31 december året före': a lag of one year", () => {
    const d = Denominator.make([{ year: 2022, region: "01", sex: "K", age: { from: 0, to: 17 }, population: 5 }], years, { lag: 1 })
    expect("values" in d && d.values[Denominator.index(0, 1, 0, 0)]).toBe(5)
  })

  it("refuses a band that straddles two age groups, a negative figure, a duplicate, an unknown region", () => {
    const d = Denominator.make(
      [
        { region: "01", age: { from: 18, to: undefined }, population: 5, line: 2 },
        { region: "01", sex: "K", age: { from: 0, to: 17 }, population: -1, line: 3 },
        { region: "03", sex: "K", age: { from: 0, to: 17 }, population: 1, line: 4 },
        { region: "03", sex: "K", age: { from: 0, to: 17 }, population: 1, line: 5 },
        { region: "99", sex: "K", age: { from: 0, to: 17 }, population: 1, line: 6 }
      ],
      years
    )
    expect("issues" in d && d.issues.map((i) => `${i.line}: ${i.path}`)).toEqual(["2: age", "3: population", "5: ", "6: region"])
  })

  it("refuses a year of the cube without any population, naming it (red team: --years 2000 with 2023's file), with and without a lag", () => {
    const row = { year: 2023, region: "01", sex: "K" as const, age: { from: 0, to: 17 }, population: 5 }
    const d = Denominator.make([row], { from: 2000, to: 2000 })
    expect("issues" in d && d.issues.map((i) => i.message)).toEqual(["befolkning saknas för 2000 (31 december 2000); befolkning finns för 2023"])
    const lagged = Denominator.make([row], { from: 2023, to: 2024 }, { lag: 1 })
    expect("issues" in lagged && lagged.issues.map((i) => i.message)).toEqual(["befolkning saknas för 2023 (31 december 2022, året före); befolkning finns för 2023"])
    expect("values" in Denominator.make([row], { from: 2023, to: 2023 })).toBe(true)
    // A population without a year serves every year.
    expect("values" in Denominator.make([{ ...row, year: undefined }], { from: 2000, to: 2001 })).toBe(true)
  })
})
