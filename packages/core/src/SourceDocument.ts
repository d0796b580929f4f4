import { createRequire } from "node:module"
import * as Result from "effect/Result"
import type { Node } from "yaml"
import type * as z from "zod"
import { firstInvalidUtf8, lineAt } from "./internal/Utf8.js"
import { type Issue, ValidationError } from "./ValidationError.js"
import { fromZodIssues } from "./ZodIssues.js"

/**
 * A YAML or JSON file (JSON is YAML) decoded as strict UTF-8, with a way back
 * from a property path to its line, so every problem in a user's file can be
 * reported as `file:line: path: message`. The catalog, grant files and
 * meeting records are all read through it.
 *
 * @example
 * import { SourceDocument } from "@uppdrag/core"
 * const doc = SourceDocument.parse(bytes, "möte.yaml")
 * @since 0.2.0
 */
export interface SourceDocument {
  readonly source: string
  readonly value: unknown
  readonly lineOf: (path: ReadonlyArray<PropertyKey>) => number | undefined
}

/**
 * The `yaml` package, loaded on the first parse rather than with the
 * package: the built-in catalog is read as data, so only a command given a
 * user's file pays for the parser. `require` gives yaml's Node build (it is
 * CommonJS) to the ESM and the CJS build of this package alike.
 */
let yamlModule: typeof import("yaml") | undefined
const yaml = (): typeof import("yaml") => (yamlModule ??= createRequire(import.meta.url)("yaml") as typeof import("yaml"))

const yamlErrors: Record<string, string> = {
  DUPLICATE_KEY: "nyckeln förekommer två gånger",
  BAD_INDENT: "fel indrag",
  TAB_AS_INDENT: "tabb används som indrag",
  MISSING_CHAR: "ett tecken saknas (t.ex. en avslutande klammer eller ett citattecken)",
  MULTILINE_IMPLICIT_KEY: "en nyckel får inte sträcka sig över flera rader",
  BLOCK_AS_IMPLICIT_KEY: "en nyckel får inte vara ett block",
  UNEXPECTED_TOKEN: "oväntat tecken",
  BAD_SCALAR_START: "ett värde får inte börja med detta tecken",
  MULTIPLE_DOCS: "filen får bara innehålla ett dokument",
  MISSING_ANCHOR: "ankaret finns inte"
}

/** The text, or the 1-based line of the first byte sequence that is not UTF-8. */
const decodeUtf8 = (bytes: Uint8Array): string | number => {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes)
  } catch {
    return lineAt(bytes, firstInvalidUtf8(bytes))
  }
}

/**
 * Decodes strict UTF-8 (a BOM is allowed) and parses YAML with unique keys.
 *
 * @example
 * SourceDocument.parse(new TextEncoder().encode("id: a\n"), "a.yaml")
 * @since 0.2.0
 */
export const parse = (bytes: Uint8Array, source: string): Result.Result<SourceDocument, ValidationError> => {
  const text = decodeUtf8(bytes)
  if (typeof text === "number") {
    return Result.fail(new ValidationError({ source, issues: [{ path: "", message: "filen är inte kodad som UTF-8", line: text }] }))
  }
  if (text.replace(/^\uFEFF/, "").trim() === "") return Result.fail(new ValidationError({ source, issues: [{ path: "", message: "filen är tom" }] }))
  const { isAlias, isMap, isSeq, LineCounter, parseDocument, visit } = yaml()
  const lineCounter = new LineCounter()
  let doc: ReturnType<typeof parseDocument>
  try {
    doc = parseDocument(text.replace(/^\uFEFF/, ""), { lineCounter, uniqueKeys: true, prettyErrors: false })
  } catch (error) {
    // A nesting deep enough to exhaust the parser's stack.
    return Result.fail(new ValidationError({ source, issues: [{ path: "", message: "ogiltig YAML: filen är för djupt nästlad", detail: String(error) }] }))
  }
  if (doc.errors.length > 0) {
    return Result.fail(
      new ValidationError({
        source,
        issues: doc.errors.map((e) => {
          const { line, col } = lineCounter.linePos(e.pos[0])
          return { path: "", message: `ogiltig YAML: ${yamlErrors[e.code] ?? e.code} (kolumn ${col})`, line, detail: e.message }
        })
      })
    )
  }
  // Aliases are refused by construction: no file of the project needs one, and
  // expanding them is how a small file becomes a huge value (an alias bomb).
  const aliases: Array<Issue> = []
  visit(doc, {
    Alias: (_, node) => {
      if (!isAlias(node)) return
      const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0)
      const defined = node.resolve(doc) !== undefined
      const what = defined ? `alias *${node.source} är inte tillåtet; skriv ut värdet i stället` : `alias *${node.source} pekar på ett ankare som inte finns`
      aliases.push({ path: "", message: `ogiltig YAML: ${what} (kolumn ${col})`, line })
    }
  })
  if (aliases.length > 0) return Result.fail(new ValidationError({ source, issues: aliases.slice(0, 10) }))
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
  return Result.succeed({ source, value: doc.toJS({ maxAliasCount: 0 }), lineOf })
}

/**
 * Validates a document against a zod schema; the issues come in file order,
 * each with its line (one per unknown key).
 *
 * @example
 * SourceDocument.validate(doc, Assignment.AssignmentSchema)
 * @since 0.2.0
 */
export const validate = <S extends z.ZodType>(doc: SourceDocument, schema: S): Result.Result<z.output<S>, ValidationError> => {
  // reportInput: the messages quote the wrong value ("förväntade ett tal, fick \"2026\"").
  const parsed = schema.safeParse(doc.value, { reportInput: true })
  if (parsed.success) return Result.succeed(parsed.data)
  const located = parsed.error.issues.flatMap((zodIssue) => {
    const keys = zodIssue.code === "unrecognized_keys" ? zodIssue.keys : [undefined]
    return fromZodIssues([zodIssue]).map((issue, i): Issue => {
      const key = keys[i]
      const line = doc.lineOf(key === undefined ? zodIssue.path : [...zodIssue.path, key])
      return line === undefined ? issue : { ...issue, line }
    })
  })
  const issues = located
    .map((issue, order) => ({ issue, order }))
    .sort((a, b) => (a.issue.line ?? Number.MAX_SAFE_INTEGER) - (b.issue.line ?? Number.MAX_SAFE_INTEGER) || a.order - b.order)
    .map(({ issue }) => issue)
  return Result.fail(new ValidationError({ source: doc.source, issues }))
}

/**
 * Parses and validates in one step.
 *
 * @example
 * SourceDocument.decode(bytes, "bidrag.yaml", GrantFileSchema)
 * @since 0.2.0
 */
export const decode = <S extends z.ZodType>(bytes: Uint8Array, source: string, schema: S): Result.Result<z.output<S>, ValidationError> =>
  Result.flatMap(parse(bytes, source), (doc) => validate(doc, schema))
