import { describe, expect, it } from "vitest"
import * as Assignment from "../src/Assignment.js"
import { fromZodIssues } from "../src/ZodIssues.js"
import { assignment } from "./SeedText.js"

const minimal = {
  id: "eget",
  kind: "regeringsuppdrag",
  title: "Eget uppdrag",
  decided: "2026-02-02",
  diaryNumbers: ["S2026/01234"],
  ministry: "Socialdepartementet",
  recipient: "Socialstyrelsen"
}

const problems = (input: unknown) => {
  const result = Assignment.AssignmentSchema.safeParse(input, { reportInput: true })
  return result.success ? [] : fromZodIssues(result.error.issues).map((i) => `${i.path}: ${i.message}`)
}

describe("Assignment", () => {
  it("matches the 2026 decision by id and by each of its diary numbers, in whole or in part (seed 003)", () => {
    const a = assignment("specialiserad-psykiatri-2026")
    for (const ref of ["specialiserad-psykiatri-2026", "S2025/01528", "S2025/02071", "S2026/00095", "S2026/00095 (delvis)"]) expect(Assignment.matches(a, ref), ref).toBe(true)
    for (const ref of ["S2024/01004", "S2025/1528", "tvangsvard-2024"]) expect(Assignment.matches(a, ref), ref).toBe(false)
  })

  it("defaults: day precision, empty lists", () => {
    const a = Assignment.AssignmentSchema.parse(minimal)
    expect([a.decidedPrecision, a.funding, a.grants, a.obligations, a.requirements]).toEqual(["day", [], [], [], []])
    expect(Assignment.formatDecided(a)).toBe("2026-02-02")
    expect(Assignment.mainDiaryNumber(a)).toBe("S2026/01234")
  })

  it("a year-precision date is written as 1 January", () => {
    expect(problems({ ...minimal, decided: "2024-05-01", decidedPrecision: "year" })).toEqual(["decided: med decidedPrecision: year skrivs datumet som ÅÅÅÅ-01-01"])
    expect(Assignment.formatDecided(Assignment.AssignmentSchema.parse({ ...minimal, decided: "2024-01-01", decidedPrecision: "year" }))).toBe("2024")
  })

  it("an obligation needs a date or who sets it (seed 003: 'senast det datum som Socialstyrelsen bestämmer')", () => {
    const obligation = { id: "x", kind: "ekonomisk-redovisning", title: "X", due: null, responsible: "regionerna", recipient: "Socialstyrelsen", source: "s" }
    expect(problems({ ...minimal, obligations: [obligation] })).toEqual(["obligations[0].due: datum saknas: ange due eller dueSetBy"])
    expect(problems({ ...minimal, obligations: [{ ...obligation, dueSetBy: "Socialstyrelsen" }] })).toEqual([])
  })

  it("an obligation cannot fall due before its decision, nor outside 1900–2199", () => {
    const obligation = { id: "x", kind: "delredovisning", title: "X", responsible: "Socialstyrelsen", recipient: "Regeringskansliet", source: "s" }
    expect(problems({ ...minimal, obligations: [{ ...obligation, due: "2026-02-01" }] })).toEqual(["obligations[0].due: 2026-02-01 är före beslutsdatumet 2026-02-02"])
    expect(problems({ ...minimal, obligations: [{ ...obligation, due: "2026-02-02" }] })).toEqual([])
    expect(problems({ ...minimal, obligations: [{ ...obligation, due: "0000-01-01" }] })).toEqual([
      "obligations[0].due: 0000-01-01 ligger utanför de datum som stöds (1900-01-01–2199-12-31)"
    ])
    // A decision known only by its year is taken as 1 January of it.
    expect(problems({ ...minimal, decided: "2024-01-01", decidedPrecision: "year", obligations: [{ ...obligation, due: "2023-12-31" }] })).toEqual([
      "obligations[0].due: 2023-12-31 är före beslutsdatumet 2024"
    ])
  })

  it("funding parts sum to the total and name an existing grant", () => {
    const parts = [
      { id: "a", title: "A", amount: 7_000_000, usedBy: "SKL", source: "s" },
      { id: "a", title: "B", amount: 49_500_000, usedBy: "landstingen", grant: "finns-inte", source: "s" }
    ]
    expect(problems({ ...minimal, funding: [{ year: 2012, total: 56_500_000, parts }] })).toEqual([
      "funding[0].parts[1].id: delen a finns redan",
      "funding[0].parts[1].grant: statsbidraget finns-inte finns inte bland grants"
    ])
    expect(problems({ ...minimal, funding: [{ year: 2012, total: 56_500_000, parts: [parts[0], { ...parts[1], id: "b" }] }] })).toEqual([
      "funding[0].parts[1].grant: statsbidraget finns-inte finns inte bland grants"
    ])
    expect(problems({ ...minimal, funding: [{ year: 2012, total: 56_500_001, parts: [parts[0]] }] })).toEqual(["funding[0].parts: delarna summerar till 7 000 000 kr, inte 56 500 001 kr"])
  })

  it("the same funding year twice, own use and regions over the total", () => {
    expect(problems({ ...minimal, funding: [{ year: 2026, total: 10 }, { year: 2026, total: 10 }] })).toEqual(["funding[1].year: året 2026 finns redan"])
    expect(problems({ ...minimal, funding: [{ year: 2026, total: 10, ownUse: 6, toRegions: 5 }] })).toEqual(["funding[0].toRegions: eget arbete och medel till regioner överstiger totalen"])
  })

  it("refuses unknown fields at every level", () => {
    const found = problems({ ...minimal, beslutad: "2026-02-02", appropriation: { expenditureArea: 9, expenditureAreaName: "x", appropriation: "1:8", appropriationName: "y", post: 1 } })
    expect(found.sort()).toEqual(["appropriation.post: okänt fält", "beslutad: okänt fält"])
  })

  it("an appropriation is written like 1:8", () => {
    expect(problems({ ...minimal, appropriation: { expenditureArea: 9, expenditureAreaName: "x", appropriation: "1.8", appropriationName: "y" } })).toEqual(["appropriation.appropriation: anslag skrivs t.ex. 1:8"])
  })
})
