import { Data, Result } from "effect"

/**
 * The largest-remainder (Hamilton) method in exact integer arithmetic: each
 * recipient gets the floor of its exact quota `pot × weight / total`, and the
 * kronor left over go one each to the largest fractional parts. The amounts
 * always sum to the pot exactly and each is the floor or the ceiling of its
 * quota.
 *
 * Products like 1 140 000 000 kr × 1 979 654 inhabitants exceed 2^53, so
 * every step is done in `bigint`; no floating point is involved.
 *
 * **Tie rule** (deterministic, independent of input order): among equal
 * remainders the larger weight (population) wins, then the lower id in
 * code-point order (for regions: the lower SCB code).
 *
 * @example
 * import { LargestRemainder } from "@uppdrag/allocation"
 * import { Result } from "effect"
 * const shares = Result.getOrThrow(LargestRemainder.allocate(10n, [{ id: "a", weight: 1 }, { id: "b", weight: 1 }, { id: "c", weight: 1 }]))
 * shares.map((s) => s.amount) // [4n, 3n, 3n]: "a" wins the tie on the lower id
 */

/** One recipient: an id (region code) and a non-negative whole weight (population). */
export interface Claimant {
  readonly id: string
  readonly weight: number | bigint
}

/** What one recipient gets, with every step of the calculation. */
export interface Share {
  readonly id: string
  readonly weight: bigint
  /** The exact quota is `quotaNumerator / denominator` = pot × weight / total weight. */
  readonly quotaNumerator: bigint
  /** The total weight of all recipients. */
  readonly denominator: bigint
  /** ⌊quota⌋. */
  readonly floor: bigint
  /** The fractional part is `remainder / denominator` (0 ≤ remainder < denominator). */
  readonly remainder: bigint
  /** 1-based rank of the remainder under the tie rule (1 = largest). */
  readonly rank: number
  /** Whether this recipient got one of the left-over kronor. */
  readonly extra: boolean
  /** `floor + (extra ? 1 : 0)`. */
  readonly amount: bigint
}

/** Nothing to divide by: every weight is zero but the pot is not. */
export class ZeroTotalWeight extends Data.TaggedError("ZeroTotalWeight")<{ readonly pot: bigint }> {
  override get message(): string {
    return "befolkningen är noll för alla mottagare; beloppet kan inte fördelas"
  }
}

/** A negative or fractional weight or pot, or an id given twice. */
export class InvalidInput extends Data.TaggedError("InvalidInput")<{ readonly reason: string }> {
  override get message(): string {
    return this.reason
  }
}

const toBig = (value: number | bigint, what: string): bigint | string => {
  if (typeof value === "bigint") return value < 0n ? `${what} får inte vara negativt (${value})` : value
  if (!Number.isSafeInteger(value)) return `${what} måste vara ett heltal (${value})`
  if (value < 0) return `${what} får inte vara negativt (${value})`
  return BigInt(value)
}

/**
 * The tie rule as a comparator on shares: larger remainder, then larger
 * weight, then lower id. Exposed so explanations and tests use the same rule.
 */
