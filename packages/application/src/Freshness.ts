import { Assignment, type CalendarDate } from "@uppdrag/core"
import * as Effect from "effect/Effect"
import { CatalogSource } from "./CatalogSource.js"
import type * as Event from "./Event.js"
import { EventLog } from "./EventLog.js"
import type { EventLogError } from "./EventLogError.js"
import * as IndicatorPublications from "./IndicatorPublications.js"

/**
 * How fresh the data are: when the latest event was recorded (the log only
 * grows, so the last event is the latest), how many events the log holds,
 * the latest publication of indicators, and the catalog's latest decision. Every page of the web view says
 * "Senast uppdaterad" from this; the CLI can print it too.
 *
 * @example
 * import { Freshness } from "@uppdrag/application"
 * const fresh = yield* Freshness.latest
 * fresh.latestDecision?.decided // "2026-01-22" (seed 003, S2025/01528)
 * @since 0.2.0
 */
export interface Freshness {
  /** How many events the log holds; it versions everything read from it. */
  readonly events: number
  /** The latest event: its sequence number, type and recording instant (ISO 8601, UTC); null for an empty log. */
  readonly latestEvent: { readonly seq: number; readonly type: Event.EventType; readonly recordedAt: string } | null
  /** The latest standing publication of indicators: its version, business date and recording instant; null when none is. */
  readonly latestPublication: { readonly version: number; readonly publishedOn: CalendarDate.CalendarDate; readonly publishedAt: string } | null
  /** The catalog's latest decision (not an agency's underlag): its id, date and the date as the source states it. */
  readonly latestDecision: { readonly assignment: string; readonly decided: CalendarDate.CalendarDate; readonly formatted: string } | null
}

/**
 * The catalog's latest decision (a regeringsuppdrag or överenskommelse), by decision date.
 *
 * @example
 * Freshness.latestDecision(catalog.assignments)?.assignment // "specialiserad-psykiatri-2026"
 * @since 0.2.0
 */
export const latestDecision = (assignments: ReadonlyArray<Assignment.Assignment>): Freshness["latestDecision"] => {
  const decisions = assignments.filter((a) => a.kind !== "underlag").sort((a, b) => (a.decided < b.decided ? 1 : a.decided > b.decided ? -1 : 0))
  const newest = decisions[0]
  return newest === undefined ? null : { assignment: newest.id, decided: newest.decided, formatted: Assignment.formatDecided(newest) }
}

/**
 * The latest event of a log read in log order: the last one (null when empty).
 *
 * @example
 * Freshness.latestEvent([]) // null
 * @since 0.2.0
 */
export const latestEvent = (events: ReadonlyArray<Event.StoredEvent>): Freshness["latestEvent"] => {
  const last = events.at(-1)
  return last === undefined ? null : { seq: last.seq, type: last.type, recordedAt: last.recordedAt }
}

/**
 * Reads the freshness of the log and the catalog: the log's count and its
 * last event (read by its sequence number, so the cost does not grow with
 * the log). Callers that ask often keep the answer for as long as `events`
 * (the log's count) is unchanged, as the web view does with its page cache key.
 *
 * @example
 * const { latestEvent } = yield* Freshness.latest
 * latestEvent?.recordedAt // "2026-11-20T09:14:03.120Z"
 * @since 0.2.0
 */
export const latest: Effect.Effect<Freshness, EventLogError, EventLog | CatalogSource> = Effect.gen(function* () {
  const catalog = yield* CatalogSource
  const log = yield* EventLog
  const events = yield* log.count
  const head = events === 0 ? 0 : yield* log.head
  const latest = head === 0 ? null : latestEvent(yield* log.read({ after: head - 1 }))
  // A publication that does not read is the Indikatorer page's to report; here it is only not named.
  const published = head === 0 ? undefined : yield* IndicatorPublications.newest.pipe(Effect.catchTag("UnreadablePublication", () => Effect.succeed(undefined)))
  return {
    events,
    latestEvent: latest,
    latestPublication: published === undefined ? null : { version: published.version, publishedOn: published.publishedOn, publishedAt: published.publishedAt },
    latestDecision: latestDecision(catalog.assignments)
  }
})
