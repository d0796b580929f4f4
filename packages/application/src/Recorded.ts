import { CalendarDate } from "@uppdrag/core"
import { Reporting } from "@uppdrag/deadlines"
import { MeetingRecord } from "@uppdrag/meetings"
import * as Event from "./Event.js"
import type * as Projection from "./Projection.js"

/**
 * What the deadlines and meetings read from the event log, as plain data:
 * reports submitted for a whole duty, dates set for duties the decision left
 * open, and meeting payloads. Reversed events are left out. A region's own
 * report is one region's part of a shared duty and does not close it.
 *
 * @example
 * const events = await store.events({ types: Recorded.types })
 * const { submissions, dueDates } = Recorded.fold(events.success)
 * @since 0.2.0
 */
export interface Recorded {
  readonly submissions: ReadonlyArray<{ readonly assignment: string; readonly obligation: string; readonly submittedOn: CalendarDate.CalendarDate }>
  readonly dueDates: ReadonlyArray<{ readonly assignment: string; readonly obligation: string; readonly due: CalendarDate.CalendarDate; readonly setOn: CalendarDate.CalendarDate }>
  /** Payloads of `meeting` events (meeting and agreement records), in log order, with their sequence numbers. */
  readonly meetings: ReadonlyArray<{ readonly seq: number; readonly payload: Event.Json }>
}

/**
 * The event types {@link fold} reads; pass them to `store.events` to read no more than needed.
 *
 * @since 0.2.0
 */
export const types: ReadonlyArray<Event.EventType> = ["report", "due-date", "meeting", "reversal"]

/**
 * Folds stored events (in log order) into what was recorded.
 *
 * @example
 * Recorded.fold([]).submissions // []
 * @since 0.2.0
 */
export const fold = (events: ReadonlyArray<Event.StoredEvent>): Recorded => {
  const reversed = new Set(events.flatMap((e) => (e.reverses === null ? [] : [e.reverses])))
  const submissions: Array<Recorded["submissions"][number]> = []
  const dueDates: Array<Recorded["dueDates"][number]> = []
  const meetings: Array<Recorded["meetings"][number]> = []
  for (const e of events) {
    if (reversed.has(e.seq)) continue
    if (e.type === "report" && e.obligation !== null && Reporting.closesDuty(e)) {
      submissions.push({ assignment: e.assignment, obligation: e.obligation, submittedOn: e.date })
    } else if (e.type === "due-date" && e.obligation !== null) {
      // The store checked the payload before writing it.
      const payload = Event.DueDatePayloadSchema.safeParse(e.payload)
      if (payload.success) dueDates.push({ assignment: e.assignment, obligation: e.obligation, due: payload.data.due, setOn: e.date })
    } else if (e.type === "meeting" && e.payload !== null) {
      meetings.push({ seq: e.seq, payload: e.payload })
    }
  }
  return { submissions, dueDates, meetings }
}

/** One recorded item with the sequence number of its event (so a later reversal can take it out). */
interface Numbered<A> {
  readonly seq: number
  readonly value: A
}

/**
 * What {@link projection} keeps: the items of {@link Recorded} with their
 * sequence numbers, each meeting payload read once as a meeting record
 * (undefined when it does not read), and the fold's answer itself.
 *
 * @since 0.2.0
 */
export interface State {
  readonly submissions: ReadonlyArray<Numbered<Recorded["submissions"][number]>>
  readonly dueDates: ReadonlyArray<Numbered<Recorded["dueDates"][number]>>
  readonly meetings: ReadonlyArray<Numbered<{ readonly payload: Event.Json; readonly record: MeetingRecord.MeetingRecord | undefined }>>
  /**
   * Sequence numbers reversed before their event exists. A log the store
   * wrote never has one (a reversal names an earlier event), but the fold is
   * exact for any log, as {@link fold} is.
   */
  readonly ahead: ReadonlyArray<number>
  /** The same as {@link fold} of every event so far. */
  readonly recorded: Recorded
  /** The meeting and agreement records in log order, or the first `meeting` event that does not read back as one. */
  readonly records: { readonly _tag: "Read"; readonly records: ReadonlyArray<MeetingRecord.MeetingRecord> } | { readonly _tag: "Unreadable"; readonly seq: number }
}

const view = (submissions: State["submissions"], dueDates: State["dueDates"], meetings: State["meetings"], ahead: ReadonlyArray<number>): State => {
  const unreadable = meetings.find((m) => m.value.record === undefined)
  return {
    submissions,
    dueDates,
    meetings,
    ahead,
    recorded: {
      submissions: submissions.map((s) => s.value),
      dueDates: dueDates.map((d) => d.value),
      meetings: meetings.map((m) => ({ seq: m.seq, payload: m.value.payload }))
    },
    records:
      unreadable === undefined
        ? { _tag: "Read", records: meetings.map((m) => m.value.record as MeetingRecord.MeetingRecord) }
        : { _tag: "Unreadable", seq: unreadable.seq }
  }
}

