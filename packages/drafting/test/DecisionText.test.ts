import { describe, expect, it } from "vitest"
import * as DecisionText from "../src/DecisionText.js"
import { seed, seeds } from "./fixtures/Seeds.js"

describe("DecisionText", () => {
  it("joins words broken with a hyphen, but not before a conjunction nor between digits", () => {
    expect(DecisionText.joinLines("Folkhälso-", "myndigheten")).toBe("Folkhälsomyndigheten")
    expect(DecisionText.joinLines("ålders- ", "och könsindelade")).toBe("ålders- och könsindelade")
    expect(DecisionText.joinLines("(bankgiro 5052-", "5781)")).toBe("(bankgiro 5052-5781)")
    expect(DecisionText.joinLines("Inspektionen", "för vård")).toBe("Inspektionen för vård")
  })

  it("seed 003: a sentence over three lines keeps its first and last line, \"Social-/styrelsen\" rejoined", () => {
    const text = DecisionText.make(seed(seeds["003"]))
    const s = text.sentences.find((x) => x.text.startsWith("Regionernas redovisning av medel"))
    expect(s).toMatchObject({ text: "Regionernas redovisning av medel ska ske senast det datum som Socialstyrelsen bestämmer.", line: 33, lastLine: 34, section: "beslut" })
  })

  it("seed 003: the letterhead footer, the page number \"2 (2)\" and the \"Page 1…11\" lines are dropped", () => {
    const text = DecisionText.make(seed(seeds["003"]))
    expect(text.artefacts.map((l) => l.number)).toEqual([46, 47, 49, 50, 51, 423, 426, 427, 428, 429, 430, 431, 432, 433, 434, 435, 436])
    expect(text.sentences.some((s) => /Telefonväxel|Page \d/.test(s.text))).toBe(false)
  })

  it("seed 004: a sentence broken by a blank line is put back together", () => {
    const text = DecisionText.make(seed(seeds["004"]))
    expect(text.sentences.some((s) => s.text.includes("regionerna har i utvecklingen av den specialiserade psykiatriska vården, inbegripet insatser för ökad tillgänglighet"))).toBe(true)
  })

  it("sections: Regeringens beslut, Ärendet, Närmare om uppdraget, Bilaga, Kopia till", () => {
    const text = DecisionText.make(seed(seeds["003"]))
    const sectionOf = (start: string) => text.sentences.find((s) => s.text.startsWith(start))?.section
    expect(sectionOf("Inom ramen för uppdraget får Socialstyrelsen under 2026 betala ut")).toBe("beslut")
    expect(sectionOf("Den specialiserade psykiatriska vården för vuxna har genomgått")).toBe("arendet")
    expect(sectionOf("Regeringen beräknar att")).toBe("uppdraget")
    expect(sectionOf("Summa")).toBe("bilaga")
  })

  it("a PDF's running header and footer repeated on every page are dropped; a word broken over the page break is rejoined", () => {
    const page = (n: number, body: ReadonlyArray<string>) => ["Regeringskansliet  Socialdepartementet", ...body, `${n} (3)`].join("\n")
    const raw = [
      page(1, ["Regeringens beslut", "Socialstyrelsen ska senast den 30 mars 2026 lämna en delredo-"]),
      page(2, ["visning av uppdraget till Regeringskansliet (Socialdepartementet)."]),
      page(3, ["", "Kopia till", "Kammarkollegiet"])
    ].join("\f")
    const text = DecisionText.make(raw)
    expect(text.artefacts.map((l) => l.text)).toEqual(["Regeringskansliet  Socialdepartementet", "1 (3)", "Regeringskansliet  Socialdepartementet", "2 (3)", "Regeringskansliet  Socialdepartementet", "3 (3)"])
    expect(text.sentences[0]).toMatchObject({ text: "Socialstyrelsen ska senast den 30 mars 2026 lämna en delredovisning av uppdraget till Regeringskansliet (Socialdepartementet).", line: 3, lastLine: 6 })
  })

  it("abbreviations do not end a sentence", () => {
    const text = DecisionText.make("Regeringens beslut\nAndra aktörer, t.ex. Lärosäten, bl.a. Kommuner. Nästa mening.\n")
    expect(text.sentences.map((s) => s.text)).toEqual(["Andra aktörer, t.ex. Lärosäten, bl.a. Kommuner.", "Nästa mening."])
    expect(DecisionText.lineLabel({ line: 20, lastLine: 23 })).toBe("rad 20–23")
  })
})
