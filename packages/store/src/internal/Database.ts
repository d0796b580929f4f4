import { accessSync, constants, existsSync, mkdirSync, statSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql } from "kysely"
import type BetterSqlite3Driver from "better-sqlite3"
import type PgDriver from "pg"

/** The event table as Kysely sees it (both databases return the same JS types, see the type parsers below). */
export interface EventRow {
  seq: number
  type: string
  assignment_id: string
  grant_id: string | null
  region: string | null
  amount: number | null
  business_date: string
  recorded_by: string
  recorded_at: string
  source_note: string
  reverses: number | null
  obligation_id: string | null
  payload: string | null
}

export interface MigrationRow {
  version: number
  name: string
  applied_at: string
}

/** A projection's saved state (see the application's `Projection`): opaque JSON text. */
export interface CheckpointRow {
  projection: string
  key: string
  version: number
  seq: number
  state: string
  saved_at: string
}

export interface Tables {
  event: EventRow
  schema_migration: MigrationRow
  checkpoint: CheckpointRow
}

/** A connection held for one unit of work (a transaction or a read). */
export type Connection = Kysely<Tables>

export interface Database {
  readonly kind: "sqlite" | "postgres"
  readonly db: Kysely<Tables>
  /**
   * Runs `work` in a transaction that holds the write lock: SQLite's
   * `BEGIN IMMEDIATE` (one writer, readers go on in WAL mode) or PostgreSQL's
   * `LOCK TABLE event IN EXCLUSIVE MODE` (writers queue, readers go on).
   * Commits only when `work` returns `{ commit: true }`; rolls back otherwise
   * or when it throws.
   */
  readonly write: <A>(work: (conn: Connection) => Promise<{ commit: boolean; value: A }>) => Promise<A>
  /** Runs statements that only read, in one snapshot. */
  readonly read: <A>(work: (conn: Connection) => Promise<A>) => Promise<A>
  /**
   * Runs `work` in a short write transaction that does not wait for another
   * writer: resolves to undefined at once when the database is locked (a
   * long import), instead of queueing behind it. For derived data only
   * (checkpoints), which the next reader can write again.
   */
  readonly tryWrite: <A>(work: (conn: Connection) => Promise<A>) => Promise<A | undefined>
  /**
   * Inserts event rows inside the caller's write transaction, reporting
   * progress after each chunk: SQLite reuses one prepared statement per row
   * (the fastest path in better-sqlite3), PostgreSQL sends each chunk as one
   * `INSERT … SELECT FROM unnest(…)` with one array per column.
   */
  readonly insertEvents: (conn: Connection, rows: ReadonlyArray<EventRow>, onProgress?: (done: number, total: number) => void) => Promise<void>
  /** Runs one raw statement (migrations). */
  readonly exec: (conn: Connection, statement: string) => Promise<void>
  readonly close: () => Promise<void>
}

const columns = [
  "seq",
  "type",
  "assignment_id",
  "grant_id",
  "region",
  "amount",
  "business_date",
  "recorded_by",
  "recorded_at",
  "source_note",
  "reverses",
  "obligation_id",
  "payload"
] as const satisfies ReadonlyArray<keyof EventRow>

const pgTypes: Record<(typeof columns)[number], string> = {
  seq: "bigint",
  type: "text",
  assignment_id: "text",
  grant_id: "text",
  region: "text",
  amount: "bigint",
  business_date: "date",
  recorded_by: "text",
  recorded_at: "timestamptz",
  source_note: "text",
  reverses: "bigint",
  obligation_id: "text",
  payload: "json"
}

const transact = async <A>(conn: Connection, begin: ReadonlyArray<string>, work: (conn: Connection) => Promise<{ commit: boolean; value: A }>): Promise<A> => {
  for (const statement of begin) await sql.raw(statement).execute(conn)
  let finished = false
  try {
    const { commit, value } = await work(conn)
    await sql.raw(commit ? "COMMIT" : "ROLLBACK").execute(conn)
    finished = true
    return value
  } finally {
    if (!finished) await sql.raw("ROLLBACK").execute(conn).catch(() => undefined)
  }
}

