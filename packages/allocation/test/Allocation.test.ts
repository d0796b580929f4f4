import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Catalog, Population, PopulationBasis, Region } from "@uppdrag/core"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Allocation, Ledger, PublishedPopulation } from "../src/index.js"

const assignment = Result.getOrThrow(Catalog.parseFile(join(Catalog.builtinDirectory(), "2026-01-22-specialiserad-psykiatri.yaml")))
const grant = assignment.grants.find((g) => g.id === "specialiserad-psykiatri-2026")!
const population = Result.getOrThrow(PublishedPopulation.forGrant(grant))
const allocation = Result.getOrThrow(Allocation.allocate(Allocation.fromGrant(grant), population))
// The seed 003 appendix (Bilaga) as published: ../shared/data/allocation-2026-specialiserad-psykiatri.csv.
const published = readFileSync(new URL("./fixtures/allocation-2026-specialiserad-psykiatri.csv", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split(","))

describe("Allocation of specialiserad-psykiatri-2026 (seed 003, Bilaga)", () => {
  it("reproduces the published table to the krona, all 21 regions and three components", () => {
    expect(allocation.rows).toHaveLength(21)
    allocation.rows.forEach((row, i) => {
      const [code, name, vardkapacitet, sjalvvald, flexibla, total] = published[i]!
      expect([row.region, row.name, row.amounts.vardkapacitet, row.amounts.sjalvvald_inlaggning, row.amounts.flexibla_overgangar, row.total]).toEqual([
        code,
        name,
        Number(vardkapacitet),
        Number(sjalvvald),
        Number(flexibla),
        Number(total)
      ])
    })
    expect(allocation.total).toBe(1_490_000_000)
  })

  it("seed 003, Bilaga: Gotlands län 8 670 310 kr (6 719 221 + 1 178 811 + 772 278)", () => {
    const gotland = allocation.rows.find((r) => r.region === "09")!
    expect(gotland.amounts).toEqual({ vardkapacitet: 6_719_221, sjalvvald_inlaggning: 1_178_811, flexibla_overgangar: 772_278 })
    expect(gotland.total).toBe(8_670_310)
  })

  it("seed 003, Bilaga: Uppsala län 58 203 923 kr; Stockholms län 347 393 632 kr", () => {
    expect(allocation.rows.find((r) => r.region === "03")!.total).toBe(58_203_923)
    expect(allocation.rows.find((r) => r.region === "01")!.total).toBe(347_393_632)
  })

  it("component sums are exact: 1 140 000 000, 200 000 000 and 150 000 000 kr", () => {
    for (const c of allocation.components) expect(c.lines.reduce((a, l) => a + l.amount, 0)).toBe(c.amount)
  })

  it("plain rounding would pay 200 000 002 kr in självvald inläggning (shared/README: 'the 200 MSEK column would sum to 200 000 002')", () => {
    const plain = Allocation.plainRounding(allocation)
    const sjalvvald = plain.find((p) => p.component === "sjalvvald_inlaggning")!
    expect(sjalvvald.total).toBe(200_000_002)
    expect(sjalvvald.difference).toBe(2)
    expect(sjalvvald.differences.length).toBeGreaterThanOrEqual(2)
    for (const d of sjalvvald.differences) expect(d.plain - d.largestRemainder).toBe(1)
  })

  it("explains Gotland's vårdkapacitet: population, share, exact quota, floor, remainder, rank", () => {
    const [line] = Allocation.explain(allocation, "09")
    expect(line).toMatchObject({ component: "vardkapacitet", basis: "18+", region: "09", nationalPopulation: 8_501_959, amount: 6_719_221 })
    const adults = Result.getOrThrow(Population.basis(population, PopulationBasis.unsafeParse("18+")))
    expect(line!.population).toBe(adults.get("09" as Region.RegionCode))
    expect(line!.quotaNumerator).toBe(1_140_000_000n * BigInt(line!.population))
    expect(line!.denominator).toBe(8_501_959n)
    expect(line!.floor + (line!.extra ? 1n : 0n)).toBe(6_719_221n)
    expect(line!.quota.startsWith(line!.floor.toString())).toBe(true)
    const vardkapacitet = allocation.components[0]!
    const extras = vardkapacitet.lines.filter((l) => l.extra)
    expect(extras).toHaveLength(vardkapacitet.leftOver)
    expect(extras.every((l) => l.rank <= vardkapacitet.leftOver)).toBe(true)
    expect(Allocation.explain(allocation, "99")).toEqual([])
  })

  it("excludes regions and recomputes shares over the rest (as the December 2025 cancer-care payment did for 18 regions)", () => {
    const without = Result.getOrThrow(Allocation.allocate(Allocation.fromGrant(grant), population, { exclude: ["13", "21", "24"] }))
    expect(without.exclude).toEqual(["13", "21", "24"])
    for (const code of ["13", "21", "24"]) expect(without.rows.find((r) => r.region === code)!.total).toBe(0)
    expect(without.total).toBe(1_490_000_000)
    const uppsala = without.rows.find((r) => r.region === "03")!.total
    expect(uppsala).toBeGreaterThan(58_203_923)
    expect(without.components[0]!.lines[0]!.nationalPopulation).toBeLessThan(8_501_959)
    const bad = Allocation.allocate(Allocation.fromGrant(grant), population, { exclude: ["99"] })
    expect(Result.isFailure(bad) && bad.failure.message).toBe('--exclude: okänd regionkod "99" (ange SCB-kod 01–25)')
  })

  it("gives fixed amounts first (SFS 2024:1252: 100 000 000 kr per region plus a population share of the rest)", () => {
    const spec: Allocation.Spec = {
      id: "kapacitet-2025",
      exclude: [],
      components: [{ id: "kapacitet", amount: 3_000_000_000 as never, basis: PopulationBasis.unsafeParse("18+"), fixedPerRegion: 100_000_000 as never }]
    }
    const result = Result.getOrThrow(Allocation.allocate(spec, population))
    const c = result.components[0]!
    expect(c.distributed).toBe(3_000_000_000 - 21 * 100_000_000)
    expect(result.total).toBe(3_000_000_000)
    for (const l of c.lines) expect(l.amount).toBe(100_000_000 + Number(l.floor) + (l.extra ? 1 : 0))
    const tooMuch = Allocation.allocate({ ...spec, components: [{ ...spec.components[0]!, fixedPerRegion: 200_000_000 as never }] }, population)
    expect(Result.isFailure(tooMuch) && tooMuch.failure.message).toBe(
      "komponenten kapacitet: fasta belopp 200 000 000 kr × 21 regioner överstiger komponentens belopp 3 000 000 000 kr"
    )
  })

  it("a band the population cannot give is an error naming the file and region", () => {
    const spec: Allocation.Spec = { id: "x", exclude: [], components: [{ id: "a", amount: 100 as never, basis: PopulationBasis.unsafeParse("65+") }] }
    const result = Allocation.allocate(spec, population)
    expect(Result.isFailure(result) && result.failure.message.split("\n")[0]).toMatch(/scb-2025-09\.csv: 01 65\+: Stockholms län, ålder 65\+: /)
  })

  it("property: random pots, fixed parts and exclusions over the real populations sum exactly, each component within floor/ceiling", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.subarray(Region.all.map((r) => r.code), { maxLength: 20 }),
        (amount, fixed, exclude) => {
          const n = 21 - exclude.length
          const fixedPerRegion = fixed * n <= amount ? fixed : 0
          const spec: Allocation.Spec = { id: "p", exclude: [], components: [{ id: "a", amount: amount as never, basis: PopulationBasis.unsafeParse("0-25"), fixedPerRegion: fixedPerRegion as never }] }
          const result = Result.getOrThrow(Allocation.allocate(spec, population, { exclude }))
          expect(result.total).toBe(amount)
          for (const line of result.components[0]!.lines) {
            if (line.excluded) expect(line.amount).toBe(0)
            else {
              const floor = line.quotaNumerator / line.denominator
              expect(BigInt(line.amount - fixedPerRegion) - floor).toBeLessThanOrEqual(1n)
              expect(BigInt(line.amount - fixedPerRegion) - floor).toBeGreaterThanOrEqual(0n)
            }
          }
        }
      ),
      { numRuns: 60 }
    )
  })

  it("feeds the ledger: Uppsala län may requisition its 58 203 923 kr on 2026-04-15, not one krona more; excluded regions have no allocation", () => {
    const terms = Ledger.termsOf(grant, Allocation.totals(allocation))
    const req = (amount: number, region = "03") => Ledger.EntrySchema.parse({ kind: "requisition", id: "r", grant: grant.id, region, amount, date: "2026-04-15" })
    expect(Result.isSuccess(Ledger.check(terms, Ledger.empty(), req(58_203_923)))).toBe(true)
    expect(Result.isFailure(Ledger.check(terms, Ledger.empty(), req(58_203_924)))).toBe(true)
    const without = Result.getOrThrow(Allocation.allocate(Allocation.fromGrant(grant), population, { exclude: ["13"] }))
    const refused = Ledger.check(Ledger.termsOf(grant, Allocation.totals(without)), Ledger.empty(), req(1, "13"))
    expect(Result.isFailure(refused) && refused.failure._tag).toBe("UnknownRegion")
  })
})
