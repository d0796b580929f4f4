import { Catalog } from "@uppdrag/core"
import { Coverage, MeetingRecord } from "@uppdrag/meetings"
import { CliError } from "../../terminal/CliError.js"
import { writeOutput } from "../../terminal/Output.js"
import { renderTable } from "../../terminal/Table.js"
import { allRecords, dateOption, loadContext } from "./sources.js"

export const meetingsCoverage = async (options: {
  assignment: string
  asOf?: string
  format: "table" | "json"
  records?: Array<string>
  series?: Array<string>
  catalog?: Array<string>
  out?: string
  db?: string
}): Promise<void> => {
  const context = loadContext(options)
  const asOf = dateOption("--as-of", options.asOf)
  const assignment = Catalog.findAssignment(context.catalog, options.assignment)
  if (assignment === undefined) throw new CliError([`--assignment: okänt uppdrag ${JSON.stringify(options.assignment)}; se uppdrag catalog list`])
  const { meetings } = MeetingRecord.current(await allRecords(options, context))
  const report = Coverage.report(assignment, meetings, asOf)
  if (options.format === "json") {
    writeOutput(`${JSON.stringify(report, null, 2)}\n`, options.out)
    return
  }
  const consulted = report.parties.filter((p) => p.consulted).length
  const head = [
    `Samråd för ${report.assignment} per ${asOf}`,
    report.nextDeadline === null ? "Ingen kommande redovisning." : `Nästa redovisning: ${report.nextDeadline}`,
    `${consulted} av ${report.parties.length} parter har deltagit i möten för uppdraget.`,
    ""
  ].join("\n")
  const table = renderTable(
    [{ header: "Part" }, { header: "Id" }, { header: "Samråd" }, { header: "Senaste möte" }],
    report.parties.map((p) => [p.name.length > 70 ? `${p.name.slice(0, 69)}…` : p.name, p.id, p.consulted ? "ja" : "nej, återstår", p.lastMeeting ?? "–"])
  )
  writeOutput(`${head}\n${table}`, options.out)
}
