import { CalendarDate } from "@uppdrag/core"
import { firstYear as first, holidayYear } from "./internal/HolidaySource.js"

/**
 * Why a day is a holiday in Sweden. `allman-helgdag` is a public holiday of
 * lag (1989:253) om allmänna helgdagar; `helgafton` is one of the three eves
 * that lag (1930:173) om beräkning av lagstadgad tid treats like a holiday
 * (midsommarafton, julafton, nyårsafton).
 *
 * @example
 * SwedishHoliday.on(CalendarDate.unsafeParse("2026-12-24"))?.kind // "helgafton"
 * @since 0.2.0
 */
export type HolidayKind = "allman-helgdag" | "helgafton"

/**
 * One Swedish holiday: its date, its Swedish name as the statute writes it
 * (`annandag påsk`, `Sveriges nationaldag`) and its kind.
 *
 * @example
 * import { SwedishHoliday } from "@uppdrag/deadlines"
 * SwedishHoliday.on(CalendarDate.unsafeParse("2013-04-01"))?.name // "annandag påsk"
 * @since 0.2.0
 */
export interface SwedishHoliday {
  readonly date: CalendarDate.CalendarDate
  readonly name: string
  readonly kind: HolidayKind
}

/**
 * The first year whose holidays this module knows: lag (1989:253) in its
 * form since 1 January 2005 (Sveriges nationaldag a holiday, annandag pingst
 * not). Every function here throws a `RangeError` for an earlier year rather
 * than answer with today's rules.
 *
 * @example
 * SwedishHoliday.firstYear // 2005
 * @since 0.2.0
 */
export const firstYear: number = first

/**
 * The holidays of a year, in date order: the thirteen dated public holidays
 * of lag (1989:253) (Sundays are holidays too but are not listed) and the
 * three eves. Computed from the statute's rules (Easter, "the Saturday
 * 20–26 June", …) without loading any library; the tests check every day
 * 2010–2035 against the maintained `date-holidays` data. Throws a
 * `RangeError` for a year before {@link firstYear}.
 *
 * @example
 * SwedishHoliday.inYear(2027).map((h) => h.name)
 * // ["nyårsdagen", "trettondedag jul", "långfredagen", "påskdagen", "annandag påsk", …]
 * @since 0.2.0
 */
export const inYear = (year: number): ReadonlyArray<SwedishHoliday> => holidayYear(year).list

/**
 * The holiday on a date, if any. When two fall on one day (e.g. pingstdagen
 * on Sveriges nationaldag), their names are joined with "och".
 *
 * @example
 * SwedishHoliday.on(CalendarDate.unsafeParse("2026-06-19"))?.name // "midsommarafton"
 * SwedishHoliday.on(CalendarDate.unsafeParse("2026-06-18")) // undefined
 * @since 0.2.0
 */
export const on = (date: CalendarDate.CalendarDate): SwedishHoliday | undefined => {
  const found = holidayYear(CalendarDate.parts(date).year).byDate.get(date)
  if (found === undefined) return undefined
  if (found.length === 1) return found[0]
  return {
    date,
    name: found.map((h) => h.name).join(" och "),
    kind: found.some((h) => h.kind === "allman-helgdag") ? "allman-helgdag" : "helgafton"
  }
}
