import { fromZodIssues } from "@uppdrag/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Event } from "../src/index.js"

const issuesOf = (input: unknown) => {
  const parsed = Event.NewEventSchema.safeParse(input, { reportInput: true })
  return parsed.success ? [] : fromZodIssues(parsed.error.issues).map((i) => `${i.path}: ${i.message}`)
}

const uppsala = { type: "requisition", grant: "specialiserad-psykiatri-2026", region: "03", amount: 58_203_923, date: "2026-04-15", recordedBy: "anna" }

describe("Event.NewEvent", () => {
  it("seed 003: Uppsala's requisition of 58 203 923 kr is a valid event; the note defaults to empty", () => {
    const parsed = Event.NewEventSchema.safeParse(uppsala)
    expect(parsed.success && parsed.data).toEqual({ ...uppsala, note: "" })
  })

  it("money events need grant, region and amount; reports an obligation; meetings a payload", () => {
    expect(issuesOf({ type: "payout", date: "2026-06-01", recordedBy: "x" })).toEqual([
      "grant: saknas (krävs för utbetalning)",
      "region: saknas (krävs för utbetalning)",
      "amount: saknas (krävs för utbetalning)"
    ])
    expect(issuesOf({ type: "report", assignment: "a", date: "2026-06-01", recordedBy: "x" })).toEqual(["obligation: saknas (krävs för inlämnad redovisning)"])
    expect(issuesOf({ type: "meeting", assignment: "a", date: "2026-06-01", recordedBy: "x" })).toEqual(["payload: saknas (krävs för möte)"])
    expect(issuesOf({ type: "reversal", date: "2026-06-01", recordedBy: "x" })).toEqual(["reverses: saknas (krävs för återföring)"])
  })

  it("seed 003: a due-date event names the duty and carries the date Socialstyrelsen set as payload { due }", () => {
    const setDue = { type: "due-date", assignment: "specialiserad-psykiatri-2026", obligation: "regionernas-redovisning-2026", date: "2026-12-10", recordedBy: "x", payload: { due: "2027-02-26" } }
    expect(issuesOf(setDue)).toEqual([])
    expect(issuesOf({ ...setDue, payload: { due: "2027-02-30" } })).toEqual(['payload.due: saknas eller är inget datum (krävs för fastställt datum, t.ex. { "due": "2027-02-26" })'])
    expect(issuesOf({ ...setDue, region: "03" })).toEqual(["region: används inte för fastställt datum"])
    expect(Event.DueDatePayloadSchema.parse({ due: "2027-02-26" })).toEqual({ due: "2027-02-26" })
    expect(Event.DueDatePayloadSchema.safeParse({ due: "2027-02-26", extra: 1 }).success).toBe(false)
  })

  it("RecordedAtSchema takes UTC instants with milliseconds, as Date#toISOString writes them", () => {
    expect(Event.RecordedAtSchema.safeParse("2026-04-15T08:00:00.000Z").success).toBe(true)
    expect(Event.RecordedAtSchema.safeParse(new Date(Date.UTC(2026, 11, 1)).toISOString()).success).toBe(true)
    for (const bad of ["2026-04-15T08:00:00Z", "2026-04-15 10:00", "2026-04-15T10:00:00.000+02:00"]) expect(Event.RecordedAtSchema.safeParse(bad).success).toBe(false)
  })

  it("EventTypeSchema lists the ten event types, each with a Swedish name; four of them move money", () => {
    expect(Event.EventTypeSchema.options).toHaveLength(10)
    for (const type of Event.EventTypeSchema.options) expect(Event.typeName[type]).toMatch(/\S/)
    expect(Event.EventTypeSchema.options.filter(Event.isMoneyType)).toEqual(["requisition", "payout", "use", "repayment"])
  })

  it("fields that do not belong to the type are refused", () => {
    expect(issuesOf({ ...uppsala, reverses: 3 })).toEqual(["reverses: används inte för rekvisition"])
    expect(issuesOf({ type: "reversal", reverses: 1, amount: 5, date: "2026-06-01", recordedBy: "x" })).toEqual(["amount: används inte för återföring"])
  })

  it.each([
    ["a negative amount", { ...uppsala, amount: -1 }, "amount: beloppet får inte vara negativt (-1)"],
    ["an amount with öre", { ...uppsala, amount: 10.5 }, "amount: 10.5 är inte ett helt antal kronor"],
    ["an amount as text", { ...uppsala, amount: "100" }, 'amount: förväntade ett tal, fick "100"'],
    ["a date that does not exist", { ...uppsala, date: "2026-02-30" }, "date: 2026-02-30 är inte ett giltigt datum"],
    ["an unknown region", { ...uppsala, region: "02" }, 'region: okänd regionkod "02"'],
    ["Riket as region", { ...uppsala, region: "00" }, 'region: okänd regionkod "00"'],
    ["no one recording it", { ...uppsala, recordedBy: " " }, "recordedBy: får inte vara tom"],
    ["an unknown type", { ...uppsala, type: "gift" }, "type: måste vara ett av"],
    ["an unknown field", { ...uppsala, kommentar: "x" }, "kommentar: okänt fält"],
    ["a payload that is not JSON", { type: "meeting", assignment: "a", date: "2026-06-01", recordedBy: "x", payload: { n: Number.NaN } }, "payload"]
  ])("refuses %s", (_, input, message) => {
    expect(issuesOf(input).join("\n")).toContain(message)
  })

  it("property: any whole, non-negative, safe amount is accepted; any other number is refused", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.double(), fc.integer({ max: -1 })), (amount) => {
        const ok = Number.isSafeInteger(amount) && amount >= 0
        expect(Event.NewEventSchema.safeParse({ ...uppsala, amount }).success).toBe(ok)
      }),
      { numRuns: 200 }
    )
  })

  it("StoredEventSchema reads a stored row back and refuses one with a missing field", () => {
    const row = { seq: 1, type: "requisition", assignment: "specialiserad-psykiatri-2026", grant: "specialiserad-psykiatri-2026", region: "03", amount: 58_203_923,
      date: "2026-04-15", recordedBy: "anna", recordedAt: "2026-04-15T08:00:00.000Z", note: "", reverses: null, obligation: null, payload: null }
    expect(Event.StoredEventSchema.parse(row)).toEqual(row)
    expect(Object.keys(row)).toEqual([...Event.columns])
    const { note: _, ...noNote } = row
    expect(Event.StoredEventSchema.safeParse(noNote).success).toBe(false)
  })

  it("toCells writes nulls as empty cells and the payload as JSON", () => {
    const stored: Event.StoredEvent = {
      seq: 7,
      type: "meeting",
      assignment: "a",
      grant: null,
      region: null,
      amount: null,
      date: "2026-09-10" as never,
      recordedBy: "x",
      recordedAt: "2026-09-10T08:00:00.000Z",
      note: "möte",
      reverses: null,
      obligation: null,
      payload: { "ämne": "uppföljning" }
    }
    expect(Event.toCells(stored)).toEqual(["7", "meeting", "a", "", "", "", "2026-09-10", "x", "2026-09-10T08:00:00.000Z", "möte", "", "", '{"ämne":"uppföljning"}'])
  })
})

