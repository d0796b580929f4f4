import { type Issue, Kronor, Population, Region, ValidationError } from "@uppdrag/core"
import * as Result from "effect/Result"
import type * as Allocation from "./Allocation.js"
import * as DistributionKey from "./DistributionKey.js"
import * as Csv from "./internal/Csv.js"
import * as LargestRemainder from "./LargestRemainder.js"

/**
 * A published allocation table (the seed 003 appendix as
 * `allocation-2026-specialiserad-psykiatri.csv`: `region,name,<component
 * ids>,total`), read so a re-run can be checked against it ({@link verify})
 * or compared with another year ({@link diff}). Regions may be SCB codes or
 * Swedish or SCB names (`01`, `Stockholms län`, `01 Stockholms län`,
 * `Region Stockholm`); amounts whole kronor, with or without spaces between
 * groups; `,`, `;` or tab between fields; lines starting with `#` are
 * comments. Component columns are named by the component's id or title.
 *
 * @example
 * import { PublishedTable } from "@uppdrag/allocation"
 * const table = Result.getOrThrow(PublishedTable.parse(bytes, "bilaga-2026.csv", allocation.components))
 * PublishedTable.verify(allocation, table).discrepancies // [] when every cell agrees
 * @since 0.2.0
 */
export interface Table {
  readonly source: string
  /** SHA-256 of the file, as `sha256sum` prints it. */
  readonly sha256: string
  /** The component ids of the columns, in file order. */
  readonly components: ReadonlyArray<string>
  /** Whether the file has a total column. */
  readonly hasTotal: boolean
  /** One row per region (all 21). */
  readonly rows: ReadonlyMap<Region.RegionCode, { readonly line: number; readonly amounts: Readonly<Record<string, Kronor.Kronor>>; readonly total: Kronor.Kronor | undefined }>
}

/**
 * A column the table may name: a component's id and, optionally, its title.
 *
 * @since 0.2.0
 */
export interface Known {
  readonly id: string
  readonly title?: string | undefined
  readonly basis?: string | undefined
}

const normal = (text: string): string => text.trim().toLocaleLowerCase("sv").replace(/\s+/g, " ")
const regionHeaders = ["region", "kod", "regionkod", "län", "lan", "region/län"]
const nameHeaders = ["name", "namn", "regionnamn", "länsnamn"]
const totalHeaders = ["total", "totalt", "totalt per region", "summa", "totalt belopp"]

/**
 * Reads a published table, naming its columns by `known` components. Every
 * problem comes back with the file, line and field: an unknown column, a
 * region unknown or given twice, a missing region, an amount that is not
 * whole kronor.
 *
 * @example
 * PublishedTable.parse(readFileSync("bilaga.csv"), "bilaga.csv", Allocation.fromGrant(grant).components)
 * @since 0.2.0
 */
