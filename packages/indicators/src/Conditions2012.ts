import { Collation, CsvSyntax, type Issue, Region, ValidationError } from "@uppdrag/core"
import { parse as parseCsvText } from "csv-parse/sync"
import * as Result from "effect/Result"

/**
 * The conditions of the 2012 agreement between the government and SKL on
 * inpatient psychiatric care (seed 002), checked per county (*landsting*) on
 * 31 October before the performance-based stimulus pot (42.5 MSEK) was paid.
 * A county meeting all four may receive funds, capped at its population
 * share; {@link eligibleRegions} gives the list the capped allocation takes.
 *
 * @example
 * import { Conditions2012 } from "@uppdrag/indicators"
 * Conditions2012.evaluate({ region: "09", met: { kompetensplan: true, nyaTeam: true, tvangsatgarder: true, redovisning: false } }).eligible // false
 * @since 0.2.0
 */
export type Condition = "kompetensplan" | "nyaTeam" | "tvangsatgarder" | "redovisning"

/**
 * The four conditions, in the order seed 002 lists them, with its words.
 *
 * @example
 * Conditions2012.conditions.map((c) => c.id) // ["kompetensplan", "nyaTeam", "tvangsatgarder", "redovisning"]
 * @since 0.2.0
 */
export const conditions: ReadonlyArray<{ readonly id: Condition; readonly text: string }> = [
  { id: "kompetensplan", text: "En uppdaterad kompetensutvecklingsplan för allmänpsykiatri, barn- och ungdomspsykiatri och rättspsykiatri har skickats in till SKL senast den 1 juni 2012" },
  { id: "nyaTeam", text: "Landstinget deltar under 2012 med nya verksamheter (team) i genombrottsarbetet" },
  { id: "tvangsatgarder", text: "Landstinget registrerar tvångsåtgärder och andra överenskomna mått i de genombrottsprojekt man deltar i" },
  { id: "redovisning", text: "Landstinget redovisar hur utbetalda stimulansmedel använts eller kommer att användas" }
]

/**
 * One county's checklist.
 *
 * @example
 * const gotland: Conditions2012.Checklist = { region: "09", met: { kompetensplan: true, nyaTeam: true, tvangsatgarder: true, redovisning: true } }
 * @since 0.2.0
 */
export interface Checklist {
  readonly region: string
  readonly met: Readonly<Record<Condition, boolean>>
}

/**
 * The outcome for one county.
 *
 * @example
 * Conditions2012.evaluate(gotland) // { region: "09", missing: [], eligible: true }
 * @since 0.2.0
 */
export interface Evaluation {
  readonly region: string
  readonly missing: ReadonlyArray<Condition>
  readonly eligible: boolean
}

/**
 * Whether a county meets every condition, and which it misses.
 *
 * @example
 * Conditions2012.evaluate({ region: "01", met: { kompetensplan: true, nyaTeam: false, tvangsatgarder: true, redovisning: true } }).missing // ["nyaTeam"]
 * @since 0.2.0
 */
export const evaluate = (checklist: Checklist): Evaluation => {
  const missing = conditions.filter((c) => !checklist.met[c.id]).map((c) => c.id)
  return { region: checklist.region, missing, eligible: missing.length === 0 }
}

/**
 * The SCB codes of the counties that meet all four conditions, in code order:
 * the counties among which the capped stimulus pot is shared.
 *
 * @example
 * Conditions2012.eligibleRegions(checklists) // ["01", "03", …]
 * @since 0.2.0
 */
export const eligibleRegions = (checklists: ReadonlyArray<Checklist>): Array<string> =>
  checklists
    .map(evaluate)
    .filter((e) => e.eligible)
    .map((e) => e.region)
    .sort()

const yes = new Set(["ja", "j", "x", "1", "true", "uppfyllt"])
const no = new Set(["nej", "n", "", "0", "false", "ej uppfyllt"])

/**
 * Reads checklists from CSV `region,kompetensplan,nyaTeam,tvangsatgarder,redovisning`
 * with `ja`/`nej` per condition; one row per county.
 *
 * @example
 * Conditions2012.parseCsv("region,kompetensplan,nyaTeam,tvangsatgarder,redovisning\n09,ja,ja,ja,nej\n", "villkor.csv")
 * @since 0.2.0
 */
export const parseCsv = (text: string, source: string): Result.Result<Array<Checklist>, ValidationError> => {
  let records: Array<{ record: Array<string>; info: { lines: number } }>
  const body = text.replace(/^\uFEFF/, "")
  try {
    records = parseCsvText(body, { relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as typeof records
  } catch (error) {
    return Result.fail(new ValidationError({ source, issues: [CsvSyntax.issue(error, body, ",")] }))
  }
  if (records.length === 0) return Result.fail(new ValidationError({ source, issues: [{ path: "", message: "filen är tom" }] }))
  const header = records[0]!.record.map((h) => h.trim())
  const headerLine = records[0]!.info.lines
  const want = ["region", ...conditions.map((c) => c.id)]
  const missing = want.filter((w) => !header.includes(w))
  // An unknown column is refused: a misspelt condition must not pass as one left out.
  const unknown = header.flatMap((h, i) => (want.includes(h) ? [] : [h === "" ? `kolumn ${i + 1}` : h]))
  const headerIssues = [
    ...unknown.map((u) => ({ line: headerLine, path: u, message: `okänd kolumn (rubriken ska vara ${want.join(",")})` })),
    ...missing.map((m) => ({ line: headerLine, path: m, message: `kolumnen saknas (rubriken ska vara ${want.join(",")})` }))
  ]
  if (headerIssues.length > 0) return Result.fail(new ValidationError({ source, issues: headerIssues }))
  const issues: Array<Issue> = []
  const seen = new Map<string, number>()
  const out: Array<Checklist> = []
  records.slice(1).forEach(({ record, info }) => {
    const line = info.lines
    const field = (name: string): string => (record[header.indexOf(name)] ?? "").trim()
    const region = Region.find(field("region"))
    if (region === undefined || region.code === "00") {
      issues.push({ line, path: "region", message: `okänd region ${JSON.stringify(field("region"))}` })
      return
    }
    if (seen.has(region.code)) {
      issues.push({ line, path: "region", message: `${region.name} finns redan på rad ${seen.get(region.code)}` })
      return
    }
    seen.set(region.code, line)
    const met = {} as Record<Condition, boolean>
    for (const c of conditions) {
      const value = field(c.id).toLocaleLowerCase("sv")
      if (yes.has(value)) met[c.id] = true
      else if (no.has(value)) met[c.id] = false
      else issues.push({ line, path: c.id, message: `ska vara ja eller nej, fick ${JSON.stringify(field(c.id))}` })
    }
    out.push({ region: region.code, met })
  })
  if (issues.length > 0) return Result.fail(new ValidationError({ source, issues }))
  return Result.succeed(out.sort((a, b) => Collation.swedish(a.region, b.region)))
}
