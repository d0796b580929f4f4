import { CalendarDate } from "@uppdrag/core"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Reporting from "../src/Reporting.js"
import { bySeed } from "./fixtures.js"

// Seed 003 (S2025/01528): the 2026 grant for specialised psychiatric care.
const s2025 = bySeed("003")

describe("Reporting.decideReport", () => {
  it("seed 003: the interim report due 2027-05-30 may be recorded as submitted when nothing is recorded yet", () => {
    const decided = Reporting.decideReport(s2025, { obligation: "delredovisning-2027-05-30", region: null }, new Map())
    expect(Result.isSuccess(decided) && decided.success).toMatchObject({ id: "delredovisning-2027-05-30", kind: "delredovisning", due: "2027-05-30" })
  })

  it("seed 003 (decided 2026-01-22): a report dated before the decision, or after today, is refused", () => {
    const d = (text: string) => CalendarDate.unsafeParse(text)
    const report = (date: string) => ({ obligation: "delredovisning-2027-05-30", region: null, date: d(date), today: d("2026-12-02") })
    const early = Reporting.decideReport(s2025, report("2026-01-21"), new Map())
    expect(Result.isFailure(early) && early.failure).toMatchObject({ _tag: "ReportBeforeDecision", date: "2026-01-21", decided: "2026-01-22" })
    expect(Result.isFailure(early) && early.failure.message).toBe(
      "redovisningen delredovisning-2027-05-30 är daterad 2026-01-21, före beslutet i specialiserad-psykiatri-2026 (2026-01-22)"
    )
    const late = Reporting.decideReport(s2025, report("2099-05-28"), new Map())
    expect(Result.isFailure(late) && late.failure.message).toBe("redovisningen delredovisning-2027-05-30 är daterad 2099-05-28, efter dagens datum 2026-12-02")
    expect(Result.isSuccess(Reporting.decideReport(s2025, report("2026-01-22"), new Map()))).toBe(true)
    expect(Result.isSuccess(Reporting.decideReport(s2025, report("2026-12-02"), new Map()))).toBe(true)
  })

  it("property: a dated report is accepted exactly when decided ≤ date ≤ today", () => {
    const day = fc.integer({ min: CalendarDate.toEpochDay(CalendarDate.unsafeParse("2025-01-01")), max: CalendarDate.toEpochDay(CalendarDate.unsafeParse("2028-12-31")) }).map(CalendarDate.fromEpochDay)
    fc.assert(
      fc.property(day, day, (date, today) => {
        const decided = Reporting.decideReport(s2025, { obligation: "delredovisning-2027-05-30", region: null, date, today }, new Map())
        expect(Result.isSuccess(decided)).toBe(date >= s2025.decided && date <= today)
      }),
      { numRuns: 100 }
    )
  })

  it("seed 003: a second report for the same duty is refused with ReportAlreadySubmitted, naming the earlier event", () => {
    const decided = Reporting.decideReport(s2025, { obligation: "delredovisning-2027-05-30", region: null }, new Map([["delredovisning-2027-05-30", 4]]))
    const refusal = Result.isFailure(decided) ? decided.failure : undefined
    expect(refusal).toMatchObject({ _tag: "ReportAlreadySubmitted", obligation: "delredovisning-2027-05-30", earlier: 4 })
    expect(refusal?.message).toBe("redovisningen delredovisning-2027-05-30 är redan registrerad som inlämnad (händelse 4); återför den först om den ska ändras")
  })

  it("seed 003: each region reports its own part of the regions' reporting; Uppsala's report does not stop Gotland's", () => {
    const submitted = new Map([[Reporting.reportKey("regionernas-redovisning-2026", "03"), 7]])
    expect(Result.isSuccess(Reporting.decideReport(s2025, { obligation: "regionernas-redovisning-2026", region: "09" }, submitted))).toBe(true)
    expect(Result.isSuccess(Reporting.decideReport(s2025, { obligation: "regionernas-redovisning-2026", region: null }, submitted))).toBe(true)
    const again = Reporting.decideReport(s2025, { obligation: "regionernas-redovisning-2026", region: "03" }, submitted)
    expect(Result.isFailure(again) && again.failure).toMatchObject({ _tag: "ReportAlreadySubmitted", earlier: 7 })
  })

  it("an obligation the assignment does not have is refused with UnknownObligation, listing the known ones", () => {
    const decided = Reporting.decideReport(s2025, { obligation: "slutrapport-2030", region: null }, new Map())
    const refusal = Result.isFailure(decided) ? decided.failure : undefined
    expect(refusal).toMatchObject({ _tag: "UnknownObligation", assignment: "specialiserad-psykiatri-2026", obligation: "slutrapport-2030" })
    expect(refusal?._tag === "UnknownObligation" && refusal.known).toEqual(s2025.obligations.map((o) => o.id))
    expect(refusal?.message).toContain("uppdraget specialiserad-psykiatri-2026 har ingen skyldighet slutrapport-2030 (kända: delredovisning-2026-03-30, ")
  })
})

