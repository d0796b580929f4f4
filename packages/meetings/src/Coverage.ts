import { Assignment, type CalendarDate } from "@uppdrag/core"
import type { Meeting } from "./Meeting.js"

/**
 * Kinds of obligation that are reports to the government: the deadlines consultation must precede.
 *
 * @since 0.2.0
 */
export const reportKinds: ReadonlyArray<Assignment.ObligationKind> = ["delredovisning", "slutredovisning"]

/**
 * The first report deadline (interim or final) on or after `asOf`, or null
 * when every report is due earlier. Plain date comparison of the
 * assignment's own obligations.
 *
 * @example
 * Coverage.nextReportDeadline(s2025_01528, CalendarDate.unsafeParse("2026-11-23")) // "2027-05-30"
 * @since 0.2.0
 */
export const nextReportDeadline = (assignment: Assignment.Assignment, asOf: CalendarDate.CalendarDate): CalendarDate.CalendarDate | null =>
  assignment.obligations
    .filter((o) => reportKinds.includes(o.kind) && o.due !== null && o.due >= asOf)
    .map((o) => o.due as CalendarDate.CalendarDate)
    .sort()[0] ?? null

/**
 * One party the assignment says to consult, and whether it has been.
 *
 * @since 0.2.0
 */
export interface PartyCoverage {
  readonly id: string
  readonly name: string
  readonly consulted: boolean
  /** Date of the latest meeting for the assignment it took part in, on or before `asOf`. */
  readonly lastMeeting: CalendarDate.CalendarDate | null
}

/**
 * The coverage report: `{ assignment, nextDeadline, parties }`, the JSON `meetings coverage` prints.
 *
 * @since 0.2.0
 */
export interface Coverage {
  /** The assignment's main diary number, e.g. `S2025/01528`. */
  readonly assignment: string
  readonly nextDeadline: CalendarDate.CalendarDate | null
  /** Every party of the assignment's `consult` list, in the catalog's order. */
  readonly parties: ReadonlyArray<PartyCoverage>
}

/**
 * Who of the parties an assignment must consult has taken part in a meeting
 * for it (on or before `asOf`), when last, and who not yet, ahead of its next
 * report deadline. Only meetings recorded for this assignment count.
 *
 * @example
 * const report = Coverage.report(assignment, meetings, CalendarDate.unsafeParse("2026-11-23"))
 * report.parties.filter((p) => !p.consulted).map((p) => p.name)
 * @since 0.2.0
 */
export const report = (assignment: Assignment.Assignment, meetings: ReadonlyArray<Meeting>, asOf: CalendarDate.CalendarDate): Coverage => {
  const last = new Map<string, CalendarDate.CalendarDate>()
  for (const meeting of meetings) {
    if (meeting.assignment !== assignment.id || meeting.date > asOf) continue
    for (const id of meeting.participants) {
      const seen = last.get(id)
      if (seen === undefined || meeting.date > seen) last.set(id, meeting.date)
    }
  }
  return {
    // An agreement may have no diary number (the 2012 SKL agreement): then its id.
    assignment: Assignment.mainDiaryNumber(assignment),
    nextDeadline: nextReportDeadline(assignment, asOf),
    parties: assignment.consult.map((p) => {
      const lastMeeting = last.get(p.id) ?? null
      return { id: p.id, name: p.name, consulted: lastMeeting !== null, lastMeeting }
    })
  }
}
