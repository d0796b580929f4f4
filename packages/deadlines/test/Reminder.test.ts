import { CalendarDate } from "@uppdrag/core"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Reminder from "../src/Reminder.js"
import * as WorkingDay from "../src/WorkingDay.js"
import { date, evaluate, find } from "./fixtures.js"

describe("Reminder: facts from the seeds", () => {
  it("seed 000, report due 2026-11-30: reminders 2026-10-30, 2026-11-16 and 2026-11-27 (30, 14, 3 days before)", () => {
    expect(Reminder.schedule(date("2026-11-30"))).toEqual([
      { stage: 30, on: "2026-10-30" },
      { stage: 14, on: "2026-11-16" },
      { stage: 3, on: "2026-11-27" }
    ])
  })
  it("seed 003, report due 2027-05-30: 30 days before is Friday 2027-04-30, 14 days before Sunday 2027-05-16 moves to Friday 2027-05-14", () => {
    expect(Reminder.schedule(date("2027-05-30"))).toEqual([
      { stage: 30, on: "2027-04-30" },
      { stage: 14, on: "2027-05-14" },
      { stage: 3, on: "2027-05-27" }
    ])
  })
  it("as of 2026-11-23 the 14-day stage is current for seed 000's report; on Friday 2026-11-27 the 3-day reminders for it and for seed 003's payout (Saturday 2026-11-28 moved back) are given", () => {
    const deadlines = evaluate("2026-11-23")
    expect(Reminder.current(find(deadlines, "000", "delredovisning", "2026-11-30"), date("2026-11-23"))?.stage).toBe(14)
    const given = Reminder.on(evaluate("2026-11-27"), date("2026-11-27"))
    expect(given.map((r) => [r.deadline.obligation.assignment, r.deadline.obligation.due, r.stage])).toEqual([
      ["S2024/01004", "2026-11-30", 3],
      ["S2025/01528", "2026-12-01", 3]
    ])
  })
  it("stages are configurable: 60 and 7 days", () => {
    expect(Reminder.schedule(date("2026-11-30"), [7, 60]).map((r) => r.stage)).toEqual([60, 7])
  })
  it("no reminder for a submitted duty", () => {
    const a = find(evaluate("2026-11-23"), "000", "delredovisning", "2026-11-30").obligation
    const deadlines = evaluate("2026-11-27", { submissions: [{ assignment: "S2024/01004", obligation: a.id, submittedOn: "2026-11-26" }] })
    expect(Reminder.on(deadlines, date("2026-11-27")).map((r) => r.deadline.obligation.assignment)).toEqual(["S2025/01528"])
  })
})

describe("Reminder: properties", () => {
  it("every reminder is on a working day, before the due date, no later than its stage", () => {
    const day = fc.integer({ min: 14_700, max: 23_700 }).map(CalendarDate.fromEpochDay)
    fc.assert(
      fc.property(day, fc.uniqueArray(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 5 }), (due, stages) => {
        for (const r of Reminder.schedule(due, stages)) {
          expect(WorkingDay.isWorkingDay(r.on)).toBe(true)
          expect(CalendarDate.daysBetween(r.on, due)).toBeGreaterThanOrEqual(r.stage)
          expect(CalendarDate.daysBetween(r.on, due)).toBeLessThan(r.stage + 7)
        }
      }),
      { numRuns: 100 }
    )
  })
})

describe("Reminder.parseStages: bad input", () => {
  it("parses and orders stages", () => {
    expect(Reminder.parseStages("14, 30,3")).toEqual(Result.succeed([30, 14, 3]))
  })
  it.each([
    ["30,-1", '[1]: "-1" är inte ett antal dagar'],
    ["30,,3", '[1]: "" är inte ett antal dagar'],
    ["30,1000", '[1]: "1000" är inte ett antal dagar'],
    ["14,14", "[1]: 14 dagar finns redan"],
    ["tre", '[0]: "tre" är inte ett antal dagar']
  ])("%s is refused", (text, message) => {
    const result = Reminder.parseStages(text, "--reminders")
    expect(Result.isFailure(result) && result.failure.message).toContain(`--reminders: ${message}`)
  })
})
