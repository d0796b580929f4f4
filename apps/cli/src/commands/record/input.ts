import { CalendarDate, type Issue, Kronor, Region } from "@uppdrag/core"
import type { Event } from "@uppdrag/application"
import { parse as parseCsv } from "csv-parse/sync"
import * as Result from "effect/Result"

/** The record sub-commands and the event type each writes. */
export type Kind = "requisition" | "payout" | "use" | "repayment" | "report" | "due-date" | "reversal"

/** One event read from the command line or a file, with where it came from (for messages). */
export interface Located {
  readonly event: Event.NewEvent
  /** 1-based line in the file; undefined for command-line options. */
  readonly line: number | undefined
}

const moneyFields = ["grant", "region", "amount", "date", "by", "note"] as const
const fieldsOf: Record<Kind, { all: ReadonlyArray<string>; required: ReadonlyArray<string> }> = {
  requisition: { all: moneyFields, required: ["grant", "region", "amount", "date"] },
  payout: { all: moneyFields, required: ["grant", "region", "amount", "date"] },
  use: { all: moneyFields, required: ["grant", "region", "amount", "date"] },
  repayment: { all: moneyFields, required: ["grant", "region", "amount", "date"] },
  report: { all: ["assignment", "obligation", "date", "region", "by", "note"], required: ["assignment", "obligation", "date"] },
  "due-date": { all: ["assignment", "obligation", "due", "date", "by", "note"], required: ["assignment", "obligation", "due", "date"] },
  reversal: { all: ["event", "date", "by", "note"], required: ["event", "date"] }
}

/** The fields a kind takes (option names without `--`, and file columns). */
export const fields = (kind: Kind): ReadonlyArray<string> => fieldsOf[kind].all

/**
 * Turns one record of text fields into an event, or every problem with its
 * field. `name` renders a field for messages (`--amount` or `amount`).
 */
export const toEvent = (
  kind: Kind,
  record: Readonly<Record<string, string | undefined>>,
  recordedBy: string,
  name: (field: string) => string
): Result.Result<Event.NewEvent, Array<Issue>> => {
  const issues: Array<Issue> = []
  const value = (field: string): string | undefined => {
    const text = record[field]?.trim()
    return text === undefined || text === "" ? undefined : text
  }
  for (const field of fieldsOf[kind].required) {
    if (value(field) === undefined) issues.push({ path: name(field), message: "saknas" })
  }
  const check = <A>(field: string, parse: (text: string) => Result.Result<A, string>): A | undefined => {
    const text = value(field)
    if (text === undefined) return undefined
    const parsed = parse(text)
    if (Result.isFailure(parsed)) {
      issues.push({ path: name(field), message: parsed.failure })
      return undefined
    }
    return parsed.success
  }
  const region = check("region", (text) => Result.map(Region.parse(text), (r) => r.code))
  if (region === "00") issues.push({ path: name("region"), message: "Riket (00) är ingen region; ange en av de 21 regionerna" })
  const amount = check("amount", (text) => Kronor.parse(text))
  const date = check("date", (text) => CalendarDate.parse(text))
  const due = check("due", (text) => CalendarDate.parse(text))
  const reverses = check("event", (text) =>
    /^\d+$/.test(text) && Number(text) > 0 ? Result.succeed(Number(text)) : Result.fail(`${JSON.stringify(text)} är inget löpnummer (ett positivt heltal)`)
  )
  const slug = (field: string): string | undefined =>
    check(field, (text) => (/^[a-z0-9][a-z0-9_-]*$/.test(text) ? Result.succeed(text) : Result.fail(`${JSON.stringify(text)} är inget giltigt id (a–z, 0–9, - och _)`)))
  const grant = slug("grant")
  const assignment = slug("assignment")
  const obligation = slug("obligation")
  if (issues.length > 0) return Result.fail(issues)
  const type: Event.EventType = kind
  const event: Event.NewEvent = {
    type,
    date: date!,
    recordedBy: value("by") ?? recordedBy,
    note: value("note") ?? "",
    ...(grant === undefined ? {} : { grant }),
    ...(assignment === undefined ? {} : { assignment }),
    ...(region === undefined ? {} : { region }),
    ...(amount === undefined ? {} : { amount }),
    ...(reverses === undefined ? {} : { reverses }),
    ...(obligation === undefined ? {} : { obligation }),
    ...(due === undefined ? {} : { payload: { due } })
  }
  return Result.succeed(event)
}

const csvMessages: Record<string, string> = {
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: "raden har ett annat antal fält än rubrikraden",
  CSV_RECORD_INCONSISTENT_COLUMNS: "raden har ett annat antal fält än rubrikraden",
  CSV_QUOTE_NOT_CLOSED: "ett citattecken stängs aldrig",
  CSV_INVALID_CLOSING_QUOTE: "tecken efter ett avslutande citattecken",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "tecken efter ett avslutande citattecken"
}

/** A table read from a file: its header and rows of text, each with its line. */
interface Table {
  readonly header: ReadonlyArray<string>
  readonly rows: ReadonlyArray<{ readonly cells: Readonly<Record<string, string>>; readonly line: number }>
}

