import { userInfo } from "node:os"
import { basename } from "node:path"
import { MeetingRecords, Today } from "@uppdrag/application"
import { ValidationError } from "@uppdrag/core"
import { ICalendar, MeetingRecord } from "@uppdrag/meetings"
import * as Effect from "effect/Effect"
import { NothingSaved, Refusal } from "../../terminal/Failure.js"
import { logLayer } from "../../terminal/Log.js"
import { writeOutput } from "../../terminal/Output.js"
import { meetingLayers } from "./sources.js"
import type { Outcome } from "../../terminal/Options.js"

const whoAmI = (): string => {
  try {
    return userInfo().username
  } catch {
    return "okänd"
  }
}

/**
 * `uppdrag meetings record FILE`: checks the file against the catalog and
 * series, then (unless `--check`) stores it with `MeetingRecords.record`.
 * Everything is checked before the database is opened: a refused file
 * writes nothing and creates no database.
 */
export const meetingsRecord = (file: string, options: { ics?: string; check?: boolean; by?: string; db?: string; series?: Array<string>; catalog?: Array<string> }): Outcome =>
  Effect.gen(function* () {
    const context = yield* MeetingRecords.context
    const parsed = MeetingRecord.parseFile(file, context)
    if (parsed._tag === "Failure") return yield* Effect.fail(new ValidationError(parsed.failure))
    const record = parsed.success
    if (record.kind !== "mote" && options.ics !== undefined) return yield* Effect.fail(new Refusal({ lines: ["--ics: en överenskommelse har ingen kalenderhändelse"] }))
    const names = new Map(context.parties.parties.map((p) => [p.id, p.name]))
    const summary =
      record.kind === "mote"
        ? `möte ${record.id} ${record.date}${record.assignment === undefined ? "" : ` (${record.assignment})`}: ${record.participants.length} deltagare (${record.participants.map((id) => names.get(id) ?? id).join(", ")}), ${record.actionItems.length} åtgärder`
        : `överenskommelse ${record.id}: region ${record.region}, ${record.grant}, ${record.activities.length} insatser, ${record.followUpMeasures.length} uppföljningsmått`
    if (options.check === true) {
      process.stdout.write(`Giltig: ${summary}. Inget sparades (--check).\n`)
    } else {
      const note = `${record.kind === "mote" ? "Möte" : "Överenskommelse"} ${record.id} (${basename(file)})`
      const event = yield* MeetingRecords.record(record, { source: file, recordedBy: options.by ?? whoAmI(), note }).pipe(Effect.provide(logLayer(options.db)))
      process.stdout.write(`Sparade ${summary} som händelse ${event.seq}.\n`)
    }
    if (record.kind === "mote" && options.ics !== undefined) {
      const stamp = (yield* Today.now).replace(/\.\d+Z$/, "Z")
      yield* writeOutput(ICalendar.meetings([record], { stamp, partyNames: names }), options.ics)
    }
  }).pipe(
    Effect.mapError((error) => new NothingSaved({ error, note: "Inget sparades." })),
    Effect.provide(meetingLayers(options))
  )
