import { type Assignment, CalendarDate, type Issue, ValidationError } from "@uppdrag/core"
import * as Result from "effect/Result"
import type * as DeadlineFilter from "./DeadlineFilter.js"
import * as Obligation from "./Obligation.js"
import * as Deadline from "./Deadline.js"

/**
 * A question about deadlines as a person types it (`--as-of 2026-11-23
 * --kind delredovisning`), validated against the catalog. Every field is
 * text; {@link decode} checks them all and names the bad ones in Swedish.
 *
 * @example
 * import { DeadlineQuery } from "@uppdrag/deadlines"
 * DeadlineQuery.decode({ asOf: "2026-11-23", kind: "delredovisning" }, catalog.assignments, today)
 * @since 0.2.0
 */
export interface Raw {
  readonly asOf?: string | undefined
  readonly within?: string | undefined
  readonly assignment?: string | undefined
  readonly kind?: string | undefined
  readonly recipient?: string | undefined
  /** One status, e.g. `forsenad`. */
  readonly status?: string | undefined
  readonly from?: string | undefined
  readonly to?: string | undefined
}

/**
 * A validated query.
 *
 * @example
 * // { asOf: "2026-11-23", within: 30, filter: { kind: "delredovisning" } }
 * @since 0.2.0
 */
export interface DeadlineQuery {
  readonly asOf: CalendarDate.CalendarDate
  readonly within: number
  readonly filter: DeadlineFilter.DeadlineFilter
}


/**
 * Validates a query. `today` is the default as-of date (passed in, so tests
 * never depend on the clock). All problems are reported at once, each under
 * the option it came from (`--as-of`, `--assignment`, `--kind` …).
 *
 * @example
 * DeadlineQuery.decode({ kind: "rapport" }, assignments, today)
 * // Result.fail(ValidationError: "--kind: okänd typ "rapport"; giltiga typer: delredovisning, …")
 * @since 0.2.0
 */
export const decode = (
  raw: Raw,
  assignments: ReadonlyArray<Assignment.Assignment>,
  today: CalendarDate.CalendarDate,
  /** The command named in messages. */
  source = "uppdrag deadlines"
): Result.Result<DeadlineQuery, ValidationError> => {
  const issues: Array<Issue> = []
  const date = (text: string | undefined, path: string): CalendarDate.CalendarDate | undefined => {
    if (text === undefined) return undefined
    const parsed = CalendarDate.parse(text)
    if (Result.isFailure(parsed)) {
      issues.push({ path, message: parsed.failure })
      return undefined
    }
    return parsed.success
  }
  const asOf = date(raw.asOf, "--as-of") ?? today
  const from = date(raw.from, "--from")
  const to = date(raw.to, "--to")
  if (from !== undefined && to !== undefined && from > to) issues.push({ path: "--to", message: `${to} ligger före ${from}` })
  let within = Deadline.defaultWithin
  if (raw.within !== undefined) {
    if (/^\d+$/.test(raw.within.trim()) && Number(raw.within) <= 3660) within = Number(raw.within)
    else issues.push({ path: "--within", message: `${JSON.stringify(raw.within)} är inte ett antal dagar (ett heltal 0–3660)` })
  }
  let kind: Assignment.ObligationKind | undefined
  if (raw.kind !== undefined) {
    const parsed = Obligation.KindSchema.safeParse(raw.kind)
    if (parsed.success) kind = parsed.data
    else issues.push({ path: "--kind", message: `okänd typ ${JSON.stringify(raw.kind)}; giltiga typer: ${Obligation.kinds.join(", ")}` })
  }
  if (raw.assignment !== undefined && Obligation.findAssignment(assignments, raw.assignment) === undefined) {
    issues.push({ path: "--assignment", message: `uppdraget ${JSON.stringify(raw.assignment)} finns inte i katalogen (ange diarienummer, t.ex. S2025/01528, eller id)` })
  }
  let status: Deadline.Status | undefined
  if (raw.status !== undefined) {
    status = Deadline.statuses.find((s) => s === raw.status)
    if (status === undefined) issues.push({ path: "--status", message: `okänd status ${JSON.stringify(raw.status)}; giltiga: ${Deadline.statuses.join(", ")}` })
  }
  if (raw.recipient !== undefined && raw.recipient.trim() === "") issues.push({ path: "--recipient", message: "får inte vara tom" })
  if (issues.length > 0) return Result.fail(new ValidationError({ source, issues }))
  const filter: DeadlineFilter.DeadlineFilter = {
    ...(raw.assignment === undefined ? {} : { assignment: raw.assignment }),
    ...(kind === undefined ? {} : { kind }),
    ...(raw.recipient === undefined ? {} : { recipient: raw.recipient }),
    ...(status === undefined ? {} : { statuses: [status] }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to })
  }
  return Result.succeed({ asOf, within, filter })
}
