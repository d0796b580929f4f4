import { Overview } from "@uppdrag/application"
import * as Effect from "effect/Effect"
import { writeOutput } from "../../terminal/Output.js"
import { deadlineLayers, renderDeadlines } from "../deadlines/list.js"
import type { Outcome } from "../../terminal/Options.js"

/**
 * `uppdrag start`: `Overview.upcoming` of the application (open duties of
 * every assignment in the catalog): what falls due within a year, the
 * duties whose date is not yet set, and how many have passed without a
 * recorded submission. The store is the one `--db` names when the command
 * passes it, else DATABASE_URL, UPPDRAG_DB or the default file; it is
 * created or upgraded here.
 */
export const start = (options: { catalog?: Array<string>; asOf?: string; db?: string }): Outcome =>
  Effect.gen(function* () {
    const { asOf, within, upcoming, unset, overdue, leftOver } = yield* Overview.upcoming({ asOf: options.asOf }, { command: "uppdrag start" })
    const lines: Array<string> = [`Kommande tidsfrister per ${asOf} (ett år framåt, snart = inom ${within} dagar)`, ""]
    lines.push(upcoming.length === 0 ? "Inga tidsfrister det närmaste året.\n" : renderDeadlines(upcoming, asOf, [], true))
    for (const d of unset) {
      lines.push(`Datum ej satt: ${d.obligation.title} (${d.obligation.assignment ?? d.obligation.origin}), bestäms av ${d.obligation.dueSetBy ?? "–"}`)
      if (d.obligation.assignmentId !== null) {
        lines.push(`  registrera datumet med: uppdrag record due-date --assignment ${d.obligation.assignmentId} --obligation ${d.obligation.id} --due ÅÅÅÅ-MM-DD --date ÅÅÅÅ-MM-DD`)
      }
    }
    if (overdue.length > 0) lines.push(`Passerade utan registrerad inlämning: ${overdue.length} (visa dem med: uppdrag deadlines --status forsenad)`)
    if (leftOver.length > 0) lines.push(`Ej inlämnat i avslutade uppdrag (räknas inte som försenat): ${leftOver.length}`)
    yield* writeOutput(`${lines.join("\n").trimEnd()}\n`, undefined)
  }).pipe(Effect.provide(deadlineLayers(options)))
