import type { CalendarDate } from "@uppdrag/core"
import { Reporting } from "@uppdrag/deadlines"
import * as Event from "./Event.js"

/**
 * What the deadlines and meetings read from the event log, as plain data:
 * reports submitted for a whole duty, dates set for duties the decision left
 * open, and meeting payloads. Reversed events are left out. A region's own
 * report is one region's part of a shared duty and does not close it.
 *
 * @example
 * const events = await store.events({ types: Recorded.types })
 * const { submissions, dueDates } = Recorded.fold(events.success)
 */
export interface Recorded {
  readonly submissions: ReadonlyArray<{ readonly assignment: string; readonly obligation: string; readonly submittedOn: CalendarDate.CalendarDate }>
  readonly dueDates: ReadonlyArray<{ readonly assignment: string; readonly obligation: string; readonly due: CalendarDate.CalendarDate; readonly setOn: CalendarDate.CalendarDate }>
  /** Payloads of `meeting` events (meeting and agreement records), in log order, with their sequence numbers. */
  readonly meetings: ReadonlyArray<{ readonly seq: number; readonly payload: Event.Json }>
}

/** The event types {@link fold} reads; pass them to `store.events` to read no more than needed. */
export const types: ReadonlyArray<Event.EventType> = ["report", "due-date", "meeting", "reversal"]

/**
 * Folds stored events (in log order) into what was recorded.
 *
 * @example
 * Recorded.fold([]).submissions // []
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
