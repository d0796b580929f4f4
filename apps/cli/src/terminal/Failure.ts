import { formatIssues, type Issue } from "@uppdrag/core"
import * as Data from "effect/Data"

/** Exit codes of every command. */
export const ExitCode = { ok: 0, refused: 1, usage: 2, unexpected: 70 } as const

/**
 * A usage mistake the CLI finds itself (options that do not go together, a
 * value out of range): printed as is, exit code 2. Commander's own usage
 * errors (unknown option, missing argument) also exit 2.
 *
 * @example
 * Effect.fail(new Usage({ lines: ["--per-month kan visas som table, json eller csv, inte ics"] }))
 */
export class Usage extends Data.TaggedError("Usage")<{ readonly lines: ReadonlyArray<string> }> {
  override get message(): string {
    return this.lines.join("\n")
  }
}

/**
 * A refusal the CLI itself makes about its input (a file it cannot read or
 * write, an option naming nothing known): printed as is, exit code 1.
 *
 * @example
 * Effect.fail(new Refusal({ lines: ["x.csv: filen kan inte läsas"] }))
 */
export class Refusal extends Data.TaggedError("Refusal")<{
  readonly lines: ReadonlyArray<string>
  /** The library's own words (an errno), in English: for `--verbose` only. */
  readonly detail?: string | undefined
}> {
  override get message(): string {
    return this.lines.join("\n")
  }
}

/**
 * A failure of a command that writes, after which nothing was written: the
 * failure's lines, then `note` ("Inget sparades."). At most `limit` lines of
 * the failure are shown.
 *
 * @example
 * program.pipe(Effect.mapError((error) => new NothingSaved({ error, note: "Inget sparades." })))
 */
export class NothingSaved extends Data.TaggedError("NothingSaved")<{ readonly error: unknown; readonly note: string; readonly limit?: number | undefined }> {}

/**
 * A failure of a command after something was saved (a meeting stored, its
 * calendar file not written): the failure's lines, then `note`, which says
 * what was saved and what to do about what failed. Never "Inget sparades.".
 *
 * @example
 * writeOutput(ics, file).pipe(Effect.mapError((error) => new SavedButFailed({ error, note: "Mötet sparades som händelse 7, men kalenderfilen skrevs inte." })))
 */
export class SavedButFailed extends Data.TaggedError("SavedButFailed")<{ readonly error: unknown; readonly note: string }> {}

/**
 * A row of an input file (or the command line) that a rule refused
 * (`Recording.Refused`): `file:line: avvisad: …`, or `Avvisad: …` without a file.
 *
 * @example
 * new RowRefused({ file: "rekvisitioner.csv", line: 3, message: "rekvisitionen … överstiger …" })
 */
export class RowRefused extends Data.TaggedError("RowRefused")<{ readonly file: string | undefined; readonly line: number | undefined; readonly message: string }> {}

/**
 * Input that did not validate, as a tagged error with every issue: what a
 * `{ source, issues }` failure of a parser becomes in the error channel.
 */
export interface Invalid {
  readonly source: string
  readonly issues: ReadonlyArray<Issue>
}

const optionIn = (text: string): string | undefined => /^--[a-z][a-z-]*/.exec(text)?.[0]

// A malformed value of an option of fixed form (a date, a number …), or a missing option, makes the call a usage
// error whatever else is wrong; a name that names nothing known ("--grant: okänt statsbidrag") is a refusal.
const malformedOptions = (source: string, issues: ReadonlyArray<Issue>, formOptions: ReadonlySet<string>): boolean =>
  issues.some((issue) => {
    const option = optionIn(source) ?? optionIn(issue.path)
    return option !== undefined && (formOptions.has(option) || issue.message === "saknas")
  })

const tagOf = (error: unknown): string | undefined =>
  typeof error === "object" && error !== null && typeof (error as { _tag?: unknown })._tag === "string" ? (error as { _tag: string })._tag : undefined

