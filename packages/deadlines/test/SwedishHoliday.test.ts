import { CalendarDate } from "@uppdrag/core"
import { execFile } from "node:child_process"
import { promisify } from "node:util"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import * as SwedishHoliday from "../src/SwedishHoliday.js"
import { date } from "./fixtures.js"

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), independent of the library. */
const easter = (year: number): CalendarDate.CalendarDate => {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return CalendarDate.make(year, month, day)
}

/** Easter Sundays 2010–2035 as published (e.g. in almanacs), to check the algorithm above. */
const publishedEaster: Record<number, string> = {
  2010: "2010-04-04", 2011: "2011-04-24", 2012: "2012-04-08", 2013: "2013-03-31", 2014: "2014-04-20",
  2015: "2015-04-05", 2016: "2016-03-27", 2017: "2017-04-16", 2018: "2018-04-01", 2019: "2019-04-21",
  2020: "2020-04-12", 2021: "2021-04-04", 2022: "2022-04-17", 2023: "2023-04-09", 2024: "2024-03-31",
  2025: "2025-04-20", 2026: "2026-04-05", 2027: "2027-03-28", 2028: "2028-04-16", 2029: "2029-04-01",
  2030: "2030-04-21", 2031: "2031-04-13", 2032: "2032-03-28", 2033: "2033-04-17", 2034: "2034-04-09",
  2035: "2035-03-25"
}

/** The Saturday in a window of seven days starting on `start`. */
const saturdayFrom = (start: CalendarDate.CalendarDate): CalendarDate.CalendarDate => {
  let day = start
  while (CalendarDate.weekday(day) !== 6) day = CalendarDate.addDays(day, 1)
  return day
}

/** Every holiday of lag (1989:253) and the three eves, computed from the rules alone. */
const expected = (year: number): Array<{ date: string; name: string }> => {
  const e = easter(year)
  const midsommardagen = saturdayFrom(CalendarDate.make(year, 6, 20))
  return [
    { date: CalendarDate.make(year, 1, 1), name: "nyårsdagen" },
    { date: CalendarDate.make(year, 1, 6), name: "trettondedag jul" },
    { date: CalendarDate.addDays(e, -2), name: "långfredagen" },
    { date: e, name: "påskdagen" },
    { date: CalendarDate.addDays(e, 1), name: "annandag påsk" },
    { date: CalendarDate.make(year, 5, 1), name: "första maj" },
    { date: CalendarDate.addDays(e, 39), name: "Kristi himmelsfärds dag" },
    { date: CalendarDate.addDays(e, 49), name: "pingstdagen" },
    { date: CalendarDate.make(year, 6, 6), name: "Sveriges nationaldag" },
    { date: CalendarDate.addDays(midsommardagen, -1), name: "midsommarafton" },
    { date: midsommardagen, name: "midsommardagen" },
    { date: saturdayFrom(CalendarDate.make(year, 10, 31)), name: "alla helgons dag" },
    { date: CalendarDate.make(year, 12, 24), name: "julafton" },
    { date: CalendarDate.make(year, 12, 25), name: "juldagen" },
    { date: CalendarDate.make(year, 12, 26), name: "annandag jul" },
    { date: CalendarDate.make(year, 12, 31), name: "nyårsafton" }
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.name.localeCompare(b.name)))
}

const years = Array.from({ length: 26 }, (_, i) => 2010 + i)

describe("SwedishHoliday: facts from the seeds", () => {
  it("seed 002, 'återbetalas till Kammarkollegiet … senast den 1 april 2013': annandag påsk", () => {
    expect(SwedishHoliday.on(date("2013-04-01"))).toEqual({ date: "2013-04-01", name: "annandag påsk", kind: "allman-helgdag" })
  })
  it("seed 003, 'senast den 30 maj 2027': not a holiday (a Sunday, which is a weekday matter)", () => {
    expect(SwedishHoliday.on(date("2027-05-30"))).toBeUndefined()
  })
})

