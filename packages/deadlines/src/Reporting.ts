import { Assignment, type CalendarDate } from "@uppdrag/core"
import * as Data from "effect/Data"
import * as Result from "effect/Result"

/**
 * The rules for recording what happened to a reporting duty: that a report
 * was submitted (inlämnad), and the date someone sets for a duty the
 * decision left open (seed 003 leaves the regions' reporting date to
 * Socialstyrelsen). Pure decide functions: the duty, what is already
 * recorded, and the decision (the duty) or a tagged refusal.
 *
 * @example
 * import { Reporting } from "@uppdrag/deadlines"
 * Reporting.decideReport(assignment, { obligation: "slutredovisning", region: null }, new Map())
 */

/**
 * The assignment has no duty with that id.
 *
 * @since 0.2.0
 */
export class UnknownObligation extends Data.TaggedError("UnknownObligation")<{
  readonly assignment: string
  readonly obligation: string
  readonly known: ReadonlyArray<string>
}> {
  override get message(): string {
    return `uppdraget ${this.assignment} har ingen skyldighet ${this.obligation} (kända: ${this.known.join(", ")})`
  }
}

/**
 * The report is already recorded as submitted (until that event is reversed).
 *
 * @since 0.2.0
 */
export class ReportAlreadySubmitted extends Data.TaggedError("ReportAlreadySubmitted")<{ readonly obligation: string; readonly earlier: number }> {
  override get message(): string {
    return `redovisningen ${this.obligation} är redan registrerad som inlämnad (händelse ${this.earlier}); återför den först om den ska ändras`
  }
}

/**
 * The decision itself gives the date, so nobody sets it later.
 *
 * @since 0.2.0
 */
export class DueDateInDecision extends Data.TaggedError("DueDateInDecision")<{ readonly obligation: string; readonly due: string | null }> {
  override get message(): string {
    return `skyldigheten ${this.obligation} har redan ett datum i beslutet (${this.due ?? "–"}); bara datum som någon annan bestämmer registreras`
  }
}

/**
 * The date is already set (until that event is reversed).
 *
 * @since 0.2.0
 */
export class DueDateAlreadySet extends Data.TaggedError("DueDateAlreadySet")<{ readonly obligation: string; readonly due: string; readonly earlier: number }> {
  override get message(): string {
    return `datumet för ${this.obligation} är redan fastställt till ${this.due} (händelse ${this.earlier}); återför den först om datumet ändras`
  }
}

/**
 * A report dated before the decision that asks for it.
 *
 * @since 0.2.0
 */
export class ReportBeforeDecision extends Data.TaggedError("ReportBeforeDecision")<{
  readonly assignment: string
  readonly obligation: string
  readonly date: CalendarDate.CalendarDate
  /** The decision date as the source states it (`2026-01-22`, or only `2024`). */
  readonly decided: string
}> {
  override get message(): string {
    return `redovisningen ${this.obligation} är daterad ${this.date}, före beslutet i ${this.assignment} (${this.decided})`
  }
}

/**
 * A report dated after today: it cannot have been submitted yet.
 *
 * @since 0.2.0
 */
export class ReportInFuture extends Data.TaggedError("ReportInFuture")<{
  readonly obligation: string
  readonly date: CalendarDate.CalendarDate
  readonly today: CalendarDate.CalendarDate
}> {
  override get message(): string {
    return `redovisningen ${this.obligation} är daterad ${this.date}, efter dagens datum ${this.today}`
  }
}

/**
 * Every reason {@link decideReport} and {@link decideDueDate} refuse.
 *
 * @since 0.2.0
 */
export type Refusal = UnknownObligation | ReportAlreadySubmitted | ReportBeforeDecision | ReportInFuture | DueDateInDecision | DueDateAlreadySet

/**
 * The key under which a report is recorded: one per duty, and one per region
 * for a region's own part of a shared duty.
 *
 * @example
 * Reporting.reportKey("slutredovisning", "03") // "slutredovisning/03"
 * @since 0.2.0
 */
export const reportKey = (obligation: string, region: string | null): string => (region === null ? obligation : `${obligation}/${region}`)

/**
 * Whether a recorded report closes the duty: a report for the duty as a
 * whole does; a region's report is one region's part of a shared duty
 * (every region reports) and leaves it open.
 *
 * @example
 * Reporting.closesDuty({ region: "03" }) // false
 * @since 0.2.0
 */
export const closesDuty = (report: { readonly region: string | null }): boolean => report.region === null

const findObligation = (assignment: Assignment.Assignment, obligation: string): Result.Result<Assignment.ReportingObligation, UnknownObligation> => {
  const found = assignment.obligations.find((o) => o.id === obligation)
  return found === undefined
    ? Result.fail(new UnknownObligation({ assignment: assignment.id, obligation, known: assignment.obligations.map((o) => o.id) }))
    : Result.succeed(found)
}

/**
 * Decides whether a report may be recorded as submitted: the duty exists, no
 * report for it (for that region, if any) is recorded yet, and when the
 * report carries its `date`, that date is not before the assignment's
 * decision nor after `today` (when given). `submitted` maps {@link reportKey}
 * to the event that recorded it.
 *
 * @example
 * Reporting.decideReport(assignment, { obligation: "slutredovisning", region: null }, new Map([["slutredovisning", 4]]))
 * // Result.fail(ReportAlreadySubmitted { obligation: "slutredovisning", earlier: 4 })
 * @since 0.2.0
 */
export const decideReport = (
  assignment: Assignment.Assignment,
  report: {
    readonly obligation: string
    readonly region: string | null
    readonly date?: CalendarDate.CalendarDate | undefined
    readonly today?: CalendarDate.CalendarDate | undefined
  },
  submitted: ReadonlyMap<string, number>
): Result.Result<Assignment.ReportingObligation, Refusal> => {
  const obligation = findObligation(assignment, report.obligation)
  if (Result.isFailure(obligation)) return obligation
  const { date, today } = report
  if (date !== undefined && date < assignment.decided) {
    return Result.fail(new ReportBeforeDecision({ assignment: assignment.id, obligation: obligation.success.id, date, decided: Assignment.formatDecided(assignment) }))
  }
  if (date !== undefined && today !== undefined && date > today) return Result.fail(new ReportInFuture({ obligation: obligation.success.id, date, today }))
  const earlier = submitted.get(reportKey(obligation.success.id, report.region))
  return earlier === undefined ? obligation : Result.fail(new ReportAlreadySubmitted({ obligation: obligation.success.id, earlier }))
}

/**
 * Decides whether a due date may be set: the duty exists, its decision
 * leaves the date to someone (`dueSetBy`), and no date is set yet. `set`
 * maps an obligation id to the event and date already recorded.
 *
 * @example
 * Reporting.decideDueDate(assignment, "regionernas-redovisning-2026", new Map())
 * // Result.succeed(obligation)
 * @since 0.2.0
 */
export const decideDueDate = (
  assignment: Assignment.Assignment,
  obligation: string,
  set: ReadonlyMap<string, { readonly seq: number; readonly due: string }>
): Result.Result<Assignment.ReportingObligation, Refusal> => {
  const found = findObligation(assignment, obligation)
  if (Result.isFailure(found)) return found
  if (found.success.dueSetBy === undefined) return Result.fail(new DueDateInDecision({ obligation: found.success.id, due: found.success.due ?? null }))
  const earlier = set.get(found.success.id)
  return earlier === undefined ? found : Result.fail(new DueDateAlreadySet({ obligation: found.success.id, due: earlier.due, earlier: earlier.seq }))
}
