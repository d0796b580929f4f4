import { type Issue, type Population, PopulationBasis, Region } from "@uppdrag/core"
import { ageBandStarts, type YearRange } from "./Dimension.js"

/**
 * One population figure: inhabitants of a region (or Riket, `00`) of one sex
 * (or both when `sex` is undefined) in an age band, on 31 December of `year`
 * (or of every year when `year` is undefined).
 *
 * @example
 * const row: Denominator.PopulationRow = { year: 2023, region: "09", sex: "K", age: { from: 18, to: 24 }, population: 2104 }
 * @since 0.2.0
 */
export interface PopulationRow {
  readonly year?: number | undefined
  readonly region: string
  readonly sex?: "K" | "M" | undefined
  readonly age: PopulationBasis.AgeBand
  readonly population: number
  /** Line in the source file, for messages. */
  readonly line?: number | undefined
}

/**
 * The population behind every rate of a cube: one figure per year, region
 * (Riket first), sex (K, M, T) and age group (eight groups, then `alla`);
 * `NaN` where unknown. Margins missing from the input are sums of their
 * parts (all ages from the eight groups, both sexes from K and M, Riket from
 * the 21 regions).
 *
 * @example
 * const result = Denominator.make(rows, { from: 2023, to: 2023 })
 * @since 0.2.0
 */
export interface Denominators {
  readonly years: YearRange
  readonly values: Float64Array
}

/**
 * Index of a population figure: `[year][region][sex][age]`.
 *
 * @example
 * d.values[Denominator.index(0, 0, 2, 8)] // Riket, both sexes, all ages, first year
 * @since 0.2.0
 */
export const index = (yi: number, region: number, sex: number, age: number): number => ((yi * 22 + region) * 3 + sex) * 9 + age

const regionIndex = new Map<string, number>([[Region.riket.code as string, 0], ...Region.all.map((r, i): [string, number] => [r.code, i + 1])])

const bandOf = (band: PopulationBasis.AgeBand): number | undefined => {
  if (band.from === 0 && band.to === undefined) return 8
  for (let g = 0; g < 8; g++) {
    const from = ageBandStarts[g]!
    const to = g === 7 ? undefined : ageBandStarts[g + 1]! - 1
    const fits = band.from >= from && (to === undefined || (band.to !== undefined && band.to <= to))
    if (fits) return g
  }
  return undefined
}

/**
 * Builds the denominators for `years` from population rows; rows outside the
 * years are ignored. By default a year's rates use the population on 31
 * December of that year; `lag: 1` uses the year before. Fails with every problem (unknown region, an age band
 * that straddles two age groups, a negative figure, a duplicate, a year of `years` without any population).
 *
 * @example
 * const d = Denominator.make([{ region: "01", age: { from: 0, to: undefined }, population: 2_454_821 }], { from: 2024, to: 2024 })
 * if ("values" in d) d.values[Denominator.index(0, 1, 2, 8)] // 2454821
 * @since 0.2.0
 */
