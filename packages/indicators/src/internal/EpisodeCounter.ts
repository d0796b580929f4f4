import type { Issue } from "@uppdrag/core"
import { Region } from "@uppdrag/core"
import { parse as parseCsv } from "csv-parse/sync"
import { ageBandIndex, careForms, type YearRange } from "../Dimension.js"

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

const MAX_ISSUES = 50
const MIN_BIRTH_YEAR = 1880

// Region code (two ASCII digits as a number 0–99) to region index 1–21; 0 = unknown.
const regionIndexByCode = new Uint8Array(100)
Region.all.forEach((region, i) => {
  regionIndexByCode[Number(region.code)] = i + 1
})

const careFormBytes = careForms.map((form) => Uint8Array.from(form, (c) => c.charCodeAt(0)))
const ageBandByAge = Uint8Array.from({ length: 400 }, (_, age) => ageBandIndex(age))
const utf8 = new TextDecoder("utf-8", { fatal: true })

const daysIn = (year: number, month: number): number =>
  month === 2 ? ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31

/**
 * Streams an episode CSV (`patient,region,sex,birthYear,careForm,start,end`)
 * chunk by chunk and counts distinct patients per cell.
 *
 * Data structure: patients get dense integer ids from an open-addressing hash
 * table over the raw bytes of the id (no string per row). Each patient has a
 * small bitset with one bit per (year, care form) for Riket and one for the
 * first region the patient was seen in; a row in any other region goes to a
 * sorted-key overflow list resolved at the end. Memory is a few dozen bytes
 * per patient plus 8 bytes per cross-region (patient, year, care form).
 */
export class EpisodeCounter {
  readonly issues: Array<Issue> = []
  private carry: Uint8Array | undefined
  private line = 0
  private header = true
  private nFields = 0
  private readonly role: Int32Array = new Int32Array(64).fill(-1)
  private readonly fieldStart = new Int32Array(64)
  private readonly fieldEnd = new Int32Array(64)
  private readonly at = new Int32Array(7)
  private readonly to = new Int32Array(7)
  private rows = 0

  private readonly from: number
  private readonly years: number
  private readonly stride: number
  private readonly base: Int32Array

  // Patient table: open addressing over [hash, id + 1] pairs, and one record
  // per patient of `recordSize` words: the id bytes (inline when at most 16
  // bytes, else word 0 is an offset into `arena`), length | sex << 8 | home
  // region << 9, birth year, first line, then the bitsets (Riket, home
  // region), so a row touches the table and one record.
  private capacity = 1 << 16
  private slots = new Int32Array(2 << 16)
  private count = 0
  private readonly recordSize: number
  private records: Int32Array
  private recordBytes: Uint8Array
  private arena = new Uint8Array(1 << 16)
  private arenaUsed = 0

  // The previous row's patient, while its bytes are still in the same buffer:
  // rows of one patient often come together, and then no lookup is needed.
  private lastBuf: Uint8Array | undefined
  private lastStart = 0
  private lastLength = 0
  private lastId = -1

  private overflow = new Float64Array(1 << 12)
  private overflowUsed = 0

  /**
   * `part` of `parts`: with more than one part, this counter only takes the
   * rows whose patient id hashes to its part, so several counters (one per
   * worker thread) can read the same file and their counts add up exactly:
   * each patient is counted by one of them only.
   */
  constructor(
    readonly source: string,
    readonly range: YearRange,
    expectedBytes = 0,
    readonly part = 0,
    readonly parts = 1
  ) {
    expectedBytes = expectedBytes / parts
    this.from = range.from
    this.years = range.to - range.from + 1
    this.stride = 2 * Math.ceil((this.years * FORMS) / 32)
    this.base = new Int32Array(this.years * FORMS * REGIONS * 2 * BANDS)
    this.recordSize = 7 + this.stride
    // Sized from the file when known (about 55 bytes a row, fewer patients than rows).
    const patients = Math.max(1 << 14, Math.min(1 << 25, Math.ceil(expectedBytes / 110)))
    this.records = new Int32Array(patients * this.recordSize)
    this.recordBytes = new Uint8Array(this.records.buffer)
    while (this.capacity < patients * 2) this.capacity *= 2
    this.slots = new Int32Array(2 * this.capacity)
  }

  /** Whether enough problems were found that reading on is pointless. */
  get full(): boolean {
    return this.stopped || this.issues.length >= MAX_ISSUES
  }

  /** Set when the header is unusable: the rows can't be read at all. */
  private stopped = false

