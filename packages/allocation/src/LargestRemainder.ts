import * as Data from "effect/Data"
import * as Result from "effect/Result"

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

/**
 * One recipient: an id (region code) and a non-negative whole weight (population).
 *
 * @since 0.2.0
 */
export interface Claimant {
  readonly id: string
  readonly weight: number | bigint
}

/**
 * What one recipient gets, with every step of the calculation.
 *
 * @since 0.2.0
 */
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

/**
 * Nothing to divide by: every weight is zero but the pot is not.
 *
 * @since 0.2.0
 */
export class ZeroTotalWeight extends Data.TaggedError("ZeroTotalWeight")<{ readonly pot: bigint }> {
  override get message(): string {
    return "befolkningen är noll för alla mottagare; beloppet kan inte fördelas"
  }
}

/**
 * A negative or fractional weight or pot, or an id given twice.
 *
 * @since 0.2.0
 */
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
 *
 * @since 0.2.0
 */
export const compareForExtra = (
  a: { readonly remainder: bigint; readonly weight: bigint; readonly id: string },
  b: { readonly remainder: bigint; readonly weight: bigint; readonly id: string }
): number => {
  if (a.remainder !== b.remainder) return a.remainder > b.remainder ? -1 : 1
  if (a.weight !== b.weight) return a.weight > b.weight ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

interface Computed {
  readonly total: bigint
  readonly denominator: bigint
  /** Weight of claimant i. */
  readonly weight: (i: number) => bigint
  readonly floor: (i: number) => bigint
  readonly remainder: (i: number) => bigint
  /** ⌊quota⌋ as a number (always safe: it is at most the pot). */
  readonly floorNumber: (i: number) => number
  /** 1-based rank of each remainder under the tie rule (computed on first use). */
  readonly rank: () => Int32Array
  /** Whether claimant i gets one of the left-over kronor (rank ≤ left), without ranking everyone. */
  readonly extras: () => Uint8Array
  /** How many kronor went to the largest remainders. */
  readonly left: number
}

const MAX = Number.MAX_SAFE_INTEGER

/**
 * The arithmetic, exact throughout. When the pot, every weight, their
 * products and the total weight are safe integers, floors and remainders are
 * computed in doubles with an exact correction step (identical results to
 * the bigint path, which handles everything else); the tie-rule sort runs
 * on numbers whenever the remainders fit (they are below the total weight).
 */
const compute = (pot: number | bigint, claimants: ReadonlyArray<Claimant>): Result.Result<Computed, ZeroTotalWeight | InvalidInput> => {
  const n = claimants.length
  const ids = new Set<string>()
  let numericInput = typeof pot === "number" && Number.isSafeInteger(pot) && pot >= 0
  let sum = 0
  let maxWeight = 0
  for (let i = 0; i < n; i++) {
    const c = claimants[i]!
    if (ids.has(c.id)) return Result.fail(new InvalidInput({ reason: `${c.id} förekommer två gånger` }))
    ids.add(c.id)
    const w = c.weight
    if (typeof w === "number" && Number.isSafeInteger(w) && w >= 0) {
      sum += w
      if (w > maxWeight) maxWeight = w
    } else {
      const reason = toBig(w, `vikten för ${c.id}`)
      if (typeof reason === "string") return Result.fail(new InvalidInput({ reason }))
      numericInput = false
    }
  }
  if (numericInput && Number.isSafeInteger(sum) && (maxWeight === 0 || (pot as number) <= MAX / maxWeight)) {
    if (sum === 0 && pot !== 0) return Result.fail(new ZeroTotalWeight({ pot: BigInt(pot) }))
    return Result.succeed(computeNumbers(pot as number, claimants, sum))
  }
  return computeBigInts(pot, claimants)
}

/** The tie rule of {@link compareForExtra} on numeric arrays (exact: all below 2^53). */
const rankNumbers = (claimants: ReadonlyArray<Claimant>, remainders: Float64Array, weights: Float64Array): Int32Array => {
  const n = claimants.length
  const order = new Array<number>(n)
  for (let i = 0; i < n; i++) order[i] = i
  order.sort((a, b) => {
    const r = remainders[b]! - remainders[a]!
    if (r !== 0) return r
    const w = weights[b]! - weights[a]!
    if (w !== 0) return w
    const ia = claimants[a]!.id
    const ib = claimants[b]!.id
    return ia < ib ? -1 : ia > ib ? 1 : 0
  })
  const rank = new Int32Array(n)
  for (let r = 0; r < n; r++) rank[order[r]!] = r + 1
  return rank
}

/**
 * Which claimants get the left-over kronor, without sorting everyone: the
 * `left`-th largest remainder is found with a native numeric sort, those
 * above it get a krona, and only the ties at that value are ordered by the
 * tie rule. Same answer as `rank ≤ left`.
 */
const topExtras = (claimants: ReadonlyArray<Claimant>, remainders: Float64Array, weights: Float64Array, left: number): Uint8Array => {
  const n = claimants.length
  const flags = new Uint8Array(n)
  if (left <= 0) return flags
  const threshold = Float64Array.from(remainders).sort()[n - left]!
  const tied: Array<number> = []
  let given = 0
  for (let i = 0; i < n; i++) {
    const r = remainders[i]!
    if (r > threshold) {
      flags[i] = 1
      given += 1
    } else if (r === threshold) tied.push(i)
  }
  tied.sort((a, b) => {
    const w = weights[b]! - weights[a]!
    if (w !== 0) return w
    const ia = claimants[a]!.id
    const ib = claimants[b]!.id
    return ia < ib ? -1 : ia > ib ? 1 : 0
  })
  for (let j = 0; j < left - given; j++) flags[tied[j]!] = 1
  return flags
}

const lazy = <A>(make: () => A): (() => A) => {
  let value: A | undefined
  return () => {
    value ??= make()
    return value
  }
}

const computeNumbers = (pot: number, claimants: ReadonlyArray<Claimant>, d: number): Computed => {
  const n = claimants.length
  const floors = new Float64Array(n)
  const remainders = new Float64Array(n)
  const weights = new Float64Array(n)
  let handedOut = 0
  for (let i = 0; i < n; i++) {
    const w = claimants[i]!.weight as number
    weights[i] = w
    if (d === 0) continue
    const a = pot * w // exact: below 2^53
    let q = Math.floor(a / d)
    let r = a - q * d // exact: |q·d − a| < d + 1 stays below 2^53
    if (r < 0) {
      q -= 1
      r += d
    } else if (r >= d) {
      q += 1
      r -= d
    }
    floors[i] = q
    remainders[i] = r
    handedOut += q
  }
  return {
    total: BigInt(pot),
    denominator: BigInt(d),
    weight: (i) => BigInt(weights[i]!),
    floor: (i) => BigInt(floors[i]!),
    remainder: (i) => BigInt(remainders[i]!),
    floorNumber: (i) => floors[i]!,
    rank: lazy(() => rankNumbers(claimants, remainders, weights)),
    extras: lazy(() => topExtras(claimants, remainders, weights, pot - handedOut)),
    left: pot - handedOut
  }
}

const computeBigInts = (pot: number | bigint, claimants: ReadonlyArray<Claimant>): Result.Result<Computed, ZeroTotalWeight | InvalidInput> => {
  const total = toBig(pot, "beloppet")
  if (typeof total === "string") return Result.fail(new InvalidInput({ reason: total }))
  const n = claimants.length
  const weights = new Array<bigint>(n)
  let denominator = 0n
  for (let i = 0; i < n; i++) {
    const w = toBig(claimants[i]!.weight, `vikten för ${claimants[i]!.id}`) as bigint
    weights[i] = w
    denominator += w
  }
  if (denominator === 0n && total !== 0n) return Result.fail(new ZeroTotalWeight({ pot: total }))
  const floors = new Array<bigint>(n)
  const remainders = new Array<bigint>(n)
  let handedOut = 0n
  for (let i = 0; i < n; i++) {
    const numerator = total * weights[i]!
    const floor = denominator === 0n ? 0n : numerator / denominator
    floors[i] = floor
    remainders[i] = numerator - floor * denominator
    handedOut += floor
  }
  let rank: Int32Array
  if (denominator <= BigInt(MAX) && weights.every((w) => w <= BigInt(MAX))) {
    rank = rankNumbers(claimants, Float64Array.from(remainders, Number), Float64Array.from(weights, Number))
  } else {
    const order = Array.from({ length: n }, (_, i) => i)
    order.sort((a, b) => compareForExtra({ remainder: remainders[a]!, weight: weights[a]!, id: claimants[a]!.id }, { remainder: remainders[b]!, weight: weights[b]!, id: claimants[b]!.id }))
    rank = new Int32Array(n)
    for (let r = 0; r < n; r++) rank[order[r]!] = r + 1
  }
  const left = Number(total - handedOut)
  return Result.succeed({
    total,
    denominator,
    weight: (i) => weights[i]!,
    floor: (i) => floors[i]!,
    remainder: (i) => remainders[i]!,
    floorNumber: (i) => Number(floors[i]!),
    rank: () => rank,
    extras: lazy(() => Uint8Array.from(rank, (r) => (r <= left ? 1 : 0))),
    // Fewer kronor are left than recipients (each remainder < 1 krona).
    left
  })
}

/**
 * Splits `pot` (whole kronor) over the claimants by weight. Returns the
 * shares in the claimants' order. An empty claimant list, or all weights
 * zero, only works for a pot of 0.
 *
 * @example
 * LargestRemainder.allocate(200_000_000, regions.map((r) => ({ id: r.code, weight: adults.get(r.code)! })))
 * @since 0.2.0
 */
export const allocate = (pot: number | bigint, claimants: ReadonlyArray<Claimant>): Result.Result<Array<Share>, ZeroTotalWeight | InvalidInput> =>
  Result.map(compute(pot, claimants), (c) => {
    const shares = new Array<Share>(claimants.length)
    const rank = c.rank()
    for (let i = 0; i < claimants.length; i++) {
      const extra = rank[i]! <= c.left
      const weight = c.weight(i)
      const floor = c.floor(i)
      shares[i] = {
        id: claimants[i]!.id,
        weight,
        quotaNumerator: c.total * weight,
        denominator: c.denominator,
        floor,
        remainder: c.remainder(i),
        rank: rank[i]!,
        extra,
        amount: extra ? floor + 1n : floor
      }
    }
    return shares
  })

/**
 * Only the amounts, as numbers (same result as {@link allocate}, without
 * building the explanation of every share): for long recipient lists.
 *
 * @example
 * LargestRemainder.amounts(100, [{ id: "a", weight: 2 }, { id: "b", weight: 1 }]) // Result.succeed([67, 33])
 * @since 0.2.0
 */
export const amounts = (pot: number | bigint, claimants: ReadonlyArray<Claimant>): Result.Result<Array<number>, ZeroTotalWeight | InvalidInput> =>
  Result.map(compute(pot, claimants), (c) => {
    const out = new Array<number>(claimants.length)
    const extras = c.extras()
    for (let i = 0; i < claimants.length; i++) out[i] = c.floorNumber(i) + extras[i]!
    return out
  })

/**
 * Plain rounding of each exact quota to the nearest krona (halves up), for
 * comparison: the sum can miss the pot.
 *
 * @example
 * LargestRemainder.roundHalfUp({ quotaNumerator: 5n, denominator: 2n }) // 3n
 * @since 0.2.0
 */
export const roundHalfUp = (share: Pick<Share, "quotaNumerator" | "denominator">): bigint =>
  share.denominator === 0n ? 0n : (2n * share.quotaNumerator + share.denominator) / (2n * share.denominator)

/**
 * An exact fraction as a decimal string with `digits` decimals, truncated
 * (for explanations: `44 129 959.5012…`).
 *
 * @example
 * LargestRemainder.decimal(1n, 3n, 4) // "0.3333"
 * @since 0.2.0
 */
export const decimal = (numerator: bigint, denominator: bigint, digits: number): string => {
  if (denominator === 0n) return "0"
  const whole = numerator / denominator
  if (digits === 0) return whole.toString()
  const scale = 10n ** BigInt(digits)
  const fraction = ((numerator - whole * denominator) * scale) / denominator
  return `${whole}.${fraction.toString().padStart(digits, "0")}`
}
