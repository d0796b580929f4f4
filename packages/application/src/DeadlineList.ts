import type { CalendarDate, ValidationError } from "@uppdrag/core"
import { Completion, Deadline, DeadlineFilter, DeadlineQuery, Obligation, Reminder } from "@uppdrag/deadlines"
import { ActionItem, MeetingRecord } from "@uppdrag/meetings"
import * as Effect from "effect/Effect"
import { CatalogSource } from "./CatalogSource.js"
import type { EventLog } from "./EventLog.js"
import type { EventLogError } from "./EventLogError.js"
import * as MeetingRecords from "./MeetingRecords.js"
import * as Projection from "./Projection.js"
import * as Recorded from "./Recorded.js"
import type * as Table from "./Table.js"
import * as Today from "./Today.js"

/**
 * The deadline list as of a date: every duty of the catalog, with the dates
 * set later (due-date events), the submissions recorded, and the action
 * items of recorded meetings (and of meeting files the caller read),
 * evaluated by `@uppdrag/deadlines`. The CLI's `deadlines` and `start`, the
 * web view's Översikt, assignment pages and downloads all ask this.
 *
 * @example
 * import { DeadlineList } from "@uppdrag/application"
 * const { asOf, deadlines } = yield* DeadlineList.list({ asOf: "2026-12-01" })
 * @since 0.2.0
 */
export interface Query extends DeadlineQuery.Raw {
  /** Include submitted duties too; without it (and without a status) only open ones. */
  readonly all?: boolean | undefined
}

/**
 * The answer: the date, the "soon" horizon, the deadlines in order, and the assignments ended by the date.
 *
 * @since 0.2.0
 */
export interface Listing {
  readonly asOf: CalendarDate.CalendarDate
  readonly within: number
  readonly deadlines: ReadonlyArray<Deadline.Deadline>
  /**
   * The assignments ended (avslutade) by `asOf`, by id, with how they ended
   * (`@uppdrag/deadlines`' `Completion`): final report submitted, or ended by
   * a later decision. Their unreported duties are still in `deadlines`; see
   * {@link partition} and {@link overdue}.
   */
  readonly ended: ReadonlyMap<string, Completion.Ending>
}

/**
 * Options of {@link list}.
 *
 * @since 0.2.0
 */
export interface Options {
  /** Meeting records read from files (`--records`), after those in the log. */
  readonly records?: ReadonlyArray<MeetingRecord.MeetingRecord> | undefined
  /** The command named in messages about the query (`--as-of` …). */
  readonly command?: string | undefined
}

/**
 * Every failure of {@link list}: a bad query, a catalog that does not collect, an unreadable meeting record, the log.
 *
 * @since 0.2.0
 */
export type ListError = ValidationError | Obligation.CollectError | Obligation.UnknownObligation | MeetingRecords.UnreadableRecord | EventLogError

/**
 * Answers a deadline query.
 *
 * @example
 * const listing = yield* DeadlineList.list({ asOf: "2026-12-01", status: "forsenad" })
 * @since 0.2.0
 */
export const list = (
  query: Query,
  options: Options = {}
): Effect.Effect<Listing, ListError, CatalogSource | EventLog> =>
  Effect.gen(function* () {
    const catalog = yield* CatalogSource
    const today = yield* Today.today
    const decoded = yield* Effect.fromResult(DeadlineQuery.decode(query, catalog.assignments, today, options.command))
    const state = yield* Projection.current(Recorded.projection)
    const recorded = state.recorded
    const records = yield* MeetingRecords.readBack(state)
    const { meetings } = MeetingRecord.current([...records, ...(options.records ?? [])])
    const obligations = yield* Effect.fromResult(
      Obligation.collect(catalog.assignments, { extra: actionItems(meetings), dueDates: recorded.dueDates, asOf: decoded.asOf })
    )
    const evaluated = yield* Effect.fromResult(Deadline.evaluate(obligations, { asOf: decoded.asOf, within: decoded.within, submissions: recorded.submissions }))
    const filter: DeadlineFilter.DeadlineFilter =
      query.all === true || decoded.filter.statuses !== undefined ? decoded.filter : { ...decoded.filter, statuses: Deadline.openStatuses }
    const ended = Completion.endings({ assignments: catalog.assignments, submissions: recorded.submissions, asOf: decoded.asOf })
    return { asOf: decoded.asOf, within: decoded.within, deadlines: DeadlineFilter.apply(evaluated, filter), ended } satisfies Listing
  })

/**
 * The listing's deadlines split in two: the current work, and the duties of
 * ended assignments that were never reported (listed apart, not overdue work).
 *
 * @example
 * const { current, leftOver } = DeadlineList.partition(listing)
 * leftOver.length // 8 as of 2026-11-23 once the 2012 agreement's final report of 2013-06-01 is recorded
 * @since 0.2.0
 */
export const partition = (listing: Listing): { readonly current: Array<Deadline.Deadline>; readonly leftOver: Array<Deadline.Deadline> } => {
  const current: Array<Deadline.Deadline> = []
  const leftOver: Array<Deadline.Deadline> = []
  for (const d of listing.deadlines) (Completion.isLeftOver(d, listing.ended) ? leftOver : current).push(d)
  return { current, leftOver }
}