  /** Feeds the next chunk of the file. */
  push(chunk: Uint8Array): void {
    if (this.full) return
    this.lastBuf = undefined
    let pos = 0
    if (this.carry !== undefined) {
      const nl = chunk.indexOf(10)
      if (nl < 0) {
        this.carry = concat(this.carry, chunk)
        return
      }
      const joined = concat(this.carry, chunk.subarray(0, nl))
      this.carry = undefined
      this.onLine(joined, 0, joined.length)
      pos = nl + 1
    }
    // One pass over the bytes: field boundaries, line ends, quotes.
    const fieldStart = this.fieldStart
    const fieldEnd = this.fieldEnd
    const length = chunk.length
    let lineStart = pos
    let begin = pos
    let f = 0
    let quoted = false
    for (let i = pos; i < length; i++) {
      const c = chunk[i]!
      if (c === 44) {
        if (f < 63) {
          fieldStart[f] = begin
          fieldEnd[f] = i
        }
        f++
        begin = i + 1
      } else if (c === 10) {
        this.line++
        let e = i
        if (e > lineStart && chunk[e - 1] === 13) e--
        if (this.header) this.onHeader(chunk, lineStart, e)
        else if (quoted) this.onQuotedLine(chunk, lineStart, e)
        else if (e > lineStart) {
          if (f < 63) {
            fieldStart[f] = begin
            fieldEnd[f] = e
          }
          this.onFields(chunk, f + 1)
        }
        if (this.full) return
        lineStart = i + 1
        begin = lineStart
        f = 0
        quoted = false
      } else if (c === 34) quoted = true
    }
    if (lineStart < length) this.carry = chunk.slice(lineStart)
  }

  /** Ends the input; the counts, or every problem found. */
  end(): { counts: RawCounts } | { issues: ReadonlyArray<Issue> } {
    if (this.carry !== undefined && !this.full) {
      const last = this.carry
      this.carry = undefined
      this.onLine(last, 0, last.length)
    }
    if (this.header) this.issue(1, "", "filen är tom (rubrikraden saknas)")
    if (this.issues.length > 0) return { issues: this.issues }
    this.resolveOverflow()
    return { counts: { years: this.range, base: this.base, rows: this.rows, patients: this.count } }
  }

