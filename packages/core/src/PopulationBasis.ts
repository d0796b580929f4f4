import * as Result from "effect/Result"
import * as z from "zod"

/**
 * The age band a grant component is distributed by: `18+`, `0-25`, `0+`, or
 * a single year. Both ends are whole years of age, inclusive; `to` is
 * undefined for an open band.
 *
 * @example
 * import { PopulationBasis } from "@uppdrag/core"
 * PopulationBasis.format(PopulationBasis.unsafeParse("0-25")) // "0-25"
 * @since 0.2.0
 */
export interface AgeBand {
  readonly from: number
  readonly to: number | undefined
}

/**
 * Parses `18+`, `0-25`, `34`, or `{ from, to }`.
 *
 * @example
 * PopulationBasis.parse("18+") // Result.succeed({ from: 18, to: undefined })
 * @since 0.2.0
 */
export const parse = (input: string | { from: number; to?: number | null }): Result.Result<AgeBand, string> => {
  if (typeof input === "object") {
    const to = input.to ?? undefined
    return check(input.from, to, JSON.stringify(input))
  }
  const text = input.trim()
  let match = /^(\d{1,3})\+$/.exec(text)
  if (match !== null) return check(Number(match[1]), undefined, text)
  match = /^(\d{1,3})-(\d{1,3})$/.exec(text)
  if (match !== null) return check(Number(match[1]), Number(match[2]), text)
  match = /^(\d{1,3})$/.exec(text)
  if (match !== null) return check(Number(match[1]), Number(match[1]), text)
  return Result.fail(`${JSON.stringify(input)} är inte ett åldersintervall (t.ex. 18+, 0-25 eller 34)`)
}

const check = (from: number, to: number | undefined, text: string): Result.Result<AgeBand, string> => {
  if (!Number.isInteger(from) || from < 0 || (to !== undefined && (!Number.isInteger(to) || to < from))) {
    return Result.fail(`${text} är inte ett giltigt åldersintervall`)
  }
  return Result.succeed({ from, to })
}

/**
 * Parses a band known to be valid; throws otherwise.
 *
 * @since 0.2.0
 */
export const unsafeParse = (text: string): AgeBand => Result.getOrThrowWith(parse(text), (r) => new RangeError(r))

/**
 * `18+`, `0-25` or `34`.
 *
 * @since 0.2.0
 */
export const format = (band: AgeBand): string =>
  band.to === undefined ? `${band.from}+` : band.to === band.from ? `${band.from}` : `${band.from}-${band.to}`

/**
 * Whether two bands are the same.
 *
 * @since 0.2.0
 */
export const equals = (a: AgeBand, b: AgeBand): boolean => a.from === b.from && a.to === b.to

/**
 * Whether an age falls in the band.
 *
 * @since 0.2.0
 */
export const contains = (band: AgeBand, age: number): boolean => age >= band.from && (band.to === undefined || age <= band.to)

/**
 * zod schema accepting the text or object form, producing the text form.
 *
 * @since 0.2.0
 */
export const schema = z.union([z.string(), z.object({ from: z.number(), to: z.number().nullable().optional() })]).transform((value, ctx) => {
  const result = parse(value as string | { from: number; to?: number | null })
  if (Result.isFailure(result)) {
    ctx.addIssue({ code: "custom", message: result.failure })
    return z.NEVER
  }
  return format(result.success)
})
