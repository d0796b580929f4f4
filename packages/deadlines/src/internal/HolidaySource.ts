import Holidays from "date-holidays"

/**
 * The bridge to `date-holidays`: its Swedish data, reduced to the days that
 * are not working days. Kept internal so the rest of the package sees only
 * calendar dates and statute names.
 */
export interface SourceHoliday {
  readonly date: string
  readonly name: string
  readonly kind: "allman-helgdag" | "helgafton"
}

/** The three eves lag (1930:173) puts on a par with holidays; date-holidays types them `bank`. */
const eves: ReadonlySet<string> = new Set(["midsommarafton", "julafton", "nyårsafton"])

/** Where the library's Swedish name differs from the wording of lag (1989:253). */
const statuteNames: Readonly<Record<string, string>> = {
  nationaldagen: "Sveriges nationaldag",
  "Kristi himmelsfärdsdag": "Kristi himmelsfärds dag"
}

let holidays: Holidays | undefined
const byYear = new Map<number, ReadonlyArray<SourceHoliday>>()

/**
 * The public holidays (type `public`) and the three eves (type `bank`, kept
 * by name) of one year, cached. `optional` and `observance` days
 * (trettondagsafton, påskafton, valborgsmässoafton, …) are working days.
 * The `date` text is the day in Sweden and does not depend on the machine's
 * time zone.
 */
export const holidaysOfYear = (year: number): ReadonlyArray<SourceHoliday> => {
  const cached = byYear.get(year)
  if (cached !== undefined) return cached
  holidays ??= new Holidays("SE", { languages: ["sv"], timezone: "Europe/Stockholm" })
  const list = (holidays.getHolidays(year, "sv") || [])
    .filter((h) => h.type === "public" || (h.type === "bank" && eves.has(h.name)))
    .map((h): SourceHoliday => ({
      date: h.date.slice(0, 10),
      name: statuteNames[h.name] ?? h.name,
      kind: h.type === "public" ? "allman-helgdag" : "helgafton"
    }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  byYear.set(year, list)
  return list
}
