import { createRequire } from "node:module"
import { CalendarDate } from "@uppdrag/core"
import type * as Deadline from "./Deadline.js"
import * as Obligation from "./Obligation.js"
import * as Reminder from "./Reminder.js"

/**
 * iCalendar (RFC 5545) export of deadlines, built with `ical-generator`:
 * one all-day event per duty with a date, on the due date as written. The
 * UID is derived from the assignment and the duty's id, so importing a newer
 * file updates the events instead of duplicating them. The description
 * carries the diary number to cite, the recipient and the required contents;
 * each reminder stage is a display alarm at 09:00 on its day.
 *
 * @example
 * import { Calendar } from "@uppdrag/deadlines"
 * const ics = Calendar.toIcs(deadlines, { generatedAt: "2026-11-23T08:00:00Z" })
 */

/**
 * Options of {@link toIcs}.
 *
 * @example
 * const options: Calendar.IcsOptions = { generatedAt: "2026-11-23T08:00:00Z", stages: [14, 3] }
 * @since 0.2.0
 */
export interface IcsOptions {
  /** The instant the file is made (DTSTAMP), ISO 8601 in UTC, e.g. `2026-11-23T08:00:00Z`. */
  readonly generatedAt: string
  /** Reminder stages in days before the due date; default 30, 14, 3. */
  readonly stages?: ReadonlyArray<number>
  /** Calendar name shown by the client. */
  readonly name?: string
}

/**
 * `ical-generator`, loaded on the first export rather than with the package:
 * most callers never write iCalendar. `require` gives its CommonJS build to
 * the ESM and the CJS build of this package alike; its named `ICalCalendar`
 * class is used, not the default export, which a CJS bundle would take for
 * the whole module.
 */
let icalGenerator: typeof import("ical-generator") | undefined
const loadIcalGenerator = (): typeof import("ical-generator") =>
  (icalGenerator ??= createRequire(import.meta.url)("ical-generator") as typeof import("ical-generator"))

/** Hour of the day reminders are given. */
const reminderHour = 9

/**
 * The UID of a duty's event: `<assignment id or origin>/<obligation id>@uppdrag`.
 *
 * @example
 * Calendar.uid(o) // "specialiserad-psykiatri-2026/delredovisning-2027-05-30@uppdrag"
 * @since 0.2.0
 */
export const uid = (o: Obligation.Obligation): string => `${Obligation.key(o)}@uppdrag`

/**
 * The event description, in Swedish, one fact per line.
 *
 * @example
 * Calendar.description(d).split("\n")[0] // "Uppdrag: S2025/01528 – Uppdrag till Socialstyrelsen att …"
 * @since 0.2.0
 */
export const description = (d: Deadline.Deadline): string => {
  const o = d.obligation
  const lines: Array<string> = []
  if (o.assignment !== null) lines.push(`Uppdrag: ${o.assignment} – ${o.assignmentTitle ?? ""}`.trimEnd())
  if (o.diaryNumbers.length > 0) lines.push(`Diarienummer: ${o.diaryNumbers.join(", ")}`)
  if (o.citeDiaryNumber && o.assignment !== null) lines.push(`Redovisningen ska ange diarienummer ${o.assignment}.`)
  lines.push(`Typ: ${Obligation.kindLabel(o.kind)}`, `Ansvarig: ${o.responsible}`, `Mottagare: ${o.recipient}`)
  if (o.contents.length > 0) lines.push("Innehåll:", ...o.contents.map((c) => `- ${c}`))
  if (d.nonWorkingDay !== null && d.nextWorkingDay !== null) {
    lines.push(`Förfallodagen ${o.due} är ${d.nonWorkingDay}; närmast följande vardag är ${d.nextWorkingDay} (jfr lag (1930:173)).`)
  }
  lines.push(`Källa: ${o.source}`)
  return lines.join("\n")
}

/**
 * The calendar as iCalendar text. Duties without a date are left out (an
 * event needs a day); their absence is what `datum-ej-satt` reports.
 *
 * @example
 * Calendar.toIcs(deadlines, { generatedAt: "2026-11-23T08:00:00Z", stages: [14, 3] })
 * @since 0.2.0
 */
export const toIcs = (deadlines: ReadonlyArray<Deadline.Deadline>, options: IcsOptions): string => {
  const { ICalAlarmType, ICalCalendar, ICalEventTransparency } = loadIcalGenerator()
  const calendar = new ICalCalendar({
    name: options.name ?? "Tidsfrister – regeringsuppdrag och statsbidrag",
    prodId: { company: "uppdrag", product: "tidsfrister", language: "SV" }
  })
  const stages = options.stages ?? Reminder.defaultStages
  for (const d of deadlines) {
    const o = d.obligation
    if (o.due === null) continue
    const due = o.due
    calendar.createEvent({
      id: uid(o),
      allDay: true,
      start: due,
      // DTEND the day after (exclusive), as Outlook expects of an all-day event.
      end: CalendarDate.addDays(due, 1),
      stamp: options.generatedAt,
      summary: `${Obligation.kindLabel(o.kind)}: ${o.title}${o.assignment === null ? "" : ` (${o.assignment})`}`,
      description: description(d),
      transparency: ICalEventTransparency.TRANSPARENT,
      categories: [{ name: Obligation.kindLabel(o.kind) }],
      alarms: Reminder.schedule(due, stages).map((r) => ({
        type: ICalAlarmType.display,
        // Seconds before the start of the day (00:00): the reminder's day at 09:00.
        trigger: CalendarDate.daysBetween(r.on, due) * 86_400 - reminderHour * 3_600,
        description: `Om ${r.stage} dagar: ${o.title}${o.assignment === null ? "" : ` (${o.assignment})`}`
      }))
    })
  }
  return calendar.toString()
}
