import { Catalog, type ValidationError } from "@uppdrag/core"
import * as Context from "effect/Context"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"

/**
 * The catalog the use cases work from: the built-in catalog of
 * `@uppdrag/core` plus the user's own files (`--catalog PATH`).
 *
 * @example
 * import { CatalogSource } from "@uppdrag/application"
 * const catalog = yield* CatalogSource.CatalogSource
 */
/** The catalog in force. */
export interface Shape extends Catalog.Catalog {}

export class CatalogSource extends Context.Service<CatalogSource, Shape>()("@uppdrag/application/CatalogSource") {}

/**
 * A catalog file did not validate: every problem of every file.
 *
 * @example
 * new CatalogInvalid({ errors: [new ValidationError({ source: "egen.yaml", issues: [{ path: "decided", message: "saknas" }] })] })
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
 */
export const layer = (extra: ReadonlyArray<string> = []): Layer.Layer<CatalogSource, CatalogInvalid> =>
  Layer.effect(CatalogSource, Effect.suspend(() => Effect.fromResult(load(extra))))

/**
 * A catalog already loaded, as a layer (the web view loads it once at start).
 *
 * @example
 * CatalogSource.layerOf(Catalog.unsafeLoad())
 */
export const layerOf = (catalog: Catalog.Catalog): Layer.Layer<CatalogSource> => Layer.succeed(CatalogSource, catalog)
