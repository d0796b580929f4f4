import { Assignment, CalendarDate } from "@uppdrag/core"
import { Calendar, Deadline, DeadlineFilter, DeadlineQuery, Obligation, Reminder, Workload } from "@uppdrag/deadlines"
import { loadCatalog } from "../../terminal/Catalog.js"
import { CliError } from "../../terminal/CliError.js"
import { refuseInvalid } from "../../terminal/Refusal.js"
import { renderCsv } from "../../terminal/Csv.js"
import { writeOutput } from "../../terminal/Output.js"
import { renderTable } from "../../terminal/Table.js"
import type { DeadlinesOptions } from "../deadlines.js"
import { actionItems, readRecorded } from "./sources.js"

/** Swedish labels of the statuses for the table. */
export const statusLabel: Readonly<Record<Deadline.Status, string>> = {
  kommande: "kommande",
  snart: "snart",
  forsenad: "försenad",
  inlamnad: "inlämnad",
  "inlamnad-sent": "inlämnad sent",
  "datum-ej-satt": "datum ej satt"
}

/**
 * The deadlines a query asks for, evaluated on its as-of date: the catalog's
 * duties plus the action items of meetings (in the store and `--records`),
 * with the submissions and the dates set for open duties recorded in the store. Arguments are checked before
 * the store is opened; without `--all` or `--status`, only open duties.
 */
export const selectDeadlines = async (
  options: Pick<DeadlinesOptions, "asOf" | "within" | "assignment" | "kind" | "recipient" | "status" | "from" | "to" | "all" | "catalog" | "db" | "records">,
  command = "uppdrag deadlines"
): Promise<{ asOf: CalendarDate.CalendarDate; within: number; deadlines: Array<Deadline.Deadline> }> => {
  const catalog = loadCatalog(options.catalog)
  const query = DeadlineQuery.decode(options, catalog.assignments, CalendarDate.today(), command)
  if (query._tag === "Failure") return refuseInvalid(query.failure)
  const recorded = await readRecorded(options.db, catalog)
  const obligations = Obligation.collect(catalog.assignments, {
    extra: await actionItems(recorded.meetings, options.records ?? [], options.catalog),
    dueDates: recorded.dueDates,
    asOf: query.success.asOf
  })
  if (obligations._tag === "Failure") throw new CliError([obligations.failure.message])
  const evaluated = Deadline.evaluate(obligations.success, { asOf: query.success.asOf, within: query.success.within, submissions: recorded.submissions })
  if (evaluated._tag === "Failure") throw new CliError([evaluated.failure.message])
  const filter: DeadlineFilter.DeadlineFilter = options.all || query.success.filter.statuses !== undefined
    ? query.success.filter
    : { ...query.success.filter, statuses: Deadline.openStatuses }
  return { asOf: query.success.asOf, within: query.success.within, deadlines: DeadlineFilter.apply(evaluated.success, filter) }
}

const note = (d: Deadline.Deadline, asOf: CalendarDate.CalendarDate, stages: ReadonlyArray<number>): string => {
  const parts: Array<string> = []
  if (d.nonWorkingDay !== null) parts.push(`${d.nonWorkingDay}, nästa vardag ${d.nextWorkingDay}`)
  if (d.obligation.due === null && d.obligation.dueSetBy !== null) parts.push(`datum bestäms av ${d.obligation.dueSetBy}`)
  const reminder = Reminder.current(d, asOf, stages)
  if (reminder !== undefined) parts.push(`påmind ${reminder.on} (${reminder.stage} dagar före)`)
  return parts.join("; ")
}

