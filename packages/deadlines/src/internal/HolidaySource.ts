import { CalendarDate } from "@uppdrag/core"

/**
 * The Swedish days that are not working days, computed from the rules of
 * lag (1989:253) om allmänna helgdagar as in force since 2005 (when Sveriges
 * nationaldag replaced annandag pingst) and the three eves lag (1930:173)
 * puts on a par with holidays. Kept internal so the rest of the package sees
 * only calendar dates and statute names. The tests compare every day
 * 2010–2035 (and every year 2005–2100) with the maintained `date-holidays`
 * data, which is a development dependency only: it loads moment and
 * moment-timezone, about a third of a second per command.
 */
export interface SourceHoliday {
  readonly date: CalendarDate.CalendarDate
  readonly name: string
  readonly kind: "allman-helgdag" | "helgafton"
}

/** One year's holidays, indexed for the lookups the package makes. */
export interface HolidayYear {
  /** In date order. */
  readonly list: ReadonlyArray<SourceHoliday>
  /** By date; two holidays may share a day. */
  readonly byDate: ReadonlyMap<string, ReadonlyArray<SourceHoliday>>
  /** Epoch days of the distinct holidays that fall Monday to Friday, ascending. */
  readonly weekdayEpochs: ReadonlyArray<number>
}

/** The first year the rules hold: lag (1989:253) as amended by SFS 2004:1319, in force 1 January 2005. */
export const firstYear = 2005

/** The last year of the supported date range (`CalendarDate.last`). */
export const lastYear = 2199

/**
 * Easter Sunday of a Gregorian year by Lichtenberg's form of Gauss's rule
 * (a different algorithm from the one the tests use, so the two check each other).
 */
export const easterSunday = (year: number): CalendarDate.CalendarDate => {
  const k = Math.floor(year / 100)
  const m = 15 + Math.floor((3 * k + 3) / 4) - Math.floor((8 * k + 13) / 25)
  const s = 2 - Math.floor((3 * k + 3) / 4)
  const a = year % 19
  const d = (19 * a + m) % 30
  const r = Math.floor((d + Math.floor(a / 11)) / 29)
  const fullMoon = 21 + d - r // as a day of March (32 = 1 April)
  const firstSunday = 7 - ((year + Math.floor(year / 4) + s) % 7)
  const sunday = fullMoon + 7 - ((fullMoon - firstSunday) % 7)
  return CalendarDate.addDays(CalendarDate.make(year, 3, 1), sunday - 1)
}

/** The first date on or after `start` with the ISO weekday `weekday` (1 Monday … 7 Sunday). */
const onOrAfter = (start: CalendarDate.CalendarDate, weekday: number): CalendarDate.CalendarDate =>
  CalendarDate.addDays(start, (weekday - CalendarDate.weekday(start) + 7) % 7)

/**
 * Why a year outside the rules is refused: the holidays differed before 2005
 * (annandag pingst was one, Sveriges nationaldag was not), and answering with
 * today's rules would be silently wrong.
 */
const checkYear = (year: number): void => {
  if (!Number.isInteger(year) || year < firstYear || year > lastYear) {
    throw new RangeError(
      `svenska helgdagar beräknas för åren ${firstYear}–${lastYear} (lag (1989:253) i lydelse från 2005), inte för ${String(year)}`
    )
  }
}

/** The sixteen days of one year, by the statute, unsorted. */
const rules = (year: number): Array<SourceHoliday> => {
  const easter = easterSunday(year)
  const midsommardagen = onOrAfter(CalendarDate.make(year, 6, 20), 6)
  const holiday = (date: CalendarDate.CalendarDate, name: string): SourceHoliday => ({ date, name, kind: "allman-helgdag" })
  const eve = (date: CalendarDate.CalendarDate, name: string): SourceHoliday => ({ date, name, kind: "helgafton" })
  return [
    holiday(CalendarDate.make(year, 1, 1), "nyårsdagen"),
    holiday(CalendarDate.make(year, 1, 6), "trettondedag jul"),
    holiday(CalendarDate.addDays(easter, -2), "långfredagen"),
    holiday(easter, "påskdagen"),
    holiday(CalendarDate.addDays(easter, 1), "annandag påsk"),
    holiday(CalendarDate.make(year, 5, 1), "första maj"),
    holiday(CalendarDate.addDays(easter, 39), "Kristi himmelsfärds dag"),
    holiday(CalendarDate.addDays(easter, 49), "pingstdagen"),
    holiday(CalendarDate.make(year, 6, 6), "Sveriges nationaldag"),
    eve(CalendarDate.addDays(midsommardagen, -1), "midsommarafton"),
    holiday(midsommardagen, "midsommardagen"),
    holiday(onOrAfter(CalendarDate.make(year, 10, 31), 6), "alla helgons dag"),
    eve(CalendarDate.make(year, 12, 24), "julafton"),
    holiday(CalendarDate.make(year, 12, 25), "juldagen"),
    holiday(CalendarDate.make(year, 12, 26), "annandag jul"),
    eve(CalendarDate.make(year, 12, 31), "nyårsafton")
  ]
}

const byYear = new Map<number, HolidayYear>()

/**
 * The public holidays and the three eves of one year, cached. Sundays are
 * holidays too but are not listed. Pure date arithmetic, so the result does
 * not depend on the machine's time zone. Throws a `RangeError` for a year
 * before 2005, whose holidays the rules do not describe.
 */
export const holidayYear = (year: number): HolidayYear => {
  const cached = byYear.get(year)
  if (cached !== undefined) return cached
  checkYear(year)
  // Stable sort: on a shared day (pingstdagen on 6 June) the statute's order is kept.
  const list = rules(year).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const byDate = new Map<string, Array<SourceHoliday>>()
  for (const h of list) byDate.set(h.date, [...(byDate.get(h.date) ?? []), h])
  const weekdayEpochs = [...byDate.keys()]
    .map((date) => CalendarDate.toEpochDay(date as CalendarDate.CalendarDate))
    .filter((day) => ((((day + 3) % 7) + 7) % 7) < 5)
    .sort((a, b) => a - b)
  const entry: HolidayYear = { list, byDate, weekdayEpochs }
  byYear.set(year, entry)
  return entry
}

/** How many of the ascending numbers are ≤ `limit` (binary search). */
const countThrough = (sorted: ReadonlyArray<number>, limit: number): number => {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((sorted[mid] ?? 0) <= limit) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Holidays falling Monday to Friday in the epoch-day span (from, to], from ≤ to. */
export const weekdayHolidaysBetween = (from: CalendarDate.CalendarDate, to: CalendarDate.CalendarDate): number => {
  const lo = CalendarDate.toEpochDay(from)
  const hi = CalendarDate.toEpochDay(to)
  let count = 0
  for (let year = CalendarDate.parts(from).year; year <= CalendarDate.parts(to).year; year++) {
    const days = holidayYear(year).weekdayEpochs
    count += countThrough(days, hi) - countThrough(days, lo)
  }
  return count
}
