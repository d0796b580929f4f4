import type { CalendarDate } from "@uppdrag/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import * as Obligation from "../src/Obligation.js"
import { bySeed, catalog, obligations } from "./fixtures.js"

const collect = (options: Parameters<typeof Obligation.collect>[1]) => Obligation.collect(catalog.assignments, options)

const actionItem = {
  origin: "moten",
  id: "atgard-1",
  title: "Skicka underlag om tvångsåtgärder till IVO",
  due: "2026-12-04",
  responsible: "Socialstyrelsen",
  recipient: "Inspektionen för vård och omsorg"
}

describe("Obligation.collect: facts from the seeds", () => {
  it("every duty of every assignment in the catalog is collected", () => {
    expect(obligations()).toHaveLength(catalog.assignments.reduce((n, a) => n + a.obligations.length, 0))
  })
  it("seed 000, 'senast den 30 november 2026 lämna en delredovisning … till Regeringskansliet (Socialdepartementet)'", () => {
    const a = bySeed("000")
    const o = obligations().find((x) => x.assignmentId === a.id && x.due === "2026-11-30")!
    expect(o).toMatchObject({ kind: "delredovisning", assignment: "S2024/01004", recipient: "Regeringskansliet (Socialdepartementet)", responsible: "Socialstyrelsen" })
  })
  it("seed 000, 'Redovisning, rekvisition och återbetalning ska hänvisa till diarienumret': the repayment cites S2024/01004", () => {
    const a = bySeed("000")
    const o = obligations().find((x) => x.assignmentId === a.id && x.kind === "aterbetalning")!
    expect(o).toMatchObject({ due: "2025-03-31", recipient: "Kammarkollegiet", citeDiaryNumber: true })
    expect(o.diaryNumbers).toContain("S2024/01004")
  })
  it("seed 003, 'senast det datum som Socialstyrelsen bestämmer': the regions' reporting has no date yet", () => {
    const a = bySeed("003")
    const o = obligations().find((x) => x.assignmentId === a.id && x.due === null)!
    expect(o).toMatchObject({ kind: "ekonomisk-redovisning", dueSetBy: "Socialstyrelsen", recipient: "Socialstyrelsen" })
  })
  it("seed 002, 'återbetalas till Kammarkollegiet … senast den 1 april 2013'", () => {
    const a = bySeed("002")
    expect(obligations().find((x) => x.assignmentId === a.id && x.kind === "aterbetalning")).toMatchObject({ due: "2013-04-01", recipient: "Kammarkollegiet" })
  })
  it("keys are unique across the catalog", () => {
    const keys = obligations().map(Obligation.key)
    expect(new Set(keys).size).toBe(keys.length)
  })
  it("kinds are exactly core's eight, each with a Swedish label", () => {
    expect(Obligation.kinds).toEqual(["delredovisning", "slutredovisning", "ekonomisk-redovisning", "rekvisition", "utbetalning", "aterbetalning", "utvardering", "ovrigt"])
    expect(Obligation.kindLabel("aterbetalning")).toBe("Återbetalning")
  })
})

