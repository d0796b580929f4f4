import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { GrantFile } from "../src/index.js"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Region } from "@uppdrag/core"

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
    expect(messages(GrantFile.parseFile("/finns/inte.yaml"))).toEqual(["/finns/inte.yaml: filen finns inte"])
  })

  it("distribution keys: { key: FILE } and { age: \"18+\", weightedBy: FILE }, files relative to the grant file", () => {
    const dir = mkdtempSync(join(tmpdir(), "grantfile-"))
    try {
      writeFileSync(join(dir, "vardmodell.csv"), `region,weight\n${Region.all.map((r, i) => `${r.code},${i === 0 ? "2.5" : "1"}`).join("\n")}\n`)
      const file = join(dir, "bidrag.yaml")
      writeFileSync(file, "id: vardmodell-2024\ncomponents:\n  - { id: a, amount: 3000000000, basis: { key: vardmodell.csv } }\n  - { id: b, amount: 100, basis: { age: '18+', weightedBy: vardmodell.csv } }\n")
      const draft = Result.getOrThrow(GrantFile.decode(readFileSync(file), file))
      expect(draft.keys.map((k) => [k.file, k.component, k.line])).toEqual([[join(dir, "vardmodell.csv"), "a", 3], [join(dir, "vardmodell.csv"), "b", 4]])
      expect(messages(GrantFile.parse(readFileSync(file), file))[0]).toBe(`${file}:3: components.a.basis: nyckelfilen ${join(dir, "vardmodell.csv")} är inte läst`)
      const spec = Result.getOrThrow(GrantFile.parseFile(file))
      expect(spec.components.map((c) => ("_tag" in c.basis ? c.basis._tag : "age"))).toEqual(["Key", "WeightedPopulation"])
      expect(messages(GrantFile.parse(enc("id: x\ncomponents:\n  - { id: a, amount: 1, basis: { key: '' } }\n  - { id: b, amount: 1, basis: { age: vuxna, weightedBy: k.csv } }\n"), "g.yaml"))).toEqual([
        "g.yaml:3: components[0].basis.key: ange nyckelfilen",
        'g.yaml:4: components[1].basis.age: "vuxna" är inte ett åldersintervall (t.ex. 18+, 0-25 eller 34)'
      ])
      writeFileSync(join(dir, "vardmodell.csv"), "region,weight\n01,-1\n")
      expect(messages(GrantFile.parseFile(file))[0]).toBe(`${join(dir, "vardmodell.csv")}:2: weight: får inte vara negativ (-1)`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
