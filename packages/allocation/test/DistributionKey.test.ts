import { Catalog, Population, Region } from "@uppdrag/core"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Allocation, DistributionKey } from "../src/index.js"

const enc = (text: string) => new TextEncoder().encode(text)
const keyText = (weights: ReadonlyArray<string>, order: ReadonlyArray<number> = Region.all.map((_, i) => i)) =>
  `region,weight\n${order.map((i) => `${Region.all[i]!.code},${weights[i]}`).join("\n")}\n`
const messages = (r: Result.Result<unknown, { message: string }>): Array<string> => (Result.isFailure(r) ? r.failure.message.split("\n") : ["ok"])
const population = Result.getOrThrow(Population.parseFile(new URL("../data/scb-2025-09.csv", import.meta.url).pathname))
const grant = Catalog.findGrant(Catalog.unsafeLoad(), "specialiserad-psykiatri-2026")!.grant

describe("DistributionKey", () => {
  it("reads weights exactly in millionths, regions by code or name; SHA-256 as sha256sum prints it", () => {
    const weights = Region.all.map((_, i) => (i === 0 ? "1.5" : i === 1 ? "0.000001" : "2"))
    const key = Result.getOrThrow(DistributionKey.parse(enc(keyText(weights).replace("\n03,", "\nUppsala län,")), "nyckel.csv"))
    expect(key.weights.get("01" as Region.RegionCode)).toBe(1_500_000n)
    expect(key.weights.get("03" as Region.RegionCode)).toBe(1n)
    expect(key.texts.get("01" as Region.RegionCode)).toBe("1.5")
    expect(DistributionKey.sha256(enc(""))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    expect(DistributionKey.format(1_500_000n)).toBe("1.5")
    // Swedish spreadsheets: semicolons between fields, decimal comma.
    const semicolon = Result.getOrThrow(DistributionKey.parse(enc(keyText(weights).replaceAll(",", ";").replace("1.5", "1,5")), "nyckel.csv"))
    expect(semicolon.weights.get("01" as Region.RegionCode)).toBe(1_500_000n)
  })

  it("refuses missing and duplicate regions, negative weights, more than 6 decimals and all-zero weights, with file, line and field", () => {
    const ones = Region.all.map(() => "1")
    expect(messages(DistributionKey.parse(enc(keyText(ones).replace(/^25,1\n/m, "")), "k.csv"))).toEqual(["k.csv: region: Norrbottens län (25) saknas; nyckeln ska ha en vikt per region"])
    expect(messages(DistributionKey.parse(enc(`${keyText(ones)}03,2\n`), "k.csv"))).toEqual(["k.csv:23: region: Uppsala län (03) står redan på rad 3"])
    expect(messages(DistributionKey.parse(enc(keyText(ones).replace("\n04,1", "\n04,-0.5")), "k.csv"))).toEqual(["k.csv:4: weight: får inte vara negativ (-0.5)"])
    expect(messages(DistributionKey.parse(enc(keyText(ones).replace("\n04,1", "\n04,0.1234567")), "k.csv"))).toEqual(["k.csv:4: weight: högst 6 decimaler (0.1234567)"])
    expect(messages(DistributionKey.parse(enc(keyText(ones).replace("\n04,1", "\n04,mycket")), "k.csv"))).toEqual(['k.csv:4: weight: "mycket" är inte ett tal (skriv t.ex. 1.234567 eller 12)'])
    expect(messages(DistributionKey.parse(enc(keyText(ones).replace("\n04,1", "\nAtlantis,1")), "k.csv"))[0]).toBe('k.csv:4: region: okänd region "Atlantis" (ange SCB-kod 01–25 eller länets namn)')
    expect(messages(DistributionKey.parse(enc(keyText(Region.all.map(() => "0.000"))), "k.csv"))).toEqual(["k.csv: weight: alla vikter är noll; nyckeln kan inte fördela något"])
    expect(messages(DistributionKey.parse(enc("region,andel2\n"), "k.csv"))).toEqual(["k.csv:1: weight: kolumnen saknas i rubrikraden (region,weight)"])
  })

  it("a key of each region's 18+ population reproduces the seed 003 vårdkapacitet column (same split, same tie rule)", () => {
    const adults = Result.getOrThrow(Population.basis(population, { from: 18, to: undefined }))
    const key = Result.getOrThrow(DistributionKey.parse(enc(keyText(Region.all.map((r) => String(adults.get(r.code))))), "vuxna.csv"))
    const spec: Allocation.Spec = { id: "t", exclude: [], components: [{ id: "vardkapacitet", amount: grant.components[0]!.amount, basis: { _tag: "Key", key } }] }
    const byKey = Result.getOrThrow(Allocation.allocate(spec, population))
    const byPopulation = Result.getOrThrow(Allocation.allocate(Allocation.fromGrant(grant), population))
    expect(byKey.rows.map((r) => r.amounts.vardkapacitet)).toEqual(byPopulation.rows.map((r) => r.amounts.vardkapacitet))
    expect(byKey.rows.find((r) => r.region === "09")?.amounts.vardkapacitet).toBe(6_719_221)
    expect(byKey.components[0]).toMatchObject({ basis: "nyckel vuxna.csv", basisKind: "key", key: { source: "vuxna.csv" } })
  })

  it("weightedBy: population × weight; a weight of 1 everywhere gives the population split", () => {
    const key = Result.getOrThrow(DistributionKey.parse(enc(keyText(Region.all.map(() => "1"))), "ett.csv"))
    const weighted: Allocation.Spec = { ...Allocation.fromGrant(grant), components: Allocation.fromGrant(grant).components.map((c) => ({ ...c, basis: { _tag: "WeightedPopulation", band: c.basis as never, key } })) }
    const a = Result.getOrThrow(Allocation.allocate(weighted, population))
    const b = Result.getOrThrow(Allocation.allocate(Allocation.fromGrant(grant), population))
    expect(a.rows.map((r) => r.total)).toEqual(b.rows.map((r) => r.total))
    expect(a.components[0]!.basis).toBe("18+ × ett.csv")
    expect(a.components[0]!.lines[7]).toMatchObject({ population: 50_111, weight: 50_111_000_000n, keyWeight: "1" })
  })

  describe("properties (21 regions, weights with up to 6 decimals)", () => {
    const weight = fc.oneof(fc.constantFrom(0n, 1n, 1_000_000n, 1_500_000n, 1_500_000n), fc.bigInt({ min: 0n, max: 5_000_000_000n }))
    const weights = fc.array(weight, { minLength: 21, maxLength: 21 }).filter((w) => w.some((x) => x > 0n))
    const pots = fc.oneof(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 3_000_000_000 }))
    const split = (pot: number, w: ReadonlyArray<bigint>, order?: ReadonlyArray<number>) => {
      const key = Result.getOrThrow(DistributionKey.parse(enc(keyText(w.map(DistributionKey.format), order)), "k.csv"))
      const spec: Allocation.Spec = { id: "p", exclude: [], components: [{ id: "k", amount: pot as never, basis: { _tag: "Key", key } }] }
      return Result.getOrThrow(Allocation.allocate(spec, population)).rows.map((r) => BigInt(r.amounts.k!))
    }
    // Independent rational reference: quotas pot·w/W as BigInt fractions, floors, then the left-over
    // kronor to the largest remainders (ties: larger weight, then lower SCB code).
    const reference = (pot: number, w: ReadonlyArray<bigint>): Array<bigint> => {
      const total = w.reduce((a, b) => a + b, 0n)
      const floors = w.map((x) => (BigInt(pot) * x) / total)
      const rest = w.map((x, i) => BigInt(pot) * x - floors[i]! * total)
      let left = BigInt(pot) - floors.reduce((a, b) => a + b, 0n)
      const order = w.map((_, i) => i).sort((i, j) => (rest[i] !== rest[j] ? (rest[i]! > rest[j]! ? -1 : 1) : w[i] !== w[j] ? (w[i]! > w[j]! ? -1 : 1) : i - j))
      const out = [...floors]
      for (const i of order) if (left-- > 0n) out[i] = out[i]! + 1n
      return out
    }

    it("sums exactly, equals the rational reference, and gives each region the floor or ceiling of its quota", () => {
      fc.assert(
        fc.property(pots, weights, (pot, w) => {
          const amounts = split(pot, w)
          expect(amounts.reduce((a, b) => a + b, 0n)).toBe(BigInt(pot))
          expect(amounts).toEqual(reference(pot, w))
          const total = w.reduce((a, b) => a + b, 0n)
          amounts.forEach((a, i) => {
            const exact = BigInt(pot) * w[i]!
            expect(a * total <= exact + total - 1n && a * total >= exact - total + 1n).toBe(true)
          })
        }),
        { numRuns: 150 }
      )
    })

    it("does not depend on the order of the key file's rows", () => {
      const orders = fc.shuffledSubarray(Region.all.map((_, i) => i), { minLength: 21, maxLength: 21 })
      fc.assert(
        fc.property(pots, weights, orders, (pot, w, order) => {
          expect(split(pot, w, order)).toEqual(split(pot, w))
        }),
        { numRuns: 100 }
      )
    })
  })
})
