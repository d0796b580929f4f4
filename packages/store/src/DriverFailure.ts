import type { EventLogFailure } from "@uppdrag/application"
import * as Redact from "./Redact.js"

/**
 * What went wrong in a database driver (better-sqlite3, pg) or the file
 * system under it, as one of the failures a user can act on. The driver's
 * codes differ by database; the kinds do not.
 *
 * @since 0.2.0
 */
export type Kind =
  /** SQLITE_FULL, SQLITE_IOERR_SHMSIZE, ENOSPC, PostgreSQL 53100. */
  | "DiskFull"
  /** SQLITE_IOERR (any other), EIO: the disk failed to read or write. */
  | "DiskError"
  /** SQLITE_READONLY, EROFS, EACCES, EPERM, PostgreSQL 25006. */
  | "ReadOnly"
  /** SQLITE_BUSY, SQLITE_LOCKED, PostgreSQL 55P03 (lock timeout). */
  | "Locked"
  /** SQLITE_CORRUPT. */
  | "Corrupt"
  /** SQLITE_NOTADB: the file is something else. */
  | "NotADatabase"
  /** SQLITE_CANTOPEN, ENOENT, ENOTDIR, EISDIR: the path does not lead to a file that can be opened. */
  | "CannotOpen"
  /** ECONNREFUSED, ENOTFOUND, ETIMEDOUT, EHOSTUNREACH, ECONNRESET, EAI_AGAIN, PostgreSQL 57P01–57P03. */
  | "Unreachable"
  /** PostgreSQL 28P01, 28000. */
  | "WrongPassword"
  /** PostgreSQL 3D000. */
  | "MissingDatabase"
  /** ERR_INVALID_URL: the connection string does not parse (often an unencoded `/`, `?` or `#` in the password). */
  | "BadAddress"
  /** Anything else: a constraint, a lost connection (the driver's words only in the detail), or uppdrag's own failure (its Swedish message). */
  | "Other"

/**
 * A driver failure, tagged by kind: `message` in Swedish says what to do,
 * `detail` keeps the driver's English text and code (passwords hidden) for
 * `--verbose`.
 *
 * @since 0.2.0
 */
export interface DriverFailure {
  readonly _tag: Kind
  readonly message: string
  readonly detail: string
}

const kinds: ReadonlyArray<readonly [Kind, ReadonlyArray<string>]> = [
  ["DiskFull", ["SQLITE_FULL", "SQLITE_IOERR_SHMSIZE", "ENOSPC", "EDQUOT", "53100"]],
  ["DiskError", ["EIO", "SQLITE_IOERR", "SQLITE_IOERR_READ", "SQLITE_IOERR_SHORT_READ", "SQLITE_IOERR_WRITE", "SQLITE_IOERR_FSYNC", "SQLITE_IOERR_TRUNCATE", "SQLITE_IOERR_SHMOPEN", "SQLITE_IOERR_SHMMAP", "SQLITE_IOERR_LOCK"]],
  ["ReadOnly", ["SQLITE_READONLY", "SQLITE_READONLY_DBMOVED", "SQLITE_READONLY_DIRECTORY", "SQLITE_READONLY_RECOVERY", "SQLITE_READONLY_CANTLOCK", "SQLITE_READONLY_ROLLBACK", "SQLITE_PERM", "SQLITE_AUTH", "EROFS", "EACCES", "EPERM", "25006"]],
  ["Locked", ["SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT", "SQLITE_BUSY_RECOVERY", "SQLITE_BUSY_TIMEOUT", "SQLITE_LOCKED", "SQLITE_LOCKED_SHAREDCACHE", "55P03"]],
  ["Corrupt", ["SQLITE_CORRUPT", "SQLITE_CORRUPT_VTAB", "SQLITE_CORRUPT_SEQUENCE", "SQLITE_CORRUPT_INDEX"]],
  ["NotADatabase", ["SQLITE_NOTADB"]],
  ["CannotOpen", ["SQLITE_CANTOPEN", "SQLITE_CANTOPEN_ISDIR", "SQLITE_CANTOPEN_NOTEMPDIR", "SQLITE_CANTOPEN_FULLPATH", "ENOENT", "ENOTDIR", "EISDIR"]],
  ["Unreachable", ["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ECONNRESET", "EAI_AGAIN", "57P01", "57P02", "57P03"]],
  ["WrongPassword", ["28P01", "28000"]],
  ["MissingDatabase", ["3D000"]],
  ["BadAddress", ["ERR_INVALID_URL"]]
]

