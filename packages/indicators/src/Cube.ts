import { closeSync, existsSync, openSync, statSync } from "node:fs"
import { open } from "node:fs/promises"
import { availableParallelism } from "node:os"
import { fileURLToPath } from "node:url"
import { FileAccess, type Issue, ValidationError } from "@uppdrag/core"
import * as Result from "effect/Result"
import type { Denominators } from "./Denominator.js"
import { index as populationIndex } from "./Denominator.js"
import { type AgeGroup, ageGroups, type CareForm, careForms, regions, type Sex, sexes, type YearRange } from "./Dimension.js"
import { CHUNK, countChunks, countFile, type Outcome } from "./internal/CountEpisodes.js"
import { BANDS, baseIndex, type RawCounts } from "./internal/EpisodeRows.js"
import { defaultThreshold, protect, tableSize } from "./Suppression.js"

/**
 * The protected statistics cube: distinct patients and patients per 100 000
 * inhabitants for every year, region (Riket `00` first), sex (K, M, T), age
 * group (eight groups and `alla`) and care form, with small counts and their
 * complements masked. It is the only thing the package gives out: the
 * episode rows and unprotected counts never leave {@link fromEpisodes}.
 *
 * @example
 * import { Cube } from "@uppdrag/indicators"
 * const result = await Cube.fromEpisodeFile("episoder.csv", { years: { from: 2023, to: 2023 } })
 * if (result._tag === "Success") console.log(Cube.get(result.success, { year: 2023, region: "00", sex: "T", ageGroup: "alla", careForm: "sluten-lpt" }))
 * @since 0.2.0
 */
export interface Cube {
  readonly _tag: "Cube"
  readonly years: YearRange
  /** The smallest published count; counts from 1 to `threshold − 1` are masked. */
  readonly threshold: number
  /** Published counts; -1 where masked. Indexed by {@link cellIndex}. */
  readonly patients: Int32Array
  /** Patients per 100 000, one decimal; NaN where masked or the population is unknown. */
  readonly per100k: Float64Array
  /** Episode rows read and distinct patients seen (whole file, all years); null for a cube read back from JSON. */
  readonly rows: number | null
  readonly distinctPatients: number | null
}

/**
 * One cell of the cube, as published.
 *
 * @example
 * Cube.get(cube, { year: 2023, region: "09", sex: "K", ageGroup: "18-24", careForm: "akut-lrv" }) // { …, patients: null, per100k: null, suppressed: true }
 * @since 0.2.0
 */
export interface Cell {
  readonly year: number
  /** SCB code, `00` for Riket. */
  readonly region: string
  readonly sex: Sex
  readonly ageGroup: AgeGroup
  readonly careForm: CareForm
  /** Distinct patients, or null when masked. */
  readonly patients: number | null
  /** Patients per 100 000 inhabitants of the same region, sex and age group, or null. */
  readonly per100k: number | null
  readonly suppressed: boolean
}

/**
 * What a cell is addressed by.
 *
 * @example
 * const riket: Cube.Coordinates = { year: 2023, region: "00", sex: "T", ageGroup: "alla", careForm: "sluten-lpt" }
 * @since 0.2.0
 */
export interface Coordinates {
  readonly year: number
  readonly region: string
  readonly sex: Sex
  readonly ageGroup: AgeGroup
  readonly careForm: CareForm
}

/**
 * Options of {@link fromEpisodes}.
 *
 * @example
 * const options: Cube.Options = { years: { from: 2020, to: 2024 }, threshold: 5 }
 * @since 0.2.0
 */
export interface Options {
  /** The years of the cube; an open episode counts in every year from its start to `years.to`. */
  readonly years: YearRange
  /** Smallest published count (default 5, so 1–4 are masked); 2 to 100. */
  readonly threshold?: number
  /** Population for the rates; without it every rate is null. */
  readonly population?: Denominators
  /** Called as bytes are read (for a progress line). */
  readonly onProgress?: (bytesRead: number) => void
  /** The input's size in bytes when known, so the patient tables are sized once rather than grown. */
  readonly expectedBytes?: number
  /**
   * Threads for {@link fromEpisodeFile} (default 1: the calling thread alone).
   * The calling thread and `threads - 1` worker threads read parts of the file
   * (about 8 MB each, cut at line starts, claimed one after another), then each
   * counts a share of the patients (split by a hash of their id) from every
   * part, so no byte is read twice and the counts add up exactly; it pays off
   * when there are free cores (see bench/indicators.mjs).
   */
  readonly threads?: number
}

/**
 * Cells per year: 5 care forms × 22 regions × 3 sexes × 9 age groups.
 *
 * @example
 * Cube.cellsPerYear // 2970
 * @since 0.2.0
 */
export const cellsPerYear = careForms.length * 22 * 3 * 9

/**
 * Position of a cell in `patients` and `per100k`: `[year][careForm][region][sex][age]`.
 *
 * @example
 * Cube.cellIndex(0, 0, 0, 2, 8) // first year, sluten LPT, Riket, both sexes, all ages
 * @since 0.2.0
 */
