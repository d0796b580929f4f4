// Another team's code against the published @uppdrag/store: the README's example, the store's types
// used as types and its values as values, and misuses that must not compile.
import { CatalogSource, type EventLog, type EventLogError, GrantState, Populations, Recording } from "@uppdrag/application"
import { Migration, Store } from "@uppdrag/store"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"

// The README.
const services = Layer.mergeAll(Store.layer({ kind: "sqlite", path: "data/uppdrag.db" }), CatalogSource.layer(), Populations.layerPublished)
const program = Effect.gen(function* () {
  const written = yield* Recording.record([
    { type: "requisition", grant: "specialiserad-psykiatri-2026", region: "03", amount: 58_203_923, date: "2026-04-15", recordedBy: "anna", note: "Rekvisition 2026-04-15" }
  ])
  const ledger = yield* GrantState.ledger("specialiserad-psykiatri-2026")
  return [written[0]?.seq, ledger.rows.find((row) => row.region === "03")?.requisitioned] as const
})
const run: Promise<readonly [number | undefined, number | undefined]> = Effect.runPromise(program.pipe(Effect.provide(services)))

// The store itself, for code that manages its own lifetime; it is the application's EventLog port.
const opened: Promise<Result.Result<Store.Store, EventLogError>> = Store.open({ kind: "postgres", url: "postgres://u:p@db/x", schema: "test" }, { readOnly: true, migrateTo: 2 })
const asPort = async (): Promise<EventLog.Shape | undefined> => {
  const store = await opened
  return Result.isSuccess(store) ? store.success : undefined
}
const layer: Layer.Layer<EventLog.EventLog, EventLogError> = Store.layer({ kind: "sqlite", path: ":memory:" })
const shown: string = Store.display({ kind: "postgres", url: "postgres://u:secret@db/x" })

// Every exported type is a type.
type Types = [Store.Location, Store.OpenOptions, Store.Store, Migration.Migration]
const latest: number = Migration.latest
const pending: ReadonlyArray<Migration.Migration> = Migration.pending(1)
const names: Array<string> = Migration.all.map((m) => `${m.version}: ${m.name}`)

// Misuses that must not compile.
// @ts-expect-error a location is SQLite or PostgreSQL
Store.display({ kind: "mysql", url: "mysql://db" })
// @ts-expect-error the type is not a value
Store.Location.kind
// @ts-expect-error migrations are read, never edited
Migration.all[0]!.version = 9
// @ts-expect-error internal modules are not exported
import("@uppdrag/store/internal/Database")

void [run, asPort, layer, shown, latest, pending, names]
export type { Types }
