import { readFileSync } from "node:fs"
import { Region } from "@uppdrag/core"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { CatalogSource, GrantAllocation, InputFiles } from "../src/index.js"

// SCB september 2025 and the seed 003 appendix as published (kept in @uppdrag/allocation).
const population = readFileSync(new URL("../../allocation/data/scb-2025-09.csv", import.meta.url))
const published = readFileSync(new URL("../../allocation/test/fixtures/allocation-2026-specialiserad-psykiatri.csv", import.meta.url), "utf8")
const key = `region,weight\n${Region.all.map((r, i) => `${r.code},${i === 0 ? "2.5" : "1.000001"}`).join("\n")}\n`
const files = {
  "befolkning.csv": population,
  "bilaga.csv": published,
  "fel.csv": published.replace("09,Gotlands län,6719221,", "09,Gotlands län,6719222,"),
  "g/vardmodell.csv": key,
  "g/trasig.csv": key.replace("\n04,1.000001", "\n04,-1"),
  "g/bidrag.yaml": "id: vardmodell-2024\ncomponents:\n  - { id: vardmodell, amount: 3000000000, basis: { key: vardmodell.csv } }\n",
  "g/trasigt.yaml": "id: vardmodell-2024\ncomponents:\n  - { id: vardmodell, amount: 3000000000, basis: { age: '18+', weightedBy: trasig.csv } }\n"
}
const run = <A, E>(program: Effect.Effect<A, E, CatalogSource.CatalogSource | InputFiles.InputFiles>) =>
  Effect.runPromise(Effect.result(program).pipe(Effect.provide(Layer.mergeAll(CatalogSource.layer(), InputFiles.layerMemory(files)))))
const grant = { grant: "specialiserad-psykiatri-2026", population: "befolkning.csv" }

describe("GrantAllocation.allocate", () => {
  it("seed 003, Bilaga: the published table verifies cell by cell; provenance has the population file's SHA-256 and the decision's sentence", async () => {
    const result = Result.getOrThrow(await run(GrantAllocation.allocate({ ...grant, verify: "bilaga.csv" })))
    expect(result.verification).toMatchObject({ cells: 84, discrepancies: [] })
    expect(result.preliminary).toBe(false)
    expect(result.provenance.population.sha256).toBe("b2d1a2e47ffa0a4a6839d08c7df07cc16cc134af23d3ddbcf0ccf88e19dcd0b3")
    expect(result.provenance.grant).toMatchObject({ _tag: "Catalog", assignment: "specialiserad-psykiatri-2026", populationReference: "SCB september 2025" })
  })

  it("one krona off in the published table is named: Gotland, vårdkapacitet, published 6 719 222, computed 6 719 221", async () => {
    const result = Result.getOrThrow(await run(GrantAllocation.allocate({ ...grant, verify: "fel.csv" })))
    expect(result.verification?.discrepancies).toEqual([{ region: "09", name: "Gotlands län", component: "vardkapacitet", published: 6_719_222, computed: 6_719_221, difference: -1 }])
  })

  it("seed 003: 2027 is planned at 1 500 000 000 kr for the purpose but no amount to the regions, so --scale-to is asked for; with it the split is PRELIMINÄR", async () => {
    const asked = await run(GrantAllocation.allocate({ ...grant, year: 2027 }))
    expect(Result.isFailure(asked) && asked.failure.message).toBe(
      "--year: för 2027 planerar beslutet 1 500 000 000 kr totalt för ändamålet men anger inte hur mycket som går till regionerna; ange --scale-to BELOPP (2026: 1 490 000 000 kr av 1 500 000 000 kr till regionerna)"
    )
    const result = Result.getOrThrow(await run(GrantAllocation.allocate({ ...grant, year: 2027, scaleTo: 1_500_000_000, diff: "bilaga.csv" })))
    expect(result.allocation.components.map((c) => c.amount)).toEqual([1_147_651_007, 201_342_282, 151_006_711])
    expect(result.preliminary).toBe(true)
    expect(result.provenance.preliminary[0]).toBe("2027 är ett planerat år; medlen förutsätter att riksdagen anvisar dem")
    expect(result.diff?.total).toMatchObject({ change: 10_000_000, fromPot: 10_000_000, fromPopulation: 0 })
    const unknown = await run(GrantAllocation.allocate({ ...grant, year: 2031 }))
    expect(Result.isFailure(unknown) && unknown.failure.message).toBe("--year: beslutet specialiserad-psykiatri-2026 anger inga medel för 2031 (år med medel: 2026, 2027 (planerat), 2028 (planerat))")
  })

  it("a grant file split by a distribution key records the key file's hash; a bad key file is refused with file, line and field", async () => {
    const result = Result.getOrThrow(await run(GrantAllocation.allocate({ grant: "g/bidrag.yaml", population: "befolkning.csv" })))
    expect(result.allocation.total).toBe(3_000_000_000)
    expect(result.provenance.keys).toEqual([{ component: "vardmodell", file: "g/vardmodell.csv", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }])
    expect(result.provenance.grant).toMatchObject({ _tag: "File", file: "g/bidrag.yaml" })
    const bad = await run(GrantAllocation.allocate({ grant: "g/trasigt.yaml", population: "befolkning.csv" }))
    expect(Result.isFailure(bad) && bad.failure.message).toBe("g/trasig.csv:4: weight: får inte vara negativ (-1)")
  })
})
