import { CalendarDate, Collation, fromZodIssues, ValidationError } from "@uppdrag/core"
import * as Result from "effect/Result"
import * as z from "zod"
import * as Obligation from "./Obligation.js"
import * as SwedishHoliday from "./SwedishHoliday.js"
import * as WorkingDay from "./WorkingDay.js"

/**
 * Where a duty stands on a date:
 * - `kommande`: due later than the `within` window;
 * - `snart`: due within `within` days (default 30), today included;
 * - `forsenad`: the due date has passed and no submission is recorded;
 * - `inlamnad`: submitted on or before the due date;
 * - `inlamnad-sent`: submitted after the due date;
 * - `datum-ej-satt`: the date is left to someone else (`dueSetBy`) and none is recorded yet.
 *
 * The due date is compared as written in the decision: a date on a
 * non-working day is not moved (see {@link Deadline.nextWorkingDay}).
 *
 * @example
 * const s: Deadline.Status = "snart"
 * @since 0.2.0
 */
export type Status = (typeof statuses)[number]

/**
 * Every status, in the order a duty passes through them.
 *
 * @example
 * Deadline.statuses.filter((s) => !Deadline.doneStatuses.includes(s)) // what is not yet done
 * @since 0.2.0
 */
export const statuses = ["datum-ej-satt", "kommande", "snart", "forsenad", "inlamnad", "inlamnad-sent"] as const

/**
 * Statuses of duties that are done.
 *
 * @example
 * Deadline.doneStatuses.includes(d.status) // true once a submission is recorded
 * @since 0.2.0
 */
export const doneStatuses: ReadonlyArray<Status> = ["inlamnad", "inlamnad-sent"]

/**
 * Statuses of duties not yet done: what a deadline list shows by default.
 *
 * @example
 * DeadlineFilter.apply(deadlines, { statuses: Deadline.openStatuses })
 * @since 0.2.0
 */
export const openStatuses: ReadonlyArray<Status> = statuses.filter((s) => !doneStatuses.includes(s))

/**
 * A recorded submission, as plain data (the store records them; this
 * package never reads the store): which duty, and the day it was handed in.
 *
 * @example
 * const s: Deadline.SubmissionInput = { assignment: "S2024/01004", obligation: "delredovisning-2025-11-30", submittedOn: "2025-11-28" }
 * @since 0.2.0
 */
export interface Submission {
  readonly assignment: string
  readonly obligation: string
  readonly submittedOn: CalendarDate.CalendarDate
}
/**
 * The input form of {@link Submission}: the date as text.
 *
 * @example
 * const s: Deadline.SubmissionInput = { assignment: "tvangsvard-2024", obligation: "delredovisning-2026-11-30", submittedOn: "2026-11-27" }
 * @since 0.2.0
 */
export interface SubmissionInput extends Omit<Submission, "submittedOn"> {
  readonly submittedOn: string
}
/**
 * zod schema of a submission (annotated because core's branded date type
 * cannot be named in an inferred declaration).
 *
 * @example
 * Deadline.SubmissionSchema.safeParse({ assignment: "S2024/01004", obligation: "x", submittedOn: "2026-02-30" }).success // false
 * @since 0.2.0
 */
export const SubmissionSchema: z.ZodType<Submission, SubmissionInput> = z.strictObject({
  /** Assignment id or diary number; for an extra duty tied to none, its origin. */
  assignment: z.string().min(1),
  obligation: z.string().min(1),
  submittedOn: CalendarDate.schema
})

/**
 * A duty evaluated on a date: its status, the days left in calendar days and
 * in Swedish working days, and whether its due date falls on a non-working
 * day (with the next working day, the day lag (1930:173) would allow).
 *
 * @example
 * import { Deadline } from "@uppdrag/deadlines"
 * const [first] = Result.getOrThrow(Deadline.evaluate(obligations, { asOf: CalendarDate.unsafeParse("2026-11-23") }))
 * first.status // "snart"
 * @since 0.2.0
 */
export interface Deadline {
  readonly obligation: Obligation.Obligation
  readonly status: Status
  /** Calendar days from the as-of date to the due date; negative when passed; `null` without a date. */
  readonly daysLeft: number | null
  /** Working days after the as-of date up to and including the due date; negative when passed. */
  readonly workingDaysLeft: number | null
  /** Why the due date is not a working day (`söndag`, `annandag påsk`), or `null`. */
  readonly nonWorkingDay: string | null
  /** The next working day when the due date is not one, else `null`. */
  readonly nextWorkingDay: CalendarDate.CalendarDate | null
  /** The recorded submission date (on or before the as-of date), if any. */
  readonly submittedOn: CalendarDate.CalendarDate | null
}

