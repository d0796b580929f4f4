import { Event, EventLog, EventLogError, type EventLogFailure, LogExport } from "@uppdrag/application"
import { CalendarDate, Region } from "@uppdrag/core"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import { sql } from "kysely"
import { type Connection, type Database, type EventRow, migrationLock, openPostgres, openSqlite } from "./internal/Database.js"
import * as DriverFailure from "./DriverFailure.js"
import * as Migration from "./Migration.js"
import * as Redact from "./Redact.js"

type Reason = EventLogFailure.Reason

/**
 * Where the data lives: an SQLite file (the embedded default) or a
 * PostgreSQL database. `schema` puts the tables in a PostgreSQL schema other
 * than the connection's default (tests use one per run).
 *
 * @example
 * const here: Store.Location = { kind: "sqlite", path: "data/uppdrag.db" }
 * const there: Store.Location = { kind: "postgres", url: "postgres://postgres:postgres@127.0.0.1:5432/uppdrag" }
 * @since 0.2.0
 */
export type Location = { readonly kind: "sqlite"; readonly path: string } | { readonly kind: "postgres"; readonly url: string; readonly schema?: string }

/**
 * A location for messages: the file path, or the URL without its password
 * (in any of its forms, see {@link Redact.connectionString}).
 *
 * @example
 * Store.display({ kind: "postgres", url: "postgres://u:secret@db/x" }) // "postgres://u:***@db/x"
 * @since 0.2.0
 */
export const display = (location: Location): string => {
  if (location.kind === "sqlite") return location.path
  const masked = Redact.connectionString(location.url)
  return location.schema === undefined ? masked : `${masked} (schema ${location.schema})`
}

/**
 * Options of {@link open}.
 *
 * @since 0.2.0
 */
export interface OpenOptions {
  /** Migrate only up to this version (tests of upgrades); default the latest. */
  readonly migrateTo?: number | undefined
  /**
   * Open for reading only (the web view): the database refuses every write,
   * a missing SQLite file is not created, and nothing is migrated (an older
   * database is refused with `OlderSchema`).
   */
  readonly readOnly?: boolean | undefined
}

/**
 * The event log in SQLite or PostgreSQL: the application's `EventLog` port
 * (read, count, append what a use case decided under the write lock), plus
 * what only the database knows (its schema version, the migrations applied
 * when it was opened) and `close`. The store holds no domain rule: the
 * decision passed to `append` does, and its refusal comes back unchanged.
 *
 * @example
 * import { Store } from "@uppdrag/store"
 * const opened = await Store.open({ kind: "sqlite", path: "data/uppdrag.db" })
 * if (Result.isSuccess(opened)) {
 *   const count = await Effect.runPromise(opened.success.count)
 *   await opened.success.close()
 * }
 * @since 0.2.0
 */
export interface Store extends EventLog.Shape {
  readonly where: Location
  /** The schema version of the database after opening. */
  readonly schemaVersion: number
  /** The migrations applied when it was opened (empty when it was up to date). */
  readonly migrated: ReadonlyArray<Migration.Migration>
  /** The whole log as an export document (read in one snapshot). */
  readonly exportLog: Effect.Effect<LogExport.Document, EventLogError>
  readonly close: () => Promise<void>
}

const toRow = (event: Event.StoredEvent): EventRow => ({
  seq: event.seq,
  type: event.type,
  assignment_id: event.assignment,
  grant_id: event.grant,
  region: event.region,
  amount: event.amount,
  business_date: event.date,
  recorded_by: event.recordedBy,
  recorded_at: event.recordedAt,
  source_note: event.note,
  reverses: event.reverses,
  obligation_id: event.obligation,
  payload: event.payload === null ? null : JSON.stringify(event.payload)
})

/** Thrown inside a database call when a stored row does not parse; reported as a database failure. */
class CorruptRow extends Error {}

