import type { Issue } from "@uppdrag/core"
import type { YearRange } from "../Dimension.js"
import { BANDS, birthYearConflict, FORMS, MAX_ISSUES, REGIONS, sexConflict } from "./EpisodeFormat.js"
import { finish, HASH_SEED, mixWord, NO_YEAR, RECORD_HEAD, SLAB_ADDRESS, type StreamsSnapshot } from "./EpisodeScan.js"

/**
 * The second of the cube's two passes: the records of one hash partition at
 * a time (from every byte range of the file, in file order) to
 * distinct-patient counts.
 *
 * Within a partition, patients get dense ids from an open-addressing table
 * over their id bytes; each has one bit per (year, care form) for Riket and
 * one for the first region it was seen in; a row in another region goes to a
 * list of numeric keys, sorted and deduplicated when the partition is done.
 * Every patient falls in exactly one partition, so the partitions' counts add
 * up exactly. A patient whose sex or birth year differs from its first row
 * is a problem of the later row, as the file says it.
 */
export interface PartitionCounts {
  /** Indexed as RawCounts' `base`. */
  readonly base: Int32Array
  readonly rows: number
  readonly patients: number
  /** The first problems of each partition, in line order within it. */
  readonly issues: ReadonlyArray<Issue>
}

/**
 * Counts the given partitions of the streams of each byte range of a file.
 * `lineOffsets[k]` turns range k's line numbers into the file's;
 * `ageBandByAge` is the format's (RowFormat).
 */
export const countPartitions = (
  sources: ReadonlyArray<StreamsSnapshot>,
  partitions: Iterable<number>,
  lineOffsets: ReadonlyArray<number>,
  range: YearRange,
  ageBandByAge: Uint8Array
): PartitionCounts => {
  const years = range.to - range.from + 1
  const base = new Int32Array(years * FORMS * REGIONS * 2 * BANDS)
  const counter = new Counter(range, base, ageBandByAge)
  // One view per slab (the ranges of a thread share its slabs).
  const viewOf = new Map<SharedArrayBuffer, Int32Array>()
  const views = sources.map((source) =>
    source.slabs.map((slab) => {
      const known = viewOf.get(slab)
      if (known !== undefined) return known
      const view = new Int32Array(slab)
      viewOf.set(slab, view)
      return view
    })
  )
  const issues: Array<Issue> = []
  let rows = 0
  let patients = 0
  for (const p of partitions) {
    let words = 0
    let records = 0
    for (const source of sources) {
      for (let k = source.starts[p]!; k < source.starts[p + 1]!; k++) words += source.pieces[2 * k + 1]!
      records += source.rows[p]!
    }
    if (records === 0) continue
    // One flat buffer for the partition: range by range, piece by piece, in the order written.
    const flat = counter.reserve(words, records)
    const ends: Array<number> = []
    let at = 0
    sources.forEach((source, k) => {
      for (let b = source.starts[p]!; b < source.starts[p + 1]!; b++) {
        const address = source.pieces[2 * b]!
        const used = source.pieces[2 * b + 1]!
        const offset = address % SLAB_ADDRESS
        flat.set(views[k]![(address - offset) / SLAB_ADDRESS]!.subarray(offset >> 2, (offset >> 2) + used), at)
        at += used
      }
      ends.push(at)
    })
    const result = counter.count(at, ends, lineOffsets)
    counter.countMoves()
    rows += result.rows
    patients += result.patients
    for (const issue of result.issues) issues.push(issue)
  }
  return { base, rows, patients, issues }
}

/** The tables of one partition, reused from partition to partition (grown when needed). */
class Counter {
  private readonly from: number
  private readonly span: number
  private readonly stride: number
  private flat = new Int32Array(1 << 14)
  private slots = new Int32Array(2 << 10)
  private mask = 0
  private idAt = new Int32Array(1 << 10)
  /** id length | sex << 8 | home region << 9 (idAt is the id's first word in `flat`) */
  private packed = new Int32Array(1 << 10)
  private born = new Int32Array(1 << 10)
  private firstLine = new Int32Array(1 << 10)
  private bits: Int32Array
  private overflow = new Float64Array(1 << 10)
  private overflowUsed = 0

  constructor(
    range: YearRange,
    private readonly base: Int32Array,
    private readonly ageBandByAge: Uint8Array
  ) {
    this.from = range.from
    this.span = (range.to - range.from + 1) * FORMS
    // Riket's bits, then the home region's.
    this.stride = 2 * Math.ceil(this.span / 32)
    this.bits = new Int32Array(this.idAt.length * this.stride)
  }

  /** A buffer for the partition's words, and tables for up to `records` patients. */
  reserve(words: number, records: number): Int32Array {
    if (this.flat.length < words) this.flat = new Int32Array(Math.max(words, this.flat.length * 2))
    // At most one patient per record: the table is never more than two thirds full.
    let capacity = 16
    while (capacity < records * 1.5) capacity *= 2
    if (this.slots.length < 2 * capacity) this.slots = new Int32Array(2 * capacity)
    else this.slots.fill(0, 0, 2 * capacity)
    this.mask = capacity - 1
    if (this.idAt.length < records) {
      const n = Math.max(records, this.idAt.length * 2)
      this.idAt = new Int32Array(n)
      this.packed = new Int32Array(n)
      this.born = new Int32Array(n)
      this.firstLine = new Int32Array(n)
      this.bits = new Int32Array(n * this.stride)
    } else this.bits.fill(0, 0, records * this.stride)
    return this.flat
  }

