import { MeetingRecords, Table } from "@uppdrag/application"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { logLayer } from "../../terminal/Log.js"
import { writeOutput } from "../../terminal/Output.js"
import { renderTable } from "../../terminal/Table.js"
import { dateOption, loadRecords, meetingLayers } from "./sources.js"
import type { Outcome } from "../../terminal/Options.js"

/** `uppdrag meetings coverage`: `MeetingRecords.coverage` over the log and `--records`, rendered. */
export const meetingsCoverage = (options: {
  assignment: string
  asOf?: string
  format: "table" | "json"
  records?: Array<string>
  series?: Array<string>
  catalog?: Array<string>
  out?: string
  db?: string
}): Outcome =>
  Effect.gen(function* () {
    const asOf = yield* dateOption("--as-of", options.asOf)
    const files = yield* loadRecords(options.records ?? [], options.series)
    const report = yield* MeetingRecords.coverage(options.assignment, asOf, files)
    if (options.format === "json") return yield* writeOutput(`${JSON.stringify(report, null, 2)}\n`, options.out)
    const consulted = MeetingRecords.consulted(report)
    const head = [
      `Samråd för ${report.assignment} per ${asOf}`,
      report.nextDeadline === null ? "Ingen kommande redovisning." : `Nästa redovisning: ${report.nextDeadline}`,
      `${consulted} av ${report.parties.length} parter har deltagit i möten för uppdraget.`,
      ""
    ].join("\n")
    // On a terminal: a long name shortened, a party not yet consulted "nej, återstår".
    const columns = MeetingRecords.coverageColumns
    const cell = (column: Table.Column<MeetingRecords.CoveredParty>, party: MeetingRecords.CoveredParty): string => {
      const value = column.value(party)
      if (column.field === "name" && typeof value === "string" && value.length > 70) return `${value.slice(0, 69)}…`
      if (value === false) return "nej, återstår"
      return Table.display(column, value)
    }
    const table = renderTable(
      columns.map((c) => ({ header: c.header, numeric: Table.isNumeric(c) })),
      report.parties.map((p) => columns.map((c) => cell(c, p)))
    )
    return yield* writeOutput(`${head}\n${table}`, options.out)
  }).pipe(Effect.provide(Layer.mergeAll(meetingLayers(options), logLayer(options.db))))
