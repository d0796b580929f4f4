import { CalendarDate } from "@uppdrag/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Occurrence, Series } from "../src/index.js"

const d = CalendarDate.unsafeParse
const seed = Series.unsafeLoad()
const digital = seed.find((s) => s.id === "digitala-moten-heldygnsvard")!
const make = (input: unknown): Series.Series => Series.schema.parse(input)

describe("seed 001 occurrences", () => {
  it("seed 001, Digitala möten (1g/mån) from March to November 2026: second Tuesdays from 2026-04-14, across both DST changes", () => {
    const list = Occurrence.between(digital, d("2026-03-01"), d("2026-11-30"))
    expect(list.map((o) => o.date)).toEqual(["2026-04-14", "2026-05-12", "2026-06-09", "2026-07-14", "2026-08-11", "2026-09-08", "2026-10-13", "2026-11-10"])
    expect(list.every((o) => o.status === "planerad" && o.start === undefined)).toBe(true)
  })

  it('seed 001: "14 April … Tema: Individanpassad läkemedelsbehandling" and "12 maj … Tema: Särskilda hänsyn vid tvångsvård" carry their themes, no other date does', () => {
    const list = Occurrence.all(seed, d("2026-01-01"), d("2026-12-31"))
    expect(list.filter((o) => o.theme !== undefined).map((o) => [o.date, o.theme])).toEqual([
      ["2026-04-14", "Individanpassad läkemedelsbehandling genom samarbete och delat beslutsfattande"],
      ["2026-05-12", "Särskilda hänsyn vid tvångsvård – fokus på uppföljningssamtal efter tvångsåtgärder"]
    ])
  })

  it("seed 001: series without dates in the seed (1 gr/mån, vid behov) yield no invented occurrences", () => {
    const list = Occurrence.all(seed, d("2026-01-01"), d("2027-12-31"))
    expect(new Set(list.map((o) => o.series))).toEqual(new Set(["digitala-moten-heldygnsvard"]))
  })
})