describe("Event.describe", () => {
  const stored: Event.StoredEvent = {
    seq: 1,
    type: "requisition",
    assignment: "specialiserad-psykiatri-2026",
    grant: "specialiserad-psykiatri-2026",
    region: "03" as never,
    amount: 58_203_923 as never,
    date: "2026-04-15" as never,
    recordedBy: "anna",
    recordedAt: "2026-04-15T08:00:00.000Z",
    note: "",
    reverses: null,
    obligation: null,
    payload: null
  }
  it("seed 003: Uppsala's requisition reads as kind, region, amount and date", () => {
    expect(Event.describe(stored)).toBe("rekvisition, Uppsala län, 58 203 923 kr, 2026-04-15")
  })
  it("a date set reads the date and when it was set; a reversal what it reverses", () => {
    const due = { ...stored, type: "due-date", grant: null, region: null, amount: null, obligation: "regionernas-redovisning-2026", payload: { due: "2027-02-26" } } as Event.StoredEvent
    expect(Event.describe(due)).toBe("fastställt datum, regionernas-redovisning-2026, 2027-02-26 (fastställt 2026-04-15)")
    const reversal = { ...stored, seq: 2, type: "reversal", region: null, amount: null, reverses: 1 } as Event.StoredEvent
    expect(Event.describe(reversal)).toBe("återföring, återför händelse 1, 2026-04-15")
  })
})
