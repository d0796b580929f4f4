import { Collation, CsvSyntax, type Issue, Region, ValidationError } from "@uppdrag/core"
import { parse as parseCsvText } from "csv-parse/sync"
import * as Result from "effect/Result"
import * as Indicator from "./Indicator.js"

/**
 * Follow-up measures (*uppföljningsmått*) agreed between Socialstyrelsen and
 * each region under the 2026 grant (seed 003: "Socialstyrelsen och regionen
 * [ska] upprätta en överenskommelse där bl.a. regionens insatser, förväntade
 * resultat och effekter av dessa insatser samt valda uppföljningsmått ska
 * framgå"): a baseline, a target and yearly values per region and measure,
 * and the progress made from baseline towards target.
 *
 * @example
 * import { FollowUp } from "@uppdrag/indicators"
 * const p = FollowUp.progress({ region: "09", measure: "sjalvvald-inlaggning-platser", baseline: { year: 2025, value: 2 }, target: { year: 2028, value: 6 }, values: [{ year: 2026, value: 4 }] })
 * p.progress // 50
 * @since 0.2.0
 */
export interface Observation {
  readonly year: number
  readonly value: number
}

/**
 * One region's agreed measure.
 *
 * @example
 * const a: FollowUp.Agreement = { region: "09", measure: "sjalvvald-inlaggning-platser", baseline: { year: 2025, value: 2 }, target: { year: 2028, value: 6 }, values: [] }
 * @since 0.2.0
 */
export interface Agreement {
  /** SCB code of the region. */
  readonly region: string
  /** Id of a follow-up indicator, e.g. `vardplatser-vuxenpsykiatri-per100k`. */
  readonly measure: string
  readonly baseline: Observation
  readonly target: Observation
  readonly values: ReadonlyArray<Observation>
}

/**
 * How far a region has come.
 *
 * @example
 * FollowUp.progress(a).status // "ingen uppgift"
 * @since 0.2.0
 */
export type Status = "uppnått" | "på väg" | "oförändrat" | "försämrat" | "ingen uppgift"

/**
 * Progress of one agreement.
 *
 * @example
 * FollowUp.progress(a).progress // null
 * @since 0.2.0
 */
export interface Progress {
  readonly region: string
  readonly measure: string
  readonly baseline: Observation
  readonly target: Observation
  readonly latest: Observation | null
  /** Share of the way from baseline to target, in per cent with one decimal (can exceed 100 or be negative). */
  readonly progress: number | null
  readonly status: Status
}

/**
 * Progress of an agreement: the latest value's distance from the baseline
 * as a share of the target's, in the direction the measure improves.
 *
 * @example
 * FollowUp.progress({ region: "01", measure: "tvangsatgarder-per-vardtillfalle", baseline: { year: 2025, value: 40 }, target: { year: 2028, value: 30 }, values: [{ year: 2026, value: 45 }] }).status // "försämrat"
 * @since 0.2.0
 */
export const progress = (agreement: Agreement): Progress => {
  const latest = [...agreement.values].sort((a, b) => a.year - b.year).at(-1) ?? null
  const base = { region: agreement.region, measure: agreement.measure, baseline: agreement.baseline, target: agreement.target, latest }
  if (latest === null) return { ...base, progress: null, status: "ingen uppgift" }
  const span = agreement.target.value - agreement.baseline.value
  const moved = latest.value - agreement.baseline.value
  const share = span === 0 ? (moved === 0 ? 100 : moved > 0 === (Indicator.find(agreement.measure)?.higherIsBetter !== false) ? 100 : -100) : (100 * moved) / span
  const rounded = Math.round(share * 10 + Math.sign(share) * 1e-9) / 10 || 0
  const status: Status = rounded >= 100 ? "uppnått" : rounded > 0 ? "på väg" : rounded === 0 ? "oförändrat" : "försämrat"
  return { ...base, progress: rounded, status }
}

const kinds = { baslinje: "baseline", mal: "target", mål: "target", utfall: "value" } as const

/**
 * Reads agreements from CSV `region,measure,kind,year,value`, where `kind`
 * is `baslinje`, `mål` (or `mal`) or `utfall`; one baseline and one target
 * per region and measure, at most one value per year. Decimals with `.` or `,`.
 *
 * @example
 * FollowUp.parseCsv("region,measure,kind,year,value\n09,sjalvvald-inlaggning-platser,baslinje,2025,2\n09,sjalvvald-inlaggning-platser,mål,2028,6\n", "avtal.csv")
 * @since 0.2.0
 */