export const parse = (bytes: Uint8Array, source: string, known: ReadonlyArray<Known>): Result.Result<Table, ValidationError> => {
  const fail = (issues: ReadonlyArray<Issue>) => Result.fail(new ValidationError({ source, issues }))
  const decoded = Population.decode(bytes, source)
  if (Result.isFailure(decoded)) return Result.fail(decoded.failure)
  const read = Csv.read(decoded.success)
  if ("unterminated" in read) return fail([{ path: "", line: read.unterminated, message: "ogiltig CSV: ett citattecken öppnas men stängs aldrig" }])
  const [header, ...records] = read.records
  if (header === undefined) return fail([{ path: "", message: "filen är tom" }])
  const issues: Array<Issue> = []
  let regionAt = -1
  let totalAt = -1
  const columns: Array<{ at: number; id: string; header: string }> = []
  header.fields.forEach((field, at) => {
    const h = normal(field)
    if (regionAt < 0 && regionHeaders.includes(h)) regionAt = at
    else if (nameHeaders.includes(h)) return
    else if (totalAt < 0 && totalHeaders.includes(h)) totalAt = at
    else {
      const component = known.find(
        (c) => normal(c.id) === h || (c.title !== undefined && (normal(c.title) === h || normal(`${c.title} (${c.basis ?? ""})`) === h))
      )
      if (component === undefined) {
        issues.push({ path: field === "" ? `kolumn ${at + 1}` : field, line: header.line, message: `okänd kolumn (förväntade region, name, ${known.map((c) => c.id).join(", ")} och total)` })
      } else if (columns.some((c) => c.id === component.id)) {
        issues.push({ path: field, line: header.line, message: `komponenten ${component.id} har redan en kolumn` })
      } else columns.push({ at, id: component.id, header: field })
    }
  })
  if (regionAt < 0) issues.push({ path: "region", line: header.line, message: "kolumnen saknas i rubrikraden (region,name,…,total)" })
  if (issues.length > 0) return fail(issues)
  const rows = new Map<Region.RegionCode, { line: number; amounts: Record<string, Kronor.Kronor>; total: Kronor.Kronor | undefined }>()
  const amount = (text: string, field: string, line: number): Kronor.Kronor | undefined => {
    if (["–", "-", "—"].includes(text.trim())) return Kronor.zero
    const parsed = Kronor.parse(text)
    if (Result.isSuccess(parsed)) return parsed.success
    issues.push({ path: field, line, message: text.trim() === "" ? "värde saknas" : parsed.failure })
    return undefined
  }
  for (const record of records) {
    if (record.fields.length !== header.fields.length) {
      issues.push({ path: "", line: record.line, message: `raden har ${record.fields.length} fält, rubrikraden ${header.fields.length}` })
      continue
    }
    const regionText = record.fields[regionAt] ?? ""
    const region = Region.find(regionText)
    if (region?.code === "00") continue
    if (region === undefined) {
      issues.push({ path: header.fields[regionAt]!, line: record.line, message: regionText === "" ? "saknas" : `okänd region ${JSON.stringify(regionText)} (ange SCB-kod 01–25 eller länets namn)` })
      continue
    }
    const first = rows.get(region.code)
    if (first !== undefined) {
      issues.push({ path: header.fields[regionAt]!, line: record.line, message: `${region.name} (${region.code}) står redan på rad ${first.line}` })
      continue
    }
    const amounts: Record<string, Kronor.Kronor> = {}
    for (const c of columns) {
      const value = amount(record.fields[c.at] ?? "", c.header, record.line)
      if (value !== undefined) amounts[c.id] = value
    }
    const total = totalAt < 0 ? undefined : amount(record.fields[totalAt] ?? "", header.fields[totalAt]!, record.line)
    rows.set(region.code, { line: record.line, amounts, total })
  }
  const missing = Region.all.filter((r) => !rows.has(r.code))
  if (missing.length > 0) issues.push({ path: header.fields[regionAt]!, message: `${missing.map((r) => `${r.name} (${r.code})`).join(", ")} saknas; tabellen ska ha en rad per region` })
  if (issues.length > 0) return fail(issues)
  return Result.succeed({ source, sha256: DistributionKey.sha256(bytes), components: columns.map((c) => c.id), hasTotal: totalAt >= 0, rows })
}

/**
 * One cell where the published table and the re-run disagree.
 *
 * @since 0.2.0
 */
export interface Discrepancy {
  readonly region: Region.RegionCode
  readonly name: string
  /** A component id, or `total`. */
  readonly component: string
  readonly published: Kronor.Kronor
  readonly computed: Kronor.Kronor
  /** `computed − published`. */
  readonly difference: number
}

/**
 * The outcome of a check: the cells compared and those that disagree.
 *
 * @since 0.2.0
 */
export interface Verification {
  readonly source: string
  readonly sha256: string
  readonly cells: number
  readonly discrepancies: ReadonlyArray<Discrepancy>
}

/**
 * Compares every cell of a published table with the allocation: each
 * component column and the total, region by region. A component the table
 * has no column for is refused (a check of half a table is no check).
 *
 * @example
 * const check = Result.getOrThrow(PublishedTable.verify(allocation, table))
 * check.discrepancies.length === 0 // true for the seed 003 appendix
 * @since 0.2.0
 */
