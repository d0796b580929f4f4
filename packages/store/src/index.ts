/**
 * @uppdrag/store: the storage adapter of uppdrag. The application's event
 * log port (`EventLog` of `@uppdrag/application`) over SQLite (the embedded
 * default) or PostgreSQL: append-only, versioned migrations, every append
 * one transaction under a write lock in which the use case's decision runs.
 *
 * @example
 * import { Store } from "@uppdrag/store"
 * const log = Store.layer({ kind: "sqlite", path: "data/uppdrag.db" })
 */
export * as DriverFailure from "./DriverFailure.js"
export * as Migration from "./Migration.js"
export * as Redact from "./Redact.js"
export * as Store from "./Store.js"
