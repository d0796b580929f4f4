import type { YearRange } from "../Dimension.js"
import { BLANK, type Header, Issues, isCanonical, type LineReader, MAX_ID_BYTES, MIN_BIRTH_YEAR, type Row, type RowFormat } from "./EpisodeFormat.js"

/** Longest line read: an episode row is some 60 bytes, a header some 50. */
const MAX_LINE_BYTES = 64 * 1024

/**
 * The first of the cube's two passes: episode bytes to compact rows, grouped
 * by patient.
 *
 * Every valid row becomes a record in the stream of its patient's hash
 * partition, in 32-bit words: `[id length | region | care form | sex | first
 * year][birth year | last year][line][id bytes, zero-padded to whole words]`
 * (years as offsets into the cube's range, first = 511 when the episode misses
 * it). The second pass (PatientCount) then counts one partition at a time, with
 * tables small enough to stay in the processor's cache, where one table for
 * every patient would cost a cache and TLB miss per row.
 *
 * The scanner reads the documented column order straight from the bytes: a
 * row is taken only when every byte is what a valid row has there (two digits
 * of a known region, K or M, four digits, a care form, real dates, end not
 * before start …). Any other line, and every line of a file with its columns
 * in another order, goes to {@link RowReader}, which reports its problems or
 * gives the same row, so both ways agree by construction and the messages are
 * written once.
 */

/** Words of a record before the id's. */
export const RECORD_HEAD = 3
/** `first` when the episode overlaps none of the cube's years (at most 301 years: 1900–2200). */
export const NO_YEAR = 511
/** Slabs are addressed as `slab × 2^24 + offset`. */
export const SLAB_ADDRESS = 1 << 24

/**
 * The records of one byte range of the file, as another thread can read
 * them (the slabs are shared memory, the rest is copied cheaply).
 */
export interface StreamsSnapshot {
  /** Every slab of the thread that wrote them (a range's records are in some of them). */
  readonly slabs: ReadonlyArray<SharedArrayBuffer>
  /**
   * Pieces of the streams, as (address, words) pairs in write order: address
   * is slab × 2^24 + byte offset. Partition p's pieces are the pairs from
   * `starts[p]` to `starts[p + 1]` (indices of pairs).
   */
  readonly pieces: Float64Array
  readonly starts: Int32Array
  /** Records per partition. */
  readonly rows: Int32Array
}

/**
 * One append-only stream of 32-bit words per partition, in blocks (64 KB)
 * carved from shared slabs of 256 blocks (allocated on demand; untouched pages
 * cost no memory). A thread reads one byte range after another into the same
 * streams and takes each range's records with {@link endRange}; a range's
 * records in a partition start where the previous range's ended, inside a
 * block, so small ranges waste nothing.
 */
export class PartitionStreams {
  readonly slabs: Array<SharedArrayBuffer> = []
  /** Per partition: the slab of its current block, the next write position in it and the block's end (in words). */
  readonly cur: Array<Int32Array>
  readonly pos: Int32Array
  readonly end: Int32Array
  /** Records per partition in the current range. */
  readonly rows: Int32Array
  /** `32 - log2(partitions)`: a partition is the top bits of the patient hash. */
  readonly shift: number
  /** Per partition: the slab index of its current block and where the current range's words in it start. */
  private readonly slabOf: Int32Array
  private readonly from: Int32Array
  /** The current range's finished pieces, per partition: address, words, … */
  private readonly pieces: Array<Array<number>>
  private slab: Int32Array = new Int32Array(0)
  private readonly blockWords: number
  private readonly slabWords: number
  private slabUsed: number

  /** `blockBytes`: smaller only in tests, so that records cross many blocks and slabs. */
  constructor(
    readonly partitions: number,
    blockBytes = 1 << 16
  ) {
    if (!(partitions >= 2 && partitions <= 1 << 16 && (partitions & (partitions - 1)) === 0)) throw new Error(`partitions must be a power of two, got ${partitions}`)
    if (!(blockBytes >= 256 && blockBytes <= 1 << 16 && blockBytes % 4 === 0)) throw new Error(`blocks must be 256 B to 64 KB, got ${blockBytes}`)
    this.blockWords = blockBytes >> 2
    this.slabWords = this.blockWords * 256
    this.slabUsed = this.slabWords
    this.shift = 32 - Math.log2(partitions)
    const empty = new Int32Array(0)
    this.cur = Array.from({ length: partitions }, () => empty)
    this.pos = new Int32Array(partitions)
    this.end = new Int32Array(partitions)
    this.rows = new Int32Array(partitions)
    this.slabOf = new Int32Array(partitions)
    this.from = new Int32Array(partitions)
    this.pieces = Array.from({ length: partitions }, () => [])
  }