  /** Counts the records of `flat[0, length)`; `ends[k]` is where range k's records end. */
  count(length: number, ends: ReadonlyArray<number>, lineOffsets: ReadonlyArray<number>): { rows: number; patients: number; issues: Array<Issue> } {
    const flat = this.flat
    const slots = this.slots
    const mask = this.mask
    const idAt = this.idAt
    const packed = this.packed
    const born = this.born
    const firstLine = this.firstLine
    const bits = this.bits
    const base = this.base
    const stride = this.stride
    const half = stride >> 1
    const span = this.span
    const from = this.from
    const ageBandByAge = this.ageBandByAge
    const issues: Array<Issue> = []
    let overflowUsed = 0
    let count = 0
    let rows = 0
    let source = 0
    let sourceEnd = ends[0]!
    let lineOffset = lineOffsets[0]!
    let i = 0
    while (i < length) {
      while (i >= sourceEnd) {
        source++
        sourceEnd = ends[source]!
        lineOffset = lineOffsets[source]!
      }
      const head = flat[i]!
      const n = head & 255
      const s = i + RECORD_HEAD
      const words = (n + 3) >> 2
      let h = HASH_SEED
      for (let k = s; k < s + words; k++) h = mixWord(h, flat[k]!)
      h = finish(h, n)
      const regionFormSex = (head >>> 8) & 511
      const sex = regionFormSex >>> 8
      const second = flat[i + 1]!
      const birthYear = second & 0xffff
      const lineInRange = flat[i + 2]! >>> 0
      i = s + words
      let slot = h & mask
      let id = -1
      for (;;) {
        const id1 = slots[2 * slot + 1]!
        if (id1 === 0) break
        if (slots[2 * slot] === h && (packed[id1 - 1]! & 255) === n) {
          const at = idAt[id1 - 1]!
          let k = 0
          while (k < words && flat[at + k] === flat[s + k]) k++
          if (k === words) {
            id = id1 - 1
            break
          }
        }
        slot = (slot + 1) & mask
      }
      const line = lineOffset + lineInRange
      if (id < 0) {
        id = count++
        slots[2 * slot] = h
        slots[2 * slot + 1] = id + 1
        idAt[id] = s
        packed[id] = n | (sex << 8)
        born[id] = birthYear
        firstLine[id] = line
      } else {
        const knownSex = (packed[id]! >>> 8) & 1
        if (knownSex !== sex) {
          if (issues.length < MAX_ISSUES) issues.push({ line, path: "sex", message: sexConflict(sex, knownSex, firstLine[id]!) })
          continue
        }
        if (born[id] !== birthYear) {
          if (issues.length < MAX_ISSUES) issues.push({ line, path: "birthYear", message: birthYearConflict(birthYear, born[id]!, firstLine[id]!) })
          continue
        }
      }
      rows++
      const first = (head >>> 17) & 511
      if (first === NO_YEAR) continue
      const last = second >>> 16
      const region = regionFormSex & 31
      const careForm = (regionFormSex >>> 5) & 7
      let home = (packed[id]! >>> 9) & 31
      if (home === 0) {
        home = region
        packed[id] = packed[id]! | (region << 9)
      }
      const row = id * stride
      for (let yi = first; yi <= last; yi++) {
        const bit = yi * FORMS + careForm
        const word = row + (bit >>> 5)
        const m = 1 << (bit & 31)
        const band = ageBandByAge[from + yi - birthYear]!
        const cell = (((yi * FORMS + careForm) * REGIONS) * 2 + sex) * BANDS + band
        if ((bits[word]! & m) === 0) {
          bits[word] = bits[word]! | m
          base[cell]!++
        }
        if (region === home) {
          if ((bits[word + half]! & m) === 0) {
            bits[word + half] = bits[word + half]! | m
            base[cell + region * 2 * BANDS]!++
          }
        } else {
          if (overflowUsed === this.overflow.length) {
            const grown = new Float64Array(this.overflow.length * 2)
            grown.set(this.overflow)
            this.overflow = grown
          }
          this.overflow[overflowUsed++] = (id * span + bit) * REGIONS + region
        }
      }
    }
    this.overflowUsed = overflowUsed
    return { rows, patients: count, issues }
  }

  /**
   * Rows in a region other than the patient's first: one count per distinct
   * (patient, year, care form, region). Its own method, after {@link count}:
   * V8 compiles count's loop while it runs (on-stack replacement), and code
   * after that loop, compiled from no feedback, was thrown away again at
   * every partition's end.
   */
  countMoves(): void {
    const born = this.born
    const packed = this.packed
    const base = this.base
    const span = this.span
    const from = this.from
    const ageBandByAge = this.ageBandByAge
    const keys = this.overflow.subarray(0, this.overflowUsed).sort()
    let previous = -1
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!
      if (key === previous) continue
      previous = key
      const region = key % REGIONS
      const rest = (key - region) / REGIONS
      const bit = rest % span
      const id = (rest - bit) / span
      const careForm = bit % FORMS
      const yi = (bit - careForm) / FORMS
      const band = ageBandByAge[from + yi - born[id]!]!
      base[(((yi * FORMS + careForm) * REGIONS + region) * 2 + ((packed[id]! >>> 8) & 1)) * BANDS + band]!++
    }
  }
}
