import { readFileSync } from "node:fs"
import { basename } from "node:path"
import type { Population } from "@uppdrag/core"

/**
 * The shipped population files as data: `dist/published-population.json`,
 * written by `scripts/population-data.mjs` during the build once every file
 * under `data/` has been parsed and validated in full (the same
 * `Population.parseFile` a user's file goes through). Reading it costs a
 * `JSON.parse` instead of CSV parsing and validation on every ledger,
 * requisition and allocation of a catalog grant.
 *
 * Each entry keeps the exact text of its file, and is used only while the
 * file holds exactly those bytes: a file edited after the build (or a missing
 * data file, as under vitest before a build) is parsed in full again.
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

// Read once per process: a ledger may ask for the same grant's figures many times.
const parseData = (path: URL): Data | undefined => {
  if (cache.has(path.href)) return cache.get(path.href)
  let data: Data | undefined
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Data
    data = parsed.format === format ? parsed : undefined
  } catch {
    data = undefined
  }
  cache.set(path.href, data)
  return data
}

/**
 * The population of the shipped `file` from the data at `path`, with `file`
 * as its source, or `undefined` when there is no data for it or the file no
 * longer holds the bytes it was built from.
 */
export const read = (file: string, path: URL): Population.Population | undefined => {
  const stored = parseData(path)?.files.find((f) => f.name === basename(file))
  if (stored === undefined) return undefined
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch {
    return undefined
  }
  return bytes.equals(Buffer.from(stored.text, "utf8")) ? { source: file, rows: stored.rows } : undefined
}
