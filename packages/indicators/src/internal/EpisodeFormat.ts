import type { Issue } from "@uppdrag/core"
import type { YearRange } from "../Dimension.js"

/**
 * What every part of the count shares about the episode file and the raw
 * counts, without the reading itself: the columns and limits, the problems
 * list, the header and row shapes, the messages of the count's own checks,
 * and the {@link RowFormat} that readers are given. It imports nothing at
 * run time, so a worker thread starts without the CSV library and
 * @uppdrag/core (some 100 ms), and loads the full reader (EpisodeRows) only
 * for a line the scanner's fast path does not take.
 */

/**
 * Distinct-patient counts straight from the episode file, before any
 * protection. Internal: only the protected cube leaves the package.
 *
 * `base` is indexed `[year][careForm][region][sex][ageBand]` with region 0 =
 * Riket (distinct patients in the country), 1–21 the regions in SCB order,
 * sex 0 = K, 1 = M, and the eight age bands. Sex and age are properties of a
 * patient in a year, so the `T` and `alla` margins are sums of these cells;
 * Riket is not the sum of the regions.
 */
export interface RawCounts {
  readonly years: YearRange
  readonly base: Int32Array
  readonly rows: number
  readonly patients: number
}

export const REGIONS = 22
export const BANDS = 8
export const FORMS = 5
export const baseIndex = (yi: number, cf: number, r: number, sex: number, band: number): number =>
  (((yi * FORMS + cf) * REGIONS + r) * 2 + sex) * BANDS + band

/** The column names of the episode file. */
export const columns = ["patient", "region", "sex", "birthYear", "careForm", "start", "end"] as const

/** Reading stops after this many problems. */
export const MAX_ISSUES = 50
export const MIN_BIRTH_YEAR = 1880
/** Longest patient id, in bytes. */
export const MAX_ID_BYTES = 200

export const daysIn = (year: number, month: number): number =>
  month === 2 ? ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31

/** Problems in file order, at most {@link MAX_ISSUES}. */
export class Issues {
  readonly list: Array<Issue> = []
  add(line: number, path: string, message: string): void {
    if (this.list.length < MAX_ISSUES) this.list.push({ line, path, message })
  }
  get full(): boolean {
    return this.list.length >= MAX_ISSUES
  }
}

/** Where each column is: `at[role]` is the field index of `columns[role]`. */
export interface Header {
  readonly at: ReadonlyArray<number>
  readonly fields: number
}

/** Whether the header is exactly `columns` in their order: the scanner's fast path. */
export const isCanonical = (header: Header): boolean => header.fields === columns.length && header.at.every((field, role) => field === role)

/** Marks a blank line before the header (tolerated). */
export const BLANK = "blank" as const

/** The problems of one patient seen with another sex or birth year on an earlier row. */
export const sexConflict = (sex: number, knownSex: number, firstLine: number): string =>
  `patienten har kön ${sex === 0 ? "K" : "M"} här men ${knownSex === 0 ? "K" : "M"} på rad ${firstLine}`
export const birthYearConflict = (birthYear: number, knownBirthYear: number, firstLine: number): string =>
  `patienten har födelseår ${birthYear} här men ${knownBirthYear} på rad ${firstLine}`

/** One valid row: the patient id is `buf[patientStart, patientEnd)`. */
export interface Row {
  readonly buf: Uint8Array
  readonly patientStart: number
  readonly patientEnd: number
  /** 1–21 */
  readonly region: number
  /** 0 = K, 1 = M */
  readonly sex: number
  readonly birthYear: number
  readonly careForm: number
  readonly startYear: number
  /** Infinity while the episode is open. */
  readonly endYear: number
}

/** Reads one line of a file with a given header: RowReader, the reference. */
export interface LineReader {
  /** The line `[s, e)` (line end removed, not blank), or undefined when it has problems (added to `issues`). */
  read(buf: Uint8Array, s: number, e: number, line: number, issues: Issues): Row | undefined
}

/**
 * The format as the readers are given it: the code tables the fast paths
 * use, and the reference reader of a header and of a row (EpisodeRows). A
 * worker thread starts with the tables alone; its reader then throws
 * {@link NeedsRowReader} until the full one is loaded.
 */
export interface RowFormat {
  /** Region code (two ASCII digits as a number 0–99) to region index 1–21; 0 = unknown. */
  readonly regionIndexByCode: Uint8Array
  /** Age in whole years to age band 0–7. */
  readonly ageBandByAge: Uint8Array
  readHeader(buf: Uint8Array, s: number, e: number, line: number, issues: Issues): Header | typeof BLANK | undefined
  reader(header: Header): LineReader
}

/** Thrown by a format that has no reference reader yet: load EpisodeRows and read the range again. */
export class NeedsRowReader extends Error {
  constructor() {
    super("the row reader is not loaded")
  }
}