const kindOf = new Map(kinds.flatMap(([kind, codes]) => codes.map((code) => [code, kind] as const)))

const messages: Record<Kind, string> = {
  DiskFull: "disken är full (eller databasen har nått sin största tillåtna storlek); frigör utrymme och försök igen",
  DiskError: "disken kunde inte läsa eller skriva databasen (I/O-fel); kontrollera disken och försök igen",
  ReadOnly: "databasen är skrivskyddad: filen eller mappen får inte ändras av den här användaren",
  Locked: "databasen är låst av en annan skrivning som inte blev klar inom 15 sekunder; försök igen",
  Corrupt: "databasfilen är skadad; återställ den från en säkerhetskopia",
  NotADatabase: "filen är ingen SQLite-databas",
  CannotOpen: "databasfilen kan inte öppnas: mappen finns inte, sökvägen är en mapp, eller filen får inte läsas",
  Unreachable: "PostgreSQL-servern svarar inte; kontrollera värd och port i DATABASE_URL och att servern är igång",
  WrongPassword: "PostgreSQL godtar inte användaren eller lösenordet i DATABASE_URL",
  MissingDatabase: "databasen i DATABASE_URL finns inte på PostgreSQL-servern; skapa den först (createdb)",
  BadAddress: "DATABASE_URL går inte att tolka som adress; skriv /, ?, # och @ i användarnamn och lösenord procentkodade (t.ex. @ som %40)",
  Other: "databasen avvisade åtgärden"
}

// pg puts a failure to reach any of the host's addresses in an AggregateError
// whose own code is empty; the first address's code says why.
const codeOf = (error: unknown): string | undefined => {
  const e = error as { code?: unknown; errors?: ReadonlyArray<unknown> }
  if (typeof e?.code === "string" && e.code !== "") return e.code
  return Array.isArray(e?.errors) && e.errors.length > 0 ? codeOf(e.errors[0]) : undefined
}

/**
 * The failure a driver threw, by kind, with a Swedish message.
 *
 * @example
 * DriverFailure.classify(Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" }))
 * // { _tag: "DiskFull", message: "disken är full …", detail: "database or disk is full (SQLITE_FULL)" }
 * @since 0.2.0
 */
export const classify = (error: unknown): DriverFailure => {
  const code = codeOf(error)
  const kind = code === undefined ? "Other" : (kindOf.get(code) ?? "Other")
  const text = error instanceof Error ? error.message : String(error)
  const detail = Redact.connectionString(code === undefined || text.includes(code) ? text : `${text} (${code})`)
  // An error without a code is thrown by uppdrag itself (a missing driver, a number too large) and says why in Swedish.
  return { _tag: kind, message: code === undefined && text !== "" ? detail : messages[kind], detail }
}

/** Kinds that mean the database could not be reached or opened at all. */
const unavailable: ReadonlySet<Kind> = new Set(["NotADatabase", "CannotOpen", "Unreachable", "WrongPassword", "MissingDatabase", "BadAddress"])

/**
 * The event log's reason for a driver failure: `Unavailable` when the
 * database cannot be opened or reached, `Corrupt` for a damaged file,
 * `Database` for the rest; the Swedish message as cause, the English as detail.
 *
 * @example
 * DriverFailure.reason(error) // { _tag: "Database", cause: "disken är full …", detail: "database or disk is full (SQLITE_FULL)" }
 * @since 0.2.0
 */
export const reason = (error: unknown): EventLogFailure.Unavailable | EventLogFailure.Corrupt | EventLogFailure.Database => {
  const failure = classify(error)
  if (failure._tag === "Corrupt") return { _tag: "Corrupt", cause: failure.message, detail: failure.detail }
  return { _tag: unavailable.has(failure._tag) ? "Unavailable" : "Database", cause: failure.message, detail: failure.detail }
}
