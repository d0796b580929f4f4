import { createRequire } from "node:module"
import { Kronor, Population } from "@uppdrag/core"
import * as Result from "effect/Result"
import type * as Allocation from "./Allocation.js"
import * as DistributionKey from "./DistributionKey.js"

/**
 * Where an allocation came from, so an auditor can re-run it: the
 * population file's SHA-256 (as `sha256sum` prints it) and, when the file
 * says (SCB's PxWeb exports), its table, title and reference time; the
 * grant's source (catalog entry and its `source:` sentence, or grant file
 * and its SHA-256); each distribution key file with its SHA-256; the method
 * and tie rule; and the version of this package. Output made by scaling,
 * for a planned year or with a diff is marked preliminary, with the reasons.
 *
 * @example
 * import { Provenance } from "@uppdrag/allocation"
 * const population = Provenance.describePopulation(bytes, "befolkning-2025-09.csv")
 * population.sha256 // "b2d1a2e4…" as sha256sum prints it
 */

/**
 * A population file as read: its bytes' hash and what the file says about itself.
 *
 * @since 0.2.0
 */
export interface PopulationSource {
  readonly file: string
  /** SHA-256 of the bytes, lower-case hex. */
  readonly sha256: string
  readonly bytes: number
  /** `csv` (the project's `region,age,population`), `pxweb-csv` or `json-stat` (SCB's exports). */
  readonly format: "csv" | "pxweb-csv" | "json-stat"
  /** SCB's table id (e.g. `TAB638`, `BE0101N1`), when the file names it. */
  readonly table?: string | undefined
  /** The file's title line or dataset label. */
  readonly title?: string | undefined
  /** The point in time the figures are for, as SCB writes it (`2025M09`). */
  readonly referenceTime?: string | undefined
  /** When SCB last updated the table (JSON-stat `updated`). */
  readonly updated?: string | undefined
  /** The publisher (JSON-stat `source`, e.g. `SCB`). */
  readonly publisher?: string | undefined
}

/**
 * The grant: a catalog entry (with the sentence of the decision) or a grant file (with its hash).
 *
 * @since 0.2.0
 */
export type GrantSource =
  | {
      readonly _tag: "Catalog"
      readonly grant: string
      readonly assignment: string
      readonly diaryNumbers: ReadonlyArray<string>
      readonly decided: string
      /** The `source:` sentence of the catalog entry. */
      readonly source: string
      /** What population the decision names (`SCB september 2025`). */
      readonly populationReference?: string | undefined
    }
  | { readonly _tag: "File"; readonly grant: string; readonly file: string; readonly sha256: string }

/**
 * The whole record.
 *
 * @since 0.2.0
 */
export interface Provenance {
  readonly population: PopulationSource
  readonly grant: GrantSource
  readonly keys: ReadonlyArray<{ readonly component: string; readonly file: string; readonly sha256: string }>
  readonly method: "largest-remainder"
  readonly tieRule: string
  readonly package: { readonly name: string; readonly version: string }
  /** Why the output is preliminary (PRELIMINÄR); empty for a decided allocation. */
  readonly preliminary: ReadonlyArray<string>
  /** The budget year allocated (a planned year with `--year`). */
  readonly year?: number | undefined
  /** How the amount was scaled (`--scale-to`, a planned year). */
  readonly scaling?: { readonly from: Kronor.Kronor; readonly to: Kronor.Kronor; readonly components: ReadonlyArray<{ readonly id: string; readonly from: Kronor.Kronor; readonly to: Kronor.Kronor }> } | undefined
  /** The excluded regions. */
  readonly exclude: ReadonlyArray<string>
}

/**
 * The tie rule of every split, in Swedish.
 *
 * @since 0.2.0
 */
export const tieRule = "största rest-metoden per komponent; lika rester: större vikt (befolkning), sedan lägre SCB-kod"

let version: string | undefined
/**
 * This package's name and version (from its package.json).
 *
 * @example
 * Provenance.packageVersion() // { name: "@uppdrag/allocation", version: "0.1.0" }
 * @since 0.2.0
 */
export const packageVersion = (): { name: string; version: string } => {
  version ??= (createRequire(import.meta.url)("../package.json") as { version: string }).version
  return { name: "@uppdrag/allocation", version }
}

const tableId = (text: string): string | undefined => /\b(TAB\d{2,}|BE\d{4}[A-Z0-9]*)\b/.exec(text)?.[1]
const timeCode = (text: string): string | undefined => /\b(\d{4}(?:M\d{2}|K[1-4])?)\b/.exec(text)?.[1]

interface JsonStat {
  label?: unknown
  source?: unknown
  updated?: unknown
  extension?: { px?: { tableid?: unknown; tableId?: unknown } }
  id?: Array<string>
  role?: { time?: Array<string> }
  dimension?: Record<string, { label?: string; category?: { index?: Record<string, number> | Array<string>; label?: Record<string, string> } }>
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined)

/**
 * Describes population bytes: SHA-256, size, format and the metadata the
 * file carries (PxWeb title and table, JSON-stat label, source, updated,
 * table id and time). Never fails: a file it cannot read metadata from still
 * gets its hash.
 *
 * @example
 * Provenance.describePopulation(readFileSync("scb.json"), "scb.json").referenceTime // "2025M09"
 * @since 0.2.0
 */
