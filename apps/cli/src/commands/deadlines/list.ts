import { type CatalogSource, DeadlineList, type EventLog, type EventLogError, type Populations, Table, Today, Workload } from "@uppdrag/application"
import type { CalendarDate, ValidationError } from "@uppdrag/core"
import { Calendar, type Deadline, Reminder } from "@uppdrag/deadlines"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { renderCsv } from "../../terminal/Csv.js"
import { type Refusal, Usage } from "../../terminal/Failure.js"
import { catalogLayer, logLayer } from "../../terminal/Log.js"
import { writeOutput } from "../../terminal/Output.js"
import { renderTable } from "../../terminal/Table.js"
import type { DeadlinesOptions } from "../deadlines.js"
import { loadRecords } from "../meetings/sources.js"
import type { Outcome } from "../../terminal/Options.js"

/** A status as the terminal table shows it: `kommande`, `försenad`, `datum ej satt` … */
export const statusText = (status: Deadline.Status): string => DeadlineList.statusLabels[status].toLowerCase()

/**
 * The deadlines a query asks for (`DeadlineList.list` of the application,
 * with the meetings of `--records` files), and the layers it runs on: the
 * catalog, the published population figures and the event log (created on
 * first use).
 */
export const selectDeadlines = (
  options: Pick<DeadlinesOptions, "asOf" | "within" | "assignment" | "kind" | "recipient" | "status" | "from" | "to" | "all" | "records">,
  command = "uppdrag deadlines"
): Effect.Effect<DeadlineList.Listing, DeadlineList.ListError | Refusal | CatalogSource.CatalogInvalid, CatalogSource.CatalogSource | EventLog.EventLog> =>
  Effect.flatMap(deadlineQuery(options, command), ({ query, listOptions }) => DeadlineList.list(query, listOptions))

/** A deadline query from the options, with the meeting records of `--records` read and checked. */
const deadlineQuery = <Q extends { readonly records?: ReadonlyArray<string> | undefined }>(options: Q, command: string) =>
  Effect.map(loadRecords(options.records ?? []), (records) => {
    const { records: _, ...query } = options
    return { query, listOptions: { records, command } satisfies DeadlineList.Options }
  })

/** The layers of {@link selectDeadlines}. */
export const deadlineLayers = (
  options: Pick<DeadlinesOptions, "catalog" | "db">
): Layer.Layer<CatalogSource.CatalogSource | Populations.Populations | EventLog.EventLog, CatalogSource.CatalogInvalid | ValidationError | EventLogError | Refusal> => Layer.mergeAll(catalogLayer(options.catalog), logLayer(options.db))

const note = (d: Deadline.Deadline, asOf: CalendarDate.CalendarDate, stages: ReadonlyArray<number>): string => {
  const parts: Array<string> = []
  if (d.nonWorkingDay !== null) parts.push(`${d.nonWorkingDay}, nästa vardag ${d.nextWorkingDay}`)
  if (d.obligation.due === null && d.obligation.dueSetBy !== null) parts.push(`datum bestäms av ${d.obligation.dueSetBy}`)
  const reminder = DeadlineList.reminder(d, asOf, stages)
  if (reminder !== undefined) parts.push(`påmind ${reminder.on} (${reminder.stage} dagar före)`)
  return parts.join("; ")
}

/**
 * The columns of the terminal table: those of `DeadlineList.columns` that fit
 * a terminal, with `id` (what `uppdrag record report --obligation` takes).
 * Every column is in `--format json` and `csv`.
 */
const shown = new Set(["due", "daysLeft", "workingDaysLeft", "status", "kind", "assignment", "id", "recipient"])
const tableColumns = DeadlineList.columns.filter((c) => shown.has(c.field))

/**
 * The deadline table for a terminal: header + `Table.display` of each of
 * {@link tableColumns} (the status in words), then the CLI's note (a
 * non-working day, who sets an open date, the reminder reached).
 *
 * @example
 * renderDeadlines(deadlines, "2026-12-01", [30, 14, 3])
 */
export const renderDeadlines = (deadlines: ReadonlyArray<Deadline.Deadline>, asOf: CalendarDate.CalendarDate, stages: ReadonlyArray<number>, noted = true): string =>
  renderTable(
    [...tableColumns.map((c) => ({ header: c.header, numeric: Table.isNumeric(c) })), ...(noted ? [{ header: "Anmärkning" }] : [])],
    deadlines.map((d) => [
      ...tableColumns.map((c) => (c.field === "status" ? statusText(d.status) : Table.display(c, c.value(d)))),
      ...(noted ? [note(d, asOf, stages)] : [])
    ])
  )

/** `uppdrag deadlines`. */
export const deadlinesList = (options: DeadlinesOptions): Outcome =>
  Effect.gen(function* () {
    const stages = yield* Effect.fromResult(Reminder.parseStages(options.reminders ?? "30,14,3", "--reminders"))
    if (options.perMonth === true && options.format === "ics") return yield* Effect.fail(new Usage({ lines: ["--per-month kan visas som table, json eller csv, inte ics"] }))
    if (options.perMonth === true) {
      const { query, listOptions } = yield* deadlineQuery(options, "uppdrag deadlines")
      const workload = yield* Workload.perMonth(query, listOptions)
      return yield* writeOutput(renderWorkload(workload, options.format as "table" | "json" | "csv"), options.out)
    }
    const { asOf, deadlines } = yield* selectDeadlines(options)
    switch (options.format) {
      case "json":
        return yield* writeOutput(`${JSON.stringify(deadlines.map((d) => Table.record(DeadlineList.columns, d)), null, 2)}\n`, options.out)
      case "csv":
        return yield* writeOutput(renderCsv(Table.fields(DeadlineList.columns), deadlines.map((d) => Table.cells(DeadlineList.columns, d))), options.out)
      case "ics":
        return yield* writeOutput(Calendar.toIcs(deadlines, { generatedAt: yield* Today.now, stages }), options.out)
      case "table": {
        const header = `Tidsfrister per ${asOf}${deadlines.length === 0 ? ": inga" : ""}\n\n`
        return yield* writeOutput(header + (deadlines.length === 0 ? "" : renderDeadlines(deadlines, asOf, stages)), options.out)
      }
    }
  }).pipe(Effect.provide(deadlineLayers(options)))

/**
 * The workload (`--per-month`, `Workload.perMonth` of the application):
 * JSON as the months, CSV by `Workload.columns`, the terminal table by
 * `Workload.summaryColumns` with the totals row. Months without duties are
 * kept, so a series has no gaps.
 */
const renderWorkload = (workload: Workload.Listing, format: "table" | "json" | "csv"): string => {
  const { asOf, months } = workload
  if (format === "json") return `${JSON.stringify(months, null, 2)}\n`
  if (format === "csv") return renderCsv(Table.fields(Workload.columns), months.map((m) => Table.cells(Workload.columns, m)))
  const header = `Skyldigheter per månad, per ${asOf}${months.length === 0 ? ": inga" : ""}\n\n`
  if (months.length === 0) return header
  const columns = Workload.summaryColumns
  // On a terminal an empty list stays empty.
  const cells = (m: Workload.Month) => columns.map((c) => String(c.value(m) ?? ""))
  const totals = cells(Workload.totals(workload))
  return header + renderTable(columns.map((c) => ({ header: c.header, numeric: Table.isNumeric(c) })), months.map(cells), totals)
}
