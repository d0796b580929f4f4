import * as Data from "effect/Data"

/**
 * The database was written by a newer version of uppdrag.
 *
 * @since 0.2.0
 */
export interface NewerSchema {
  readonly _tag: "NewerSchema"
  readonly found: number
  readonly known: number
}

/**
 * A read-only open found a database that must first be migrated.
 *
 * @since 0.2.0
 */
export interface OlderSchema {
  readonly _tag: "OlderSchema"
  readonly found: number
  readonly known: number
}

/**
 * The database could not be opened or reached.
 *
 * @since 0.2.0
 */
export interface Unavailable {
  readonly _tag: "Unavailable"
  /** Why, in Swedish: what the user reads. */
  readonly cause: string
  /** The driver's own words (English), shown only on request (`--verbose`). */
  readonly detail?: string | undefined
}

/**
 * A stored row does not read back as an event.
 *
 * @since 0.2.0
 */
export interface Corrupt {
  readonly _tag: "Corrupt"
  /** Why, in Swedish: what the user reads. */
  readonly cause: string
  /** The driver's own words (English), shown only on request (`--verbose`). */
  readonly detail?: string | undefined
}

/**
 * Any other database failure (constraint, I/O, lost connection).
 *
 * @since 0.2.0
 */
export interface Database {
  readonly _tag: "Database"
  /** Why, in Swedish: what the user reads. */
  readonly cause: string
  /** The driver's own words (English), shown only on request (`--verbose`). */
  readonly detail?: string | undefined
}

/**
 * Every reason the event log fails, whatever database is behind it.
 *
 * @since 0.2.0
 */
export type Reason = NewerSchema | OlderSchema | Unavailable | Corrupt | Database

/**
 * The one failure of the {@link EventLog} port: where (a file path, or a
 * PostgreSQL URL without its password) and why (tagged). Nothing is written
 * when an operation fails with it.
 *
 * @example
 * new EventLogError({ location: "data/uppdrag.db", reason: { _tag: "NewerSchema", found: 4, known: 3 } }).message
 * // "data/uppdrag.db: databasen har schemaversion 4, men den här versionen av uppdrag känner bara till version 3; uppgradera uppdrag"
 * @since 0.2.0
 */
export class EventLogError extends Data.TaggedError("EventLogError")<{
  readonly location: string
  readonly reason: Reason
}> {
  override get message(): string {
    return describe(this.location, this.reason)
  }
}

/**
 * The line a user reads for a failure, in Swedish.
 *
 * @example
 * describe("x.db", { _tag: "Unavailable", cause: "filen finns inte" }) // "x.db: databasen kan inte öppnas: filen finns inte"
 * @since 0.2.0
 */
export const describe = (location: string, reason: Reason): string => {
  switch (reason._tag) {
    case "NewerSchema":
      return `${location}: databasen har schemaversion ${reason.found}, men den här versionen av uppdrag känner bara till version ${reason.known}; uppgradera uppdrag`
    case "OlderSchema":
      return `${location}: databasen har schemaversion ${reason.found} och behöver uppgraderas till ${reason.known}; kör uppdrag db migrate`
    case "Unavailable":
      return `${location}: databasen kan inte öppnas: ${reason.cause}`
    case "Corrupt":
      return `${location}: databasen är skadad: ${reason.cause}`
    case "Database":
      return `${location}: databasfel: ${reason.cause}`
  }
}
