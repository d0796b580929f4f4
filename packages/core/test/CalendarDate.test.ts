import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as CalendarDate from "../src/CalendarDate.js"

const d = CalendarDate.unsafeParse

describe("CalendarDate from the seeds", () => {
  it("seed 003: payout by 2026-12-01 and repayment by 2027-03-31 are dates", () => {
    expect(Result.isSuccess(CalendarDate.parse("2026-12-01"))).toBe(true)
    expect(Result.isSuccess(CalendarDate.parse("2027-03-31"))).toBe(true)
  })

  it("seed 003: the report 'senast den 30 maj 2027' falls on a Sunday", () => {
    expect(CalendarDate.weekday(d("2027-05-30"))).toBe(7)
  })

  it("seed 001: the requisition window 1 april – 18 maj 2026 starts on a Wednesday", () => {
    expect(CalendarDate.weekday(d("2026-04-01"))).toBe(3)
    expect(CalendarDate.daysBetween(d("2026-04-01"), d("2026-05-18"))).toBe(47)
  })

  it("seed 002: conditions checked 2012-10-31, 30 days before the payout month ends", () => {
    expect(CalendarDate.daysBetween(d("2012-10-31"), d("2012-11-30"))).toBe(30)
  })
})

describe("CalendarDate arithmetic", () => {
  it("knows the epoch and its weekday", () => {
    expect(CalendarDate.toEpochDay(d("1970-01-01"))).toBe(0)
    expect(CalendarDate.weekday(d("1970-01-01"))).toBe(4)
    expect(CalendarDate.fromEpochDay(-1)).toBe("1969-12-31")
    expect(CalendarDate.toEpochDay(d("2000-03-01"))).toBe(11017)
  })

  it("knows weekdays across centuries", () => {
    expect(CalendarDate.weekday(d("1900-01-01"))).toBe(1) // Monday
    expect(CalendarDate.weekday(d("2100-12-31"))).toBe(5) // Friday
    expect(CalendarDate.weekday(d("2026-11-23"))).toBe(1)
  })

  it("adds days over month, year and leap-day boundaries", () => {
    expect(CalendarDate.addDays(d("2026-12-31"), 1)).toBe("2027-01-01")
    expect(CalendarDate.addDays(d("2028-02-28"), 1)).toBe("2028-02-29")
    expect(CalendarDate.addDays(d("2027-02-28"), 1)).toBe("2027-03-01")
    expect(CalendarDate.addDays(d("2026-03-01"), -1)).toBe("2026-02-28")
  })

  it("counts days between dates, negative when the end is earlier", () => {
    expect(CalendarDate.daysBetween(d("2026-11-23"), d("2026-11-30"))).toBe(7)
    expect(CalendarDate.daysBetween(d("2026-11-30"), d("2026-11-23"))).toBe(-7)
    expect(CalendarDate.daysBetween(d("2026-01-01"), d("2027-01-01"))).toBe(365)
    expect(CalendarDate.daysBetween(d("2028-01-01"), d("2029-01-01"))).toBe(366)
  })

  it("applies the Gregorian leap-year rule", () => {
    expect(CalendarDate.isLeapYear(2024)).toBe(true)
    expect(CalendarDate.isLeapYear(2026)).toBe(false)
    expect(CalendarDate.isLeapYear(1900)).toBe(false)
    expect(CalendarDate.isLeapYear(2000)).toBe(true)
    expect(CalendarDate.daysInMonth(2024, 2)).toBe(29)
    expect(CalendarDate.daysInMonth(2100, 2)).toBe(28)
  })

  it("orders dates", () => {
    expect(CalendarDate.compare(d("2026-03-30"), d("2027-05-30"))).toBe(-1)
    expect(CalendarDate.compare(d("2027-05-30"), d("2027-05-30"))).toBe(0)
    expect(CalendarDate.max(d("2026-03-30"), d("2027-05-30"))).toBe("2027-05-30")
    expect(CalendarDate.min(d("2026-03-30"), d("2027-05-30"))).toBe("2026-03-30")
  })

  it("gives today's date in Sweden from an instant passed in", () => {
    // 23:30 UTC on 31 December is already 1 January in Stockholm (UTC+1).
    expect(CalendarDate.today(new Date(Date.UTC(2026, 11, 31, 23, 30)))).toBe("2027-01-01")
    // 22:30 UTC on 30 June is 00:30 on 1 July in summer time (UTC+2).
    expect(CalendarDate.today(new Date(Date.UTC(2026, 5, 30, 22, 30)))).toBe("2026-07-01")
  })
})

