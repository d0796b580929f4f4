import { CalendarDate, type Issue, Kronor, Region } from "@uppdrag/core"
import * as Result from "effect/Result"
import type * as Event from "./Event.js"

/**
 * Events as people give them: text fields from command-line options or the
 * rows of a batch file (CSV or JSON), turned into new events with every
 * problem named by its field (and line). Which fields each kind takes and
 * needs, how amounts, dates, regions and ids read, and that a batch holds
 * no duplicate rows are decided here, once; the adapters only decode the
 * file format.
 *
 * @example
 * import { EventInput } from "@uppdrag/application"
 * EventInput.toEvent("requisition", { grant: "specialiserad-psykiatri-2026", region: "03", amount: "58 203 923", date: "2026-04-15" }, "anna", (f) => `--${f}`)
 * @since 0.2.0
 */
export type Kind = "requisition" | "payout" | "use" | "repayment" | "report" | "due-date" | "reversal"

/**
 * One event read from the command line or a file, with where it came from (for messages).
 *
 * @since 0.2.0
 */
export interface Located {
  readonly event: Event.NewEvent
  /** 1-based line in the file; undefined for command-line options. */
  readonly line: number | undefined
}

/**
 * A table read from a file: its header and rows of text, each with its line.
 *
 * @since 0.2.0
 */
export interface Rows {
  readonly header: ReadonlyArray<string>
  readonly rows: ReadonlyArray<{ readonly cells: Readonly<Record<string, string>>; readonly line: number }>
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

/**
 * The fields a kind takes (option names without `--`, and file columns).
 *
 * @example
 * EventInput.fields("reversal") // ["event", "date", "by", "note"]
 * @since 0.2.0
 */
export const fields = (kind: Kind): ReadonlyArray<string> => fieldsOf[kind].all

/**
 * Turns one record of text fields into an event, or every problem with its
 * field. `name` renders a field for messages (`--amount` or `amount`).
 *
 * @example
 * EventInput.toEvent("reversal", { event: "7", date: "2026-05-02" }, "anna", (f) => f) // Result.succeed({ type: "reversal", reverses: 7, … })
 * @since 0.2.0
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

/**
 * The events of a batch file's rows: the header may only name the kind's
 * fields, once each; with `requireColumns` (CSV) every required field needs
 * its column; a row that repeats an earlier one is refused (tell them apart
 * with `note`). Every problem is reported with its line, and nothing is
 * returned unless every row is good.
 *
 * @example
 * EventInput.fromRows("requisition", { header: ["grant", "region", "amount", "date"], rows }, "anna", { requireColumns: true })
 * @since 0.2.0
 */
export const fromRows = (kind: Kind, table: Rows, recordedBy: string, options: { readonly requireColumns: boolean }): Result.Result<Array<Located>, Array<Issue>> => {
  const { header, rows } = table
  const issues: Array<Issue> = []
  const allowed = fieldsOf[kind].all
  const seenHeader = new Set<string>()
  for (const column of header) {
    if (seenHeader.has(column)) issues.push({ path: column, message: "kolumnen finns två gånger", line: 1 })
    seenHeader.add(column)
    if (!allowed.includes(column)) issues.push({ path: column, message: `okänt fält (tillåtna: ${allowed.join(", ")})`, line: 1 })
  }
  for (const column of fieldsOf[kind].required) {
    if (!seenHeader.has(column) && rows.length > 0 && options.requireColumns) issues.push({ path: column, message: "kolumnen saknas", line: 1 })
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
