import { userInfo } from "node:os"
import { Event, EventInput, Recording } from "@uppdrag/application"
import { type Issue, Kronor, ValidationError } from "@uppdrag/core"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { NothingSaved, RowRefused, Usage } from "../../terminal/Failure.js"
import { readInputFile } from "../../terminal/InputFile.js"
import { catalogLayer, logLayer } from "../../terminal/Log.js"
import { progress } from "../../terminal/Output.js"
import { type Kind, type Located, readBatch } from "./input.js"

/** At most this many problems are listed for a file. */
const MAX_LINES = 50

const whoAmI = (): string => {
  try {
    return userInfo().username
  } catch {
    return "okänd"
  }
}

/** The events of the command line or of `--file`, each with its line; nothing is opened yet. */
const readEvents = (kind: Kind, text: (name: string) => string | undefined, file: string | undefined) =>
  Effect.gen(function* () {
    const recordedBy = text("by") ?? whoAmI()
    if (file === undefined) {
      const record = Object.fromEntries(EventInput.fields(kind).map((f) => [f, text(f)]))
      const event = EventInput.toEvent(kind, record, recordedBy, (field) => `--${field}`)
      if (Result.isFailure(event)) return yield* Effect.fail(new ValidationError({ source: `uppdrag record ${kind}`, issues: event.failure }))
      return [{ event: event.success, line: undefined }] satisfies Array<Located>
    }
    const given = EventInput.fields(kind).filter((f) => f !== "by" && f !== "note" && text(f) !== undefined)
    if (given.length > 0) return yield* Effect.fail(new Usage({ lines: [`--file kan inte kombineras med ${given.map((f) => `--${f}`).join(", ")}: fälten läses ur filen`] }))
    const batch = readBatch(kind, yield* readInputFile(file, "batch"), file, recordedBy)
    if (Result.isFailure(batch)) return yield* Effect.fail(new ValidationError({ source: file, issues: batch.failure }))
    // --note applies to every row that has none of its own.
    const note = text("note")
    return note === undefined ? batch.success : batch.success.map((l) => ({ ...l, event: { ...l.event, note: l.event.note === "" ? note : l.event.note } }))
  })

/**
 * `uppdrag record KIND`: reads the events (options or `--file`), then
 * `Recording.record` checks and appends them, all or none. A refusal names
 * the file's line; problems the application finds in an event are named by
 * the row's line too.
 */
export const recordEvents = (kind: Kind, options: Record<string, string | Array<string> | undefined>) => {
  const text = (name: string): string | undefined => {
    const value = options[name]
    return typeof value === "string" ? value : undefined
  }
  const file = text("file")
  const source = file ?? `uppdrag record ${kind}`
  return Effect.gen(function* () {
    const located = yield* readEvents(kind, text, file)
    const bar = progress("Sparar händelser")
    const written = yield* Recording.record(
      located.map((l) => l.event),
      { onProgress: bar.update }
    ).pipe(
      Effect.ensuring(Effect.sync(bar.done)),
      Effect.catchTag("Refused", (refused) => Effect.fail(new RowRefused({ file, line: located[refused.index]?.line, message: refused.message }))),
      Effect.catchTag("ValidationError", (invalid) => Effect.fail(new ValidationError({ source, issues: invalid.issues.map((issue) => atLine(issue, located)) }))),
      Effect.provide(logLayer(text("db"))),
      Effect.provide(catalogLayer(options.catalog as Array<string> | undefined))
    )
    if (written.length === 1) {
      process.stdout.write(`Sparade händelse ${written[0]!.seq}: ${Event.describe(written[0]!)}.\n`)
    } else if (written.length > 1) {
      const first = written[0]!.seq
      const last = written[written.length - 1]!.seq
      process.stdout.write(`Sparade ${Kronor.formatNumber(written.length)} händelser (${Kronor.formatNumber(first)}–${Kronor.formatNumber(last)})${file === undefined ? "" : ` från ${file}`}.\n`)
    }
  }).pipe(Effect.mapError((error) => (error._tag === "EventLogError" || error._tag === "Usage" ? error : new NothingSaved({ error, note: "Inget sparades.", limit: MAX_LINES }))))
}

/** An issue of the batch's event `[i]` as the issue of the file's row (its line) or of the option. */
const atLine = (issue: Issue, located: ReadonlyArray<Located>): Issue => {
  const index = Number(/^\[(\d+)\]/.exec(issue.path)?.[1] ?? Number.NaN)
  const line = located[index]?.line
  const path = issue.path.replace(/^\[\d+\]\.?/, "")
  return { ...issue, path, ...(line === undefined ? {} : { line }) }
}
