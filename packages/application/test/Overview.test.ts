import { CalendarDate } from "@uppdrag/core"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { type Event, EventLog, Overview, Recording } from "../src/index.js"
import { ASSIGNMENT, DECEMBER_FIRST, runAt, services } from "./fixtures/layers.js"

describe("Overview.upcoming (in-memory log, TestClock at 2026-12-01)", () => {
  it("seed 003: a year ahead of 2026-12-01 the interim report 2027-05-30 is upcoming, the regions' reporting has no date yet", async () => {
    const overview = Result.getOrThrow(await runAt(DECEMBER_FIRST, Overview.upcoming({})))
    expect(overview.asOf).toBe("2026-12-01")
    expect(overview.horizonDays).toBe(365)
    const horizon = CalendarDate.addDays(overview.asOf, Overview.horizonDays)
    expect(overview.upcoming.every((d) => d.obligation.due !== null && d.obligation.due >= overview.asOf && d.obligation.due <= horizon)).toBe(true)
    expect(overview.upcoming.every((d) => d.status === "snart" || d.status === "kommande")).toBe(true)
    expect(overview.upcoming.some((d) => d.obligation.id === "delredovisning-2027-05-30")).toBe(true)
    expect(overview.unset.map((d) => d.obligation.id)).toContain("regionernas-redovisning-2026")
    expect(overview.overdue.every((d) => d.status === "forsenad")).toBe(true)
  })

  it("a date set later moves a duty from unset to upcoming; a submitted one leaves the overview", async () => {
    const log = EventLog.makeMemory()
    const layer = services(Layer.succeed(EventLog.EventLog, log))
    const base = { assignment: ASSIGNMENT, obligation: "regionernas-redovisning-2026", recordedBy: "anna", note: "" }
    const events: Array<Event.NewEvent> = [
      { ...base, type: "due-date", date: "2026-11-20", payload: { due: "2027-02-26" } },
      { ...base, type: "report", obligation: "delredovisning-2027-05-30", date: "2026-11-28" }
    ]
    Result.getOrThrow(await runAt(DECEMBER_FIRST, Recording.record(events), layer))
    const overview = Result.getOrThrow(await runAt(DECEMBER_FIRST, Overview.upcoming({ asOf: "2026-12-01" }), layer))
    expect(overview.unset.map((d) => d.obligation.id)).not.toContain("regionernas-redovisning-2026")
    expect(overview.upcoming.find((d) => d.obligation.id === "regionernas-redovisning-2026")?.obligation.due).toBe("2027-02-26")
    expect(overview.upcoming.some((d) => d.obligation.id === "delredovisning-2027-05-30")).toBe(false)
  })

  it("seed 002: once the 2012 agreement's final report is recorded, its unreported duties are listed apart, not counted as overdue (as on Översikt)", async () => {
    const log = EventLog.makeMemory()
    const layer = services(Layer.succeed(EventLog.EventLog, log))
    const before = Result.getOrThrow(await runAt(DECEMBER_FIRST, Overview.upcoming({ asOf: "2026-12-01" }), layer))
    const report: Event.NewEvent = { type: "report", assignment: "heldygnsvard-2012", obligation: "slutredovisning-2013-06-01", date: "2013-06-01", recordedBy: "anna", note: "" }
    Result.getOrThrow(await runAt(DECEMBER_FIRST, Recording.record([report]), layer))
    const after = Result.getOrThrow(await runAt(DECEMBER_FIRST, Overview.upcoming({ asOf: "2026-12-01" }), layer))
    expect(after.leftOver.length).toBeGreaterThan(0)
    expect(after.leftOver.every((d) => d.obligation.assignmentId === "heldygnsvard-2012" && d.status === "forsenad")).toBe(true)
    expect(after.overdue.some((d) => d.obligation.assignmentId === "heldygnsvard-2012")).toBe(false)
    // The final report itself is no longer overdue; the rest of the agreement's overdue duties moved apart.
    expect(after.overdue.length + after.leftOver.length).toBe(before.overdue.length - 1)
  })

  it("a bad date is refused as a ValidationError naming the command", async () => {
    const result = await runAt(DECEMBER_FIRST, Overview.upcoming({ asOf: "2026-13-01" }, { command: "uppdrag start" }))
    expect(Result.isFailure(result) && result.failure._tag).toBe("ValidationError")
  })
})
