import { describe, expect, it } from "vitest"
import * as Party from "../src/Party.js"

const names = (text: string, protectedNames: ReadonlyArray<string> = []) => Party.splitList(text, Party.known, protectedNames).map((p) => p.name)

describe("Party", () => {
  it("seed 000: names with \"och\" stay whole, \"patient-, brukar- och anhörigorganisationer\" is one party, \"andra berörda aktörer\" none", () => {
    expect(
      names(
        "Sveriges Kommuner och Regioner (SKR), regioner, kommuner, professionsföreningar, patient-, brukar- och anhörigorganisationer samt andra berörda aktörer t.ex. lärosäten och organisationer som företräder barn och unga."
      )
    ).toEqual(["Sveriges Kommuner och Regioner", "Regioner", "Kommuner", "Professionsföreningar", "Patient-, brukar- och anhörigorganisationer", "Lärosäten", "Organisationer som företräder barn och unga"])
  })

  it("seed 000: \"berörda myndigheter, däribland …\" lists the agencies; the abbreviation finds the known one", () => {
    const found = Party.splitList(
      "berörda myndigheter, däribland Inspektionen för vård och omsorg (IVO), Kriminalvården, Polismyndigheten, Rättsmedicinalverket, Statens beredning för medicinsk och social utvärdering och Statens institutionsstyrelse.",
      Party.known
    )
    expect(found.map((p) => p.id)).toEqual(["ivo", "kriminalvarden", "polismyndigheten", "rattsmedicinalverket", "sbu", "sis"])
  })

  it("seed 003: a delegation's name with commas is kept whole by the decision's \"Kopia till\" list; kinds from the form", () => {
    const copies = ["Delegationen för att genomföra en reform för mer samordnade, behovsanpassade och personcentrerade insatser till personer med samsjuklighet (S2025:A)", "SOS Alarm AB"]
    const found = Party.splitList(
      "Delegationen för att genomföra en reform för mer samordnade, behovsanpassade och personcentrerade insatser till personer med samsjuklighet (S2025:A), den nationella samordnaren för ett samlat suicidpreventivt arbete (S2024/00816), den kommande snabbspårsutredningen om ändamålsenlig informationsdelning för en trygg och säker prehospital vård och SOS Alarm AB.",
      Party.known,
      copies
    )
    expect(found.map((p) => [p.name, p.kind])).toEqual([
      ["Delegationen för att genomföra en reform för mer samordnade, behovsanpassade och personcentrerade insatser till personer med samsjuklighet (S2025:A)", "grupp"],
      ["Den nationella samordnaren för ett samlat suicidpreventivt arbete (S2024/00816)", "samordnare"],
      ["Den kommande snabbspårsutredningen om ändamålsenlig informationsdelning för en trygg och säker prehospital vård", "grupp"],
      ["SOS Alarm AB", "bolag"]
    ])
    expect(found[1]?.aliases).toEqual(["S2024/00816"])
  })

  it("seed 004: \"brukar och\" without its hyphen is still the known party; seed 002: \"aktuella yrkesföreningar\" by alias", () => {
    expect(names("professionsföreningar samt patient-, brukar och anhörigorganisationer och andra berörda aktörer.")).toEqual(["Professionsföreningar", "Patient-, brukar- och anhörigorganisationer"])
    expect(names("Handisam och projektet Hjärnkoll, aktuella yrkesföreningar samt andra relevanta aktörer.")).toEqual(["Handisam", "Projektet Hjärnkoll", "Professionsföreningar"])
  })

  it("guesses kinds and makes ids from names", () => {
    expect(Party.guessKind("Trafikverket")).toBe("myndighet")
    expect(Party.guessKind("Organisationer inom det civila samhället")).toBe("organisation")
    expect(Party.slug("Delegationen för brottsförebyggande åtgärder inom socialtjänstens område (S 2023:C)")).toBe("delegationen-for-brottsforebyggande-atgarder-inom-socialtjanstens")
  })
})