const withConnection = async <A>(
  db: Kysely<Tables>,
  begin: ReadonlyArray<string>,
  work: (conn: Connection) => Promise<{ commit: boolean; value: A }>
): Promise<A> => db.connection().execute((conn) => transact(conn, begin, work))

/**
 * Loads a database driver, an optional peer dependency of this package: when it is not installed the
 * error names it, in Swedish and English, with the command that installs it.
 */
const driver = <M>(name: "better-sqlite3" | "pg", database: string, load: () => unknown): M => {
  try {
    return load() as M
  } catch (error) {
    const e = error as { code?: string; message?: string }
    if ((e.code === "ERR_MODULE_NOT_FOUND" || e.code === "MODULE_NOT_FOUND") && (e.message ?? "").includes(`'${name}'`)) {
      throw new Error(
        `drivrutinen ${name} för ${database} är inte installerad; installera den med npm install ${name} ` +
          `(the ${database} driver ${name} is not installed; install it with npm install ${name})`
      )
    }
    throw error
  }
}

/**
 * better-sqlite3's compiled addon, beside the package `driver` loads, when it is where its build puts
 * it: passed as `nativeBinding`, so the driver does not search a dozen paths for it (its `bindings`
 * helper), and so a bundle that carries the driver's JavaScript (the CLI's, whose build resolves this
 * from the bundle, i.e. the copy it bundled) still finds the addon of that installed package.
 * `undefined` (the driver's own search) when it is anywhere else.
 */
const sqliteAddon = (): string | undefined => {
  try {
    const file = join(dirname(createRequire(import.meta.url).resolve("better-sqlite3/package.json")), "build", "Release", "better_sqlite3.node")
    return existsSync(file) ? file : undefined
  } catch {
    return undefined
  }
}

/**
 * Opens (and creates, on first use) an SQLite file: WAL journal so readers
 * never wait for the writer, foreign keys on, full sync so a committed batch
 * survives a crash, and a busy timeout so concurrent writers queue.
 */
export const openSqlite = async (path: string, readOnly = false): Promise<Database> => {
  if (path !== ":memory:" && !readOnly) {
    mkdirSync(dirname(path), { recursive: true })
    // SQLite says only "unable to open" when WAL cannot create its files beside a read-only database: ask the file system first.
    accessSync(dirname(path), constants.W_OK)
    if (existsSync(path) && statSync(path).isFile()) accessSync(path, constants.W_OK)
  }
  // Drivers are loaded when first used, so a command that never opens a database does not pay for them.
  // Both drivers are CommonJS; require() also runs where import() cannot (the CLI's code-cached bundle),
  // and each is named literally so that a bundler can see it (the CLI bundles better-sqlite3's JavaScript).
  const BetterSqlite3 = driver<typeof BetterSqlite3Driver>("better-sqlite3", "SQLite", () => createRequire(import.meta.url)("better-sqlite3"))
  // Read-only: SQLite itself refuses every write, and a missing file is not created.
  const nativeBinding = sqliteAddon()
  const native = new BetterSqlite3(path, {
    ...(readOnly ? { readonly: true, fileMustExist: true } : {}),
    ...(nativeBinding === undefined ? {} : { nativeBinding })
  })
  native.pragma("busy_timeout = 15000")
  if (!readOnly) native.pragma("journal_mode = WAL")
  native.pragma("foreign_keys = ON")
  if (!readOnly) native.pragma("synchronous = FULL")
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: native }) })
  let insert: ReturnType<typeof native.prepare> | undefined
  return {
    kind: "sqlite",
    db,
    // Runs on the same (only) connection, inside the transaction Kysely holds for the caller.
    insertEvents: async (_conn, rows, onProgress) => {
      insert ??= native.prepare(`INSERT INTO event (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`)
      const statement = insert
      const chunk = 5000
      for (let start = 0; start < rows.length; start += chunk) {
        const end = Math.min(rows.length, start + chunk)
        for (let i = start; i < end; i++) {
          const row = rows[i]!
          statement.run(columns.map((c) => row[c]))
        }
        onProgress?.(end, rows.length)
      }
    },
    write: (work) => withConnection(db, ["BEGIN IMMEDIATE"], work),
    read: (work) => withConnection(db, ["BEGIN"], async (conn) => ({ commit: true, value: await work(conn) })),
    tryWrite: (work) =>
      // On the one connection Kysely holds for us: no wait for the lock while it is held, then the usual timeout again.
      db.connection().execute(async (conn) => {
        native.pragma("busy_timeout = 0")
        try {
          return await transact(conn, ["BEGIN IMMEDIATE"], async (inner) => ({ commit: true, value: await work(inner) }))
        } catch (error) {
          if ((error as { code?: string }).code === "SQLITE_BUSY") return undefined
          throw error
        } finally {
          native.pragma("busy_timeout = 15000")
        }
      }),
    exec: async (conn, statement) => {
      await sql.raw(statement).execute(conn)
    },
    close: () => db.destroy()
  }
}

