import * as Result from "effect/Result"
import * as z from "zod"
import { swedish } from "./Collation.js"

/**
 * A Government Offices diary number (diarienummer), e.g. `S2025/01528`:
 * department letter(s), the year, a slash and a five-digit serial. A decision
 * may cite one only in part, written `S2026/00095 (delvis)`.
 *
 * @example
 * import { DiaryNumber } from "@uppdrag/core"
 * const d = DiaryNumber.unsafeParse("S2026/00095 (delvis)")
 * d.partial // true
 * DiaryNumber.format(d) // "S2026/00095 (delvis)"
 * @since 0.2.0
 */
export interface DiaryNumber {
  /** Department prefix: `S` is Socialdepartementet. */
  readonly department: string
  readonly year: number
  readonly serial: number
  /** Cited only in part (`delvis`). */
  readonly partial: boolean
}

const pattern = /^([A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{0,3})(\d{4})\/(\d{5})(?:\s*\((delvis)\))?$/

/**
 * Parses a diary number; accepts surrounding spaces, nothing else.
 *
 * @example
 * DiaryNumber.parse("S2025/01528")
 * @since 0.2.0
 */
export const parse = (text: string): Result.Result<DiaryNumber, string> => {
  const match = pattern.exec(text.trim())
  if (match === null) {
    return Result.fail(`${JSON.stringify(text)} är inte ett diarienummer (t.ex. S2025/01528 eller S2026/00095 (delvis))`)
  }
  const year = Number(match[2])
  if (year < 1900 || year > 2100) return Result.fail(`${JSON.stringify(text)} har ett orimligt årtal`)
  return Result.succeed({
    department: match[1] ?? "",
    year,
    serial: Number(match[3]),
    partial: match[4] !== undefined
  })
}

/**
 * Parses a diary number known to be valid; throws otherwise.
 *
 * @since 0.2.0
 */
export const unsafeParse = (text: string): DiaryNumber =>
  Result.getOrThrowWith(parse(text), (reason) => new RangeError(reason))

/**
 * The case itself, without the `(delvis)` mark: `S2026/00095`.
 *
 * @since 0.2.0
 */
export const key = (d: DiaryNumber): string =>
  `${d.department}${String(d.year).padStart(4, "0")}/${String(d.serial).padStart(5, "0")}`

/**
 * The canonical text, with `(delvis)` when partial.
 *
 * @since 0.2.0
 */
export const format = (d: DiaryNumber): string => (d.partial ? `${key(d)} (delvis)` : key(d))

/**
 * Same case, whether cited in whole or in part.
 *
 * @since 0.2.0
 */
export const equals = (a: DiaryNumber, b: DiaryNumber): boolean => key(a) === key(b)

/**
 * Orders by department, then year, then serial.
 *
 * @since 0.2.0
 */
export const compare = (a: DiaryNumber, b: DiaryNumber): number =>
  swedish(a.department, b.department) || a.year - b.year || a.serial - b.serial

/**
 * zod schema: a diary number as text, validated, kept as its canonical text.
 *
 * @since 0.2.0
 */
export const textSchema = z.string().superRefine((value, ctx) => {
  const result = parse(value)
  if (Result.isFailure(result)) ctx.addIssue({ code: "custom", message: result.failure })
})