  /** Closes partition `p`'s block and starts a new one. */
  open(p: number): void {
    this.closePiece(p)
    if (this.slabUsed === this.slabWords) {
      const shared = new SharedArrayBuffer(this.slabWords * 4)
      this.slabs.push(shared)
      this.slab = new Int32Array(shared)
      this.slabUsed = 0
    }
    this.slabOf[p] = this.slabs.length - 1
    this.cur[p] = this.slab
    this.pos[p] = this.slabUsed
    this.from[p] = this.slabUsed
    this.end[p] = this.slabUsed + this.blockWords
    this.slabUsed += this.blockWords
  }

  private closePiece(p: number): void {
    const words = this.pos[p]! - this.from[p]!
    if (words > 0) this.pieces[p]!.push(this.slabOf[p]! * SLAB_ADDRESS + this.from[p]! * 4, words)
    this.from[p] = this.pos[p]!
  }

  /** Forgets the records written since the last {@link endRange}: a range read again from its start. */
  dropRange(): void {
    for (let p = 0; p < this.partitions; p++) {
      this.pieces[p] = []
      this.pos[p] = this.from[p]!
    }
    this.rows.fill(0)
  }

  /** The records written since the previous call (or since the start): one byte range's. */
  endRange(): StreamsSnapshot {
    let pairs = 0
    for (let p = 0; p < this.partitions; p++) {
      this.closePiece(p)
      pairs += this.pieces[p]!.length >> 1
    }
    const pieces = new Float64Array(2 * pairs)
    const starts = new Int32Array(this.partitions + 1)
    let at = 0
    for (let p = 0; p < this.partitions; p++) {
      starts[p] = at >> 1
      for (const value of this.pieces[p]!) pieces[at++] = value
      this.pieces[p] = []
    }
    starts[this.partitions] = at >> 1
    const rows = this.rows.slice()
    this.rows.fill(0)
    return { slabs: this.slabs, pieces, starts, rows }
  }
}

/** murmur3 (32-bit) of an id given as words: each word mixed in, then the length and the finaliser. */
export const mixWord = (h: number, k: number): number => {
  k = Math.imul(k, 0xcc9e2d51)
  k = (k << 15) | (k >>> 17)
  h ^= Math.imul(k, 0x1b873593)
  h = (h << 13) | (h >>> 19)
  return (Math.imul(h, 5) + 0xe6546b64) | 0
}
export const finish = (h: number, length: number): number => {
  h ^= length
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return h ^ (h >>> 16)
}
export const HASH_SEED = 0x2026

/** Word `k` of the id `buf[s, s + length)`, little-endian, zero past its end. */
const idWord = (buf: Uint8Array, s: number, length: number, k: number): number => {
  let word = 0
  for (let b = 3; b >= 0; b--) {
    const at = 4 * k + b
    word = (word << 8) | (at < length ? buf[s + at]! : 0)
  }
  return word
}

const OPEN = Number.POSITIVE_INFINITY
const monthDays = Int32Array.from([0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])

/** Bytes that end an id in the fast path: 1 the comma, 2 a byte it leaves to RowReader (line ends, quotes, non-ASCII). */
const idStop = Uint8Array.from({ length: 256 }, (_, c) => (c === 44 ? 1 : c === 10 || c === 13 || c === 34 || c > 127 ? 2 : 0))

/**
 * `YYYY-MM-DD` at `i` as `year << 9 | month << 5 | day` (so dates compare as
 * numbers and the year is `>> 9`), or -1 when the bytes are not a real date
 * (the same dates as RowReader accepts).
 */
