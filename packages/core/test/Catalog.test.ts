import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Result } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import * as Assignment from "../src/Assignment.js"
import * as Catalog from "../src/Catalog.js"
import { formatIssues } from "../src/ValidationError.js"
import { builtin, expectQuoted, seedText } from "./SeedText.js"

const dir = mkdtempSync(join(tmpdir(), "uppdrag-katalog-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const write = (name: string, content: string | Uint8Array): string => {
  const file = join(dir, name)
  writeFileSync(file, content)
  return file
}

/** The lines `uppdrag catalog validate` prints for a file: `file:line: path: message`. */
const problems = (file: string): Array<string> => {
  const result = Catalog.load({ builtin: false, extra: [file] })
  if (Result.isSuccess(result)) return []
  return result.failure.flatMap((e) => formatIssues(e.source, e.issues))
}

// A small valid catalog file; the bad cases below change one line each.
const good = `id: eget-uppdrag
kind: regeringsuppdrag
title: Eget uppdrag
decided: 2026-02-02
diaryNumbers:
  - S2026/01234
ministry: Socialdepartementet
recipient: Socialstyrelsen
funding:
  - year: 2026
    total: 1000000
grants:
  - id: eget-bidrag
    title: Eget bidrag
    year: 2026
    amount: 1000000
    method: largest-remainder
    paidBy: Socialstyrelsen
    exclude: ["09"]
    source: "Eget beslut."
    components:
      - { id: alla, title: Alla vuxna, amount: 1000000, basis: "18+", populationReference: SCB september 2025 }
obligations:
  - id: slutredovisning
    kind: slutredovisning
    title: Slutredovisning
    due: 2027-03-31
    responsible: Socialstyrelsen
    recipient: Regeringskansliet (Socialdepartementet)
    source: "Eget beslut."
`

const variant = (name: string, ...edits: Array<[string, string]>): string =>
  write(
    name,
    edits.reduce((text, [from, to]) => {
      if (!text.includes(from)) throw new Error(`${from} finns inte i exemplet`)
      return text.replace(from, to)
    }, good)
  )

describe("the built-in catalog", () => {
  const catalog = builtin()

  it("holds the five seed documents, one entry each, ordered by date (seed 001, undated, is listed by its year)", () => {
    expect(catalog.assignments.map((a) => [a.id, a.seed])).toEqual([
      ["heldygnsvard-2012", "002_b7b64ee9ad5bcfce.txt"],
      ["tvangsvard-2024", "000_7d674a434a587308.txt"],
      ["utvecklingsteam-2024", "004_dabfe0d2b3bf14be.txt"],
      ["underlag-specialiserad-psykiatri-2026", "001_65bc51d876daee58.txt"],
      ["specialiserad-psykiatri-2026", "003_1b2fe331ed6dbde7.txt"]
    ])
    for (const a of catalog.assignments) expect(catalog.sources.get(a.id)?.startsWith(Catalog.builtinDirectory())).toBe(true)
  })

  it("finds assignments by id and by any diary number, in whole or in part", () => {
    expect(Catalog.findAssignment(catalog, "S2025/01528")?.id).toBe("specialiserad-psykiatri-2026")
    expect(Catalog.findAssignment(catalog, "S2026/00095 (delvis)")?.id).toBe("specialiserad-psykiatri-2026")
    expect(Catalog.findAssignment(catalog, "S2024/01004")?.id).toBe("tvangsvard-2024")
    expect(Catalog.findAssignment(catalog, "S2019/01522")).toBeUndefined()
    expect(Catalog.findAssignment(catalog, "inget-sadant")).toBeUndefined()
  })

  it("lists the two grants with their assignments", () => {
    expect(Catalog.grants(catalog).map(({ assignment, grant }) => [assignment.id, grant.id, grant.method])).toEqual([
      ["heldygnsvard-2012", "heldygnsvard-stimulansmedel-2012", "capped-performance"],
      ["specialiserad-psykiatri-2026", "specialiserad-psykiatri-2026", "largest-remainder"]
    ])
  })

  it("gives a consulted party the same id, name and kind in every file, and one id per name", () => {
    const byId = new Map<string, Assignment.ConsultedParty>()
    const byName = new Map<string, string>()
    for (const party of catalog.assignments.flatMap((a) => a.consult)) {
      const seen = byId.get(party.id)
      if (seen !== undefined) expect({ name: party.name, kind: party.kind, aliases: party.aliases }, party.id).toEqual({ name: seen.name, kind: seen.kind, aliases: seen.aliases })
      byId.set(party.id, party)
      for (const name of [party.name, ...party.aliases]) {
        expect(byName.get(name) ?? party.id, name).toBe(party.id)
        byName.set(name, party.id)
      }
    }
    expect(byId.has("ivo") && byId.has("skr")).toBe(true)
  })

  it("lists no date twice for the same duty, and every money date of a grant is an obligation", () => {
    for (const a of catalog.assignments) {
      const keys = a.obligations.map((o) => `${o.kind} ${o.due} ${o.responsible} ${o.recipient}`)
      expect(new Set(keys).size, a.id).toBe(keys.length)
    }
  })

  it("the seed-text check is not vacuous: a changed date is not found", () => {
    const seed = seedText("003_1b2fe331ed6dbde7.txt")
    expectQuoted(seed, "Medlen ska betalas ut engångsvis senast den 1 december 2026.")
    expect(() => expectQuoted(seed, "Medlen ska betalas ut engångsvis senast den 1 december 2027.")).toThrow()
  })

  it("takes a user's file next to the built-in ones", () => {
    const file = write("eget.yaml", good)
    const result = Catalog.load({ extra: [file] })
    expect(Result.isSuccess(result)).toBe(true)
    if (Result.isSuccess(result)) {
      expect(result.success.assignments).toHaveLength(6)
      expect(result.success.sources.get("eget-uppdrag")).toBe(file)
    }
  })
})

describe("Assignment helpers", () => {
  it("mainDiaryNumber: the first diary number without (delvis), or the id when there is none", () => {
    const catalog = builtin()
    expect(catalog.assignments.map(Assignment.mainDiaryNumber)).toEqual(["heldygnsvard-2012", "S2024/01004", "S2024/01463", "underlag-specialiserad-psykiatri-2026", "S2025/01528"])
  })

  it("formatDecided gives the day, or only the year when that is all the source states", () => {
    expect(builtin().assignments.map(Assignment.formatDecided)).toEqual(["2011-12-16", "2024", "2024", "2026", "2026-01-22"])
  })
})

describe("bad catalog files are refused, one line per problem with file, line and path", () => {
  it("a good file has no problems", () => {
    expect(problems(write("bra.yaml", good))).toEqual([])
  })

  it("a bad date, a negative amount, an unknown region code and a malformed diary number, all at once", () => {
    const file = variant("fyra-fel.yaml", ["decided: 2026-02-02", "decided: 2026-02-30"], ["  - S2026/01234", "  - S2026/1234"], ["    total: 1000000", "    total: -5"], ['exclude: ["09"]', 'exclude: ["02"]'])
    expect(problems(file)).toEqual([
      `${file}:4: decided: 2026-02-30 är inte ett giltigt datum`,
      `${file}:6: diaryNumbers[0]: "S2026/1234" är inte ett diarienummer (t.ex. S2025/01528 eller S2026/00095 (delvis))`,
      `${file}:11: funding[0].total: beloppet får inte vara negativt (-5)`,
      `${file}:19: grants[0].exclude[0]: okänd regionkod "02"`
    ])
  })

  it("a bad date deep in a list: obligations[0].due", () => {
    const file = variant("datum.yaml", ["due: 2027-03-31", "due: 2027-02-29"])
    expect(problems(file)).toEqual([`${file}:27: obligations[0].due: 2027-02-29 är inte ett giltigt datum`])
  })

  it("a fractional amount", () => {
    const file = variant("decimal.yaml", ["    total: 1000000", "    total: 1000000.5"])
    expect(problems(file)).toEqual([`${file}:11: funding[0].total: 1000000.5 är inte ett helt antal kronor`])
  })

  it("missing fields", () => {
    const file = variant("saknas.yaml", ["recipient: Socialstyrelsen\n", ""], ["    responsible: Socialstyrelsen\n", ""])
    expect(problems(file)).toEqual([`${file}:1: recipient: saknas`, `${file}:23: obligations[0].responsible: saknas`])
  })

  it("unknown fields, each on its own line", () => {
    const file = variant("okant.yaml", ["ministry: Socialdepartementet", "ministry: Socialdepartementet\nmottagare: Socialstyrelsen\nbeslutad: 2026-02-02"], ["    due: 2027-03-31", "    due: 2027-03-31\n    datum: 2027-03-31"])
    expect(problems(file)).toEqual([
      `${file}:8: mottagare: okänt fält`,
      `${file}:9: beslutad: okänt fält`,
      `${file}:30: obligations[0].datum: okänt fält`
    ])
  })

  it("a wrong kind and a wrong type", () => {
    const file = variant("typ.yaml", ["kind: regeringsuppdrag", "kind: uppdrag"], ["  - year: 2026", '  - year: "2026"'])
    expect(problems(file)).toEqual([
      `${file}:2: kind: måste vara ett av "regeringsuppdrag", "overenskommelse", "underlag"`,
      `${file}:10: funding[0].year: förväntade ett tal, fick "2026"`
    ])
  })

  it("a duplicate obligation id within a file", () => {
    const obligation = good.slice(good.indexOf("  - id: slutredovisning"))
    const file = write("dubbel-skyldighet.yaml", good + obligation)
    expect(problems(file)).toEqual([`${file}:31: obligations[1].id: skyldigheten slutredovisning finns redan`])
  })

  it("a duplicate key in the YAML", () => {
    const file = variant("dubbel-nyckel.yaml", ["title: Eget uppdrag", "title: Eget uppdrag\ntitle: Igen"])
    expect(problems(file)).toEqual([`${file}:4: ogiltig YAML: nyckeln förekommer två gånger (kolumn 1)`])
  })

  it("an assignment id, a diary number and a grant id already in the built-in catalog", () => {
    const file = variant(
      "dubblett.yaml",
      ["id: eget-uppdrag", "id: tvangsvard-2024"],
      ["  - S2026/01234", "  - S2025/01528"],
      ["  - id: eget-bidrag", "  - id: specialiserad-psykiatri-2026"]
    )
    const result = Catalog.load({ extra: [file] })
    expect(Result.isFailure(result)).toBe(true)
    if (Result.isFailure(result)) {
      expect(result.failure.flatMap((e) => formatIssues(e.source, e.issues))).toEqual([
        `${file}:1: id: uppdraget tvangsvard-2024 finns redan i ${Catalog.builtinDirectory()}2024-tvangsvard-rattspsykiatri.yaml`,
        `${file}:6: diaryNumbers[0]: S2025/01528 tillhör redan specialiserad-psykiatri-2026`,
        `${file}:13: grants[0].id: statsbidraget specialiserad-psykiatri-2026 finns redan i specialiserad-psykiatri-2026`
      ])
    }
  })

  it("the same file twice in a folder: the second is refused", () => {
    const folder = mkdtempSync(join(dir, "mapp-"))
    writeFileSync(join(folder, "a.yaml"), good)
    writeFileSync(join(folder, "b.yml"), good)
    writeFileSync(join(folder, "inte-katalog.txt"), "ignoreras")
    expect(problems(folder)).toEqual([
      `${join(folder, "b.yml")}:1: id: uppdraget eget-uppdrag finns redan i ${join(folder, "a.yaml")}`,
      `${join(folder, "b.yml")}:6: diaryNumbers[0]: S2026/01234 tillhör redan eget-uppdrag`,
      `${join(folder, "b.yml")}:13: grants[0].id: statsbidraget eget-bidrag finns redan i eget-uppdrag`
    ])
  })

  it("invalid YAML", () => {
    const file = variant("trasig.yaml", ["title: Eget uppdrag", "title: [Eget uppdrag"])
    const lines = problems(file)
    expect(lines.length).toBeGreaterThan(0)
    expect(lines[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+: ogiltig YAML: `))
  })

  it("bytes that are not UTF-8 (Latin-1 'å' on line 3)", () => {
    const latin1 = Buffer.from(good.replace("title: Eget uppdrag", "title: Eget uppdrag p\u00e5 Latin-1"), "latin1")
    const file = write("latin1.yaml", latin1)
    expect(problems(file)).toEqual([`${file}:3: filen är inte kodad som UTF-8`])
  })

  it("a byte-order mark is accepted", () => {
    expect(problems(write("bom.yaml", `\uFEFF${good}`))).toEqual([])
  })

  it("JSON is accepted too", () => {
    expect(problems(write("eget.json", JSON.stringify({ id: "json-uppdrag", kind: "overenskommelse", title: "T", decided: "2026-02-02", diaryNumbers: [], ministry: "S", recipient: "SKR" })))).toEqual([])
  })

  it("an agreement may have no diary number, an assignment must have one", () => {
    const file = variant("utan-dnr.yaml", ["diaryNumbers:\n  - S2026/01234", "diaryNumbers: []"])
    expect(problems(file)).toEqual([`${file}:5: diaryNumbers: ett regeringsuppdrag har minst ett diarienummer`])
  })

  describe("an underlag (an agency's document about a decision)", () => {
    const underlag = (extra: string) =>
      `id: eget-underlag\nkind: underlag\ntitle: Presentation\ndecided: 2026-03-01\ndiaryNumbers: []\nministry: Socialdepartementet\nrecipient: Regionerna\n${extra}`
    const withBuiltin = (file: string): Array<string> => {
      const result = Catalog.load({ extra: [file] })
      return Result.isSuccess(result) ? [] : result.failure.flatMap((e) => formatIssues(e.source, e.issues))
    }

    it("about a decision the catalog holds: accepted, and found as a document about it", () => {
      const file = write("underlag-bra.yaml", underlag("issuedBy: Socialstyrelsen\nconcerns: S2025/01528\n"))
      expect(withBuiltin(file)).toEqual([])
      const catalog = Catalog.unsafeLoad({ extra: [file] })
      const decision = Catalog.findAssignment(catalog, "S2025/01528")
      expect(decision?.kind).toBe("regeringsuppdrag")
      expect(decision && Catalog.documentsAbout(catalog, decision).map((d) => d.id)).toEqual(["underlag-specialiserad-psykiatri-2026", "eget-underlag"])
    })

    it("about a decision the catalog does not hold", () => {
      const file = write("underlag-okant.yaml", underlag("issuedBy: Socialstyrelsen\nconcerns: S2026/09999\n"))
      expect(withBuiltin(file)).toEqual([`${file}:9: concerns: beslutet S2026/09999 finns inte i katalogen`])
    })

    it("without concerns and issuedBy, and with dates of its own", () => {
      const file = write("underlag-fel.yaml", underlag("obligations:\n  - { id: x, kind: ovrigt, title: X, due: 2026-04-01, responsible: R, recipient: M, source: S }\n"))
      expect(problems(file)).toEqual([
        `${file}:1: concerns: ett underlag anger vilket beslut det gäller (concerns)`,
        `${file}:1: issuedBy: ett underlag anger vem som skrivit det (issuedBy)`,
        `${file}:9: obligations: ett underlag har inga egna obligations: de hör till beslutet det gäller`
      ])
    })

    it("concerns on a decision is refused", () => {
      const file = variant("beslut-concerns.yaml", ["recipient: Socialstyrelsen", "recipient: Socialstyrelsen\nconcerns: S2025/01528"])
      expect(problems(file)).toEqual([`${file}:9: concerns: bara ett underlag anger concerns`])
    })
  })

  it("components that do not sum to the grant, and a funding split that does not sum to the total", () => {
    const file = variant(
      "summor.yaml",
      ["amount: 1000000, basis", "amount: 999999, basis"],
      ["    total: 1000000", "    total: 1000000\n    parts:\n      - { id: a, title: A, amount: 1, usedBy: SKL, source: x }"]
    )
    expect(problems(file)).toEqual([
      `${file}:13: funding[0].parts: delarna summerar till 1 kr, inte 1 000 000 kr`,
      `${file}:24: grants[0].components: komponenterna summerar till 999 999 kr, inte 1 000 000 kr`
    ])
    const file2 = variant("komponenter.yaml", ["amount: 1000000, basis", "amount: 999999, basis"])
    expect(problems(file2)).toEqual([`${file2}:22: grants[0].components: komponenterna summerar till 999 999 kr, inte 1 000 000 kr`])
  })

  it("a capped performance pot with two components", () => {
    const file = variant(
      "tak.yaml",
      ["method: largest-remainder", "method: capped-performance"],
      ["      - { id: alla, title: Alla vuxna, amount: 1000000, basis: \"18+\", populationReference: SCB september 2025 }", "      - { id: alla, title: Alla vuxna, amount: 600000, basis: \"18+\", populationReference: SCB september 2025 }\n      - { id: unga, title: Unga, amount: 400000, basis: \"0-25\", populationReference: SCB september 2025 }"]
    )
    expect(problems(file)).toEqual([`${file}:22: grants[0].components: en prestationsbaserad pott (capped-performance) har en komponent, inte 2`])
  })

  it("a grant's payout date that is not an obligation", () => {
    const file = variant("utbetalning.yaml", ["    paidBy: Socialstyrelsen", "    paidBy: Socialstyrelsen\n    payoutBy: 2026-12-01"])
    expect(problems(file)).toEqual([`${file}:19: grants[0].payoutBy: 2026-12-01 saknas bland skyldigheterna (kind: utbetalning)`])
  })

  it("a built-in file named again is read once, not refused as its own duplicate", () => {
    const result = Catalog.load({ extra: [join(Catalog.builtinDirectory(), "2024-tvangsvard-rattspsykiatri.yaml"), Catalog.builtinDirectory()] })
    expect(Result.isSuccess(result) && result.success.assignments.length).toBe(5)
  })

  it("a path that does not exist", () => {
    const missing = join(dir, "finns-inte.yaml")
    expect(problems(missing)).toEqual([`${missing}: filen eller mappen finns inte`])
  })
})