const int8 = (text: string): number => {
  const value = Number(text)
  if (!Number.isSafeInteger(value)) throw new RangeError(`${text} är för stort för att läsas exakt`)
  return value
}

/** `2026-04-15 10:00:00.123+02` (any session time zone) to `2026-04-15T08:00:00.123Z`. */
const timestamptz = (text: string): string => {
  const iso = text.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00").replace(/([+-]\d\d):?(\d\d):(\d\d)$/, "$1:$2")
  return new Date(iso).toISOString()
}

const parsers: Record<number, (text: string) => unknown> = {
  20: int8, // int8 / bigint
  1082: (text) => text, // date: keep YYYY-MM-DD, never a JS Date
  1184: timestamptz, // timestamptz
  114: (text) => text // json: keep the text as written
}

/**
 * Opens a PostgreSQL pool. Dates stay `YYYY-MM-DD` text, bigints become
 * checked numbers, JSON stays text: rows read the same as from SQLite.
 */
export const openPostgres = async (url: string, schema?: string, readOnly = false): Promise<Database> => {
  const pg = driver<typeof PgDriver>("pg", "PostgreSQL", () => createRequire(import.meta.url)("pg"))
  // Read-only: every transaction of every connection is READ ONLY, so the server refuses writes.
  const settings = [...(schema === undefined ? [] : [`-c search_path=${schema}`]), ...(readOnly ? ["-c default_transaction_read_only=on"] : [])]
  const pool = new pg.Pool({
    connectionString: url,
    max: 3,
    ...(settings.length === 0 ? {} : { options: settings.join(" ") }),
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        parsers[oid] ?? (pg.types.getTypeParser as (oid: number, format?: string) => unknown)(oid, format)) as never
    }
  })
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on("error", () => undefined)
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) })
  return {
    kind: "postgres",
    db,
    insertEvents: async (conn, rows, onProgress) => {
      const chunk = 5000
      for (let start = 0; start < rows.length; start += chunk) {
        const part = rows.slice(start, start + chunk)
        const arrays = columns.map((c) => part.map((row) => row[c]))
        const statement = `INSERT INTO event (${columns.join(", ")}) SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${pgTypes[c]}[]`).join(", ")})`
        await conn.executeQuery(CompiledQuery.raw(statement, arrays))
        onProgress?.(start + part.length, rows.length)
      }
    },
    write: (work) => withConnection(db, ["BEGIN", "LOCK TABLE event IN EXCLUSIVE MODE"], work),
    read: (work) => withConnection(db, ["BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"], async (conn) => ({ commit: true, value: await work(conn) })),
    // Checkpoints are not behind the event table's lock; two savers of one row wait at most briefly for each other.
    tryWrite: async (work) => {
      try {
        return await withConnection(db, ["BEGIN", "SET LOCAL lock_timeout = '200ms'"], async (conn) => ({ commit: true, value: await work(conn) }))
      } catch (error) {
        if ((error as { code?: string }).code === "55P03") return undefined // lock_not_available
        throw error
      }
    },
    exec: async (conn, statement) => {
      await sql.raw(statement).execute(conn)
    },
    close: () => db.destroy()
  }
}

/** Starts a transaction for migrations (the event table may not exist yet). */
export const migrationLock = async <A>(database: Database, work: (conn: Connection) => Promise<{ commit: boolean; value: A }>): Promise<A> =>
  database.kind === "sqlite"
    ? withConnection(database.db, ["BEGIN IMMEDIATE"], work)
    : withConnection(database.db, ["BEGIN", "SELECT pg_advisory_xact_lock(730742)"], work)

