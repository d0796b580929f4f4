import { fromZodIssues, InputFile, type Issue, ValidationError } from "@uppdrag/core"
import * as Result from "effect/Result"
import * as z from "zod"
import * as Agreement from "./Agreement.js"
import * as SourceText from "./internal/SourceText.js"
import * as Meeting from "./Meeting.js"

/**
 * What `uppdrag meetings record` stores: a meeting (`kind: mote`, the
 * default) or a region agreement (`kind: overenskommelse`). The store keeps
 * it as an event whose payload is this validated JSON.
 *
 * @example
 * const result = MeetingRecord.parseFile("mote-2026-11-20.yaml", context)
 * if (Result.isSuccess(result)) store.append(result.success)
 * @since 0.2.0
 */
export type MeetingRecord = Meeting.Meeting | Agreement.Agreement

/**
 * zod schema of a stored record, for reading payloads back.
 *
 * @since 0.2.0
 */
export const schema: z.ZodType<MeetingRecord, unknown> = z.union([Meeting.schema, Agreement.schema])

/**
 * The event type name a store should file these records under.
 *
 * @since 0.2.0
 */
export const eventType = (record: MeetingRecord): "meetings.mote" | "meetings.overenskommelse" =>
  record.kind === "mote" ? "meetings.mote" : "meetings.overenskommelse"

const toIssues = (text: SourceText.SourceText, error: z.ZodError): Array<Issue> =>
  error.issues.flatMap((issue) => SourceText.withLines(text, fromZodIssues([issue]).map((i) => ({ ...i, at: issue.path }))))

/**
 * Validates a meeting or agreement file (UTF-8 YAML or JSON): the shape,
 * then every name against the catalog and the series. Every problem comes
 * back with its path and line; nothing is returned half-checked.
 *
 * @example
 * MeetingRecord.parseText(bytes, "mote.yaml", { catalog, parties: Party.directory(catalog), series })
 * @since 0.2.0
 */
export const parseText = (bytes: Uint8Array, source: string, context: Meeting.Context): Result.Result<MeetingRecord, ValidationError> => {
  const parsedText = SourceText.parse(bytes, source)
  if (Result.isFailure(parsedText)) return Result.fail(parsedText.failure)
  const text = parsedText.success
  const value = text.value
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return Result.fail(new ValidationError({ source, issues: [{ path: "", message: "filen ska innehålla ett möte eller en överenskommelse (ett objekt med fält)" }] }))
  }
  const kind = (value as { kind?: unknown }).kind
  if (kind !== undefined && kind !== "mote" && kind !== "overenskommelse") {
    return Result.fail(new ValidationError({ source, issues: SourceText.withLines(text, [{ at: ["kind"], path: "kind", message: 'måste vara "mote" eller "overenskommelse"' }]) }))
  }
  if (kind === "overenskommelse") {
    const shaped = Agreement.draftSchema.safeParse(value)
    if (!shaped.success) return Result.fail(new ValidationError({ source, issues: toIssues(text, shaped.error) }))
    const resolved = Agreement.resolve(shaped.data, context.catalog)
    return Result.isFailure(resolved) ? Result.fail(new ValidationError({ source, issues: SourceText.withLines(text, resolved.failure) })) : Result.succeed(resolved.success)
  }
  const shaped = Meeting.draftSchema.safeParse(value)
  if (!shaped.success) {
    // Names are checked too, so one run reports every problem of the file.
    const names = Meeting.nameIssues(value as Record<string, unknown>, context).filter((n) => !shaped.error.issues.some((i) => i.path.join(".") === n.at.join(".")))
    return Result.fail(new ValidationError({ source, issues: [...toIssues(text, shaped.error), ...SourceText.withLines(text, names)] }))
  }
  const resolved = Meeting.resolve(shaped.data, context)
  return Result.isFailure(resolved) ? Result.fail(new ValidationError({ source, issues: SourceText.withLines(text, resolved.failure) })) : Result.succeed(resolved.success)
}

/**
 * Reads and validates one record file.
 *
 * @example
 * MeetingRecord.parseFile("mote.yaml", context)
 * @since 0.2.0
 */
export const parseFile = (file: string, context: Meeting.Context): Result.Result<MeetingRecord, ValidationError> =>
  Result.flatMap(InputFile.read(file, "meetingRecord"), (bytes) => parseText(bytes, file, context))

/**
 * Splits records in the order they were recorded into meetings and
 * agreements, a later record with the same kind and id replacing an earlier
 * one (how an agreement gets its annual follow-ups added).
 *
 * @example
 * const { meetings, agreements } = MeetingRecord.current(records)
 * @since 0.2.0
 */
export const current = (records: ReadonlyArray<MeetingRecord>): { meetings: Array<Meeting.Meeting>; agreements: Array<Agreement.Agreement> } => {
  const latest = new Map<string, MeetingRecord>()
  for (const record of records) latest.set(`${record.kind}:${record.id}`, record)
  const all = [...latest.values()]
  return {
    meetings: all.filter((r): r is Meeting.Meeting => r.kind === "mote"),
    agreements: all.filter((r): r is Agreement.Agreement => r.kind === "overenskommelse")
  }
}