describe("Reporting.decideDueDate", () => {
  it("seed 003: the date of the regions' reporting is left to Socialstyrelsen (dueSetBy), so it may be set", () => {
    const duty = s2025.obligations.find((o) => o.id === "regionernas-redovisning-2026")
    expect(duty).toMatchObject({ due: null, dueSetBy: "Socialstyrelsen" })
    const decided = Reporting.decideDueDate(s2025, "regionernas-redovisning-2026", new Map())
    expect(Result.isSuccess(decided) && decided.success.id).toBe("regionernas-redovisning-2026")
  })

  it("seed 003: once set, the date is refused again with DueDateAlreadySet, naming the date and the event", () => {
    const decided = Reporting.decideDueDate(s2025, "regionernas-redovisning-2026", new Map([["regionernas-redovisning-2026", { seq: 1, due: "2027-02-26" }]]))
    const refusal = Result.isFailure(decided) ? decided.failure : undefined
    expect(refusal).toMatchObject({ _tag: "DueDateAlreadySet", obligation: "regionernas-redovisning-2026", due: "2027-02-26", earlier: 1 })
    expect(refusal?.message).toBe("datumet för regionernas-redovisning-2026 är redan fastställt till 2027-02-26 (händelse 1); återför den först om datumet ändras")
  })

  it("seed 003: the interim report's date is in the decision (2027-05-30), so nobody sets it: DueDateInDecision", () => {
    const decided = Reporting.decideDueDate(s2025, "delredovisning-2027-05-30", new Map())
    const refusal = Result.isFailure(decided) ? decided.failure : undefined
    expect(refusal).toMatchObject({ _tag: "DueDateInDecision", obligation: "delredovisning-2027-05-30", due: "2027-05-30" })
    expect(refusal?.message).toBe("skyldigheten delredovisning-2027-05-30 har redan ett datum i beslutet (2027-05-30); bara datum som någon annan bestämmer registreras")
  })

  it("an unknown obligation is refused with UnknownObligation before anything else", () => {
    const decided = Reporting.decideDueDate(s2025, "finns-inte", new Map([["finns-inte", { seq: 1, due: "2027-01-01" }]]))
    expect(Result.isFailure(decided) && decided.failure._tag).toBe("UnknownObligation")
  })

  it("property: a date may be set exactly for the duties whose decision leaves it to someone, and only while none is set", () => {
    fc.assert(
      fc.property(fc.constantFrom(...s2025.obligations), fc.boolean(), (duty, alreadySet) => {
        const set = alreadySet ? new Map([[duty.id, { seq: 3, due: "2027-02-26" }]]) : new Map()
        const decided = Reporting.decideDueDate(s2025, duty.id, set)
        expect(Result.isSuccess(decided)).toBe(duty.dueSetBy !== undefined && !alreadySet)
      }),
      { numRuns: 50 }
    )
  })
})

describe("Reporting.closesDuty and reportKey", () => {
  it("a report for the duty as a whole closes it; a region's report is one part of a shared duty and does not", () => {
    expect(Reporting.closesDuty({ region: null })).toBe(true)
    expect(Reporting.closesDuty({ region: "03" })).toBe(false)
  })

  it("the key is the obligation id, with the region for a region's own part", () => {
    expect(Reporting.reportKey("slutredovisning-2029-11-30", null)).toBe("slutredovisning-2029-11-30")
    expect(Reporting.reportKey("regionernas-redovisning-2026", "03")).toBe("regionernas-redovisning-2026/03")
  })

  it("property: keys of different regions, and of a region and the whole duty, never collide", () => {
    fc.assert(
      fc.property(fc.constantFrom(...s2025.obligations.map((o) => o.id)), fc.constantFrom(null, "01", "03", "09", "25"), fc.constantFrom(null, "01", "03", "09", "25"), (id, a, b) => {
        expect(Reporting.reportKey(id, a) === Reporting.reportKey(id, b)).toBe(a === b)
      }),
      { numRuns: 50 }
    )
  })
})