  private issue(line: number, path: string, message: string): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push({ line, path, message })
  }

  /** One whole line (the last one, or one that straddled two chunks). */
  private onLine(buf: Uint8Array, s: number, e: number): void {
    this.line++
    if (e > s && buf[e - 1] === 13) e--
    if (this.header) {
      this.onHeader(buf, s, e)
      return
    }
    if (e === s) return
    // Split on commas; a quote anywhere sends the line to the CSV library.
    const fieldStart = this.fieldStart
    const fieldEnd = this.fieldEnd
    let f = 0
    let begin = s
    for (let i = s; i < e; i++) {
      const c = buf[i]!
      if (c === 44) {
        if (f < 63) {
          fieldStart[f] = begin
          fieldEnd[f] = i
        }
        f++
        begin = i + 1
      } else if (c === 34) {
        this.onQuotedLine(buf, s, e)
        return
      }
    }
    if (f < 63) {
      fieldStart[f] = begin
      fieldEnd[f] = e
    }
    f++
    this.onFields(buf, f)
  }

  private onQuotedLine(buf: Uint8Array, s: number, e: number): void {
    const text = this.decode(buf, s, e, "")
    if (text === undefined) return
    let records: Array<Array<string>>
    try {
      records = parseCsv(text, { relax_column_count: true }) as Array<Array<string>>
    } catch (error) {
      this.issue(this.line, "", `felaktig CSV: ${(error as Error).message}`)
      return
    }
    const fields = records[0] ?? [""]
    // Re-encode the unquoted fields into one buffer with known offsets.
    const encoded = fields.map((field) => new TextEncoder().encode(field))
    const total = encoded.reduce((sum, b) => sum + b.length, 0)
    const scratch = new Uint8Array(total)
    let offset = 0
    encoded.forEach((bytes, i) => {
      scratch.set(bytes, offset)
      if (i < 63) {
        this.fieldStart[i] = offset
        this.fieldEnd[i] = offset + bytes.length
      }
      offset += bytes.length
    })
    this.onFields(scratch, fields.length)
  }

  private decode(buf: Uint8Array, s: number, e: number, path: string): string | undefined {
    try {
      return utf8.decode(buf.subarray(s, e))
    } catch {
      this.issue(this.line, path, "ogiltig teckenkodning: filen ska vara UTF-8")
      return undefined
    }
  }

  private onHeader(buf: Uint8Array, s: number, e: number): void {
    if (e - s >= 2 && ((buf[s] === 0xff && buf[s + 1] === 0xfe) || (buf[s] === 0xfe && buf[s + 1] === 0xff))) {
      this.issue(1, "", "filen är kodad som UTF-16: spara den som UTF-8")
      this.header = false
      this.stopped = true
      return
    }
    if (e - s >= 3 && buf[s] === 0xef && buf[s + 1] === 0xbb && buf[s + 2] === 0xbf) s += 3
    if (e === s) {
      // Blank lines before the header are tolerated.
      return
    }
    this.header = false
    const text = this.decode(buf, s, e, "")
    if (text === undefined) {
      this.stopped = true
      return
    }
    let names: Array<string>
    try {
      names = ((parseCsv(text) as Array<Array<string>>)[0] ?? []).map((name) => name.trim())
    } catch (error) {
      this.issue(1, "", `felaktig rubrikrad: ${(error as Error).message}`)
      this.stopped = true
      return
    }
    this.nFields = names.length
    const seen = new Map<string, number>()
    names.forEach((name, i) => {
      const role = (columns as ReadonlyArray<string>).indexOf(name)
      if (seen.has(name)) this.issue(1, name, `kolumnen finns två gånger (kolumn ${seen.get(name)! + 1} och ${i + 1})`)
      seen.set(name, i)
      if (i < 63 && role >= 0) this.role[i] = role
    })
    for (const column of columns) {
      if (!seen.has(column)) this.issue(1, column, `kolumnen saknas (rubriken ska vara ${columns.join(",")})`)
    }
    if (names.length > 63) this.issue(1, "", "för många kolumner")
    for (let i = 0; i < Math.min(names.length, 63); i++) {
      const role = this.role[i]!
      if (role >= 0) this.at[role] = i
    }
    if (this.issues.length > 0) this.stopped = true
  }

  private onFields(buf: Uint8Array, f: number): void {
    const line = this.line
    if (f !== this.nFields) {
      if (this.part === 0) this.issue(line, "", `raden har ${f} fält, rubriken har ${this.nFields}`)
      return
    }
    const at = this.at
    const fs = this.fieldStart
    const fe = this.fieldEnd
    if (this.parts > 1) {
      let h = 0x811c9dc5
      for (let k = fs[at[0]!]!; k < fe[at[0]!]!; k++) h = Math.imul(h ^ buf[k]!, 16777619)
      if ((h >>> 0) % this.parts !== this.part) return
    }
    let ok = true

    // region
    let i = at[1]!
    let s = fs[i]!
    let e = fe[i]!
    let region = 0
    if (e - s === 2) {
      const d0 = buf[s]! - 48
      const d1 = buf[s + 1]! - 48
      if (d0 >= 0 && d0 <= 9 && d1 >= 0 && d1 <= 9) region = regionIndexByCode[d0 * 10 + d1]!
    }
    if (region === 0) {
      ok = false
      this.issue(line, "region", `okänd region ${this.show(buf, s, e)} (ange SCB-kod 01–25)`)
    }

    // sex
    i = at[2]!
    s = fs[i]!
    e = fe[i]!
    let sex = -1
    if (e - s === 1) sex = buf[s] === 75 ? 0 : buf[s] === 77 ? 1 : -1
    if (sex < 0) {
      ok = false
      this.issue(line, "sex", `kön ska vara K eller M, fick ${this.show(buf, s, e)}`)
    }

    // birthYear
    i = at[3]!
    s = fs[i]!
    e = fe[i]!
    const birthYear = e - s === 4 ? digits(buf, s, 4) : -1
    if (birthYear < MIN_BIRTH_YEAR) {
      ok = false
      this.issue(line, "birthYear", `födelseår ska vara ett årtal med fyra siffror från ${MIN_BIRTH_YEAR}, fick ${this.show(buf, s, e)}`)
    }

    // careForm
    i = at[4]!
    s = fs[i]!
    e = fe[i]!
    const careForm = matchCareForm(buf, s, e)
    if (careForm < 0) {
      ok = false
      this.issue(line, "careForm", `okänd vårdform ${this.show(buf, s, e)} (ska vara ${careForms.join(", ")})`)
    }

    // start
    i = at[5]!
    s = fs[i]!
    e = fe[i]!
    const start = date(buf, s, e)
    if (start < 0) {
      ok = false
      this.issue(line, "start", `${this.show(buf, s, e)} är inte ett giltigt datum på formen ÅÅÅÅ-MM-DD`)
    }

    // end (empty: the episode is still open)
    i = at[6]!
    s = fs[i]!
    e = fe[i]!
    let end = Number.POSITIVE_INFINITY
    if (e > s) {
      end = date(buf, s, e)
      if (end < 0) {
        ok = false
        this.issue(line, "end", `${this.show(buf, s, e)} är inte ett giltigt datum på formen ÅÅÅÅ-MM-DD (tomt för pågående vård)`)
      } else if (start >= 0 && end < start) {
        ok = false
        this.issue(line, "end", `slutdatum ${this.show(buf, s, e)} är före startdatum`)
      }
    }
    const startYear = Math.floor(start / 10000)
    if (ok && birthYear > startYear) {
      ok = false
      this.issue(line, "birthYear", `födelseår ${birthYear} är efter vårdtillfällets start (${startYear})`)
    }

    // patient
    i = at[0]!
    s = fs[i]!
    e = fe[i]!
    if (e === s) {
      this.issue(line, "patient", "patient-id saknas")
      return
    }
    if (e - s > 200) {
      this.issue(line, "patient", "patient-id är längre än 200 byte")
      return
    }
    for (let k = s; k < e; k++) {
      if (buf[k]! >= 0x80) {
        if (this.decode(buf, s, e, "patient") === undefined) return
        break
      }
    }
    if (!ok) return
    const p = this.patient(buf, s, e, sex, birthYear)
    if (p < 0) return
    this.rows++
    if (this.issues.length > 0) return
    this.count1(p, region, sex, birthYear, careForm, startYear, end === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : Math.floor(end / 10000))
  }

  private count1(p: number, region: number, sex: number, birthYear: number, careForm: number, startYear: number, endYear: number): void {
    const first = Math.max(startYear, this.from)
    const last = Math.min(endYear, this.from + this.years - 1)
    if (first > last) return
    const bits = this.records
    const half = this.stride >> 1
    const record = p * this.recordSize
    const row = record + 7
    let home = (bits[record + 4]! >>> 9) & 31
    if (home === 0) {
      home = region
      bits[record + 4] = bits[record + 4]! | (region << 9)
    }
    for (let year = first; year <= last; year++) {
      const yi = year - this.from
      const bit = yi * FORMS + careForm
      const word = row + (bit >>> 5)
      const mask = 1 << (bit & 31)
      const band = ageBandByAge[year - birthYear]!
      if ((bits[word]! & mask) === 0) {
        bits[word] = bits[word]! | mask
        this.base[baseIndex(yi, careForm, 0, sex, band)]!++
      }
      if (region === home) {
        if ((bits[word + half]! & mask) === 0) {
          bits[word + half] = bits[word + half]! | mask
          this.base[baseIndex(yi, careForm, region, sex, band)]!++
        }
      } else {
        if (this.overflowUsed === this.overflow.length) this.overflow = grow64(this.overflow, this.overflow.length * 2)
        this.overflow[this.overflowUsed++] = (p * this.years * FORMS + bit) * REGIONS + region
      }
    }
  }

  private resolveOverflow(): void {
    const keys = this.overflow.subarray(0, this.overflowUsed).sort()
    let previous = -1
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!
      if (key === previous) continue
      previous = key
      const region = key % REGIONS
      const rest = (key - region) / REGIONS
      const bit = rest % (this.years * FORMS)
      const p = (rest - bit) / (this.years * FORMS)
      const careForm = bit % FORMS
      const yi = (bit - careForm) / FORMS
      const record = p * this.recordSize
      const band = ageBandByAge[this.from + yi - this.records[record + 5]!]!
      this.base[baseIndex(yi, careForm, region, (this.records[record + 4]! >>> 8) & 1, band)]!++
    }
    this.overflow = new Float64Array(0)
  }

  /** The patient's dense id, registering a new one; -1 when the row contradicts earlier rows. */
  private patient(buf: Uint8Array, s: number, e: number, sex: number, birthYear: number): number {
    const length = e - s
    if (buf === this.lastBuf && length === this.lastLength) {
      const last = this.lastStart
      let k = 0
      while (k < length && buf[s + k] === buf[last + k]) k++
      if (k === length) {
        const record = this.lastId * this.recordSize
        const packed = this.records[record + 4]!
        if (((packed >>> 8) & 1) === sex && this.records[record + 5] === birthYear) {
          this.lastStart = s
          return this.lastId
        }
      }
    }
    const id = this.lookup(buf, s, e, sex, birthYear)
    if (id >= 0) {
      this.lastBuf = buf
      this.lastStart = s
      this.lastLength = length
      this.lastId = id
    }
    return id
  }

  private lookup(buf: Uint8Array, s: number, e: number, sex: number, birthYear: number): number {
    let h = 0x811c9dc5
    for (let k = s; k < e; k++) h = Math.imul(h ^ buf[k]!, 16777619)
    h ^= h >>> 15
    const length = e - s
    const slots = this.slots
    const records = this.records
    const size = this.recordSize
    const mask = this.capacity - 1
    let slot = h & mask
    for (;;) {
      const id1 = slots[2 * slot + 1]!
      if (id1 === 0) break
      if (slots[2 * slot] === h) {
        const id = id1 - 1
        const record = id * size
        const packed = records[record + 4]!
        if (
          (packed & 255) === length &&
          (length <= 16 ? sameBytes(this.recordBytes, record * 4, buf, s, length) : sameBytes(this.arena, records[record]!, buf, s, length))
        ) {
          const knownSex = (packed >>> 8) & 1
          if (knownSex !== sex) {
            this.issue(this.line, "sex", `patienten har kön ${sex === 0 ? "K" : "M"} här men ${knownSex === 0 ? "K" : "M"} på rad ${records[record + 6]}`)
            return -1
          }
          if (records[record + 5] !== birthYear) {
            this.issue(this.line, "birthYear", `patienten har födelseår ${birthYear} här men ${records[record + 5]} på rad ${records[record + 6]}`)
            return -1
          }
          return id
        }
      }
      slot = (slot + 1) & mask
    }
    const id = this.count++
    if ((id + 1) * size > this.records.length) this.growPatients()
    const record = id * size
    if (length <= 16) {
      this.recordBytes.set(buf.subarray(s, e), record * 4)
    } else {
      if (this.arenaUsed + length > this.arena.length) {
        const next = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + length))
        next.set(this.arena.subarray(0, this.arenaUsed))
        this.arena = next
      }
      this.arena.set(buf.subarray(s, e), this.arenaUsed)
      this.records[record] = this.arenaUsed
      this.arenaUsed += length
    }
    this.records[record + 4] = length | (sex << 8)
    this.records[record + 5] = birthYear
    this.records[record + 6] = this.line
    slots[2 * slot] = h
    slots[2 * slot + 1] = id + 1
    if (this.count * 2 > this.capacity) this.rehash()
    return id
  }

  private rehash(): void {
    const old = this.slots
    this.capacity *= 2
    const mask = this.capacity - 1
    const slots = new Int32Array(2 * this.capacity)
    for (let k = 0; k < old.length; k += 2) {
      const id1 = old[k + 1]!
      if (id1 === 0) continue
      const h = old[k]!
      let t = h & mask
      while (slots[2 * t + 1] !== 0) t = (t + 1) & mask
      slots[2 * t] = h
      slots[2 * t + 1] = id1
    }
    this.slots = slots
  }

  private growPatients(): void {
    const records = new Int32Array(this.records.length * 2)
    records.set(this.records)
    this.records = records
    this.recordBytes = new Uint8Array(records.buffer)
  }

  private show(buf: Uint8Array, s: number, e: number): string {
    if (e === s) return "(tomt)"
    const text = new TextDecoder("utf-8").decode(buf.subarray(s, Math.min(e, s + 60)))
    return JSON.stringify(text)
  }
}

