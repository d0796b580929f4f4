import { execFileSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { Catalog, Population } from "@uppdrag/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { Allocation, Provenance } from "../src/index.js"

const file = fileURLToPath(new URL("../data/scb-2025-09.csv", import.meta.url))
const enc = (t: string) => new TextEncoder().encode(t)

describe("Provenance", () => {
  it("the population file's SHA-256 is what sha256sum prints", () => {
    const described = Provenance.describePopulation(readFileSync(file), file)
    expect(described.sha256).toBe("b2d1a2e47ffa0a4a6839d08c7df07cc16cc134af23d3ddbcf0ccf88e19dcd0b3")
    let printed: string | undefined
    try {
      printed = execFileSync("sha256sum", [file], { encoding: "utf8" }).split(" ")[0]
    } catch {
      printed = undefined // no sha256sum on this machine
    }
    if (printed !== undefined) expect(described.sha256).toBe(printed)
    expect(described.format).toBe("csv")
  })

  it("reads SCB's table, title and reference time from a PxWeb CSV and a JSON-stat answer", () => {
    const px = Provenance.describePopulation(enc('"Folkmängden per månad efter region, ålder och kön. Tabell BE0101N1"\n\n"region";"ålder";"2025M09"\n"01 Stockholms län";"18 år";"30000"\n'), "px.csv")
    expect(px).toMatchObject({ format: "pxweb-csv", table: "BE0101N1", referenceTime: "2025M09" })
    const json = Provenance.describePopulation(
      enc(JSON.stringify({ class: "dataset", label: "Folkmängd efter region, ålder och månad", source: "SCB", updated: "2025-10-14T06:00:00Z", extension: { px: { tableid: "TAB638" } }, id: ["Region", "Alder", "Tid"], role: { time: ["Tid"] }, dimension: { Tid: { category: { index: { "2025M09": 0 } } } } })),
      "scb.json"
    )
    expect(json).toMatchObject({ format: "json-stat", table: "TAB638", referenceTime: "2025M09", publisher: "SCB", updated: "2025-10-14T06:00:00Z" })
  })

  it("records the catalog entry, method, tie rule and package version; entries read in Swedish", () => {
    const found = Catalog.findGrant(Catalog.unsafeLoad(), "specialiserad-psykiatri-2026")!
    const population = Result.getOrThrow(Population.parseFile(file))
    const allocation = Result.getOrThrow(Allocation.allocate(Allocation.fromGrant(found.grant), population))
    const p = Provenance.make({
      allocation,
      population: Provenance.describePopulation(readFileSync(file), "befolkning.csv"),
      grant: { _tag: "Catalog", grant: found.grant.id, assignment: found.assignment.id, diaryNumbers: found.assignment.diaryNumbers, decided: found.assignment.decided, source: found.grant.source }
    })
    expect(p.package).toEqual({ name: "@uppdrag/allocation", version: JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version })
    expect(p.preliminary).toEqual([])
    const entries = new Map(Provenance.entries(p))
    expect(entries.get("Befolkningsfilens SHA-256")).toBe("b2d1a2e47ffa0a4a6839d08c7df07cc16cc134af23d3ddbcf0ccf88e19dcd0b3")
    expect(entries.get("Källa")).toMatch(/^Bilaga: medelstilldelningen baseras på befolkningsmängd 18\+ år/)
    expect(entries.get("Metod")).toBe(Provenance.tieRule)
  })
})
