import { readdirSync, readFileSync, statSync } from "node:fs"
import { basename, extname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import * as Result from "effect/Result"
import { isMap, isSeq, LineCounter, parseDocument, type Node } from "yaml"
import * as Assignment from "./Assignment.js"
import * as DiaryNumber from "./DiaryNumber.js"
import { formatPath, type Issue, ValidationError } from "./ValidationError.js"
import { fromZodIssues } from "./ZodIssues.js"

/**
 * The assignments known to the toolkit: the built-in seed catalog plus any
 * files a user adds. Every fact about a decision lives here, so the rules live
 * in one place.
 *
 * @example
 * import { Catalog } from "@uppdrag/core"
 * const catalog = Catalog.unsafeLoad()
 * Catalog.findAssignment(catalog, "S2025/01528")?.title
 */
export interface Catalog {
  readonly assignments: ReadonlyArray<Assignment.Assignment>
  /** The file each assignment came from, by assignment id. */
  readonly sources: ReadonlyMap<string, string>
}

/** Folder of the built-in catalog, shipped with the package. */
export const builtinDirectory = (): string => fileURLToPath(new URL("../catalog/", import.meta.url))

const isCatalogFile = (file: string): boolean => [".yaml", ".yml", ".json"].includes(extname(file).toLowerCase())

/** Catalog files under a path: the file itself, or the catalog files of a folder (sorted). */
export const filesAt = (path: string): Result.Result<Array<string>, ValidationError> => {
  let stats: ReturnType<typeof statSync>
  try {
    stats = statSync(path)
  } catch {
    return Result.fail(new ValidationError({ source: path, issues: [{ path: "", message: "filen eller mappen finns inte" }] }))
  }
  if (!stats.isDirectory()) return Result.succeed([path])
  return Result.succeed(
    readdirSync(path)
      .filter(isCatalogFile)
      .sort()
      .map((name) => join(path, name))
  )
}

const lineOf = (root: Node | null, lineCounter: LineCounter, path: ReadonlyArray<PropertyKey>): number | undefined => {
  let node: unknown = root
  let found: unknown = root
  for (const key of path) {
    if (isMap(node)) node = node.get(key as string, true)
    else if (isSeq(node)) node = node.get(key as number, true)
    else break
    if (node === undefined) break
    found = node
  }
  const range = (found as { range?: [number, number, number] } | null)?.range
  return range === undefined ? undefined : lineCounter.linePos(range[0]).line
}

/**
 * Reads and validates one catalog file (YAML or JSON, one assignment each).
 * All problems are reported, each with its path and line.
 *
 * @example
 * Catalog.parseFile("mina-uppdrag/uppdrag.yaml")
 */
export const parseFile = (file: string): Result.Result<Assignment.Assignment, ValidationError> =>
  Result.map(readLocated(file), (located) => located.assignment)

/** An assignment with a way to find the line of any path in its file. */
interface Located {
  readonly assignment: Assignment.Assignment
  readonly lineOf: (path: ReadonlyArray<PropertyKey>) => number | undefined
}

const readLocated = (file: string): Result.Result<Located, ValidationError> => {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch {
    return Result.fail(new ValidationError({ source: file, issues: [{ path: "", message: "filen kan inte läsas" }] }))
  }
  return parseLocated(bytes, file)
}

/**
 * The text of UTF-8 bytes, or the 1-based line of the first byte sequence
 * that is not UTF-8. A newline byte never occurs inside a multi-byte UTF-8
 * sequence, so decoding line by line finds the line exactly.
 */
const decodeUtf8 = (bytes: Uint8Array): string | number => {
  const decoder = new TextDecoder("utf-8", { fatal: true })
  try {
    return decoder.decode(bytes)
  } catch {
    let start = 0
    let line = 1
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          decoder.decode(bytes.subarray(start, i))
        } catch {
          return line
        }
        start = i + 1
        line++
      }
    }
    return line
  }
}

// The yaml package's error codes, in Swedish.
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

/** Validates catalog text (UTF-8 YAML or JSON) named `source` in messages. */
export const parseText = (bytes: Uint8Array, source: string): Result.Result<Assignment.Assignment, ValidationError> =>
  Result.map(parseLocated(bytes, source), (located) => located.assignment)

const parseLocated = (bytes: Uint8Array, source: string): Result.Result<Located, ValidationError> => {
  const text = decodeUtf8(bytes)
  if (typeof text === "number") {
    return Result.fail(new ValidationError({ source, issues: [{ path: "", message: "filen är inte kodad som UTF-8", line: text }] }))
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), { lineCounter, uniqueKeys: true, prettyErrors: false })
  if (doc.errors.length > 0) {
    return Result.fail(
      new ValidationError({
        source,
        issues: doc.errors.map((e) => {
          const { line, col } = lineCounter.linePos(e.pos[0])
          return { path: "", message: `ogiltig YAML: ${yamlErrors[e.code] ?? e.code} (kolumn ${col})`, line }
        })
      })
    )
  }
  const locate = (path: ReadonlyArray<PropertyKey>): number | undefined => lineOf(doc.contents, lineCounter, path)
  // reportInput: the messages quote the wrong value ("förväntade ett tal, fick \"2026\"").
  const parsed = Assignment.Assignment.safeParse(doc.toJS(), { reportInput: true })
  if (!parsed.success) {
    // One zod issue may become several (one per unknown key), each located by its own path.
    const located = parsed.error.issues.flatMap((zodIssue) => {
      const keys = zodIssue.code === "unrecognized_keys" ? zodIssue.keys : [undefined]
      return fromZodIssues([zodIssue]).map((issue, i): Issue => {
        const key = keys[i]
        const line = locate(key === undefined ? zodIssue.path : [...zodIssue.path, key])
        return line === undefined ? issue : { ...issue, line }
      })
    })
    // In file order, as a reader goes through the file.
    const issues = located
      .map((issue, order) => ({ issue, order }))
      .sort((a, b) => (a.issue.line ?? Number.MAX_SAFE_INTEGER) - (b.issue.line ?? Number.MAX_SAFE_INTEGER) || a.order - b.order)
      .map(({ issue }) => issue)
    return Result.fail(new ValidationError({ source, issues }))
  }
  return Result.succeed({ assignment: parsed.data, lineOf: locate })
}

