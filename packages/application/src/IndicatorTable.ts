import { type Comparison, type Cube, Dimension, FollowUp, type Indicator } from "@uppdrag/indicators"
import * as Data from "effect/Data"
import * as Result from "effect/Result"
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
 * @since 0.2.0
 */
export type Unit = Indicator.Indicator["unit"]

/**
 * The decimals a value in `unit` is shown with: none for counts (`antal`,
 * `antal platser`), one for rates and shares.
 *
 * @example
 * IndicatorTable.decimalsOf("antal") // 0
 * IndicatorTable.decimalsOf("procent") // 1
 * @since 0.2.0
 */
export const decimalsOf = (unit: Unit): number => (unit === "antal" || unit === "antal platser" ? 0 : 1)

/**
 * What people read for a value held back by the small-count protection.
 *
 * @since 0.2.0
 */
export const protectedText = "skyddat"

const labelsOf = <K extends string>(keys: ReadonlyArray<K>, label: (key: K) => string): Readonly<Record<string, string>> => Object.fromEntries(keys.map((k) => [k, label(k)]))

/**
 * The published cube, one row per cell: the fields of `Publication.toCsv`
 * (year, region code, sex, age group, care form, patients, per 100 000,
 * protected) with Swedish headers, and for people the region's, sex's, age
 * group's and care form's names (`K` → `Kvinnor`, `sluten-lpt` → its name).
 *
 * @example
 * Table.headers(IndicatorTable.cubeColumns)[0] // "År"
 * @since 0.2.0
 */
export const cubeColumns: Table.Columns<Cube.Cell> = [
  { field: "year", header: "År", kind: "text", value: (c) => c.year },
  { field: "region", header: "Region", kind: "text", labels: labelsOf(Dimension.regions.map((r) => r.code), (code) => Dimension.regions.find((r) => r.code === code)?.name ?? code), value: (c) => c.region },
  { field: "sex", header: "Kön", kind: "text", labels: labelsOf(Dimension.sexes, Dimension.sexLabel), value: (c) => c.sex },
  { field: "ageGroup", header: "Åldersgrupp", kind: "text", labels: labelsOf(Dimension.ageGroups, Dimension.ageGroupLabel), value: (c) => c.ageGroup },
  { field: "careForm", header: "Vårdform", kind: "text", labels: labelsOf(Dimension.careForms, Dimension.careFormLabel), value: (c) => c.careForm },
  { field: "patients", header: Dimension.measureLabel("patienter"), kind: "integer", value: (c) => c.patients },
  { field: "per100k", header: Dimension.measureLabel("per100k"), kind: "decimal", decimals: 1, value: (c) => c.per100k },
  { field: "suppressed", header: "Skyddat", kind: "flag", value: (c) => c.suppressed }
]

/**
 * The by-region comparison of one indicator and year: region code, name,
 * value in the indicator's unit (null when protected), rank, ratio to Riket
 * (two decimals), change from the year before (in the unit's decimals) and
 * that change in per cent (one decimal).
 *
 * @example
 * const columns = IndicatorTable.byRegionColumns(indicator, 2023)
 * Table.fields(columns) // ["region", "name", "value", "rank", "ratioToRiket", "change", "changePercent"]
 * @since 0.2.0
 */
export const byRegionColumns = (indicator: Indicator.Indicator, year: number): Table.Columns<Comparison.RegionRow> => {
  const decimals = decimalsOf(indicator.unit)
  const kind: Table.Kind = decimals === 0 ? "integer" : "decimal"
  return [
    { field: "region", header: "Kod", kind: "text", value: (r) => r.region },
    { field: "name", header: "Region", kind: "text", value: (r) => r.name },
    { field: "value", header: indicator.unit, kind, decimals, absent: protectedText, value: (r) => r.value },
    { field: "rank", header: "Rang", kind: "integer", value: (r) => r.rank },
    { field: "ratioToRiket", header: "Kvot mot riket", kind: "decimal", decimals: 2, value: (r) => r.ratioToRiket },
    { field: "change", header: `Förändring från ${year - 1}`, kind, decimals, value: (r) => r.change },
    { field: "changePercent", header: `Förändring från ${year - 1} (%)`, kind: "decimal", decimals: 1, value: (r) => r.changePercent }
  ]
}

