import { InputFile } from "@uppdrag/core"
import * as Context from "effect/Context"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

/**
 * The files a use case reads that a user named (population, grant file,
 * distribution keys, a published table to verify or compare with): a port,
 * so reading stays at the edge. The CLI provides it over the file system; a
 * test provides files in memory. The use case parses and hashes the bytes.
 * Each read names its kind of file, which sets the size limit.
 *
 * @example
 * import { InputFiles } from "@uppdrag/application"
 * const bytes = yield* (yield* InputFiles.InputFiles).read("befolkning.csv", "population")
 * @since 0.2.0
 */
export interface Shape {
  readonly read: (file: string, kind: InputFile.Kind) => Effect.Effect<Uint8Array, InputUnreadable>
}

/**
 * The input-file service.
 *
 * @since 0.2.0
 */
export class InputFiles extends Context.Service<InputFiles, Shape>()("@uppdrag/application/InputFiles") {}

/**
 * A file that cannot be read: `reason` says why in Swedish (missing, a
 * directory, no permission, over the size limit); `detail` keeps the file
 * system's English words for `--verbose`.
 *
 * @example
 * new InputUnreadable({ file: "befolkning.csv", reason: "filen finns inte" }).message // "befolkning.csv: filen finns inte"
 * @since 0.2.0
 */
export class InputUnreadable extends Data.TaggedError("InputUnreadable")<{ readonly file: string; readonly reason: string; readonly detail?: string | undefined }> {
  override get message(): string {
    return `${this.file}: ${this.reason}`
  }
}

/**
 * Files in memory, by name (text as UTF-8).
 *
 * @example
 * program.pipe(Effect.provide(InputFiles.layerMemory({ "befolkning.csv": "region,age,population\n…" })))
 * @since 0.2.0
 */
export const layerMemory = (files: Readonly<Record<string, string | Uint8Array>>): Layer.Layer<InputFiles> =>
  Layer.succeed(InputFiles, {
    read: (file) => {
      const content = files[file]
      if (content === undefined) return Effect.fail(new InputUnreadable({ file, reason: "filen finns inte" }))
      return Effect.succeed(typeof content === "string" ? new TextEncoder().encode(content) : content)
    }
  })

/**
 * Files read from the file system by `InputFile.read` of `@uppdrag/core`:
 * each kind within its size limit, every failure a Swedish reason.
 *
 * @example
 * program.pipe(Effect.provide(InputFiles.layerFileSystem))
 * @since 0.2.0
 */
export const layerFileSystem: Layer.Layer<InputFiles> = Layer.succeed(InputFiles, {
  read: (file, kind) =>
    Effect.suspend(() => {
      const read = InputFile.read(file, kind)
      if (read._tag === "Success") return Effect.succeed(read.success)
      const issue = read.failure.issues[0]
      return Effect.fail(new InputUnreadable({ file, reason: issue?.message ?? "filen kan inte läsas", detail: issue?.detail }))
    })
})
