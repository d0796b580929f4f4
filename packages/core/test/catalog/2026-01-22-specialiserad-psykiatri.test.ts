import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import * as Catalog from "../../src/Catalog.js"
import * as DateRange from "../../src/DateRange.js"
import * as PopulationBasis from "../../src/PopulationBasis.js"
import { assignment, builtin, expectQuoted, obligation, seedText } from "../SeedText.js"

const seed = seedText("003_1b2fe331ed6dbde7.txt")
const seed001 = seedText("001_65bc51d876daee58.txt")
const a = assignment("specialiserad-psykiatri-2026")
const grant = Catalog.findGrant(builtin(), "specialiserad-psykiatri-2026")!.grant

describe("seed 003: Regeringsbeslut 1:7, 2026-01-22 (S2025/01528)", () => {
  it("is dated 2026-01-22 with diary numbers S2025/01528, S2025/02071, S2026/00095 (delvis)", () => {
    expectQuoted(seed, "2026-01-22 S2025/01528 S2025/02071 S2026/00095 (delvis)")
    expect(a.decided).toBe("2026-01-22")
    expect(a.decidedPrecision).toBe("day")
    expect(a.diaryNumbers).toEqual(["S2025/01528", "S2025/02071", "S2026/00095 (delvis)"])
    for (const ref of ["S2025/01528", "S2025/02071", "S2026/00095"]) expect(Catalog.findAssignment(builtin(), ref)).toBe(a)
  })

  it("'får Socialstyrelsen under 2026 använda 1 500 000 000 kronor … 1 490 000 000 kronor betalas ut till regionerna och 10 000 000 kronor användas av Socialstyrelsen'", () => {
    expectQuoted(seed, "Av dessa medel får 1 490 000 000 kronor betalas ut till regionerna och 10 000 000 kronor användas av Socialstyrelsen för eget arbete")
    expect(a.funding.find((f) => f.year === 2026)).toEqual(expect.objectContaining({ total: 1_500_000_000, ownUse: 10_000_000, toRegions: 1_490_000_000, planned: false }))
  })

  it("planned 1 500 000 000 (2027) and 1 200 000 000 (2028), conditional on parliament", () => {
    expect(a.funding.filter((f) => f.planned).map((f) => [f.year, f.total])).toEqual([
      [2027, 1_500_000_000],
      [2028, 1_200_000_000]
    ])
  })

  it("'Medlen ska betalas ut engångsvis senast den 1 december 2026.' and repayment by 2027-03-31", () => {
    expectQuoted(seed, "Medlen ska betalas ut engångsvis senast den 1 december 2026.")
    expectQuoted(seed, "Medel som inte har använts för avsett ändamål ska återbetalas till Socialstyrelsen senast den 31 mars 2027.")
    expect([grant.payoutBy, grant.repaymentBy]).toEqual(["2026-12-01", "2027-03-31"])
    expect(obligation(a, "utbetalning-2026").due).toBe("2026-12-01")
    expect(obligation(a, "aterbetalning-2027").due).toBe("2027-03-31")
  })

  it("reports 2026-03-30, 2027-05-30, 2028-05-30, final 2029-11-30, citing the diary number", () => {
    expectQuoted(seed, "Redovisningarna ska hänvisa till diarienumret för detta beslut.")
    const reports = a.obligations.filter((o) => o.kind === "delredovisning" || o.kind === "slutredovisning")
    expect(reports.map((o) => o.due)).toEqual(["2026-03-30", "2027-05-30", "2028-05-30", "2029-11-30"])
    for (const o of reports) expect(o.citeDiaryNumber).toBe(true)
  })

  it("'Regionernas redovisning av medel ska ske senast det datum som Socialstyrelsen bestämmer.'", () => {
    const o = obligation(a, "regionernas-redovisning-2026")
    expect([o.due, o.dueSetBy]).toEqual([null, "Socialstyrelsen"])
  })

  it("Bilaga: three components under grant specialiserad-psykiatri-2026, SCB september 2025", () => {
    expect(grant.amount).toBe(1_490_000_000)
    expect(grant.components.map((c) => [c.id, c.amount, PopulationBasis.format(PopulationBasis.unsafeParse(c.basis)), c.populationReference])).toEqual([
      ["vardkapacitet", 1_140_000_000, "18+", "SCB september 2025"],
      ["sjalvvald_inlaggning", 200_000_000, "18+", "SCB september 2025"],
      ["flexibla_overgangar", 150_000_000, "0-25", "SCB september 2025"]
    ])
    expectQuoted(seed, "per september 2025 enligt uppgifter från Statistikmyndigheten SCB")
  })

  it("Bilaga: the published table's columns sum to the three components", () => {
    const table = readFileSync(new URL("../../../../../shared/data/allocation-2026-specialiserad-psykiatri.csv", import.meta.url), "utf8")
    const rows = table.trim().split("\n").slice(1).map((line) => line.split(","))
    const column = (i: number) => rows.reduce((sum, row) => sum + Number(row[i]), 0)
    expect([column(2), column(3), column(4), column(5)]).toEqual([1_140_000_000, 200_000_000, 150_000_000, 1_490_000_000])
  })

  it("seed 001: 'Bidraget kan rekvireras mellan 1 april – 18 maj.' is the requisition window 2026-04-01..2026-05-18", () => {
    expect(seed001).toContain("Bidraget kan rekvireras mellan 1 april – 18 maj.")
    expect(DateRange.format(grant.requisitionWindow!)).toBe("2026-04-01..2026-05-18")
    expect(obligation(a, "rekvisition-2026").due).toBe("2026-05-18")
  })

  it("seed 001: 'Regeringsuppdrag som slutredovisas den 30 november 2029'", () => {
    expect(seed001).toContain("Regeringsuppdrag som slutredovisas den 30 november 2029")
    expect(obligation(a, "slutredovisning-2029-11-30").kind).toBe("slutredovisning")
  })

  it("every `related` diary number is cited in seed 003; the assignments seed 001 works with are in its own entry", () => {
    for (const r of a.related) expect(seed, r.diaryNumber).toContain(r.diaryNumber.replace(/\s*\(delvis\)/, ""))
    expect(Catalog.documentsAbout(builtin(), a).map((d) => d.id)).toEqual(["underlag-specialiserad-psykiatri-2026"])
  })

  it("consults the agencies of 'däribland Folkhälsomyndigheten, Inspektionen för vård och omsorg, … och Trafikverket'", () => {
    for (const p of a.consult.filter((p) => p.kind === "myndighet")) expectQuoted(seed, p.name)
  })

  it("the obligations' quoted sentences are in seed 003 (seed 001 where marked)", () => {
    for (const o of a.obligations) {
      const [own, fromSeed001] = o.source.split(/ \(Seed 001: /)
      for (const fragment of own!.split("…")) expectQuoted(seed, fragment.trim())
      if (fromSeed001 !== undefined) expectQuoted(seed001, fromSeed001.replace(/\)$/, ""))
    }
  })
})
