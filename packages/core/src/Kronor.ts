import * as Result from "effect/Result"
import * as z from "zod"

/**
 * An amount of money in whole Swedish kronor. Always an integer within
 * `Number.MAX_SAFE_INTEGER`; arithmetic that could leave that range is checked.
 * Code that multiplies amounts by populations uses `bigint` instead.
 *
 * @example
 * import { Kronor } from "@uppdrag/core"
 * Kronor.format(Kronor.unsafeMake(1_490_000_000)) // "1 490 000 000 kr"
 * @since 0.2.0
 */
export type Kronor = number & { readonly Kronor: unique symbol }

/**
 * Why a number is not a whole-krona amount, in Swedish, or undefined.
 *
 * @since 0.2.0
 */
export const invalidReason = (value: number, { allowNegative = false } = {}): string | undefined => {
  if (!Number.isFinite(value) || !Number.isInteger(value)) return `${value} är inte ett helt antal kronor`
  if (!Number.isSafeInteger(value)) return `${value} kr är för stort belopp`
  if (!allowNegative && value < 0) return `beloppet får inte vara negativt (${value})`
  return undefined
}

/**
 * Checks and brands an amount; negative amounts are refused unless allowed
 * (a reversal in the ledger may be negative).
 *
 * @example
 * Kronor.make(1_500_000_000) // Result.succeed(1500000000)
 * @since 0.2.0
 */
export const make = (value: number, options?: { allowNegative?: boolean }): Result.Result<Kronor, string> => {
  const reason = invalidReason(value, options)
  return reason === undefined ? Result.succeed(value as Kronor) : Result.fail(reason)
}

/**
 * Brands an amount known to be valid; throws otherwise.
 *
 * @since 0.2.0
 */
export const unsafeMake = (value: number, options?: { allowNegative?: boolean }): Kronor => {
  const reason = invalidReason(value, options)
  if (reason !== undefined) throw new RangeError(reason)
  return value as Kronor
}

/**
 * Zero kronor.
 *
 * @since 0.2.0
 */
export const zero = 0 as Kronor

/**
 * Adds amounts, refusing a sum outside the safe-integer range.
 *
 * @since 0.2.0
 */
export const sum = (...amounts: ReadonlyArray<number>): Kronor => {
  let total = 0
  for (const amount of amounts) {
    total += amount
    if (!Number.isSafeInteger(total)) throw new RangeError("summan är för stor för att räknas exakt")
  }
  return total as Kronor
}

/**
 * `a − b`, checked.
 *
 * @since 0.2.0
 */
export const subtract = (a: Kronor, b: Kronor): Kronor => unsafeMake(a - b, { allowNegative: true })

/**
 * Converts to bigint for exact products.
 *
 * @since 0.2.0
 */
export const toBigInt = (amount: Kronor): bigint => BigInt(amount)

/**
 * Converts a bigint back, refusing values outside the safe range.
 *
 * @since 0.2.0
 */
export const fromBigInt = (amount: bigint): Kronor => {
  if (amount > BigInt(Number.MAX_SAFE_INTEGER) || amount < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`${amount} kr är för stort belopp`)
  }
  return Number(amount) as Kronor
}

const SEPARATORS = /[ \u00a0\u202f]/g

/**
 * Groups digits in threes the Swedish way: `1 490 000 000`.
 * The separator defaults to an ordinary space; pass `"\u00a0"` for HTML.
 *
 * @example
 * Kronor.formatNumber(-58203923) // "−58 203 923"
 * @since 0.2.0
 */
export const formatNumber = (value: number | bigint, separator = " "): string => {
  const negative = value < 0
  const digits = (negative ? -BigInt(value) : BigInt(value)).toString()
  const groups: Array<string> = []
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end))
  return `${negative ? "−" : ""}${groups.join(separator)}`
}

/**
 * `1 490 000 000 kr`.
 *
 * @example
 * Kronor.format(Kronor.unsafeMake(10_000_000)) // "10 000 000 kr"
 * @since 0.2.0
 */
export const format = (amount: number | bigint, separator = " "): string => `${formatNumber(amount, separator)}${separator === " " ? " " : separator}kr`

/**
 * Parses Swedish-style amounts: `1 490 000 000 kr`, `1490000000`, with
 * spaces, no-break spaces or narrow no-break spaces between groups, an
 * optional `kr`/`kronor` suffix, and a leading minus (`-` or `−`).
 *
 * @example
 * Kronor.parse("1\u00a0490\u00a0000\u00a0000 kr") // Result.succeed(1490000000)
 * @since 0.2.0
 */
export const parse = (text: string, options?: { allowNegative?: boolean }): Result.Result<Kronor, string> => {
  const trimmed = text.trim().replace(/\s*(kr|kronor|SEK)$/i, "")
  const match = /^([-−]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)$/.exec(trimmed)
  if (match === null) return Result.fail(`${JSON.stringify(text)} är inte ett belopp i hela kronor`)
  const digits = (match[2] ?? "").replace(SEPARATORS, "")
  const value = Number(digits) * (match[1] === "" ? 1 : -1)
  return make(value, options)
}

/**
 * zod schema for a non-negative whole-krona amount, with Swedish messages.
 *
 * @since 0.2.0
 */
export const schema = z.number().superRefine((value, ctx) => {
  const reason = invalidReason(value)
  if (reason !== undefined) ctx.addIssue({ code: "custom", message: reason })
}) as unknown as z.ZodType<Kronor, number>
