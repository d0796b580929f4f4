import { Kronor } from "@uppdrag/core"
import * as Data from "effect/Data"
import * as Result from "effect/Result"
import type * as Allocation from "./Allocation.js"
import * as LargestRemainder from "./LargestRemainder.js"

/**
 * What-if and next year: a new total split over a spec's components in
 * proportion to their amounts, by the largest remainder (ties: the larger
 * component, then the lower id), so the components add up to the new total
 * to the krona. The 2026 grant's 1 140 / 200 / 150 million scaled from
 * 1 490 000 000 kr to the 1 500 000 000 kr planned for 2027 gives
 * 1 147 651 007 / 201 342 282 / 151 006 711 kr. Fixed amounts per region
 * stay as they are.
 *
 * @example
 * import { Scaling } from "@uppdrag/allocation"
 * const { spec: scaled } = Result.getOrThrow(Scaling.scaleTo(spec, 1_500_000_000))
 * scaled.components.map((c) => c.amount) // [1147651007, 201342282, 151006711]
 */

/**
 * How a spec was scaled: the old and new total, and each component's old and new amount.
 *
 * @since 0.2.0
 */
export interface Scaled {
  readonly spec: Allocation.Spec
  readonly from: Kronor.Kronor
  readonly to: Kronor.Kronor
  readonly components: ReadonlyArray<{ readonly id: string; readonly from: Kronor.Kronor; readonly to: Kronor.Kronor }>
}

/**
 * The new total is not a whole, non-negative amount, or the spec has nothing to scale.
 *
 * @since 0.2.0
 */
export class ScalingRefused extends Data.TaggedError("ScalingRefused")<{ readonly reason: string }> {
  override get message(): string {
    return `--scale-to: ${this.reason}`
  }
}

/**
 * Splits `amount` over the components in proportion to their amounts.
 *
 * @example
 * Scaling.scaleTo(Allocation.fromGrant(grant), 1_500_000_000) // Result.succeed({ from: 1490000000, to: 1500000000, … })
 * @since 0.2.0
 */
export const scaleTo = (spec: Allocation.Spec, amount: number): Result.Result<Scaled, ScalingRefused> => {
  const reason = Kronor.invalidReason(amount)
  if (reason !== undefined) return Result.fail(new ScalingRefused({ reason }))
  const from = Kronor.sum(...spec.components.map((c) => c.amount))
  const split = LargestRemainder.amounts(
    amount,
    spec.components.map((c) => ({ id: c.id, weight: c.amount }))
  )
  if (Result.isFailure(split)) return Result.fail(new ScalingRefused({ reason: "komponenterna har inga belopp att räkna andelar av" }))
  const components = spec.components.map((c, i) => ({ ...c, amount: Kronor.unsafeMake(split.success[i]!) }))
  return Result.succeed({
    spec: { ...spec, components },
    from,
    to: Kronor.unsafeMake(amount),
    components: spec.components.map((c, i) => ({ id: c.id, from: c.amount, to: components[i]!.amount }))
  })
}
