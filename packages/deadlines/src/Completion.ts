import { Assignment, type CalendarDate } from "@uppdrag/core"
import type * as Deadline from "./Deadline.js"

/**
 * When an assignment (or agreement) is ended (avslutat): its final report
 * (slutredovisning) is submitted, or a later decision ends it (the later
 * decision's `ends` names one of its diary numbers, e.g. seed 000 ending
 * S2019/01522). The duties of an ended assignment that were never reported
 * are no longer overdue work: they are listed apart and not counted as
 * `forsenad` by default.
 *
 * @example
 * import { Completion } from "@uppdrag/deadlines"
 * Completion.ending(agreement2012, { assignments, submissions: [{ assignment: "heldygnsvard-2012", obligation: "slutredovisning-2013-06-01", submittedOn: "2013-06-01" }], asOf })
 * // { _tag: "FinalReportSubmitted", on: "2013-06-01", obligations: ["slutredovisning-2013-06-01"] }
 * @since 0.2.0
 */
export type Ending =
  | { readonly _tag: "FinalReportSubmitted"; readonly on: CalendarDate.CalendarDate; readonly obligations: ReadonlyArray<string> }
  | {
      readonly _tag: "EndedByDecision"
      readonly on: CalendarDate.CalendarDate
      /** The later decision: its catalog id and main diary number. */
      readonly by: string
      readonly byDiaryNumber: string
      /** The diary number of this assignment the later decision names. */
      readonly diaryNumber: string
    }

/**
 * What {@link ending} looks at: the catalog's entries, the recorded submissions and the date.
 *
 * @since 0.2.0
 */
export interface Context {
  readonly assignments: ReadonlyArray<Assignment.Assignment>
  readonly submissions: ReadonlyArray<Deadline.Submission>
  readonly asOf: CalendarDate.CalendarDate
}

const plainDiaryNumber = (text: string): string => text.replace(/\s*\(delvis\)$/, "").trim()

/**
 * How an assignment ended by `asOf`, or null while it runs: the earlier of
 * its final report(s) being submitted (every `slutredovisning` duty, the
 * date the last was handed in) and a later decision ending it (that
 * decision's date). An underlag never ends by itself.
 *
 * @example
 * Completion.ending(s2019, { assignments, submissions: [], asOf: CalendarDate.unsafeParse("2026-11-23") })
 * // { _tag: "EndedByDecision", on: "2024-01-01", by: "tvangsvard-2024", byDiaryNumber: "S2024/01004", diaryNumber: "S2019/01522" }
 * @since 0.2.0
 */
export const ending = (assignment: Assignment.Assignment, context: Context): Ending | null => {
  if (assignment.kind === "underlag") return null
  const candidates: Array<Ending> = []
  const finals = assignment.obligations.filter((o) => o.kind === "slutredovisning")
  if (finals.length > 0) {
    const handedIn = finals.map((o) =>
      context.submissions
        .filter((s) => (s.assignment === assignment.id || assignment.diaryNumbers.includes(s.assignment)) && s.obligation === o.id && s.submittedOn <= context.asOf)
        .map((s) => s.submittedOn)
        .sort()[0]
    )
    if (handedIn.every((on) => on !== undefined)) {
      candidates.push({ _tag: "FinalReportSubmitted", on: [...(handedIn as Array<CalendarDate.CalendarDate>)].sort().at(-1)!, obligations: finals.map((o) => o.id) })
    }
  }
  const own = new Set(assignment.diaryNumbers.map(plainDiaryNumber))
  for (const later of context.assignments) {
    if (later.id === assignment.id || later.decided < assignment.decided || later.decided > context.asOf) continue
    const named = later.ends.map((r) => plainDiaryNumber(r.diaryNumber)).find((d) => own.has(d))
    if (named !== undefined) candidates.push({ _tag: "EndedByDecision", on: later.decided, by: later.id, byDiaryNumber: Assignment.mainDiaryNumber(later), diaryNumber: named })
  }
  return candidates.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))[0] ?? null
}

/**
 * Every ended assignment of the catalog by `asOf`, by id.
 *
 * @example
 * Completion.endings({ assignments, submissions, asOf }).get("heldygnsvard-2012")?._tag // "FinalReportSubmitted"
 * @since 0.2.0
 */
export const endings = (context: Context): ReadonlyMap<string, Ending> =>
  new Map(context.assignments.flatMap((a) => {
    const ended = ending(a, context)
    return ended === null ? [] : [[a.id, ended] as const]
  }))

/**
 * Whether a duty belongs to an ended assignment and was never reported: it
 * is listed apart, not as overdue work.
 *
 * @example
 * Completion.isLeftOver(deadline, endings) // true for the 2012 agreement's unreported duties once it has ended
 * @since 0.2.0
 */
export const isLeftOver = (deadline: Deadline.Deadline, ended: ReadonlyMap<string, Ending>): boolean =>
  deadline.obligation.assignmentId !== null && ended.has(deadline.obligation.assignmentId) && deadline.submittedOn === null

/**
 * Swedish description of an ending: "avslutat 2013-06-01, slutredovisningen är inlämnad".
 *
 * @example
 * Completion.describe({ _tag: "EndedByDecision", on: "2024-01-01", by: "tvangsvard-2024", byDiaryNumber: "S2024/01004", diaryNumber: "S2019/01522" })
 * // "avslutat 2024-01-01 genom beslut S2024/01004"
 * @since 0.2.0
 */
export const describe = (ended: Ending): string =>
  ended._tag === "FinalReportSubmitted" ? `avslutat ${ended.on}, slutredovisningen är inlämnad` : `avslutat ${ended.on} genom beslut ${ended.byDiaryNumber}`