/**
 * The overdue duties that count: `forsenad`, and not of an ended
 * assignment (unless `includeEnded`).
 *
 * @example
 * DeadlineList.overdue(listing).length // what Översikt calls "försenade"
 * @since 0.2.0
 */
export const overdue = (listing: Listing, options: { readonly includeEnded?: boolean } = {}): Array<Deadline.Deadline> =>
  listing.deadlines.filter((d) => d.status === "forsenad" && (options.includeEnded === true || !Completion.isLeftOver(d, listing.ended)))

/** Meetings' action items as extra duties of kind `ovrigt` (origin `moten`). */
const actionItems = (meetings: Parameters<typeof ActionItem.obligations>[0]): Array<Obligation.ExtraInput> =>
  ActionItem.obligations(meetings).map(({ assignment, obligation: o }) => ({
    origin: "moten",
    ...(assignment === null ? {} : { assignment }),
    id: o.id,
    kind: o.kind,
    title: o.title,
    due: o.due ?? "",
    responsible: o.responsible,
    recipient: o.recipient,
    contents: o.contents,
    source: o.source
  }))

/**
 * Swedish labels of the statuses.
 *
 * @since 0.2.0
 */
export const statusLabels: Readonly<Record<Deadline.Status, string>> = {
  kommande: "Kommande",
  snart: "Snart",
  forsenad: "Försenad",
  inlamnad: "Inlämnad",
  "inlamnad-sent": "Inlämnad sent",
  "datum-ej-satt": "Datum ej satt"
}

/**
 * Swedish labels of the duties' kinds (`delredovisning` → `Delredovisning`).
 *
 * @since 0.2.0
 */
export const kindLabels: Readonly<Record<string, string>> = Object.fromEntries(Obligation.kinds.map((kind) => [kind, Obligation.kindLabel(kind)]))

/**
 * "söndag – närmast följande vardag 2027-05-31", or null on a working day.
 *
 * @example
 * DeadlineList.nonWorkingNote(d) // "söndag – närmast följande vardag 2027-05-31"
 * @since 0.2.0
 */
export const nonWorkingNote = (d: Deadline.Deadline): string | null =>
  d.nonWorkingDay === null ? null : `${d.nonWorkingDay}${d.nextWorkingDay === null ? "" : ` – närmast följande vardag ${d.nextWorkingDay}`}`

/**
 * The id users record a report under (`uppdrag record report --obligation`):
 * the obligation id (unique within its assignment).
 */
const obligationId = (d: Deadline.Deadline): string => d.obligation.id

/**
 * The deadline table: the same fields in every format (table, CSV, JSON,
 * HTML, xlsx). `id` is the obligation id `uppdrag record report` takes,
 * `key` the duty's unique key across assignments.
 *
 * @since 0.2.0
 */
export const columns: Table.Columns<Deadline.Deadline> = [
  { field: "due", header: "Förfaller", kind: "date", value: (d) => d.obligation.due },
  { field: "daysLeft", header: "Dagar", kind: "integer", value: (d) => d.daysLeft },
  { field: "workingDaysLeft", header: "Arbetsdagar", kind: "integer", value: (d) => d.workingDaysLeft },
  { field: "status", header: "Status", kind: "text", labels: statusLabels, value: (d) => d.status },
  { field: "kind", header: "Typ", kind: "text", labels: kindLabels, value: (d) => d.obligation.kind },
  { field: "title", header: "Vad", kind: "text", value: (d) => d.obligation.title },
  { field: "assignment", header: "Uppdrag", kind: "text", value: (d) => d.obligation.assignment ?? d.obligation.origin },
  { field: "assignmentId", header: "Uppdragets id", kind: "text", value: (d) => d.obligation.assignmentId },
  { field: "id", header: "Id", kind: "text", value: obligationId },
  { field: "recipient", header: "Mottagare", kind: "text", value: (d) => d.obligation.recipient },
  { field: "responsible", header: "Ansvarig", kind: "text", value: (d) => d.obligation.responsible },
  { field: "dueSetBy", header: "Datum bestäms av", kind: "text", value: (d) => d.obligation.dueSetBy },
  { field: "nonWorkingDay", header: "Helgdag eller helg", kind: "text", value: (d) => d.nonWorkingDay },
  { field: "nextWorkingDay", header: "Närmast följande vardag", kind: "date", value: (d) => d.nextWorkingDay },
  { field: "citeDiaryNumber", header: "Ange diarienummer", kind: "flag", value: (d) => d.obligation.citeDiaryNumber },
  { field: "contents", header: "Innehåll", kind: "text", value: (d) => d.obligation.contents.join("; ") },
  { field: "key", header: "Nyckel", kind: "text", value: (d) => Obligation.key(d.obligation) }
]

/**
 * The reminder a deadline is at as of a date, if any (`--reminders 30,14,3`).
 *
 * @example
 * DeadlineList.reminder(d, "2026-12-01", [30, 14, 3]) // { on: "2026-11-30", stage: 30 }
 * @since 0.2.0
 */
export const reminder = (d: Deadline.Deadline, asOf: CalendarDate.CalendarDate, stages: ReadonlyArray<number>): Reminder.Reminder | undefined => Reminder.current(d, asOf, stages)