/**
 * A year (`--year`) that is not one of the cube's years.
 *
 * @since 0.2.0
 */
export class YearOutsideCube extends Data.TaggedError("YearOutsideCube")<{ readonly year: string; readonly from: number; readonly to: number }> {
  override get message(): string {
    return `--year ${this.year} ligger utanför kubens år ${this.from}–${this.to}`
  }
}

/**
 * The year to show of a cube: the one asked for (four digits, within the
 * cube's years), else the cube's latest.
 *
 * @example
 * IndicatorTable.yearOf(cube, "2023") // Result.succeed(2023)
 * IndicatorTable.yearOf(cube, undefined) // Result.succeed(cube.years.to)
 * @since 0.2.0
 */
export const yearOf = (cube: Pick<Cube.Cube, "years">, text: string | undefined): Result.Result<number, YearOutsideCube> => {
  if (text === undefined) return Result.succeed(cube.years.to)
  const year = Number(text)
  if (!/^\d{4}$/.test(text) || year < cube.years.from || year > cube.years.to) return Result.fail(new YearOutsideCube({ year: text, from: cube.years.from, to: cube.years.to }))
  return Result.succeed(year)
}

/**
 * The Swedish header of a breakdown's dimension.
 *
 * @since 0.2.0
 */
export const breakdownHeaders: Readonly<Record<"sex" | "age" | "careForm", string>> = { sex: "Kön", age: "Ålder", careForm: "Vårdform" }

/**
 * The breakdown of one indicator by sex, age group or care form: key, label
 * (under the dimension's Swedish header) and value in the indicator's unit.
 *
 * @example
 * Table.fields(IndicatorTable.breakdownColumns(indicator, "sex")) // ["key", "label", "value"]
 * @since 0.2.0
 */
export const breakdownColumns = (indicator: Indicator.Indicator, by: "sex" | "age" | "careForm"): Table.Columns<Comparison.BreakdownRow> => {
  const decimals = decimalsOf(indicator.unit)
  return [
    { field: "key", header: "Nyckel", kind: "text", value: (r) => r.key },
    { field: "label", header: breakdownHeaders[by], kind: "text", value: (r) => r.label },
    { field: "value", header: indicator.unit, kind: decimals === 0 ? "integer" : "decimal", decimals, absent: protectedText, value: (r) => r.value }
  ]
}

/**
 * Each region's progress on a follow-up measure (`FollowUp.progress` of
 * the agreements in a follow-up file that concern `indicator`), in file order.
 *
 * @example
 * IndicatorTable.followUp(agreements, indicator).map((p) => p.status) // ["på väg", …]
 * @since 0.2.0
 */
export const followUp = (agreements: ReadonlyArray<FollowUp.Agreement>, indicator: Pick<Indicator.Indicator, "id">): Array<FollowUp.Progress> =>
  agreements.filter((a) => a.measure === indicator.id).map(FollowUp.progress)

/**
 * The follow-up table: region, baseline, target and latest value with their
 * years (in the unit's decimals), progress in per cent and status.
 *
 * @example
 * Table.fields(IndicatorTable.followUpColumns(indicator))[0] // "region"
 * @since 0.2.0
 */
export const followUpColumns = (indicator: Indicator.Indicator): Table.Columns<FollowUp.Progress> => {
  const decimals = decimalsOf(indicator.unit)
  const kind: Table.Kind = decimals === 0 ? "integer" : "decimal"
  return [
    { field: "region", header: "Kod", kind: "text", value: (p) => p.region },
    { field: "baselineYear", header: "Baslinjeår", kind: "integer", value: (p) => p.baseline.year },
    { field: "baseline", header: "Baslinje", kind, decimals, value: (p) => p.baseline.value },
    { field: "targetYear", header: "Målår", kind: "integer", value: (p) => p.target.year },
    { field: "target", header: "Mål", kind, decimals, value: (p) => p.target.value },
    { field: "latestYear", header: "Senaste år", kind: "integer", value: (p) => p.latest?.year ?? null },
    { field: "latest", header: "Senaste", kind, decimals, value: (p) => p.latest?.value ?? null },
    { field: "progressPercent", header: "Framsteg (%)", kind: "decimal", decimals: 1, value: (p) => p.progress },
    { field: "status", header: "Status", kind: "text", value: (p) => p.status }
  ]
}