const eventTypes: ReadonlySet<string> = new Set(Event.EventTypeSchema.options)
const isCount = (value: unknown): boolean => typeof value === "number" && Number.isSafeInteger(value) && value > 0

/**
 * A database row as an event. Rows are checked field by field (the tables'
 * types and CHECK constraints already hold them to this; a full zod parse of
 * every row would dominate the time to read a large log), and a row that
 * fails is reported as corrupt, never passed on.
 */
const fromRow = (row: EventRow): Event.StoredEvent => {
  const seq = Number(row.seq)
  const amount = row.amount === null ? null : Number(row.amount)
  const reverses = row.reverses === null ? null : Number(row.reverses)
  const bad = (field: string): never => {
    throw new CorruptRow(`händelse ${row.seq} i databasen är ogiltig: ${field}`)
  }
  if (!isCount(seq)) bad("seq")
  if (!eventTypes.has(row.type)) bad("type")
  if (typeof row.assignment_id !== "string" || row.assignment_id === "") bad("assignment")
  if (row.grant_id !== null && typeof row.grant_id !== "string") bad("grant")
  if (row.region !== null && !Region.isRegionCode(row.region)) bad("region")
  if (amount !== null && (!Number.isSafeInteger(amount) || amount < 0)) bad("amount")
  if (!CalendarDate.isCalendarDate(row.business_date)) bad("date")
  if (typeof row.recorded_by !== "string" || typeof row.recorded_at !== "string" || typeof row.source_note !== "string") bad("recordedBy/recordedAt/note")
  if (reverses !== null && !isCount(reverses)) bad("reverses")
  if (row.obligation_id !== null && typeof row.obligation_id !== "string") bad("obligation")
  let payload: Event.Json | null = null
  if (row.payload !== null) {
    try {
      payload = JSON.parse(row.payload) as Event.Json
    } catch {
      bad("payload")
    }
  }
  return {
    seq,
    type: row.type as Event.EventType,
    assignment: row.assignment_id,
    grant: row.grant_id,
    region: row.region as Event.StoredEvent["region"],
    amount: amount as Event.StoredEvent["amount"],
    date: row.business_date as Event.StoredEvent["date"],
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
    note: row.source_note,
    reverses,
    obligation: row.obligation_id,
    payload
  }
}

const selectEvents = (conn: Connection) => conn.selectFrom("event").selectAll().orderBy("seq")

const readEvents = async (conn: Connection, filter: EventLog.Filter = {}): Promise<Array<Event.StoredEvent>> => {
  let query = selectEvents(conn)
  if (filter.grant !== undefined) query = query.where("grant_id", "=", filter.grant)
  if (filter.assignment !== undefined) query = query.where("assignment_id", "=", filter.assignment)
  if (filter.types !== undefined) query = query.where("type", "in", filter.types.length === 0 ? [""] : [...filter.types])
  if (filter.after !== undefined) query = query.where("seq", ">", filter.after)
  if (filter.through !== undefined) query = query.where("seq", "<=", filter.through)
  if (filter.related !== undefined) {
    const seqs = filter.related.length === 0 ? [0] : [...filter.related]
    query = query.where((eb) => eb.or([eb("seq", "in", seqs), eb("reverses", "in", seqs)]))
  }
  return (await query.execute()).map(fromRow)
}

const headOf = async (conn: Connection): Promise<number> => {
  const row = await conn.selectFrom("event").select((eb) => eb.fn.max("seq").as("seq")).executeTakeFirst()
  return Number(row?.seq ?? 0)
}

const loadCheckpoint = async (conn: Connection, projection: string, key: string): Promise<EventLog.Checkpoint | undefined> => {
  const row = await conn.selectFrom("checkpoint").selectAll().where("projection", "=", projection).where("key", "=", key).executeTakeFirst()
  if (row === undefined) return undefined
  let state: Event.Json
  try {
    state = JSON.parse(row.state) as Event.Json
  } catch {
    // Derived data: a state that does not read is folded again, never trusted.
    return undefined
  }
  return { projection: row.projection, key: row.key, version: Number(row.version), seq: Number(row.seq), state }
}

