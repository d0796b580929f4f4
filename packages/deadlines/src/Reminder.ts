import { CalendarDate, type Issue, ValidationError } from "@uppdrag/core"
import * as Result from "effect/Result"
import * as Deadline from "./Deadline.js"
import * as WorkingDay from "./WorkingDay.js"

/**
 * Staged reminders before a due date: by default 30, 14 and 3 days before.
 * A reminder that would fall on a non-working day comes on the working day
 * before it instead, so it is never late.
 *
 * @example
 * import { Reminder } from "@uppdrag/deadlines"
 * Reminder.schedule(CalendarDate.unsafeParse("2026-11-30"))
 * // [{ stage: 30, on: "2026-10-30" }, { stage: 14, on: "2026-11-16" }, { stage: 3, on: "2026-11-27" }]
 * @since 0.2.0
 */
export interface Reminder {
  /** Days before the due date this stage stands for. */
  readonly stage: number
  /** The working day the reminder is given. */
  readonly on: CalendarDate.CalendarDate
}

/**
 * The default stages: 30, 14 and 3 days before.
 *
 * @example
 * Reminder.defaultStages // [30, 14, 3]
 * @since 0.2.0
 */
export const defaultStages: ReadonlyArray<number> = [30, 14, 3]

/**
 * Parses stages written `30,14,3`: whole days from 0 to 366, no repeats;
 * returned largest first.
 *
 * @example
 * Reminder.parseStages("14,30,3") // Result.succeed([30, 14, 3])
 * Reminder.parseStages("30,-1")   // Result.fail(…"-1" är inte ett antal dagar…)
 * @since 0.2.0
 */
export const parseStages = (text: string, source = "påminnelser"): Result.Result<Array<number>, ValidationError> => {
  const issues: Array<Issue> = []
  const stages: Array<number> = []
  text.split(",").forEach((part, i) => {
    const trimmed = part.trim()
    if (!/^\d+$/.test(trimmed) || Number(trimmed) > 366) {
      issues.push({ path: `[${i}]`, message: `${JSON.stringify(trimmed)} är inte ett antal dagar (ett heltal 0–366)` })
    } else if (stages.includes(Number(trimmed))) {
      issues.push({ path: `[${i}]`, message: `${trimmed} dagar finns redan` })
    } else stages.push(Number(trimmed))
  })
  if (issues.length > 0) return Result.fail(new ValidationError({ source, issues }))
  return Result.succeed(stages.sort((a, b) => b - a))
}

/**
 * The reminders for a due date, earliest first.
 *
 * @example
 * Reminder.schedule(CalendarDate.unsafeParse("2027-05-30"), [3]) // [{ stage: 3, on: "2027-05-27" }]
 * @since 0.2.0
 */
export const schedule = (due: CalendarDate.CalendarDate, stages: ReadonlyArray<number> = defaultStages): Array<Reminder> =>
  [...stages]
    .sort((a, b) => b - a)
    .map((stage) => {
      const day = CalendarDate.addDays(due, -stage)
      return { stage, on: WorkingDay.isWorkingDay(day) ? day : WorkingDay.previous(day) }
    })

/**
 * The reminders given on `date`: one per open duty (not submitted, with a
 * date) that has a stage on that day. A daily job sends these.
 *
 * @example
 * Reminder.on(deadlines, CalendarDate.unsafeParse("2026-11-27"))
 * // [{ deadline: <S2024/01004 delredovisning 2026-11-30>, stage: 3, on: "2026-11-27" }]
 * @since 0.2.0
 */
export const on = (
  deadlines: ReadonlyArray<Deadline.Deadline>,
  date: CalendarDate.CalendarDate,
  stages: ReadonlyArray<number> = defaultStages
): Array<Reminder & { readonly deadline: Deadline.Deadline }> =>
  deadlines.flatMap((deadline) => {
    const due = deadline.obligation.due
    if (due === null || Deadline.doneStatuses.includes(deadline.status)) return []
    return schedule(due, stages)
      .filter((r) => r.on === date)
      .map((r) => ({ ...r, deadline }))
  })

/**
 * The latest stage reached on `asOf` for an open duty not yet due, or
 * `undefined` (no stage reached yet, submitted, passed or without a date).
 *
 * @example
 * Reminder.current(d, CalendarDate.unsafeParse("2026-11-23"))?.stage // 14 for the report due 2026-11-30
 * @since 0.2.0
 */
export const current = (
  deadline: Deadline.Deadline,
  asOf: CalendarDate.CalendarDate,
  stages: ReadonlyArray<number> = defaultStages
): Reminder | undefined => {
  const due = deadline.obligation.due
  if (due === null || asOf > due || Deadline.doneStatuses.includes(deadline.status)) return undefined
  return schedule(due, stages)
    .filter((r) => r.on <= asOf)
    .at(-1)
}
