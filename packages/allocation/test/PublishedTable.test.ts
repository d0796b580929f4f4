import { readFileSync } from "node:fs"
import { Catalog, Population } from "@uppdrag/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { Allocation, PublishedTable, Scaling } from "../src/index.js"

const grant = Catalog.findGrant(Catalog.unsafeLoad(), "specialiserad-psykiatri-2026")!.grant
const population = Result.getOrThrow(Population.parseFile(new URL("../data/scb-2025-09.csv", import.meta.url).pathname))
const allocation = Result.getOrThrow(Allocation.allocate(Allocation.fromGrant(grant), population))
// Seed 003, Bilaga: the appendix table as published.
const published = readFileSync(new URL("./fixtures/allocation-2026-specialiserad-psykiatri.csv", import.meta.url))
const text = published.toString("utf8")
const enc = (t: string) => new TextEncoder().encode(t)
const table = (t: string | Uint8Array, source = "bilaga.csv") => PublishedTable.parse(typeof t === "string" ? enc(t) : t, source, allocation.components)
const messages = (r: Result.Result<unknown, { message: string }>): Array<string> => (Result.isFailure(r) ? r.failure.message.split("\n") : ["ok"])

describe("PublishedTable.verify", () => {
  it("seed 003, Bilaga: every one of the 84 cells agrees with the re-run", () => {
    const check = Result.getOrThrow(PublishedTable.verify(allocation, Result.getOrThrow(table(published))))
    expect(check.cells).toBe(84)
    expect(check.discrepancies).toEqual([])
  })

  it("one krona changed (Gotland's vårdkapacitet 6 719 221 → 6 719 222) is found, with published, computed and difference", () => {
    const check = Result.getOrThrow(PublishedTable.verify(allocation, Result.getOrThrow(table(text.replace("09,Gotlands län,6719221,", "09,Gotlands län,6719222,")))))
    expect(check.discrepancies).toEqual([{ region: "09", name: "Gotlands län", component: "vardkapacitet", published: 6_719_222, computed: 6_719_221, difference: -1 }])
  })

  it("reads Swedish and SCB region names, titles as headers, spaces between groups and semicolons", () => {
    const swedish = text
      .replace("region,name,vardkapacitet,sjalvvald_inlaggning,flexibla_overgangar,total", "Län;Medel vårdkapacitet;Medel självvald inläggning;Medel flexibla övergångar;Totalt")
      .split("\n")
      .map((line, i) => (i === 0 || line === "" ? line : line.replace(/^(\d\d),([^,]+),/, (_, code, name) => `${code === "01" ? "Region Stockholm" : `${code} ${name}`};`).replaceAll(",", ";").replace("265445359", "265 445 359")))
      .join("\n")
    expect(Result.getOrThrow(PublishedTable.verify(allocation, Result.getOrThrow(table(swedish)))).discrepancies).toEqual([])
  })

  it("bad files: file, line and field", () => {
    expect(messages(table(text.replace("03,Uppsala län,44129959", "03,Uppsala län,44129959.5")))).toEqual(['bilaga.csv:3: vardkapacitet: "44129959.5" är inte ett belopp i hela kronor'])
    expect(messages(table(text.replace("03,Uppsala", "99,Uppsala")))[0]).toBe('bilaga.csv:3: region: okänd region "99" (ange SCB-kod 01–25 eller länets namn)')
    expect(messages(table(`${text}09,Gotlands län,1,1,1,3\n`))).toEqual(["bilaga.csv:23: region: Gotlands län (09) står redan på rad 9"])
    expect(messages(table(text.replace(/^25,.*\n/m, "")))).toEqual(["bilaga.csv: region: Norrbottens län (25) saknas; tabellen ska ha en rad per region"])
    expect(messages(table(text.replace("vardkapacitet,", "kapacitet,")))).toEqual([
      "bilaga.csv:1: kapacitet: okänd kolumn (förväntade region, name, vardkapacitet, sjalvvald_inlaggning, flexibla_overgangar och total)"
    ])
    expect(messages(table(""))).toEqual(["bilaga.csv: filen är tom"])
    const noColumn = Result.getOrThrow(table(text.replace(/,flexibla_overgangar|,\d+(?=,\d+\n)/g, "")))
    expect(messages(PublishedTable.verify(allocation, noColumn))).toEqual(["bilaga.csv:1: flexibla_overgangar: kolumnen saknas; tabellen ska ha en kolumn per komponent"])
  })
})

describe("PublishedTable.diff", () => {
  it("2027 at 1 500 000 000 kr on the same population against the 2026 table: the change is all from the pot, up to a krona of rounding", () => {
    const scaled = Result.getOrThrow(Scaling.scaleTo(Allocation.fromGrant(grant), 1_500_000_000)).spec
    const d = PublishedTable.diff(Result.getOrThrow(Allocation.allocate(scaled, population)), Result.getOrThrow(table(published)))
    expect(d.total).toMatchObject({ before: 1_490_000_000, after: 1_500_000_000, change: 10_000_000, fromPot: 10_000_000, fromPopulation: 0 })
    for (const row of d.rows) {
      expect(row.total.change).toBe(row.total.fromPot + row.total.fromPopulation)
      expect(Math.abs(row.total.fromPopulation)).toBeLessThanOrEqual(3)
    }
  })

  it("same pot, Uppsala's population doubled: nothing from the pot, the population part sums to zero", () => {
    const doubled: Population.Population = { source: "x", rows: population.rows.map((r) => (r.region === "03" ? { ...r, population: r.population * 2 } : r)) }
    const d = PublishedTable.diff(Result.getOrThrow(Allocation.allocate(Allocation.fromGrant(grant), doubled)), Result.getOrThrow(table(published)))
    expect(d.total).toMatchObject({ change: 0, fromPot: 0, fromPopulation: 0 })
    const uppsala = d.rows.find((r) => r.region === "03")!
    expect(uppsala.total.fromPot).toBe(0)
    expect(uppsala.total.fromPopulation).toBeGreaterThan(50_000_000)
    expect(d.rows.reduce((a, r) => a + r.components.vardkapacitet!.fromPopulation, 0)).toBe(0)
  })
})