const readCsv = (text: string): Result.Result<Table, Array<Issue>> => {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? ""
  // Swedish spreadsheets write `;` between fields; take whichever the header uses.
  const delimiter = firstLine.includes(";") && !firstLine.includes(",") ? ";" : ","
  let records: Array<{ record: Array<string>; info: { lines: number } }>
  try {
    records = parseCsv(text, { delimiter, info: true, skip_empty_lines: true, trim: true, bom: true }) as unknown as typeof records
  } catch (error) {
    const e = error as { code?: string; lines?: number; message: string }
    return Result.fail([{ path: "", message: `ogiltig CSV: ${csvMessages[e.code ?? ""] ?? e.message}`, ...(e.lines === undefined ? {} : { line: e.lines }) }])
  }
  const [head, ...body] = records
  if (head === undefined) return Result.fail([{ path: "", message: "filen är tom; första raden ska vara en rubrikrad med fältnamnen" }])
  const header = head.record.map((h) => h.trim())
  return Result.succeed({
    header,
    rows: body.map(({ record, info }) => ({ cells: Object.fromEntries(header.map((h, i) => [h, record[i] ?? ""])), line: info.lines }))
  })
}

/** Line of each top-level element of a JSON array, by a scan that respects strings. */
const elementLines = (text: string): Array<number> => {
  const lines: Array<number> = []
  let line = 1
  let depth = 0
  let inString = false
  let expecting = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? ""
    if (c === "\n") {
      line++
      continue
    }
    if (inString) {
      if (c === "\\") i++
      else if (c === '"') inString = false
      continue
    }
    if (expecting && !/\s/.test(c) && c !== "]") {
      lines.push(line)
      expecting = false
    }
    if (c === '"') inString = true
    else if (c === "{" || c === "[") {
      depth++
      if (depth === 1) expecting = true
    } else if (c === "}" || c === "]") depth--
    else if (c === "," && depth === 1) expecting = true
  }
  return lines
}

const readJson = (text: string): Result.Result<Table, Array<Issue>> => {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return Result.fail([{ path: "", message: `ogiltig JSON: ${(error as Error).message}` }])
  }
  if (!Array.isArray(value)) return Result.fail([{ path: "", message: "förväntade en lista (JSON-array) av händelser" }])
  const lines = elementLines(text)
  const issues: Array<Issue> = []
  const header = new Set<string>()
  const rows = value.flatMap((item, i) => {
    const line = lines[i] ?? 1
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      issues.push({ path: `[${i}]`, message: "förväntade ett objekt med fälten för en händelse", line })
      return []
    }
    const cells: Record<string, string> = {}
    for (const [key, cell] of Object.entries(item as Record<string, unknown>)) {
      header.add(key)
      if (typeof cell === "string" || typeof cell === "number") cells[key] = String(cell)
      else if (cell !== null) issues.push({ path: `[${i}].${key}`, message: `förväntade text eller ett tal, fick ${JSON.stringify(cell)}`, line })
    }
    return [{ cells, line }]
  })
  return issues.length > 0 ? Result.fail(issues) : Result.succeed({ header: [...header], rows })
}

/**
 * Reads a batch file (CSV with a header row, or a JSON array of objects)
 * into events: every problem is reported with the file's line and the field,
 * and nothing is returned unless every row is good.
 *
 * @example
 * readBatch("requisition", bytes, "rekvisitioner.csv", "anna")
 */
export const readBatch = (kind: Kind, bytes: Uint8Array, file: string, recordedBy: string): Result.Result<Array<Located>, Array<Issue>> => {
  let text: string
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "")
  } catch {
    return Result.fail([{ path: "", message: "filen är inte kodad som UTF-8 (spara den som UTF-8, t.ex. \"CSV UTF-8\" i Excel)" }])
  }
  const table = file.toLowerCase().endsWith(".json") ? readJson(text) : readCsv(text)
  if (Result.isFailure(table)) return Result.fail(table.failure)
  const { header, rows } = table.success
  const issues: Array<Issue> = []
  const allowed = fieldsOf[kind].all
  const seenHeader = new Set<string>()
  for (const column of header) {
    if (seenHeader.has(column)) issues.push({ path: column, message: "kolumnen finns två gånger", line: 1 })
    seenHeader.add(column)
    if (!allowed.includes(column)) issues.push({ path: column, message: `okänt fält (tillåtna: ${allowed.join(", ")})`, line: 1 })
  }
  for (const column of fieldsOf[kind].required) {
    if (!seenHeader.has(column) && rows.length > 0 && !file.toLowerCase().endsWith(".json")) {
      issues.push({ path: column, message: "kolumnen saknas", line: 1 })
    }
  }
  if (issues.length > 0) return Result.fail(issues)
  if (rows.length === 0) return Result.fail([{ path: "", message: "filen innehåller inga händelser" }])
  const events: Array<Located> = []
  const firstSeen = new Map<string, number>()
  for (const row of rows) {
    const key = JSON.stringify(allowed.map((f) => row.cells[f]?.trim() ?? ""))
    const earlier = firstSeen.get(key)
    if (earlier !== undefined) {
      issues.push({ path: "", message: `raden är en dubblett av rad ${earlier}; skilj dem åt med note om båda ska registreras`, line: row.line })
      continue
    }
    firstSeen.set(key, row.line)
    const event = toEvent(kind, row.cells, recordedBy, (field) => field)
    if (Result.isFailure(event)) issues.push(...event.failure.map((issue) => ({ ...issue, line: row.line })))
    else events.push({ event: event.success, line: row.line })
  }
  return issues.length > 0 ? Result.fail(issues) : Result.succeed(events)
}
