import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { DeadlineList, Table, Workload } from "../src/index.js"
import { DECEMBER_FIRST, runAt } from "./fixtures/layers.js"

describe("Workload.perMonth (in-memory log, TestClock at 2026-12-01)", () => {
  it("counts the dated duties of the same query DeadlineList answers, per month, with the total of every month", async () => {
    const query = { asOf: "2026-12-01", all: true, from: "2027-01-01", to: "2027-12-31" }
    const workload = Result.getOrThrow(await runAt(DECEMBER_FIRST, Workload.perMonth(query)))
    const listing = Result.getOrThrow(await runAt(DECEMBER_FIRST, DeadlineList.list(query)))
    const dated = listing.deadlines.filter((d) => d.obligation.due !== null)
    expect(workload.asOf).toBe("2026-12-01")
    expect(workload.total).toBe(dated.length)
    expect(workload.total).toBe(workload.months.reduce((sum, m) => sum + m.total, 0))
    expect(workload.months.every((m) => m.month >= "2027-01" && m.month <= "2027-12")).toBe(true)
  })

  it("seed 003: May 2027 holds the interim report due 2027-05-30", async () => {
    const workload = Result.getOrThrow(await runAt(DECEMBER_FIRST, Workload.perMonth({ asOf: "2026-12-01", all: true, from: "2027-05-01", to: "2027-05-31" })))
    const may = workload.months.find((m) => m.month === "2027-05")!
    expect(may.byKind.delredovisning).toBeGreaterThanOrEqual(1)
    expect(may.byAssignment["S2025/01528"]).toBeGreaterThanOrEqual(1)
  })

  it("a period without duties has no months and a total of 0", async () => {
    const workload = Result.getOrThrow(await runAt(DECEMBER_FIRST, Workload.perMonth({ asOf: "2026-12-01", from: "2099-01-01" })))
    expect([workload.months, workload.total]).toEqual([[], 0])
  })

  it("the CSV columns are month, total and one count per kind; the totals row under the summary reads Totalt", () => {
    const month: Workload.Month = { month: "2027-05", total: 3, byKind: { delredovisning: 2, rekvisition: 1 }, byAssignment: { "S2025/01528": 3 } }
    expect(Table.fields(Workload.columns).slice(0, 3)).toEqual(["month", "total", Workload.kinds[0]])
    expect(Table.cells(Workload.columns, month).slice(0, 2)).toEqual(["2027-05", 3])
    expect(Table.record(Workload.columns, month)).toMatchObject({ delredovisning: 2, rekvisition: 1, slutredovisning: 0 })
    expect(Workload.summaryColumns.map((c) => c.value(month))).toEqual(["2027-05", 3, "delredovisning 2, rekvisition 1", "S2025/01528 3"])
    expect(Workload.summaryColumns.map((c) => c.value(Workload.totals({ total: 7 })))).toEqual(["Totalt", 7, "", ""])
  })
})
