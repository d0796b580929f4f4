import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { LogExport } from "../src/index.js"

const event = {
  seq: 1,
  type: "requisition",
  assignment: "specialiserad-psykiatri-2026",
  grant: "specialiserad-psykiatri-2026",
  region: "03",
  amount: 58_203_923,
  date: "2026-04-15",
  recordedBy: "anna",
  recordedAt: "2026-04-15T08:00:00.000Z",
  note: "",
  reverses: null,
  obligation: null,
  payload: null
}
const doc = { format: "uppdrag-händelselogg", schemaVersion: 2, events: [event] }
const parse = (text: string | Uint8Array) => LogExport.parse(typeof text === "string" ? new TextEncoder().encode(text) : text, "export.json")
const messages = (text: string | Uint8Array) => {
  const result = parse(text)
  return Result.isFailure(result) ? result.failure.issues.map((i) => `${i.path}: ${i.message}`) : []
}

describe("LogExport", () => {
  it("stringify and parse round-trip, with a byte order mark allowed", () => {
    const text = LogExport.stringify(doc as never)
    expect(Result.isSuccess(parse(`\uFEFF${text}`)) && parse(text)).toEqual(Result.succeed(doc))
    expect(text.trimEnd().split("\n")).toHaveLength(7)
  })

  it("an empty log is a valid export", () => {
    expect(Result.isSuccess(parse(LogExport.stringify({ format: LogExport.format, schemaVersion: 2, events: [] })))).toBe(true)
  })

  it.each([
    ["malformed JSON", "{ events: [", "ogiltig JSON"],
    ["the wrong format", JSON.stringify({ ...doc, format: "annat" }), 'format: måste vara ett av "uppdrag-händelselogg"'],
    ["a missing field", JSON.stringify({ ...doc, events: [{ ...event, recordedBy: undefined }] }), "events[0].recordedBy: saknas"],
    ["a duplicate or skipped sequence number", JSON.stringify({ ...doc, events: [event, event] }), "events[1].seq: förväntade löpnummer 2, fick 1"],
    ["a negative amount", JSON.stringify({ ...doc, events: [{ ...event, amount: -3 }] }), "events[0].amount: beloppet får inte vara negativt (-3)"],
    ["a recording time that is not UTC", JSON.stringify({ ...doc, events: [{ ...event, recordedAt: "2026-04-15 10:00" }] }), "events[0].recordedAt: måste vara en tidpunkt i UTC"]
  ])("refuses %s, naming the path", (_, text, message) => {
    expect(messages(text).join("\n")).toContain(message)
  })

  it("refuses a file that is not UTF-8", () => {
    expect(messages(Uint8Array.from([0x7b, 0xe5, 0x7d]))).toEqual([": filen är inte kodad som UTF-8"])
  })
})
