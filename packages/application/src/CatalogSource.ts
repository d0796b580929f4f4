import { Catalog, type ValidationError } from "@uppdrag/core"
import * as Context from "effect/Context"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"

/**
 * The catalog in force.
 *
 * @since 0.2.0
 */
export interface Shape extends Catalog.Catalog {}

/**
 * The catalog the use cases work from: the built-in catalog of
 * `@uppdrag/core` plus the user's own files (`--catalog PATH`).
 *
 * @example
 * import { CatalogSource } from "@uppdrag/application"
 * const catalog = yield* CatalogSource.CatalogSource
 * @since 0.2.0
 */
export class CatalogSource extends Context.Service<CatalogSource, Shape>()("@uppdrag/application/CatalogSource") {}

/**
 * A catalog file did not validate: every problem of every file.
 *
 * @example
 * new CatalogInvalid({ errors: [new ValidationError({ source: "egen.yaml", issues: [{ path: "decided", message: "saknas" }] })] })
 * @since 0.2.0
 */
export class CatalogInvalid extends Data.TaggedError("CatalogInvalid")<{ readonly errors: ReadonlyArray<ValidationError> }> {
  override get message(): string {
    return this.errors.map((error) => error.message).join("\n")
  }
}

/**
 * Loads the built-in catalog plus `extra` files and folders.
 *
 * @example
 * CatalogSource.load(["mina-uppdrag/"]) // Result.succeed(catalog) or Result.fail(CatalogInvalid)
 * @since 0.2.0
 */
export const load = (extra: ReadonlyArray<string> = []): Result.Result<Catalog.Catalog, CatalogInvalid> => {
  const loaded = Catalog.load({ extra })
  return Result.isSuccess(loaded) ? Result.succeed(loaded.success) : Result.fail(new CatalogInvalid({ errors: loaded.failure }))
}

/**
 * The catalog as a layer: built-in plus `extra`, refused with every problem.
 *
 * @example
 * program.pipe(Effect.provide(CatalogSource.layer(options.catalog ?? [])))
 * @since 0.2.0
 */
export const layer = (extra: ReadonlyArray<string> = []): Layer.Layer<CatalogSource, CatalogInvalid> =>
  Layer.effect(CatalogSource, Effect.suspend(() => Effect.fromResult(load(extra))))

/**
 * A catalog already loaded, as a layer (the web view loads it once at start).
 *
 * @example
 * CatalogSource.layerOf(Catalog.unsafeLoad())
 * @since 0.2.0
 */
export const layerOf = (catalog: Catalog.Catalog): Layer.Layer<CatalogSource> => Layer.succeed(CatalogSource, catalog)
