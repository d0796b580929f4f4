import { CalendarDate } from "@uppdrag/core"
import { ICalendar, type MeetingRecord, Occurrence, type Series } from "@uppdrag/meetings"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import type { CatalogSource } from "./CatalogSource.js"
import * as MeetingRecords from "./MeetingRecords.js"
import type * as Table from "./Table.js"
import * as Today from "./Today.js"

/**
 * The meeting calendar: the occurrences of the series in force in a period
 * (`uppdrag meetings upcoming`), the series that give no date in it, and
 * the iCalendar files of series and of a recorded meeting.
 *
 * @example
 * import { MeetingCalendar } from "@uppdrag/application"
 * const { occurrences, undated } = yield* MeetingCalendar.upcoming({ from: CalendarDate.unsafeParse("2026-04-01") })
 */

/**
 * A period whose end lies before its start.
 *
 * @since 0.2.0
 */
export class PeriodReversed extends Data.TaggedError("PeriodReversed")<{ readonly from: CalendarDate.CalendarDate; readonly to: CalendarDate.CalendarDate }> {
  override get message(): string {
    return `--to: ${this.to} ligger före --from ${this.from}`
  }
}

/**
 * An agreement (överenskommelse) has no date and time to put in a calendar.
 *
 * @since 0.2.0
 */
export class NoCalendarEvent extends Data.TaggedError("NoCalendarEvent")<{ readonly id: string }> {
  override get message(): string {
    return "--ics: en överenskommelse har ingen kalenderhändelse"
  }
}

/**
 * How many days a period without an end covers.
 *
 * @since 0.2.0
 */
export const defaultSpanDays = 90

/**
 * A series with no occurrence in the period, and how often it meets as the source says.
 *
 * @since 0.2.0
 */
export interface Undated {
  readonly series: Series.Series
  /** `1 gr/mån`, the cadence of a series not yet fixed, or `vid behov`. */
  readonly cadence: string
}

/**
 * The answer of {@link upcoming}.
 *
 * @since 0.2.0
 */
export interface Upcoming {
  readonly from: CalendarDate.CalendarDate
  readonly to: CalendarDate.CalendarDate
  readonly occurrences: ReadonlyArray<Occurrence.Occurrence>
  /** The series of the occurrences, in the order of the series in force. */
  readonly series: ReadonlyArray<Series.Series>
  /** Series without a rule that have no date in the period. */
  readonly undated: ReadonlyArray<Undated>
}

/**
 * The occurrences in `[from, to]`: `from` defaults to today (by the clock),
 * `to` to {@link defaultSpanDays} days after `from`; an end before the start is refused.
 *
 * @example
 * const period = yield* MeetingCalendar.upcoming({ from: CalendarDate.unsafeParse("2026-03-01"), to: CalendarDate.unsafeParse("2026-11-30") })
 * @since 0.2.0
 */
export const upcoming = (query: {
  readonly from?: CalendarDate.CalendarDate | undefined
  readonly to?: CalendarDate.CalendarDate | undefined
}): Effect.Effect<Upcoming, PeriodReversed, MeetingRecords.MeetingSeries> =>
  Effect.gen(function* () {
    const inForce = yield* MeetingRecords.MeetingSeries
    const from = query.from ?? (yield* Today.today)
    // Up to the last supported day when the span would run past it.
    const to = query.to ?? CalendarDate.addBounded(from, defaultSpanDays)
    if (to < from) return yield* Effect.fail(new PeriodReversed({ from, to }))
    const occurrences = Occurrence.all([...inForce], from, to)
    const ids = new Set(occurrences.map((o) => o.series))
    const undated = inForce
      .filter((s) => s.recurrence.kind !== "regel" && !ids.has(s.id))
      .map((series) => ({ series, cadence: series.interval ?? (series.recurrence.kind === "ej-fastställd" ? series.recurrence.cadence : "vid behov") }))
    return { from, to, occurrences, series: inForce.filter((s) => ids.has(s.id)), undated }
  })

