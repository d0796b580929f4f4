import { readFileSync } from "node:fs"
import * as Effect from "effect/Effect"
import { Refusal } from "./Failure.js"

/**
 * The bytes of an input file the user named, or a refusal naming it (exit 1).
 *
 * @example
 * const bytes = yield* readInputFile("rekvisitioner.csv")
 */
export const readInputFile = (file: string): Effect.Effect<Buffer, Refusal> =>
  Effect.try({ try: () => readFileSync(file), catch: () => new Refusal({ lines: [`${file}: filen kan inte läsas`] }) })
