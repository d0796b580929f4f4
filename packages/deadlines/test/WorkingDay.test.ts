import { CalendarDate } from "@uppdrag/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as WorkingDay from "../src/WorkingDay.js"
import { date } from "./fixtures.js"

/** Any date 2010–2035, the span the holiday data is tested for. */
const anyDate = fc.integer({ min: CalendarDate.toEpochDay(date("2010-01-01")), max: CalendarDate.toEpochDay(date("2035-12-31")) }).map(CalendarDate.fromEpochDay)

/** Working days counted one day at a time, the obvious way. */
const naiveBetween = (from: CalendarDate.CalendarDate, to: CalendarDate.CalendarDate): number => {
  const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1]
  let count = 0
  for (let d = CalendarDate.addDays(lo, 1); d <= hi; d = CalendarDate.addDays(d, 1)) if (WorkingDay.isWorkingDay(d)) count++
  return sign * count + 0 // no -0
}

describe("WorkingDay: facts from the seeds", () => {
  it("seed 003, 'senast den 30 maj 2027': a söndag; next working day 2027-05-31", () => {
    expect(WorkingDay.nonWorkingReason(date("2027-05-30"))).toBe("söndag")
    expect(WorkingDay.next(date("2027-05-30"))).toBe("2027-05-31")
  })
  it("seed 002, 'senast den 1 april 2013': annandag påsk; next working day 2013-04-02", () => {
    expect(WorkingDay.nonWorkingReason(date("2013-04-01"))).toBe("annandag påsk")
    expect(WorkingDay.onOrNext(date("2013-04-01"))).toBe("2013-04-02")
  })
  it("seed 002, 'slutredovisas den 1 juni 2013': a lördag; next working day 2013-06-03", () => {
    expect(WorkingDay.nonWorkingReason(date("2013-06-01"))).toBe("lördag")
    expect(WorkingDay.next(date("2013-06-01"))).toBe("2013-06-03")
  })
  it("seed 000, 'senast den 30 november 2026': a Monday, a working day; 5 working days after Monday 2026-11-23", () => {
    expect(WorkingDay.nonWorkingReason(date("2026-11-30"))).toBeNull()
    expect(WorkingDay.between(date("2026-11-23"), date("2026-11-30"))).toBe(5)
  })
  it("seed 003, 'senast den 1 december 2026': a working day", () => {
    expect(WorkingDay.isWorkingDay(date("2026-12-01"))).toBe(true)
  })
})

describe("WorkingDay: holidays and eves", () => {
  it("midsommarafton, julafton and nyårsafton are non-working days, named", () => {
    expect(WorkingDay.nonWorkingReason(date("2026-06-19"))).toBe("midsommarafton")
    expect(WorkingDay.nonWorkingReason(date("2025-12-24"))).toBe("julafton")
    expect(WorkingDay.nonWorkingReason(date("2025-12-31"))).toBe("nyårsafton")
  })
  it("a holiday on a Saturday is named by the holiday (midsommardagen 2026-06-20)", () => {
    expect(WorkingDay.nonWorkingReason(date("2026-06-20"))).toBe("midsommardagen")
  })
  it("Christmas 2026: julafton Thursday to Sunday 27 December; next working day after 2026-12-23 is 2026-12-28", () => {
    expect(WorkingDay.next(date("2026-12-23"))).toBe("2026-12-28")
    expect(WorkingDay.previous(date("2026-12-28"))).toBe("2026-12-23")
    expect(WorkingDay.between(date("2026-12-23"), date("2026-12-28"))).toBe(1)
  })
  it("Easter 2026: from skärtorsdagen to the Tuesday after is one working day", () => {
    expect(WorkingDay.between(date("2026-04-02"), date("2026-04-07"))).toBe(1)
    expect(WorkingDay.add(date("2026-04-02"), 1)).toBe("2026-04-07")
  })
  it("2026 has 251 working days: 261 weekdays less 10 holidays and eves on weekdays", () => {
    expect(WorkingDay.between(date("2025-12-31"), date("2026-12-31"))).toBe(251)
  })
  it("between is 0 for the same day and negative backwards", () => {
    expect(WorkingDay.between(date("2026-11-30"), date("2026-11-30"))).toBe(0)
    expect(WorkingDay.between(date("2026-12-02"), date("2026-11-30"))).toBe(-2)
  })
})

describe("WorkingDay: properties", () => {
  it("between agrees with counting day by day", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -500, max: 500 }), (from, span) => {
        const to = CalendarDate.addDays(from, span)
        expect(WorkingDay.between(from, to)).toBe(naiveBetween(from, to))
      }),
      { numRuns: 150 }
    )
  })
  it("between is antisymmetric and additive", () => {
    fc.assert(
      fc.property(anyDate, anyDate, anyDate, (a, b, c) => {
        expect(WorkingDay.between(a, b)).toBe(0 - WorkingDay.between(b, a))
        expect(WorkingDay.between(a, b) + WorkingDay.between(b, c)).toBe(WorkingDay.between(a, c))
      }),
      { numRuns: 100 }
    )
  })
  it("next is a working day after the date with only non-working days in between", () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        const n = WorkingDay.next(d)
        expect(n > d).toBe(true)
        expect(WorkingDay.isWorkingDay(n)).toBe(true)
        expect(WorkingDay.between(d, n)).toBe(1)
        for (let x = CalendarDate.addDays(d, 1); x < n; x = CalendarDate.addDays(x, 1)) expect(WorkingDay.isWorkingDay(x)).toBe(false)
      }),
      { numRuns: 100 }
    )
  })
  it("onOrNext leaves working days alone and never moves back", () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        const moved = WorkingDay.onOrNext(d)
        expect(moved >= d).toBe(true)
        expect(moved === d).toBe(WorkingDay.isWorkingDay(d))
      }),
      { numRuns: 100 }
    )
  })
  it("add and between are inverse on working days", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -300, max: 300 }), (d, n) => {
        const start = WorkingDay.onOrNext(d)
        expect(WorkingDay.between(start, WorkingDay.add(start, n))).toBe(n)
      }),
      { numRuns: 100 }
    )
  })
})
