import { fromZodIssues, type Issue, Json } from "@uppdrag/core"
import * as Result from "effect/Result"
import * as z from "zod"
import * as Event from "./Event.js"

/**
 * The value of `format` in an export file.
 *
 * @since 0.2.0
 */
export const format = "uppdrag-händelselogg"

/**
 * A whole database as JSON: the schema version it was written at and every
 * event in log order. State (ledgers, submitted reports, meetings) is derived
 * from the events, so this is everything; importing it into an empty database
 * of either kind reproduces the same state.
 *
 * @example
 * const doc: LogExport.Document = { format: "uppdrag-händelselogg", schemaVersion: 2, events: [] }
 * @since 0.2.0
 */
export const DocumentSchema: z.ZodType<Document, unknown> = z
  .strictObject({
    format: z.literal(format),
    schemaVersion: z.number().int().positive(),
    events: z.array(Event.StoredEventSchema)
  })
  .superRefine((doc, ctx) => {
    doc.events.forEach((event, i) => {
      if (event.seq !== i + 1) ctx.addIssue({ code: "custom", path: ["events", i, "seq"], message: `förväntade löpnummer ${i + 1}, fick ${event.seq}` })
    })
  })
/**
 * An export file, as {@link DocumentSchema} accepts it.
 *
 * @since 0.2.0
 */
export interface Document {
  readonly format: typeof format
  readonly schemaVersion: number
  readonly events: ReadonlyArray<Event.StoredEvent>
}

/**
 * Parses the text of an export file (UTF-8 JSON), with Swedish issues that
 * name the path of each problem (`events[3].amount`).
 *
 * @example
 * LogExport.parse(readFileSync("export.json"), "export.json")
 * @since 0.2.0
 */
export const parse = (bytes: Uint8Array, source: string): Result.Result<Document, { source: string; issues: ReadonlyArray<Issue> }> => {
  let text: string
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes)
  } catch {
    return Result.fail({ source, issues: [{ path: "", message: "filen är inte kodad som UTF-8" }] })
  }
  const value = Json.parse(text.replace(/^\uFEFF/, ""), source)
  if (Result.isFailure(value)) return Result.fail(value.failure)
  const parsed = DocumentSchema.safeParse(value.success, { reportInput: true })
  return parsed.success ? Result.succeed(parsed.data) : Result.fail({ source, issues: fromZodIssues(parsed.error.issues) })
}

/**
 * The export as text: one event per line inside the array, so files diff well.
 *
 * @example
 * LogExport.stringify({ format: "uppdrag-händelselogg", schemaVersion: 2, events: [] })
 * @since 0.2.0
 */
export const stringify = (doc: Document): string => {
  const events = doc.events.map((event) => `    ${JSON.stringify(event)}`).join(",\n")
  return `{\n  "format": ${JSON.stringify(doc.format)},\n  "schemaVersion": ${doc.schemaVersion},\n  "events": [${events === "" ? "" : `\n${events}\n  `}]\n}\n`
}
