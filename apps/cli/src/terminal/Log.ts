import { CatalogSource, type EventLog, Populations } from "@uppdrag/application"
import { Population, type ValidationError } from "@uppdrag/core"
import { Store } from "@uppdrag/store"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { defaultDatabase } from "./DbOption.js"
import { readEnvironment } from "./Environment.js"
import { Refusal } from "./Failure.js"

/**
 * Where the data is: an explicit `--db` wins, then `DATABASE_URL`
 * (PostgreSQL), then `UPPDRAG_DB`, then the default file.
 *
 * @example
 * const where = yield* storeLocation(undefined) // { kind: "sqlite", path: "data/uppdrag.db" } with no variables set
 */
export const storeLocation = (db: string | undefined): Effect.Effect<Store.Location, Refusal | ValidationError> =>
  Effect.suspend((): Effect.Effect<Store.Location, Refusal | ValidationError> => {
    if (db !== undefined) {
      if (db.trim() === "") return Effect.fail(new Refusal({ lines: ["--db: ange en sökväg till en SQLite-fil"] }))
      return Effect.succeed({ kind: "sqlite", path: db } as const)
    }
    return Effect.map(Effect.fromResult(readEnvironment()), (env): Store.Location =>
      env.databaseUrl !== undefined ? { kind: "postgres", url: env.databaseUrl } : { kind: "sqlite", path: env.uppdragDb ?? defaultDatabase }
    )
  })

/**
 * The event log of `--db` (or the environment) as the application's
 * `EventLog`: opened, created and migrated as needed when a use case first
 * reads or writes it (so a command refused for its options never touches
 * the database), closed when the command ends.
 *
 * @example
 * program.pipe(Effect.provide(logLayer(options.db)))
 */
export const logLayer = (db: string | undefined, options: Store.OpenOptions = {}): Layer.Layer<EventLog.EventLog, Refusal | ValidationError> =>
  Layer.unwrap(Effect.map(storeLocation(db), (location) => Store.layerOnFirstUse(location, options)))

/**
 * The population in force: `--population FILE` for every grant, else the
 * published figures of each grant's population reference.
 *
 * @example
 * populationLayer(options.population)
 */
export const populationLayer = (file: string | undefined): Layer.Layer<Populations.Populations, ValidationError> =>
  file === undefined
    ? Populations.layerPublished
    : Layer.unwrap(Effect.map(Effect.fromResult(Population.parseFile(file)), (population) => Populations.layerOf(population, file)))

/**
 * The catalog (built-in plus `--catalog`) and the population in force (the
 * published figures unless `--population` names a file): what every use
 * case over the catalog needs.
 *
 * @example
 * program.pipe(Effect.provide(catalogLayer(options.catalog, options.population)))
 */
export const catalogLayer = (
  catalog: ReadonlyArray<string> | undefined,
  population?: string | undefined
): Layer.Layer<CatalogSource.CatalogSource | Populations.Populations, CatalogSource.CatalogInvalid | ValidationError> =>
  Layer.mergeAll(CatalogSource.layer(catalog ?? []), populationLayer(population))
