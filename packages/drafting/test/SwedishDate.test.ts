import { CalendarDate } from "@uppdrag/core"
import * as Result from "effect/Result"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as SwedishDate from "../src/SwedishDate.js"

describe("SwedishDate", () => {
  it("seed 000: \"senast den 30 november 2025 respektive den 30 november 2026\" is two dates", () => {
    expect(SwedishDate.findAll("Socialstyrelsen ska senast den 30 november 2025 respektive den 30 november 2026 lämna").map((d) => d.date)).toEqual(["2025-11-30", "2026-11-30"])
  })

  it("seed 002: \"senast 1 juni 2012\" without den, \"i november 2012\" as the month's last day", () => {
    expect(SwedishDate.findAll("ska skickas in till SKL senast 1 juni 2012.")[0]?.date).toBe("2012-06-01")
    const [payout, check] = SwedishDate.findAll("Utbetalning sker i november 2012 efter avstämning den 31 oktober 2012")
    expect([payout?.date, payout?.precision, check?.date, check?.precision]).toEqual(["2012-11-30", "month", "2012-10-31", "day"])
    expect(SwedishDate.findAll("kommuniceras av SKL under januari 2012")[0]?.date).toBe("2012-01-31")
  })

  it("seed 002: \"den 30 november varje år\" is a yearly date with no year", () => {
    expect(SwedishDate.findAll("senast den 30 november varje år.")[0]).toMatchObject({ date: undefined, precision: "yearly", month: 11, day: 30 })
  })

  it("issue: \"senast 31 december 2020\" and ISO header dates (seed 003: 2026-01-22)", () => {
    expect(Result.getOrThrow(SwedishDate.parse("senast 31 december 2020")).date).toBe("2020-12-31")
    expect(Result.getOrThrow(SwedishDate.parse("2026-01-22")).date).toBe("2026-01-22")
  })

  it("a day that does not exist is no date, and parse refuses it in Swedish", () => {
    expect(SwedishDate.findAll("senast den 31 april 2026")).toEqual([])
    const refused = SwedishDate.parse("den 31 april 2026")
    expect(Result.isFailure(refused) && refused.failure._tag).toBe("DateNotUnderstood")
    expect(Result.isFailure(refused) && refused.failure.message).toContain("är inte ett datum")
    expect(Result.isFailure(SwedishDate.parse("under 2024"))).toBe(true)
  })

  const dates = fc.integer({ min: CalendarDate.toEpochDay(CalendarDate.unsafeParse("1990-01-01")), max: CalendarDate.toEpochDay(CalendarDate.unsafeParse("2099-12-31")) }).map(CalendarDate.fromEpochDay)

  it("property: format then parse gives the same day back", () => {
    fc.assert(
      fc.property(dates, (date) => {
        const text = SwedishDate.format(date)
        expect(Result.getOrThrow(SwedishDate.parse(text)).date).toBe(date)
        expect(Result.getOrThrow(SwedishDate.parse(`senast ${text.replace(/^den /, "")}`)).date).toBe(date)
      }),
      { numRuns: 200 }
    )
  })

  it("property: a month written alone reads as its last day", () => {
    fc.assert(
      fc.property(dates, (date) => {
        const { year, month } = CalendarDate.parts(date)
        const parsed = Result.getOrThrow(SwedishDate.parse(SwedishDate.format(date, "month")))
        expect([parsed.date, parsed.precision]).toEqual([CalendarDate.make(year, month, CalendarDate.daysInMonth(year, month)), "month"])
      }),
      { numRuns: 200 }
    )
  })

  it("property: dates found in running text keep their order and positions", () => {
    fc.assert(
      fc.property(fc.array(dates, { minLength: 1, maxLength: 4 }), (list) => {
        const text = list.map((d, i) => `punkt ${i + 1} ska vara klar senast ${SwedishDate.format(d)}`).join(", ")
        const found = SwedishDate.findAll(text)
        expect(found.map((f) => f.date)).toEqual(list)
        for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text)
      }),
      { numRuns: 100 }
    )
  })
})
