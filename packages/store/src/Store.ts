import { Ledger } from "@uppdrag/allocation"
import { type Assignment, CalendarDate, type Catalog, fromZodIssues, type Issue, Region } from "@uppdrag/core"
import * as Result from "effect/Result"
import { sql } from "kysely"
import * as Check from "./Check.js"
import * as Event from "./Event.js"
import * as Export from "./Export.js"
import { type Connection, type Database, type EventRow, migrationLock, openPostgres, openSqlite } from "./internal/Database.js"
import * as Migration from "./Migration.js"
import { type Reason, StoreError } from "./StoreError.js"

/**
 * Where the data lives: an SQLite file (the embedded default) or a
 * PostgreSQL database. `schema` puts the tables in a PostgreSQL schema other
 * than the connection's default (tests use one per run).
 *
 * @example
 * const here: Store.Location = { kind: "sqlite", path: "data/uppdrag.db" }
 * const there: Store.Location = { kind: "postgres", url: "postgres://postgres:postgres@127.0.0.1:5432/uppdrag" }
 */
export type Location = { readonly kind: "sqlite"; readonly path: string } | { readonly kind: "postgres"; readonly url: string; readonly schema?: string }

/**
 * A location for messages: the file path, or the URL without its password.
 *
 * @example
 * Store.display({ kind: "postgres", url: "postgres://u:secret@db/x" }) // "postgres://u:***@db/x"
 */
export const display = (location: Location): string => {
  if (location.kind === "sqlite") return location.path
  const masked = location.url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+:)[^@]*@/, "$1***@")
  return location.schema === undefined ? masked : `${masked} (schema ${location.schema})`
}

/** Options of {@link open}. */
export interface OpenOptions {
  /** The catalog events are checked against (grants, assignments, obligations). */
  readonly catalog: Catalog.Catalog
  /**
   * Each grant's allocation per region code, in whole kronor: the `allocated`
   * column of the ledger and the ceiling for requisitions.
   */
  readonly allocationOf: (grant: Assignment.Grant) => ReadonlyMap<string, number>
  /** Migrate only up to this version (tests of upgrades); default the latest. */
  readonly migrateTo?: number
  /**
   * Open for reading only (the web view): the database refuses every write,
   * a missing SQLite file is not created, and nothing is migrated (an older
   * database is refused with `OlderSchema`).
   */
  readonly readOnly?: boolean
}

/** Options of writes: when it is recorded (an ISO 8601 UTC instant) and progress for long batches. */
export interface WriteOptions {
  readonly recordedAt: string
  readonly onProgress?: (done: number, total: number) => void
}

/** Options of {@link Store.importLog}. */
export interface ImportOptions {
  readonly onProgress?: (done: number, total: number) => void
}

/** Which events to read: by grant, assignment and types; all when empty. */
export interface EventFilter {
  readonly grant?: string
  readonly assignment?: string
  readonly types?: ReadonlyArray<Event.EventType>
}

/**
 * The repository every package and app stores through: an append-only event
 * log, checked before each write, from which all state is derived. The same
 * interface over SQLite and PostgreSQL; every method returns a `Result` and
 * never throws for an expected failure; a failed write writes nothing.
 *
 * @example
 * import { Store } from "@uppdrag/store"
 * const opened = await Store.open({ kind: "sqlite", path: "data/uppdrag.db" }, { catalog, allocationOf })
 * if (Result.isSuccess(opened)) {
 *   const store = opened.success
 *   await store.append([{ type: "requisition", grant: "specialiserad-psykiatri-2026", region: "03", amount: 58_203_923, date: "2026-04-15", recordedBy: "anna" }],
 *     { recordedAt: new Date().toISOString() })
 *   const ledger = await store.ledger("specialiserad-psykiatri-2026")
 *   await store.close()
 * }
 */
