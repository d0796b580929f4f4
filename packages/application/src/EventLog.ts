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
 * @since 0.2.0
 */
export interface Filter {
  readonly grant?: string | undefined
  readonly assignment?: string | undefined
  readonly types?: ReadonlyArray<Event.EventType> | undefined
  /** Only events with a sequence number above this one (a projection reads what came after its state). */
  readonly after?: number | undefined
  /** Only events with a sequence number up to and including this one (reads in bounded windows). */
  readonly through?: number | undefined
  /**
   * Only the events with these sequence numbers and the events that reverse
   * them: what a fold needs to see of the past when it meets a reversal.
   */
  readonly related?: ReadonlyArray<number> | undefined
}

/**
 * A projection's state saved beside the log with the sequence number it
 * covers: the fold of every event up to `seq`, as `Projection` writes it.
 * Opaque to the store, which only keeps it; `version` changes whenever the
 * fold or the state's form does, so an old state is never read as a new one.
 *
 * @example
 * const saved: EventLog.Checkpoint = { projection: "huvudbok", key: "specialiserad-psykiatri-2026", version: 1, seq: 300_000, state: {} }
 * @since 0.2.0
 */
export interface Checkpoint {
  readonly projection: string
  readonly key: string
  readonly version: number
  readonly seq: number
  readonly state: Event.Json
}

/**
 * Where checkpoints are kept. `save` is best effort: it answers false, and
 * writes nothing, when the log is read-only or another writer holds it (the
 * next read folds a little more, nothing is lost).
 *
 * @example
 * const saved = yield* log.checkpoints.load("huvudbok", "specialiserad-psykiatri-2026")
 * @since 0.2.0
 */
export interface Checkpoints {
  /** Whether `save` can write at all (false for a log opened read-only). */
  readonly writable: boolean
  readonly load: (projection: string, key: string) => Effect.Effect<Checkpoint | undefined, EventLogError>
  readonly save: (checkpoint: Checkpoint) => Effect.Effect<boolean, EventLogError>
}

/**
 * What a decision must see of the log before a batch is appended: every
 * event of the grants it touches, the events it reverses (and what reverses
 * them), and the reports and dates set for the assignments it reports on.
 *
 * @since 0.2.0
 */
export interface Needs {
  readonly grants: ReadonlySet<string>
  readonly seqs: ReadonlySet<number>
  readonly assignments: ReadonlySet<string>
  /** Every event of these types (a publication's version is decided from the publications before it). */
  readonly types?: ReadonlySet<Event.EventType> | undefined
}

/**
 * The log as a decision sees it under the write lock.
 *
 * @since 0.2.0
 */
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
 *
 * @since 0.2.0
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
 * @since 0.2.0
 */
export interface Shape {
  /** Where the log is, for messages (a path, or a URL without its password). */
  readonly location: string
  /** Events in log order, optionally filtered. */
  readonly read: (filter?: Filter) => Effect.Effect<ReadonlyArray<Event.StoredEvent>, EventLogError>
  /** Number of events in the log; it only grows, so it versions everything read from it. */
  readonly count: Effect.Effect<number, EventLogError>
  /**
   * The highest sequence number in the log, 0 when it is empty. Events are
   * numbered as they are committed, so every event up to it can be read; a
   * cheap index look-up, unlike a count.
   */
  readonly head: Effect.Effect<number, EventLogError>
  /** Projection states saved beside the log (see `Projection`). */
  readonly checkpoints: Checkpoints
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
 * @since 0.2.0
 */
export class EventLog extends Context.Service<EventLog, Shape>()("@uppdrag/application/EventLog") {}

/**
 * The events among `events` that `needs` names, in log order: the in-memory
 * log's reading of {@link Needs}, the reference the database adapters follow.
 *
 * @example
 * EventLog.selectNeeded(events, { grants: new Set(["specialiserad-psykiatri-2026"]), seqs: new Set(), assignments: new Set() })
 * @since 0.2.0
 */
export const selectNeeded = (events: ReadonlyArray<Event.StoredEvent>, needs: Needs): Array<Event.StoredEvent> => {
  const targetGrants = new Set(events.flatMap((e) => (needs.seqs.has(e.seq) && e.grant !== null ? [e.grant] : [])))
  return events.filter(
    (e) =>
      (e.grant !== null && (needs.grants.has(e.grant) || targetGrants.has(e.grant))) ||
      needs.seqs.has(e.seq) ||
      (e.reverses !== null && needs.seqs.has(e.reverses)) ||
      (needs.assignments.has(e.assignment) && (e.type === "report" || e.type === "due-date" || e.type === "reversal")) ||
      needs.types?.has(e.type) === true
  )
}

/**
 * An event log in memory, holding `initial` (in log order): for tests, and
 * for the web view when no database exists yet.
 *
 * @example
 * program.pipe(Effect.provide(EventLog.layerMemory()))
 * @since 0.2.0
 */
export const makeMemory = (initial: ReadonlyArray<Event.StoredEvent> = [], location = "minnet"): Shape => {
  const events: Array<Event.StoredEvent> = [...initial]
  const saved = new Map<string, Checkpoint>()
  const matches = (filter: Filter) => {
    const related = filter.related === undefined ? undefined : new Set(filter.related)
    return (e: Event.StoredEvent) =>
      (filter.grant === undefined || e.grant === filter.grant) &&
      (filter.assignment === undefined || e.assignment === filter.assignment) &&
      (filter.types === undefined || filter.types.includes(e.type)) &&
      (filter.after === undefined || e.seq > filter.after) &&
      (filter.through === undefined || e.seq <= filter.through) &&
      (related === undefined || related.has(e.seq) || (e.reverses !== null && related.has(e.reverses)))
  }
  return {
    location,
    read: (filter = {}) => Effect.sync(() => events.filter(matches(filter))),
    count: Effect.sync(() => events.length),
    head: Effect.sync(() => events.at(-1)?.seq ?? 0),
    checkpoints: {
      writable: true,
      load: (projection, key) => Effect.sync(() => saved.get(`${projection}\u0000${key}`)),
      save: (checkpoint) =>
        Effect.sync(() => {
          // A copy through JSON, as a database would keep it: the caller's state is never shared.
          saved.set(`${checkpoint.projection}\u0000${checkpoint.key}`, JSON.parse(JSON.stringify(checkpoint)) as Checkpoint)
          return true
        })
    },
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
 * @since 0.2.0
 */
export const layerMemory = (initial: ReadonlyArray<Event.StoredEvent> = []): Layer.Layer<EventLog> => Layer.sync(EventLog, () => makeMemory(initial))