const at = (located: Located, path: ReadonlyArray<PropertyKey>, message: string): Issue => {
  const line = located.lineOf(path)
  const issue = { path: formatPath(path), message }
  return line === undefined ? issue : { ...issue, line }
}

/**
 * Loads the built-in catalog and any extra files or folders. Fails with one
 * error per bad file; an assignment id, diary number or grant id defined
 * twice is an error.
 *
 * @example
 * Catalog.load({ extra: ["./egna-uppdrag"] })
 */
export const load = (options: { extra?: ReadonlyArray<string>; builtin?: boolean } = {}): Result.Result<Catalog, ReadonlyArray<ValidationError>> => {
  const files: Array<string> = []
  const errors: Array<ValidationError> = []
  for (const path of [...(options.builtin === false ? [] : [builtinDirectory()]), ...(options.extra ?? [])]) {
    const found = filesAt(path)
    if (Result.isFailure(found)) errors.push(found.failure)
    else files.push(...found.success)
  }
  const assignments: Array<Assignment.Assignment> = []
  const sources = new Map<string, string>()
  const byDiary = new Map<string, string>()
  const grantIds = new Map<string, string>()
  // A file named twice (`--catalog` pointing into the built-in folder) is read once.
  const seen = new Set<string>()
  for (const file of files) {
    if (seen.has(resolve(file))) continue
    seen.add(resolve(file))
    const result = readLocated(file)
    if (Result.isFailure(result)) {
      errors.push(result.failure)
      continue
    }
    const located = result.success
    const assignment = located.assignment
    const clashes: Array<Issue> = []
    if (sources.has(assignment.id)) clashes.push(at(located, ["id"], `uppdraget ${assignment.id} finns redan i ${sources.get(assignment.id)}`))
    assignment.diaryNumbers.forEach((text, i) => {
      const key = DiaryNumber.key(DiaryNumber.unsafeParse(text))
      const other = byDiary.get(key)
      // The same case may be cited in part by several decisions.
      if (other !== undefined && !DiaryNumber.unsafeParse(text).partial) clashes.push(at(located, ["diaryNumbers", i], `${key} tillhör redan ${other}`))
    })
    assignment.grants.forEach((grant, i) => {
      const other = grantIds.get(grant.id)
      if (other !== undefined) clashes.push(at(located, ["grants", i, "id"], `statsbidraget ${grant.id} finns redan i ${other}`))
    })
    if (clashes.length > 0) {
      errors.push(new ValidationError({ source: file, issues: clashes }))
      continue
    }
    for (const text of assignment.diaryNumbers) {
      const d = DiaryNumber.unsafeParse(text)
      if (!d.partial) byDiary.set(DiaryNumber.key(d), assignment.id)
    }
    for (const grant of assignment.grants) grantIds.set(grant.id, assignment.id)
    assignments.push(assignment)
    sources.set(assignment.id, file)
  }
  if (errors.length > 0) return Result.fail(errors)
  assignments.sort((a, b) => (a.decided < b.decided ? -1 : a.decided > b.decided ? 1 : a.id.localeCompare(b.id)))
  return Result.succeed({ assignments, sources })
}

/** Loads a catalog known to be valid (the built-in one); throws otherwise. */
export const unsafeLoad = (options?: { extra?: ReadonlyArray<string> }): Catalog =>
  Result.getOrThrowWith(load(options), (errors) => new Error(errors.map((e) => e.message).join("\n")))

/**
 * Finds an assignment by id or by any of its diary numbers.
 *
 * @example
 * Catalog.findAssignment(catalog, "S2024/01004")?.id // "tvangsvard-2024"
 */
export const findAssignment = (catalog: Catalog, reference: string): Assignment.Assignment | undefined =>
  catalog.assignments.find((a) => a.id === reference) ?? catalog.assignments.find((a) => Assignment.matches(a, reference))

/**
 * Finds a grant by id, with the assignment it belongs to.
 *
 * @example
 * Catalog.findGrant(catalog, "specialiserad-psykiatri-2026")?.grant.amount // 1490000000
 */
export const findGrant = (catalog: Catalog, id: string): { assignment: Assignment.Assignment; grant: Assignment.Grant } | undefined => {
  for (const assignment of catalog.assignments) {
    const grant = assignment.grants.find((g) => g.id === id)
    if (grant !== undefined) return { assignment, grant }
  }
  return undefined
}

/** Every grant in the catalog with its assignment. */
export const grants = (catalog: Catalog): Array<{ assignment: Assignment.Assignment; grant: Assignment.Grant }> =>
  catalog.assignments.flatMap((assignment) => assignment.grants.map((grant) => ({ assignment, grant })))

/** The file name without folder, for messages. */
export const displayName = (file: string): string => basename(file)
