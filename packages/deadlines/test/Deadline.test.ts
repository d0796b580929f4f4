import { CalendarDate } from "@uppdrag/core"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Deadline from "../src/Deadline.js"
import { bySeed, date, evaluate, find, obligations } from "./fixtures.js"

describe("Deadline.evaluate: acceptance facts from the seeds", () => {
  it("seed 000, 'senast den 30 november 2026 lämna en delredovisning': as of 2026-11-23 it is snart with 7 days (5 working days) left", () => {
    const d = find(evaluate("2026-11-23"), "000", "delredovisning", "2026-11-30")
    expect(Deadline.toRow(d)).toEqual({
      assignment: "S2024/01004",
      title: d.obligation.title,
      kind: "delredovisning",
      due: "2026-11-30",
      recipient: "Regeringskansliet (Socialdepartementet)",
      status: "snart",
      daysLeft: 7,
      workingDaysLeft: 5,
      nonWorkingDay: null,
      nextWorkingDay: null
    })
  })
  it("seed 003, 'senast den 30 maj 2027 … lämna en delredovisning': flagged söndag, next working day 2027-05-31, date not moved", () => {
    const d = find(evaluate("2026-11-23"), "003", "delredovisning", "2027-05-30")
    expect(d).toMatchObject({ nonWorkingDay: "söndag", nextWorkingDay: "2027-05-31", status: "kommande", daysLeft: 188 })
    expect(d.obligation.due).toBe("2027-05-30")
  })
  it("seed 002, 'återbetalas till Kammarkollegiet … senast den 1 april 2013': flagged annandag påsk, next working day 2013-04-02", () => {
    const d = find(evaluate("2013-03-01"), "002", "aterbetalning", "2013-04-01")
    expect(d).toMatchObject({ nonWorkingDay: "annandag påsk", nextWorkingDay: "2013-04-02", status: "kommande", daysLeft: 31 })
  })
  it("seed 003, 'senast det datum som Socialstyrelsen bestämmer': not yet set, no days left", () => {
    const d = find(evaluate("2026-11-23"), "003", "ekonomisk-redovisning", null)
    expect(Deadline.toRow(d)).toMatchObject({ due: null, status: "datum-ej-satt", daysLeft: null, workingDaysLeft: null, nonWorkingDay: null, nextWorkingDay: null })
  })
  it("without recorded submissions, seed 000's 2025 report is forsenad as of 2026-11-23 (from the date alone)", () => {
    expect(find(evaluate("2026-11-23"), "000", "delredovisning", "2025-11-30").status).toBe("forsenad")
  })
  it("the list is soonest first, undated duties last", () => {
    const due = evaluate("2026-11-23").map((d) => d.obligation.due)
    const dated = due.filter((x) => x !== null)
    expect(dated).toEqual([...dated].sort())
    expect(due.slice(dated.length).every((x) => x === null)).toBe(true)
  })
})

describe("Deadline.evaluate: status from recorded submissions", () => {
  const a = bySeed("000")
  const id = (due: string) => a.obligations.find((o) => o.kind === "delredovisning" && o.due === due)!.id
  it("submitted on or before the due date is inlamnad; after it, inlamnad-sent", () => {
    const deadlines = evaluate("2026-11-23", {
      submissions: [
        { assignment: "S2024/01004", obligation: id("2024-11-30"), submittedOn: "2024-11-29" },
        { assignment: a.id, obligation: id("2025-11-30"), submittedOn: "2025-12-01" }
      ]
    })
    expect(find(deadlines, "000", "delredovisning", "2024-11-30")).toMatchObject({ status: "inlamnad", submittedOn: "2024-11-29" })
    expect(find(deadlines, "000", "delredovisning", "2025-11-30")).toMatchObject({ status: "inlamnad-sent", submittedOn: "2025-12-01" })
  })
  it("a submission after the as-of date is not yet known then", () => {
    const deadlines = evaluate("2026-11-23", { submissions: [{ assignment: "S2024/01004", obligation: id("2026-11-30"), submittedOn: "2026-11-27" }] })
    expect(find(deadlines, "000", "delredovisning", "2026-11-30").status).toBe("snart")
    const later = evaluate("2026-11-27", { submissions: [{ assignment: "S2024/01004", obligation: id("2026-11-30"), submittedOn: "2026-11-27" }] })
    expect(find(later, "000", "delredovisning", "2026-11-30").status).toBe("inlamnad")
  })
  it("the earliest of several submissions counts", () => {
    const deadlines = evaluate("2026-11-23", {
      submissions: [
        { assignment: "S2024/01004", obligation: id("2025-11-30"), submittedOn: "2025-12-05" },
        { assignment: "S2024/01004", obligation: id("2025-11-30"), submittedOn: "2025-11-20" }
      ]
    })
    expect(find(deadlines, "000", "delredovisning", "2025-11-30")).toMatchObject({ status: "inlamnad", submittedOn: "2025-11-20" })
  })
  it("a submission for a duty that does not exist is refused", () => {
    const result = Deadline.evaluate(obligations(), { asOf: date("2026-11-23"), submissions: [{ assignment: "S2024/01004", obligation: "finns-inte", submittedOn: "2025-11-20" }] })
    expect(Result.isFailure(result) && result.failure.message).toBe("inlämning: S2024/01004 har ingen skyldighet med id finns-inte")
  })
  it("a malformed submission is refused with its path", () => {
    const result = Deadline.evaluate(obligations(), { asOf: date("2026-11-23"), submissions: [{ assignment: "S2024/01004", submittedOn: "2025-13-01" }] })
    const message = Result.isFailure(result) ? result.failure.message : ""
    expect(message).toContain("inlämningar: [0].obligation: saknas")
    expect(message).toContain("[0].submittedOn: 2025-13-01 är inte ett giltigt datum")
  })
})

