import { type Issue, ValidationError } from "@uppdrag/core"
import * as Result from "effect/Result"
import { isMap, isSeq, LineCounter, type Node, parseDocument } from "yaml"

/**
 * A decoded YAML/JSON document with a way back from a property path to its
 * line, so that every problem can be reported as `file:line: path: message`.
 * (Same approach as the catalog reader in @uppdrag/core, which keeps its own private.)
 */
export interface SourceText {
  readonly value: unknown
  readonly lineOf: (path: ReadonlyArray<PropertyKey>) => number | undefined
}

/** Decodes strict UTF-8 (BOM allowed) and parses YAML (JSON is YAML) with unique keys. */
export const parse = (bytes: Uint8Array, source: string): Result.Result<SourceText, ValidationError> => {
  let text: string
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes)
  } catch {
    return Result.fail(new ValidationError({ source, issues: [{ path: "", message: "filen är inte kodad som UTF-8" }] }))
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), { lineCounter, uniqueKeys: true, prettyErrors: false })
  if (doc.errors.length > 0) {
    return Result.fail(
      new ValidationError({
        source,
        issues: doc.errors.map((e) => ({
          path: "",
          message: e.code === "DUPLICATE_KEY" ? "samma fält förekommer två gånger" : `ogiltig YAML/JSON: ${e.code}`,
          line: lineCounter.linePos(e.pos[0]).line
        }))
      })
    )
  }
  const lineOf = (path: ReadonlyArray<PropertyKey>): number | undefined => {
    let node: unknown = doc.contents
    let found: unknown = doc.contents
    for (const key of path) {
      if (isMap(node)) node = node.get(key as string, true)
      else if (isSeq(node)) node = node.get(key as number, true)
      else break
      if (node === undefined || node === null) break
      found = node
    }
    const range = (found as Node | null)?.range
    return range === undefined || range === null ? undefined : lineCounter.linePos(range[0]).line
  }
  return Result.succeed({ value: doc.toJS(), lineOf })
}

/** Adds the line of each issue's path, when the document has one. */
export const withLines = (text: SourceText, issues: ReadonlyArray<Issue & { readonly at?: ReadonlyArray<PropertyKey> }>): Array<Issue> =>
  issues.map(({ at, ...issue }) => {
    const line = at === undefined ? undefined : text.lineOf(at)
    return line === undefined ? issue : { ...issue, line }
  })
