import { describe, expect, it } from "vitest"
import * as Assignment from "../../src/Assignment.js"
import * as Catalog from "../../src/Catalog.js"
import * as PopulationBasis from "../../src/PopulationBasis.js"
import { assignment, builtin, expectQuoted, obligation, quotations, seedText } from "../SeedText.js"

const seed = seedText("002_b7b64ee9ad5bcfce.txt")
const a = assignment("heldygnsvard-2012")
const grant = a.grants[0]!

describe("seed 002: 2012 års överenskommelse med SKL om den psykiatriska heldygnsvården", () => {
  it("is an agreement between the government and SKL, dated 'Stockholm den 16 december 2011', with no diary number in the seed", () => {
    expect(a.kind).toBe("overenskommelse")
    expectQuoted(seed, a.title)
    expectQuoted(seed, "Stockholm den 16 december 2011")
    expect(a.decided).toBe("2011-12-16")
    expect(a.diaryNumbers).toEqual([])
    expect(Assignment.mainDiaryNumber(a)).toBe("heldygnsvard-2012")
    expect(Catalog.findAssignment(builtin(), "heldygnsvard-2012")).toBe(a)
  })

  it("'Under 2012 kommer Kammarkollegiet att utbetala 56 500 000 kronor till Sveriges Kommuner och Landsting (SKL)'", () => {
    expect(a.funding).toHaveLength(1)
    const f = a.funding[0]!
    expect([f.year, f.total, f.ownUse, f.toRegions]).toEqual([2012, 56_500_000, 7_000_000, 49_500_000])
  })

  it("split 7 000 000 (SKL's own work) / 7 000 000 (SKL distributes) / 42 500 000 (stimulansmedel)", () => {
    const parts = a.funding[0]!.parts
    expect(parts.map((p) => [p.id, p.amount])).toEqual([
      ["skl-eget-arbete", 7_000_000],
      ["skl-fordelar-till-landstingen", 7_000_000],
      ["stimulansmedel", 42_500_000]
    ])
    expectQuoted(seed, "SKL får använda 7 000 000 kronor till handledning")
    expectQuoted(seed, "SKL ska dessutom fördela 7 000 000 kronor till landstingen")
    expectQuoted(seed, "Resterande medel, 42 500 000 kronor, ska utgöra stimulansmedel")
    expect(parts[2]!.grant).toBe(grant.id)
  })

  it("the stimulus pot: capped-performance, 42 500 000 kr, no county more than its population share on 31 December of the previous year", () => {
    expect(Catalog.findGrant(builtin(), "heldygnsvard-stimulansmedel-2012")?.assignment).toBe(a)
    expect([grant.method, grant.amount, grant.year, grant.paidBy]).toEqual(["capped-performance", 42_500_000, 2012, "SKL"])
    expect(grant.components).toHaveLength(1)
    const cap = grant.components[0]!
    expect(PopulationBasis.unsafeParse(cap.basis)).toEqual({ from: 0, to: undefined })
    expect(cap.populationDate).toBe("2011-12-31")
    expectQuoted(seed, "landstingets andel i befolkningen den 31 december året före bidragsåret")
    expectQuoted(seed, "Varje landsting kan inte få en större andel av det totala bidraget (42 500 000 kronor) än vad som motsvarar dess andel av befolkningen.")
    expect(grant.exclude).toEqual([])
  })

  it("the pot's conditions, checked on 2012-10-31, paid out in November 2012 (2012-11-30)", () => {
    expect(grant.conditions.length).toBeGreaterThanOrEqual(5)
    expect(grant.conditions[0]).toMatch(/^Att landstingen aktivt arbetar vidare med sin egen kompetensutvecklingsplan/)
    expect(grant.conditionsCheckedOn).toBe("2012-10-31")
    expect(grant.payoutBy).toBe("2012-11-30")
    expectQuoted(seed, "Utbetalning sker i november 2012 efter avstämning den 31 oktober 2012")
    const payout = obligation(a, "utbetalning-stimulansmedel-2012")
    expect([payout.kind, payout.due]).toEqual(["utbetalning", "2012-11-30"])
    expect(payout.note).toContain("i november 2012")
    expect(obligation(a, "avstamning-2012-10-31").due).toBe("2012-10-31")
  })

  it("competence plans due 2012-06-01: 'ska skickas in till SKL senast 1 juni 2012'", () => {
    const o = obligation(a, "kompetensplan-2012-06-01")
    expect([o.kind, o.due, o.responsible, o.recipient]).toEqual(["ovrigt", "2012-06-01", "landstingen", "SKL"])
  })

  it("annual report 30 November, repayment 2013-04-01, final report 2013-06-01, evaluation 2013-11-30", () => {
    const dated = a.obligations.map((o) => [o.kind, o.due, o.responsible])
    expect(dated).toContainEqual(["delredovisning", "2012-11-30", "SKL"])
    expect(dated).toContainEqual(["aterbetalning", "2013-04-01", "SKL"])
    expect(dated).toContainEqual(["slutredovisning", "2013-06-01", "SKL"])
    expect(dated).toContainEqual(["ekonomisk-redovisning", "2013-06-01", "SKL"])
    expect(dated).toContainEqual(["utvardering", "2013-11-30", "Socialstyrelsen"])
    expectQuoted(seed, "senast den 30 november varje år")
    expectQuoted(seed, "Eventuellt återstående medel ska återbetalas till Kammarkollegiet (bankgiro 5052-5781) senast den 1 april 2013.")
    expectQuoted(seed, "Projektet ska slutredovisas till Regeringskansliet (Socialdepartementet) senast den 1 juni 2013.")
    expectQuoted(seed, "Satsningen i sin helhet utvärderas av Socialstyrelsen och rapporteras till Regeringskansliet (Socialdepartementet) senast den 30 november 2013.")
    expect(obligation(a, "aterbetalning-2013-04-01").recipient).toBe("Kammarkollegiet")
  })

  it("the project group works with Socialstyrelsen, Kriminalvården, SiS, SBU, NSPH, Handisam, Hjärnkoll and yrkesföreningar", () => {
    expect(a.consult.map((p) => p.id)).toEqual(["socialstyrelsen", "kriminalvarden", "sis", "sbu", "nsph", "handisam", "hjarnkoll", "professionsforeningar"])
    expectQuoted(seed, "Statens beredning för medicinsk utvärdering, Nationell Samverkan för Psykisk Hälsa, Handisam och projektet Hjärnkoll, aktuella yrkesföreningar")
  })

  it("every quoted sentence is in seed 002", () => {
    for (const quote of quotations(a)) expectQuoted(seed, quote)
  })
})
