import { Catalog } from "@uppdrag/core"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Allocation, Scaling } from "../src/index.js"

const grant = Catalog.findGrant(Catalog.unsafeLoad(), "specialiserad-psykiatri-2026")!.grant

describe("Scaling.scaleTo", () => {
  it("seed 003: 1 490 000 000 kr to the regions in 2026, 1 500 000 000 kr planned for 2027 → 1 147 651 007 / 201 342 282 / 151 006 711", () => {
    const scaled = Result.getOrThrow(Scaling.scaleTo(Allocation.fromGrant(grant), 1_500_000_000))
    expect(scaled.spec.components.map((c) => c.amount)).toEqual([1_147_651_007, 201_342_282, 151_006_711])
    expect([scaled.from, scaled.to]).toEqual([1_490_000_000, 1_500_000_000])
    expect(scaled.components[0]).toEqual({ id: "vardkapacitet", from: 1_140_000_000, to: 1_147_651_007 })
  })

  it("seed 003: the 1 200 000 000 kr planned for 2028 splits exactly too", () => {
    const scaled = Result.getOrThrow(Scaling.scaleTo(Allocation.fromGrant(grant), 1_200_000_000))
    expect(scaled.spec.components.reduce((a, c) => a + c.amount, 0)).toBe(1_200_000_000)
  })

  it("refuses an amount that is not whole kronor, and components without amounts", () => {
    expect(Result.isFailure(Scaling.scaleTo(Allocation.fromGrant(grant), 1.5))).toBe(true)
    expect(Result.isFailure(Scaling.scaleTo(Allocation.fromGrant(grant), -1))).toBe(true)
    const zero = { id: "z", exclude: [], components: [{ id: "a", amount: 0 as never, basis: { from: 18, to: undefined } }] }
    expect(Result.getOrThrow(Result.flip(Scaling.scaleTo(zero, 10))).message).toBe("--scale-to: komponenterna har inga belopp att räkna andelar av")
  })

  it("property: the components sum to the new amount, each the floor or ceiling of its proportional share", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2_000_000_000 }), { minLength: 1, maxLength: 6 }).filter((a) => a.some((x) => x > 0)), fc.integer({ min: 0, max: 5_000_000_000 }), (amounts, to) => {
        const spec: Allocation.Spec = { id: "s", exclude: [], components: amounts.map((amount, i) => ({ id: `c${i}`, amount: amount as never, basis: { from: 0, to: undefined } })) }
        const scaled = Result.getOrThrow(Scaling.scaleTo(spec, to)).spec.components.map((c) => BigInt(c.amount))
        expect(scaled.reduce((a, b) => a + b, 0n)).toBe(BigInt(to))
        const from = BigInt(amounts.reduce((a, b) => a + b, 0))
        scaled.forEach((s, i) => {
          const exact = BigInt(to) * BigInt(amounts[i]!)
          expect(s * from <= exact + from - 1n && s * from >= exact - from + 1n).toBe(true)
        })
      }),
      { numRuns: 200 }
    )
  })
})