export const verify = (allocation: Allocation.Allocation, table: Table): Result.Result<Verification, ValidationError> => {
  const missing = allocation.components.filter((c) => !table.components.includes(c.id))
  if (missing.length > 0) {
    return Result.fail(new ValidationError({ source: table.source, issues: missing.map((c) => ({ path: c.id, line: 1, message: "kolumnen saknas; tabellen ska ha en kolumn per komponent" })) }))
  }
  const discrepancies: Array<Discrepancy> = []
  let cells = 0
  for (const row of allocation.rows) {
    const published = table.rows.get(row.region)!
    const compare = (component: string, expected: Kronor.Kronor | undefined, computed: Kronor.Kronor) => {
      if (expected === undefined) return
      cells++
      if (expected !== computed) discrepancies.push({ region: row.region, name: row.name, component, published: expected, computed, difference: computed - expected })
    }
    for (const c of allocation.components) compare(c.id, published.amounts[c.id], row.amounts[c.id] ?? Kronor.zero)
    compare("total", published.total, row.total)
  }
  return Result.succeed({ source: table.source, sha256: table.sha256, cells, discrepancies })
}

/**
 * One region's change in one component (or in total), split into its two causes.
 *
 * @since 0.2.0
 */
export interface Change {
  readonly before: number
  readonly after: number
  /** `after − before`. */
  readonly change: number
  /** What the region would gain with its old share of the new amount: the part from the pot. */
  readonly fromPot: number
  /** The rest: the part from the population (new shares), rounding included (±1 kr at most when the shares are unchanged). */
  readonly fromPopulation: number
}

/**
 * The change of every region against another allocation.
 *
 * @since 0.2.0
 */
export interface Diff {
  readonly source: string
  readonly sha256: string
  readonly components: ReadonlyArray<{ readonly id: string; readonly before: number; readonly after: number }>
  readonly rows: ReadonlyArray<{ readonly region: Region.RegionCode; readonly name: string; readonly components: Readonly<Record<string, Change>>; readonly total: Change }>
  readonly total: Change
}

const add = (a: Change, b: Change): Change => ({
  before: a.before + b.before,
  after: a.after + b.after,
  change: a.change + b.change,
  fromPot: a.fromPot + b.fromPot,
  fromPopulation: a.fromPopulation + b.fromPopulation
})
const none: Change = { before: 0, after: 0, change: 0, fromPot: 0, fromPopulation: 0 }

/**
 * Each region's change against another allocation, per component and in
 * total, split exactly into the part from the pot and the part from the
 * population: the pot part is the region's old share of the new component
 * amount (by the largest remainder over the old amounts, so the pot parts
 * add up to the change of the pot) minus its old amount; the population part
 * is the rest, and adds up to zero over the regions. A component the other
 * table lacks counts as 0 before (all from the pot).
 *
 * @example
 * const d = PublishedTable.diff(scaled2027, table2026)
 * d.total.fromPot // 10 000 000: 1 500 000 000 − 1 490 000 000
 * @since 0.2.0
 */
export const diff = (allocation: Allocation.Allocation, other: Table): Diff => {
  const parts = new Map<string, Array<Change>>()
  const components = allocation.components.map((c) => {
    const before: Array<number> = allocation.rows.map((r) => other.rows.get(r.region)?.amounts[c.id] ?? 0)
    const after: Array<number> = allocation.rows.map((r) => r.amounts[c.id] ?? 0)
    const beforeTotal = before.reduce((a, b) => a + b, 0)
    const scaled = beforeTotal === 0 ? undefined : LargestRemainder.amounts(c.amount, before.map((weight, i) => ({ id: allocation.rows[i]!.region, weight })))
    parts.set(
      c.id,
      after.map((a, i): Change => {
        const b = before[i]!
        const withOldShare = scaled === undefined || Result.isFailure(scaled) ? a : scaled.success[i]!
        return { before: b, after: a, change: a - b, fromPot: withOldShare - b, fromPopulation: a - withOldShare }
      })
    )
    return { id: c.id, before: beforeTotal, after: c.amount }
  })
  const rows = allocation.rows.map((r, i) => {
    const byComponent: Record<string, Change> = {}
    for (const c of allocation.components) byComponent[c.id] = parts.get(c.id)![i]!
    return { region: r.region, name: r.name, components: byComponent, total: Object.values(byComponent).reduce(add, none) }
  })
  return { source: other.source, sha256: other.sha256, components, rows, total: rows.map((r) => r.total).reduce(add, none) }
}
