import { formatIssues, type Issue } from "@uppdrag/core"
import * as Data from "effect/Data"

/**
 * A rule refused an event: a ledger rule from `@uppdrag/allocation`
 * (`RequisitionOutsideWindow`, `RequisitionAboveAllocation` …) or one of the
 * store's own (`UnknownGrant`, `UnknownObligation`, `ReportAlreadySubmitted` …).
 * `index` is the 0-based position of the event in the batch.
 */
export interface Refused {
  readonly _tag: "Refused"
  readonly index: number
  /** The tag of the rule that refused, e.g. `RequisitionOutsideWindow`. */
  readonly rule: string
  /** Why, in Swedish. */
  readonly reason: string
}

/** The input did not validate: every issue with its path (`events[3].amount`). */
export interface Invalid {
  readonly _tag: "Invalid"
  readonly source: string
  readonly issues: ReadonlyArray<Issue>
}

/** The database was written by a newer version of uppdrag. */
export interface NewerSchema {
  readonly _tag: "NewerSchema"
  readonly found: number
  readonly known: number
}

/** A read-only open found a database that must first be migrated. */
export interface OlderSchema {
  readonly _tag: "OlderSchema"
  readonly found: number
  readonly known: number
}

/** An import needs an empty database and this one holds events. */
export interface NotEmpty {
  readonly _tag: "NotEmpty"
  readonly events: number
}

/** The database could not be opened or reached. */
export interface Unavailable {
  readonly _tag: "Unavailable"
  readonly cause: string
}

/** Any other database failure (constraint, I/O, lost connection). */
export interface Database {
  readonly _tag: "Database"
  readonly cause: string
}

/** Every reason a store operation fails. */
export type Reason = Refused | Invalid | NewerSchema | OlderSchema | NotEmpty | Unavailable | Database

/**
 * The one error type of the store adapter: where (`location`, a file path or
 * a PostgreSQL URL without its password) and why (`reason`, tagged). Nothing
 * is written when an operation fails with it.
 *
 * @example
 * new StoreError({ location: "data/uppdrag.db", reason: { _tag: "NewerSchema", found: 3, known: 2 } }).message
 * // "data/uppdrag.db: databasen har schemaversion 3, men den här versionen av uppdrag känner bara till version 2; uppgradera uppdrag"
 */
export class StoreError extends Data.TaggedError("StoreError")<{
  readonly location: string
  readonly reason: Reason
}> {
  override get message(): string {
    return describe(this.location, this.reason).join("\n")
  }
}

/**
 * The lines a user reads for a failure, in Swedish.
 *
 * @example
 * describe("x.db", { _tag: "NotEmpty", events: 4 }) // ["x.db: databasen innehåller redan 4 händelser; importera bara till en tom databas"]
 */
export const describe = (location: string, reason: Reason): Array<string> => {
  switch (reason._tag) {
    case "Refused":
      return [`${location}: avvisad (${reason.rule}): ${reason.reason}; inget sparades`]
    case "Invalid":
      return formatIssues(reason.source, reason.issues)
    case "NewerSchema":
      return [
        `${location}: databasen har schemaversion ${reason.found}, men den här versionen av uppdrag känner bara till version ${reason.known}; uppgradera uppdrag`
      ]
    case "OlderSchema":
      return [`${location}: databasen har schemaversion ${reason.found} och behöver uppgraderas till ${reason.known}; kör uppdrag db migrate`]
    case "NotEmpty":
      return [`${location}: databasen innehåller redan ${reason.events} händelser; importera bara till en tom databas`]
    case "Unavailable":
      return [`${location}: databasen kan inte öppnas: ${reason.cause}`]
    case "Database":
      return [`${location}: databasfel: ${reason.cause}`]
  }
}
