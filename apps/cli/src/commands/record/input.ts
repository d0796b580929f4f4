import { CsvSyntax, type Issue, InputFile, Json } from "@uppdrag/core"
import { EventInput } from "@uppdrag/application"
import { parse as parseCsv } from "csv-parse/sync"
import * as Result from "effect/Result"

/** The record sub-commands and the event type each writes (`EventInput` of the application holds their fields and rules). */
export type Kind = EventInput.Kind
export type Located = EventInput.Located

/** A table read from a file: its header and rows of text, each with its line. */
type Table = EventInput.Rows

const readCsv = (text: string): Result.Result<Table, Array<Issue>> => {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? ""
  // Swedish spreadsheets write `;` between fields; take whichever the header uses.
  const delimiter = firstLine.includes(";") && !firstLine.includes(",") ? ";" : ","
  let records: Array<{ record: Array<string>; info: { lines: number } }>
  try {
    records = parseCsv(text, { delimiter, info: true, skip_empty_lines: true, trim: true, bom: true }) as unknown as typeof records
  } catch (error) {
    return Result.fail([CsvSyntax.issue(error, text, delimiter)])
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
  const parsed = Json.parse(text, "")
  if (Result.isFailure(parsed)) return Result.fail([...parsed.failure.issues])
  const value = parsed.success
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
 * into rows, and `EventInput.fromRows` turns them into events: every
 * problem is reported with the file's line and the field, and nothing is
 * returned unless every row is good.
 *
 * @example
 * readBatch("requisition", bytes, "rekvisitioner.csv", "anna")
 */
export const readBatch = (kind: Kind, bytes: Uint8Array, file: string, recordedBy: string): Result.Result<Array<Located>, Array<Issue>> => {
  const decoded = InputFile.decodeText(bytes, file)
  if (Result.isFailure(decoded)) return Result.fail([...decoded.failure.issues])
  const text = decoded.success
  const table = file.toLowerCase().endsWith(".json") ? readJson(text) : readCsv(text)
  if (Result.isFailure(table)) return Result.fail(table.failure)
  return EventInput.fromRows(kind, table.success, recordedBy, { requireColumns: !file.toLowerCase().endsWith(".json") })
}
