import { CsvSyntax, Region } from "@uppdrag/core"
import { parse as parseCsv } from "csv-parse/sync"
import { ageBandIndex, careForms } from "../Dimension.js"
import { BLANK, columns, daysIn, type Header, type Issues, type LineReader, MAX_ID_BYTES, MIN_BIRTH_YEAR, type Row, type RowFormat } from "./EpisodeFormat.js"

export {
  BANDS,
  BLANK,
  baseIndex,
  birthYearConflict,
  columns,
  daysIn,
  FORMS,
  type Header,
  Issues,
  isCanonical,
  MAX_ID_BYTES,
  MAX_ISSUES,
  MIN_BIRTH_YEAR,
  type RawCounts,
  REGIONS,
  type Row,
  sexConflict
} from "./EpisodeFormat.js"

/**
 * The episode file's format and every check of it, in one place: the header,
 * one row's fields, and the messages (file, line, field). The scanner's fast
 * path accepts only rows it can prove valid and sends every other line here,
 * so a problem is always reported by this code. (The shapes and limits every
 * part shares are in EpisodeFormat, which a worker thread starts with.)
 */

/** Region code (two ASCII digits as a number 0–99) to region index 1–21; 0 = unknown. */
export const regionIndexByCode = new Uint8Array(100)
Region.all.forEach((region, i) => {
  regionIndexByCode[Number(region.code)] = i + 1
})

const careFormBytes = careForms.map((form) => Uint8Array.from(form, (c) => c.charCodeAt(0)))
/** Age in whole years to age band 0–7. */
export const ageBandByAge = Uint8Array.from({ length: 400 }, (_, age) => ageBandIndex(age))
const utf8 = new TextDecoder("utf-8", { fatal: true })

const decode = (buf: Uint8Array, s: number, e: number, line: number, path: string, issues: Issues): string | undefined => {
  try {
    return utf8.decode(buf.subarray(s, e))
  } catch {
    issues.add(line, path, "ogiltig teckenkodning: filen ska vara UTF-8")
    return undefined
  }
}

/**
 * Reads the header line `[s, e)` (line end removed), line `line` of the
 * file. A blank line gives
 * {@link BLANK}; a header that can't be used gives undefined, with its
 * problems added: then no row can be read.
 */
export const readHeader = (buf: Uint8Array, s: number, e: number, line: number, issues: Issues): Header | typeof BLANK | undefined => {
  if (e - s >= 2 && ((buf[s] === 0xff && buf[s + 1] === 0xfe) || (buf[s] === 0xfe && buf[s + 1] === 0xff))) {
    issues.add(1, "", "filen är kodad som UTF-16: spara den som UTF-8")
    return undefined
  }
  if (e - s >= 3 && buf[s] === 0xef && buf[s + 1] === 0xbb && buf[s + 2] === 0xbf) s += 3
  // Blank lines before the header are tolerated.
  if (e === s) return BLANK
  const text = decode(buf, s, e, line, "", issues)
  if (text === undefined) return undefined
  let names: Array<string>
  try {
    names = ((parseCsv(text) as Array<Array<string>>)[0] ?? []).map((name) => name.trim())
  } catch (error) {
    issues.add(1, "", `felaktig rubrikrad: ${CsvSyntax.issue(error, text, ",").message}`)
    return undefined
  }
  const before = issues.list.length
  const seen = new Map<string, number>()
  const at = new Array<number>(columns.length).fill(-1)
  names.forEach((name, i) => {
    const role = (columns as ReadonlyArray<string>).indexOf(name)
    if (seen.has(name)) issues.add(1, name, `kolumnen finns två gånger (kolumn ${seen.get(name)! + 1} och ${i + 1})`)
    seen.set(name, i)
    if (i < 63 && role >= 0) at[role] = i
  })
  for (const column of columns) {
    if (!seen.has(column)) issues.add(1, column, `kolumnen saknas (rubriken ska vara ${columns.join(",")})`)
  }
  if (names.length > 63) issues.add(1, "", "för många kolumner")
  if (issues.list.length > before) return undefined
  return { at, fields: names.length }
}

/**
 * Reads any row of a file with this header, field by field, and reports
 * every problem of it: the reference for what a valid row is.
 */
export class RowReader implements LineReader {
  private readonly fieldStart = new Int32Array(64)
  private readonly fieldEnd = new Int32Array(64)

  constructor(readonly header: Header) {}

