import { basename } from "node:path"
import type * as Assignment from "../Assignment.js"
import * as BuildData from "../BuildData.js"
import { formatPath } from "../ValidationError.js"

/**
 * The built-in catalog as data: `dist/catalog.json`, written by
 * `scripts/catalog-data.mjs` during the build once every file under
 * `catalog/` has been parsed and validated in full (the same `Catalog.load`
 * a user's files go through). Reading it costs a `JSON.parse` instead of
 * YAML parsing and zod validation on every command.
 *
 * Each entry keeps the exact text of its YAML file. The data is used only
 * when the folder holds exactly those files with exactly those bytes, so a
 * catalog edited after the build (or a missing data file, as under vitest
 * before a build) is parsed and validated in full again, never read stale.
 */
export interface Data {
  readonly format: typeof format
  readonly files: ReadonlyArray<DataFile>
}

/** One catalog file: its name in `catalog/`, its text, the validated assignment and the lines messages cite. */
export interface DataFile {
  readonly name: string
  readonly text: string
  readonly assignment: Assignment.Assignment
  /** 1-based line by formatted path (`id`, `diaryNumbers[0]`, `grants[0].id`, `concerns`). */
  readonly lines: Readonly<Record<string, number>>
}

/** An assignment with the lines of its file, as `Catalog.load` uses it. */
export interface Entry {
  readonly assignment: Assignment.Assignment
  readonly lineOf: (path: ReadonlyArray<PropertyKey>) => number | undefined
}

/** Version of the data file's layout; a file of another version is ignored. */
export const format = 1

/**
 * The paths whose lines `Catalog.load` may cite for an assignment (clashes
 * with another file, an `underlag` naming a missing decision).
 */
export const citedPaths = (assignment: Assignment.Assignment): Array<ReadonlyArray<PropertyKey>> => [
  ["id"],
  ["concerns"],
  ...assignment.diaryNumbers.map((_, i) => ["diaryNumbers", i]),
  ...assignment.grants.map((_, i) => ["grants", i, "id"])
]

/**
 * The entries for `files` (the built-in folder's catalog files, sorted) from
 * the data file at `path`, or `undefined` when there is none or it does not
 * match the files byte for byte.
 */
export const read = (files: ReadonlyArray<string>, path: URL): Array<Entry> | undefined => {
  const data = BuildData.read<Data>(path, format)
  if (data === undefined || data.files.length !== files.length) return undefined
  const entries: Array<Entry> = []
  for (const [i, file] of files.entries()) {
    const stored = data.files[i]
    if (stored === undefined || stored.name !== basename(file) || !BuildData.unchanged(file, stored.text)) return undefined
    entries.push({ assignment: stored.assignment, lineOf: (p) => stored.lines[formatPath(p)] })
  }
  return entries
}