export const describePopulation = (bytes: Uint8Array, file: string): PopulationSource => {
  const base = { file, sha256: DistributionKey.sha256(bytes), bytes: bytes.length }
  const decoded = Population.decode(bytes, file)
  if (Result.isFailure(decoded)) return { ...base, format: "csv" }
  const content = decoded.success
  if (content.trimStart().startsWith("{")) {
    try {
      const data = JSON.parse(content) as JsonStat
      const ids = data.id ?? []
      const timeId = data.role?.time?.[0] ?? ids.find((id) => /^(tid|time|år|månad|manad)$/i.test(id))
      const category = timeId === undefined ? undefined : data.dimension?.[timeId]?.category
      const codes = category?.index === undefined ? Object.keys(category?.label ?? {}) : Array.isArray(category.index) ? category.index : Object.keys(category.index)
      const label = text(data.label)
      return {
        ...base,
        format: "json-stat",
        table: text(data.extension?.px?.tableid) ?? text(data.extension?.px?.tableId) ?? (label === undefined ? undefined : tableId(label)),
        title: label,
        referenceTime: codes.length === 1 ? codes[0] : undefined,
        updated: text(data.updated),
        publisher: text(data.source)
      }
    } catch {
      return { ...base, format: "json-stat" }
    }
  }
  const lines = content.split(/\r?\n/)
  const headerAt = lines.findIndex((l) => /(^|[";,\t])\s*"?(region|län)"?\s*[";,\t]/i.test(l) && /ålder|alder|\bage\b/i.test(l))
  const header = headerAt < 0 ? "" : lines[headerAt]!
  if (/(^|[,;\t])"?age"?([,;\t]|$)/i.test(header) || headerAt < 0) return { ...base, format: "csv" }
  const before = lines.slice(0, headerAt).map((l) => l.replace(/^"|"[;,]*$/g, "").trim()).filter((l) => l !== "")
  const after = lines.slice(headerAt + 1).join("\n")
  const title = before[0]
  const valueHeaders = header.split(/[;,\t]/).map((h) => h.replace(/"/g, "").trim()).filter((h) => !/^(region|län|ålder|alder|kön|kon)$/i.test(h))
  return {
    ...base,
    format: "pxweb-csv",
    table: tableId(`${before.join("\n")}\n${after}`),
    title,
    referenceTime: valueHeaders.map(timeCode).find((t) => t !== undefined) ?? (title === undefined ? undefined : timeCode(title))
  }
}

/**
 * The provenance of an allocation.
 *
 * @example
 * Provenance.make({ allocation, population, grant: { _tag: "File", grant: "x", file: "x.yaml", sha256 } })
 * @since 0.2.0
 */
export const make = (input: {
  readonly allocation: Allocation.Allocation
  readonly population: PopulationSource
  readonly grant: GrantSource
  readonly preliminary?: ReadonlyArray<string> | undefined
  readonly year?: number | undefined
  readonly scaling?: Provenance["scaling"]
}): Provenance => ({
  population: input.population,
  grant: input.grant,
  keys: input.allocation.components.flatMap((c) => (c.key === undefined ? [] : [{ component: c.id, file: c.key.source, sha256: c.key.sha256 }])),
  method: input.allocation.method,
  tieRule,
  package: packageVersion(),
  preliminary: input.preliminary ?? [],
  year: input.year,
  scaling: input.scaling,
  exclude: input.allocation.exclude
})

/**
 * The record as label–value pairs in Swedish, in a fixed order: the notes
 * block of a table, the provenance sheet of a workbook, the comment lines
 * of a CSV.
 *
 * @example
 * Provenance.entries(provenance)[0] // ["Befolkningsfil", "befolkning-2025-09.csv"]
 * @since 0.2.0
 */
export const entries = (p: Provenance): Array<readonly [string, string]> => {
  const out: Array<readonly [string, string]> = []
  if (p.preliminary.length > 0) out.push(["Status", `PRELIMINÄR: ${p.preliminary.join("; ")}`])
  out.push(["Befolkningsfil", p.population.file], ["Befolkningsfilens SHA-256", p.population.sha256])
  if (p.population.table !== undefined) out.push(["SCB-tabell", p.population.table])
  if (p.population.title !== undefined) out.push(["Tabellens rubrik", p.population.title])
  if (p.population.referenceTime !== undefined) out.push(["Referenstid", p.population.referenceTime])
  if (p.population.updated !== undefined) out.push(["Uppdaterad", p.population.updated])
  if (p.grant._tag === "Catalog") {
    out.push(["Statsbidrag", `${p.grant.grant} (katalogen, ${p.grant.assignment}, beslut ${p.grant.decided}${p.grant.diaryNumbers.length > 0 ? `, ${p.grant.diaryNumbers.join(", ")}` : ""})`])
    if (p.grant.populationReference !== undefined) out.push(["Befolkning enligt beslutet", p.grant.populationReference])
    out.push(["Källa", p.grant.source])
  } else {
    out.push(["Statsbidrag", `${p.grant.grant} (bidragsfil ${p.grant.file})`], ["Bidragsfilens SHA-256", p.grant.sha256])
  }
  for (const k of p.keys) out.push([`Fördelningsnyckel ${k.component}`, `${k.file} (SHA-256 ${k.sha256})`])
  if (p.year !== undefined) out.push(["År", String(p.year)])
  if (p.scaling !== undefined) {
    out.push(["Skalning", `${Kronor.format(p.scaling.from)} → ${Kronor.format(p.scaling.to)} (${p.scaling.components.map((c) => `${c.id} ${Kronor.format(c.to)}`).join(", ")})`])
  }
  if (p.exclude.length > 0) out.push(["Undantagna regioner", p.exclude.join(", ")])
  out.push(["Metod", p.tieRule], ["Program", `${p.package.name} ${p.package.version}`])
  return out
}