describe("Europe/Stockholm wall-clock time across daylight saving", () => {
  const monthly = make({ ...digital, time: "13:00", durationMinutes: 90 })

  it("13:00 stays 13:00 local: 12:00Z in winter, 11:00Z in summer (March change 2026-03-29, October change 2026-10-25)", () => {
    const withMarch = make({ ...monthly, recurrence: { kind: "regel", rule: "FREQ=MONTHLY;BYDAY=2TU", start: "2026-02-10" } })
    const list = Occurrence.between(withMarch, d("2026-03-01"), d("2026-11-30"))
    expect(list.map((o) => [o.date, o.start, o.end, o.startUtc, o.endUtc])).toEqual([
      ["2026-03-10", "13:00", "14:30", "2026-03-10T12:00:00Z", "2026-03-10T13:30:00Z"],
      ["2026-04-14", "13:00", "14:30", "2026-04-14T11:00:00Z", "2026-04-14T12:30:00Z"],
      ["2026-05-12", "13:00", "14:30", "2026-05-12T11:00:00Z", "2026-05-12T12:30:00Z"],
      ["2026-06-09", "13:00", "14:30", "2026-06-09T11:00:00Z", "2026-06-09T12:30:00Z"],
      ["2026-07-14", "13:00", "14:30", "2026-07-14T11:00:00Z", "2026-07-14T12:30:00Z"],
      ["2026-08-11", "13:00", "14:30", "2026-08-11T11:00:00Z", "2026-08-11T12:30:00Z"],
      ["2026-09-08", "13:00", "14:30", "2026-09-08T11:00:00Z", "2026-09-08T12:30:00Z"],
      ["2026-10-13", "13:00", "14:30", "2026-10-13T11:00:00Z", "2026-10-13T12:30:00Z"],
      ["2026-11-10", "13:00", "14:30", "2026-11-10T12:00:00Z", "2026-11-10T13:30:00Z"]
    ])
  })

  it("every 2 weeks on Mondays 09:00: the occurrences either side of each change keep 09:00", () => {
    const fortnightly = make({ id: "a", title: "Varannan vecka", time: "09:00", recurrence: { kind: "regel", rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", start: "2026-03-16" } })
    const spring = Occurrence.between(fortnightly, d("2026-03-16"), d("2026-04-13"))
    expect(spring.map((o) => [o.date, o.startUtc])).toEqual([
      ["2026-03-16", "2026-03-16T08:00:00Z"],
      ["2026-03-30", "2026-03-30T07:00:00Z"],
      ["2026-04-13", "2026-04-13T07:00:00Z"]
    ])
    const autumn = Occurrence.between(fortnightly, d("2026-10-12"), d("2026-11-09"))
    expect(autumn.map((o) => [o.date, o.startUtc])).toEqual([
      ["2026-10-12", "2026-10-12T07:00:00Z"],
      ["2026-10-26", "2026-10-26T08:00:00Z"],
      ["2026-11-09", "2026-11-09T08:00:00Z"]
    ])
  })

  it("weekly on Sundays 10:00, on the change days themselves: 2026-03-29 08:00Z (CEST), 2026-10-25 09:00Z (CET)", () => {
    const sundays = make({ id: "s", title: "Söndagar", time: "10:00", recurrence: { kind: "regel", rule: "FREQ=WEEKLY;BYDAY=SU", start: "2026-03-22" } })
    const list = Occurrence.between(sundays, d("2026-03-22"), d("2026-11-01"))
    const at = (date: string) => list.find((o) => o.date === date)?.startUtc
    expect([at("2026-03-22"), at("2026-03-29"), at("2026-04-05"), at("2026-10-18"), at("2026-10-25"), at("2026-11-01")]).toEqual([
      "2026-03-22T09:00:00Z",
      "2026-03-29T08:00:00Z",
      "2026-04-05T08:00:00Z",
      "2026-10-18T08:00:00Z",
      "2026-10-25T09:00:00Z",
      "2026-11-01T09:00:00Z"
    ])
  })

  it("a rule time the spring change skips (Sundays 02:30) yields no meeting on 2026-03-29; the doubled autumn hour reads as summer time", () => {
    const night = make({ id: "n", title: "Natt", time: "02:30", recurrence: { kind: "regel", rule: "FREQ=WEEKLY;BYDAY=SU", start: "2026-03-22" } })
    const spring = Occurrence.between(night, d("2026-03-22"), d("2026-04-05"))
    expect(spring.map((o) => [o.date, o.startUtc])).toEqual([
      ["2026-03-22", "2026-03-22T01:30:00Z"],
      ["2026-04-05", "2026-04-05T00:30:00Z"]
    ])
    expect(Occurrence.between(night, d("2026-10-25"), d("2026-10-25")).map((o) => o.startUtc)).toEqual(["2026-10-25T00:30:00Z"])
  })
})

describe("cancellations, moves, listed dates", () => {
  const series = make({
    id: "m",
    title: "Månadsmöte",
    time: "13:00",
    recurrence: { kind: "regel", rule: "FREQ=MONTHLY;BYDAY=2TU", start: "2026-04-14", until: "2026-12-31" },
    cancellations: [{ date: "2026-07-14", reason: "Semester" }],
    moves: [{ from: "2026-10-13", to: "2026-10-27", time: "10:00", reason: "Krockar med konferens" }],
    themes: [{ date: "2026-10-27", theme: "Flyttat tema" }],
    dates: [{ date: "2026-12-22", time: "09:00" }]
  })

  it("a cancelled occurrence stays listed as inställd with its reason; a moved one appears on its new date and time", () => {
    const list = Occurrence.between(series, d("2026-07-01"), d("2026-12-31"))
    expect(list.map((o) => [o.date, o.status, o.start ?? null])).toEqual([
      ["2026-07-14", "inställd", "13:00"],
      ["2026-08-11", "planerad", "13:00"],
      ["2026-09-08", "planerad", "13:00"],
      ["2026-10-27", "flyttad", "10:00"],
      ["2026-11-10", "planerad", "13:00"],
      ["2026-12-08", "planerad", "13:00"],
      ["2026-12-22", "planerad", "09:00"]
    ])
    expect(list[0]?.reason).toBe("Semester")
    expect(list[3]).toMatchObject({ movedFrom: "2026-10-13", theme: "Flyttat tema", startUtc: "2026-10-27T09:00:00Z" })
  })

  it("a move into the window from outside it is listed; out of the window is not", () => {
    expect(Occurrence.between(series, d("2026-10-20"), d("2026-10-31")).map((o) => o.date)).toEqual(["2026-10-27"])
    expect(Occurrence.between(series, d("2026-10-01"), d("2026-10-20")).map((o) => o.date)).toEqual([])
  })

  it("until ends the series", () => {
    expect(Occurrence.between(series, d("2027-01-01"), d("2027-12-31"))).toEqual([])
  })
})

describe("properties", () => {
  const weekdays = ["MO", "TU", "WE", "TH", "FR"] as const
  const arbitrarySeries = fc
    .record({
      interval: fc.integer({ min: 1, max: 6 }),
      day: fc.constantFrom(...weekdays),
      hour: fc.integer({ min: 7, max: 18 }),
      minute: fc.constantFrom(0, 15, 30, 45),
      start: fc.integer({ min: 0, max: 700 })
    })
    .map(({ interval, day, hour, minute, start }) =>
      make({
        id: "p",
        title: "P",
        time: `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`,
        recurrence: { kind: "regel", rule: `FREQ=WEEKLY;INTERVAL=${interval};BYDAY=${day}`, start: CalendarDate.addDays(d("2026-01-01"), start) }
      })
    )
  const offsetOf = (iso: string): string =>
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Stockholm", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(iso))

  it("every occurrence is at the series' wall-clock time in Stockholm, on the rule's weekday, inside the window", () => {
    fc.assert(
      fc.property(arbitrarySeries, fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 120 }), (s, offset, length) => {
        const from = CalendarDate.addDays(d("2026-01-01"), offset)
        const to = CalendarDate.addDays(from, length)
        for (const o of Occurrence.between(s, from, to)) {
          expect(o.date >= from && o.date <= to).toBe(true)
          expect(offsetOf(o.startUtc!)).toBe(s.time)
          expect(weekdays[CalendarDate.weekday(o.date) - 1]).toBe(/BYDAY=(\w\w)/.exec((s.recurrence as { rule: string }).rule)?.[1])
        }
      }),
      { numRuns: 60 }
    )
  })

  it("splitting a window in two gives the same occurrences", () => {
    fc.assert(
      fc.property(arbitrarySeries, fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 60 }), (s, offset, a, b) => {
        const from = CalendarDate.addDays(d("2026-01-01"), offset)
        const middle = CalendarDate.addDays(from, a)
        const to = CalendarDate.addDays(middle, b)
        const whole = Occurrence.between(s, from, to)
        const parts = [...Occurrence.between(s, from, middle), ...Occurrence.between(s, CalendarDate.addDays(middle, 1), to)]
        expect(parts).toEqual(whole)
      }),
      { numRuns: 60 }
    )
  })
})