/** The stored events a decision needs (see `EventLog.Needs`), in log order. */
const readPrior = async (conn: Connection, needs: EventLog.Needs): Promise<Array<Event.StoredEvent>> => {
  const grants = [...needs.grants]
  const seqs = [...needs.seqs]
  const assignments = [...needs.assignments]
  const types = [...(needs.types ?? [])]
  if (grants.length === 0 && seqs.length === 0 && assignments.length === 0 && types.length === 0) return []
  const rows = await selectEvents(conn)
    .where((eb) =>
      eb.or([
        ...(grants.length > 0 ? [eb("grant_id", "in", grants)] : []),
        ...(seqs.length > 0
          ? [
              eb("seq", "in", seqs),
              eb("reverses", "in", seqs),
              eb("grant_id", "in", eb.selectFrom("event as target").select("target.grant_id").where("target.seq", "in", seqs))
            ]
          : []),
        ...(assignments.length > 0 ? [eb.and([eb("assignment_id", "in", assignments), eb("type", "in", ["report", "due-date", "reversal"])])] : []),
        ...(types.length > 0 ? [eb("type", "in", types)] : [])
      ])
    )
    .execute()
  return rows.map(fromRow)
}

const currentVersion = async (database: Database, conn: Connection): Promise<number> => {
  const present =
    database.kind === "sqlite"
      ? await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'`.execute(conn)
      : await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'schema_migration' AND schemaname = current_schema()`.execute(conn)
  if (Number(present.rows[0]?.n ?? 0) === 0) return 0
  const row = await conn.selectFrom("schema_migration").select((eb) => eb.fn.max("version").as("version")).executeTakeFirst()
  return Number(row?.version ?? 0)
}

type Outcome<A> = { commit: boolean; value: Result.Result<A, Reason> }

const done = <A>(value: A): Outcome<A> => ({ commit: true, value: Result.succeed(value) })
const stop = <A>(reason: Reason): Outcome<A> => ({ commit: false, value: Result.fail(reason) })

const migrate = async (database: Database, now: () => string, target: number): Promise<Result.Result<{ version: number; applied: Array<Migration.Migration> }, Reason>> => {
  // A plain read first, so that readers do not queue behind a writer when nothing is due.
  const seen = await database.read((conn) => currentVersion(database, conn))
  if (seen > Migration.latest) return Result.fail({ _tag: "NewerSchema", found: seen, known: Migration.latest })
  if (Migration.pending(seen, target).length === 0) return Result.succeed({ version: seen, applied: [] })
  return migrationLock(database, async (conn) => {
    await database.exec(
      conn,
      database.kind === "sqlite"
        ? "CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT"
        : "CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    const current = await currentVersion(database, conn)
    if (current > Migration.latest) return stop({ _tag: "NewerSchema", found: current, known: Migration.latest })
    const applied: Array<Migration.Migration> = []
    for (const migration of Migration.pending(current, target)) {
      for (const statement of database.kind === "sqlite" ? migration.sqlite : migration.postgres) await database.exec(conn, statement)
      await conn.insertInto("schema_migration").values({ version: migration.version, name: migration.name, applied_at: now() }).execute()
      applied.push(migration)
    }
    return done({ version: Math.max(current, ...applied.map((m) => m.version)), applied })
  })
}

// For read-only opens: the schema must already be the latest.
const checkVersion = async (database: Database): Promise<Result.Result<{ version: number; applied: Array<Migration.Migration> }, Reason>> => {
  const seen = await database.read((conn) => currentVersion(database, conn))
  if (seen > Migration.latest) return Result.fail({ _tag: "NewerSchema", found: seen, known: Migration.latest })
  if (seen < Migration.latest) return Result.fail({ _tag: "OlderSchema", found: seen, known: Migration.latest })
  return Result.succeed({ version: seen, applied: [] })
}

/**
 * Opens a store: connects, creates the database on first use (an SQLite file
 * and its folder; PostgreSQL needs the database to exist), runs any pending
 * migrations, and refuses a database written by a newer version.
 *
 * @example
 * const opened = await Store.open({ kind: "sqlite", path: "data/uppdrag.db" })
 * @since 0.2.0
 */
export const open = async (location: Location, options: OpenOptions = {}): Promise<Result.Result<Store, EventLogError>> => {
  const where = display(location)
  const fail = (reason: Reason): Result.Result<never, EventLogError> => Result.fail(new EventLogError({ location: where, reason }))
  let database: Database
  try {
    const readOnly = options.readOnly === true
    database = location.kind === "sqlite" ? await openSqlite(location.path, readOnly) : await openPostgres(location.url, location.schema, readOnly)
  } catch (error) {
    // Whatever failed while opening, the database is not there to use.
    return fail({ ...DriverFailure.reason(error), _tag: "Unavailable" })
  }
  const now = (): string => new Date().toISOString()
  let migrated: Result.Result<{ version: number; applied: Array<Migration.Migration> }, Reason>
  try {
    migrated = options.readOnly === true ? await checkVersion(database) : await migrate(database, now, options.migrateTo ?? Migration.latest)
  } catch (error) {
    await database.close().catch(() => undefined)
    // A server that fails while migrating is as good as unreachable; SQLite's failures say which.
    const reason = DriverFailure.reason(error)
    return fail(location.kind === "postgres" ? { ...reason, _tag: "Unavailable" } : reason)
  }
  if (Result.isFailure(migrated)) {
    await database.close()
    return fail(migrated.failure)
  }

  // Runs a database call; thrown driver errors become an EventLogError, a decision's refusal passes through.
  const guard = <A, E>(work: () => Promise<Result.Result<A, E>>): Effect.Effect<A, E | EventLogError> =>
    Effect.flatMap(
      Effect.tryPromise({
        try: work,
        catch: (error) =>
          new EventLogError({
            location: where,
            reason: error instanceof CorruptRow ? { _tag: "Corrupt", cause: error.message } : DriverFailure.reason(error)
          })
      }),
      (result) => (Result.isFailure(result) ? Effect.fail(result.failure) : Effect.succeed(result.success))
    )

  const store: Store = {
    location: where,
    where: location,
    schemaVersion: migrated.success.version,
    migrated: migrated.success.applied,
    read: (filter) => guard(() => database.read(async (conn) => Result.succeed(await readEvents(conn, filter)))),
    count: guard(() =>
      database.read(async (conn) => {
        const row = await conn.selectFrom("event").select((eb) => eb.fn.countAll().as("n")).executeTakeFirst()
        return Result.succeed(Number(row?.n ?? 0))
      })
    ),
    head: guard(() => database.read(async (conn) => Result.succeed(await headOf(conn)))),
    checkpoints: {
      writable: options.readOnly !== true,
      load: (projection, key) => guard(() => database.read(async (conn) => Result.succeed(await loadCheckpoint(conn, projection, key)))),
      save: (checkpoint) =>
        options.readOnly === true
          ? Effect.succeed(false)
          : guard(async () => {
              const row = { ...checkpoint, state: JSON.stringify(checkpoint.state), saved_at: now() }
              const saved = await database.tryWrite(async (conn) => {
                // Never past the log: a state can only cover events that exist.
                if (checkpoint.seq > (await headOf(conn))) return false
                await conn
                  .insertInto("checkpoint")
                  .values(row)
                  .onConflict((oc) => oc.columns(["projection", "key"]).doUpdateSet({ version: row.version, seq: row.seq, state: row.state, saved_at: row.saved_at }))
                  .execute()
                return true
              })
              return Result.succeed(saved === true)
            })
    },
    append: <E>(needs: EventLog.Needs, decide: EventLog.Decide<E>, onProgress?: ((done: number, total: number) => void) | undefined) =>
      guard(() =>
        database.write(async (conn): Promise<{ commit: boolean; value: Result.Result<ReadonlyArray<Event.StoredEvent>, E> }> => {
          const last = await conn.selectFrom("event").select((eb) => [eb.fn.max("seq").as("seq"), eb.fn.countAll().as("n")]).executeTakeFirst()
          const prior = await readPrior(conn, needs)
          const decided = decide({ prior, nextSeq: Number(last?.seq ?? 0) + 1, size: Number(last?.n ?? 0) })
          if (Result.isFailure(decided)) return { commit: false, value: decided }
          await database.insertEvents(conn, decided.success.map(toRow), onProgress)
          return { commit: true, value: decided }
        })
      ),
    exportLog: guard(() =>
      database.read(async (conn) =>
        Result.succeed({ format: LogExport.format, schemaVersion: migrated.success.version, events: await readEvents(conn) } satisfies LogExport.Document)
      )
    ),
    close: () => database.close()
  }
  return Result.succeed(store)
}

/**
 * The store as the application's `EventLog` layer: opened when the layer is
 * built, closed when its scope ends.
 *
 * @example
 * program.pipe(Effect.provide(Store.layer({ kind: "sqlite", path: "data/uppdrag.db" })))
 * @since 0.2.0
 */
export const layer = (location: Location, options: OpenOptions = {}): Layer.Layer<EventLog.EventLog, EventLogError> =>
  Layer.effect(
    EventLog.EventLog,
    Effect.acquireRelease(
      Effect.flatMap(
        Effect.promise(() => open(location, options)),
        (opened) => (Result.isSuccess(opened) ? Effect.succeed(opened.success as EventLog.Shape & Store) : Effect.fail(opened.failure))
      ),
      (store) => Effect.promise(() => store.close())
    )
  )

/**
 * The store as the application's `EventLog` layer, opened (created and
 * migrated) only when a use case first reads or writes it, closed when the
 * layer's scope ends. A command that refuses its options before touching the
 * log then leaves no database behind; a failure to open is the same
 * `EventLogError`, reported by the first call instead of by the layer.
 *
 * @example
 * program.pipe(Effect.provide(Store.layerOnFirstUse({ kind: "sqlite", path: "data/uppdrag.db" })))
 * @since 0.2.0
 */
export const layerOnFirstUse = (location: Location, options: OpenOptions = {}): Layer.Layer<EventLog.EventLog> =>
  Layer.effect(
    EventLog.EventLog,
    Effect.acquireRelease(
      Effect.sync(() => {
        let opening: Promise<Result.Result<Store, EventLogError>> | undefined
        const store = Effect.flatMap(
          Effect.promise(() => {
            opening ??= open(location, options)
            return opening
          }),
          Effect.fromResult
        )
        const shape: EventLog.Shape = {
          location: display(location),
          read: (filter) => Effect.flatMap(store, (s) => s.read(filter)),
          count: Effect.flatMap(store, (s) => s.count),
          head: Effect.flatMap(store, (s) => s.head),
          checkpoints: {
            writable: options.readOnly !== true,
            load: (projection, key) => Effect.flatMap(store, (s) => s.checkpoints.load(projection, key)),
            save: (checkpoint) => Effect.flatMap(store, (s) => s.checkpoints.save(checkpoint))
          },
          append: (needs, decide, onProgress) => Effect.flatMap(store, (s) => s.append(needs, decide, onProgress))
        }
        const close = async (): Promise<void> => {
          const opened = await opening
          if (opened !== undefined && Result.isSuccess(opened)) await opened.success.close()
        }
        return { shape, close }
      }),
      (lazy) => Effect.promise(lazy.close)
    ).pipe(Effect.map((lazy) => lazy.shape))
  )
