import { CalendarDate } from "@uppdrag/core"
import fc from "fast-check"
import ICAL from "ical.js"
import { afterAll, describe, expect, it } from "vitest"
import { ICalendar, type Meeting, Occurrence, Series } from "../src/index.js"

const d = CalendarDate.unsafeParse
const stamp = "2026-11-23T08:00:00Z"

/** Parses iCalendar text with ical.js and expands every recurring event (with its overrides) in the window, in UTC. */
const expand = (text: string, from: string, to: string): Array<{ start: string; summary: string }> => {
  const cal = new ICAL.Component(ICAL.parse(text) as Array<unknown>)
  for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(tz))
  const events = cal.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c))
  const masters = events.filter((e) => !e.isRecurrenceException())
  for (const e of events.filter((x) => x.isRecurrenceException())) masters.find((m) => m.uid === e.uid)?.relateException(e)
  const out: Array<{ start: string; summary: string }> = []
  // Iterate past the last day (a DATE-TIME on `to` compares after the DATE `to`); filter by date below.
  const end = ICAL.Time.fromDateString(CalendarDate.addDays(CalendarDate.unsafeParse(to), 2))
  for (const master of masters) {
    if (!master.isRecurring()) {
      out.push({ start: master.startDate.isDate ? master.startDate.toString() : master.startDate.toJSDate().toISOString(), summary: master.summary })
      continue
    }
    const iterator = master.iterator()
    for (let next = iterator.next(); next !== null && next !== undefined && next.compare(end) <= 0; next = iterator.next()) {
      const details = master.getOccurrenceDetails(next)
      const start = details.startDate
      if (start.toString().slice(0, 10) < from || start.toString().slice(0, 10) > to) continue
      out.push({ start: start.isDate ? start.toString() : start.toJSDate().toISOString(), summary: details.item.summary })
    }
  }
  return out.sort((a, b) => a.start.localeCompare(b.start))
}

afterAll(() => ICAL.TimezoneService.reset())