/**
 * Options of {@link evaluate}.
 *
 * @example
 * const options: Deadline.EvaluateOptions = { asOf: CalendarDate.unsafeParse("2026-11-23"), within: 14 }
 * @since 0.2.0
 */
export interface EvaluateOptions {
  readonly asOf: CalendarDate.CalendarDate
  /** Days ahead counted as `snart`; default 30. */
  readonly within?: number
  /** Recorded submissions, validated here. */
  readonly submissions?: ReadonlyArray<unknown>
}

/**
 * Default `snart` window in days.
 *
 * @example
 * Deadline.defaultWithin // 30
 * @since 0.2.0
 */
export const defaultWithin = 30

/**
 * The status of one duty on a date, given when it was submitted (if it was).
 *
 * @example
 * Deadline.statusOf(CalendarDate.unsafeParse("2026-11-30"), null, CalendarDate.unsafeParse("2026-11-23"), 30) // "snart"
 * @since 0.2.0
 */
export const statusOf = (
  due: CalendarDate.CalendarDate | null,
  submittedOn: CalendarDate.CalendarDate | null,
  asOf: CalendarDate.CalendarDate,
  within: number
): Status => {
  if (due === null) return submittedOn === null ? "datum-ej-satt" : "inlamnad"
  if (submittedOn !== null) return submittedOn <= due ? "inlamnad" : "inlamnad-sent"
  const daysLeft = CalendarDate.daysBetween(asOf, due)
  if (daysLeft < 0) return "forsenad"
  return daysLeft <= within ? "snart" : "kommande"
}

/**
 * Evaluates one duty on a date. Throws a `RangeError` when `asOf` or the due
 * date is before {@link SwedishHoliday.firstYear} ({@link evaluate} refuses those instead).
 *
 * @example
 * Deadline.make(obligation, CalendarDate.unsafeParse("2026-11-23"), 30, null).daysLeft // 7
 * @since 0.2.0
 */
export const make = (
  obligation: Obligation.Obligation,
  asOf: CalendarDate.CalendarDate,
  within: number,
  submittedOn: CalendarDate.CalendarDate | null
): Deadline => {
  const due = obligation.due
  const nonWorkingDay = due === null ? null : WorkingDay.nonWorkingReason(due)
  return {
    obligation,
    status: statusOf(due, submittedOn, asOf, within),
    daysLeft: due === null ? null : CalendarDate.daysBetween(asOf, due),
    workingDaysLeft: due === null ? null : WorkingDay.between(asOf, due),
    nonWorkingDay,
    nextWorkingDay: due === null || nonWorkingDay === null ? null : WorkingDay.next(due),
    submittedOn
  }
}

/**
 * Orders deadlines soonest first; duties without a date last; then by
 * assignment and id so the order is stable.
 *
 * @example
 * deadlines.sort(Deadline.bySoonest)
 * @since 0.2.0
 */
export const bySoonest = (a: Deadline, b: Deadline): number => {
  const x = a.obligation.due
  const y = b.obligation.due
  if (x !== y) {
    if (x === null) return 1
    if (y === null) return -1
    return x < y ? -1 : 1
  }
  return Collation.swedish(Obligation.key(a.obligation), Obligation.key(b.obligation))
}

/**
 * Evaluates every duty on `asOf`, soonest first. Submissions are matched to
 * duties by assignment (id or diary number) and obligation id; one naming a
 * duty that does not exist is an error, so a typo never passes silently.
 * Submissions dated after `asOf` are not yet known on that date. An `asOf`
 * or a due date before {@link SwedishHoliday.firstYear} is refused: the
 * working-day rules of that time are not known here.
 *
 * @example
 * Deadline.evaluate(obligations, {
 *   asOf: CalendarDate.unsafeParse("2026-11-23"),
 *   submissions: [{ assignment: "S2024/01004", obligation: "delredovisning-2025-11-30", submittedOn: "2025-11-28" }]
 * })
 * @since 0.2.0
 */
