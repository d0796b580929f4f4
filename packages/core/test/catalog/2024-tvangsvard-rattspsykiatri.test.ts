import { describe, expect, it } from "vitest"
import * as Assignment from "../../src/Assignment.js"
import * as Catalog from "../../src/Catalog.js"
import { assignment, builtin, expectQuoted, obligation, quotations, seedText } from "../SeedText.js"

const seed = seedText("000_7d674a434a587308.txt")
const seed001 = seedText("001_65bc51d876daee58.txt")
const a = assignment("tvangsvard-2024")

describe("seed 000: tvångsvård och rättspsykiatrisk vård (S2024/01004)", () => {
  it("is found by its diary number, which seed 001 gives: 'S2024/01004(delvis)'", () => {
    expect(seed001).toContain("(S2024/01004(delvis))")
    expect(Catalog.findAssignment(builtin(), "S2024/01004")?.id).toBe("tvangsvard-2024")
    expect(a.diaryNumbers).toEqual(["S2024/01004"])
    expect(a.kind).toBe("regeringsuppdrag")
    expect(a.recipient).toBe("Socialstyrelsen")
    expect(a.seed).toBe("000_7d674a434a587308.txt")
  })

  it("title: 'Uppdrag att genomföra insatser för att stärka och utveckla den psykiatriska tvångsvården och den rättspsykiatriska vården'", () => {
    expectQuoted(seed, a.title)
  })

  it("decided in 2024: the seed gives the year only ('under 2024 använda 11 000 000 kronor')", () => {
    expect(a.decided).toBe("2024-01-01")
    expect(a.decidedPrecision).toBe("year")
    expect(Assignment.formatDecided(a)).toBe("2024")
    expectQuoted(seed, "För uppdraget får Socialstyrelsen under 2024 använda 11 000 000 kronor")
  })

  it("'under 2024 använda 11 000 000 kronor … anslaget 1:8 Bidrag till psykiatri, anslagsposten 3 Till Kammarkollegiets disposition'", () => {
    expect(a.funding).toEqual([expect.objectContaining({ year: 2024, total: 11_000_000, ownUse: 11_000_000, planned: false })])
    expect(a.appropriation).toEqual(
      expect.objectContaining({ expenditureArea: 9, appropriation: "1:8", appropriationName: "Bidrag till psykiatri", item: 3, itemName: "Till Kammarkollegiets disposition" })
    )
    expect(a.grants).toEqual([])
  })

  it("reports: delredovisning 2024-11-30 (plan), 2025-11-30, 2026-11-30, slutredovisning 2027-11-30, all to Regeringskansliet (Socialdepartementet)", () => {
    const reports = a.obligations.filter((o) => o.kind === "delredovisning" || o.kind === "slutredovisning")
    expect(reports.map((o) => [o.kind, o.due])).toEqual([
      ["delredovisning", "2024-11-30"],
      ["delredovisning", "2025-11-30"],
      ["delredovisning", "2026-11-30"],
      ["slutredovisning", "2027-11-30"]
    ])
    for (const o of reports) expect(o.recipient).toBe("Regeringskansliet (Socialdepartementet)")
    expect(obligation(a, "delredovisning-2024-11-30").contents[0]).toContain("En plan för uppdragets genomförande")
    expectQuoted(seed, "Socialstyrelsen ska senast den 30 november 2024 lämna en delredovisning")
    expectQuoted(seed, "Socialstyrelsen ska senast den 30 november 2025 respektive den 30 november 2026 lämna en delredovisning")
    expectQuoted(seed, "Socialstyrelsen ska senast den 30 november 2027 lämna en slutredovisning")
  })

  it("'Medlen utbetalas engångsvis efter rekvisition till Kammarkollegiet senast den 1 december 2024.'", () => {
    const o = obligation(a, "rekvisition-2024")
    expect([o.kind, o.due, o.recipient]).toEqual(["rekvisition", "2024-12-01", "Kammarkollegiet"])
  })

  it("'återbetalas senast den 31 mars 2025 till Kammarkollegiet. Vid samma tidpunkt ska en ekonomisk redovisning …'", () => {
    expect([obligation(a, "aterbetalning-2025").kind, obligation(a, "aterbetalning-2025").due]).toEqual(["aterbetalning", "2025-03-31"])
    expect([obligation(a, "ekonomisk-redovisning-2025").kind, obligation(a, "ekonomisk-redovisning-2025").due]).toEqual(["ekonomisk-redovisning", "2025-03-31"])
    for (const id of ["aterbetalning-2025", "ekonomisk-redovisning-2025"]) expect(obligation(a, id).recipient).toBe("Kammarkollegiet")
  })

  it("'Redovisning, rekvisition och återbetalning ska hänvisa till diarienumret för detta beslut.'", () => {
    expectQuoted(seed, "Redovisning, rekvisition och återbetalning ska hänvisa till diarienumret för detta beslut.")
    for (const o of a.obligations) expect(o.citeDiaryNumber, o.id).toBe(true)
  })

  it("ends S2019/01522: 'uppdraget … (S2019/01522) ska upphöra'", () => {
    expect(a.ends.map((r) => r.diaryNumber)).toEqual(["S2019/01522"])
    expectQuoted(seed, "inklusive den psykiatriska tvångsvården (S2019/01522) ska upphöra.")
  })

  it("consults IVO, Kriminalvården, Polismyndigheten, Rättsmedicinalverket, SBU, SiS, SKR and the groups named", () => {
    expect(a.consult.map((p) => p.id)).toEqual([
      "ivo",
      "kriminalvarden",
      "polismyndigheten",
      "rattsmedicinalverket",
      "sbu",
      "sis",
      "skr",
      "regioner",
      "kommuner",
      "professionsforeningar",
      "patient-brukar-anhorigorganisationer",
      "larosaten",
      "barn-och-unga-organisationer"
    ])
    for (const p of a.consult.filter((p) => p.kind === "myndighet")) expectQuoted(seed, p.name)
  })

  it("perspectives: barnrätt, jämställdhet, funktionshinder, mänskliga rättigheter, ungdom, brottsoffer, brottsförebyggande", () => {
    expectQuoted(seed, "utöver barnrättsperspektivet, genomgående beakta jämställdhetsperspektivet, funktionshindersperspektivet, mänskliga rättigheter, ungdomsperspektivet, brottsofferperspektivet samt det brottsförebyggande perspektivet")
    expect(a.perspectives).toHaveLength(7)
  })

  it("'All statistik ska så långt som möjligt vara könsuppdelad.' and the indicators are standing requirements", () => {
    expect(a.requirements).toContain("All statistik ska så långt som möjligt vara könsuppdelad.")
    expect(a.requirements.some((r) => r.includes("utveckla indikatorer"))).toBe(true)
  })

  it("every quoted sentence is in seed 000", () => {
    for (const quote of quotations(a)) expectQuoted(seed, quote)
  })
})
