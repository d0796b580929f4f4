import * as Result from "effect/Result"
import * as z from "zod"
import * as CalendarDate from "./CalendarDate.js"

/**
 * An inclusive range of calendar dates, such as a requisition window
 * `2026-04-01..2026-05-18` (both days count).
 *
 * @example
 * import { DateRange, CalendarDate } from "@uppdrag/core"
 * const window = DateRange.unsafeParse("2026-04-01..2026-05-18")
 * DateRange.contains(window, CalendarDate.unsafeParse("2026-05-18")) // true
 * @since 0.2.0
 */
export interface DateRange {
  readonly start: CalendarDate.CalendarDate
  readonly end: CalendarDate.CalendarDate
}

/**
 * Parses `START..END`; the end may not be before the start.
 *
 * @example
 * DateRange.parse("2026-04-01..2026-05-18")
 * @since 0.2.0
 */
export const parse = (text: string): Result.Result<DateRange, string> => {
  const [start, end, ...rest] = text.split("..")
  if (start === undefined || end === undefined || rest.length > 0) {
    return Result.fail(`${JSON.stringify(text)} är inte ett datumintervall på formen ÅÅÅÅ-MM-DD..ÅÅÅÅ-MM-DD`)
  }
  return make(start, end)
}

/**
 * Builds a range from two date texts, validating both and their order.
 *
 * @since 0.2.0
 */
export const make = (start: string, end: string): Result.Result<DateRange, string> => {
  const reason = CalendarDate.invalidReason(start) ?? CalendarDate.invalidReason(end)
  if (reason !== undefined) return Result.fail(reason)
  if (end < start) return Result.fail(`intervallet slutar (${end}) före det börjar (${start})`)
  return Result.succeed({ start: start as CalendarDate.CalendarDate, end: end as CalendarDate.CalendarDate })
}

/**
 * Parses a range known to be valid; throws otherwise.
 *
 * @since 0.2.0
 */
export const unsafeParse = (text: string): DateRange => Result.getOrThrowWith(parse(text), (reason) => new RangeError(reason))

/**
 * Whether the date lies in the range, both ends included.
 *
 * @since 0.2.0
 */
export const contains = (range: DateRange, date: CalendarDate.CalendarDate): boolean =>
  date >= range.start && date <= range.end

/**
 * Number of days in the range, both ends included.
 *
 * @since 0.2.0
 */
export const length = (range: DateRange): number => CalendarDate.daysBetween(range.start, range.end) + 1

/**
 * `2026-04-01..2026-05-18`
 *
 * @since 0.2.0
 */
export const format = (range: DateRange): string => `${range.start}..${range.end}`

/**
 * zod schema for `{ start, end }` with the end not before the start.
 *
 * @since 0.2.0
 */
export const schema = z
  .strictObject({ start: CalendarDate.schema, end: CalendarDate.schema })
  .refine((range) => range.end >= range.start, { message: "slutdatum före startdatum", path: ["end"] })
