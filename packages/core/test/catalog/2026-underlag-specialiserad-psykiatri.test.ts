import { describe, expect, it } from "vitest"
import * as Assignment from "../../src/Assignment.js"
import * as Catalog from "../../src/Catalog.js"
import { assignment, builtin, expectQuoted, quotations, seedText } from "../SeedText.js"

const seed = seedText("001_65bc51d876daee58.txt")
const a = assignment("underlag-specialiserad-psykiatri-2026")

describe("seed 001: Socialstyrelsen's presentation of the 2026 assignment", () => {
  it("'Stärka den specialiserade psykiatriska vården för vuxna med särskilt fokus på ökad vårdkapacitet': an underlag by Socialstyrelsen", () => {
    expectQuoted(seed, a.title)
    expect([a.kind, a.issuedBy, Assignment.kindLabel(a.kind)]).toEqual(["underlag", "Socialstyrelsen", "Underlag"])
    expect(a.diaryNumbers).toEqual([])
  })

  it("concerns the decision of 2026-01-22 (S2025/01528), which the catalog holds, and is not found by that diary number", () => {
    expect(a.concerns).toBe("S2025/01528")
    expect(Catalog.findAssignment(builtin(), "S2025/01528")?.id).toBe("specialiserad-psykiatri-2026")
    expect(Catalog.findAssignment(builtin(), "S2025/01528")?.decided).toBe("2026-01-22")
  })

  it("undated: listed as 2026, the year of the decision it presents and of the diary numbers it cites", () => {
    expect(Assignment.formatDecided(a)).toBe("2026")
    for (const d of ["S2026/00382", "S2026/00227"]) expect(seed).toContain(d)
  })

  it("holds no dates or money of its own: the requisition window 'mellan 1 april – 18 maj' is the decision's grant's", () => {
    expect([a.obligations, a.grants, a.funding]).toEqual([[], [], []])
    expectQuoted(seed, "Bidraget kan rekvireras mellan 1 april – 18 maj.")
    expect(Catalog.findGrant(builtin(), "specialiserad-psykiatri-2026")?.grant.requisitionWindow).toEqual({ start: "2026-04-01", end: "2026-05-18" })
  })

  it("'1 490 000 000 kronor till regionerna efter rekvisition ska … användas till' three purposes: care capacity, self-admission, transitions", () => {
    expect(a.requirements[0]).toBe("1 490 000 000 kronor till regionerna efter rekvisition ska, utifrån regionens identifierade behov, användas till")
    expect(a.requirements.slice(1, 4).map((r) => r.split(" ").slice(0, 3).join(" "))).toEqual(["öka antalet vårdplatser", "insatser för att", "strukturerade åtgärder för"])
  })

  it("'Samarbeten – andra uppdrag': every assignment it lists with a diary number, in its order", () => {
    expect(a.related.map((r) => r.diaryNumber)).toEqual([
      "S2024/01004 (delvis)",
      "S2026/00382",
      "S2025/01284",
      "S2024/01058",
      "S2024/01463",
      "S2024/02037",
      "S2026/00227 (delvis)",
      "S2025/01686",
      "S2025/00016",
      "S2021/00820",
      "S2024/00196 (delvis)",
      "S2025/00116"
    ])
    for (const r of a.related) {
      expect(seed, r.diaryNumber).toContain(r.diaryNumber.replace(/\s*\(delvis\)/, ""))
      expectQuoted(seed, r.title)
    }
  })

  it("every quoted sentence is in seed 001", () => {
    for (const quote of quotations(a)) expectQuoted(seed, quote)
  })
})