/** `uppdrag deadlines`. */
export const deadlinesList = async (options: DeadlinesOptions): Promise<void> => {
  const stages = Reminder.parseStages(options.reminders ?? "30,14,3", "--reminders")
  if (stages._tag === "Failure") return refuseInvalid(stages.failure)
  if (options.perMonth === true && options.format === "ics") throw new CliError(["--per-month kan visas som table, json eller csv, inte ics"], 2)
  const { asOf, deadlines } = await selectDeadlines(options)
  if (options.perMonth === true) {
    writeOutput(renderWorkload(Workload.perMonth(deadlines), asOf, options.format as "table" | "json" | "csv"), options.out)
    return
  }
  switch (options.format) {
    case "json":
      writeOutput(`${JSON.stringify(deadlines.map(Deadline.toRow), null, 2)}\n`, options.out)
      return
    case "csv":
      writeOutput(
        renderCsv(
          ["assignment", "title", "kind", "due", "recipient", "status", "daysLeft", "workingDaysLeft", "nonWorkingDay", "nextWorkingDay", "responsible", "dueSetBy", "citeDiaryNumber", "contents", "id"],
          deadlines.map((d) => {
            const row = Deadline.toRow(d)
            return [
              row.assignment,
              row.title,
              row.kind,
              row.due,
              row.recipient,
              row.status,
              row.daysLeft,
              row.workingDaysLeft,
              row.nonWorkingDay,
              row.nextWorkingDay,
              d.obligation.responsible,
              d.obligation.dueSetBy,
              d.obligation.citeDiaryNumber ? "ja" : "nej",
              d.obligation.contents.join("; "),
              Obligation.key(d.obligation)
            ]
          })
        ),
        options.out
      )
      return
    case "ics":
      writeOutput(Calendar.toIcs(deadlines, { generatedAt: new Date().toISOString(), stages: stages.success }), options.out)
      return
    case "table": {
      const header = `Tidsfrister per ${asOf}${deadlines.length === 0 ? ": inga" : ""}\n\n`
      const table =
        deadlines.length === 0
          ? ""
          : renderTable(
              [
                { header: "Förfaller" },
                { header: "Dagar", numeric: true },
                { header: "Arbetsdagar", numeric: true },
                { header: "Status" },
                { header: "Typ" },
                { header: "Uppdrag" },
                { header: "Mottagare" },
                { header: "Anmärkning" }
              ],
              deadlines.map((d) => [
                d.obligation.due ?? "–",
                d.daysLeft === null ? "–" : String(d.daysLeft),
                d.workingDaysLeft === null ? "–" : String(d.workingDaysLeft),
                statusLabel[d.status],
                d.obligation.kind,
                d.obligation.assignment ?? d.obligation.origin,
                d.obligation.recipient,
                note(d, asOf, stages.success)
              ])
            )
      writeOutput(header + table, options.out)
    }
  }
}

/** The kinds in the catalog schema's order, for stable CSV columns. */
const kinds = Assignment.ObligationKindSchema.options

/** Duties per month (`--per-month`): months without duties are kept, so a series has no gaps. */
const renderWorkload = (months: ReadonlyArray<Workload.Month>, asOf: CalendarDate.CalendarDate, format: "table" | "json" | "csv"): string => {
  if (format === "json") return `${JSON.stringify(months, null, 2)}\n`
  if (format === "csv") return renderCsv(["month", "total", ...kinds], months.map((m) => [m.month, m.total, ...kinds.map((k) => m.byKind[k] ?? 0)]))
  const header = `Skyldigheter per månad, per ${asOf}${months.length === 0 ? ": inga" : ""}\n\n`
  if (months.length === 0) return header
  const list = (counts: Readonly<Record<string, number | undefined>>) =>
    Object.entries(counts)
      .map(([name, count]) => `${name} ${count}`)
      .join(", ")
  return (
    header +
    renderTable(
      [{ header: "Månad" }, { header: "Antal", numeric: true }, { header: "Per typ" }, { header: "Per uppdrag" }],
      months.map((m) => [m.month, String(m.total), list(m.byKind), list(m.byAssignment)]),
      ["Totalt", String(months.reduce((sum, m) => sum + m.total, 0)), "", ""]
    )
  )
}
