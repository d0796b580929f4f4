import { CalendarDate } from "@uppdrag/core"
import Holidays from "date-holidays"
import { describe, expect, it } from "vitest"
import { easterSunday, firstYear, holidayYear } from "../src/internal/HolidaySource.js"
import * as SwedishHoliday from "../src/SwedishHoliday.js"
import * as WorkingDay from "../src/WorkingDay.js"
import { date } from "./fixtures.js"

// The package computes the holidays from the statute's rules; `date-holidays`
// (a development dependency) is the maintained data they are checked against.

/** The three eves lag (1930:173) puts on a par with holidays; date-holidays types them `bank`. */
const eves: ReadonlySet<string> = new Set(["midsommarafton", "julafton", "nyårsafton"])

/** Where the library's Swedish name differs from the wording of lag (1989:253). */
const statuteNames: Readonly<Record<string, string>> = {
  nationaldagen: "Sveriges nationaldag",
  "Kristi himmelsfärdsdag": "Kristi himmelsfärds dag"
}

const library = new Holidays("SE", { languages: ["sv"], timezone: "Europe/Stockholm" })

/** date-holidays' non-working days of a year: its `public` days and the three `bank` eves, by its local date text. */
const fromLibrary = (year: number): Array<{ date: string; name: string; kind: string }> =>
  (library.getHolidays(year, "sv") || [])
    .filter((h) => h.type === "public" || (h.type === "bank" && eves.has(h.name)))
    .map((h) => ({ date: h.date.slice(0, 10), name: statuteNames[h.name] ?? h.name, kind: h.type === "public" ? "allman-helgdag" : "helgafton" }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))

const span = (from: number, to: number): Array<number> => Array.from({ length: to - from + 1 }, (_, i) => from + i)

describe("HolidaySource: the rules agree with date-holidays", () => {
  it("every day 2010–2035: the same holiday (name and kind) or none, and the same working days", () => {
    const expected = new Map<string, { name: string; kind: string }>()
    for (const year of span(2010, 2035)) {
      for (const h of fromLibrary(year)) {
        const seen = expected.get(h.date)
        expected.set(h.date, seen === undefined ? { name: h.name, kind: h.kind } : { name: `${seen.name} och ${h.name}`, kind: seen.kind === "allman-helgdag" ? seen.kind : h.kind })
      }
    }
    let days = 0
    for (let d = date("2010-01-01"); d <= "2035-12-31"; d = CalendarDate.addDays(d, 1)) {
      const want = expected.get(d)
      const got = SwedishHoliday.on(d)
      expect(got === undefined ? undefined : { name: got.name, kind: got.kind }, d).toEqual(want)
      const weekend = CalendarDate.weekday(d) >= 6
      expect(WorkingDay.isWorkingDay(d), d).toBe(want === undefined && !weekend)
      days++
    }
    expect(days).toBe(9496)
  })

  it("every year 2005–2100: the same list, in the same order", () => {
    for (const year of span(firstYear, 2100)) {
      expect(SwedishHoliday.inYear(year).map((h) => ({ date: h.date, name: h.name, kind: h.kind })), String(year)).toEqual(fromLibrary(year))
    }
  })

  it("Easter Sunday agrees with date-holidays' `easter` for 2005–2199 (the supported dates)", () => {
    for (const year of span(firstYear, 2199)) {
      const sunday = library.getHolidays(year, "sv").find((h) => h.name === "påskdagen")
      expect(easterSunday(year), String(year)).toBe(sunday?.date.slice(0, 10))
    }
  })
})

describe("HolidaySource: years the rules do not describe are refused, not guessed", () => {
  it("2004 (annandag pingst still a holiday, the national day not yet one): a RangeError naming the span", () => {
    expect(() => holidayYear(2004)).toThrow(RangeError)
    expect(() => SwedishHoliday.inYear(2004)).toThrow("svenska helgdagar beräknas för åren 2005–2199")
    expect(() => SwedishHoliday.on(date("1999-12-24"))).toThrow(RangeError)
    expect(() => WorkingDay.between(date("2004-12-01"), date("2005-01-10"))).toThrow(RangeError)
  })
  it("2005 itself is known: Sveriges nationaldag on Monday 6 June, annandag pingst (16 May) a working day", () => {
    expect(SwedishHoliday.on(date("2005-06-06"))?.name).toBe("Sveriges nationaldag")
    expect(WorkingDay.isWorkingDay(date("2005-05-16"))).toBe(true)
  })
})
