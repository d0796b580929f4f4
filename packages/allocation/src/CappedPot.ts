import { Kronor, Region } from "@uppdrag/core"
import * as Data from "effect/Data"
import * as Result from "effect/Result"
import * as LargestRemainder from "./LargestRemainder.js"

/**
 * A capped, performance-based pot: the 2012 model of seed 002 ("Varje
 * landsting kan inte få en större andel av det totala bidraget (42 500 000
 * kronor) än vad som motsvarar dess andel av befolkningen"). Each region's
 * cap is its population share of the pot (population on 31 December of the
 * year before), in whole kronor by the largest-remainder method so the caps
 * add up to the pot. A region earns `⌊cap × met / of⌋` where `met` of `of`
 * conditions (or performance points) are fulfilled. What is not earned is
 * reported as unallocated, never spread silently; with `redistribute` it is
 * split again by population over the regions that earned something and are
 * still under their cap, never above a cap, until nothing is left or every
 * such region is at its cap.
 *
 * @example
 * import { CappedPot } from "@uppdrag/allocation"
 * const result = Result.getOrThrow(CappedPot.allocate(42_500_000, population, attainment))
 * result.unallocated // kronor not paid out
 */

/**
 * How much of its cap a region has earned: `met` of `of` (0 ≤ met ≤ of, of > 0).
 *
 * @since 0.2.0
 */
export interface Attainment {
  readonly met: number
  readonly of: number
}

/**
 * One region's result.
 *
 * @since 0.2.0
 */
export interface Row {
  readonly region: Region.RegionCode
  readonly name: string
  readonly population: number
  /** Its population share of the pot, whole kronor. */
  readonly cap: Kronor.Kronor
  readonly attainment: Attainment
  /** `⌊cap × met / of⌋`. */
  readonly earned: Kronor.Kronor
  /** Added by redistribution (0 without it). */
  readonly redistributed: Kronor.Kronor
  /** earned + redistributed; never above the cap. */
  readonly amount: Kronor.Kronor
}

/**
 * The result: one row per region (SCB code order), the total paid and what is left unallocated.
 *
 * @since 0.2.0
 */
export interface Outcome {
  readonly pot: Kronor.Kronor
  readonly rows: ReadonlyArray<Row>
  readonly paid: Kronor.Kronor
  /** `pot − paid`: reported, not spread. */
  readonly unallocated: Kronor.Kronor
  readonly redistributed: boolean
}

/**
 * Bad input: a missing population or attainment, or an attainment out of range.
 *
 * @since 0.2.0
 */
export class CappedPotRefused extends Data.TaggedError("CappedPotRefused")<{ readonly reason: string }> {
  override get message(): string {
    return this.reason
  }
}

/**
 * Attainment from a checklist of conditions per region: met = number of
 * conditions fulfilled, of = number of conditions. With `allOrNothing`,
 * a region with any unmet condition earns nothing.
 *
 * @example
 * CappedPot.fromChecklist({ "01": [true, true, false, true] }) // Map { "01" => { met: 3, of: 4 } }
 * @since 0.2.0
 */
export const fromChecklist = (checklist: Readonly<Record<string, ReadonlyArray<boolean>>>, options: { allOrNothing?: boolean } = {}): Map<string, Attainment> =>
  new Map(
    Object.entries(checklist).map(([region, conditions]) => {
      const met = conditions.filter(Boolean).length
      const of = Math.max(1, conditions.length)
      return [region, options.allOrNothing === true ? { met: met === conditions.length ? 1 : 0, of: 1 } : { met, of }]
    })
  )

/**
 * Allocates the pot. `population` and `attainment` are keyed by region code
 * and must cover all 21 regions (a region without attainment is an error:
 * say `{ met: 0, of: 1 }` for a region that met nothing).
 *
 * @example
 * CappedPot.allocate(42_500_000, population, attainment, { redistribute: true })
 * @since 0.2.0
 */
