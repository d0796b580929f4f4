import * as Cube from "./Cube.js"
import { type AgeGroup, ageGroupLabel, ageGroups, type CareForm, careFormLabel, careForms, regions, type Sex, sexes, sexLabel } from "./Dimension.js"
import type { Indicator } from "./Indicator.js"

/**
 * Comparison between regions, the "unwarranted variation in practice" the
 * seeds worry about: each region's value, rank, ratio to Riket and change
 * from the previous year, and the spread between regions (coefficient of
 * variation). Only published cells of the protected cube are used, so a
 * masked cell shows as null and is left out of ranks and spread.
 *
 * @example
 * import { Comparison, Indicator } from "@uppdrag/indicators"
 * const table = Comparison.byRegion(cube, Indicator.find("lpt-sluten-per100k")!, { year: 2023 })
 * table.coefficientOfVariation // e.g. 18.4 (per cent)
 * @since 0.2.0
 */
export interface RegionRow {
  /** SCB code, `00` for Riket. */
  readonly region: string
  readonly name: string
  readonly value: number | null
  /** 1 = best (highest, or lowest when lower is better; highest when neither); null for Riket and masked values. */
  readonly rank: number | null
  /** Value divided by Riket's, two decimals. */
  readonly ratioToRiket: number | null
  /** Value minus last year's value, one decimal. */
  readonly change: number | null
  /** Change in per cent of last year's value, one decimal. */
  readonly changePercent: number | null
}

/**
 * A comparison of the 21 regions and Riket for one indicator and year.
 *
 * @example
 * Comparison.byRegion(cube, indicator, { year: 2023 }).rows.length // 22
 * @since 0.2.0
 */
export interface RegionComparison {
  readonly indicator: string
  readonly year: number
  readonly sex: Sex
  readonly ageGroup: AgeGroup
  /** Riket first, then the 21 regions in SCB order. */
  readonly rows: ReadonlyArray<RegionRow>
  /** Standard deviation of the regions' published values over their mean, in per cent, one decimal. */
  readonly coefficientOfVariation: number | null
  /** Regions with a published value. */
  readonly published: number
}

const round = (value: number, decimals: number): number => {
  const f = 10 ** decimals
  return Math.round(value * f + Math.sign(value) * 1e-9) / f
}

/**
 * The value of a register indicator in one cell of the cube: the count, the
 * rate, or the share of women (K of T, per cent, one decimal), or null when
 * not published.
 *
 * @example
 * Comparison.value(cube, Indicator.find("lpt-sluten-andel-kvinnor")!, { year: 2023, region: "00", sex: "T", ageGroup: "alla" })
 * @since 0.2.0
 */
export const value = (
  cube: Cube.Cube,
  indicator: Indicator,
  at: { year: number; region: string; sex: Sex; ageGroup: AgeGroup; careForm?: CareForm }
): number | null => {
  const careForm = at.careForm ?? indicator.careForm
  if (careForm === undefined || indicator.measure === undefined) return null
  const cell = Cube.get(cube, { year: at.year, region: at.region, sex: at.sex, ageGroup: at.ageGroup, careForm })
  if (cell === undefined) return null
  if (indicator.measure === "patienter") return cell.patients
  if (indicator.measure === "per100k") return cell.per100k
  const women = Cube.get(cube, { year: at.year, region: at.region, sex: "K", ageGroup: at.ageGroup, careForm })?.patients ?? null
  const total = Cube.get(cube, { year: at.year, region: at.region, sex: "T", ageGroup: at.ageGroup, careForm })?.patients ?? null
  if (women === null || total === null || total === 0) return null
  return Math.floor((women * 2000 + total) / (2 * total)) / 10
}

/**
 * Compares the regions for a register indicator in one year (both sexes and
 * all ages unless given).
 *
 * @example
 * Comparison.byRegion(cube, Indicator.find("lrv-domstol-per100k")!, { year: 2023 }).rows[1]!.rank
 * @since 0.2.0
 */
export const byRegion = (cube: Cube.Cube, indicator: Indicator, options: { year: number; sex?: Sex; ageGroup?: AgeGroup }): RegionComparison => {
  const sex = options.sex ?? "T"
  const ageGroup = options.ageGroup ?? "alla"
  const at = (region: string, year: number): number | null => value(cube, indicator, { year, region, sex, ageGroup })
  const riket = at("00", options.year)
  const values = regions.map((r) => at(r.code, options.year))
  const published = values.slice(1).filter((v): v is number => v !== null)
  const direction = indicator.higherIsBetter === false ? 1 : -1
  const rows = regions.map((region, i): RegionRow => {
    const v = values[i]!
    const previous = at(region.code, options.year - 1)
    const rank = i === 0 || v === null ? null : 1 + published.filter((other) => direction * (other - v) < 0).length
    return {
      region: region.code,
      name: region.name,
      value: v,
      rank,
      ratioToRiket: v === null || riket === null || riket === 0 ? null : round(v / riket, 2),
      change: v === null || previous === null ? null : round(v - previous, 1),
      changePercent: v === null || previous === null || previous === 0 ? null : round((100 * (v - previous)) / previous, 1)
    }
  })
  return { indicator: indicator.id, year: options.year, sex, ageGroup, rows, coefficientOfVariation: coefficientOfVariation(published), published: published.length }
}

/**
 * Population standard deviation over the mean, in per cent with one decimal;
 * null for fewer than two values or a zero mean.
 *
 * @example
 * Comparison.coefficientOfVariation([10, 20, 30]) // 40.8
 * @since 0.2.0
 */
export const coefficientOfVariation = (values: ReadonlyArray<number>): number | null => {
  if (values.length < 2) return null
  const mean = values.reduce((a, b) => a + b, 0) / values.length
  if (mean === 0) return null
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length
  return round((100 * Math.sqrt(variance)) / mean, 1)
}

/**
 * One line of a breakdown by sex, age group or care form.
 *
 * @example
 * const row: Comparison.BreakdownRow = { key: "K", label: "Kvinnor", value: 5 }
 * @since 0.2.0
 */
export interface BreakdownRow {
  readonly key: string
  readonly label: string
  readonly value: number | null
}

/**
 * A register indicator for one region (Riket by default) and year, split by
 * sex, age group or care form.
 *
 * @example
 * Comparison.breakdown(cube, Indicator.find("lpt-sluten-patienter")!, { year: 2023, by: "sex" }).map((r) => r.value)
 * @since 0.2.0
 */
export const breakdown = (
  cube: Cube.Cube,
  indicator: Indicator,
  options: { year: number; by: "sex" | "age" | "careForm"; region?: string }
): Array<BreakdownRow> => {
  const region = options.region ?? "00"
  const base = { year: options.year, region, sex: "T" as Sex, ageGroup: "alla" as AgeGroup }
  switch (options.by) {
    case "sex":
      return sexes.map((sex) => ({ key: sex, label: sexLabel(sex), value: value(cube, indicator, { ...base, sex }) }))
    case "age":
      return ageGroups.map((ageGroup) => ({ key: ageGroup, label: ageGroupLabel(ageGroup), value: value(cube, indicator, { ...base, ageGroup }) }))
    case "careForm":
      return careForms.map((careForm) => ({ key: careForm, label: careFormLabel(careForm), value: value(cube, indicator, { ...base, careForm }) }))
  }
}