export const make = (rows: Iterable<PopulationRow>, years: YearRange, options: { lag?: number } = {}): Denominators | { issues: ReadonlyArray<Issue> } => {
  const count = years.to - years.from + 1
  // With a lag of 1 the rates of year Y use the population of 31 December Y − 1
  // (as the 2012 agreement, seed 002: "befolkningen den 31 december året före").
  const lag = options.lag ?? 0
  if (lag !== 0) rows = [...rows].map((row) => (row.year === undefined ? row : { ...row, year: row.year + lag }))
  const values = new Float64Array(count * 22 * 3 * 9)
  const given = new Uint8Array(values.length)
  const issues: Array<Issue> = []
  const general: Array<PopulationRow> = []
  const specific: Array<PopulationRow> = []
  for (const row of rows) (row.year === undefined ? general : specific).push(row)
  const seen = new Set<string>()
  const add = (row: PopulationRow, yi: number, rowIssues: boolean): void => {
    const region = regionIndex.get(row.region)
    const band = bandOf(row.age)
    const sex = row.sex === "K" ? 0 : row.sex === "M" ? 1 : 2
    if (region === undefined) {
      if (rowIssues) issues.push({ line: row.line, path: "region", message: `okänd region ${JSON.stringify(row.region)}` } as Issue)
      return
    }
    if (band === undefined) {
      if (rowIssues)
        issues.push({ line: row.line, path: "age", message: `åldern ${PopulationBasis.format(row.age)} passar inte i åldersgrupperna 0-17, 18-24, 25-34, 35-44, 45-54, 55-64, 65-74, 75+` } as Issue)
      return
    }
    if (!Number.isSafeInteger(row.population) || row.population < 0) {
      if (rowIssues) issues.push({ line: row.line, path: "population", message: `folkmängden ${row.population} är inte ett icke-negativt heltal` } as Issue)
      return
    }
    const exact = PopulationBasis.format(row.age)
    const key = `${row.year ?? "*"}|${row.region}|${row.sex ?? "T"}|${exact}`
    if (rowIssues && seen.has(key)) {
      issues.push({ line: row.line, path: "", message: `dubblett: ${row.region} ${row.sex ?? "båda könen"} ${exact}${row.year === undefined ? "" : ` ${row.year}`} finns redan` } as Issue)
      return
    }
    if (rowIssues) seen.add(key)
    const i = index(yi, region, sex, band)
    values[i] = values[i]! + row.population
    given[i] = 1
  }
  const specificYears = new Set(specific.map((row) => row.year))
  // A year with no population would give rates of null for the whole year: refused, naming it.
  if (general.length === 0) {
    const known = [...specificYears].filter((y): y is number => y !== undefined).map((y) => y - lag).sort((a, b) => a - b)
    for (let year = years.from; year <= years.to; year++) {
      if (specificYears.has(year)) continue
      const basis = lag === 0 ? `31 december ${year}` : `31 december ${year - lag}, året före`
      const have = known.length === 0 ? "ingen befolkning alls" : `befolkning finns för ${known.join(", ")}`
      issues.push({ path: "", message: `befolkning saknas för ${year} (${basis}); ${have}` })
    }
    if (issues.length > 0) return { issues }
  }
  for (let yi = 0; yi < count; yi++) {
    const year = years.from + yi
    if (specificYears.has(year)) {
      for (const row of specific) if (row.year === year) add(row, yi, true)
    } else {
      for (const row of general) add(row, yi, yi === 0)
    }
  }
  for (const row of specific) if (row.year !== undefined && (row.year < years.from || row.year > years.to)) add(row, -1, false)
  if (issues.length > 0) return { issues }
  // Fill the margins that were not given: alla from the groups, T from K + M, Riket from the regions.
  for (let yi = 0; yi < count; yi++) {
    for (let r = 0; r < 22; r++)
      for (let s = 0; s < 3; s++) {
        const total = index(yi, r, s, 8)
        if (given[total]) continue
        let sum = 0
        let all = true
        for (let a = 0; a < 8; a++) {
          const i = index(yi, r, s, a)
          if (!given[i]) all = false
          sum += values[i]!
        }
        if (all) {
          values[total] = sum
          given[total] = 1
        }
      }
    for (let r = 0; r < 22; r++)
      for (let a = 0; a < 9; a++) {
        const t = index(yi, r, 2, a)
        if (given[t]) continue
        const k = index(yi, r, 0, a)
        const m = index(yi, r, 1, a)
        if (given[k] && given[m]) {
          values[t] = values[k]! + values[m]!
          given[t] = 1
        }
      }
    for (let s = 0; s < 3; s++)
      for (let a = 0; a < 9; a++) {
        const riket = index(yi, 0, s, a)
        if (given[riket]) continue
        let sum = 0
        let all = true
        for (let r = 1; r < 22; r++) {
          const i = index(yi, r, s, a)
          if (!given[i]) all = false
          sum += values[i]!
        }
        if (all) {
          values[riket] = sum
          given[riket] = 1
        }
      }
  }
  for (let i = 0; i < values.length; i++) if (!given[i]) values[i] = Number.NaN
  return { years, values }
}

/**
 * The rows of a population read by `Population.parse` from @uppdrag/core
 * (project CSV with an optional `sex` column, SCB PxWeb CSV or JSON-stat), as
 * figures for 31 December of `year` (every year when undefined).
 *
 * @example
 * const rows = Denominator.fromPopulation(Result.getOrThrow(Population.parseFile("befolkning-2023.csv")), 2023)
 * @since 0.2.0
 */
export const fromPopulation = (population: Population.Population, year?: number): Array<PopulationRow> =>
  population.rows.map((row) => ({
    year,
    region: row.region,
    sex: row.sex === "T" ? undefined : row.sex,
    age: row.band,
    population: row.population,
    line: row.line
  }))