describe("iCalendar export", () => {
  const seed = Series.unsafeLoad()

  it("seed 001: the exported digital meetings parse back (ical.js) to the same dates, the two themed ones with their themes", () => {
    const text = ICalendar.series(seed, { stamp, name: "Möten" })
    expect(text).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm")
    const parsed = expand(text, "2026-03-01", "2026-11-30")
    const expected = Occurrence.all(seed, d("2026-03-01"), d("2026-11-30"))
    expect(parsed.map((p) => p.start)).toEqual(expected.map((o) => o.date))
    expect(parsed.filter((p) => p.summary.includes("Tema:")).map((p) => [p.start, p.summary.split("Tema: ")[1]])).toEqual([
      ["2026-04-14", "Individanpassad läkemedelsbehandling genom samarbete och delat beslutsfattande"],
      ["2026-05-12", "Särskilda hänsyn vid tvångsvård – fokus på uppföljningssamtal efter tvångsåtgärder"]
    ])
  })

  it("a timed series with a cancellation and a move round-trips to the same UTC instants across both DST changes", () => {
    const series = Series.schema.parse({
      id: "m",
      title: "Månadsmöte",
      time: "13:00",
      durationMinutes: 90,
      recurrence: { kind: "regel", rule: "FREQ=MONTHLY;BYDAY=2TU", start: "2026-01-13", until: "2026-12-31" },
      cancellations: [{ date: "2026-07-14" }],
      moves: [{ from: "2026-10-13", to: "2026-10-27", time: "10:00" }],
      themes: [{ date: "2026-03-10", theme: "Vintertid" }, { date: "2026-04-14", theme: "Sommartid" }]
    })
    const text = ICalendar.series([series], { stamp })
    expect(text).toMatch(/DTSTART;TZID=Europe\/Stockholm:20260113T130000\r\n/)
    const parsed = expand(text, "2026-01-01", "2027-03-01")
    const expected = Occurrence.between(series, d("2026-01-01"), d("2027-03-01")).filter((o) => o.status !== "inställd")
    expect(parsed.map((p) => p.start)).toEqual(expected.map((o) => o.startUtc!.replace("Z", ".000Z")))
    expect(parsed.find((p) => p.start.startsWith("2026-03-10"))?.summary).toBe("Månadsmöte – Tema: Vintertid")
    expect(parsed.find((p) => p.start.startsWith("2026-04-14"))).toEqual({ start: "2026-04-14T11:00:00.000Z", summary: "Månadsmöte – Tema: Sommartid" })
    expect(parsed.find((p) => p.start.startsWith("2026-10-27"))?.start).toBe("2026-10-27T09:00:00.000Z")
    expect(parsed.some((p) => p.start.startsWith("2026-07-14"))).toBe(false)
    expect(parsed.at(-1)?.start).toBe("2026-12-08T12:00:00.000Z")
  })

  it("a single meeting exports with its Stockholm time and participants by name", () => {
    const meeting: Meeting.Meeting = {
      kind: "mote",
      id: "samrad-2026-11-20",
      title: "Samråd",
      date: d("2026-11-20"),
      start: "13:00",
      end: "14:30",
      participants: ["ivo", "polismyndigheten"],
      actionItems: [{ title: "Skicka underlag", owner: "Socialstyrelsen", due: d("2026-12-04"), recipient: "IVO" }]
    }
    const text = ICalendar.meetings([meeting], { stamp, partyNames: new Map([["ivo", "Inspektionen för vård och omsorg"]]) })
    const cal = new ICAL.Component(ICAL.parse(text) as Array<unknown>)
    for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(tz))
    const event = new ICAL.Event(cal.getFirstSubcomponent("vevent")!)
    expect(event.uid).toBe("samrad-2026-11-20@uppdrag.socialstyrelsen.se")
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-11-20T12:00:00.000Z")
    expect(event.endDate.toJSDate().toISOString()).toBe("2026-11-20T13:30:00.000Z")
    expect(event.description).toBe("Deltagare: Inspektionen för vård och omsorg, polismyndigheten\nÅtgärd: Skicka underlag (Socialstyrelsen, senast 2026-12-04)")
    expect(cal.getFirstPropertyValue("prodid")).toBe("-//Socialstyrelsen//uppdrag//SV")
  })

  it("property: for random weekly/monthly series with a time, cancellations and moves, ical.js expands the export to exactly our instants", () => {
    const days = ["MO", "TU", "WE", "TH", "FR"]
    fc.assert(
      fc.property(
        fc.record({
          monthly: fc.boolean(),
          interval: fc.integer({ min: 1, max: 3 }),
          day: fc.constantFrom(...days),
          ordinal: fc.integer({ min: 1, max: 4 }),
          hour: fc.integer({ min: 7, max: 19 }),
          start: fc.integer({ min: 0, max: 300 }),
          cancel: fc.integer({ min: 0, max: 8 }),
          move: fc.integer({ min: 0, max: 8 })
        }),
        (p) => {
          const start = CalendarDate.addDays(d("2026-01-01"), p.start)
          const rule = p.monthly ? `FREQ=MONTHLY;BYDAY=${p.ordinal}${p.day}` : `FREQ=WEEKLY;INTERVAL=${p.interval};BYDAY=${p.day}`
          const base = Series.schema.parse({ id: "p", title: "P", time: `${String(p.hour).padStart(2, "0")}:00`, recurrence: { kind: "regel", rule, start, until: "2027-12-31" } })
          const dates = Occurrence.between(base, start, d("2027-12-31")).map((o) => o.date)
          const cancelled = dates[p.cancel]
          const moved = dates[p.move] === cancelled ? undefined : dates[p.move]
          const series = Series.schema.parse({
            ...base,
            cancellations: cancelled === undefined ? [] : [{ date: cancelled }],
            moves: moved === undefined ? [] : [{ from: moved, to: CalendarDate.addDays(moved, 1), time: "08:30" }]
          })
          const expected = Occurrence.between(series, d("2026-01-01"), d("2027-12-31")).filter((o) => o.status !== "inställd")
          const parsed = expand(ICalendar.series([series], { stamp }), "2026-01-01", "2027-12-31")
          expect(parsed.map((x) => x.start)).toEqual(expected.map((o) => o.startUtc!.replace("Z", ".000Z")))
        }
      ),
      { numRuns: 15 }
    )
  }, 60_000)
})