export const parseCsv = (text: string, source: string): Result.Result<Array<Agreement>, ValidationError> => {
  let records: Array<Array<string>>
  const body = text.replace(/^\uFEFF/, "")
  try {
    records = parseCsvText(body, { relax_column_count: true, skip_empty_lines: true }) as Array<Array<string>>
  } catch (error) {
    return Result.fail(new ValidationError({ source, issues: [CsvSyntax.issue(error, body, ",")] }))
  }
  const header = (records[0] ?? []).map((h) => h.trim())
  const want = ["region", "measure", "kind", "year", "value"]
  const missing = want.filter((w) => !header.includes(w))
  if (missing.length > 0) return Result.fail(new ValidationError({ source, issues: missing.map((m) => ({ line: 1, path: m, message: `kolumnen saknas (rubriken ska vara ${want.join(",")})` })) }))
  const col = (name: string): number => header.indexOf(name)
  const issues: Array<Issue> = []
  const byKey = new Map<string, { region: string; measure: string; baseline?: Observation; target?: Observation; values: Array<Observation>; line: number }>()
  records.slice(1).forEach((record, i) => {
    const line = i + 2
    const field = (name: string): string => (record[col(name)] ?? "").trim()
    const region = Region.find(field("region"))
    if (region === undefined || region.code === "00") issues.push({ line, path: "region", message: `okänd region ${JSON.stringify(field("region"))}` })
    const indicator = Indicator.find(field("measure"))
    if (indicator === undefined || indicator.kind !== "uppfoljning")
      issues.push({ line, path: "measure", message: `okänt uppföljningsmått ${JSON.stringify(field("measure"))} (se uppdrag indicators list)` })
    const kind = kinds[field("kind").toLocaleLowerCase("sv") as keyof typeof kinds]
    if (kind === undefined) issues.push({ line, path: "kind", message: `ska vara baslinje, mål eller utfall, fick ${JSON.stringify(field("kind"))}` })
    const year = /^\d{4}$/.test(field("year")) ? Number(field("year")) : Number.NaN
    if (Number.isNaN(year)) issues.push({ line, path: "year", message: `${JSON.stringify(field("year"))} är inte ett årtal` })
    const valueText = field("value").replace(",", ".")
    const value = /^\d+(\.\d+)?$/.test(valueText) ? Number(valueText) : Number.NaN
    if (Number.isNaN(value))
      issues.push({ line, path: "value", message: valueText.startsWith("-") ? `får inte vara negativt (${field("value")})` : `${JSON.stringify(field("value"))} är inte ett tal` })
    if (region === undefined || indicator === undefined || indicator.kind !== "uppfoljning" || kind === undefined || Number.isNaN(year) || Number.isNaN(value)) return
    const key = `${region.code}|${indicator.id}`
    const entry = byKey.get(key) ?? { region: region.code, measure: indicator.id, values: [], line }
    byKey.set(key, entry)
    if (kind === "value") {
      if (entry.values.some((v) => v.year === year)) issues.push({ line, path: "year", message: `utfall för ${year} finns redan för ${region.code} ${indicator.id}` })
      else entry.values.push({ year, value })
    } else if (entry[kind] !== undefined) {
      issues.push({ line, path: "kind", message: `${field("kind")} finns redan för ${region.code} ${indicator.id}` })
    } else entry[kind] = { year, value }
  })
  const agreements: Array<Agreement> = []
  for (const entry of byKey.values()) {
    if (entry.baseline === undefined || entry.target === undefined) {
      issues.push({ line: entry.line, path: "kind", message: `${entry.region} ${entry.measure}: ${entry.baseline === undefined ? "baslinje" : "mål"} saknas` })
      continue
    }
    if (entry.target.year < entry.baseline.year) issues.push({ line: entry.line, path: "year", message: `${entry.region} ${entry.measure}: målåret är före baslinjens år` })
    agreements.push({ region: entry.region, measure: entry.measure, baseline: entry.baseline, target: entry.target, values: entry.values.sort((a, b) => a.year - b.year) })
  }
  if (issues.length > 0) return Result.fail(new ValidationError({ source, issues }))
  return Result.succeed(agreements.sort((a, b) => Collation.swedish(a.region, b.region) || Collation.swedish(a.measure, b.measure)))
}
