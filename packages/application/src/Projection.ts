import * as Effect from "effect/Effect"
import * as Semaphore from "effect/Semaphore"
import type * as Event from "./Event.js"
import { EventLog, type Filter, type Shape } from "./EventLog.js"
import type { EventLogError } from "./EventLogError.js"

/**
 * A fold of the event log kept up to date incrementally: its state covers
 * every event up to a sequence number, and a read folds only the events
 * after it. The fold itself (the rule) belongs to the use case that defines
 * the projection; this module only decides which events to read, in windows
 * that keep each database call short, and where the state is kept: in memory
 * per log for as long as the process runs (the web view), and saved beside
 * the log as a checkpoint when the log is writable (the CLI), so the next
 * process starts from it. A log only grows and is numbered in commit order,
 * so a state of the events up to `seq` stays true for ever.
 *
 * @example
 * import { Projection } from "@uppdrag/application"
 * const count: Projection.Projection<number> = {
 *   name: "antal-rapporter", key: "", version: 1, filter: { types: ["report"] }, initial: 0,
 *   advance: (n, events) => n + events.length,
 *   encode: (n) => n, decode: (json) => (typeof json === "number" ? json : undefined)
 * }
 * const reports = yield* Projection.current(count)
 * @since 0.2.0
 */
export interface Projection<S> {
  /** What the projection is (`huvudbok`, `registrerat`); with {@link key}, where its checkpoint is kept. */
  readonly name: string
  /** Which one (a grant's id), or `""`. */
  readonly key: string
  /** Raised whenever the fold or the state's form changes: a state of another version is folded again from the start. */
  readonly version: number
  /** The events the projection folds (a grant, some types). */
  readonly filter: Pick<Filter, "grant" | "assignment" | "types">
  /** The state of an empty log. */
  readonly initial: S
  /**
   * Sequence numbers of earlier events that folding `events` must see (the
   * targets of reversals the state no longer holds); they are read with
   * every event that reverses them and passed to {@link advance}.
   */
  readonly needs?: ((state: S, events: ReadonlyArray<Event.StoredEvent>) => ReadonlyArray<number>) | undefined
  /**
   * Folds `events` (those of {@link filter} with a sequence number above
   * `after` and up to `through`, in log order) into `state`, the fold of
   * every event up to `after`. Pure: returns a new state, never changes `state`.
   */
  readonly advance: (
    state: S,
    events: ReadonlyArray<Event.StoredEvent>,
    context: { readonly after: number; readonly through: number; readonly related: ReadonlyArray<Event.StoredEvent> }
  ) => S
  /** The state as JSON for its checkpoint. */
  readonly encode: (state: S) => Event.Json
  /** A checkpoint's JSON back as a state, or undefined when it does not read (then the log is folded again). */
  readonly decode: (json: Event.Json) => S | undefined
}

/**
 * Options of {@link current}.
 *
 * @since 0.2.0
 */
export interface Options {
  /** Save a checkpoint once this many sequence numbers have been folded since the last one (default {@link saveEvery}). */
  readonly saveEvery?: number | undefined
  /** Sequence numbers read per database call (default {@link window}). */
  readonly window?: number | undefined
}

/**
 * Sequence numbers per read: a window of 1 000 events takes a few
 * milliseconds to read and fold, and the fold lets other work run between
 * windows, so a long first fold never holds the web server's event loop.
 *
 * @since 0.2.0
 */
export const window = 1_000

/**
 * How far a state may run ahead of its checkpoint before a read saves it:
 * folding up to this many events on top of a checkpoint costs a few
 * milliseconds, and a read command does not write after every new event.
 *
 * @since 0.2.0
 */
export const saveEvery = 1_000

interface Slot {
  readonly lock: Semaphore.Semaphore
  state: { readonly seq: number; readonly value: unknown } | undefined
  savedSeq: number
  loaded: boolean
}

// Per log (the port's object) and projection: the state folded so far, and a lock so that
// concurrent readers wait for one fold instead of each folding the same events.
const slots = new WeakMap<Shape, Map<string, Slot>>()

const slotOf = (log: Shape, id: string): Slot => {
  let byId = slots.get(log)
  if (byId === undefined) {
    byId = new Map()
    slots.set(log, byId)
  }
  let slot = byId.get(id)
  if (slot === undefined) {
    slot = { lock: Semaphore.makeUnsafe(1), state: undefined, savedSeq: 0, loaded: false }
    byId.set(id, slot)
  }
  return slot
}

// A macrotask between windows, so that I/O callbacks (other requests) run while a long fold goes on.
const pause: Effect.Effect<void> = Effect.promise(
  () => new Promise<void>((resolve) => (typeof setImmediate === "function" ? setImmediate(resolve) : setTimeout(resolve, 0)))
)

/**
 * The projection's state over the whole log as it is now: the state kept in
 * memory (or the saved checkpoint, or the initial state) advanced by the
 * events after it, read in windows of {@link window} sequence numbers.
 * Saves a checkpoint when the log is writable and the state has moved on by
 * {@link saveEvery} since the last one; a save that cannot be made is
 * skipped. Equal, for any log, to folding every event from the start.
 *
 * @example
 * const summary = yield* Projection.current(GrantState.ledgerProjection("specialiserad-psykiatri-2026"))
 * @since 0.2.0
 */
export const current = <S>(projection: Projection<S>, options: Options = {}): Effect.Effect<S, EventLogError, EventLog> =>
  Effect.gen(function* () {
    const log = yield* EventLog
    const slot = slotOf(log, `${projection.name}\u0000${projection.key}\u0000${projection.version}`)
    return yield* slot.lock.withPermits(1)(advanceSlot(log, slot, projection, options))
  })

const advanceSlot = <S>(log: Shape, slot: Slot, projection: Projection<S>, options: Options): Effect.Effect<S, EventLogError> =>
  Effect.gen(function* () {
    const head = yield* log.head
    if (slot.state !== undefined && slot.state.seq > head) slot.state = undefined // another log behind the same object: start again
    if (slot.state === undefined && !slot.loaded) {
      slot.loaded = true
      const saved = yield* log.checkpoints.load(projection.name, projection.key)
      if (saved !== undefined && saved.version === projection.version && Number.isSafeInteger(saved.seq) && saved.seq >= 0 && saved.seq <= head) {
        const value = projection.decode(saved.state)
        if (value !== undefined) {
          slot.state = { seq: saved.seq, value }
          slot.savedSeq = saved.seq
        }
      }
    }
    let seq = slot.state?.seq ?? 0
    let state = (slot.state?.value as S | undefined) ?? projection.initial
    const step = Math.max(1, options.window ?? window)
    while (seq < head) {
      const through = Math.min(head, seq + step)
      const events = yield* log.read({ ...projection.filter, after: seq, through })
      if (events.length > 0) {
        const needed = projection.needs?.(state, events) ?? []
        const related = needed.length === 0 ? [] : yield* log.read({ related: needed, through })
        state = projection.advance(state, events, { after: seq, through, related })
      }
      seq = through
      // Kept after every window: an interrupted fold resumes where it stopped.
      slot.state = { seq, value: state }
      if (seq < head) yield* pause
    }
    if (slot.state === undefined) slot.state = { seq, value: state }
    if (log.checkpoints.writable && seq - slot.savedSeq >= Math.max(1, options.saveEvery ?? saveEvery)) {
      const saved = yield* Effect.orElseSucceed(log.checkpoints.save({ projection: projection.name, key: projection.key, version: projection.version, seq, state: projection.encode(state) }), () => false)
      if (saved) slot.savedSeq = seq
    }
    return state
  })
