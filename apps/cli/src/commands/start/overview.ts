import { CalendarDate, formatIssues } from "@uppdrag/core"
import { Deadline, DeadlineFilter, DeadlineQuery, Obligation } from "@uppdrag/deadlines"
import { loadCatalog } from "../../terminal/Catalog.js"
import { CliError } from "../../terminal/CliError.js"
import { renderTable } from "../../terminal/Table.js"
import { statusLabel } from "../deadlines/list.js"

/** How far ahead the overview looks. */
const horizonDays = 365

/**
 * `uppdrag start`: the upcoming deadlines of every assignment in the catalog,
 * from @uppdrag/deadlines: what falls due within a year, the duties whose
 * date is not yet set, and how many have passed without a recorded submission.
 */
export const start = async (options: { catalog?: Array<string>; asOf?: string }): Promise<void> => {
  const catalog = loadCatalog(options.catalog)
  const query = DeadlineQuery.decode({ asOf: options.asOf }, catalog.assignments, CalendarDate.today())
  if (query._tag === "Failure") throw new CliError(formatIssues("uppdrag start", query.failure.issues))
  const { asOf, within } = query.success
  const obligations = Obligation.collect(catalog.assignments)
  if (obligations._tag === "Failure") throw new CliError([obligations.failure.message])
  const evaluated = Deadline.evaluate(obligations.success, { asOf, within })
  if (evaluated._tag === "Failure") throw new CliError([evaluated.failure.message])
  const all = evaluated.success
  const upcoming = DeadlineFilter.apply(all, { from: asOf, to: CalendarDate.addDays(asOf, horizonDays), statuses: ["snart", "kommande"] })
  const unset = DeadlineFilter.apply(all, { statuses: ["datum-ej-satt"] })
  const overdue = DeadlineFilter.apply(all, { statuses: ["forsenad"] })
  const lines: Array<string> = [`Kommande tidsfrister per ${asOf} (ett år framåt, snart = inom ${within} dagar)`, ""]
  lines.push(
    upcoming.length === 0
      ? "Inga tidsfrister det närmaste året.\n"
      : renderTable(
          [{ header: "Förfaller" }, { header: "Dagar", numeric: true }, { header: "Arbetsdagar", numeric: true }, { header: "Status" }, { header: "Typ" }, { header: "Uppdrag" }, { header: "Mottagare" }, { header: "Anmärkning" }],
          upcoming.map((d) => [
            d.obligation.due ?? "–",
            String(d.daysLeft),
            String(d.workingDaysLeft),
            statusLabel[d.status],
            d.obligation.kind,
            d.obligation.assignment ?? d.obligation.origin,
            d.obligation.recipient,
            d.nonWorkingDay === null ? "" : `${d.nonWorkingDay}, nästa vardag ${d.nextWorkingDay}`
          ])
        )
  )
  for (const d of unset) {
    lines.push(`Datum ej satt: ${d.obligation.title} (${d.obligation.assignment ?? d.obligation.origin}), bestäms av ${d.obligation.dueSetBy ?? "–"}`)
  }
  if (overdue.length > 0) {
    lines.push(`Passerade utan registrerad inlämning: ${overdue.length} (visa dem med: uppdrag deadlines --status forsenad)`)
  }
  process.stdout.write(`${lines.join("\n").trimEnd()}\n`)
}
