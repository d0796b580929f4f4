import { InputFile, Region, type ValidationError } from "@uppdrag/core"
import { Comparison, type Cube, FollowUp, Indicator, Publication } from "@uppdrag/indicators"
import { IndicatorPublications, IndicatorTable, Table } from "@uppdrag/application"
import * as Effect from "effect/Effect"
import { Refusal, Usage } from "../../terminal/Failure.js"
import { renderCsv } from "../../terminal/Csv.js"
import { writeOutput } from "../../terminal/Output.js"
import { logLayer } from "../../terminal/Log.js"
import { renderTable } from "../../terminal/Table.js"
import { computeCube, parseThreshold } from "./input.js"

/** The options of `uppdrag indicators show`, as commander parses them. */
export interface ShowOptions {
  year?: string
  by: "region" | "sex" | "age" | "careForm"
  region?: string
  cube?: string
  episodes?: string
  population?: string
  populationLag: string
  threshold?: string
  followup?: string
  /** `--published`: the latest publication in the database. */
  published?: boolean
  /** `--publication N`: that version of the publications. */
  publication?: string
  db?: string
  format: "table" | "json" | "csv"
  out?: string
}

const decimals = IndicatorTable.decimalsOf
const number = (value: number | null, digits: number): string =>
  value === null ? ".." : value.toLocaleString("sv-SE", { minimumFractionDigits: digits, maximumFractionDigits: digits }).replace(/\u00a0/g, " ")

/** `uppdrag indicators show ID`: the definition, or the values of a cube or follow-up file. */
export const indicatorsShow = (id: string, options: ShowOptions) =>
  Effect.gen(function* () {
  // Checked before anything is read, so that a malformed value is a usage error with or without data.
  yield* parseThreshold(options.threshold)
  if (options.year !== undefined && !/^\d{4}$/.test(options.year)) return yield* Effect.fail(new Usage({ lines: [`fel: --year: ${JSON.stringify(options.year)} är inget år (skriv t.ex. 2023)`] }))
  const indicator = Indicator.find(id)
  if (indicator === undefined) return yield* Effect.fail(new Refusal({ lines: [`okänd indikator ${JSON.stringify(id)}; se uppdrag indicators list`] }))
  if (indicator.kind === "uppfoljning") return yield* showFollowUp(indicator, options)
  const fromDatabase = options.published === true || options.publication !== undefined
  if (fromDatabase && (options.cube !== undefined || options.episodes !== undefined)) {
    return yield* Effect.fail(new Usage({ lines: ["fel: --published och --publication visar en publicerad kub; ange inte också --cube eller --episodes"] }))
  }
  if (!fromDatabase && options.cube === undefined && options.episodes === undefined) return yield* showDefinition(indicator, options)
  const { cube, origin } = fromDatabase ? yield* loadPublished(options) : { cube: yield* loadCube(options), origin: "" }
  const year = yield* Effect.fromResult(IndicatorTable.yearOf(cube, options.year)).pipe(Effect.mapError((outside) => new Usage({ lines: [`fel: ${outside.message}`] })))
  const digits = decimals(indicator.unit)
  if (options.by === "region") {
    const comparison = Comparison.byRegion(cube, indicator, { year })
    if (options.format === "json") {
    return yield* writeOutput(`${JSON.stringify(comparison, null, 2)}\n`, options.out)
  }
    const columns = IndicatorTable.byRegionColumns(indicator, year)
    if (options.format === "csv") return yield* writeOutput(renderCsv(Table.fields(columns), comparison.rows.map((r) => Table.cells(columns, r))), options.out)
    // On a terminal: a protected value reads "..", a change its sign.
    const cell = (column: Table.Column<Comparison.RegionRow>, row: Comparison.RegionRow): string => {
      const value = column.value(row)
      if (value === null) return column.field === "value" ? ".." : ""
      const text = Table.display(column, value)
      return (column.field === "change" || column.field === "changePercent") && typeof value === "number" && value > 0 ? `+${text}` : text
    }
    const table = renderTable(
      columns.map((c) => ({ header: c.header, numeric: Table.isNumeric(c) })),
      comparison.rows.map((r) => columns.map((c) => cell(c, r)))
    )
    const cv = comparison.coefficientOfVariation === null ? ".." : `${number(comparison.coefficientOfVariation, 1)} %`
    return yield* writeOutput(
      `${indicator.title}, ${year}\n\n${table}\nVariationskoefficient mellan regionerna: ${cv} (${comparison.published} av 21 regioner med publicerat värde)\n.. = prickat (för få patienter) eller saknas.\n${origin}`,
      options.out
    )
  }
  const region = options.region === undefined ? "00" : (Region.find(options.region)?.code ?? "")
  if (region === "") return yield* Effect.fail(new Refusal({ lines: [`okänd region ${JSON.stringify(options.region)}`] }))
  const rows = Comparison.breakdown(cube, indicator, { year, by: options.by, region })
  if (options.format === "json") {
    return yield* writeOutput(`${JSON.stringify({ indicator: indicator.id, year, region, by: options.by, rows }, null, 2)}\n`, options.out)
  }
  const columns = IndicatorTable.breakdownColumns(indicator, options.by)
  if (options.format === "csv") return yield* writeOutput(renderCsv(Table.fields(columns), rows.map((r) => Table.cells(columns, r))), options.out)
  // On a terminal: the label and the value, a protected value "..".
  const shown = columns.filter((c) => c.field !== "key")
  const name = Region.fromCode(region)?.name ?? region
  const table = renderTable(
    shown.map((c) => ({ header: c.header, numeric: Table.isNumeric(c) })),
    rows.map((r) => shown.map((c) => (c.field === "value" ? number(r.value, digits) : Table.display(c, c.value(r)))))
  )
  return yield* writeOutput(`${indicator.title}, ${name}, ${year}\n\n${table}.. = prickat (för få patienter) eller saknas.\n${origin}`, options.out)
  })