/**
 * Swedish labels of an occurrence's status, for people.
 *
 * @since 0.2.0
 */
export const occurrenceStatusLabels: Readonly<Record<Occurrence.Occurrence["status"], string>> = { planerad: "Planerat", flyttad: "Flyttat", inställd: "Inställt" }

/**
 * Every field of an occurrence, for downloads: the web view's Möten CSV and
 * xlsx (the terminal table uses the shorter {@link columns}).
 *
 * @since 0.2.0
 */
export const occurrenceColumns: Table.Columns<Occurrence.Occurrence> = [
  { field: "date", header: "Datum", kind: "date", value: (o) => o.date },
  { field: "start", header: "Start", kind: "text", value: (o) => o.start ?? null },
  { field: "end", header: "Slut", kind: "text", value: (o) => o.end ?? null },
  { field: "series", header: "Serie (id)", kind: "text", value: (o) => o.series },
  { field: "title", header: "Serie", kind: "text", value: (o) => o.title },
  { field: "theme", header: "Tema", kind: "text", value: (o) => o.theme ?? null },
  { field: "status", header: "Status", kind: "text", labels: occurrenceStatusLabels, value: (o) => o.status },
  { field: "movedFrom", header: "Flyttat från", kind: "date", value: (o) => o.movedFrom ?? null },
  { field: "reason", header: "Orsak", kind: "text", value: (o) => o.reason ?? null }
]

/**
 * The occurrence table: date, time (`13:00–14:30`, or `ej angiven`), series,
 * status (`flyttad från …` for a moved occurrence) and theme.
 *
 * @since 0.2.0
 */
export const columns: Table.Columns<Occurrence.Occurrence> = [
  { field: "date", header: "Datum", kind: "date", value: (o) => o.date },
  { field: "time", header: "Tid", kind: "text", value: (o) => (o.start === undefined ? "ej angiven" : `${o.start}–${o.end ?? ""}`) },
  { field: "title", header: "Serie", kind: "text", value: (o) => o.title },
  { field: "status", header: "Status", kind: "text", value: (o) => (o.status === "flyttad" ? `flyttad från ${o.movedFrom}` : o.status) },
  { field: "theme", header: "Tema", kind: "text", value: (o) => o.theme ?? "" }
]

/** The instant an iCalendar file is written at, to the second (`DTSTAMP`). */
const stamp: Effect.Effect<string> = Effect.map(Today.now, (now) => now.replace(/\.\d+Z$/, "Z"))

/**
 * The series of a period as an iCalendar file: each series with an
 * occurrence in the period, with its rule, moves and cancellations.
 *
 * @example
 * const ics = yield* MeetingCalendar.seriesIcs(period)
 * @since 0.2.0
 */
export const seriesIcs = (period: Pick<Upcoming, "series">): Effect.Effect<string> =>
  Effect.map(stamp, (at) => ICalendar.series(period.series, { stamp: at, name: "Möten (uppdrag)" }))

/**
 * A recorded meeting as an iCalendar file, its participants by name; an
 * agreement has no calendar event and is refused. Computed before the
 * record is stored, so a refusal stores nothing.
 *
 * @example
 * const ics = yield* MeetingCalendar.meetingIcs(record)
 * @since 0.2.0
 */
export const meetingIcs = (record: MeetingRecord.MeetingRecord): Effect.Effect<string, NoCalendarEvent, CatalogSource | MeetingRecords.MeetingSeries> =>
  Effect.gen(function* () {
    if (record.kind !== "mote") return yield* Effect.fail(new NoCalendarEvent({ id: record.id }))
    const context = yield* MeetingRecords.context
    const names = new Map(context.parties.parties.map((p) => [p.id, p.name]))
    return ICalendar.meetings([record], { stamp: yield* stamp, partyNames: names })
  })