const readRecord = (payload: Event.Json): MeetingRecord.MeetingRecord | undefined => {
  const parsed = MeetingRecord.schema.safeParse(payload)
  return parsed.success ? parsed.data : undefined
}

const empty: State = view([], [], [], [])

/**
 * {@link fold} as a projection kept up to date incrementally (see
 * `Projection.current`): what the deadline list and the meeting records read.
 * A new reversal takes out the item it reverses, however long ago it was
 * recorded; everything else is appended in log order, so the state after any
 * run of reads equals {@link fold} of the whole log.
 *
 * @example
 * const { recorded } = yield* Projection.current(Recorded.projection)
 * recorded.submissions.length // 1 once a report is recorded
 * @since 0.2.0
 */
export const projection: Projection.Projection<State> = {
  name: "registrerat",
  key: "",
  version: 1,
  filter: { types },
  initial: empty,
  advance: (state, events, { through }) => {
    const reversed = new Set(state.ahead)
    for (const e of events) if (e.reverses !== null) reversed.add(e.reverses)
    const keep = <A>(items: ReadonlyArray<Numbered<A>>): Array<Numbered<A>> => items.filter((item) => !reversed.has(item.seq))
    const submissions = keep(state.submissions)
    const dueDates = keep(state.dueDates)
    const meetings = keep(state.meetings)
    for (const e of events) {
      if (reversed.has(e.seq)) continue
      if (e.type === "report" && e.obligation !== null && Reporting.closesDuty(e)) {
        submissions.push({ seq: e.seq, value: { assignment: e.assignment, obligation: e.obligation, submittedOn: e.date } })
      } else if (e.type === "due-date" && e.obligation !== null) {
        const payload = Event.DueDatePayloadSchema.safeParse(e.payload)
        if (payload.success) dueDates.push({ seq: e.seq, value: { assignment: e.assignment, obligation: e.obligation, due: payload.data.due, setOn: e.date } })
      } else if (e.type === "meeting" && e.payload !== null) {
        meetings.push({ seq: e.seq, value: { payload: e.payload, record: readRecord(e.payload) } })
      }
    }
    const ahead = [...reversed].filter((seq) => seq > through)
    return view(submissions, dueDates, meetings, ahead)
  },
  encode: (state) => ({
    submissions: state.submissions.map((s) => [s.seq, s.value.assignment, s.value.obligation, s.value.submittedOn]),
    dueDates: state.dueDates.map((d) => [d.seq, d.value.assignment, d.value.obligation, d.value.due, d.value.setOn]),
    meetings: state.meetings.map((m) => [m.seq, m.value.payload]),
    ahead: [...state.ahead]
  }),
  decode: (json) => {
    if (typeof json !== "object" || json === null || Array.isArray(json)) return undefined
    const { submissions, dueDates, meetings, ahead } = json as Record<string, Event.Json>
    if (!Array.isArray(submissions) || !Array.isArray(dueDates) || !Array.isArray(meetings) || !Array.isArray(ahead)) return undefined
    const isSeq = (value: Event.Json | undefined): value is number => typeof value === "number" && Number.isSafeInteger(value) && value > 0
    const isText = (value: Event.Json | undefined): value is string => typeof value === "string"
    const rows = (items: ReadonlyArray<Event.Json>, width: number): Array<ReadonlyArray<Event.Json>> | undefined =>
      items.every((item) => Array.isArray(item) && item.length === width && isSeq(item[0])) ? (items as Array<ReadonlyArray<Event.Json>>) : undefined
    const s = rows(submissions, 4)
    const d = rows(dueDates, 5)
    const m = rows(meetings, 2)
    if (s === undefined || d === undefined || m === undefined || !ahead.every(isSeq)) return undefined
    const isDate = (value: Event.Json | undefined): boolean => typeof value === "string" && CalendarDate.isCalendarDate(value)
    if (!s.every((r) => isText(r[1]) && isText(r[2]) && isDate(r[3]))) return undefined
    if (!d.every((r) => isText(r[1]) && isText(r[2]) && isDate(r[3]) && isDate(r[4])) || !m.every((r) => r[1] !== null)) return undefined
    return view(
      s.map(([seq, assignment, obligation, submittedOn]) => ({
        seq: seq as number,
        value: { assignment: assignment as string, obligation: obligation as string, submittedOn: submittedOn as CalendarDate.CalendarDate }
      })),
      d.map(([seq, assignment, obligation, due, setOn]) => ({
        seq: seq as number,
        value: { assignment: assignment as string, obligation: obligation as string, due: due as CalendarDate.CalendarDate, setOn: setOn as CalendarDate.CalendarDate }
      })),
      m.map(([seq, payload]) => ({ seq: seq as number, value: { payload: payload as Event.Json, record: readRecord(payload as Event.Json) } })),
      ahead
    )
  }
}
