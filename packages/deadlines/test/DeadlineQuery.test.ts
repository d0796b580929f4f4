import { Result } from "effect"
import { describe, expect, it } from "vitest"
import * as DeadlineQuery from "../src/DeadlineQuery.js"
import { catalog, date } from "./fixtures.js"

const today = date("2026-11-23")
const decode = (raw: DeadlineQuery.Raw) => DeadlineQuery.decode(raw, catalog.assignments, today)
const messageOf = (raw: DeadlineQuery.Raw): string => {
  const result = decode(raw)
  return Result.isFailure(result) ? result.failure.message : "accepted"
}

describe("DeadlineQuery.decode", () => {
  it("defaults: today and 30 days", () => {
    expect(decode({})).toEqual(Result.succeed({ asOf: "2026-11-23", within: 30, filter: {} }))
  })
  it("all options", () => {
    expect(decode({ asOf: "2027-05-01", within: "7", assignment: "S2024/01004", kind: "delredovisning", recipient: "Social", from: "2027-01-01", to: "2027-12-31" })).toEqual(
      Result.succeed({ asOf: "2027-05-01", within: 7, filter: { assignment: "S2024/01004", kind: "delredovisning", recipient: "Social", from: "2027-01-01", to: "2027-12-31" } })
    )
  })
  it.each([
    [{ asOf: "2026-02-30" }, "--as-of: 2026-02-30 är inte ett giltigt datum"],
    [{ asOf: "23/11/2026" }, '--as-of: "23/11/2026" är inte ett datum på formen ÅÅÅÅ-MM-DD'],
    [{ within: "-1" }, '--within: "-1" är inte ett antal dagar'],
    [{ within: "3.5" }, '--within: "3.5" är inte ett antal dagar'],
    [{ kind: "rapport" }, '--kind: okänd typ "rapport"; giltiga typer: delredovisning, slutredovisning'],
    [{ assignment: "S2099/00001" }, '--assignment: uppdraget "S2099/00001" finns inte i katalogen'],
    [{ assignment: "inget-diarienummer" }, '--assignment: uppdraget "inget-diarienummer" finns inte i katalogen'],
    [{ from: "2027-12-31", to: "2027-01-01" }, "--to: 2027-01-01 ligger före 2027-12-31"],
    [{ recipient: " " }, "--recipient: får inte vara tom"],
    [{ status: "sen" }, '--status: okänd status "sen"; giltiga: datum-ej-satt, kommande, snart, forsenad, inlamnad, inlamnad-sent']
  ])("%o is refused: %s", (raw, message) => {
    expect(messageOf(raw)).toContain(`uppdrag deadlines: ${message}`)
  })
  it("a status becomes a one-status filter", () => {
    expect(decode({ status: "forsenad" })).toEqual(Result.succeed({ asOf: "2026-11-23", within: 30, filter: { statuses: ["forsenad"] } }))
  })
  it("messages name the command given", () => {
    const result = DeadlineQuery.decode({ asOf: "x" }, catalog.assignments, today, "uppdrag start")
    expect(Result.isFailure(result) && result.failure.message).toBe('uppdrag start: --as-of: "x" är inte ett datum på formen ÅÅÅÅ-MM-DD')
  })
  it("several problems are reported together", () => {
    expect(messageOf({ asOf: "x", kind: "y" }).split("\n")).toHaveLength(2)
  })
})
