import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import type * as Event from "./Event.js"
import type { EventLogError } from "./EventLogError.js"

/**
 * Which events to read: by grant, assignment and types; all when empty.
 *
 * @example
 * const filter: EventLog.Filter = { grant: "specialiserad-psykiatri-2026" }
 */
export interface Filter {
  readonly grant?: string | undefined
  readonly assignment?: string | undefined
  readonly types?: ReadonlyArray<Event.EventType> | undefined
}

/**
 * What a decision must see of the log before a batch is appended: every
 * event of the grants it touches, the events it reverses (and what reverses
 * them), and the reports and dates set for the assignments it reports on.
 */
export interface Needs {
  readonly grants: ReadonlySet<string>
  readonly seqs: ReadonlySet<number>
  readonly assignments: ReadonlySet<string>
}

/** The log as a decision sees it under the write lock. */
export interface Snapshot {
  /** The stored events {@link Needs} names (at least), in log order. */
  readonly prior: ReadonlyArray<Event.StoredEvent>
  /** The sequence number the first appended event gets. */
  readonly nextSeq: number
  /** How many events the log holds. */
  readonly size: number
}

/**
 * A decision: given what the log holds, the events to append (numbered from
 * `nextSeq`) or a refusal. Pure, so it can run under the database's lock.
 */
export type Decide<E> = (snapshot: Snapshot) => Result.Result<ReadonlyArray<Event.StoredEvent>, E>

/**
 * The port every use case reads and writes the event log through. The store
 * adapter (`@uppdrag/store`) provides it over SQLite and PostgreSQL;
 * {@link layerMemory} provides it in memory for tests and catalog-only runs.
 * An append runs `decide` under the log's write lock and writes all it
 * returns or nothing.
 *
 * @example
 * import { EventLog } from "@uppdrag/application"
 * import * as Effect from "effect/Effect"
 * const size = Effect.gen(function* () {
 *   const log = yield* EventLog.EventLog
 *   return yield* log.count
 * })
 */
export interface Shape {
  /** Where the log is, for messages (a path, or a URL without its password). */
  readonly location: string
  /** Events in log order, optionally filtered. */
  readonly read: (filter?: Filter) => Effect.Effect<ReadonlyArray<Event.StoredEvent>, EventLogError>
  /** Number of events in the log; it only grows, so it versions everything read from it. */
  readonly count: Effect.Effect<number, EventLogError>
  /** Reads what `needs` names, runs `decide` and appends its events in one transaction. */
  readonly append: <E>(
    needs: Needs,
    decide: Decide<E>,
    onProgress?: ((done: number, total: number) => void) | undefined
  ) => Effect.Effect<ReadonlyArray<Event.StoredEvent>, E | EventLogError>
}

/**
 * The event log service.
 *
 * @example
 * const events = yield* (yield* EventLog.EventLog).read({ types: ["report"] })
 */
export class EventLog extends Context.Service<EventLog, Shape>()("@uppdrag/application/EventLog") {}

/**
 * The events among `events` that `needs` names, in log order: the in-memory
 * log's reading of {@link Needs}, the reference the database adapters follow.
 *
 * @example
 * EventLog.selectNeeded(events, { grants: new Set(["specialiserad-psykiatri-2026"]), seqs: new Set(), assignments: new Set() })
 */
export const selectNeeded = (events: ReadonlyArray<Event.StoredEvent>, needs: Needs): Array<Event.StoredEvent> => {
  const targetGrants = new Set(events.flatMap((e) => (needs.seqs.has(e.seq) && e.grant !== null ? [e.grant] : [])))
  return events.filter(
    (e) =>
      (e.grant !== null && (needs.grants.has(e.grant) || targetGrants.has(e.grant))) ||
      needs.seqs.has(e.seq) ||
      (e.reverses !== null && needs.seqs.has(e.reverses)) ||
      (needs.assignments.has(e.assignment) && (e.type === "report" || e.type === "due-date" || e.type === "reversal"))
  )
}

/**
 * An event log in memory, holding `initial` (in log order): for tests, and
 * for the web view when no database exists yet.
 *
 * @example
 * program.pipe(Effect.provide(EventLog.layerMemory()))
 */
export const makeMemory = (initial: ReadonlyArray<Event.StoredEvent> = [], location = "minnet"): Shape => {
  const events: Array<Event.StoredEvent> = [...initial]
  const matches = (filter: Filter) => (e: Event.StoredEvent) =>
    (filter.grant === undefined || e.grant === filter.grant) &&
    (filter.assignment === undefined || e.assignment === filter.assignment) &&
    (filter.types === undefined || filter.types.includes(e.type))
  return {
    location,
    read: (filter = {}) => Effect.sync(() => events.filter(matches(filter))),
    count: Effect.sync(() => events.length),
    append: (needs, decide, onProgress) =>
      Effect.suspend(() => {
        const decided = decide({ prior: selectNeeded(events, needs), nextSeq: events.length + 1, size: events.length })
        if (Result.isFailure(decided)) return Effect.fail(decided.failure)
        events.push(...decided.success)
        onProgress?.(decided.success.length, decided.success.length)
        return Effect.succeed(decided.success)
      })
  }
}

/**
 * {@link makeMemory} as a layer.
 *
 * @example
 * Effect.runPromise(program.pipe(Effect.provide(EventLog.layerMemory([]))))
 */
export const layerMemory = (initial: ReadonlyArray<Event.StoredEvent> = []): Layer.Layer<EventLog> => Layer.sync(EventLog, () => makeMemory(initial))