export const evaluate = (
  obligations: ReadonlyArray<Obligation.Obligation>,
  options: EvaluateOptions
): Result.Result<Array<Deadline>, ValidationError | Obligation.UnknownObligation> => {
  const within = options.within ?? defaultWithin
  const submitted = new Map<string, CalendarDate.CalendarDate>()
  const issues: Array<{ path: string; message: string }> = []
  const decoded: Array<Submission> = []
  ;(options.submissions ?? []).forEach((value, i) => {
    const parsed = SubmissionSchema.safeParse(value, { reportInput: true })
    if (parsed.success) decoded.push(parsed.data)
    else issues.push(...fromZodIssues(parsed.error.issues).map((issue) => ({ ...issue, path: issue.path === "" ? `[${i}]` : `[${i}].${issue.path}` })))
  })
  if (issues.length > 0) return Result.fail(new ValidationError({ source: "inlämningar", issues }))
  const early = (date: CalendarDate.CalendarDate): boolean => CalendarDate.parts(date).year < SwedishHoliday.firstYear
  const rules = `svenska helgdagar och vardagar beräknas från ${SwedishHoliday.firstYear} (lag (1989:253) i lydelse från 2005)`
  if (early(options.asOf)) return Result.fail(new ValidationError({ source: "asOf", issues: [{ path: "", message: `${options.asOf}: ${rules}` }] }))
  const tooEarly = obligations.flatMap((o) => (o.due !== null && early(o.due) ? [{ path: Obligation.key(o), message: `förfallodagen ${o.due}: ${rules}` }] : []))
  if (tooEarly.length > 0) return Result.fail(new ValidationError({ source: "skyldigheter", issues: tooEarly }))
  // A due date on a non-working day shows the next working day; at the end of the supported range there is none.
  const noNextDay = obligations.flatMap((o) =>
    o.due !== null && !WorkingDay.isWorkingDay(o.due) && Result.isFailure(WorkingDay.nextWithin(o.due))
      ? [{ path: Obligation.key(o), message: `förfallodagen ${o.due} är ingen vardag och nästa vardag ligger utanför de datum som stöds (${CalendarDate.supportedRange})` }]
      : []
  )
  if (noNextDay.length > 0) return Result.fail(new ValidationError({ source: "skyldigheter", issues: noNextDay }))
  for (const s of decoded) {
    const target = obligations.find((o) => o.id === s.obligation && Obligation.belongsTo(o, s.assignment))
    if (target === undefined) return Result.fail(new Obligation.UnknownObligation({ assignment: s.assignment, obligation: s.obligation, context: "inlämning" }))
    if (s.submittedOn > options.asOf) continue
    const k = Obligation.key(target)
    const earlier = submitted.get(k)
    if (earlier === undefined || s.submittedOn < earlier) submitted.set(k, s.submittedOn)
  }
  return Result.succeed(
    obligations.map((o) => make(o, options.asOf, within, submitted.get(Obligation.key(o)) ?? null)).sort(bySoonest)
  )
}

/**
 * The row `uppdrag deadlines --format json` prints, one per duty.
 *
 * @example
 * Deadline.toRow(d)
 * // { assignment: "S2025/01528", title: "Delredovisning …", kind: "delredovisning", due: "2027-05-30",
 * //   recipient: "Regeringskansliet (Socialdepartementet)", status: "kommande", daysLeft: 188,
 * //   workingDaysLeft: 126, nonWorkingDay: "söndag", nextWorkingDay: "2027-05-31" }
 * @since 0.2.0
 */
export interface Row {
  readonly assignment: string | null
  readonly title: string
  readonly kind: string
  readonly due: string | null
  readonly recipient: string
  readonly status: Status
  readonly daysLeft: number | null
  readonly workingDaysLeft: number | null
  readonly nonWorkingDay: string | null
  readonly nextWorkingDay: string | null
}

/**
 * The JSON row of a deadline (see {@link Row}).
 *
 * @example
 * JSON.stringify(deadlines.map(Deadline.toRow))
 * @since 0.2.0
 */
export const toRow = (d: Deadline): Row => ({
  assignment: d.obligation.assignment,
  title: d.obligation.title,
  kind: d.obligation.kind,
  due: d.obligation.due,
  recipient: d.obligation.recipient,
  status: d.status,
  daysLeft: d.daysLeft,
  workingDaysLeft: d.workingDaysLeft,
  nonWorkingDay: d.nonWorkingDay,
  nextWorkingDay: d.nextWorkingDay
})
