import type { Comparison, Indicator } from "@uppdrag/indicators"
import type * as Table from "./Table.js"

/**
 * How indicator values are shown, written once for the CLI's
 * `indicators show` and the web view's Indikatorer: how many decimals a unit
 * carries, and the by-region comparison table (fields, Swedish headers,
 * kinds and decimals) every format renders.
 *
 * @example
 * import { IndicatorTable } from "@uppdrag/application"
 * IndicatorTable.decimalsOf("antal platser") // 0
 * IndicatorTable.decimalsOf("per 100 000 invånare") // 1
 */
export type Unit = Indicator.Indicator["unit"]

/**
 * The decimals a value in `unit` is shown with: none for counts (`antal`,
 * `antal platser`), one for rates and shares.
 *
 * @example
 * IndicatorTable.decimalsOf("antal") // 0
 * IndicatorTable.decimalsOf("procent") // 1
 */
export const decimalsOf = (unit: Unit): number => (unit === "antal" || unit === "antal platser" ? 0 : 1)

/**
 * The by-region comparison of one indicator and year: region code, name,
 * value in the indicator's unit (null when protected), rank, ratio to Riket
 * (two decimals), change from the year before (in the unit's decimals) and
 * that change in per cent (one decimal).
 *
 * @example
 * const columns = IndicatorTable.byRegionColumns(indicator, 2023)
 * Table.fields(columns) // ["region", "name", "value", "rank", "ratioToRiket", "change", "changePercent"]
 */
export const byRegionColumns = (indicator: Indicator.Indicator, year: number): Table.Columns<Comparison.RegionRow> => {
  const decimals = decimalsOf(indicator.unit)
  const kind: Table.Kind = decimals === 0 ? "integer" : "decimal"
  return [
    { field: "region", header: "Kod", kind: "text", value: (r) => r.region },
    { field: "name", header: "Region", kind: "text", value: (r) => r.name },
    { field: "value", header: indicator.unit, kind, decimals, value: (r) => r.value },
    { field: "rank", header: "Rang", kind: "integer", value: (r) => r.rank },
    { field: "ratioToRiket", header: "Kvot mot riket", kind: "decimal", decimals: 2, value: (r) => r.ratioToRiket },
    { field: "change", header: `Förändring från ${year - 1}`, kind, decimals, value: (r) => r.change },
    { field: "changePercent", header: `Förändring från ${year - 1} (%)`, kind: "decimal", decimals: 1, value: (r) => r.changePercent }
  ]
}
