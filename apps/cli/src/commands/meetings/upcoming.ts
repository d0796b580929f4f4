import { MeetingRecords, Today } from "@uppdrag/application"
import { CalendarDate } from "@uppdrag/core"
import { ICalendar, Occurrence } from "@uppdrag/meetings"
import * as Effect from "effect/Effect"
import { Refusal } from "../../terminal/Failure.js"
import { writeOutput } from "../../terminal/Output.js"
import { renderTable } from "../../terminal/Table.js"
import { dateOption, meetingLayers } from "./sources.js"
import type { Outcome } from "../../terminal/Options.js"

/** `uppdrag meetings upcoming`: the occurrences of the series in force in a period. */
export const meetingsUpcoming = (options: { from?: string; to?: string; format: "table" | "json" | "ics"; series?: Array<string>; catalog?: Array<string>; out?: string }): Outcome =>
  Effect.gen(function* () {
    const series = yield* MeetingRecords.MeetingSeries
    const from = yield* dateOption("--from", options.from)
    const to = yield* dateOption("--to", options.to, Effect.succeed(CalendarDate.addDays(from, 90)))
    if (to < from) return yield* Effect.fail(new Refusal({ lines: [`--to: ${to} ligger före --from ${from}`] }))
    const occurrences = Occurrence.all([...series], from, to)
    if (options.format === "json") return yield* writeOutput(`${JSON.stringify({ from, to, occurrences }, null, 2)}\n`, options.out)
    if (options.format === "ics") {
      const ids = new Set(occurrences.map((o) => o.series))
      const stamp = (yield* Today.now).replace(/\.\d+Z$/, "Z")
      return yield* writeOutput(ICalendar.series(series.filter((s) => ids.has(s.id)), { stamp, name: "Möten (uppdrag)" }), options.out)
    }
    const rows = occurrences.map((o) => [
      o.date,
      o.start === undefined ? "ej angiven" : `${o.start}–${o.end ?? ""}`,
      o.title,
      o.status === "flyttad" ? `flyttad från ${o.movedFrom}` : o.status,
      o.theme ?? ""
    ])
    const undated = series.filter((s) => s.recurrence.kind !== "regel" && !occurrences.some((o) => o.series === s.id))
    const notes = undated.map((s) => `  ${s.title}: ${s.interval ?? (s.recurrence.kind === "ej-fastställd" ? s.recurrence.cadence : "vid behov")}, inga datum angivna`)
    const table =
      rows.length === 0
        ? `Inga mötestillfällen ${from} – ${to}.\n`
        : renderTable([{ header: "Datum" }, { header: "Tid" }, { header: "Serie" }, { header: "Status" }, { header: "Tema" }], rows)
    return yield* writeOutput(`Mötestillfällen ${from} – ${to} (Europe/Stockholm)\n\n${table}${notes.length === 0 ? "" : `\nSerier utan datum i perioden:\n${notes.join("\n")}\n`}`, options.out)
  }).pipe(Effect.provide(meetingLayers(options)))