const loadCube = (options: ShowOptions): Effect.Effect<Cube.Cube, Refusal | Usage | ValidationError> => {
  if (options.cube === undefined) {
    return computeCube({ episodes: options.episodes!, population: options.population, populationLag: options.populationLag, threshold: options.threshold })
  }
  const file = options.cube
  return Effect.gen(function* () {
    const text = yield* readText(file, "cube")
    return yield* Effect.fromResult(Publication.parseJson(text, file))
  })
}

/** The publication `--publication N` names, else the latest; a line saying which for the table. */
const loadPublished = (options: ShowOptions): Effect.Effect<{ cube: Cube.Cube; origin: string }, unknown> =>
  Effect.gen(function* () {
    const text = options.publication
    if (text !== undefined && !/^[1-9]\d{0,5}$/.test(text)) return yield* Effect.fail(new Usage({ lines: [`fel: --publication ska vara ett versionsnummer (1, 2, 3 …), fick ${JSON.stringify(text)}`] }))
    const published = yield* IndicatorPublications.find(text === undefined ? undefined : Number(text)).pipe(Effect.provide(logLayer(options.db)))
    if (published === undefined) return yield* Effect.fail(new Refusal({ lines: ["Inga indikatorer är publicerade ännu. Publicera en skyddad kub med uppdrag indicators publish KUB.json --by NAMN."] }))
    return { cube: published.cube, origin: `Publicerad version ${published.version}, ${published.publishedOn} (${published.source}).\n` }
  })

const readText = (file: string, kind: InputFile.Kind): Effect.Effect<string, ValidationError> => Effect.suspend(() => Effect.fromResult(InputFile.readText(file, kind)))

const showDefinition = (indicator: Indicator.Indicator, options: ShowOptions) => {
  if (options.format === "json") return writeOutput(`${JSON.stringify(indicator, null, 2)}\n`, options.out)
  const fields: Array<[string, string]> = [
    ["Id", indicator.id],
    ["Titel", indicator.title],
    ["Beskrivning", indicator.description],
    ["Enhet", indicator.unit],
    ["Täljare", indicator.numerator],
    ["Nämnare", indicator.denominator ?? "–"],
    ["Dimensioner", indicator.dimensions.join(", ")],
    ["Högre är bättre", indicator.higherIsBetter === null ? "ingen riktning" : indicator.higherIsBetter ? "ja" : "nej, lägre är bättre"],
    ["Källa", indicator.source],
    ["Per kön", indicator.bySex ? "ja" : "nej"]
  ]
  if (options.format === "csv") return writeOutput(renderCsv(["field", "value"], fields), options.out)
  return writeOutput(`${renderTable([{ header: "Fält" }, { header: "Värde" }], fields)}\nVärden: ange --cube KUB.json eller --episodes FIL.\n`, options.out)
}

const showFollowUp = (indicator: Indicator.Indicator, options: ShowOptions) =>
  Effect.gen(function* () {
    if (options.followup === undefined) return yield* showDefinition(indicator, options)
    const parsed = yield* Effect.fromResult(FollowUp.parseCsv(yield* readText(options.followup, "followUp"), options.followup))
    const progress = IndicatorTable.followUp(parsed, indicator)
    if (options.format === "json") return yield* writeOutput(`${JSON.stringify({ indicator: indicator.id, regions: progress }, null, 2)}\n`, options.out)
    const digits = decimals(indicator.unit)
    const columns = IndicatorTable.followUpColumns(indicator)
    if (options.format === "csv") return yield* writeOutput(renderCsv(Table.fields(columns), progress.map((p) => Table.cells(columns, p))), options.out)
    // On a terminal each value with its year in one cell.
    const rows = progress.map((p) => [
      p.region,
      Region.fromCode(p.region)?.name ?? p.region,
      `${number(p.baseline.value, digits)} (${p.baseline.year})`,
      `${number(p.target.value, digits)} (${p.target.year})`,
      p.latest === null ? ".." : `${number(p.latest.value, digits)} (${p.latest.year})`,
      p.progress === null ? ".." : `${number(p.progress, 1)} %`,
      p.status
    ])
    return yield* writeOutput(
      `${indicator.title}\n\n${renderTable([{ header: "Kod" }, { header: "Region" }, { header: "Baslinje", numeric: true }, { header: "Mål", numeric: true }, { header: "Senaste", numeric: true }, { header: "Framsteg", numeric: true }, { header: "Status" }], rows)}`,
      options.out
    )
  })
