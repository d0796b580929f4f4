import { InputFile, type ValidationError } from "@uppdrag/core"
import * as Effect from "effect/Effect"

/**
 * The bytes of an input file the user named, read by `InputFile.read` of
 * `@uppdrag/core` within the size limit of its kind, or a refusal naming the
 * file and the cause in Swedish (exit 1).
 *
 * @example
 * const bytes = yield* readInputFile("rekvisitioner.csv", "batch")
 */
export const readInputFile = (file: string, kind: InputFile.Kind): Effect.Effect<Uint8Array, ValidationError> =>
  Effect.suspend(() => Effect.fromResult(InputFile.read(file, kind)))
