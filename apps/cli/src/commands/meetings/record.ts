import { formatIssues } from "@uppdrag/core"
import { ICalendar, MeetingRecord } from "@uppdrag/meetings"
import { CliError } from "../../terminal/CliError.js"
import { writeOutput } from "../../terminal/Output.js"
import { loadContext } from "./sources.js"

export const meetingsRecord = (file: string, options: { ics?: string; series?: Array<string>; catalog?: Array<string> }): void => {
  const context = loadContext(options)
  const result = MeetingRecord.parseFile(file, context)
  if (result._tag === "Failure") throw new CliError([...formatIssues(result.failure.source, result.failure.issues), "Inget sparades."])
  const record = result.success
  const names = new Map(context.parties.parties.map((p) => [p.id, p.name]))
  if (record.kind === "mote") {
    process.stdout.write(
      `Giltigt möte ${record.id} ${record.date}${record.assignment === undefined ? "" : ` (${record.assignment})`}: ${record.participants.length} deltagare (${record.participants.map((id) => names.get(id) ?? id).join(", ")}), ${record.actionItems.length} åtgärder.\n`
    )
    if (options.ics !== undefined) writeOutput(ICalendar.meetings([record], { stamp: new Date().toISOString().replace(/\.\d+Z$/, "Z"), partyNames: names }), options.ics)
  } else {
    if (options.ics !== undefined) throw new CliError(["--ics: en överenskommelse har ingen kalenderhändelse"])
    process.stdout.write(`Giltig överenskommelse ${record.id}: region ${record.region}, ${record.grant}, ${record.activities.length} insatser, ${record.followUpMeasures.length} uppföljningsmått.\n`)
  }
  process.stdout.write("Sparades inte: lagringen (packages/store) är ännu inte inkopplad; filen kan läsas med --records.\n")
}