export const cellIndex = (yi: number, careForm: number, region: number, sex: number, age: number): number =>
  (((yi * 5 + careForm) * 22 + region) * 3 + sex) * 9 + age

const regionIndex = new Map(regions.map((r, i) => [r.code as string, i]))

/**
 * The published cell at the given coordinates, or undefined outside the cube.
 *
 * @example
 * Cube.get(cube, { year: 2023, region: "00", sex: "T", ageGroup: "alla", careForm: "sluten-lpt" })?.patients
 * @since 0.2.0
 */
export const get = (cube: Cube, at: Coordinates): Cell | undefined => {
  const yi = at.year - cube.years.from
  const r = regionIndex.get(at.region)
  const s = sexes.indexOf(at.sex)
  const a = ageGroups.indexOf(at.ageGroup)
  const c = careForms.indexOf(at.careForm)
  if (yi < 0 || at.year > cube.years.to || r === undefined || s < 0 || a < 0 || c < 0) return undefined
  return cellAt(cube, yi, c, r, s, a)
}

const cellAt = (cube: Cube, yi: number, c: number, r: number, s: number, a: number): Cell => {
  const i = cellIndex(yi, c, r, s, a)
  const patients = cube.patients[i]!
  const rate = cube.per100k[i]!
  return {
    year: cube.years.from + yi,
    region: regions[r]!.code,
    sex: sexes[s]!,
    ageGroup: ageGroups[a]!,
    careForm: careForms[c]!,
    patients: patients < 0 ? null : patients,
    per100k: Number.isNaN(rate) ? null : rate,
    suppressed: patients < 0
  }
}

/**
 * Every published cell, year by year, then care form, region (Riket first),
 * sex, age group.
 *
 * @example
 * for (const cell of Cube.cells(cube)) if (cell.suppressed) console.log(cell.region)
 * @since 0.2.0
 */
export function* cells(cube: Cube): Generator<Cell> {
  const years = cube.years.to - cube.years.from + 1
  for (let yi = 0; yi < years; yi++)
    for (let c = 0; c < 5; c++) for (let r = 0; r < 22; r++) for (let s = 0; s < 3; s++) for (let a = 0; a < 9; a++) yield cellAt(cube, yi, c, r, s, a)
}

/**
 * Patients per 100 000 with one decimal, rounded half up, in integer
 * arithmetic so `2 / 3` gives exactly 66 666.7.
 *
 * @example
 * Cube.rate(3, 1000) // 300
 * Cube.rate(1, 3) // 33333.3
 * @since 0.2.0
 */
export const rate = (patients: number, population: number): number =>
  Math.floor((patients * 2_000_000 + population) / (2 * population)) / 10

/**
 * Protects raw counts: margins, primary and secondary suppression, rates.
 * Internal to the package; exported for the episode readers only.
 */
const protectCounts = (raw: RawCounts, options: Options): Cube => {
  const threshold = options.threshold ?? defaultThreshold
  const years = raw.years.to - raw.years.from + 1
  const patients = new Int32Array(years * cellsPerYear)
  const per100k = new Float64Array(years * cellsPerYear).fill(Number.NaN)
  const table = new Int32Array(tableSize)
  const masked = new Uint8Array(tableSize)
  for (let yi = 0; yi < years; yi++) {
    for (let c = 0; c < 5; c++) {
      table.fill(0)
      masked.fill(0)
      for (let r = 0; r < 22; r++) {
        for (let s = 0; s < 2; s++) {
          let all = 0
          for (let a = 0; a < BANDS; a++) {
            const n = raw.base[baseIndex(yi, c, r, s, a)]!
            table[(r * 3 + s) * 9 + a] = n
            table[(r * 3 + 2) * 9 + a] = table[(r * 3 + 2) * 9 + a]! + n
            all += n
          }
          table[(r * 3 + s) * 9 + 8] = all
          table[(r * 3 + 2) * 9 + 8] = table[(r * 3 + 2) * 9 + 8]! + all
        }
      }
      protect(table, masked, threshold)
      const offset = cellIndex(yi, c, 0, 0, 0)
      for (let k = 0; k < tableSize; k++) {
        if (masked[k]) {
          patients[offset + k] = -1
          continue
        }
        const n = table[k]!
        patients[offset + k] = n
        if (options.population !== undefined) {
          const r = Math.floor(k / 27)
          const s = Math.floor((k % 27) / 9)
          const a = k % 9
          const population = options.population.values[populationIndex(yi + raw.years.from - options.population.years.from, r, s, a)]
          if (population !== undefined && population > 0) per100k[offset + k] = rate(n, population)
        }
      }
      table.fill(0)
    }
  }
  return { _tag: "Cube", years: raw.years, threshold, patients, per100k, rows: raw.rows, distinctPatients: raw.patients }
}