export const allocate = (
  pot: number,
  population: ReadonlyMap<string, number>,
  attainment: ReadonlyMap<string, Attainment>,
  options: { redistribute?: boolean } = {}
): Result.Result<Outcome, CappedPotRefused> => {
  const potReason = Kronor.invalidReason(pot)
  if (potReason !== undefined) return Result.fail(new CappedPotRefused({ reason: potReason }))
  const problems: Array<string> = []
  for (const region of Region.all) {
    const a = attainment.get(region.code)
    if (!population.has(region.code)) problems.push(`${region.name} (${region.code}): befolkning saknas`)
    if (a === undefined) problems.push(`${region.name} (${region.code}): måluppfyllelse saknas`)
    else if (!Number.isSafeInteger(a.met) || !Number.isSafeInteger(a.of) || a.of <= 0 || a.met < 0 || a.met > a.of) {
      problems.push(`${region.name} (${region.code}): måluppfyllelsen ${a.met} av ${a.of} är ogiltig`)
    }
  }
  for (const code of [...population.keys(), ...attainment.keys()]) {
    if (!Region.isRegionCode(code)) problems.push(`okänd regionkod ${JSON.stringify(code)}`)
  }
  if (problems.length > 0) return Result.fail(new CappedPotRefused({ reason: [...new Set(problems)].join("; ") }))
  const caps = LargestRemainder.allocate(
    pot,
    Region.all.map((r) => ({ id: r.code, weight: population.get(r.code)! }))
  )
  if (Result.isFailure(caps)) return Result.fail(new CappedPotRefused({ reason: caps.failure.message }))
  const cap = caps.success.map((s) => s.amount)
  const earned = Region.all.map((r, i) => {
    const a = attainment.get(r.code)!
    return (cap[i]! * BigInt(a.met)) / BigInt(a.of)
  })
  const extra = Region.all.map(() => 0n)
  let left = BigInt(pot) - earned.reduce((x, y) => x + y, 0n)
  if (options.redistribute === true) {
    // Water-filling: split what is left by population over regions that
    // earned something and have room under their cap; clip at the cap and
    // repeat with what the clipping returned. Each round fills at least one
    // region or hands out everything, so at most 21 rounds.
    for (;;) {
      const open = Region.all.flatMap((r, i) => (attainment.get(r.code)!.met > 0 && earned[i]! + extra[i]! < cap[i]! ? [i] : []))
      if (left === 0n || open.length === 0) break
      const split = LargestRemainder.allocate(
        left,
        open.map((i) => ({ id: Region.all[i]!.code, weight: population.get(Region.all[i]!.code)! }))
      )
      if (Result.isFailure(split)) break // every open region has population 0: nothing can be split
      let given = 0n
      split.success.forEach((s, j) => {
        const i = open[j]!
        const room = cap[i]! - earned[i]! - extra[i]!
        // biome-ignore lint/complexity/useMathMinMax: bigint, which Math.min does not take
        const add = s.amount < room ? s.amount : room
        extra[i] = extra[i]! + add
        given += add
      })
      if (given === 0n) break
      left -= given
    }
  }
  const rows = Region.all.map(
    (r, i): Row => ({
      region: r.code,
      name: r.name,
      population: population.get(r.code)!,
      cap: Kronor.fromBigInt(cap[i]!),
      attainment: attainment.get(r.code)!,
      earned: Kronor.fromBigInt(earned[i]!),
      redistributed: Kronor.fromBigInt(extra[i]!),
      amount: Kronor.fromBigInt(earned[i]! + extra[i]!)
    })
  )
  const paid = Kronor.sum(...rows.map((r) => r.amount))
  return Result.succeed({
    pot: Kronor.unsafeMake(pot),
    rows,
    paid,
    unallocated: Kronor.unsafeMake(pot - paid),
    redistributed: options.redistribute === true
  })
}

/**
 * The national row of an outcome: sums of every column.
 *
 * @since 0.2.0
 */
export interface Totals {
  readonly population: number
  readonly cap: Kronor.Kronor
  readonly earned: Kronor.Kronor
  readonly redistributed: Kronor.Kronor
  readonly amount: Kronor.Kronor
}

/**
 * The sums of an outcome's columns, for the Riket row of every format (the
 * caps add up to the pot, the amounts to what is paid).
 *
 * @example
 * CappedPot.totals(outcome) // { population: 8500000, cap: 42500000, earned: 39650000, redistributed: 0, amount: 39650000 }
 * @since 0.2.0
 */
export const totals = (outcome: Outcome): Totals => ({
  population: outcome.rows.reduce((sum, r) => sum + r.population, 0),
  cap: Kronor.sum(...outcome.rows.map((r) => r.cap)),
  earned: Kronor.sum(...outcome.rows.map((r) => r.earned)),
  redistributed: Kronor.sum(...outcome.rows.map((r) => r.redistributed)),
  amount: Kronor.sum(...outcome.rows.map((r) => r.amount))
})