export const compareForExtra = (
  a: { readonly remainder: bigint; readonly weight: bigint; readonly id: string },
  b: { readonly remainder: bigint; readonly weight: bigint; readonly id: string }
): number => {
  if (a.remainder !== b.remainder) return a.remainder > b.remainder ? -1 : 1
  if (a.weight !== b.weight) return a.weight > b.weight ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * Splits `pot` (whole kronor) over the claimants by weight. Returns the
 * shares in the claimants' order. An empty claimant list, or all weights
 * zero, only works for a pot of 0.
 *
 * @example
 * LargestRemainder.allocate(200_000_000, regions.map((r) => ({ id: r.code, weight: adults.get(r.code)! })))
 */
export const allocate = (pot: number | bigint, claimants: ReadonlyArray<Claimant>): Result.Result<Array<Share>, ZeroTotalWeight | InvalidInput> => {
  const total = toBig(pot, "beloppet")
  if (typeof total === "string") return Result.fail(new InvalidInput({ reason: total }))
  const n = claimants.length
  const weights = new Array<bigint>(n)
  let denominator = 0n
  const ids = new Set<string>()
  for (let i = 0; i < n; i++) {
    const c = claimants[i]!
    const w = toBig(c.weight, `vikten för ${c.id}`)
    if (typeof w === "string") return Result.fail(new InvalidInput({ reason: w }))
    if (ids.has(c.id)) return Result.fail(new InvalidInput({ reason: `${c.id} förekommer två gånger` }))
    ids.add(c.id)
    weights[i] = w
    denominator += w
  }
  if (denominator === 0n) {
    if (total === 0n) {
      return Result.succeed(
        claimants.map((c, i) => ({ id: c.id, weight: 0n, quotaNumerator: 0n, denominator: 0n, floor: 0n, remainder: 0n, rank: i + 1, extra: false, amount: 0n }))
      )
    }
    return Result.fail(new ZeroTotalWeight({ pot: total }))
  }
  const floors = new Array<bigint>(n)
  const remainders = new Array<bigint>(n)
  let handedOut = 0n
  for (let i = 0; i < n; i++) {
    const numerator = total * weights[i]!
    const floor = numerator / denominator
    floors[i] = floor
    remainders[i] = numerator - floor * denominator
    handedOut += floor
  }
  // Fewer kronor are left than recipients (each remainder < 1 krona).
  const left = Number(total - handedOut)
  const order = Array.from({ length: n }, (_, i) => i)
  // The tie rule of compareForExtra, on indices (no objects per comparison).
  order.sort((a, b) => {
    const ra = remainders[a]!
    const rb = remainders[b]!
    if (ra !== rb) return ra > rb ? -1 : 1
    const wa = weights[a]!
    const wb = weights[b]!
    if (wa !== wb) return wa > wb ? -1 : 1
    const ia = claimants[a]!.id
    const ib = claimants[b]!.id
    return ia < ib ? -1 : ia > ib ? 1 : 0
  })
  const rank = new Array<number>(n)
  for (let r = 0; r < n; r++) rank[order[r]!] = r + 1
  const shares = new Array<Share>(n)
  for (let i = 0; i < n; i++) {
    const extra = rank[i]! <= left
    shares[i] = {
      id: claimants[i]!.id,
      weight: weights[i]!,
      quotaNumerator: total * weights[i]!,
      denominator,
      floor: floors[i]!,
      remainder: remainders[i]!,
      rank: rank[i]!,
      extra,
      amount: floors[i]! + (extra ? 1n : 0n)
    }
  }
  return Result.succeed(shares)
}

/**
 * Only the amounts, as numbers (same result as {@link allocate}). Each
 * amount must fit in a safe integer, which whole-krona pots always do.
 *
 * @example
 * LargestRemainder.amounts(100, [{ id: "a", weight: 2 }, { id: "b", weight: 1 }]) // Result.succeed([67, 33])
 */
export const amounts = (pot: number | bigint, claimants: ReadonlyArray<Claimant>): Result.Result<Array<number>, ZeroTotalWeight | InvalidInput> =>
  Result.map(allocate(pot, claimants), (shares) => shares.map((s) => Number(s.amount)))

/**
 * Plain rounding of each exact quota to the nearest krona (halves up), for
 * comparison: the sum can miss the pot.
 *
 * @example
 * LargestRemainder.roundHalfUp({ quotaNumerator: 5n, denominator: 2n }) // 3n
 */
export const roundHalfUp = (share: Pick<Share, "quotaNumerator" | "denominator">): bigint =>
  share.denominator === 0n ? 0n : (2n * share.quotaNumerator + share.denominator) / (2n * share.denominator)

/**
 * An exact fraction as a decimal string with `digits` decimals, truncated
 * (for explanations: `44 129 959.5012…`).
 *
 * @example
 * LargestRemainder.decimal(1n, 3n, 4) // "0.3333"
 */
export const decimal = (numerator: bigint, denominator: bigint, digits: number): string => {
  if (denominator === 0n) return "0"
  const whole = numerator / denominator
  if (digits === 0) return whole.toString()
  const scale = 10n ** BigInt(digits)
  const fraction = ((numerator - whole * denominator) * scale) / denominator
  return `${whole}.${fraction.toString().padStart(digits, "0")}`
}