const digits = (buf: Uint8Array, s: number, n: number): number => {
  let value = 0
  for (let k = s; k < s + n; k++) {
    const d = buf[k]! - 48
    if (d < 0 || d > 9) return -1
    value = value * 10 + d
  }
  return value
}

/** `YYYY-MM-DD` as the number YYYYMMDD, or -1 when not a real date. */
const date = (buf: Uint8Array, s: number, e: number): number => {
  if (e - s !== 10 || buf[s + 4] !== 45 || buf[s + 7] !== 45) return -1
  const year = digits(buf, s, 4)
  const month = digits(buf, s + 5, 2)
  const day = digits(buf, s + 8, 2)
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return -1
  return year * 10000 + month * 100 + day
}

const matchCareForm = (buf: Uint8Array, s: number, e: number): number => {
  const length = e - s
  for (let f = 0; f < careFormBytes.length; f++) {
    const bytes = careFormBytes[f]!
    if (bytes.length !== length) continue
    let k = 0
    while (k < length && buf[s + k] === bytes[k]) k++
    if (k === length) return f
  }
  return -1
}

const sameBytes = (arena: Uint8Array, at: number, buf: Uint8Array, s: number, length: number): boolean => {
  for (let k = 0; k < length; k++) if (arena[at + k] !== buf[s + k]) return false
  return true
}

const concat = (a: Uint8Array, b: Uint8Array): Uint8Array => {
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}

const grow64 = (a: Float64Array, n: number): Float64Array<ArrayBuffer> => {
  const out = new Float64Array(n)
  out.set(a)
  return out
}
