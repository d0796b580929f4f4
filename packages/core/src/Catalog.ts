import { readdirSync, statSync } from "node:fs"
import { basename, extname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import * as Result from "effect/Result"
import * as Assignment from "./Assignment.js"
import { swedish } from "./Collation.js"
import * as DiaryNumber from "./DiaryNumber.js"
import * as FileAccess from "./FileAccess.js"
import * as InputFile from "./InputFile.js"
import * as BuiltinCatalog from "./internal/BuiltinCatalog.js"
import * as Placeholder from "./Placeholder.js"
import * as SourceDocument from "./SourceDocument.js"
import { formatPath, type Issue, ValidationError } from "./ValidationError.js"

/**
 * The assignments known to the toolkit: the built-in seed catalog plus any
 * files a user adds. Every fact about a decision lives here, so the rules live
 * in one place.
 *
 * @example
 * import { Catalog } from "@uppdrag/core"
 * const catalog = Catalog.unsafeLoad()
 * Catalog.findAssignment(catalog, "S2025/01528")?.title
 * @since 0.2.0
 */
export interface Catalog {
  readonly assignments: ReadonlyArray<Assignment.Assignment>
  /** The file each assignment came from, by assignment id. */
  readonly sources: ReadonlyMap<string, string>
}

/**
 * Folder of the built-in catalog, shipped with the package.
 *
 * @since 0.2.0
 */
export const builtinDirectory = (): string => fileURLToPath(new URL("../catalog/", import.meta.url))

/**
 * The built-in catalog validated at build time, as data (`dist/catalog.json`).
 * Resolved from this module like {@link builtinDirectory}: `src/` and `dist/`
 * sit side by side, so the path is the same from the source and the bundle.
 */
const builtinData = (): URL => new URL("../dist/catalog.json", import.meta.url)

const isCatalogFile = (file: string): boolean => [".yaml", ".yml", ".json"].includes(extname(file).toLowerCase())

/**
 * Catalog files under a path: the file itself, or the catalog files of a folder (sorted).
 *
 * @since 0.2.0
 */
export const filesAt = (path: string): Result.Result<Array<string>, ValidationError> => {
  const refuse = (error: unknown) => {
    const problem = FileAccess.describe(error, "path")
    return Result.fail(new ValidationError({ source: path, issues: [{ path: "", message: problem.message, detail: problem.detail }] }))
  }
  let names: Array<string>
  try {
    if (!statSync(path).isDirectory()) return Result.succeed([path])
    names = readdirSync(path)
  } catch (error) {
    return refuse(error)
  }
  const files = names.filter(isCatalogFile).sort()
  // A folder without catalog files is most likely the wrong folder: saying "0 beslut" would hide that.
  if (files.length === 0) return Result.fail(new ValidationError({ source: path, issues: [{ path: "", message: "mappen innehåller inga katalogfiler (.yaml, .yml eller .json)" }] }))
  return Result.succeed(files.map((name) => join(path, name)))
}


/**
 * Reads and validates one catalog file (YAML or JSON, one assignment each).
 * All problems are reported, each with its path and line.
 *
 * @example
 * Catalog.parseFile("mina-uppdrag/uppdrag.yaml")
 * @since 0.2.0
 */
export const parseFile = (file: string): Result.Result<Assignment.Assignment, ValidationError> =>
  Result.map(readLocated(file), (located) => located.assignment)

/** An assignment with a way to find the line of any path in its file. */
interface Located {
  readonly assignment: Assignment.Assignment
  readonly lineOf: (path: ReadonlyArray<PropertyKey>) => number | undefined
}

const readLocated = (file: string): Result.Result<Located, ValidationError> =>
  Result.flatMap(InputFile.read(file, "catalog"), (bytes) => parseLocated(bytes, file))


// The yaml package's error codes, in Swedish.

/**
 * Validates catalog text (UTF-8 YAML or JSON) named `source` in messages.
 *
 * @since 0.2.0
 */
export const parseText = (bytes: Uint8Array, source: string): Result.Result<Assignment.Assignment, ValidationError> =>
  Result.map(parseLocated(bytes, source), (located) => located.assignment)

const parseLocated = (bytes: Uint8Array, source: string): Result.Result<Located, ValidationError> =>
  Result.flatMap(SourceDocument.parse(bytes, source), (doc) => {
    const validated = SourceDocument.validate(doc, Assignment.AssignmentSchema)
    // A drafted entry's `FYLL I` marks: one clear issue each, in place of the schema's
    // complaint about the same value ("är inte ett datum"), and refused even where any text would do.
    const marks = Placeholder.find(doc.value).map(({ path, what }): Issue => {
      const line = doc.lineOf(path)
      const issue = { path: formatPath(path), message: Placeholder.message(what) }
      return line === undefined ? issue : { ...issue, line }
    })
    if (marks.length === 0) return Result.map(validated, (assignment) => ({ assignment, lineOf: doc.lineOf }))
    const covered = (path: string): boolean => marks.some((m) => path === m.path || path.startsWith(`${m.path}.`) || path.startsWith(`${m.path}[`))
    const rest = Result.isFailure(validated) ? validated.failure.issues.filter((issue) => !covered(issue.path)) : []
    const issues = [...marks, ...rest]
      .map((issue, order) => ({ issue, order }))
      .sort((a, b) => (a.issue.line ?? Number.MAX_SAFE_INTEGER) - (b.issue.line ?? Number.MAX_SAFE_INTEGER) || a.order - b.order)
      .map(({ issue }) => issue)
    return Result.fail(new ValidationError({ source, issues }))
  })

const at = (located: Located, path: ReadonlyArray<PropertyKey>, message: string): Issue => {
  const line = located.lineOf(path)
  const issue = { path: formatPath(path), message }
  return line === undefined ? issue : { ...issue, line }
}

/**
 * Loads the built-in catalog and any extra files or folders. Fails with one
 * error per bad file; an assignment id, diary number or grant id defined
 * twice is an error. The built-in files were validated when the package was
 * built and are read as data (no YAML parsing or schema validation), unless
 * they differ from what was validated; extra files are always parsed and
 * validated in full.
 *
 * @example
 * Catalog.load({ extra: ["./egna-uppdrag"] })
 * @since 0.2.0
 */
export const load = (options: { extra?: ReadonlyArray<string>; builtin?: boolean } = {}): Result.Result<Catalog, ReadonlyArray<ValidationError>> => {
  const files: Array<{ readonly file: string; readonly located?: Located }> = []
  const errors: Array<ValidationError> = []
  if (options.builtin !== false) {
    const found = filesAt(builtinDirectory())
    if (Result.isFailure(found)) errors.push(found.failure)
    else {
      const data = BuiltinCatalog.read(found.success, builtinData())
      found.success.forEach((file, i) => {
        const located = data?.[i]
        files.push(located === undefined ? { file } : { file, located })
      })
    }
  }
  for (const path of options.extra ?? []) {
    const found = filesAt(path)
    if (Result.isFailure(found)) errors.push(found.failure)
    else files.push(...found.success.map((file) => ({ file })))
  }
  const assignments: Array<Assignment.Assignment> = []
  const sources = new Map<string, string>()
  const byDiary = new Map<string, string>()
  const grantIds = new Map<string, string>()
  const documents: Array<{ located: Located; file: string }> = []
  // A file named twice (`--catalog` pointing into the built-in folder) is read once.
  const seen = new Set<string>()
  for (const { file, located: validated } of files) {
    if (seen.has(resolve(file))) continue
    seen.add(resolve(file))
    const result = validated === undefined ? readLocated(file) : Result.succeed(validated)
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
    if (assignment.concerns !== undefined) documents.push({ located, file })
  }
  // An underlag names a decision the whole catalog must hold, so it is checked once all files are read.
  for (const { located, file } of documents) {
    const concerns = located.assignment.concerns ?? ""
    const decision = assignments.find((a) => a.kind !== "underlag" && Assignment.matches(a, concerns))
    if (decision === undefined) errors.push(new ValidationError({ source: file, issues: [at(located, ["concerns"], `beslutet ${concerns} finns inte i katalogen`)] }))
  }
  if (errors.length > 0) return Result.fail(errors)
  assignments.sort((a, b) => (a.decided < b.decided ? -1 : a.decided > b.decided ? 1 : swedish(a.id, b.id)))
  return Result.succeed({ assignments, sources })
}

/**
 * Loads a catalog known to be valid (the built-in one); throws otherwise.
 *
 * @since 0.2.0
 */
export const unsafeLoad = (options?: { extra?: ReadonlyArray<string> }): Catalog =>
  Result.getOrThrowWith(load(options), (errors) => new Error(errors.map((e) => e.message).join("\n")))

/**
 * Finds an assignment by id or by any of its diary numbers.
 *
 * @example
 * Catalog.findAssignment(catalog, "S2024/01004")?.id // "tvangsvard-2024"
 * @since 0.2.0
 */
export const findAssignment = (catalog: Catalog, reference: string): Assignment.Assignment | undefined =>
  catalog.assignments.find((a) => a.id === reference) ?? catalog.assignments.find((a) => Assignment.matches(a, reference))

/**
 * Finds a grant by id, with the assignment it belongs to.
 *
 * @example
 * Catalog.findGrant(catalog, "specialiserad-psykiatri-2026")?.grant.amount // 1490000000
 * @since 0.2.0
 */
export const findGrant = (catalog: Catalog, id: string): { assignment: Assignment.Assignment; grant: Assignment.Grant } | undefined => {
  for (const assignment of catalog.assignments) {
    const grant = assignment.grants.find((g) => g.id === id)
    if (grant !== undefined) return { assignment, grant }
  }
  return undefined
}

/**
 * The working documents (`underlag`) the catalog holds about a decision.
 *
 * @example
 * Catalog.documentsAbout(catalog, decision2026).map((d) => d.issuedBy) // ["Socialstyrelsen"]
 * @since 0.2.0
 */
export const documentsAbout = (catalog: Catalog, decision: Assignment.Assignment): Array<Assignment.Assignment> =>
  catalog.assignments.filter((a) => a.concerns !== undefined && Assignment.matches(decision, a.concerns))

/**
 * Every grant in the catalog with its assignment.
 *
 * @since 0.2.0
 */
export const grants = (catalog: Catalog): Array<{ assignment: Assignment.Assignment; grant: Assignment.Grant }> =>
  catalog.assignments.flatMap((assignment) => assignment.grants.map((grant) => ({ assignment, grant })))

/**
 * The file name without folder, for messages.
 *
 * @since 0.2.0
 */
export const displayName = (file: string): string => basename(file)
