import { readdirSync, readFileSync, statSync } from "node:fs"
import { basename, extname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { Result } from "effect"
import { isMap, isSeq, LineCounter, parseDocument, type Node } from "yaml"
import * as Assignment from "./Assignment.js"
import * as DiaryNumber from "./DiaryNumber.js"
import { ValidationError, type Issue } from "./ValidationError.js"
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
export const parseFile = (file: string): Result.Result<Assignment.Assignment, ValidationError> => {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch {
    return Result.fail(new ValidationError({ source: file, issues: [{ path: "", message: "filen kan inte läsas" }] }))
  }
  return parseText(bytes, file)
}

/** Validates catalog text (UTF-8 YAML or JSON) named `source` in messages. */
export const parseText = (bytes: Uint8Array, source: string): Result.Result<Assignment.Assignment, ValidationError> => {
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
        issues: doc.errors.map((e) => ({ path: "", message: `ogiltig YAML/JSON: ${e.code}`, line: lineCounter.linePos(e.pos[0]).line }))
      })
    )
  }
  const parsed = Assignment.Assignment.safeParse(doc.toJS())
  if (!parsed.success) {
    const issues = fromZodIssues(parsed.error.issues).map((issue, i): Issue => {
      const line = lineOf(doc.contents, lineCounter, parsed.error.issues[Math.min(i, parsed.error.issues.length - 1)]?.path ?? [])
      return line === undefined ? issue : { ...issue, line }
    })
    return Result.fail(new ValidationError({ source, issues }))
  }
  return Result.succeed(parsed.data)
}

/**
 * Loads the built-in catalog and any extra files or folders. Fails with one
 * error per bad file; an assignment id or diary number defined twice is an error.
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
  for (const file of files) {
    const result = parseFile(file)
    if (Result.isFailure(result)) {
      errors.push(result.failure)
      continue
    }
    const assignment = result.success
    const clashes: Array<Issue> = []
    if (sources.has(assignment.id)) clashes.push({ path: "id", message: `uppdraget ${assignment.id} finns redan i ${sources.get(assignment.id)}` })
    assignment.diaryNumbers.forEach((text, i) => {
      const key = DiaryNumber.key(DiaryNumber.unsafeParse(text))
      const other = byDiary.get(key)
      // The same case may be cited in part by several decisions.
      if (other !== undefined && !DiaryNumber.unsafeParse(text).partial) clashes.push({ path: `diaryNumbers[${i}]`, message: `${key} tillhör redan ${other}` })
    })
    if (clashes.length > 0) {
      errors.push(new ValidationError({ source: file, issues: clashes }))
      continue
    }
    for (const text of assignment.diaryNumbers) {
      const d = DiaryNumber.unsafeParse(text)
      if (!d.partial) byDiary.set(DiaryNumber.key(d), assignment.id)
    }
    assignments.push(assignment)
    sources.set(assignment.id, file)
  }
  const grantIds = new Map<string, string>()
  for (const assignment of assignments) {
    for (const grant of assignment.grants) {
      const other = grantIds.get(grant.id)
      if (other !== undefined) {
        errors.push(new ValidationError({ source: sources.get(assignment.id) ?? assignment.id, issues: [{ path: "grants.id", message: `statsbidraget ${grant.id} finns redan i ${other}` }] }))
      }
      grantIds.set(grant.id, assignment.id)
    }
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