describe("Deadline: open and done statuses", () => {
  it("every status is either open or done", () => {
    expect([...Deadline.openStatuses, ...Deadline.doneStatuses].sort()).toEqual([...Deadline.statuses].sort())
    expect(Deadline.openStatuses).toEqual(["datum-ej-satt", "kommande", "snart", "forsenad"])
  })
})

describe("Deadline.statusOf: the window", () => {
  it("due today is snart with 0 days left; the day after, forsenad", () => {
    expect(Deadline.statusOf(date("2026-11-30"), null, date("2026-11-30"), 30)).toBe("snart")
    expect(Deadline.statusOf(date("2026-11-30"), null, date("2026-12-01"), 30)).toBe("forsenad")
  })
  it("within 7 days: 7 days left is snart, 8 is kommande", () => {
    expect(Deadline.statusOf(date("2026-11-30"), null, date("2026-11-23"), 7)).toBe("snart")
    expect(Deadline.statusOf(date("2026-11-30"), null, date("2026-11-22"), 7)).toBe("kommande")
  })
  it("property: the status follows daysLeft and the window", () => {
    const day = fc.integer({ min: 14_000, max: 24_000 }).map(CalendarDate.fromEpochDay)
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 400 }), (due, asOf, within) => {
        const left = CalendarDate.daysBetween(asOf, due)
        const status = Deadline.statusOf(due, null, asOf, within)
        expect(status).toBe(left < 0 ? "forsenad" : left <= within ? "snart" : "kommande")
      }),
      { numRuns: 100 }
    )
  })
  it("property: workingDaysLeft never exceeds daysLeft in size and has its sign", () => {
    const obligation = obligations().find((o) => o.due !== null)!
    const day = fc.integer({ min: 15_000, max: 23_000 }).map(CalendarDate.fromEpochDay)
    fc.assert(
      fc.property(day, day, (due, asOf) => {
        const d = Deadline.make({ ...obligation, due }, asOf, 30, null)
        expect(Math.abs(d.workingDaysLeft!)).toBeLessThanOrEqual(Math.abs(d.daysLeft!))
        expect(Math.sign(d.workingDaysLeft!) * Math.sign(d.daysLeft!)).toBeGreaterThanOrEqual(0)
      }),
      { numRuns: 60 }
    )
  })
})

describe("Deadline.evaluate: dates before the holiday rules are refused", () => {
  it("an asOf in 2004 is a ValidationError naming the first year, not a guess", () => {
    const result = Deadline.evaluate(obligations(), { asOf: date("2004-12-31") })
    expect(Result.isFailure(result) && result.failure._tag).toBe("ValidationError")
    if (Result.isFailure(result)) expect(result.failure.message).toBe("asOf: 2004-12-31: svenska helgdagar och vardagar beräknas från 2005 (lag (1989:253) i lydelse från 2005)")
  })
  it("a duty due in 2004 is named by its key", () => {
    const [first] = obligations()
    const result = Deadline.evaluate([{ ...first!, due: date("2004-06-01") }], { asOf: date("2026-11-23") })
    expect(Result.isFailure(result) && result.failure.message).toBe(
      `skyldigheter: ${first!.assignmentId}/${first!.id}: förfallodagen 2004-06-01: svenska helgdagar och vardagar beräknas från 2005 (lag (1989:253) i lydelse från 2005)`
    )
  })
})

describe("Deadline.evaluate at the end of the supported range (1900–2199)", () => {
  it("an asOf of 2199-12-31 counts back to every duty", () => {
    const result = Result.getOrThrow(Deadline.evaluate(obligations(), { asOf: date("2199-12-31") }))
    expect(result.length).toBe(obligations().length)
    // Every dated duty lies in the past on that day.
    expect(result.every((d) => d.obligation.due === null || d.daysLeft! < 0)).toBe(true)
    expect(result.some((d) => d.status === "forsenad")).toBe(true)
  })
  it("a duty due on nyårsafton 2199, whose next working day would be in 2200, is refused by its key", () => {
    const [first] = obligations()
    const result = Deadline.evaluate([{ ...first!, due: date("2199-12-31") }], { asOf: date("2199-12-01") })
    expect(Result.isFailure(result) && result.failure.message).toBe(
      `skyldigheter: ${first!.assignmentId}/${first!.id}: förfallodagen 2199-12-31 är ingen vardag och nästa vardag ligger utanför de datum som stöds (1900-01-01–2199-12-31)`
    )
    const friday = Result.getOrThrow(Deadline.evaluate([{ ...first!, due: date("2199-12-30") }], { asOf: date("2199-12-01") }))
    expect(friday[0]).toMatchObject({ nonWorkingDay: null, nextWorkingDay: null, daysLeft: 29 })
  })
})
