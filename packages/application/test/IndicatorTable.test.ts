import { Indicator } from "@uppdrag/indicators"
import { describe, expect, it } from "vitest"
import { IndicatorTable, Table } from "../src/index.js"

describe("IndicatorTable", () => {
  it("counts show no decimals, rates and shares one (issue 11: the CLI and the web view disagreed on 'antal platser')", () => {
    expect(IndicatorTable.decimalsOf("antal")).toBe(0)
    expect(IndicatorTable.decimalsOf("antal platser")).toBe(0)
    expect(IndicatorTable.decimalsOf("per 100 000 invånare")).toBe(1)
    expect(IndicatorTable.decimalsOf("procent")).toBe(1)
    expect(IndicatorTable.decimalsOf("platser per 100 000 vuxna")).toBe(1)
  })

  it("the by-region table carries the CLI's CSV fields and the unit's decimals", () => {
    const indicator = Indicator.all.find((i) => i.unit === "antal platser")!
    const columns = IndicatorTable.byRegionColumns(indicator, 2023)
    expect(Table.fields(columns)).toEqual(["region", "name", "value", "rank", "ratioToRiket", "change", "changePercent"])
    const row = { region: "03", name: "Uppsala län", value: 12, rank: 4, ratioToRiket: 1.234, change: -2, changePercent: -14.29 }
    expect(columns.map((c) => Table.display(c, c.value(row)))).toEqual(["03", "Uppsala län", "12", "4", "1,23", "−2", "−14,3"])
  })
})
