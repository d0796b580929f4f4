import { CalendarDate } from "@uppdrag/core"
import { type Deadline, DeadlineFilter } from "@uppdrag/deadlines"
import * as Effect from "effect/Effect"
import type { CatalogSource } from "./CatalogSource.js"
import * as DeadlineList from "./DeadlineList.js"
import type { EventLog } from "./EventLog.js"

/**
 * The overview of what is coming (`uppdrag start`): of the open duties of
 * every assignment, those that fall due within a year (soon or upcoming),
 * those whose date is not yet set, and those that passed without a recorded
 * submission.
 *
 * @example
 * import { Overview } from "@uppdrag/application"
 * const { upcoming, unset, overdue } = yield* Overview.upcoming({ asOf: "2026-11-23" })
 * @since 0.2.0
 */
export interface Overview {
  readonly asOf: CalendarDate.CalendarDate
  /** The "soon" horizon in days. */
  readonly within: number
  /** How far ahead {@link Overview.upcoming} looks, in days. */
  readonly horizonDays: number
  /** Soon or upcoming, due from `asOf` to `asOf` + {@link horizonDays}, first due first. */
  readonly upcoming: ReadonlyArray<Deadline.Deadline>
  /** Open duties whose date someone else sets (`datum-ej-satt`). */
  readonly unset: ReadonlyArray<Deadline.Deadline>
  /** Passed without a recorded submission (`forsenad`), ended assignments left out (as on the web view's Översikt). */
  readonly overdue: ReadonlyArray<Deadline.Deadline>
  /** Unreported duties of ended assignments, listed apart and not counted as overdue. */
  readonly leftOver: ReadonlyArray<Deadline.Deadline>
}

/**
 * How far ahead the overview looks: a year.
 *
 * @since 0.2.0
 */
export const horizonDays = 365

/**
 * The overview as of a date (today by the clock when `asOf` is left out).
 *
 * @example
 * const overview = yield* Overview.upcoming({ asOf: "2026-11-23" }, { command: "uppdrag start" })
 * @since 0.2.0
 */
export const upcoming = (
  query: { readonly asOf?: string | undefined },
  options: DeadlineList.Options = {}
): Effect.Effect<Overview, DeadlineList.ListError, CatalogSource | EventLog> =>
  Effect.map(
    DeadlineList.list({ ...(query.asOf === undefined ? {} : { asOf: query.asOf }), all: false }, options),
    (listing): Overview => {
      const { asOf, within } = listing
      const { current, leftOver } = DeadlineList.partition(listing)
      return {
        asOf,
        within,
        horizonDays,
        upcoming: DeadlineFilter.apply(current, { from: asOf, to: CalendarDate.addBounded(asOf, horizonDays), statuses: ["snart", "kommande"] }),
        unset: DeadlineFilter.apply(current, { statuses: ["datum-ej-satt"] }),
        overdue: DeadlineList.overdue(listing),
        leftOver
      }
    }
  )
