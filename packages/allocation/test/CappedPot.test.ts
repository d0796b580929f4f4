import { Region } from "@uppdrag/core"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { CappedPot } from "../src/index.js"

// Illustrative populations (SCB 18+ September 2025); the 2012 model used 31 December 2011.
const adults = [1979654, 329115, 239724, 380260, 293102, 161870, 199483, 50121, 127530, 1140429, 274556, 1426232, 225053, 257004, 233178, 240563, 240167, 203850, 107186, 225802, 211082]
const population = new Map(Region.all.map((r, i) => [r.code as string, adults[i]!]))
const everyone = (met: number, of: number) => new Map(Region.all.map((r) => [r.code as string, { met, of }]))

describe("CappedPot (seed 002, the 2012 performance-based model)", () => {
  it("seed 002: 'Varje landsting kan inte få en större andel av det totala bidraget (42 500 000 kronor) än vad som motsvarar dess andel av befolkningen': all met, all paid at their cap", () => {
    const outcome = Result.getOrThrow(CappedPot.allocate(42_500_000, population, everyone(1, 1)))
    expect(outcome.paid).toBe(42_500_000)
    expect(outcome.unallocated).toBe(0)
    for (const row of outcome.rows) expect(row.amount).toBe(row.cap)
  })

  it("a county that met nothing gets nothing and the money is reported as unallocated, not spread", () => {
    const attainment = everyone(1, 1)
    attainment.set("01", { met: 0, of: 1 })
    attainment.set("09", { met: 2, of: 4 })
    const outcome = Result.getOrThrow(CappedPot.allocate(42_500_000, population, attainment))
    const stockholm = outcome.rows[0]!
    const gotland = outcome.rows.find((r) => r.region === "09")!
    expect(stockholm.amount).toBe(0)
    expect(gotland.amount).toBe(Math.floor(gotland.cap / 2))
    expect(outcome.unallocated).toBe(stockholm.cap + gotland.cap - gotland.amount)
    expect(outcome.paid + outcome.unallocated).toBe(42_500_000)
    for (const row of outcome.rows.filter((r) => r.region !== "01" && r.region !== "09")) expect(row.amount).toBe(row.cap)
  })

  it("redistribution (explicit) goes only to counties that earned something, under the same caps", () => {
    const attainment = everyone(1, 2)
    attainment.set("01", { met: 0, of: 2 })
    const outcome = Result.getOrThrow(CappedPot.allocate(42_500_000, population, attainment, { redistribute: true }))
    expect(outcome.rows[0]!.amount).toBe(0)
    // Everyone else can reach the cap; Stockholm's share cannot be placed anywhere.
    for (const row of outcome.rows.slice(1)) expect(row.amount).toBe(row.cap)
    expect(outcome.unallocated).toBe(outcome.rows[0]!.cap)
  })

  it("checklists: met of the conditions, or all-or-nothing", () => {
    expect(CappedPot.fromChecklist({ "01": [true, true, false, true] }).get("01")).toEqual({ met: 3, of: 4 })
    expect(CappedPot.fromChecklist({ "01": [true, false] }, { allOrNothing: true }).get("01")).toEqual({ met: 0, of: 1 })
  })

  it("refuses missing, invalid and unknown input", () => {
    const missing = new Map(everyone(1, 1))
    missing.delete("25")
    const m = CappedPot.allocate(100, population, missing)
    expect(Result.isFailure(m) && m.failure.message).toBe("Norrbottens län (25): måluppfyllelse saknas")
    const r = CappedPot.allocate(100, population, new Map([...everyone(1, 1), ["03", { met: 3, of: 2 }], ["99", { met: 1, of: 1 }]]))
    expect(Result.isFailure(r) && r.failure.message).toBe('Uppsala län (03): måluppfyllelsen 3 av 2 är ogiltig; okänd regionkod "99"')
  })

  it("property: never above a cap; paid + unallocated = pot; redistribution never lowers anyone", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 21, maxLength: 21 }).filter((p) => p.some((x) => x > 0)),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 5 })), { minLength: 21, maxLength: 21 }),
        (pot, pops, attains) => {
          const pop = new Map(Region.all.map((r, i) => [r.code as string, pops[i]!]))
          const att = new Map(Region.all.map((r, i) => [r.code as string, { met: Math.min(attains[i]![0], attains[i]![1]), of: attains[i]![1] }]))
          const plain = Result.getOrThrow(CappedPot.allocate(pot, pop, att))
          const spread = Result.getOrThrow(CappedPot.allocate(pot, pop, att, { redistribute: true }))
          for (const outcome of [plain, spread]) {
            expect(outcome.paid + outcome.unallocated).toBe(pot)
            expect(outcome.rows.reduce((a, r) => a + r.cap, 0)).toBe(pot)
            for (const row of outcome.rows) {
              expect(row.amount).toBeLessThanOrEqual(row.cap)
              if (row.attainment.met === 0) expect(row.amount).toBe(0)
            }
          }
          spread.rows.forEach((row, i) => {
            expect(row.amount).toBeGreaterThanOrEqual(plain.rows[i]!.amount)
          })
          // Left unallocated after redistribution only if no earning county has room.
          if (spread.unallocated > 0) {
            for (const row of spread.rows) if (row.attainment.met > 0 && row.population > 0) expect(row.amount).toBe(row.cap)
          }
        }
      ),
      { numRuns: 100 }
    )
  })
})