export interface Store {
  readonly location: Location
  /** The schema version of the database after opening. */
  readonly schemaVersion: number
  /** The migrations applied when it was opened (empty when it was up to date). */
  readonly migrated: ReadonlyArray<Migration.Migration>
  /**
   * Checks a batch in order and appends it in one transaction: every event
   * is written, or (on a refusal, invalid input or a crash) none is.
   */
  readonly append: (events: ReadonlyArray<Event.NewEvent>, options: WriteOptions) => Promise<Result.Result<ReadonlyArray<Event.StoredEvent>, StoreError>>
  /** Events in log order, optionally filtered. */
  readonly events: (filter?: EventFilter) => Promise<Result.Result<ReadonlyArray<Event.StoredEvent>, StoreError>>
  /** Number of events in the log. */
  readonly count: () => Promise<Result.Result<number, StoreError>>
  /** A grant's ledger per region and nationally, folded from the log by `@uppdrag/allocation`. */
  readonly ledger: (grant: string) => Promise<Result.Result<Ledger.Summary, StoreError>>
  /** The whole database as an export document (read in one snapshot). */
  readonly exportLog: () => Promise<Result.Result<Export.Document, StoreError>>
  /**
   * Imports an export document into an empty database in one transaction,
   * checking every event again; returns the number of events imported.
   */
  readonly importLog: (doc: Export.Document, options?: ImportOptions) => Promise<Result.Result<number, StoreError>>
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

const eventTypes: ReadonlySet<string> = new Set(Event.EventType.options)
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

const readEvents = async (conn: Connection, filter: EventFilter = {}): Promise<Array<Event.StoredEvent>> => {
  let query = selectEvents(conn)
  if (filter.grant !== undefined) query = query.where("grant_id", "=", filter.grant)
  if (filter.assignment !== undefined) query = query.where("assignment_id", "=", filter.assignment)
  if (filter.types !== undefined) query = query.where("type", "in", filter.types.length === 0 ? [""] : [...filter.types])
  return (await query.execute()).map(fromRow)
}

/** The stored events a batch can touch (see `Check.needs`), in log order. */
const readPrior = async (conn: Connection, needs: Check.Needs): Promise<Array<Event.StoredEvent>> => {
  const grants = [...needs.grants]
  const seqs = [...needs.seqs]
  const assignments = [...needs.assignments]
  if (grants.length === 0 && seqs.length === 0 && assignments.length === 0) return []
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
        ...(assignments.length > 0 ? [eb.and([eb("assignment_id", "in", assignments), eb("type", "in", ["report", "due-date", "reversal"])])] : [])
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

type Outcome<A> = { commit: true; value: Result.Result<A, Reason> } | { commit: false; value: Result.Result<A, Reason> }

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

const causeOf = (error: unknown): string => {
  const e = error as { message?: string; code?: string }
  if (e.code === "SQLITE_BUSY") return "databasen är låst av en annan skrivning som inte blev klar inom 15 sekunder; försök igen (SQLITE_BUSY)"
  return e.code === undefined ? String(e.message ?? error) : `${e.message ?? ""} (${e.code})`
}

const isConnectionFailure = (error: unknown): boolean => {
  const code = (error as { code?: string }).code ?? ""
  return ["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH", "28P01", "3D000", "28000", "SQLITE_NOTADB", "SQLITE_CANTOPEN", "SQLITE_READONLY"].includes(code)
}

/**
 * Opens a store: connects, creates the database on first use (an SQLite file
 * and its folder; PostgreSQL needs the database to exist), runs any pending
 * migrations, and refuses a database written by a newer version.
 *
 * @example
 * const opened = await Store.open({ kind: "sqlite", path: "data/uppdrag.db" }, { catalog, allocationOf })
 */
export const open = async (location: Location, options: OpenOptions): Promise<Result.Result<Store, StoreError>> => {
  const where = display(location)
  const fail = (reason: Reason): Result.Result<never, StoreError> => Result.fail(new StoreError({ location: where, reason }))
  let database: Database
  try {
    const readOnly = options.readOnly === true
    database = location.kind === "sqlite" ? await openSqlite(location.path, readOnly) : await openPostgres(location.url, location.schema, readOnly)
  } catch (error) {
    return fail({ _tag: "Unavailable", cause: causeOf(error) })
  }
  const now = (): string => new Date().toISOString()
  let migrated: Result.Result<{ version: number; applied: Array<Migration.Migration> }, Reason>
  try {
    migrated = options.readOnly === true ? await checkVersion(database) : await migrate(database, now, options.migrateTo ?? Migration.latest)
  } catch (error) {
    await database.close().catch(() => undefined)
    return fail({ _tag: isConnectionFailure(error) || location.kind === "postgres" ? "Unavailable" : "Database", cause: causeOf(error) })
  }
  if (Result.isFailure(migrated)) {
    await database.close()
    return fail(migrated.failure)
  }
  const ctx = Check.context(options.catalog, options.allocationOf)

  // Runs a database call, turning thrown driver errors into a StoreError.
  const guard = async <A>(work: () => Promise<Result.Result<A, Reason>>): Promise<Result.Result<A, StoreError>> => {
    try {
      const result = await work()
      return Result.isFailure(result) ? fail(result.failure) : Result.succeed(result.success)
    } catch (error) {
      return fail({ _tag: isConnectionFailure(error) ? "Unavailable" : "Database", cause: error instanceof CorruptRow ? error.message : causeOf(error) })
    }
  }

  const validate = (events: ReadonlyArray<Event.NewEvent>, source: string): Result.Result<Array<Event.ValidNewEvent>, Reason> => {
    const valid: Array<Event.ValidNewEvent> = []
    const issues: Array<Issue> = []
    events.forEach((event, i) => {
      const parsed = Event.NewEvent.safeParse(event, { reportInput: true })
      if (parsed.success) valid.push(parsed.data)
      else issues.push(...fromZodIssues(parsed.error.issues).map((issue) => ({ ...issue, path: issue.path === "" ? `[${i}]` : `[${i}].${issue.path}` })))
    })
    return issues.length > 0 ? Result.fail({ _tag: "Invalid", source, issues }) : Result.succeed(valid)
  }

  const writeChecked = (
    valid: ReadonlyArray<Event.ValidNewEvent>,
    recordedAt: string | ReadonlyArray<string>,
    onProgress: ((done: number, total: number) => void) | undefined,
    requireEmpty: boolean
  ) =>
    database.write(async (conn): Promise<Outcome<Array<Event.StoredEvent>>> => {
      const last = await conn.selectFrom("event").select((eb) => [eb.fn.max("seq").as("seq"), eb.fn.countAll().as("n")]).executeTakeFirst()
      const count = Number(last?.n ?? 0)
      if (requireEmpty && count > 0) return stop({ _tag: "NotEmpty", events: count })
      const prior = await readPrior(conn, Check.needs(ctx, valid))
      const checked = Check.batch(ctx, prior, valid, { firstSeq: Number(last?.seq ?? 0) + 1, recordedAt })
      if (Result.isFailure(checked)) return stop(checked.failure)
      await database.insertEvents(conn, checked.success.map(toRow), onProgress)
      return done(checked.success)
    })

  const recordedAtReason = (recordedAt: string): Reason | undefined =>
    Event.recordedAt.safeParse(recordedAt).success
      ? undefined
      : { _tag: "Invalid", source: "recordedAt", issues: [{ path: "recordedAt", message: `${JSON.stringify(recordedAt)} är ingen tidpunkt i UTC` }] }

  const store: Store = {
    location,
    schemaVersion: migrated.success.version,
    migrated: migrated.success.applied,
    append: (events, writeOptions) =>
      guard(async () => {
        const bad = recordedAtReason(writeOptions.recordedAt)
        if (bad !== undefined) return Result.fail(bad)
        const valid = validate(events, "händelser")
        if (Result.isFailure(valid)) return Result.fail(valid.failure)
        if (valid.success.length === 0) return Result.succeed([])
        return writeChecked(valid.success, writeOptions.recordedAt, writeOptions.onProgress, false)
      }),
    events: (filter) => guard(() => database.read(async (conn) => Result.succeed(await readEvents(conn, filter)))),
    count: () =>
      guard(() =>
        database.read(async (conn) => {
          const row = await conn.selectFrom("event").select((eb) => eb.fn.countAll().as("n")).executeTakeFirst()
          return Result.succeed(Number(row?.n ?? 0))
        })
      ),
    ledger: (grant) =>
      guard(async () => {
        const terms = ctx.termsFor(grant)
        if (terms === undefined) return Result.fail({ _tag: "Refused", index: 0, rule: "UnknownGrant", reason: `statsbidraget ${grant} finns inte i katalogen` })
        const events = await database.read((conn) => readEvents(conn, { grant }))
        return Result.succeed(Ledger.summarize(terms, Check.entriesOf(events, grant)))
      }),
    exportLog: () =>
      guard(() =>
        database.read(async (conn) =>
          Result.succeed({ format: Export.format, schemaVersion: migrated.success.version, events: await readEvents(conn) } satisfies Export.Document)
        )
      ),
    importLog: (doc, importOptions = {}) =>
      guard(async () => {
        if (doc.schemaVersion > Migration.latest) return Result.fail({ _tag: "NewerSchema", found: doc.schemaVersion, known: Migration.latest })
        const asNew: Array<Event.NewEvent> = doc.events.map((e) => ({
          type: e.type,
          assignment: e.assignment,
          ...(e.grant === null ? {} : { grant: e.grant }),
          ...(e.region === null || e.type === "reversal" ? {} : { region: e.region }),
          ...(e.amount === null ? {} : { amount: e.amount }),
          date: e.date,
          recordedBy: e.recordedBy,
          note: e.note,
          ...(e.reverses === null ? {} : { reverses: e.reverses }),
          ...(e.obligation === null ? {} : { obligation: e.obligation }),
          ...(e.payload === null ? {} : { payload: e.payload })
        }))
        const valid = validate(asNew, "events")
        if (Result.isFailure(valid)) return Result.fail(valid.failure)
        const written = await writeChecked(
          valid.success,
          doc.events.map((e) => e.recordedAt),
          importOptions.onProgress,
          true
        )
        return Result.map(written, (events) => events.length)
      }),
    close: () => database.close()
  }
  return Result.succeed(store)
}
