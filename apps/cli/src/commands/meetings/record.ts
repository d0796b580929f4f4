import { userInfo } from "node:os"
import { basename } from "node:path"
import { MeetingCalendar, MeetingRecords } from "@uppdrag/application"
import { ValidationError } from "@uppdrag/core"
import { MeetingRecord } from "@uppdrag/meetings"
import * as Effect from "effect/Effect"
import { NothingSaved, SavedButFailed } from "../../terminal/Failure.js"
import { logLayer } from "../../terminal/Log.js"
import type { Outcome } from "../../terminal/Options.js"
import { writeOutput } from "../../terminal/Output.js"
import { meetingLayers } from "./sources.js"

const whoAmI = (): string => {
  try {
    return userInfo().username
  } catch {
    return "okänd"
  }
}

/**
 * `uppdrag meetings record FILE`: checks the file against the catalog and
 * series (and, with `--ics`, makes its calendar file), then (unless
 * `--check`) stores it with `MeetingRecords.record` and writes the calendar
 * file. Everything is checked before the database is opened: a refused file
 * writes nothing and creates no database. If the calendar file cannot be
 * written after the record was stored, the message says what was stored.
 */
export const meetingsRecord = (file: string, options: { ics?: string; check?: boolean; by?: string; db?: string; series?: Array<string>; catalog?: Array<string> }): Outcome =>
  Effect.gen(function* () {
    const checked = yield* Effect.gen(function* () {
      const context = yield* MeetingRecords.context
      const parsed = MeetingRecord.parseFile(file, context)
      if (parsed._tag === "Failure") return yield* Effect.fail(new ValidationError(parsed.failure))
      const record = parsed.success
      const ics = options.ics === undefined ? undefined : yield* MeetingCalendar.meetingIcs(record)
      return { record, ics, summary: yield* MeetingRecords.summary(record) }
    }).pipe(Effect.mapError((error) => new NothingSaved({ error, note: "Inget sparades." })))
    const { record, ics, summary } = checked
    if (options.check === true) {
      process.stdout.write(`Giltig: ${summary}. Inget sparades (--check).\n`)
      if (ics !== undefined) yield* writeOutput(ics, options.ics).pipe(Effect.mapError((error) => new NothingSaved({ error, note: "Inget sparades." })))
      return
    }
    const note = `${record.kind === "mote" ? "Möte" : "Överenskommelse"} ${record.id} (${basename(file)})`
    const event = yield* MeetingRecords.record(record, { source: file, recordedBy: options.by ?? whoAmI(), note }).pipe(
      Effect.provide(logLayer(options.db)),
      Effect.mapError((error) => new NothingSaved({ error, note: "Inget sparades." }))
    )
    process.stdout.write(`Sparade ${summary} som händelse ${event.seq}.\n`)
    if (ics !== undefined) {
      yield* writeOutput(ics, options.ics).pipe(
        Effect.mapError(
          (error) =>
            new SavedButFailed({
              error,
              note: `Mötet sparades som händelse ${event.seq}, men kalenderfilen ${options.ics} skrevs inte. Skriv den utan att spara igen: uppdrag meetings record ${file} --check --ics ${options.ics}`
            })
        )
      )
    }
  }).pipe(Effect.provide(meetingLayers(options)))
