import * as Data from "effect/Data"
import * as Result from "effect/Result"
import * as z from "zod"

/**
 * A calendar date `YYYY-MM-DD` with no time and no time zone: a due date is a
 * day in Sweden, not an instant. All arithmetic is on whole days.
 *
 * @example
 * import { CalendarDate } from "@uppdrag/core"
 * const due = CalendarDate.unsafeParse("2027-05-30")
 * CalendarDate.weekday(due) // 7 (Sunday)
 * @since 0.2.0
 */
export type CalendarDate = string & { readonly CalendarDate: unique symbol }

const pattern = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * The first day the program supports. Decisions, reports and payouts of the
 * domain all fall in 1900–2199; a date outside it is a typing mistake
 * (`0000-01-01`, `9999-12-31`), and keeping arithmetic inside it means no
 * step (a year ahead, the next working day) can run past what can be written.
 *
 * @example
 * CalendarDate.first // "1900-01-01"
 * @since 0.2.0
 */
export const first = "1900-01-01" as CalendarDate

/**
 * The last day the program supports (see {@link first}).
 *
 * @example
 * CalendarDate.last // "2199-12-31"
 * @since 0.2.0
 */
export const last = "2199-12-31" as CalendarDate

/**
 * The supported range as people read it, for messages.
 *
 * @since 0.2.0
 */
export const supportedRange = `${first}–${last}`

/**
 * Date arithmetic that would leave the supported range {@link first}–{@link last}:
 * the date it started from and how many days it tried to move.
 *
 * @example
 * CalendarDate.add(CalendarDate.last, 1) // Result.fail(DateOutOfRange { from: "2199-12-31", days: 1 })
 * @since 0.2.0
 */
export class DateOutOfRange extends Data.TaggedError("DateOutOfRange")<{ readonly from: CalendarDate; readonly days: number }> {
  override get message(): string {
    const direction = this.days >= 0 ? `${this.days} dagar efter` : `${-this.days} dagar före`
    return `${direction} ${this.from} ligger utanför de datum som stöds (${supportedRange})`
  }
}

/**
 * Days in a month of the proleptic Gregorian calendar.
 *
 * @since 0.2.0
 */
export const daysInMonth = (year: number, month: number): number => {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/**
 * Gregorian leap year rule.
 *
 * @since 0.2.0
 */
export const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

/**
 * Why a text is not a calendar date, in Swedish.
 *
 * @example
 * invalidReason("2026-02-30") // "2026-02-30 är inte ett giltigt datum"
 * @since 0.2.0
 */
export const invalidReason = (text: string): string | undefined => {
  const reason = nonexistentReason(text)
  if (reason !== undefined) return reason
  if (text < first || text > last) return `${text} ligger utanför de datum som stöds (${supportedRange})`
  return undefined
}

/**
 * Why a text is not a day of the calendar at all (form, month, day),
 * leaving the supported range aside: for an edge with a narrower range of
 * its own and its own message (the web's `?datum`).
 *
 * @example
 * nonexistentReason("9999-12-31") // undefined
 * nonexistentReason("2026-13-01") // "2026-13-01 är inte ett giltigt datum"
 * @since 0.2.0
 */
export const nonexistentReason = (text: string): string | undefined => {
  const match = pattern.exec(text)
  if (match === null) return `${JSON.stringify(text)} är inte ett datum på formen ÅÅÅÅ-MM-DD`
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return `${text} är inte ett giltigt datum`
  }
  return undefined
}

/**
 * Tells whether a value is a valid `YYYY-MM-DD` date.
 *
 * @since 0.2.0
 */
export const isCalendarDate = (value: unknown): value is CalendarDate =>
  typeof value === "string" && invalidReason(value) === undefined

/**
 * Parses `YYYY-MM-DD`, rejecting dates that do not exist (`2026-02-30`).
 *
 * @example
 * CalendarDate.parse("2026-04-01") // Result.succeed("2026-04-01")
 * @since 0.2.0
 */
export const parse = (text: string): Result.Result<CalendarDate, string> => {
  const reason = invalidReason(text)
  return reason === undefined ? Result.succeed(text as CalendarDate) : Result.fail(reason)
}

/**
 * Parses a date known to be valid (catalog constants, tests); throws otherwise.
 *
 * @example
 * CalendarDate.unsafeParse("2026-12-01")
 * @since 0.2.0
 */
export const unsafeParse = (text: string): CalendarDate => {
  const reason = invalidReason(text)
  if (reason !== undefined) throw new RangeError(reason)
  return text as CalendarDate
}

/**
 * zod schema for a calendar date, with the Swedish message on failure.
 *
 * @since 0.2.0
 */
export const schema = z.string().superRefine((value, ctx) => {
  const reason = invalidReason(value)
  if (reason !== undefined) ctx.addIssue({ code: "custom", message: reason })
}) as unknown as z.ZodType<CalendarDate, string>

/**
 * Builds a date from its parts; throws on a date that does not exist or lies outside {@link first}–{@link last}.
 *
 * @since 0.2.0
 */
export const make = (year: number, month: number, day: number): CalendarDate =>
  unsafeParse(`${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`)

/**
 * The year, month (1–12) and day of a date.
 *
 * @since 0.2.0
 */
export const parts = (date: CalendarDate): { year: number; month: number; day: number } => ({
  year: Number(date.slice(0, 4)),
  month: Number(date.slice(5, 7)),
  day: Number(date.slice(8, 10))
})