  /** The line `[s, e)` (line end removed, not blank), or undefined when it has problems. */
  read(buf: Uint8Array, s: number, e: number, line: number, issues: Issues): Row | undefined {
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
      } else if (c === 34) return this.readQuoted(buf, s, e, line, issues)
    }
    if (f < 63) {
      fieldStart[f] = begin
      fieldEnd[f] = e
    }
    return this.readFields(buf, f + 1, line, issues)
  }

  private readQuoted(buf: Uint8Array, s: number, e: number, line: number, issues: Issues): Row | undefined {
    const text = decode(buf, s, e, line, "", issues)
    if (text === undefined) return undefined
    let records: Array<Array<string>>
    try {
      records = parseCsv(text, { relax_column_count: true }) as Array<Array<string>>
    } catch (error) {
      issues.add(line, "", CsvSyntax.issue(error, text, ",").message)
      return undefined
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
    return this.readFields(scratch, fields.length, line, issues)
  }

  private readFields(buf: Uint8Array, f: number, line: number, issues: Issues): Row | undefined {
    if (f !== this.header.fields) {
      issues.add(line, "", `raden har ${f} fält, rubriken har ${this.header.fields}`)
      return undefined
    }
    const at = this.header.at
    const fs = this.fieldStart
    const fe = this.fieldEnd
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
      issues.add(line, "region", `okänd region ${show(buf, s, e)} (ange SCB-kod 01–25)`)
    }

    // sex
    i = at[2]!
    s = fs[i]!
    e = fe[i]!
    let sex = -1
    if (e - s === 1) sex = buf[s] === 75 ? 0 : buf[s] === 77 ? 1 : -1
    if (sex < 0) {
      ok = false
      issues.add(line, "sex", `kön ska vara K eller M, fick ${show(buf, s, e)}`)
    }

    // birthYear
    i = at[3]!
    s = fs[i]!
    e = fe[i]!
    const birthYear = e - s === 4 ? digits(buf, s, 4) : -1
    if (birthYear < MIN_BIRTH_YEAR) {
      ok = false
      issues.add(line, "birthYear", `födelseår ska vara ett årtal med fyra siffror från ${MIN_BIRTH_YEAR}, fick ${show(buf, s, e)}`)
    }

    // careForm
    i = at[4]!
    s = fs[i]!
    e = fe[i]!
    const careForm = matchCareForm(buf, s, e)
    if (careForm < 0) {
      ok = false
      issues.add(line, "careForm", `okänd vårdform ${show(buf, s, e)} (ska vara ${careForms.join(", ")})`)
    }

    // start
    i = at[5]!
    s = fs[i]!
    e = fe[i]!
    const start = date(buf, s, e)
    if (start < 0) {
      ok = false
      issues.add(line, "start", `${show(buf, s, e)} är inte ett giltigt datum på formen ÅÅÅÅ-MM-DD`)
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
        issues.add(line, "end", `${show(buf, s, e)} är inte ett giltigt datum på formen ÅÅÅÅ-MM-DD (tomt för pågående vård)`)
      } else if (start >= 0 && end < start) {
        ok = false
        issues.add(line, "end", `slutdatum ${show(buf, s, e)} är före startdatum`)
      }
    }
    const startYear = Math.floor(start / 10000)
    if (ok && birthYear > startYear) {
      ok = false
      issues.add(line, "birthYear", `födelseår ${birthYear} är efter vårdtillfällets start (${startYear})`)
    }

    // patient
    i = at[0]!
    s = fs[i]!
    e = fe[i]!
    if (e === s) {
      issues.add(line, "patient", "patient-id saknas")
      return undefined
    }
    if (e - s > MAX_ID_BYTES) {
      issues.add(line, "patient", "patient-id är längre än 200 byte")
      return undefined
    }
    for (let k = s; k < e; k++) {
      if (buf[k]! >= 0x80) {
        if (decode(buf, s, e, line, "patient", issues) === undefined) return undefined
        break
      }
    }
    if (!ok) return undefined
    return {
      buf,
      patientStart: s,
      patientEnd: e,
      region,
      sex,
      birthYear,
      careForm,
      startYear,
      endYear: end === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : Math.floor(end / 10000)
    }
  }
}

const show = (buf: Uint8Array, s: number, e: number): string => {
  if (e === s) return "(tomt)"
  const text = new TextDecoder("utf-8").decode(buf.subarray(s, Math.min(e, s + 60)))
  return JSON.stringify(text)
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

/** The full format: the code tables and the reference readers. */
export const rowFormat: RowFormat = {
  regionIndexByCode,
  ageBandByAge,
  readHeader,
  reader: (header) => new RowReader(header)
}
