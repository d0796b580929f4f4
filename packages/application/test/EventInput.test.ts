import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { EventInput } from "../src/index.js"

const option = (field: string) => `--${field}`

describe("EventInput.toEvent", () => {
  it("seed 003: a requisition of Uppsala's 58 203 923 kr reads from Swedish text", () => {
    const event = EventInput.toEvent("requisition", { grant: "specialiserad-psykiatri-2026", region: "Uppsala", amount: "58 203 923 kr", date: "2026-04-15" }, "anna", option)
    expect(Result.getOrThrow(event)).toEqual({ type: "requisition", grant: "specialiserad-psykiatri-2026", region: "03", amount: 58_203_923, date: "2026-04-15", recordedBy: "anna", note: "" })
  })

  it("a date set carries its date in the payload; a reversal its sequence number", () => {
    const due = EventInput.toEvent("due-date", { assignment: "a", obligation: "o", due: "2027-02-26", date: "2026-11-20", by: "bo" }, "anna", option)
    expect(Result.getOrThrow(due)).toMatchObject({ type: "due-date", payload: { due: "2027-02-26" }, recordedBy: "bo" })
    expect(Result.getOrThrow(EventInput.toEvent("reversal", { event: "7", date: "2026-05-02" }, "anna", option))).toMatchObject({ type: "reversal", reverses: 7 })
  })

  it("names every problem by its field: missing, Riket as a region, a bad amount, a bad id, a bad sequence number", () => {
    const money = EventInput.toEvent("requisition", { grant: "Fel Id", region: "00", amount: "1x", date: "2026-02-30" }, "anna", option)
    expect(Result.isFailure(money) && money.failure.map((i) => i.path)).toEqual(["--region", "--amount", "--date", "--grant"])
    expect(Result.isFailure(money) && money.failure[0]?.message).toBe("Riket (00) är ingen region; ange en av de 21 regionerna")
    const missing = EventInput.toEvent("reversal", { event: "0" }, "anna", (f) => f)
    expect(Result.isFailure(missing) && missing.failure).toEqual([
      { path: "date", message: "saknas" },
      { path: "event", message: '"0" är inget löpnummer (ett positivt heltal)' }
    ])
  })
})

describe("EventInput.fromRows", () => {
  const row = (line: number, cells: Record<string, string>) => ({ line, cells })
  const base = { grant: "specialiserad-psykiatri-2026", region: "03", amount: "100", date: "2026-04-15" }

  it("gives each row's event with its line", () => {
    const read = EventInput.fromRows("requisition", { header: Object.keys(base), rows: [row(2, base), row(3, { ...base, region: "12" })] }, "anna", { requireColumns: true })
    expect(Result.getOrThrow(read).map((l) => [l.line, l.event.region])).toEqual([
      [2, "03"],
      [3, "12"]
    ])
  })

  it("refuses unknown and repeated columns, missing required columns (CSV), duplicate rows and an empty file", () => {
    const header = EventInput.fromRows("requisition", { header: ["grant", "grant", "belopp"], rows: [row(2, {})] }, "anna", { requireColumns: true })
    expect(Result.isFailure(header) && header.failure.map((i) => `${i.path}: ${i.message}`)).toEqual([
      "grant: kolumnen finns två gånger",
      "belopp: okänt fält (tillåtna: grant, region, amount, date, by, note)",
      "region: kolumnen saknas",
      "amount: kolumnen saknas",
      "date: kolumnen saknas"
    ])
    const twice = EventInput.fromRows("requisition", { header: Object.keys(base), rows: [row(2, base), row(3, base)] }, "anna", { requireColumns: true })
    expect(Result.isFailure(twice) && twice.failure).toEqual([{ path: "", message: "raden är en dubblett av rad 2; skilj dem åt med note om båda ska registreras", line: 3 }])
    const empty = EventInput.fromRows("requisition", { header: Object.keys(base), rows: [] }, "anna", { requireColumns: true })
    expect(Result.isFailure(empty) && empty.failure[0]?.message).toBe("filen innehåller inga händelser")
  })

  it("a JSON batch (requireColumns false) names a missing field per row instead of a missing column", () => {
    const { amount: _, ...noAmount } = base
    const read = EventInput.fromRows("requisition", { header: Object.keys(noAmount), rows: [row(1, noAmount)] }, "anna", { requireColumns: false })
    expect(Result.isFailure(read) && read.failure).toEqual([{ path: "amount", message: "saknas", line: 1 }])
  })
})
