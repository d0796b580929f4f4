import ICAL from "ical.js"
import { describe, expect, it } from "vitest"
import * as Calendar from "../src/Calendar.js"
import type * as Obligation from "../src/Obligation.js"
import { bySeed, evaluate, find } from "./fixtures.js"

const generatedAt = "2026-11-23T08:00:00Z"

const parse = (ics: string) => {
  const component = new ICAL.Component(ICAL.parse(ics))
  return component.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v))
}

describe("Calendar.toIcs: round trip through ical.js", () => {
  const deadlines = evaluate("2026-11-23")
  const ics = Calendar.toIcs(deadlines, { generatedAt })
  const events = parse(ics)

  it("one all-day event per duty with a date; the undated one is left out", () => {
    expect(events).toHaveLength(deadlines.filter((d) => d.obligation.due !== null).length)
    for (const e of events) expect(e.startDate.isDate).toBe(true)
  })
  it("seed 003's report is an all-day event on 2027-05-30 (not moved), with its UID", () => {
    const d = find(deadlines, "003", "delredovisning", "2027-05-30")
    const e = events.find((x) => x.uid === Calendar.uid(d.obligation))!
    expect(e.startDate.toString()).toBe("2027-05-30")
    expect(e.endDate.toString()).toBe("2027-05-31")
    expect(e.duration.toSeconds()).toBe(86_400)
    expect(e.uid).toBe(`${bySeed("003").id}/${d.obligation.id}@uppdrag`)
    expect(e.summary).toBe(`Delredovisning: ${d.obligation.title} (S2025/01528)`)
  })
  it("the description carries the diary numbers, the duty to cite, the recipient, every required content and the non-working day", () => {
    const d = find(deadlines, "003", "delredovisning", "2027-05-30")
    const text = events.find((x) => x.uid === Calendar.uid(d.obligation))!.description
    expect(text).toContain("Diarienummer: S2025/01528, S2025/02071, S2026/00095 (delvis)")
    expect(text).toContain("Redovisningen ska ange diarienummer S2025/01528.")
    expect(text).toContain("Mottagare: Regeringskansliet (Socialdepartementet)")
    for (const content of d.obligation.contents) expect(text).toContain(`- ${content}`)
    expect(text).toContain("Förfallodagen 2027-05-30 är söndag; närmast följande vardag är 2027-05-31")
  })
  it("three display alarms: 30, 14 (moved to Friday 2027-05-14) and 3 days before, at 09:00", () => {
    const d = find(deadlines, "003", "delredovisning", "2027-05-30")
    const vevent = events.find((x) => x.uid === Calendar.uid(d.obligation))!.component
    const triggers = vevent.getAllSubcomponents("valarm").map((a) => {
      expect(a.getFirstPropertyValue("action")).toBe("DISPLAY")
      return (a.getFirstPropertyValue("trigger") as ICAL.Duration).toSeconds()
    })
    expect(triggers).toEqual([-(30 * 86_400 - 9 * 3_600), -(16 * 86_400 - 9 * 3_600), -(3 * 86_400 - 9 * 3_600)])
  })
  it("reminder stages are configurable", () => {
    const one = parse(Calendar.toIcs(deadlines, { generatedAt, stages: [7] }))
    expect(one.every((e) => e.component.getAllSubcomponents("valarm").length === 1)).toBe(true)
  })
  it("the calendar has VERSION 2.0 and a PRODID, and lines are folded to 75 octets", () => {
    const component = new ICAL.Component(ICAL.parse(ics))
    expect(component.getFirstPropertyValue("version")).toBe("2.0")
    expect(component.getFirstPropertyValue("prodid")).toBe("-//uppdrag//tidsfrister//SV")
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75)
  })
})

describe("Calendar.toIcs: UIDs are stable", () => {
  it("two runs on different dates give the same UIDs for the same duties", () => {
    const uids = (asOf: string) => parse(Calendar.toIcs(evaluate(asOf), { generatedAt })).map((e) => e.uid).sort()
    expect(uids("2026-11-23")).toEqual(uids("2027-06-01"))
  })
  it("UIDs are unique and do not depend on the order or the filter", () => {
    const all = evaluate("2026-11-23")
    const uids = parse(Calendar.toIcs(all, { generatedAt })).map((e) => e.uid)
    expect(new Set(uids).size).toBe(uids.length)
    const reversed = parse(Calendar.toIcs([...all].reverse().slice(0, 5), { generatedAt })).map((e) => e.uid)
    for (const uid of reversed) expect(uids).toContain(uid)
  })
  it("a meeting's action item gets a UID from its origin and id", () => {
    const [first] = evaluate("2026-11-23")
    const o: Obligation.Obligation = { ...first!.obligation, assignmentId: null, assignment: null, origin: "moten", id: "atgard-1" }
    expect(Calendar.uid(o)).toBe("moten/atgard-1@uppdrag")
  })
})
