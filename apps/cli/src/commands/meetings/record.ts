import { formatIssues } from "@uppdrag/core"
import { ICalendar, MeetingRecord } from "@uppdrag/meetings"
import { CliError } from "../../terminal/CliError.js"
import { writeOutput } from "../../terminal/Output.js"
import { loadContext } from "./sources.js"

export const meetingsRecord = async (
  file: string,
  options: { ics?: string; check?: boolean; by?: string; db?: string; series?: Array<string>; catalog?: Array<string> }
): Promise<void> => {
  const context = loadContext(options)
  // Everything is checked before the database is opened: a refused file writes nothing.
  const result = MeetingRecord.parseFile(file, context)
  if (result._tag === "Failure") throw new CliError([...formatIssues(result.failure.source, result.failure.issues), "Inget sparades."])
  const record = result.success
  if (record.kind !== "mote" && options.ics !== undefined) throw new CliError(["--ics: en överenskommelse har ingen kalenderhändelse", "Inget sparades."])
  const names = new Map(context.parties.parties.map((p) => [p.id, p.name]))
  const summary =
    record.kind === "mote"
      ? `möte ${record.id} ${record.date}${record.assignment === undefined ? "" : ` (${record.assignment})`}: ${record.participants.length} deltagare (${record.participants.map((id) => names.get(id) ?? id).join(", ")}), ${record.actionItems.length} åtgärder`
      : `överenskommelse ${record.id}: region ${record.region}, ${record.grant}, ${record.activities.length} insatser, ${record.followUpMeasures.length} uppföljningsmått`
  if (options.check === true) {
    process.stdout.write(`Giltig: ${summary}. Inget sparades (--check).\n`)
  } else {
    const { storeRecord } = await import("./stored.js")
    const seq = await storeRecord(record, file, options)
    process.stdout.write(`Sparade ${summary} som händelse ${seq}.\n`)
  }
  if (record.kind === "mote" && options.ics !== undefined) {
    writeOutput(ICalendar.meetings([record], { stamp: new Date().toISOString().replace(/\.\d+Z$/, "Z"), partyNames: names }), options.ics)
  }
}
