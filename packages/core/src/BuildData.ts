import { readFileSync } from "node:fs"

// Data a package's build validated from its shipped files (the built-in catalog, the published
// population figures), read in their place. One rule for each: the data file carries the version of
// its layout and the exact text of every source file, and is used only while the version is the
// expected one and each source file still holds exactly that text, so a file edited after the build
// is parsed and validated in full again, never read stale.

/**
 * The data file at `path` when it exists, is JSON and has `format` as its
 * layout version; `undefined` otherwise (the caller then parses the sources).
 *
 * @example
 * import { BuildData } from "@uppdrag/core"
 * BuildData.read<{ format: 1; files: Array<{ name: string; text: string }> }>(new URL("../dist/catalog.json", import.meta.url), 1)
 * @since 0.2.0
 */
export const read = <D extends { readonly format: number }>(path: URL, format: D["format"]): D | undefined => {
  try {
    const data = JSON.parse(readFileSync(path, "utf8")) as D
    return data.format === format ? data : undefined
  } catch {
    return undefined
  }
}

/**
 * Whether `file` holds exactly `text` (as UTF-8), byte for byte; `false` when it cannot be read.
 *
 * @example
 * BuildData.unchanged("catalog/s2025-01528.yaml", stored.text) // false once the file was edited
 * @since 0.2.0
 */
export const unchanged = (file: string, text: string): boolean => {
  try {
    return readFileSync(file).equals(Buffer.from(text, "utf8"))
  } catch {
    return false
  }
}
