import * as Context from "effect/Context"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

/**
 * The files a use case reads that a user named (population, grant file,
 * distribution keys, a published table to verify or compare with): a port,
 * so reading stays at the edge. The CLI provides it over the file system; a
 * test provides files in memory. The use case parses and hashes the bytes.
 *
 * @example
 * import { InputFiles } from "@uppdrag/application"
 * const bytes = yield* (yield* InputFiles.InputFiles).read("befolkning.csv")
 */
export interface Shape {
  readonly read: (file: string) => Effect.Effect<Uint8Array, InputUnreadable>
}

/** The input-file service. */
export class InputFiles extends Context.Service<InputFiles, Shape>()("@uppdrag/application/InputFiles") {}

/**
 * A file that does not exist or cannot be read.
 *
 * @example
 * new InputUnreadable({ file: "befolkning.csv" }).message // "befolkning.csv: filen finns inte eller kan inte läsas"
 */
export class InputUnreadable extends Data.TaggedError("InputUnreadable")<{ readonly file: string }> {
  override get message(): string {
    return `${this.file}: filen finns inte eller kan inte läsas`
  }
}

/**
 * Files in memory, by name (text as UTF-8).
 *
 * @example
 * program.pipe(Effect.provide(InputFiles.layerMemory({ "befolkning.csv": "region,age,population\n…" })))
 */
export const layerMemory = (files: Readonly<Record<string, string | Uint8Array>>): Layer.Layer<InputFiles> =>
  Layer.succeed(InputFiles, {
    read: (file) => {
      const content = files[file]
      if (content === undefined) return Effect.fail(new InputUnreadable({ file }))
      return Effect.succeed(typeof content === "string" ? new TextEncoder().encode(content) : content)
    }
  })

/**
 * Files read by a function the adapter gives (the CLI: `readFileSync`); a
 * throw is {@link InputUnreadable}.
 *
 * @example
 * InputFiles.layerOf((file) => readFileSync(file))
 */
export const layerOf = (read: (file: string) => Uint8Array): Layer.Layer<InputFiles> =>
  Layer.succeed(InputFiles, { read: (file) => Effect.try({ try: () => read(file), catch: () => new InputUnreadable({ file }) }) })
