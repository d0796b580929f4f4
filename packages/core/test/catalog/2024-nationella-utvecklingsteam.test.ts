import { describe, expect, it } from "vitest"
import * as Assignment from "../../src/Assignment.js"
import * as Catalog from "../../src/Catalog.js"
import { assignment, builtin, expectQuoted, obligation, quotations, seedText } from "../SeedText.js"

const seed = seedText("004_dabfe0d2b3bf14be.txt")
const seed001 = seedText("001_65bc51d876daee58.txt")
const a = assignment("utvecklingsteam-2024")

describe("seed 004: nationella utvecklingsteam (S2024/01463)", () => {
  it("is found by its diary number, which seed 001 gives: 'Uppdrag om nationella utvecklingsteam inom den specialiserade psykiatriska vården (S2024/01463)'", () => {
    expect(seed001).toContain("Uppdrag om nationella utvecklingsteam inom den specialiserade psykiatriska vården (S2024/01463)")
    expect(Catalog.findAssignment(builtin(), "S2024/01463")?.id).toBe("utvecklingsteam-2024")
    expectQuoted(seed, a.title)
    expect(a.recipient).toBe("Socialstyrelsen")
  })

  it("decided in 2024 (year only in the seed)", () => {
    expect(Assignment.formatDecided(a)).toBe("2024")
    expect(a.decidedPrecision).toBe("year")
  })

  it("'För uppdraget får Socialstyrelsen under 2024 använda 8 000 000 kronor'", () => {
    expectQuoted(seed, "För uppdraget får Socialstyrelsen under 2024 använda 8 000 000 kronor")
    expect(a.funding).toEqual([expect.objectContaining({ year: 2024, total: 8_000_000, ownUse: 8_000_000 })])
    expect(a.appropriation?.appropriation).toBe("1:8")
    expect(a.appropriation?.item).toBe(3)
  })

  it("'Socialstyrelsen ska senast den 31 mars 2025 lämna en redovisning av uppdraget till Regeringskansliet (Socialdepartementet).'", () => {
    const o = obligation(a, "redovisning-2025-03-31")
    expect([o.kind, o.due, o.recipient]).toEqual(["slutredovisning", "2025-03-31", "Regeringskansliet (Socialdepartementet)"])
    expect(o.contents.some((c) => c.includes("Kostnadsberäkningar"))).toBe(true)
    const reports = a.obligations.filter((x) => x.kind === "delredovisning" || x.kind === "slutredovisning")
    expect(reports).toHaveLength(1)
  })

  it("requisition by 2024-12-01, repayment and financial report to Kammarkollegiet by 2025-03-31", () => {
    expect(obligation(a, "rekvisition-2024").due).toBe("2024-12-01")
    expect(obligation(a, "aterbetalning-2025").due).toBe("2025-03-31")
    expect(obligation(a, "ekonomisk-redovisning-2025").due).toBe("2025-03-31")
    for (const o of a.obligations) expect(o.citeDiaryNumber, o.id).toBe(true)
  })

  it("consults IVO and Delegationen för brottsförebyggande åtgärder inom socialtjänstens område (S 2023:C)", () => {
    expect(a.consult.filter((p) => p.kind !== "organisation").map((p) => p.id)).toEqual(["ivo", "brottsforebyggande-delegationen"])
    expectQuoted(seed, "Delegationen för brottsförebyggande åtgärder inom socialtjänstens område (S 2023:C)")
  })

  it("'Socialstyrelsen ska löpande informera Regeringskansliet (Socialdepartementet) om hur arbetet med uppdraget fortskrider.'", () => {
    expect(a.requirements[0]).toContain("löpande informera")
  })

  it("perspectives: anhörig, barnrätt, funktionshinder, jämställdhet", () => {
    expect(a.perspectives.map((p) => p.split(",")[0])).toEqual(["Anhörigperspektivet", "Barnrättsperspektivet", "Funktionshindersperspektivet", "Jämställdhetsperspektivet"])
  })

  it("every quoted sentence is in seed 004", () => {
    for (const quote of quotations(a)) expectQuoted(seed, quote)
  })
})
