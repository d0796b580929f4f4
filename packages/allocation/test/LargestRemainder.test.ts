import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { LargestRemainder } from "../src/index.js"

const run = (pot: number | bigint, weights: ReadonlyArray<number>) =>
  Result.getOrThrow(LargestRemainder.allocate(pot, weights.map((weight, i) => ({ id: String(i).padStart(2, "0"), weight }))))

describe("LargestRemainder", () => {
  it("hands the left-over kronor to the largest remainders", () => {
    // Quotas 100 × 5/12 = 41.67, 100 × 4/12 = 33.33, 100 × 3/12 = 25.
    expect(run(100, [5, 4, 3]).map((s) => s.amount)).toEqual([42n, 33n, 25n])
  })

  it("tie rule: larger population first, then the lower code, whatever the input order", () => {
    // 10 kr over weights 1, 1, 1: remainders all 1/3; ids 00 < 01 < 02, so 00 gets the extra krona.
    expect(run(10, [1, 1, 1]).map((s) => s.amount)).toEqual([4n, 3n, 3n])
    const reversed = Result.getOrThrow(LargestRemainder.allocate(10, [{ id: "02", weight: 1 }, { id: "01", weight: 1 }, { id: "00", weight: 1 }]))
    expect(reversed.map((s) => [s.id, s.amount])).toEqual([["02", 3n], ["01", 3n], ["00", 4n]])
    // 2 kr over weights 1 and 3: quotas 0.5 and 1.5, equal remainders; the larger weight (b) gets the krona.
    const byWeight = Result.getOrThrow(LargestRemainder.allocate(2, [{ id: "a", weight: 1 }, { id: "b", weight: 3 }, { id: "c", weight: 0 }]))
    expect(byWeight.map((s) => s.amount)).toEqual([0n, 2n, 0n])
  })

  it("works past 2^53: 1 490 000 000 kr × 8 501 959 adults (seed 003 total × SCB 18+ for Riket)", () => {
    const shares = run(1_490_000_000, [8_501_959, 3])
    expect(shares[0]!.quotaNumerator).toBe(1_490_000_000n * 8_501_959n)
    expect(shares[0]!.quotaNumerator > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true)
    expect(shares.reduce((a, s) => a + s.amount, 0n)).toBe(1_490_000_000n)
  })

  it("refuses a pot with nobody to give it to, negative and fractional input, and duplicate ids", () => {
    expect(Result.isFailure(LargestRemainder.allocate(5, [{ id: "a", weight: 0 }]))).toBe(true)
    expect(Result.getOrThrow(LargestRemainder.allocate(0, [{ id: "a", weight: 0 }]))[0]!.amount).toBe(0n)
    expect(Result.isFailure(LargestRemainder.allocate(-1, [{ id: "a", weight: 1 }]))).toBe(true)
    expect(Result.isFailure(LargestRemainder.allocate(1.5, [{ id: "a", weight: 1 }]))).toBe(true)
    expect(Result.isFailure(LargestRemainder.allocate(1, [{ id: "a", weight: -1 }]))).toBe(true)
    expect(Result.isFailure(LargestRemainder.allocate(1, [{ id: "a", weight: 1 }, { id: "a", weight: 2 }]))).toBe(true)
  })

  it("roundHalfUp and decimal are exact", () => {
    expect(LargestRemainder.roundHalfUp({ quotaNumerator: 5n, denominator: 2n })).toBe(3n)
    expect(LargestRemainder.roundHalfUp({ quotaNumerator: 7n, denominator: 3n })).toBe(2n)
    expect(LargestRemainder.decimal(1n, 3n, 4)).toBe("0.3333")
    expect(LargestRemainder.decimal(200n, 8n, 2)).toBe("25.00")
  })

  describe("properties", () => {
    const pots = fc.oneof(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 2_000_000_000 }), fc.constant(Number.MAX_SAFE_INTEGER))
    // Populations with zeros and ties (few distinct values) as well as large ones.
    const populations = fc
      .array(fc.oneof(fc.constantFrom(0, 1, 7, 7, 1000), fc.integer({ min: 0, max: 3_000_000 })), { minLength: 1, maxLength: 40 })
      .filter((w) => w.some((x) => x > 0))

    it("sum is exact, each amount is the floor or ceiling of its quota", () => {
      fc.assert(
        fc.property(pots, populations, (pot, weights) => {
          const shares = run(pot, weights)
          expect(shares.reduce((a, s) => a + s.amount, 0n)).toBe(BigInt(pot))
          for (const s of shares) {
            const floor = s.quotaNumerator / s.denominator
            const exact = floor * s.denominator === s.quotaNumerator
            expect(s.amount === floor || (!exact && s.amount === floor + 1n)).toBe(true)
          }
        }),
        { numRuns: 100 }
      )
    })

    it("agrees with a plain bigint reference implementation on both arithmetic paths (doubles when safe, bigint beyond)", () => {
      const reference = (pot: bigint, weights: ReadonlyArray<number>): Array<bigint> => {
        const d = weights.reduce((a, w) => a + BigInt(w), 0n)
        const rows = weights.map((w, i) => ({ i, id: String(i).padStart(2, "0"), w: BigInt(w), floor: (pot * BigInt(w)) / d, rem: (pot * BigInt(w)) % d }))
        let left = pot - rows.reduce((a, r) => a + r.floor, 0n)
        const sorted = [...rows].sort((a, b) => (a.rem !== b.rem ? (a.rem > b.rem ? -1 : 1) : a.w !== b.w ? (a.w > b.w ? -1 : 1) : a.id < b.id ? -1 : 1))
        const extra = new Set<number>()
        for (const r of sorted) if (left > 0n) { extra.add(r.i); left -= 1n }
        return rows.map((r) => r.floor + (extra.has(r.i) ? 1n : 0n))
      }
      fc.assert(
        fc.property(fc.oneof(pots, fc.bigInt({ min: 0n, max: 10n ** 20n })), populations, (pot, weights) => {
          expect(run(pot, weights).map((s) => s.amount)).toEqual(reference(BigInt(pot), weights))
          if (typeof pot === "number") expect(Result.getOrThrow(LargestRemainder.amounts(pot, weights.map((weight, i) => ({ id: String(i).padStart(2, "0"), weight }))))).toEqual(reference(BigInt(pot), weights).map(Number))
        }),
        { numRuns: 100 }
      )
    })

    it("ranks are a permutation ordered by the tie rule (larger remainder, larger weight, lower id)", () => {
      fc.assert(
        fc.property(pots, populations, (pot, weights) => {
          const shares = run(pot, weights)
          const byRank = [...shares].sort((a, b) => a.rank - b.rank)
          expect(byRank.map((s) => s.rank)).toEqual(shares.map((_, i) => i + 1))
          for (let i = 1; i < byRank.length; i++) expect(LargestRemainder.compareForExtra(byRank[i - 1]!, byRank[i]!)).toBeLessThan(0)
          for (const s of shares) expect(s.extra).toBe(s.rank <= shares.filter((x) => x.extra).length)
        }),
        { numRuns: 100 }
      )
    })

    it("order-independent and deterministic", () => {
      fc.assert(
        fc.property(pots, populations, fc.integer(), (pot, weights, seed) => {
          const claimants = weights.map((weight, i) => ({ id: `r${String(i).padStart(2, "0")}`, weight }))
          const shuffled = [...claimants].sort((a, b) => ((a.id.charCodeAt(2) * 31 + seed) % 97) - ((b.id.charCodeAt(2) * 31 + seed) % 97) || (a.id < b.id ? -1 : 1))
          const one = new Map(Result.getOrThrow(LargestRemainder.allocate(pot, claimants)).map((s) => [s.id, s.amount]))
          const two = new Map(Result.getOrThrow(LargestRemainder.allocate(pot, shuffled)).map((s) => [s.id, s.amount]))
          const again = new Map(Result.getOrThrow(LargestRemainder.allocate(pot, claimants)).map((s) => [s.id, s.amount]))
          expect(two).toEqual(one)
          expect(again).toEqual(one)
        }),
        { numRuns: 100 }
      )
    })

    it("equal populations get amounts at most one krona apart, the lower code never less", () => {
      fc.assert(
        fc.property(pots, fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 2, max: 21 }), (pot, weight, n) => {
          const shares = run(pot, Array.from({ length: n }, () => weight))
          for (let i = 1; i < n; i++) expect(shares[i - 1]!.amount - shares[i]!.amount).toBeGreaterThanOrEqual(0n)
          expect(shares[0]!.amount - shares[n - 1]!.amount).toBeLessThanOrEqual(1n)
        }),
        { numRuns: 100 }
      )
    })
  })
})
