import { type FollowUp, Indicator } from "@uppdrag/indicators"
import * as Result from "effect/Result"
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

  it("the year of a cube: the latest by default, four digits within the cube's years, else YearOutsideCube", () => {
    const cube = { years: { from: 2020, to: 2024 } }
    expect(Result.getOrThrow(IndicatorTable.yearOf(cube, undefined))).toBe(2024)
    expect(Result.getOrThrow(IndicatorTable.yearOf(cube, "2021"))).toBe(2021)
    for (const text of ["2019", "2025", "21", "2021.0"]) {
      const year = IndicatorTable.yearOf(cube, text)
      expect(Result.isFailure(year) && year.failure.message).toBe(`--year ${text} ligger utanför kubens år 2020–2024`)
    }
  })

  it("the breakdown table: key, label under the dimension's Swedish header, value in the unit", () => {
    const indicator = Indicator.find("lpt-sluten-patienter")!
    const columns = IndicatorTable.breakdownColumns(indicator, "sex")
    expect(Table.fields(columns)).toEqual(["key", "label", "value"])
    expect(columns.map((c) => c.header)).toEqual(["Nyckel", "Kön", indicator.unit])
    expect(Table.cells(columns, { key: "K", label: "Kvinnor", value: null })).toEqual(["K", "Kvinnor", null])
  })

  it("follow-up: only the agreements on the indicator, with progress; the CSV fields of the CLI", () => {
    const indicator = Indicator.find("sjalvvald-inlaggning-platser")!
    const agreements: Array<FollowUp.Agreement> = [
      { region: "09", measure: indicator.id, baseline: { year: 2025, value: 2 }, target: { year: 2028, value: 6 }, values: [{ year: 2026, value: 4 }] },
      { region: "12", measure: "annat-matt", baseline: { year: 2025, value: 2 }, target: { year: 2028, value: 6 }, values: [] }
    ]
    const progress = IndicatorTable.followUp(agreements, indicator)
    expect(progress.map((p) => [p.region, p.progress, p.status])).toEqual([["09", 50, "på väg"]])
    const columns = IndicatorTable.followUpColumns(indicator)
    expect(Table.fields(columns)).toEqual(["region", "baselineYear", "baseline", "targetYear", "target", "latestYear", "latest", "progressPercent", "status"])
    expect(Table.cells(columns, progress[0]!)).toEqual(["09", 2025, 2, 2028, 6, 2026, 4, 50, "på väg"])
  })
})
