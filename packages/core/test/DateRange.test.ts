import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as CalendarDate from "../src/CalendarDate.js"
import * as DateRange from "../src/DateRange.js"

const d = CalendarDate.unsafeParse

describe("DateRange from the seeds", () => {
  const window = DateRange.unsafeParse("2026-04-01..2026-05-18")

  it("seed 001, 'Bidraget kan rekvireras mellan 1 april – 18 maj': both ends count", () => {
    expect(DateRange.contains(window, d("2026-04-01"))).toBe(true)
    expect(DateRange.contains(window, d("2026-05-18"))).toBe(true)
    expect(DateRange.contains(window, d("2026-03-31"))).toBe(false)
    expect(DateRange.contains(window, d("2026-05-19"))).toBe(false)
  })

  it("seed 001: the requisition window is 48 days long", () => {
    expect(DateRange.length(window)).toBe(48)
    expect(DateRange.format(window)).toBe("2026-04-01..2026-05-18")
  })
})

describe("DateRange properties", () => {
  // From the second supported day, so that the day before a range still exists.
  const date = fc.integer({ min: -25566, max: 47482 }).map(CalendarDate.fromEpochDay)

  it("parse(format(r)) is r, and a range contains exactly its days", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 400 }), (start, days) => {
        const end = CalendarDate.addDays(start, days)
        const range = Result.getOrThrow(DateRange.make(start, end))
        expect(DateRange.unsafeParse(DateRange.format(range))).toEqual(range)
        expect(DateRange.length(range)).toBe(days + 1)
        expect(DateRange.contains(range, CalendarDate.addDays(start, -1))).toBe(false)
        expect(DateRange.contains(range, CalendarDate.addDays(end, 1))).toBe(false)
      }),
      { numRuns: 100 }
    )
  })
})

describe("DateRange refuses bad input", () => {
  it("an end before the start", () => {
    expect(DateRange.parse("2026-05-18..2026-04-01")).toEqual(Result.fail("intervallet slutar (2026-04-01) före det börjar (2026-05-18)"))
  })

  it("a date that does not exist", () => {
    expect(DateRange.parse("2026-02-30..2026-05-18")).toEqual(Result.fail("2026-02-30 är inte ett giltigt datum"))
  })

  it.each(["2026-04-01", "2026-04-01..", "2026-04-01..2026-05-18..2026-06-01", "2026-04-01 – 2026-05-18"])("%j is not START..END", (text) => {
    expect(Result.isFailure(DateRange.parse(text))).toBe(true)
  })

  it("the schema refuses a reversed range and unknown fields", () => {
    expect(DateRange.schema.safeParse({ start: "2026-04-01", end: "2026-05-18" }).success).toBe(true)
    const reversed = DateRange.schema.safeParse({ start: "2026-05-18", end: "2026-04-01" })
    expect(reversed.error?.issues[0]?.path).toEqual(["end"])
    expect(DateRange.schema.safeParse({ start: "2026-04-01", end: "2026-05-18", slut: "x" }).success).toBe(false)
  })
})
