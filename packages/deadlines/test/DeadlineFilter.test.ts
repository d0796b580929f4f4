import { describe, expect, it } from "vitest"
import * as DeadlineFilter from "../src/DeadlineFilter.js"
import { bySeed, date, evaluate } from "./fixtures.js"

const deadlines = evaluate("2026-11-23")

describe("DeadlineFilter", () => {
  it("by assignment diary number, in whole or cited in part (seed 003: S2026/00095 (delvis))", () => {
    const byMain = DeadlineFilter.apply(deadlines, { assignment: "S2025/01528" })
    expect(byMain).toHaveLength(bySeed("003").obligations.length)
    expect(DeadlineFilter.apply(deadlines, { assignment: "S2026/00095" })).toEqual(byMain)
    expect(DeadlineFilter.apply(deadlines, { assignment: bySeed("003").id })).toEqual(byMain)
  })
  it("by recipient, any part, ignoring case: seeds 000 and 004 send repayments, financial reports and requisitions to Kammarkollegiet", () => {
    const chosen = DeadlineFilter.apply(deadlines, { recipient: "kammarkollegiet" })
    expect(chosen.every((d) => d.obligation.recipient.includes("Kammarkollegiet"))).toBe(true)
    expect(chosen.filter((d) => d.obligation.assignment === "S2024/01004").map((d) => d.obligation.kind).sort()).toEqual(["aterbetalning", "ekonomisk-redovisning", "rekvisition"])
  })
  it("by kind and date range together: interim reports due in 2027", () => {
    const chosen = DeadlineFilter.apply(deadlines, { kind: "delredovisning", from: date("2027-01-01"), to: date("2027-12-31") })
    expect(chosen.map((d) => [d.obligation.assignment, d.obligation.due])).toEqual([["S2025/01528", "2027-05-30"]])
  })
  it("a date range leaves out duties without a date", () => {
    expect(DeadlineFilter.apply(deadlines, { from: date("2000-01-01") }).some((d) => d.obligation.due === null)).toBe(false)
  })
  it("by status", () => {
    expect(DeadlineFilter.apply(deadlines, { statuses: ["snart"] }).map((d) => d.obligation.due)).toEqual(["2026-11-30", "2026-12-01"])
  })
  it("an empty filter keeps everything", () => {
    expect(DeadlineFilter.apply(deadlines, {})).toEqual(deadlines)
  })
})
