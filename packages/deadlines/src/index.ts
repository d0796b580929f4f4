/**
 * @uppdrag/deadlines: every reporting obligation with its status on a date,
 * Swedish working days and holidays, workload, staged reminders and
 * iCalendar export.
 *
 * @example
 * import { Catalog, CalendarDate } from "@uppdrag/core"
 * import { Deadline, Obligation } from "@uppdrag/deadlines"
 * import { Result } from "effect"
 * const obligations = Result.getOrThrow(Obligation.collect(Catalog.unsafeLoad().assignments))
 * const deadlines = Result.getOrThrow(Deadline.evaluate(obligations, { asOf: CalendarDate.unsafeParse("2026-11-23") }))
 */
export * as Calendar from "./Calendar.js"
export * as Completion from "./Completion.js"
export * as Deadline from "./Deadline.js"
export * as DeadlineFilter from "./DeadlineFilter.js"
export * as DeadlineQuery from "./DeadlineQuery.js"
export * as Obligation from "./Obligation.js"
export * as Reminder from "./Reminder.js"
export * as Reporting from "./Reporting.js"
export * as SwedishHoliday from "./SwedishHoliday.js"
export * as WorkingDay from "./WorkingDay.js"
export * as Workload from "./Workload.js"
