import { CalendarDate } from "@uppdrag/core"
import Holidays from "date-holidays"

/**
 * The bridge to `date-holidays`: its Swedish data, reduced to the days that
 * are not working days. Kept internal so the rest of the package sees only
 * calendar dates and statute names.
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

/** The three eves lag (1930:173) puts on a par with holidays; date-holidays types them `bank`. */
const eves: ReadonlySet<string> = new Set(["midsommarafton", "julafton", "nyårsafton"])

/** Where the library's Swedish name differs from the wording of lag (1989:253). */
const statuteNames: Readonly<Record<string, string>> = {
  nationaldagen: "Sveriges nationaldag",
  "Kristi himmelsfärdsdag": "Kristi himmelsfärds dag"
}

let holidays: Holidays | undefined
const byYear = new Map<number, HolidayYear>()

/**
 * The public holidays (type `public`) and the three eves (type `bank`, kept
 * by name) of one year, cached. `optional` and `observance` days
 * (trettondagsafton, påskafton, valborgsmässoafton, …) are working days.
 * The `date` text is the day in Sweden and does not depend on the machine's
 * time zone.
 */
export const holidayYear = (year: number): HolidayYear => {
  const cached = byYear.get(year)
  if (cached !== undefined) return cached
  holidays ??= new Holidays("SE", { languages: ["sv"], timezone: "Europe/Stockholm" })
  const list = (holidays.getHolidays(year, "sv") || [])
    .filter((h) => h.type === "public" || (h.type === "bank" && eves.has(h.name)))
    .map(
      (h): SourceHoliday => ({
        date: CalendarDate.unsafeParse(h.date.slice(0, 10)),
        name: statuteNames[h.name] ?? h.name,
        kind: h.type === "public" ? "allman-helgdag" : "helgafton"
      })
    )
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
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
