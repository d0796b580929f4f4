import { CalendarDate } from "@uppdrag/core"
import { DeadlineFilter } from "@uppdrag/deadlines"
import { renderTable } from "../../terminal/Table.js"
import { selectDeadlines, statusLabel } from "../deadlines/list.js"

/** How far ahead the overview looks. */
const horizonDays = 365

/**
 * `uppdrag start`: the upcoming deadlines of every assignment in the catalog,
 * from @uppdrag/deadlines with the submissions recorded in the store: what
 * falls due within a year, the duties whose date is not yet set, and how many
 * have passed without a recorded submission. The store is the one `--db`
 * names when the command passes it, else DATABASE_URL, UPPDRAG_DB or the
 * default file.
 */
export const start = async (options: { catalog?: Array<string>; asOf?: string; db?: string }): Promise<void> => {
  const { asOf, within, deadlines: open } = await selectDeadlines({ ...options, all: false }, "uppdrag start")
  const upcoming = DeadlineFilter.apply(open, { from: asOf, to: CalendarDate.addDays(asOf, horizonDays), statuses: ["snart", "kommande"] })
  const unset = DeadlineFilter.apply(open, { statuses: ["datum-ej-satt"] })
  const overdue = DeadlineFilter.apply(open, { statuses: ["forsenad"] })
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
    if (d.obligation.assignmentId !== null) {
      lines.push(`  registrera datumet med: uppdrag record due-date --assignment ${d.obligation.assignmentId} --obligation ${d.obligation.id} --due ÅÅÅÅ-MM-DD --date ÅÅÅÅ-MM-DD`)
    }
  }
  if (overdue.length > 0) {
    lines.push(`Passerade utan registrerad inlämning: ${overdue.length} (visa dem med: uppdrag deadlines --status forsenad)`)
  }
  process.stdout.write(`${lines.join("\n").trimEnd()}\n`)
}
