import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as DeadlineFilter from "../src/DeadlineFilter.js"
import * as Workload from "../src/Workload.js"
import { bySeed, date, evaluate } from "./fixtures.js"

describe("Workload.perMonth: facts from the seeds", () => {
  it("seed 003: May 2027 has the interim report due 2027-05-30", () => {
    const months = Workload.perMonth(DeadlineFilter.apply(evaluate("2026-11-23"), { assignment: "S2025/01528" }))
    expect(months.find((m) => m.month === "2027-05")).toEqual({ month: "2027-05", total: 1, byKind: { delredovisning: 1 }, byAssignment: { "S2025/01528": 1 } })
  })
  it("seed 000 and 004: March 2025 has four duties to Kammarkollegiet and one report (repayment and financial report each, and 004's report)", () => {
    const months = Workload.perMonth(evaluate("2024-06-01"))
    const march = months.find((m) => m.month === "2025-03")!
    expect(march.byAssignment).toEqual({ "S2024/01004": 2, "S2024/01463": 3 })
    expect(march.byKind).toEqual({ aterbetalning: 2, "ekonomisk-redovisning": 2, slutredovisning: 1 })
  })
  it("months without duties are listed with zero, so the series has no gaps", () => {
    const months = Workload.perMonth(DeadlineFilter.apply(evaluate("2026-11-23"), { assignment: bySeed("003").id }))
    expect(months[0]?.month).toBe("2026-03")
    expect(months.at(-1)?.month).toBe("2029-11")
    expect(months).toHaveLength(45)
    expect(months.find((m) => m.month === "2026-04")?.total).toBe(0)
  })
  it("property: the monthly totals add up to the dated duties in any date range", () => {
    const deadlines = evaluate("2026-11-23")
    fc.assert(
      fc.property(fc.integer({ min: 2011, max: 2030 }), fc.integer({ min: 0, max: 5 }), (year, span) => {
        const chosen = DeadlineFilter.apply(deadlines, { from: date(`${year}-01-01`), to: date(`${year + span}-12-31`) })
        const months = Workload.perMonth(chosen)
        expect(months.reduce((n, m) => n + m.total, 0)).toBe(chosen.length)
        for (const m of months) expect(Object.values(m.byKind).reduce((n, x) => n + (x ?? 0), 0)).toBe(m.total)
      }),
      { numRuns: 100 }
    )
  })
  it("nothing dated gives no months", () => {
    expect(Workload.perMonth([])).toEqual([])
  })
})