describe("SwedishHoliday: every year 2010–2035 against independently computed dates", () => {
  it("the Easter algorithm used here agrees with the published Easter dates", () => {
    for (const year of years) expect(easter(year)).toBe(publishedEaster[year])
  })
  it.each(years)("%i: exactly the sixteen days, with their statute names", (year) => {
    const actual = SwedishHoliday.inYear(year).map((h) => ({ date: h.date, name: h.name }))
    expect([...actual].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.name.localeCompare(b.name)))).toEqual(expected(year))
  })
  it.each(years)("%i: midsommardagen on a Saturday 20–26 June, alla helgons dag on a Saturday 31 Oct–6 Nov", (year) => {
    const list = SwedishHoliday.inYear(year)
    const midsommar = list.find((h) => h.name === "midsommardagen")!
    const allaHelgon = list.find((h) => h.name === "alla helgons dag")!
    expect(CalendarDate.weekday(midsommar.date)).toBe(6)
    expect(midsommar.date >= `${year}-06-20` && midsommar.date <= `${year}-06-26`).toBe(true)
    expect(CalendarDate.weekday(allaHelgon.date)).toBe(6)
    expect(allaHelgon.date >= `${year}-10-31` && allaHelgon.date <= `${year}-11-06`).toBe(true)
    expect(CalendarDate.weekday(list.find((h) => h.name === "midsommarafton")!.date)).toBe(5)
    expect(CalendarDate.weekday(list.find((h) => h.name === "långfredagen")!.date)).toBe(5)
  })
  it.each(years)("%i: the three eves (date-holidays type `bank`) are kept as helgafton", (year) => {
    const eves = SwedishHoliday.inYear(year).filter((h) => h.kind === "helgafton")
    expect(eves.map((h) => h.name)).toEqual(["midsommarafton", "julafton", "nyårsafton"])
    expect(eves.map((h) => h.date.slice(5))).toEqual([expect.stringMatching(/^06-(19|2[0-5])$/), "12-24", "12-31"])
  })
})

describe("SwedishHoliday: days that are not holidays", () => {
  it.each([
    ["2026-01-05", "trettondagsafton"],
    ["2026-04-04", "påskafton"],
    ["2026-04-30", "valborgsmässoafton"],
    ["2026-05-25", "annandag pingst (no longer a holiday since 2005)"],
    ["2026-10-30", "allhelgonaafton"],
    ["2026-04-02", "skärtorsdagen"]
  ])("%s (%s) is not a holiday", (day) => {
    expect(SwedishHoliday.on(date(day))).toBeUndefined()
  })
  it("a holiday falling on a Sunday keeps its name (påskdagen 2026-04-05)", () => {
    expect(SwedishHoliday.on(date("2026-04-05"))?.name).toBe("påskdagen")
  })
})

describe("SwedishHoliday: independent of the machine's time zone", () => {
  const dist = fileURLToPath(new URL("../dist/index.js", import.meta.url))
  const script = `import("${dist}").then(({ SwedishHoliday }) => { const out = []; for (let y = 2010; y <= 2035; y++) out.push(...SwedishHoliday.inYear(y).map((h) => h.date + " " + h.name)); process.stdout.write(out.join("\\n")) })`
  const run = async (zone: string): Promise<string> =>
    (await promisify(execFile)(process.execPath, ["-e", script], { env: { ...process.env, TZ: zone }, encoding: "utf8" })).stdout
  // Three Node processes, each loading date-holidays: started together, and given
  // more time than the config's default because each is a whole start-up.
  it("TZ=America/Los_Angeles (UTC−8) and Pacific/Kiritimati (UTC+14) give the Stockholm dates", async () => {
    const [reference, ...others] = await Promise.all(["Europe/Stockholm", "America/Los_Angeles", "Pacific/Kiritimati"].map(run))
    expect(reference!.split("\n")).toHaveLength(26 * 16)
    for (const other of others) expect(other).toBe(reference)
  }, 120_000)
})
