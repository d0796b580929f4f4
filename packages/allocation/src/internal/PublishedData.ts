import { basename } from "node:path"
import { BuildData, type Population } from "@uppdrag/core"

/**
 * The shipped population files as data: `dist/published-population.json`,
 * written by `scripts/population-data.mjs` during the build once every file
 * under `data/` has been parsed and validated in full (the same
 * `Population.parseFile` a user's file goes through). Reading it costs a
 * `JSON.parse` instead of CSV parsing and validation on every ledger,
 * requisition and allocation of a catalog grant.
 *
 * Each entry keeps the exact text of its file and is used only while the
 * file holds exactly those bytes (core's `BuildData` rule): a file edited
 * after the build (or a missing data file, as under vitest before a build)
 * is parsed in full again.
 */
export interface Data {
  readonly format: typeof format
  readonly files: ReadonlyArray<DataFile>
}

/** One shipped file: its name in `data/`, its text and the rows its parse gave. */
export interface DataFile {
  readonly name: string
  readonly text: string
  readonly rows: Population.Population["rows"]
}

/** Version of the data file's layout; a file of another version is ignored. */
export const format = 1

const cache = new Map<string, Data | undefined>()

/**
 * The population of the shipped `file` from the data at `path`, with `file`
 * as its source, or `undefined` when there is no data for it or the file no
 * longer holds the bytes it was built from.
 */
export const read = (file: string, path: URL): Population.Population | undefined => {
  // Read once per process: a ledger may ask for the same grant's figures many times.
  if (!cache.has(path.href)) cache.set(path.href, BuildData.read<Data>(path, format))
  const stored = cache.get(path.href)?.files.find((f) => f.name === basename(file))
  return stored !== undefined && BuildData.unchanged(file, stored.text) ? { source: file, rows: stored.rows } : undefined
}