const dateAt = (buf: Uint8Array, i: number): number => {
  const y0 = buf[i]! - 48
  const y1 = buf[i + 1]! - 48
  const y2 = buf[i + 2]! - 48
  const y3 = buf[i + 3]! - 48
  if (!(y0 >= 0 && y0 <= 9 && y1 >= 0 && y1 <= 9 && y2 >= 0 && y2 <= 9 && y3 >= 0 && y3 <= 9) || buf[i + 4] !== 45) return -1
  const m0 = buf[i + 5]! - 48
  const m1 = buf[i + 6]! - 48
  if (!(m0 >= 0 && m0 <= 1 && m1 >= 0 && m1 <= 9) || buf[i + 7] !== 45) return -1
  const d0 = buf[i + 8]! - 48
  const d1 = buf[i + 9]! - 48
  if (!(d0 >= 0 && d0 <= 3 && d1 >= 0 && d1 <= 9)) return -1
  const year = ((y0 * 10 + y1) * 10 + y2) * 10 + y3
  const month = m0 * 10 + m1
  const day = d0 * 10 + d1
  if (month < 1 || month > 12 || day < 1 || day > monthDays[month]!) return -1
  if (month === 2 && day === 29 && !((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return -1
  return (year << 9) | (month << 5) | day
}

/**
 * Reads episode bytes chunk by chunk (any cut) into {@link PartitionStreams}.
 * Without a header it reads one first; with one (a later byte range of a
 * file) it starts at a line start. Line numbers count from `firstLine + 1`.
 */
export class EpisodeScanner {
  readonly issues = new Issues()
  /** The number of the last line read. */
  line: number
  /** Bytes after the header line, once read (the header's own reader only). */
  headerEnd = -1
  private header: Header | undefined
  /** The reference reader, made at the first line the fast path does not take. */
  private reader: LineReader | undefined
  private canonical = false
  private stopped = false
  private done = false
  private carry: Uint8Array | undefined
  private consumed = 0
  private readonly from: number
  private readonly to: number
  /** The bytes being read, for reading an id four bytes at a time. */
  private view: DataView = new DataView(new ArrayBuffer(0))

  private readonly regionIndexByCode: Uint8Array

  /** `headerOnly`: stop after the header (its reader learns where the rows start). */
  constructor(
    readonly streams: PartitionStreams,
    readonly years: YearRange,
    private readonly format: RowFormat,
    header?: Header,
    firstLine = 0,
    readonly headerOnly = false
  ) {
    this.from = years.from
    this.to = years.to
    this.regionIndexByCode = format.regionIndexByCode
    this.line = firstLine
    if (header !== undefined) this.useHeader(header)
  }

  /** The header, once read. */
  get columns(): Header | undefined {
    return this.header
  }

  /** Whether reading on is pointless: too many problems, an unusable header, or (header only) the header is read. */
  get full(): boolean {
    return this.stopped || this.done || this.issues.full
  }

  /** Whether the bytes pushed so far end inside a line (its start is held until its end comes). */
  get midLine(): boolean {
    return this.carry !== undefined
  }

  private useHeader(header: Header): void {
    this.header = header
    this.canonical = isCanonical(header)
  }

  /** Feeds the next chunk; it may be reused by the caller afterwards. */
  push(chunk: Uint8Array): void {
    if (this.full) return
    const base = this.consumed
    this.consumed += chunk.length
    let p = 0
    if (this.carry !== undefined) {
      const nl = chunk.indexOf(10)
      if (nl < 0) {
        this.carry = concat(this.carry, chunk, chunk.length)
        this.refuseLongLine()
        return
      }
      const joined = concat(this.carry, chunk, nl + 1)
      this.carry = undefined
      this.lines(joined, 0, joined.length - 1, base - (joined.length - nl - 1))
      if (this.full) return
      p = nl + 1
    }
    const last = chunk.lastIndexOf(10)
    if (last >= p) {
      this.lines(chunk, p, last, base)
      if (this.full) return
      p = last + 1
    }
    if (p < chunk.length) this.carry = chunk.slice(p)
    this.refuseLongLine()
  }

  /**
   * A line longer than any episode row (binary data, a file without line
   * ends) stops the reading: held whole, it would grow with the file.
   */
  private refuseLongLine(): void {
    if (this.carry === undefined || this.carry.length <= MAX_LINE_BYTES) return
    this.issues.add(this.line + 1, "", `raden är längre än ${MAX_LINE_BYTES / 1024} kB: filen är inte en CSV-fil med vårdtillfällen (binär data eller inga radslut?)`)
    this.carry = undefined
    this.stopped = true
  }

  /** Ends the input; the problems found, if any (the rows are in the streams). */
  end(): void {
    if (this.carry !== undefined && !this.full) {
      const last = concat(this.carry, new Uint8Array([10]), 1)
      this.carry = undefined
      this.lines(last, 0, last.length - 1, this.consumed - last.length + 1)
      // The header was the last line, without a line end.
      if (this.headerEnd > this.consumed) this.headerEnd = this.consumed
    }
    if (this.header === undefined && !this.stopped) this.issues.add(1, "", "filen är tom (rubrikraden saknas)")
  }

  /** The lines of `buf[p, last]`, where `buf[last]` is a line end; `base` is the input offset of `buf[0]`. */
  private lines(buf: Uint8Array, p: number, last: number, base: number): void {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength)
    while (this.header === undefined) {
      if (p > last) return
      const nl = buf.indexOf(10, p)
      this.line++
      const e = nl > p && buf[nl - 1] === 13 ? nl - 1 : nl
      const header = this.format.readHeader(buf, p, e, this.line, this.issues)
      p = nl + 1
      if (header === undefined) {
        this.stopped = true
        return
      }
      if (header !== BLANK) {
        this.useHeader(header)
        this.headerEnd = base + p
        if (this.headerOnly) {
          this.done = true
          return
        }
      }
    }
    const issues = this.issues
    let line = this.line
    while (p <= last) {
      if (this.canonical) {
        p = this.fastRows(buf, p, last, line)
        line += this.taken
        if (p > last) break
      }
      line++
      const nl = buf.indexOf(10, p)
      const e = nl > p && buf[nl - 1] === 13 ? nl - 1 : nl
      if (e > p) {
        this.reader ??= this.format.reader(this.header)
        const row = this.reader.read(buf, p, e, line, issues)
        if (row !== undefined) this.put(row, line)
        else if (issues.full) {
          this.line = line
          return
        }
      }
      p = nl + 1
    }
    this.line = line
  }

  /**
   * Rows in the documented column order, straight from the bytes, from `p`
   * on while they are valid rows: the position after the last one taken
   * (their number in {@link taken}), at a line that is anything but a valid
   * row (then RowReader reads it and says why) or past `last`. One loop for
   * every row, with the streams' tables in locals: a call per row cost more.
   */
  private fastRows(buf: Uint8Array, p: number, last: number, line: number): number {
    const streams = this.streams
    const pos = streams.pos
    const ends = streams.end
    const cur = streams.cur
    const counts = streams.rows
    const shift = streams.shift
    const from = this.from
    const to = this.to
    const view = this.view
    const regionIndexByCode = this.regionIndexByCode
    const taken = line
    rows: while (p <= last) {
      let q = p
      let stop = idStop[buf[q]!]!
      while (stop === 0) stop = idStop[buf[++q]!]!
      if (stop !== 1) break
      const idLength = q - p
      let c: number
      if (idLength === 0 || idLength > MAX_ID_BYTES) break
      const r0 = buf[q + 1]! - 48
      const r1 = buf[q + 2]! - 48
      if (!(r0 >= 0 && r0 <= 9 && r1 >= 0 && r1 <= 9) || buf[q + 3] !== 44) break
      const region = regionIndexByCode[r0 * 10 + r1]!
      if (region === 0) break
      c = buf[q + 4]!
      const sex = c === 75 ? 0 : c === 77 ? 1 : -1
      if (sex < 0 || buf[q + 5] !== 44) break
      const b0 = buf[q + 6]! - 48
      const b1 = buf[q + 7]! - 48
      const b2 = buf[q + 8]! - 48
      const b3 = buf[q + 9]! - 48
      if (!(b0 >= 0 && b0 <= 9 && b1 >= 0 && b1 <= 9 && b2 >= 0 && b2 <= 9 && b3 >= 0 && b3 <= 9) || buf[q + 10] !== 44) break
      const birthYear = ((b0 * 10 + b1) * 10 + b2) * 10 + b3
      if (birthYear < MIN_BIRTH_YEAR) break
      // The care form: its first letter tells which it must be, then every byte is checked.
      let form: number
      let t: number
      q += 11
      switch (buf[q]) {
        case 115: // sluten-lpt
          if (buf[q + 1] !== 108 || buf[q + 2] !== 117 || buf[q + 3] !== 116 || buf[q + 4] !== 101 || buf[q + 5] !== 110) break rows
          if (buf[q + 6] !== 45 || buf[q + 7] !== 108 || buf[q + 8] !== 112 || buf[q + 9] !== 116) break rows
          form = 0
          t = q + 10
          break
        case 111: // oppen-lpt, oppen-lrv
          if (buf[q + 1] !== 112 || buf[q + 2] !== 112 || buf[q + 3] !== 101 || buf[q + 4] !== 110 || buf[q + 5] !== 45 || buf[q + 6] !== 108) break rows
          c = buf[q + 7]!
          if (c === 112 && buf[q + 8] === 116) form = 1
          else if (c === 114 && buf[q + 8] === 118) form = 4
          else break rows
          t = q + 9
          break
        case 100: // domstols-lrv
          if (buf[q + 1] !== 111 || buf[q + 2] !== 109 || buf[q + 3] !== 115 || buf[q + 4] !== 116 || buf[q + 5] !== 111 || buf[q + 6] !== 108) break rows
          if (buf[q + 7] !== 115 || buf[q + 8] !== 45 || buf[q + 9] !== 108 || buf[q + 10] !== 114 || buf[q + 11] !== 118) break rows
          form = 2
          t = q + 12
          break
        case 97: // akut-lrv
          if (buf[q + 1] !== 107 || buf[q + 2] !== 117 || buf[q + 3] !== 116 || buf[q + 4] !== 45 || buf[q + 5] !== 108 || buf[q + 6] !== 114 || buf[q + 7] !== 118) break rows
          form = 3
          t = q + 8
          break
        default:
          break rows
      }
      if (buf[t] !== 44) break
      const start = dateAt(buf, t + 1)
      if (start < 0 || buf[t + 11] !== 44) break
      let u = t + 12
      let endYear = OPEN
      c = buf[u]!
      if (c === 10) u++
      else if (c === 13 && buf[u + 1] === 10) u += 2
      else {
        const end = dateAt(buf, u)
        if (end < start) break
        u += 10
        c = buf[u]!
        if (c === 10) u++
        else if (c === 13 && buf[u + 1] === 10) u += 2
        else break
        endYear = end >> 9
      }
      const startYear = start >> 9
      if (birthYear > startYear) break
      // The id by words, straight from the line (the row is valid, so whole words stay inside it): hashed, then copied.
      const words = (idLength + 3) >> 2
      const tail = (idLength & 3) === 0 ? -1 : (1 << (8 * (idLength & 3))) - 1
      let h = HASH_SEED
      for (let k = 0; k < words - 1; k++) h = mixWord(h, view.getInt32(p + 4 * k, true))
      const lastWord = view.getInt32(p + 4 * (words - 1), true) & tail
      h = mixWord(h, lastWord)
      // The record, as write() does it (written out here: a call per row costs more than the copy).
      const part = finish(h, idLength) >>> shift
      let w = pos[part]!
      if (w + RECORD_HEAD + words > ends[part]!) {
        streams.open(part)
        w = pos[part]!
      }
      const out = cur[part]!
      const first = Math.max(startYear, from)
      const final = Math.min(endYear, to)
      line++
      out[w] = idLength | ((region | (form << 5) | (sex << 8)) << 8) | ((first <= final ? first - from : NO_YEAR) << 17)
      out[w + 1] = birthYear | ((first <= final ? final - from : 0) << 16)
      out[w + 2] = line
      w += RECORD_HEAD
      for (let k = 0; k < words - 1; k++) out[w + k] = view.getInt32(p + 4 * k, true)
      out[w + words - 1] = lastWord
      pos[part] = w + words
      counts[part] = counts[part]! + 1
      p = u
    }
    this.taken = line - taken
    return p
  }

  /** Rows taken by the last {@link fastRows}. */
  private taken = 0


  /** The id of the row being written, as words. */
  private readonly ids = new Int32Array(64)

  private put(row: Row, line: number): void {
    const length = row.patientEnd - row.patientStart
    const words = (length + 3) >> 2
    let h = HASH_SEED
    for (let k = 0; k < words; k++) {
      const word = idWord(row.buf, row.patientStart, length, k)
      this.ids[k] = word
      h = mixWord(h, word)
    }
    this.write(this.ids, length, finish(h, length), row.region | (row.careForm << 5) | (row.sex << 8), row.birthYear, row.startYear, row.endYear, line)
  }

  private write(ids: Int32Array, length: number, hash: number, regionFormSex: number, birthYear: number, startYear: number, endYear: number, line: number): void {
    const streams = this.streams
    const part = hash >>> streams.shift
    const words = (length + 3) >> 2
    let w = streams.pos[part]!
    if (w + RECORD_HEAD + words > streams.end[part]!) {
      streams.open(part)
      w = streams.pos[part]!
    }
    const out = streams.cur[part]!
    const first = Math.max(startYear, this.from)
    const last = Math.min(endYear, this.to)
    const a = first <= last ? first - this.from : NO_YEAR
    const b = first <= last ? last - this.from : 0
    out[w] = length | (regionFormSex << 8) | (a << 17)
    out[w + 1] = birthYear | (b << 16)
    out[w + 2] = line
    for (let k = 0; k < words; k++) out[w + RECORD_HEAD + k] = ids[k]!
    streams.pos[part] = w + RECORD_HEAD + words
    streams.rows[part] = streams.rows[part]! + 1
  }
}

const concat = (a: Uint8Array, b: Uint8Array, n: number): Uint8Array => {
  const out = new Uint8Array(a.length + n)
  out.set(a)
  out.set(b.subarray(0, n), a.length)
  return out
}
