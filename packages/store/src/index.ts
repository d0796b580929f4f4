/**
 * @uppdrag/store: the storage adapter of uppdrag. An append-only event log in
 * SQLite (the embedded default) or PostgreSQL, checked by the domain rules
 * before every write, with versioned migrations and export/import.
 *
 * @example
 * import { Store } from "@uppdrag/store"
 * const opened = await Store.open({ kind: "sqlite", path: "data/uppdrag.db" }, { catalog, allocationOf })
 */
export * as Check from "./Check.js"
export * as Event from "./Event.js"
export * as Export from "./Export.js"
export * as Migration from "./Migration.js"
export * as Recorded from "./Recorded.js"
export * as Store from "./Store.js"
export { describe as describeFailure, type Reason, StoreError } from "./StoreError.js"
