import type { Assignment, CalendarDate } from "@uppdrag/core"
import type * as Deadline from "./Deadline.js"
import * as Obligation from "./Obligation.js"

/**
 * Which deadlines to keep. Every field is optional; all given fields must
 * match. `from`/`to` bound the due date (inclusive) and drop duties without
 * a date; `recipient` matches any part of the recipient, ignoring case
 * (`Socialdepartementet` finds `Regeringskansliet (Socialdepartementet)`).
 *
 * @example
 * import { DeadlineFilter } from "@uppdrag/deadlines"
 * DeadlineFilter.apply(deadlines, { assignment: "S2024/01004", kind: "delredovisning" })
 * @since 0.2.0
 */
export interface DeadlineFilter {
  /** Assignment id or diary number (for extra duties tied to none, their origin). */
  readonly assignment?: string
  readonly recipient?: string
  readonly kind?: Assignment.ObligationKind
  readonly from?: CalendarDate.CalendarDate
  readonly to?: CalendarDate.CalendarDate
  readonly statuses?: ReadonlyArray<Deadline.Status>
}

/**
 * Whether one deadline passes the filter.
 *
 * @example
 * DeadlineFilter.matches(d, { recipient: "kammarkollegiet" })
 * @since 0.2.0
 */
export const matches = (d: Deadline.Deadline, filter: DeadlineFilter): boolean => {
  const o = d.obligation
  if (filter.assignment !== undefined && !Obligation.belongsTo(o, filter.assignment)) return false
  if (filter.kind !== undefined && o.kind !== filter.kind) return false
  if (filter.recipient !== undefined && !o.recipient.toLocaleLowerCase("sv").includes(filter.recipient.toLocaleLowerCase("sv"))) return false
  if (filter.from !== undefined && (o.due === null || o.due < filter.from)) return false
  if (filter.to !== undefined && (o.due === null || o.due > filter.to)) return false
  if (filter.statuses !== undefined && !filter.statuses.includes(d.status)) return false
  return true
}

/**
 * The deadlines that pass the filter, in their given order.
 *
 * @example
 * DeadlineFilter.apply(deadlines, { from: CalendarDate.unsafeParse("2027-01-01"), to: CalendarDate.unsafeParse("2027-12-31") })
 * @since 0.2.0
 */
export const apply = (deadlines: ReadonlyArray<Deadline.Deadline>, filter: DeadlineFilter): Array<Deadline.Deadline> =>
  deadlines.filter((d) => matches(d, filter))
