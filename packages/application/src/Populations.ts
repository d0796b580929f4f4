import { PublishedPopulation } from "@uppdrag/allocation"
import type { Assignment, Population, ValidationError } from "@uppdrag/core"
import * as Context from "effect/Context"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"

/**
 * The population figures in force for a grant: by default those the
 * allocation package ships for the grant's population reference (SCB,
 * September 2025, for the 2026 grant); with `--population FILE` the file's
 * figures for every grant. Every use case that allocates (the allocation
 * table, the ledger's `allocated` column, the requisition ceiling) asks this
 * one service, so they cannot disagree.
 *
 * @example
 * const population = (yield* Populations.Populations).forGrant(grant)
 * @since 0.2.0
 */
export interface Shape {
  readonly forGrant: (grant: Assignment.Grant) => Result.Result<Population.Population, ValidationError>
  /** Whether the figures are the published ones or a file the user gave. */
  readonly source: { readonly _tag: "Published" } | { readonly _tag: "File"; readonly file: string }
}

/**
 * The population service.
 *
 * @since 0.2.0
 */
export class Populations extends Context.Service<Populations, Shape>()("@uppdrag/application/Populations") {}

/**
 * The published figures of each grant's population reference.
 *
 * @example
 * program.pipe(Effect.provide(Populations.layerPublished))
 * @since 0.2.0
 */
export const layerPublished: Layer.Layer<Populations> = Layer.succeed(Populations, {
  forGrant: (grant) => PublishedPopulation.forGrant(grant),
  source: { _tag: "Published" }
})

/**
 * One population file's figures for every grant (`--population FILE`).
 *
 * @example
 * Populations.layerOf(population, "befolkning.csv")
 * @since 0.2.0
 */
export const layerOf = (population: Population.Population, file: string): Layer.Layer<Populations> =>
  Layer.succeed(Populations, { forGrant: () => Result.succeed(population), source: { _tag: "File", file } })
