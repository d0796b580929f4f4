import { CalendarDate } from "@uppdrag/core"
import * as Result from "effect/Result"
import { weekdayHolidaysBetween } from "./internal/HolidaySource.js"
import * as SwedishHoliday from "./SwedishHoliday.js"

/**
 * Swedish working days (vardagar, "söckendagar"): every day except Saturdays,
 * Sundays, the public holidays of lag (1989:253) and midsommarafton, julafton
 * and nyårsafton. These are exactly the days lag (1930:173) om beräkning av
 * lagstadgad tid lets a deadline pass over to the next working day.
 *
 * @example
 * import { WorkingDay } from "@uppdrag/deadlines"
 * WorkingDay.nonWorkingReason(CalendarDate.unsafeParse("2027-05-30")) // "söndag"
 */

/**
 * Why a date is not a working day, in Swedish, or `null` on a working day.
 * A holiday's name wins over the weekday (`midsommardagen`, not `lördag`).
 *
 * @example
 * WorkingDay.nonWorkingReason(CalendarDate.unsafeParse("2013-04-01")) // "annandag påsk"
 * WorkingDay.nonWorkingReason(CalendarDate.unsafeParse("2026-11-30")) // null
 * @since 0.2.0
 */
export const nonWorkingReason = (date: CalendarDate.CalendarDate): string | null => {
  const holiday = SwedishHoliday.on(date)
  if (holiday !== undefined) return holiday.name
  const weekday = CalendarDate.weekday(date)
  return weekday === 6 ? "lördag" : weekday === 7 ? "söndag" : null
}

/**
 * Whether a date is a Swedish working day.
 *
 * @example
 * WorkingDay.isWorkingDay(CalendarDate.unsafeParse("2026-12-24")) // false (julafton)
 * @since 0.2.0
 */
export const isWorkingDay = (date: CalendarDate.CalendarDate): boolean => nonWorkingReason(date) === null

/**
 * The first working day after `date` (never `date` itself); throws
 * `DateOutOfRange` when it would lie after 2199-12-31 (see {@link nextWithin}).
 *
 * @example
 * WorkingDay.next(CalendarDate.unsafeParse("2027-05-30")) // "2027-05-31"
 * WorkingDay.next(CalendarDate.unsafeParse("2013-03-28")) // "2013-04-02" (past Easter)
 * @since 0.2.0
 */
export const next = (date: CalendarDate.CalendarDate): CalendarDate.CalendarDate => Result.getOrThrow(nextWithin(date))

/**
 * The first working day after `date`, or `DateOutOfRange` when there is none
 * before the end of the supported range (after nyårsafton 2199 the next one
 * is in 2200): for dates that come from input.
 *
 * @example
 * WorkingDay.nextWithin(CalendarDate.unsafeParse("2199-12-31")) // Result.fail(DateOutOfRange { from: "2199-12-31", days: 1 })
 * @since 0.2.0
 */
export const nextWithin = (date: CalendarDate.CalendarDate): Result.Result<CalendarDate.CalendarDate, CalendarDate.DateOutOfRange> => {
  for (let step = 1; ; step++) {
    const day = CalendarDate.add(date, step)
    if (Result.isFailure(day) || isWorkingDay(day.success)) return day
  }
}

/**
 * The last working day before `date` (never `date` itself).
 *
 * @example
 * WorkingDay.previous(CalendarDate.unsafeParse("2026-12-28")) // "2026-12-23"
 * @since 0.2.0
 */
export const previous = (date: CalendarDate.CalendarDate): CalendarDate.CalendarDate => {
  let day = CalendarDate.addDays(date, -1)
  while (!isWorkingDay(day)) day = CalendarDate.addDays(day, -1)
  return day
}

/**
 * The day on which an act due on `date` may at the latest be done under lag
 * (1930:173): `date` itself on a working day, else the next working day.
 * The due date itself is never changed; this is the extra information.
 *
 * @example
 * WorkingDay.onOrNext(CalendarDate.unsafeParse("2013-04-01")) // "2013-04-02"
 * @since 0.2.0
 */
export const onOrNext = (date: CalendarDate.CalendarDate): CalendarDate.CalendarDate => (isWorkingDay(date) ? date : next(date))

/** Mondays to Fridays among the days up to and including `epochDay`, counted from a fixed Monday. */
const weekdaysThrough = (epochDay: number): number => {
  const s = epochDay + 3 + 7 * 400_000 // 1970-01-01 was a Thursday: shift so that 0 is a Monday, and stay positive
  const days = s + 1
  return Math.floor(days / 7) * 5 + Math.min(days % 7, 5)
}

/** Working days in the half-open span (from, to], with from ≤ to. */
const countForward = (from: CalendarDate.CalendarDate, to: CalendarDate.CalendarDate): number =>
  weekdaysThrough(CalendarDate.toEpochDay(to)) - weekdaysThrough(CalendarDate.toEpochDay(from)) - weekdayHolidaysBetween(from, to)

/**
 * Working days from `from` to `to`: the working days after `from` up to and
 * including `to`, negative when `to` is earlier. Counted by arithmetic on
 * weeks minus the holidays on weekdays, by binary search in each year's holidays.
 *
 * @example
 * // Monday 2026-11-23 to Monday 2026-11-30: Tuesday to Monday, 5 working days
 * WorkingDay.between(CalendarDate.unsafeParse("2026-11-23"), CalendarDate.unsafeParse("2026-11-30")) // 5
 * @since 0.2.0
 */
export const between = (from: CalendarDate.CalendarDate, to: CalendarDate.CalendarDate): number =>
  from <= to ? countForward(from, to) : 0 - countForward(to, from)

/**
 * The date `count` working days after `date` (before it when negative).
 *
 * @example
 * WorkingDay.add(CalendarDate.unsafeParse("2026-12-23"), 1) // "2026-12-28"
 * @since 0.2.0
 */
export const add = (date: CalendarDate.CalendarDate, count: number): CalendarDate.CalendarDate => {
  let day = date
  for (let i = 0; i < Math.abs(count); i++) day = count > 0 ? next(day) : previous(day)
  return day
}
