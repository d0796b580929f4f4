import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { GrantFile } from "../src/index.js"

const enc = (text: string): Uint8Array => new TextEncoder().encode(text)
const messages = (r: ReturnType<typeof GrantFile.parse>): Array<string> => (Result.isFailure(r) ? r.failure.message.split("\n") : ["ok"])

describe("GrantFile", () => {
  it("reads YAML and JSON, with basis as text or { from, to }", () => {
    const yaml = GrantFile.parse(enc("id: kapacitet-2025\nexclude: ['13']\ncomponents:\n  - id: a\n    amount: 3000000000\n    basis: '18+'\n    fixedPerRegion: 100000000\n"), "g.yaml")
    expect(Result.getOrThrow(yaml)).toMatchObject({ id: "kapacitet-2025", exclude: ["13"], components: [{ id: "a", amount: 3_000_000_000, basis: { from: 18, to: undefined }, fixedPerRegion: 100_000_000 }] })
    const json = GrantFile.parse(enc(JSON.stringify({ id: "x", components: [{ id: "b", amount: 10, basis: { from: 18, to: 64 } }] })), "g.json")
    expect(Result.getOrThrow(json).components[0]!.basis).toEqual({ from: 18, to: 64 })
  })

  it("reports bad files with line and path", () => {
    expect(messages(GrantFile.parse(enc(""), "g.yaml"))).toEqual(["g.yaml: filen är tom"])
    expect(messages(GrantFile.parse(enc("id: x\ncomponents:\n  - id: a\n    amount: -5\n    basis: vuxna\n"), "g.yaml"))).toEqual([
      "g.yaml:4: components[0].amount: beloppet får inte vara negativt (-5)",
      'g.yaml:5: components[0].basis: "vuxna" är inte ett åldersintervall (t.ex. 18+, 0-25 eller 34)'
    ])
    expect(messages(GrantFile.parse(enc("id: x\nexclude: ['99']\ncomponents: []\n"), "g.yaml"))).toEqual([
      'g.yaml:2: exclude[0]: okänd regionkod "99"',
      "g.yaml:3: components: minst 1 element krävs"
    ])
    expect(messages(GrantFile.parse(enc("id: x\ncomponents:\n  - { id: a, amount: 1.5, basis: '18+' }\n  - { id: a, amount: 1, basis: '18+' }\n"), "g.yaml"))).toEqual([
      "g.yaml:3: components[0].amount: 1.5 är inte ett helt antal kronor",
      "g.yaml:4: components[1].id: komponenten a finns redan"
    ])
    expect(messages(GrantFile.parse(new Uint8Array([0x69, 0x64, 0x3a, 0xff]), "g.yaml"))).toEqual(["g.yaml:1: filen är inte kodad som UTF-8"])
    expect(messages(GrantFile.parseFile("/finns/inte.yaml"))).toEqual(["/finns/inte.yaml: filen finns inte eller kan inte läsas"])
  })
})