/**
 * Days since 1970-01-01 (Howard Hinnant's days_from_civil), so that date
 * arithmetic never goes through `Date` and its time zones.
 *
 * @since 0.2.0
 */
export const toEpochDay = (date: CalendarDate): number => {
  const { year, month, day } = parts(date)
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

const firstEpochDay = -25567 // 1900-01-01
const lastEpochDay = 84005 // 2199-12-31

/**
 * The inverse of {@link toEpochDay}; throws outside {@link first}–{@link last} (use {@link add} where that can happen).
 *
 * @since 0.2.0
 */
export const fromEpochDay = (epochDay: number): CalendarDate => {
  const z0 = epochDay + 719468
  const era = Math.floor(z0 / 146097)
  const doe = z0 - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  return make(year, month, day)
}

/**
 * The date `days` later (or earlier, when negative), or {@link DateOutOfRange}
 * when that leaves {@link first}–{@link last}.
 *
 * @example
 * CalendarDate.add(CalendarDate.unsafeParse("2026-12-31"), 1) // Result.succeed("2027-01-01")
 * CalendarDate.add(CalendarDate.unsafeParse("2199-12-31"), 1) // Result.fail(DateOutOfRange { ... })
 * @since 0.2.0
 */
export const add = (date: CalendarDate, days: number): Result.Result<CalendarDate, DateOutOfRange> => {
  const target = toEpochDay(date) + days
  return Number.isInteger(target) && target >= firstEpochDay && target <= lastEpochDay
    ? Result.succeed(fromEpochDay(target))
    : Result.fail(new DateOutOfRange({ from: date, days }))
}

/**
 * The date `days` later (or earlier), stopped at the edge of the supported
 * range: for the end of a window (`--from` plus a year), where "up to the
 * last supported day" is the honest answer.
 *
 * @example
 * CalendarDate.addBounded(CalendarDate.unsafeParse("2199-06-01"), 365) // "2199-12-31"
 * @since 0.2.0
 */
export const addBounded = (date: CalendarDate, days: number): CalendarDate =>
  fromEpochDay(Math.min(lastEpochDay, Math.max(firstEpochDay, toEpochDay(date) + Math.trunc(days))))

/**
 * The date `days` later (or earlier, when negative), for steps known to stay
 * inside the supported range (a day or two from a parsed date that is not at
 * the edge); throws {@link DateOutOfRange} otherwise. Prefer {@link add} or
 * {@link addBounded} when the step comes from input.
 *
 * @example
 * CalendarDate.addDays(CalendarDate.unsafeParse("2026-12-31"), 1) // "2027-01-01"
 * @since 0.2.0
 */
export const addDays = (date: CalendarDate, days: number): CalendarDate => Result.getOrThrow(add(date, days))

/**
 * Calendar days from `from` to `to` (negative when `to` is earlier).
 *
 * @example
 * CalendarDate.daysBetween(CalendarDate.unsafeParse("2026-11-23"), CalendarDate.unsafeParse("2026-11-30")) // 7
 * @since 0.2.0
 */
export const daysBetween = (from: CalendarDate, to: CalendarDate): number => toEpochDay(to) - toEpochDay(from)

/**
 * ISO weekday: 1 Monday … 7 Sunday.
 *
 * @since 0.2.0
 */
export const weekday = (date: CalendarDate): number => {
  const d = (toEpochDay(date) + 3) % 7 // 1970-01-01 was a Thursday
  return (d < 0 ? d + 7 : d) + 1
}

/**
 * Orders dates; ISO strings compare correctly as text.
 *
 * @since 0.2.0
 */
export const compare = (a: CalendarDate, b: CalendarDate): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The later of two dates.
 *
 * @since 0.2.0
 */
export const max = (a: CalendarDate, b: CalendarDate): CalendarDate => (a >= b ? a : b)

/**
 * The earlier of two dates.
 *
 * @since 0.2.0
 */
export const min = (a: CalendarDate, b: CalendarDate): CalendarDate => (a <= b ? a : b)

/** 01:00 UTC on the last Sunday of `month` (1–12) of `year`, in milliseconds: when EU summer time starts or ends. */
const lastSundayAtOne = (year: number, month: number): number => {
  const last = new Date(Date.UTC(year, month, 0))
  return Date.UTC(year, month - 1, last.getUTCDate() - last.getUTCDay(), 1)
}

/**
 * Today's date in Sweden (Europe/Stockholm), whatever the machine's zone.
 * Pass `now` to make it deterministic. Sweden keeps CET (UTC+1), with summer
 * time (UTC+2) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
 * last Sunday of October (the EU rule, Directive 2000/84/EC, in force in
 * Sweden since 1996); the rule is computed here because Intl's first use of
 * a time zone costs a command about 20 ms of CPU. Outside 1996–2099 the tz
 * database through Intl decides.
 *
 * @example
 * CalendarDate.today(new Date(Date.UTC(2026, 11, 31, 23, 30))) // "2027-01-01"
 * @since 0.2.0
 */
export const today = (now: Date = new Date()): CalendarDate => {
  const millis = now.getTime()
  const year = now.getUTCFullYear()
  if (year < 1996 || year > 2099) {
    const text = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" }).format(now)
    return unsafeParse(text)
  }
  const summer = millis >= lastSundayAtOne(year, 3) && millis < lastSundayAtOne(year, 10)
  const local = new Date(millis + (summer ? 2 : 1) * 3_600_000)
  return make(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate())
}
