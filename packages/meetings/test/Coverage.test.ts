import { CalendarDate, Catalog } from "@uppdrag/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Coverage, type Meeting } from "../src/index.js"
import { catalog } from "./fixtures.js"

const d = CalendarDate.unsafeParse
const s2025 = Catalog.findAssignment(catalog, "S2025/01528")!
const meeting = (id: string, date: string, participants: Array<string>, assignment = s2025.id): Meeting.Meeting => ({
  kind: "mote",
  id,
  title: id,
  date: d(date),
  assignment,
  participants,
  actionItems: []
})

describe("consultation coverage", () => {
  it("seed 003 (S2025/01528): every party the decision names is listed, none consulted on an empty record", () => {
    const report = Coverage.report(s2025, [], d("2026-11-23"))
    expect(report.assignment).toBe("S2025/01528")
    expect(report.parties.map((p) => p.name)).toEqual(s2025.consult.map((p) => p.name))
    expect(report.parties.map((p) => p.id)).toEqual(
      expect.arrayContaining(["folkhalsomyndigheten", "ivo", "mcf", "polismyndigheten", "sbu", "sis", "trafikverket", "samsjuklighetsdelegationen", "suicidpreventiv-samordnare", "sos-alarm", "skr", "regioner", "kommuner"])
    )
    expect(report.parties.every((p) => !p.consulted && p.lastMeeting === null)).toBe(true)
  })

  it("seed 002: the 2012 SKL agreement has no diary number, so coverage names it by its id", () => {
    const agreement = Catalog.findAssignment(catalog, "heldygnsvard-2012")!
    expect(agreement.diaryNumbers).toEqual([])
    expect(Coverage.report(agreement, [], d("2012-06-01")).assignment).toBe("heldygnsvard-2012")
  })

  it('seed 003: next report deadline after 2026-11-23 is the interim report "senast den 30 maj 2027"; after it, 30 maj 2028; then the final 30 november 2029', () => {
    expect(Coverage.nextReportDeadline(s2025, d("2026-11-23"))).toBe("2027-05-30")
    expect(Coverage.nextReportDeadline(s2025, d("2027-05-30"))).toBe("2027-05-30")
    expect(Coverage.nextReportDeadline(s2025, d("2027-05-31"))).toBe("2028-05-30")
    expect(Coverage.nextReportDeadline(s2025, d("2028-06-01"))).toBe("2029-11-30")
    expect(Coverage.nextReportDeadline(s2025, d("2029-12-01"))).toBeNull()
  })

  it("after a meeting with IVO and Polismyndigheten on 2026-11-20, those two are consulted on that date and no one else", () => {
    const report = Coverage.report(s2025, [meeting("m1", "2026-11-20", ["ivo", "polismyndigheten"])], d("2026-11-23"))
    expect(report.parties.filter((p) => p.consulted).map((p) => [p.id, p.lastMeeting])).toEqual([
      ["ivo", "2026-11-20"],
      ["polismyndigheten", "2026-11-20"]
    ])
  })

  it("the latest meeting counts; meetings after the as-of date or for another assignment do not", () => {
    const report = Coverage.report(
      s2025,
      [meeting("m1", "2026-09-01", ["ivo"]), meeting("m2", "2026-11-20", ["ivo"]), meeting("m3", "2026-12-01", ["skr"]), meeting("m4", "2026-10-01", ["sbu"], "annat-uppdrag")],
      d("2026-11-23")
    )
    expect(report.parties.filter((p) => p.consulted).map((p) => [p.id, p.lastMeeting])).toEqual([["ivo", "2026-11-20"]])
  })

  it("property: consulted exactly when some meeting for the assignment on or before the as-of date had the party, lastMeeting its latest date", () => {
    const ids = s2025.consult.map((p) => p.id)
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 400 }), who: fc.subarray(ids, { minLength: 1 }), own: fc.boolean() }), { maxLength: 20 }),
        fc.integer({ min: 0, max: 400 }),
        (raw, asOfDay) => {
          const meetings = raw.map((m, i) => meeting(`m${i}`, CalendarDate.addDays(d("2026-01-01"), m.day), m.who, m.own ? s2025.id : "annat"))
          const asOf = CalendarDate.addDays(d("2026-01-01"), asOfDay)
          const report = Coverage.report(s2025, meetings, asOf)
          expect(report.parties).toHaveLength(ids.length)
          for (const p of report.parties) {
            const dates = meetings.filter((m) => m.assignment === s2025.id && m.date <= asOf && m.participants.includes(p.id)).map((m) => m.date)
            expect(p.consulted).toBe(dates.length > 0)
            expect(p.lastMeeting).toBe(dates.length === 0 ? null : dates.sort().at(-1))
          }
        }
      ),
      { numRuns: 100 }
    )
  })
})
