import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as DeadlineList from "../src/DeadlineList.js"
import * as IndicatorTable from "../src/IndicatorTable.js"
import * as MeetingRecords from "../src/MeetingRecords.js"
import * as Table from "../src/Table.js"

const column = (kind: Table.Kind, extra: Partial<Table.Column<unknown>> = {}): Table.Column<unknown> => ({ field: "x", header: "X", kind, value: () => null, ...extra })

describe("Table.forPeople: the Swedish values of the exports for people", () => {
  it("reads the deadline statuses and kinds in Swedish (Försenad, Delredovisning), flags as Ja/Nej, and leaves the machine cells alone", () => {
    const status = DeadlineList.columns.find((c) => c.field === "status")!
    const kind = DeadlineList.columns.find((c) => c.field === "kind")!
    expect(Table.forPeople(status, "forsenad")).toBe("Försenad")
    expect(Table.forPeople(status, "datum-ej-satt")).toBe("Datum ej satt")
    expect(Table.forPeople(kind, "delredovisning")).toBe("Delredovisning")
    expect(Table.forPeople(kind, "ekonomisk-redovisning")).toBe("Ekonomisk redovisning")
    expect(Table.forPeople(column("flag"), true)).toBe("Ja")
    expect(Table.forPeople(column("flag"), false)).toBe("Nej")
    const consulted = MeetingRecords.coverageColumns.find((c) => c.field === "consulted")!
    expect(Table.forPeople(consulted, false)).toBe("Inte ännu")
    // The machine cells and the terminal's display stay as they were.
    expect(Table.cells([status, kind], { status: "forsenad", obligation: { kind: "delredovisning" } } as never)).toEqual(["forsenad", "delredovisning"])
    expect(Table.display(consulted, false)).toBe("nej")
  })

  it("keeps numbers numbers and dates ISO; a missing value is the column's absent text or null", () => {
    expect(Table.forPeople(column("kronor"), 58_203_923)).toBe(58_203_923)
    expect(Table.forPeople(column("date"), "2027-05-30")).toBe("2027-05-30")
    expect(Table.forPeople(column("integer"), null)).toBeNull()
    expect(Table.forPeople(column("text"), "")).toBeNull()
    const cube = IndicatorTable.cubeColumns
    expect(Table.headers(cube)).toEqual(["År", "Region", "Kön", "Åldersgrupp", "Vårdform", "Antal patienter", "Antal patienter/100 000 inv", "Skyddat"])
    expect(Table.peopleCells(cube, { year: 2023, region: "03", sex: "K", ageGroup: "alla", careForm: "sluten-lpt", patients: null, per100k: null, suppressed: true })).toEqual([
      2023,
      "Uppsala län",
      "Kvinnor",
      "Alla åldrar",
      expect.any(String),
      null,
      null,
      "Ja"
    ])
  })

  it("rounds a decimal to the decimals the column shows, as its display does", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 3 }), (value, decimals) => {
        const c = column("decimal", { decimals })
        const people = Table.forPeople(c, value) as number
        expect(Math.abs(people - value)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9)
        expect(Table.display(c, people)).toBe(Table.display(c, value))
      }),
      { numRuns: 300 }
    )
  })
})