const checkOptions = (options: Options, source: string): Array<Issue> => {
  const issues: Array<Issue> = []
  const threshold = options.threshold ?? defaultThreshold
  if (!Number.isInteger(threshold) || threshold < 2 || threshold > 100) issues.push({ path: "threshold", message: `tröskeln ska vara ett heltal från 2 till 100, fick ${threshold}` })
  const { from, to } = options.years
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1900 || to > 2200 || to < from) issues.push({ path: "years", message: `ogiltigt årsintervall ${from}-${to}` })
  else if (options.population !== undefined && (options.population.years.from > from || options.population.years.to < to))
    issues.push({ path: "population", message: `befolkningen täcker ${options.population.years.from}-${options.population.years.to}, inte ${from}-${to}` })
  void source
  return issues
}

/**
 * Counts and protects a stream of episode CSV chunks
 * (`patient,region,sex,birthYear,careForm,start,end`). A patient counts once
 * per cell in a year when any of their episodes overlaps it; a patient in two
 * regions counts in both, but once for Riket. Fails with every problem found
 * (file, line, field), and then no cube exists at all.
 *
 * @example
 * const chunks = [new TextEncoder().encode("patient,region,sex,birthYear,careForm,start,end\nP1,01,K,1990,sluten-lpt,2023-12-30,2024-01-02\n")]
 * const result = await Cube.fromEpisodes(chunks, "exempel.csv", { years: { from: 2023, to: 2024 }, threshold: 2 })
 * @since 0.2.0
 */
export const fromEpisodes = async (
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  source: string,
  options: Options
): Promise<Result.Result<Cube, ValidationError>> => {
  const optionIssues = checkOptions(options, source)
  if (optionIssues.length > 0) return Result.fail(new ValidationError({ source: "inställningar", issues: optionIssues }))
  return conclude(await countChunks(chunks, options.years, options.expectedBytes ?? 0, options.onProgress), source, options)
}

const conclude = (outcome: Outcome, source: string, options: Options): Result.Result<Cube, ValidationError> => {
  if ("issues" in outcome) return Result.fail(new ValidationError({ source, issues: outcome.issues }))
  // A header without rows would give a cube of zeros that looks like a result.
  if (outcome.counts.rows === 0) return Result.fail(new ValidationError({ source, issues: [{ path: "", message: "filen innehåller bara rubrikraden, inga episoder" }] }))
  return Result.succeed(protectCounts(outcome.counts, options))
}

/**
 * Reads an episode file in 1 MB chunks and builds the protected cube, as
 * {@link fromEpisodes}; memory grows with the rows (about 25 bytes each for
 * short ids), not with the file. With `threads`, the threads share the
 * reading and the counting.
 *
 * @example
 * const result = await Cube.fromEpisodeFile("episoder.csv", { years: { from: 2011, to: 2024 } })
 * @since 0.2.0
 */
export const fromEpisodeFile = async (path: string, options: Options): Promise<Result.Result<Cube, ValidationError>> => {
  const unreadable = (error: unknown): Result.Result<never, ValidationError> => {
    const problem = FileAccess.describe(error, "read")
    return Result.fail(new ValidationError({ source: path, issues: [{ path: "", message: problem.message, detail: problem.detail }] }))
  }
  // A regular file is read by byte ranges (in this thread, or in worker threads too), found without a
  // thread-pool round trip (the first costs some 15 ms); a pipe or a device is read as a stream.
  let size = -1
  try {
    const stat = statSync(path)
    if (stat.isFile()) size = stat.size
  } catch {
    size = -1
  }
  if (size >= 0) {
    try {
      // Unreadable before anything else, as a stream would be.
      closeSync(openSync(path, "r"))
    } catch (error) {
      return unreadable(error)
    }
    const optionIssues = checkOptions(options, path)
    if (optionIssues.length > 0) return Result.fail(new ValidationError({ source: "inställningar", issues: optionIssues }))
    const threads = Math.max(1, Math.min(options.threads ?? 1, availableParallelism() * 2, 16))
    // Worker threads run the built worker (a separate file of dist/); from source, this thread reads every range.
    const worker = new URL("./internal/CountWorker.js", import.meta.url)
    const built = threads > 1 && worker.protocol === "file:" && existsSync(fileURLToPath(worker))
    try {
      return conclude(await countFile(path, options.years, threads, size, options.onProgress, built ? worker : undefined), path, options)
    } catch (error) {
      if (typeof (error as { code?: unknown }).code === "string") return unreadable(error)
      throw error
    }
  }
  let handle: Awaited<ReturnType<typeof open>>
  try {
    handle = await open(path, "r")
  } catch (error) {
    return unreadable(error)
  }
  let expectedBytes = 0
  try {
    const stat = await handle.stat()
    if (stat.isDirectory()) {
      await handle.close()
      return unreadable({ code: "EISDIR" })
    }
    expectedBytes = stat.size
  } catch {
    expectedBytes = 0
  }
  async function* chunks(): AsyncGenerator<Uint8Array> {
    const buffer = new Uint8Array(CHUNK)
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null)
      if (bytesRead === 0) return
      yield buffer.subarray(0, bytesRead)
    }
  }
  try {
    return await fromEpisodes(chunks(), path, { expectedBytes, ...options })
  } catch (error) {
    // A read that fails midway (a disk error, a file removed under us): the errno, never a crash.
    if (typeof (error as { code?: unknown }).code === "string") return unreadable(error)
    throw error
  } finally {
    await handle.close()
  }
}
