// Another team's code against the published @uppdrag/deadlines: the README's example, each
// namespace's types used as types and its schemas as values, and misuses that must not compile.
import { CalendarDate, Catalog } from "@uppdrag/core"
import {
  Calendar,
  Deadline,
  DeadlineFilter,
  type DeadlineQuery,
  Obligation,
  Reminder,
  SwedishHoliday,
  WorkingDay,
  Workload
} from "@uppdrag/deadlines"
import * as Result from "effect/Result"
import type { z } from "zod"

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false

// The README.
const obligations: Array<Obligation.Obligation> = Result.getOrThrow(Obligation.collect(Catalog.unsafeLoad().assignments))
const deadlines: Array<Deadline.Deadline> = Result.getOrThrow(Deadline.evaluate(obligations, { asOf: CalendarDate.unsafeParse("2026-11-23") }))
const report = deadlines.find((d) => d.obligation.assignment === "S2024/01004" && d.obligation.due === "2026-11-30")
const status: Deadline.Status | undefined = report?.status
const reason: string | null = WorkingDay.nonWorkingReason(CalendarDate.unsafeParse("2013-04-01"))
const ics: string = Calendar.toIcs(deadlines, { generatedAt: new Date().toISOString() })

// Every exported type of every namespace is a type.
type Types = [
  Calendar.IcsOptions,
  Deadline.Deadline,
  Deadline.EvaluateOptions,
  Deadline.Row,
  Deadline.Status,
  Deadline.Submission,
  Deadline.SubmissionInput,
  DeadlineFilter.DeadlineFilter,
  DeadlineQuery.DeadlineQuery,
  DeadlineQuery.Raw,
  Obligation.CollectError,
  Obligation.Conflict,
  Obligation.DueDate,
  Obligation.DueDateInput,
  Obligation.Extra,
  Obligation.ExtraInput,
  Obligation.Obligation,
  Obligation.UnknownAssignment,
  Obligation.UnknownObligation,
  Reminder.Reminder,
  SwedishHoliday.HolidayKind,
  SwedishHoliday.SwedishHoliday,
  Workload.Month
]

// The schemas are values, and parse input forms to the types of the same plain name.
const sameTypes: [
  Equals<z.output<typeof Deadline.SubmissionSchema>, Deadline.Submission>,
  Equals<z.input<typeof Deadline.SubmissionSchema>, Deadline.SubmissionInput>,
  Equals<z.output<typeof Obligation.DueDateSchema>, Obligation.DueDate>,
  Equals<z.input<typeof Obligation.DueDateSchema>, Obligation.DueDateInput>,
  Equals<z.output<typeof Obligation.ExtraSchema>, Obligation.Extra>,
  Equals<z.input<typeof Obligation.ExtraSchema>, Obligation.ExtraInput>
] = [true, true, true, true, true, true]

const submission: Deadline.SubmissionInput = { assignment: "S2024/01004", obligation: "delredovisning-2025-11-30", submittedOn: "2025-11-28" }
const dueDate: Obligation.DueDateInput = { assignment: "S2025/01528", obligation: "regionernas-redovisning-2026", due: "2027-02-26", setOn: "2026-12-10" }
const extra: Obligation.ExtraInput = { origin: "moten", id: "atgard-17", title: "Skicka underlag till IVO", due: "2026-12-04", responsible: "Socialstyrelsen", recipient: "IVO" }
const parsed: Obligation.DueDate | undefined = Obligation.DueDateSchema.safeParse(dueDate).data
const kind: boolean = Obligation.KindSchema.safeParse("rapport").success
const withRecords: Result.Result<Array<Obligation.Obligation>, Obligation.CollectError> = Obligation.collect(Catalog.unsafeLoad().assignments, { extra: [extra], dueDates: [dueDate] })
const evaluated = Deadline.evaluate(obligations, { asOf: CalendarDate.unsafeParse("2026-12-01"), submissions: [submission] })
const rows: Array<Deadline.Row> = Result.getOrElse(evaluated, () => []).map(Deadline.toRow)
const soon: Array<Deadline.Deadline> = DeadlineFilter.apply(deadlines, { statuses: ["snart"] })
const months: Array<Workload.Month> = Workload.perMonth(deadlines)
const reminders: Array<Reminder.Reminder> = Reminder.schedule(CalendarDate.unsafeParse("2026-11-30"))
const holiday: SwedishHoliday.SwedishHoliday | undefined = SwedishHoliday.on(CalendarDate.unsafeParse("2026-06-19"))
const later: CalendarDate.CalendarDate = WorkingDay.add(CalendarDate.unsafeParse("2026-12-23"), 2)

// Misuses that must not compile.
// @ts-expect-error a status the package does not know
const notAStatus: Deadline.Status = "klar"
// @ts-expect-error a parsed submission's date is a CalendarDate, not text
const notParsed: Deadline.Submission = submission
// @ts-expect-error the as-of date is a CalendarDate, parsed first
Deadline.evaluate(obligations, { asOf: "2026-11-23" })
// @ts-expect-error the type is not a value: validate with SubmissionSchema
Deadline.Submission.safeParse(submission)
// @ts-expect-error the type is not a value: validate with DueDateSchema
Obligation.DueDate.safeParse(dueDate)
// @ts-expect-error internal modules are not exported
import("@uppdrag/deadlines/internal/anything")

void [status, reason, ics, sameTypes, parsed, kind, withRecords, rows, soon, months, reminders, holiday, later, notAStatus, notParsed]
export type { Types }
