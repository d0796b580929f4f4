import { closeSync, fstatSync, openSync, readSync } from "node:fs"
import * as Result from "effect/Result"
import * as FileAccess from "./FileAccess.js"
import { firstInvalidUtf8, lineAt } from "./internal/Utf8.js"
import { ValidationError } from "./ValidationError.js"

/**
 * The one way a file the user named is read: opened once, its size checked
 * with `fstat` against the limit for its kind of file before anything is
 * read, and read in chunks that stop at the limit (a pipe or a growing file
 * cannot get past it either). A file that cannot be read is refused with a
 * Swedish sentence naming it; the English errno text is kept as the issue's
 * `detail`. Inputs that are legitimately big (the episode files behind an
 * indicator cube) are not read whole at all: they are streamed.
 *
 * @example
 * import { InputFile } from "@uppdrag/core"
 * InputFile.read("befolkning.csv", "population")
 * // Result.fail: "befolkning.csv: filen är 2,0 GB, större än gränsen 8 MB för befolkningsfiler"
 * @since 0.2.0
 */
export type Kind =
  | "population"
  | "grant"
  | "distributionKey"
  | "publishedTable"
  | "catalog"
  | "meetingRecord"
  | "series"
  | "batch"
  | "logExport"
  | "conditions"
  | "decision"
  | "cube"
  | "followUp"

const MB = 1024 * 1024

/**
 * The largest file of each kind and what the message calls that kind. Each
 * limit is many times the largest real file (a population by single year of
 * age, sex and region is about 300 kB; a catalog entry a few kB), and small
 * enough that parsing it stays far below the memory a CLI run may take.
 *
 * @example
 * InputFile.limits.population.bytes // 8 388 608
 * @since 0.2.0
 */
export const limits: Readonly<Record<Kind, { readonly bytes: number; readonly what: string }>> = {
  population: { bytes: 8 * MB, what: "befolkningsfiler" },
  grant: { bytes: 1 * MB, what: "bidragsfiler" },
  distributionKey: { bytes: 4 * MB, what: "fördelningsnycklar" },
  publishedTable: { bytes: 4 * MB, what: "publicerade fördelningstabeller" },
  catalog: { bytes: 1 * MB, what: "katalogfiler" },
  meetingRecord: { bytes: 1 * MB, what: "mötesfiler" },
  series: { bytes: 1 * MB, what: "seriefiler" },
  batch: { bytes: 64 * MB, what: "händelsefiler" },
  logExport: { bytes: 128 * MB, what: "loggexporter" },
  conditions: { bytes: 1 * MB, what: "villkorsfiler" },
  decision: { bytes: 64 * MB, what: "beslutsfiler" },
  cube: { bytes: 64 * MB, what: "indikatorkuber" },
  followUp: { bytes: 4 * MB, what: "uppföljningsfiler" }
}

/**
 * A size as the messages write it: `2,0 GB`, `8 MB`, `512 byte`.
 *
 * @example
 * InputFile.formatSize(2 * 1024 ** 3) // "2,0 GB"
 * @since 0.2.0
 */
export const formatSize = (bytes: number): string => {
  const units: ReadonlyArray<[number, string]> = [
    [1024 ** 3, "GB"],
    [MB, "MB"],
    [1024, "kB"]
  ]
  for (const [size, unit] of units) {
    if (bytes >= size) {
      const value = bytes / size
      const text = Number.isInteger(value) ? String(value) : value.toFixed(1).replace(".", ",")
      return `${text} ${unit}`
    }
  }
  return `${bytes} byte`
}

const refuse = (file: string, message: string, detail?: string): Result.Result<never, ValidationError> =>
  Result.fail(new ValidationError({ source: file, issues: [{ path: "", message, ...(detail === undefined ? {} : { detail }) }] }))

const tooLarge = (file: string, kind: Kind, size: number | undefined): Result.Result<never, ValidationError> => {
  const limit = limits[kind]
  const how = size === undefined ? "filen är" : `filen är ${formatSize(size)},`
  return refuse(file, `${how} större än gränsen ${formatSize(limit.bytes)} för ${limit.what}`)
}

/**
 * The bytes of `file`, at most the limit for `kind`, or a refusal naming the
 * file: missing, a directory, not readable, too large.
 *
 * @example
 * InputFile.read("mote.yaml", "meetingRecord") // Result<Uint8Array, ValidationError>
 * @since 0.2.0
 */
export const read = (file: string, kind: Kind): Result.Result<Uint8Array, ValidationError> => {
  let fd: number
  try {
    fd = openSync(file, "r")
  } catch (error) {
    const problem = FileAccess.describe(error, "read")
    return refuse(file, problem.message, problem.detail)
  }
  try {
    const stat = fstatSync(fd)
    if (stat.isDirectory()) return refuse(file, FileAccess.describe({ code: "EISDIR" }, "read").message)
    const limit = limits[kind].bytes
    // A regular file's size is known before reading; a pipe's is not, so it is read up to the limit.
    if (stat.isFile() && stat.size > limit) return tooLarge(file, kind, stat.size)
    let buffer = Buffer.allocUnsafe(stat.isFile() ? stat.size + 1 : Math.min(64 * 1024, limit + 1))
    let length = 0
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) return tooLarge(file, kind, undefined)
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1))
        buffer.copy(grown, 0, 0, length)
        buffer = grown
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null)
      if (n === 0) break
      length += n
    }
    if (length > limit) return tooLarge(file, kind, undefined)
    return Result.succeed(buffer.subarray(0, length))
  } catch (error) {
    const problem = FileAccess.describe(error, "read")
    return refuse(file, problem.message, problem.detail)
  } finally {
    closeSync(fd)
  }
}

/**
 * Text in strict UTF-8 (a BOM is dropped), or a refusal at the line of the
 * first byte that is not: binary data (a NUL byte) and other encodings are
 * told apart in the message.
 *
 * @example
 * InputFile.decodeText(new Uint8Array([0x61, 0xe4]), "a.csv") // Result.fail: "a.csv:1: filen är inte kodad som UTF-8 …"
 * @since 0.2.0
 */
export const decodeText = (bytes: Uint8Array, file: string): Result.Result<string, ValidationError> => {
  const nul = bytes.indexOf(0)
  if (nul >= 0) return Result.fail(new ValidationError({ source: file, issues: [{ path: "", line: lineAt(bytes, nul), message: "filen innehåller binär data, inte text" }] }))
  try {
    return Result.succeed(new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, ""))
  } catch {
    return Result.fail(
      new ValidationError({ source: file, issues: [{ path: "", line: lineAt(bytes, firstInvalidUtf8(bytes)), message: 'filen är inte kodad som UTF-8 (spara den som UTF-8, t.ex. "CSV UTF-8" i Excel)' }] })
    )
  }
}

/**
 * Reads a text file of a kind: {@link read}, then {@link decodeText}.
 *
 * @example
 * InputFile.readText("kub.json", "cube") // Result<string, ValidationError>
 * @since 0.2.0
 */
export const readText = (file: string, kind: Kind): Result.Result<string, ValidationError> => Result.flatMap(read(file, kind), (bytes) => decodeText(bytes, file))
