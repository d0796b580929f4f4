import { formatIssues } from "@uppdrag/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { Cube, Publication } from "../src/index.js"
import { encode, flatPopulation, header } from "./fixtures.js"

const years = { from: 2023, to: 2023 }
const text = [header, ...[1, 2, 3, 4, 5, 6].map((i) => `P${i},01,K,1990,sluten-lpt,2023-01-01,2023-01-10`), "Q1,09,M,1990,akut-lrv,2023-01-01,"].join("\n")
const cube = Result.getOrThrow(await Cube.fromEpisodes(encode(text), "p.csv", { years, population: flatPopulation(years) }))

describe("publishing formats", () => {
  it("the project JSON has every cell, masked ones with null, and reads back to the same cube", () => {
    const json = Publication.toJson(cube)
    const data = JSON.parse(json)
    expect(data.threshold).toBe(5)
    expect(data.cells).toHaveLength(Cube.cellsPerYear)
    expect(data.cells).toContainEqual({ year: 2023, region: "01", sex: "K", ageGroup: "25-34", careForm: "sluten-lpt", patients: 6, per100k: 60, suppressed: false })
    expect(data.cells).toContainEqual({ year: 2023, region: "09", sex: "M", ageGroup: "25-34", careForm: "akut-lrv", patients: null, per100k: null, suppressed: true })
    const again = Result.getOrThrow(Publication.parseJson(json, "kub.json"))
    expect(again.patients).toEqual(cube.patients)
    expect(again.per100k).toEqual(cube.per100k)
  })

  it("CSV: plain numbers, empty where masked", () => {
    const lines = Publication.toCsv(cube).split("\n")
    expect(lines[0]).toBe("year,region,sex,ageGroup,careForm,patients,per100k,suppressed")
    expect(lines).toContain("2023,01,K,25-34,sluten-lpt,6,60,false")
    expect(lines).toContain("2023,09,M,25-34,akut-lrv,,,true")
  })

  it("JSON-stat 2.0: dimensions, sizes, null values with status '.'", () => {
    const stat = JSON.parse(Publication.toJsonStat(cube))
    expect(stat.version).toBe("2.0")
    expect(stat.size.reduce((a: number, b: number) => a * b, 1)).toBe(stat.value.length)
    expect(stat.dimension.region.category.label["00"]).toBe("Riket")
    const masked = Object.keys(stat.status).map(Number)
    expect(masked.length).toBe(2 * [...Cube.cells(cube)].filter((c) => c.suppressed).length)
    for (const i of masked) expect(stat.value[i]).toBeNull()
  })

  it("malformed cube JSON: not JSON, a cell missing, a cell twice, a masked cell with a value", () => {
    const problems = (text: string) => {
      const result = Publication.parseJson(text, "kub.json")
      return Result.isFailure(result) ? formatIssues(result.failure.source, result.failure.issues) : []
    }
    expect(problems("{")[0]).toBe("kub.json:1: ogiltig JSON: filen tar slut innan objektet stängs med } (kolumn 2)")
    const data = JSON.parse(Publication.toJson(cube))
    expect(problems(JSON.stringify({ ...data, cells: data.cells.slice(1) }))).toEqual(["kub.json: cells: 1 celler saknas (kuben ska ha alla år 2023–2023)"])
    expect(problems(JSON.stringify({ ...data, cells: [...data.cells, data.cells[0]] }))).toEqual(["kub.json: cells[2970]: cellen finns två gånger"])
    const leaky = data.cells.map((c: { suppressed: boolean }) => (c.suppressed ? { ...c, patients: 1 } : c))
    expect(problems(JSON.stringify({ ...data, cells: leaky }))[0]).toMatch(/patients ska vara null precis när cellen är prickad/)
    expect(problems(JSON.stringify({ ...data, cells: [{ ...data.cells[0], patients: -3 }, ...data.cells.slice(1)] }))[0]).toMatch(/^kub.json: cells\[0\].patients: måste vara minst 0/)
  })

  it("an unprotected cube is refused: a small count shown, or a masked cell that subtraction gives away", () => {
    const problems = (data: unknown) => {
      const result = Publication.parseJson(JSON.stringify(data), "kub.json")
      return Result.isFailure(result) ? formatIssues(result.failure.source, result.failure.issues) : []
    }
    const data = JSON.parse(Publication.toJson(cube))
    type C = { region: string; sex: string; ageGroup: string; careForm: string; suppressed: boolean; patients: number | null; per100k: number | null }
    const shown = data.cells.map((c: C) => (c.region === "09" && c.sex === "M" && c.ageGroup === "25-34" && c.careForm === "akut-lrv" ? { ...c, patients: 1, suppressed: false } : c))
    const at = data.cells.findIndex((c: C) => c.region === "09" && c.sex === "M" && c.ageGroup === "25-34" && c.careForm === "akut-lrv")
    expect(problems({ ...data, cells: shown })[0]).toBe(`kub.json: cells[${at}].patients: 2023 akut-lrv 09 M 25-34: 1 patienter är under tröskeln 5 men inte prickat`)
    const unmasked = data.cells.map((c: C) => (c.careForm === "akut-lrv" && c.suppressed && !(c.region === "09" && c.sex === "M" && c.ageGroup === "25-34") ? { ...c, patients: 0, suppressed: false } : c))
    expect(problems({ ...data, cells: unmasked })).toEqual(["kub.json: cells: 2023 akut-lrv: 1 prickade celler kan räknas fram ur tabellens övriga celler"])
  })
})