describe("Obligation.collect: extra duties and recorded dates", () => {
  it("a meeting's action item becomes an `ovrigt` duty tied to no assignment", () => {
    const all = Result.getOrThrow(collect({ extra: [actionItem] }))
    const o = all.find((x) => x.id === "atgard-1")!
    expect(o).toMatchObject({ kind: "ovrigt", assignmentId: null, assignment: null, origin: "moten", due: "2026-12-04" })
    expect(Obligation.key(o)).toBe("moten/atgard-1")
  })
  it("an action item tied to S2025/01528 carries its diary numbers", () => {
    const all = Result.getOrThrow(collect({ extra: [{ ...actionItem, assignment: "S2025/01528" }] }))
    const o = all.find((x) => x.id === "atgard-1")!
    expect(o.assignment).toBe("S2025/01528")
    expect(o.assignmentId).toBe(bySeed("003").id)
    expect(Obligation.belongsTo(o, "S2026/00095")).toBe(true)
  })
  it("a date recorded by Socialstyrelsen for the regions' reporting is used", () => {
    const a = bySeed("003")
    const id = a.obligations.find((o) => o.due === null)!.id
    const all = Result.getOrThrow(collect({ dueDates: [{ assignment: "S2025/01528", obligation: id, due: "2027-02-26" }] }))
    expect(all.find((x) => x.id === id && x.assignmentId === a.id)).toMatchObject({ due: "2027-02-26", dueSetBy: "Socialstyrelsen" })
  })
  it("a date set on 2026-12-10 is not yet known as of 2026-11-23, and is from that day on", () => {
    const a = bySeed("003")
    const id = a.obligations.find((o) => o.due === null)!.id
    const dueDates = [{ assignment: "S2025/01528", obligation: id, due: "2027-02-26", setOn: "2026-12-10" }]
    const dueOn = (asOf: string) => Result.getOrThrow(collect({ dueDates, asOf: asOf as CalendarDate.CalendarDate })).find((x) => x.id === id)?.due
    expect([dueOn("2026-11-23"), dueOn("2026-12-09"), dueOn("2026-12-10"), dueOn("2027-03-01")]).toEqual([null, null, "2027-02-26", "2027-02-26"])
  })
})

describe("Obligation.collect: bad input", () => {
  it("an action item for an unknown assignment is refused", () => {
    const result = collect({ extra: [{ ...actionItem, assignment: "S2099/00001" }] })
    expect(Result.isFailure(result) && result.failure._tag).toBe("UnknownAssignment")
    expect(Result.isFailure(result) && result.failure.message).toBe("moten/atgard-1: uppdraget S2099/00001 finns inte i katalogen")
  })
  it("missing fields, a date that does not exist and an unknown kind are each reported with their path", () => {
    const { title: _t, ...noTitle } = actionItem
    const result = collect({ extra: [noTitle, { ...actionItem, id: "b", due: "2026-02-30" }, { ...actionItem, id: "c", kind: "rapport" }] })
    expect(Result.isFailure(result)).toBe(true)
    const error = Result.isFailure(result) ? result.failure : undefined
    expect(error?._tag).toBe("ValidationError")
    expect(error?.message).toContain("extra skyldigheter: [0].title: saknas")
    expect(error?.message).toContain("[1].due: 2026-02-30 är inte ett giltigt datum")
    expect(error?.message).toContain("[2].kind: måste vara ett av")
  })
  it("a negative or wrongly typed date and an unknown field are refused", () => {
    const result = collect({ extra: [{ ...actionItem, due: "-2026-12-04" }, { ...actionItem, id: "d", due: 20261204 }, { ...actionItem, id: "e", extra: 1 }] })
    const message = Result.isFailure(result) ? result.failure.message : ""
    expect(message).toContain("[0].due:")
    expect(message).toContain("[1].due: förväntade text")
    expect(message).toContain("[2].extra: okänt fält")
  })
  it("a duplicate action item is refused", () => {
    const result = collect({ extra: [actionItem, actionItem] })
    expect(Result.isFailure(result) && result.failure.message).toBe("moten/atgard-1: finns redan")
  })
  it("a date recorded for a duty that has one in the decision is refused", () => {
    const a = bySeed("003")
    const id = a.obligations.find((o) => o.kind === "aterbetalning")!.id
    const result = collect({ dueDates: [{ assignment: a.id, obligation: id, due: "2027-04-30" }] })
    expect(Result.isFailure(result) && result.failure.message).toContain("har redan ett datum i beslutet (2027-03-31)")
  })
  it("a date recorded for a duty that does not exist is refused", () => {
    const result = collect({ dueDates: [{ assignment: "S2025/01528", obligation: "finns-inte", due: "2027-04-30" }] })
    expect(Result.isFailure(result) && result.failure._tag).toBe("UnknownObligation")
  })
  it("two different dates recorded for the same duty are refused", () => {
    const a = bySeed("003")
    const id = a.obligations.find((o) => o.due === null)!.id
    const result = collect({ dueDates: [{ assignment: a.id, obligation: id, due: "2027-02-26" }, { assignment: a.id, obligation: id, due: "2027-03-01" }] })
    expect(Result.isFailure(result) && result.failure.message).toContain("två olika datum")
  })
})