/**
 * The lines a failure prints on standard error, in Swedish, and the exit
 * code: 2 for usage errors (also a malformed value of one of the command's
 * `formOptions`, see `Options.valueKind`), 1 for every refusal, 70 (and no
 * lines) for what is not an expected failure (a bug).
 *
 * @example
 * describe(new Usage({ lines: ["fel: --years: …"] })) // { lines: ["fel: --years: …"], exitCode: 2 }
 */
export const describe = (error: unknown, formOptions: ReadonlySet<string> = new Set()): { readonly lines: ReadonlyArray<string>; readonly exitCode: number } => {
  const refused = (lines: ReadonlyArray<string>) => ({ lines, exitCode: ExitCode.refused })
  const e = error as Record<string, unknown>
  switch (tagOf(error)) {
    case "Usage":
      return { lines: (error as Usage).lines, exitCode: ExitCode.usage }
    case "Refusal":
      return refused((error as Refusal).lines)
    case "ValidationError": {
      const lines = formatIssues(String(e.source), e.issues as ReadonlyArray<Issue>)
      return { lines, exitCode: malformedOptions(String(e.source), e.issues as ReadonlyArray<Issue>, formOptions) ? ExitCode.usage : ExitCode.refused }
    }
    case "CatalogInvalid":
      return refused((e.errors as ReadonlyArray<Invalid>).flatMap((v) => formatIssues(v.source, v.issues)))
    case "Refused":
      return refused([`Avvisad: ${String(e.message)}`])
    case "RowRefused": {
      const row = error as RowRefused
      return refused([`${row.file === undefined ? "Avvisad" : `${row.file}:${row.line ?? "?"}: avvisad`}: ${row.message}`])
    }
    case "SavedButFailed": {
      const wrapped = error as SavedButFailed
      const inner = describe(wrapped.error, formOptions)
      return inner.exitCode === ExitCode.unexpected ? inner : { lines: [...inner.lines, wrapped.note], exitCode: inner.exitCode }
    }
    case "NothingSaved": {
      const wrapped = error as NothingSaved
      const inner = describe(wrapped.error, formOptions)
      if (inner.exitCode === ExitCode.unexpected) return inner
      const limit = wrapped.limit ?? Number.POSITIVE_INFINITY
      const lines = inner.lines.length > limit ? [...inner.lines.slice(0, limit), `… och ${inner.lines.length - limit} fel till`] : inner.lines
      return { lines: [...lines, wrapped.note], exitCode: inner.exitCode }
    }
    case undefined:
      break
    default:
      // Every other tagged failure (EventLogError, UnknownGrant, UnknownReference, UnreadableRecord,
      // RecordNotStorable, LogNotEmpty, the deadlines' collect errors …) carries its Swedish message.
      if (typeof e.message === "string" && e.message !== "") return refused(e.message.split("\n"))
  }
  // Not an expected failure: `Settle` writes it to a log file and prints one line (`Unexpected.report`).
  return { lines: [], exitCode: ExitCode.unexpected }
}

/**
 * The English words of the driver or library under a failure (a database
 * failure's `reason.detail`, also inside `NothingSaved`/`SavedButFailed`),
 * printed only with `--verbose`.
 *
 * @example
 * detailOf(new EventLogError({ location: "x.db", reason: { _tag: "Database", cause: "disken är full …", detail: "database or disk is full (SQLITE_FULL)" } }))
 * // "database or disk is full (SQLITE_FULL)"
 */
export const detailOf = (error: unknown): string | undefined => {
  if (typeof error !== "object" || error === null) return undefined
  const e = error as { detail?: unknown; reason?: { detail?: unknown }; error?: unknown; issues?: unknown }
  if (typeof e.detail === "string") return e.detail
  if (typeof e.reason === "object" && e.reason !== null && typeof e.reason.detail === "string") return e.reason.detail
  // A file that could not be read or parsed: its issues keep the errno or the parser's words (InputFile, Json, CsvSyntax).
  if (Array.isArray(e.issues)) {
    const details = (e.issues as ReadonlyArray<{ detail?: unknown }>).flatMap((issue) => (typeof issue.detail === "string" ? [issue.detail] : []))
    if (details.length > 0) return details.join("\n")
  }
  return "error" in e ? detailOf(e.error) : undefined
}
