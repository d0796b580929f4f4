import { type Issue, SourceDocument, type ValidationError } from "@uppdrag/core"
import type * as Result from "effect/Result"

/**
 * A decoded YAML/JSON document with a way back from a property path to its
 * line: core's `SourceDocument`, under the name this package's readers use.
 */
export type SourceText = SourceDocument.SourceDocument

/** Decodes strict UTF-8 (BOM allowed) and parses YAML (JSON is YAML) with unique keys. */
export const parse = (bytes: Uint8Array, source: string): Result.Result<SourceText, ValidationError> => SourceDocument.parse(bytes, source)

/** Adds the line of each issue's path, when the document has one. */
export const withLines = (text: SourceText, issues: ReadonlyArray<Issue & { readonly at?: ReadonlyArray<PropertyKey> }>): Array<Issue> =>
  issues.map(({ at, ...issue }) => {
    const line = at === undefined ? undefined : text.lineOf(at)
    return line === undefined ? issue : { ...issue, line }
  })
