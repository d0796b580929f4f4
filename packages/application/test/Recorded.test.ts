import { describe, expect, it } from "vitest"
import { Event, Recorded } from "../src/index.js"

/** A stored event as the store reads it back, validated by its schema. */
const stored = (seq: number, event: { type: Event.EventType; date: string } & Record<string, unknown>): Event.StoredEvent =>
  Event.StoredEventSchema.parse({
    seq,
    assignment: "specialiserad-psykiatri-2026",
    grant: null,
    region: null,
    amount: null,
    recordedBy: "handläggare",
    recordedAt: "2026-12-10T08:00:00.000Z",
    note: "",
    reverses: null,
    obligation: null,
    payload: null,
    ...event
  })

describe("Recorded.fold", () => {
  it("seed 003: the interim report handed in, the regions' reporting date set, a meeting; reversed events left out", () => {
    const events = [
      stored(1, { type: "report", obligation: "delredovisning-2026-03-30", date: "2026-03-27" }),
      stored(2, { type: "report", obligation: "regionernas-redovisning-2026", region: "03", date: "2027-02-20" }),
      stored(3, { type: "due-date", obligation: "regionernas-redovisning-2026", date: "2026-12-10", payload: { due: "2027-02-26" } }),
      stored(4, { type: "reversal", reverses: 3, date: "2026-12-11" }),
      stored(5, { type: "due-date", obligation: "regionernas-redovisning-2026", date: "2026-12-11", payload: { due: "2027-03-05" } }),
      stored(6, { type: "meeting", date: "2026-09-10", payload: { id: "natverksmote" } })
    ]
    expect(Recorded.fold(events)).toEqual({
      // Uppsala's own report (event 2) is its part of a shared duty and does not close it.
      submissions: [{ assignment: "specialiserad-psykiatri-2026", obligation: "delredovisning-2026-03-30", submittedOn: "2026-03-27" }],
      dueDates: [{ assignment: "specialiserad-psykiatri-2026", obligation: "regionernas-redovisning-2026", due: "2027-03-05", setOn: "2026-12-11" }],
      meetings: [{ seq: 6, payload: { id: "natverksmote" } }]
    })
  })

  it("an empty log records nothing", () => {
    expect(Recorded.fold([])).toEqual({ submissions: [], dueDates: [], meetings: [] })
  })
})