describe("CalendarDate properties", () => {
  const epochDays = fc.integer({ min: CalendarDate.toEpochDay(d("1900-01-01")), max: CalendarDate.toEpochDay(d("2100-12-31")) })

  it("epoch day round trip over 1900–2100", () => {
    fc.assert(
      fc.property(epochDays, (n) => {
        const date = CalendarDate.fromEpochDay(n)
        expect(CalendarDate.isCalendarDate(date)).toBe(true)
        expect(CalendarDate.toEpochDay(date)).toBe(n)
      }),
      { numRuns: 100 }
    )
  })

  it("the next day is one epoch day later and one weekday on", () => {
    fc.assert(
      fc.property(epochDays, (n) => {
        const date = CalendarDate.fromEpochDay(n)
        const next = CalendarDate.addDays(date, 1)
        expect(next > date).toBe(true)
        expect(CalendarDate.weekday(next)).toBe((CalendarDate.weekday(date) % 7) + 1)
      }),
      { numRuns: 100 }
    )
  })

  it("every valid year-month-day parses and keeps its parts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, day) => {
        const text = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`
        const valid = day <= CalendarDate.daysInMonth(year, month)
        expect(Result.isSuccess(CalendarDate.parse(text))).toBe(valid)
        if (valid) expect(CalendarDate.parts(d(text))).toEqual({ year, month, day })
      }),
      { numRuns: 100 }
    )
  })

  it("daysBetween agrees with add, which refuses exactly the steps that leave 1900–2199", () => {
    fc.assert(
      fc.property(epochDays, fc.integer({ min: -60000, max: 60000 }), (n, k) => {
        const date = CalendarDate.fromEpochDay(n)
        const added = CalendarDate.add(date, k)
        const inside = n + k >= CalendarDate.toEpochDay(CalendarDate.first) && n + k <= CalendarDate.toEpochDay(CalendarDate.last)
        expect(Result.isSuccess(added)).toBe(inside)
        if (Result.isSuccess(added)) expect(CalendarDate.daysBetween(date, added.success)).toBe(k)
        else expect(added.failure).toMatchObject({ _tag: "DateOutOfRange", from: date, days: k })
      }),
      { numRuns: 200 }
    )
  })

  it("addBounded is add inside the range and stops at its edge outside it", () => {
    fc.assert(
      fc.property(epochDays, fc.integer({ min: -120000, max: 120000 }), (n, k) => {
        const date = CalendarDate.fromEpochDay(n)
        const bounded = CalendarDate.addBounded(date, k)
        const added = CalendarDate.add(date, k)
        if (Result.isSuccess(added)) expect(bounded).toBe(added.success)
        else expect(bounded).toBe(k > 0 ? CalendarDate.last : CalendarDate.first)
      }),
      { numRuns: 200 }
    )
  })
})

describe("CalendarDate supports 1900-01-01–2199-12-31", () => {
  it.each(["0000-01-01", "1899-12-31", "2200-01-01", "9999-12-31"])("refuses %s with the range in the message", (text) => {
    expect(CalendarDate.parse(text)).toEqual(Result.fail(`${text} ligger utanför de datum som stöds (1900-01-01–2199-12-31)`))
    expect(CalendarDate.schema.safeParse(text).success).toBe(false)
    expect(CalendarDate.nonexistentReason(text)).toBeUndefined()
  })

  it("accepts both edges, and arithmetic cannot step past them", () => {
    expect(CalendarDate.parse("1900-01-01")).toEqual(Result.succeed("1900-01-01"))
    expect(CalendarDate.parse("2199-12-31")).toEqual(Result.succeed("2199-12-31"))
    expect(CalendarDate.toEpochDay(CalendarDate.last) - CalendarDate.toEpochDay(CalendarDate.first)).toBe(109_572)
    expect(CalendarDate.add(CalendarDate.last, 1)).toEqual(Result.fail(new CalendarDate.DateOutOfRange({ from: CalendarDate.last, days: 1 })))
    expect(new CalendarDate.DateOutOfRange({ from: CalendarDate.last, days: 1 }).message).toBe(
      "1 dagar efter 2199-12-31 ligger utanför de datum som stöds (1900-01-01–2199-12-31)"
    )
    expect(CalendarDate.add(CalendarDate.first, -1)).toMatchObject({ failure: { _tag: "DateOutOfRange", days: -1 } })
    expect(CalendarDate.addBounded(CalendarDate.unsafeParse("2199-06-01"), 365)).toBe("2199-12-31")
    expect(CalendarDate.addBounded(CalendarDate.unsafeParse("1900-06-01"), -365)).toBe("1900-01-01")
    expect(() => CalendarDate.addDays(CalendarDate.last, 1)).toThrow(/utanför de datum som stöds/)
    expect(() => CalendarDate.make(2200, 1, 1)).toThrow(/utanför/)
  })
})

describe("CalendarDate refuses what is not a date", () => {
  it.each([
    ["2026-02-30", "2026-02-30 är inte ett giltigt datum"],
    ["2026-02-29", "2026-02-29 är inte ett giltigt datum"],
    ["2100-02-29", "2100-02-29 är inte ett giltigt datum"],
    ["2026-04-31", "2026-04-31 är inte ett giltigt datum"],
    ["2026-13-01", "2026-13-01 är inte ett giltigt datum"],
    ["2026-00-10", "2026-00-10 är inte ett giltigt datum"],
    ["2026-01-00", "2026-01-00 är inte ett giltigt datum"]
  ])("%s", (text, message) => {
    expect(CalendarDate.parse(text)).toEqual(Result.fail(message))
  })

  it.each(["2026-1-22", "22/01/2026", "2026-01-22T00:00", " 2026-01-22", "", "20260122", "den 30 maj 2027"])("%j is not on the form ÅÅÅÅ-MM-DD", (text) => {
    const result = CalendarDate.parse(text)
    expect(Result.isFailure(result)).toBe(true)
    if (Result.isFailure(result)) expect(result.failure).toContain("ÅÅÅÅ-MM-DD")
  })

  it("accepts leap days in leap years", () => {
    expect(Result.isSuccess(CalendarDate.parse("2024-02-29"))).toBe(true)
    expect(Result.isSuccess(CalendarDate.parse("2000-02-29"))).toBe(true)
  })

  it("unsafeParse and make throw on a date that does not exist", () => {
    expect(() => CalendarDate.unsafeParse("2026-02-30")).toThrow("2026-02-30 är inte ett giltigt datum")
    expect(() => CalendarDate.make(2026, 2, 30)).toThrow(RangeError)
  })

  it("the zod schema carries the Swedish message", () => {
    const result = CalendarDate.schema.safeParse("2026-02-30")
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe("2026-02-30 är inte ett giltigt datum")
    expect(CalendarDate.schema.safeParse(20260130).success).toBe(false)
  })
})
