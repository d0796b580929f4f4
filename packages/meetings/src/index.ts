/**
 * @uppdrag/meetings: meeting series, meeting records, consultation coverage,
 * region agreements, action items and iCalendar export.
 *
 * @example
 * import { CalendarDate } from "@uppdrag/core"
 * import { Occurrence, Series } from "@uppdrag/meetings"
 * const series = Series.unsafeLoad()
 * Occurrence.all(series, CalendarDate.unsafeParse("2026-04-01"), CalendarDate.unsafeParse("2026-05-31"))
 */
export * as ActionItem from "./ActionItem.js"
export * as Agreement from "./Agreement.js"
export * as Coverage from "./Coverage.js"
export * as ICalendar from "./ICalendar.js"
export * as Meeting from "./Meeting.js"
export * as MeetingRecord from "./MeetingRecord.js"
export * as Occurrence from "./Occurrence.js"
export * as Party from "./Party.js"
export * as Series from "./Series.js"
