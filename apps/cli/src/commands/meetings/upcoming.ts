import { MeetingCalendar, Table } from "@uppdrag/application"
import * as Effect from "effect/Effect"
import type { Outcome } from "../../terminal/Options.js"
import { writeOutput } from "../../terminal/Output.js"
import { renderTable } from "../../terminal/Table.js"
import { dateOption, meetingLayers } from "./sources.js"

/** `uppdrag meetings upcoming`: `MeetingCalendar.upcoming`, the occurrences of the series in force in a period, rendered. */
export const meetingsUpcoming = (options: { from?: string; to?: string; format: "table" | "json" | "ics"; series?: Array<string>; catalog?: Array<string>; out?: string }): Outcome =>
  Effect.gen(function* () {
    const from = options.from === undefined ? undefined : yield* dateOption("--from", options.from)
    const to = options.to === undefined ? undefined : yield* dateOption("--to", options.to)
    const period = yield* MeetingCalendar.upcoming({ from, to })
    const { occurrences } = period
    if (options.format === "json") return yield* writeOutput(`${JSON.stringify({ from: period.from, to: period.to, occurrences }, null, 2)}\n`, options.out)
    if (options.format === "ics") return yield* writeOutput(yield* MeetingCalendar.seriesIcs(period), options.out)
    const columns = MeetingCalendar.columns
    // On a terminal an occurrence without a theme leaves the cell empty.
    const rows = occurrences.map((o) => columns.map((c) => String(c.value(o) ?? "")))
    const notes = period.undated.map((u) => `  ${u.series.title}: ${u.cadence}, inga datum angivna`)
    const table =
      rows.length === 0
        ? `Inga mötestillfällen ${period.from} – ${period.to}.\n`
        : renderTable(
            columns.map((c) => ({ header: c.header, numeric: Table.isNumeric(c) })),
            rows
          )
    return yield* writeOutput(
      `Mötestillfällen ${period.from} – ${period.to} (Europe/Stockholm)\n\n${table}${notes.length === 0 ? "" : `\nSerier utan datum i perioden:\n${notes.join("\n")}\n`}`,
      options.out
    )
  }).pipe(Effect.provide(meetingLayers(options)))
