import { CalendarDate } from "@uppdrag/core"
import { ICalendar, Occurrence } from "@uppdrag/meetings"
import { CliError } from "../../terminal/CliError.js"
import { writeOutput } from "../../terminal/Output.js"
import { renderTable } from "../../terminal/Table.js"
import { dateOption, loadContext } from "./sources.js"

export const meetingsUpcoming = (options: { from?: string; to?: string; format: "table" | "json" | "ics"; series?: Array<string>; catalog?: Array<string>; out?: string }): void => {
  const context = loadContext(options)
  const from = dateOption("--from", options.from)
  const to = dateOption("--to", options.to, () => CalendarDate.addDays(from, 90))
  if (to < from) throw new CliError([`--to: ${to} ligger före --from ${from}`])
  const occurrences = Occurrence.all(context.series, from, to)
  if (options.format === "json") {
    writeOutput(`${JSON.stringify({ from, to, occurrences }, null, 2)}\n`, options.out)
    return
  }
  if (options.format === "ics") {
    const ids = new Set(occurrences.map((o) => o.series))
    const series = context.series.filter((s) => ids.has(s.id))
    writeOutput(ICalendar.series(series, { stamp: new Date().toISOString().replace(/\.\d+Z$/, "Z"), name: "Möten (uppdrag)" }), options.out)
    return
  }
  const rows = occurrences.map((o) => [
    o.date,
    o.start === undefined ? "ej angiven" : `${o.start}–${o.end ?? ""}`,
    o.title,
    o.status === "flyttad" ? `flyttad från ${o.movedFrom}` : o.status,
    o.theme ?? ""
  ])
  const undated = context.series.filter((s) => s.recurrence.kind !== "regel" && !occurrences.some((o) => o.series === s.id))
  const notes = undated.map((s) => `  ${s.title}: ${s.interval ?? (s.recurrence.kind === "ej-fastställd" ? s.recurrence.cadence : "vid behov")}, inga datum angivna`)
  const table =
    rows.length === 0
      ? `Inga mötestillfällen ${from} – ${to}.\n`
      : renderTable([{ header: "Datum" }, { header: "Tid" }, { header: "Serie" }, { header: "Status" }, { header: "Tema" }], rows)
  writeOutput(`Mötestillfällen ${from} – ${to} (Europe/Stockholm)\n\n${table}${notes.length === 0 ? "" : `\nSerier utan datum i perioden:\n${notes.join("\n")}\n`}`, options.out)
}
