import { createRequire } from "node:module"
import * as Result from "effect/Result"
import * as z from "zod"
import * as CsvSyntax from "./CsvSyntax.js"
import * as InputFile from "./InputFile.js"
import * as Json from "./Json.js"
import * as PopulationBasis from "./PopulationBasis.js"
import * as Region from "./Region.js"
import { formatPath, type Issue, ValidationError } from "./ValidationError.js"
import { fromZodIssues } from "./ZodIssues.js"

/**
 * Population figures by region and age (and optionally sex), read from the
 * project's CSV or from SCB's own exports (PxWeb CSV, PxWeb API v2
 * JSON-stat 2.0), and the basis a grant component is split by: the
 * population of each region in an age band.
 *
 * @example
 * import { Population, PopulationBasis } from "@uppdrag/core"
 * import { Result } from "effect"
 * const population = Result.getOrThrow(Population.parseFile("population-2025-09.csv"))
 * const adults = Result.getOrThrow(Population.basis(population, PopulationBasis.unsafeParse("18+")))
 * adults.get("03") // 329115
 * @since 0.2.0
 */
export interface Population {
  /** The file (or other source) the figures came from, for messages. */
  readonly source: string
  readonly rows: ReadonlyArray<Row>
}

/**
 * `K` kvinnor, `M` män, `T` totalt (båda könen).
 *
 * @since 0.2.0
 */
export type Sex = "K" | "M" | "T"

/**
 * One figure: a region, an age band, optionally a sex, and a head count.
 *
 * @since 0.2.0
 */
export interface Row {
  readonly region: Region.RegionCode
  readonly band: PopulationBasis.AgeBand
  /** Undefined when the source has no sex dimension (then the row is both sexes). */
  readonly sex: Sex | undefined
  readonly population: number
  /** Where the row came from: a 1-based line of a CSV file, or a path into a JSON file. */
  readonly line?: number | undefined
  readonly path?: string | undefined
}

const fail = (source: string, issues: ReadonlyArray<Issue>): Result.Result<never, ValidationError> =>
  Result.fail(new ValidationError({ source, issues }))

// ---------------------------------------------------------------------------
// Decoding: UTF-8 (with or without BOM), else Windows-1252 (SCB's older exports).
// ---------------------------------------------------------------------------

/**
 * Decodes a file's bytes: UTF-8 with or without BOM, or Windows-1252 when
 * the bytes are not UTF-8. UTF-16 and binary data are refused.
 *
 * @example
 * Population.decode(new Uint8Array([0x4a, 0xe4, 0x6e]), "a.csv") // Result.succeed("Jän")
 * @since 0.2.0
 */
export const decode = (bytes: Uint8Array, source: string): Result.Result<string, ValidationError> => {
  if (bytes.length === 0) return fail(source, [{ path: "", message: "filen är tom" }])
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.includes(0)) {
    return fail(source, [{ path: "", message: "filen är inte en textfil i UTF-8 eller Windows-1252 (UTF-16 eller binär data?)" }])
  }
  let text: string
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes)
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes)
    // Bytes Windows-1252 leaves undefined come out as C1 control characters.
    const bad = /[\u0080-\u009f]/.exec(text)
    if (bad !== null) {
      const line = text.slice(0, bad.index).split("\n").length
      return fail(source, [{ path: "", line, message: "filen är varken UTF-8 eller Windows-1252 (ogiltiga tecken)" }])
    }
  }
  text = text.replace(/^\uFEFF/, "")
  if (text.trim() === "") return fail(source, [{ path: "", message: "filen är tom" }])
  return Result.succeed(text)
}

// ---------------------------------------------------------------------------
// Field parsers shared by the formats.
// ---------------------------------------------------------------------------

/**
 * Why a head count text is not a non-negative integer, in Swedish, or undefined.
 *
 * @since 0.2.0
 */
export const invalidCountReason = (text: string): string | undefined => {
  const t = text.trim()
  if (t === "") return "värde saknas"
  if (/^\d+$/.test(t)) return Number.isSafeInteger(Number(t)) ? undefined : `${t} är för stort`
  if (/^[-−]\s*\d+([.,]\d+)?$/.test(t)) return `får inte vara negativt (${t})`
  if (/^\d+[.,]\d+$/.test(t)) return `måste vara ett heltal (${t})`
  return `${JSON.stringify(t)} är inte ett tal`
}

/** Parses an age as SCB and the project write it: `34`, `34 år`, `100+`, `100+ år`, `0-25`, `18+`. */
const parseAge = (text: string): Result.Result<PopulationBasis.AgeBand, string> => {
  const t = text
    .trim()
    .replace(/\s*år$/i, "")
    .replace(/[–—]/g, "-")
    .replace(/\s*-\s*/, "-")
  const parsed = PopulationBasis.parse(t)
  return Result.isFailure(parsed) ? Result.fail(`${JSON.stringify(text.trim())} är ingen ålder (t.ex. 34, 100+, 0-25 eller 18+)`) : parsed
}

const parseSex = (text: string): Sex | undefined => {
  const t = text.trim().toLocaleLowerCase("sv")
  if (["k", "kvinnor", "kvinna", "2", "women", "female", "f"].includes(t)) return "K"
  if (["m", "män", "man", "1", "men", "male"].includes(t)) return "M"
  if (["t", "totalt", "båda könen", "män och kvinnor", "1+2", "total", "tot"].includes(t)) return "T"
  return undefined
}

const isTotalAge = (text: string): boolean => /^(totalt?|tot|samtliga|alla åldrar|totalt ålder)$/i.test(text.trim())

const bandKey = (band: PopulationBasis.AgeBand): string => PopulationBasis.format(band)

const where = (row: Row): string => (row.line !== undefined ? `rad ${row.line}` : (row.path ?? ""))

/**
 * Checks the rows as a whole: no (region, age, sex) twice, and every region
 * present for each age band and sex that occurs.
 */
const checkRows = (source: string, rows: ReadonlyArray<Row>): Result.Result<Population, ValidationError> => {
  const issues: Array<Issue> = []
  if (rows.length === 0) return fail(source, [{ path: "", message: "filen innehåller inga befolkningsrader" }])
  const seen = new Map<string, Row>()
  const regionsByBand = new Map<string, Set<string>>()
  for (const row of rows) {
    const key = `${row.region}|${bandKey(row.band)}|${row.sex ?? ""}`
    const first = seen.get(key)
    if (first !== undefined) {
      issues.push({
        path: "region",
        ...(row.line !== undefined ? { line: row.line } : {}),
        message: `${row.region} ålder ${bandKey(row.band)}${row.sex === undefined ? "" : ` kön ${row.sex}`} finns redan (${where(first)})${row.line === undefined && row.path !== undefined ? ` (${row.path})` : ""}`
      })
      continue
    }
    seen.set(key, row)
    const bandAndSex = `${bandKey(row.band)}|${row.sex ?? ""}`
    const set = regionsByBand.get(bandAndSex) ?? new Set<string>()
    set.add(row.region)
    regionsByBand.set(bandAndSex, set)
  }
  for (const [bandAndSex, regions] of regionsByBand) {
    const [band, sex] = bandAndSex.split("|")
    const missing = Region.all.filter((r) => !regions.has(r.code))
    if (missing.length > 0) {
      issues.push({
        path: "region",
        message: `ålder ${band}${sex === "" ? "" : ` kön ${sex}`}: ${missing.map((r) => `${r.name} (${r.code})`).join(", ")} saknas`
      })
    }
  }
  const hasSex = rows.some((r) => r.sex !== undefined)
  if (hasSex && rows.some((r) => r.sex === undefined)) issues.push({ path: "sex", message: "kön saknas på vissa rader men inte på andra" })
  return issues.length > 0 ? fail(source, issues) : Result.succeed({ source, rows })
}

// ---------------------------------------------------------------------------
// CSV: the project's format and SCB's PxWeb export.
// ---------------------------------------------------------------------------

type Records = Array<{ record: Array<string>; info: { lines: number } }>

/**
 * `csv-parse/sync`, loaded on the first CSV read rather than with the
 * package (only population input needs it); `require` gives its CommonJS
 * build to the ESM and the CJS build of this package alike.
 */
let csvParseModule: typeof import("csv-parse/sync") | undefined
const csvParse = (): typeof import("csv-parse/sync") =>
  (csvParseModule ??= createRequire(import.meta.url)("csv-parse/sync") as typeof import("csv-parse/sync"))

const readCsv = (text: string, delimiter: string): Result.Result<Records, Issue> => {
  try {
    const records = csvParse().parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true
    }) as unknown as Records
    return Result.succeed(records)
  } catch (error) {
    return Result.fail(CsvSyntax.issue(error, text, delimiter))
  }
}

const normaliseHeader = (text: string): string => text.trim().toLocaleLowerCase("sv")

/** The project's header `region,age,population[,sex]`, in any order. */
const projectColumns = ["region", "age", "population", "sex"] as const

const parseProjectCsv = (source: string, records: Records): Result.Result<Population, ValidationError> => {
  const header = records[0]!.record.map(normaliseHeader)
  const headerLine = records[0]!.info.lines
  const issues: Array<Issue> = []
  const index = new Map<string, number>()
  header.forEach((name, i) => {
    if (!(projectColumns as ReadonlyArray<string>).includes(name)) issues.push({ path: name === "" ? `kolumn ${i + 1}` : name, line: headerLine, message: "okänd kolumn (förväntade region, age, population och ev. sex)" })
    else if (index.has(name)) issues.push({ path: name, line: headerLine, message: "kolumnen finns två gånger" })
    else index.set(name, i)
  })
  for (const column of ["region", "age", "population"]) {
    if (!index.has(column)) issues.push({ path: column, line: headerLine, message: "kolumnen saknas i rubrikraden (region,age,population)" })
  }
  if (issues.length > 0) return fail(source, issues)
  const rows: Array<Row> = []
  for (const { record, info } of records.slice(1)) {
    const line = info.lines
    if (record.length !== header.length) {
      issues.push({ path: "", line, message: `raden har ${record.length} fält, rubrikraden ${header.length}` })
      continue
    }
    const field = (name: string): string => record[index.get(name)!] ?? ""
    const before = issues.length
    const regionText = field("region")
    if (!Region.isRegionCode(regionText)) {
      issues.push({ path: "region", line, message: regionText === "" ? "saknas" : `okänd regionkod ${JSON.stringify(regionText)} (ange SCB-kod 01–25 med två siffror)` })
    }
    const age = parseAge(field("age"))
    if (Result.isFailure(age)) issues.push({ path: "age", line, message: field("age") === "" ? "saknas" : age.failure })
    else if (/år/i.test(field("age"))) issues.push({ path: "age", line, message: `skriv åldern utan "år" (${field("age")})` })
    const countReason = invalidCountReason(field("population"))
    if (countReason !== undefined) issues.push({ path: "population", line, message: countReason })
    let sex: Sex | undefined
    if (index.has("sex")) {
      const text = field("sex")
      if (!["K", "M", "T"].includes(text)) issues.push({ path: "sex", line, message: text === "" ? "saknas" : `${JSON.stringify(text)} är inte K, M eller T` })
      else sex = text as Sex
    }
    if (issues.length === before && Result.isSuccess(age)) {
      rows.push({ region: regionText as Region.RegionCode, band: age.success, sex, population: Number(field("population")), line })
    }
  }
  if (issues.length > 0) return fail(source, issues)
  return checkRows(source, rows)
}

interface PxColumns {
  readonly region: number
  readonly age: number
  readonly sex: number | undefined
  /** Value columns, with the sex their header names (`män 2025`), if any. */
  readonly values: ReadonlyArray<{ index: number; header: string; sex: Sex | undefined }>
}

const findPxHeader = (records: Records): { at: number; columns: PxColumns } | undefined => {
  for (let at = 0; at < Math.min(records.length, 10); at++) {
    const header = records[at]!.record.map(normaliseHeader)
    const region = header.findIndex((h) => h === "region" || h === "län")
    const age = header.findIndex((h) => h === "ålder" || h === "alder" || h === "age")
    if (region < 0 || age < 0) continue
    const sexIndex = header.findIndex((h) => h === "kön" || h === "kon" || h === "sex")
    const values = header.flatMap((h, index) => {
      if (index === region || index === age || index === sexIndex) return []
      const words = h.split(/\s+/)
      const sex = words.map(parseSex).find((s) => s !== undefined && !/^\d+$/.test(words[0] ?? ""))
      return [{ index, header: records[at]!.record[index] ?? h, sex }]
    })
    return { at, columns: { region, age, sex: sexIndex < 0 ? undefined : sexIndex, values } }
  }
  return undefined
}

const parsePxCsv = (source: string, records: Records, found: { at: number; columns: PxColumns }): Result.Result<Population, ValidationError> => {
  const { columns } = found
  const headerLine = records[found.at]!.info.lines
  if (columns.values.length === 0) return fail(source, [{ path: "", line: headerLine, message: "rubrikraden saknar en kolumn med folkmängd" }])
  // Several value columns are only allowed when each names a sex (män 2025, kvinnor 2025).
  const sexes = columns.values.map((v) => v.sex)
  if (columns.values.length > 1 && (sexes.includes(undefined) || new Set(sexes).size !== sexes.length || columns.sex !== undefined)) {
    return fail(source, [
      {
        path: columns.values.map((v) => v.header).join(", "),
        line: headerLine,
        message: "flera värdekolumner (t.ex. flera år): exportera en tidpunkt i taget"
      }
    ])
  }
  const issues: Array<Issue> = []
  const rows: Array<Row> = []
  const width = records[found.at]!.record.length
  for (const { record, info } of records.slice(found.at + 1)) {
    const line = info.lines
    // PxWeb appends footnotes after a blank line; a one-field line is such a note.
    if (record.length === 1) continue
    if (record.length !== width) {
      issues.push({ path: "", line, message: `raden har ${record.length} fält, rubrikraden ${width}` })
      continue
    }
    const regionText = record[columns.region] ?? ""
    const ageText = record[columns.age] ?? ""
    const region = Region.find(regionText)
    if (region?.code === "00" || /^riket$/i.test(regionText.replace(/^00\s*/, ""))) continue
    if (isTotalAge(ageText)) continue
    const before = issues.length
    if (region === undefined) issues.push({ path: "region", line, message: `okänd region ${JSON.stringify(regionText)} (förväntade t.ex. "01 Stockholms län")` })
    const age = parseAge(ageText)
    if (Result.isFailure(age)) issues.push({ path: "ålder", line, message: age.failure })
    let rowSex: Sex | undefined
    if (columns.sex !== undefined) {
      const text = record[columns.sex] ?? ""
      rowSex = parseSex(text)
      if (rowSex === undefined) issues.push({ path: "kön", line, message: `${JSON.stringify(text)} är inte män, kvinnor eller totalt` })
    }
    for (const value of columns.values) {
      const text = record[value.index] ?? ""
      const reason = text.trim() === ".." ? "värde saknas (..)" : invalidCountReason(text)
      if (reason !== undefined) {
        issues.push({ path: value.header, line, message: reason })
        continue
      }
      if (issues.length === before && region !== undefined && Result.isSuccess(age)) {
        rows.push({ region: region.code, band: age.success, sex: value.sex ?? rowSex, population: Number(text.trim()), line })
      }
    }
  }
  if (issues.length > 0) return fail(source, issues)
  return checkRows(source, rows)
}

/**
 * Parses a population CSV: the project's `region,age,population[,sex]` or
 * SCB's PxWeb export (`"region";"ålder";"kön";"2025M09"` with
 * `01 Stockholms län`, `18 år`, `100+ år`), separated by `,` or `;`
 * (or tab), in UTF-8 with or without BOM or in Windows-1252.
 *
 * @example
 * Population.parseCsv(new TextEncoder().encode("region,age,population\n01,18+,1979654\n…"), "befolkning.csv")
 * @since 0.2.0
 */
export const parseCsv = (bytes: Uint8Array, source: string): Result.Result<Population, ValidationError> => {
  const decoded = decode(bytes, source)
  if (Result.isFailure(decoded)) return Result.fail(decoded.failure)
  const text = decoded.success
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== "") ?? ""
  const counts = [",", ";", "\t"].map((d) => [d, firstLine.split(d).length] as const)
  const ordered = [...counts].sort((a, b) => b[1] - a[1]).map(([d]) => d)
  let lastError: Issue | undefined
  for (const delimiter of ordered) {
    const records = readCsv(text, delimiter)
    if (Result.isFailure(records)) {
      lastError ??= records.failure
      continue
    }
    const all = records.success
    if (all.length === 0) return fail(source, [{ path: "", message: "filen är tom" }])
    const header = all[0]!.record.map(normaliseHeader)
    if (header.includes("population") || (header.includes("region") && header.includes("age"))) return parseProjectCsv(source, all)
    const px = findPxHeader(all)
    if (px !== undefined) return parsePxCsv(source, all, px)
    if (delimiter === ordered[0]) {
      lastError = { path: "", line: all[0]!.info.lines, message: "rubrikraden saknas eller saknar kolumnerna region, age och population (eller SCB:s region och ålder)" }
    }
  }
  return fail(source, [lastError ?? { path: "", message: "okänt filformat" }])
}

// ---------------------------------------------------------------------------
// PxWeb API v2: JSON-stat 2.0.
// ---------------------------------------------------------------------------

// SCB's answers carry more than is read here (note, unit, extension …): extra keys are allowed.
const JsonStatCategorySchema = z.looseObject({
  index: z.union([z.array(z.string()), z.record(z.string(), z.number().int().min(0))]).optional(),
  label: z.record(z.string(), z.string()).optional()
})
type JsonStatCategory = z.infer<typeof JsonStatCategorySchema>

/**
 * The part of a JSON-stat 2.0 dataset a population is read from: every
 * value checked for its type, so a number where text belongs or a `null`
 * dimension is an issue at its JSON path, not a crash.
 *
 * @example
 * Population.JsonStatDatasetSchema.safeParse(JSON.parse(text)).success
 * @since 0.2.0
 */
export const JsonStatDatasetSchema = z.looseObject({
  version: z.string().optional(),
  class: z.literal("dataset"),
  id: z.array(z.string()).min(1),
  size: z.array(z.number().int().min(0)).min(1),
  role: z.looseObject({ time: z.array(z.string()).optional(), metric: z.array(z.string()).optional() }).optional(),
  dimension: z.record(z.string(), z.looseObject({ label: z.string().optional(), category: JsonStatCategorySchema })),
  value: z.union([z.array(z.number().nullable()), z.record(z.string(), z.number().nullable())])
})
type JsonStatDataset = z.infer<typeof JsonStatDatasetSchema>

/** More values than any population by region, age and sex has (21 × 101 × 3 plus totals). */
const MAX_VALUES = 1_000_000

const categoryCodes = (category: JsonStatCategory | undefined): Array<string> => {
  const index = category?.index
  if (Array.isArray(index)) return index
  if (index !== undefined) return Object.entries(index).sort((a, b) => a[1] - b[1]).map(([code]) => code)
  return Object.keys(category?.label ?? {})
}

/**
 * Parses SCB's PxWeb API v2 JSON-stat 2.0 answer for population by region,
 * age (and sex). A time or content dimension must hold a single value;
 * Riket and "totalt" categories are skipped.
 *
 * @example
 * Population.parseJsonStat(bytes, "scb.json")
 * @since 0.2.0
 */
export const parseJsonStat = (bytes: Uint8Array, source: string): Result.Result<Population, ValidationError> => {
  const decoded = decode(bytes, source)
  if (Result.isFailure(decoded)) return Result.fail(decoded.failure)
  const json = Json.parse(decoded.success, source)
  if (Result.isFailure(json)) return Result.fail(json.failure)
  const value = json.success
  if (typeof value !== "object" || value === null || Array.isArray(value) || (value as { class?: unknown }).class !== "dataset") {
    return fail(source, [{ path: "", message: "inte ett JSON-stat 2.0-dataset (class, id, size och dimension krävs)" }])
  }
  const parsed = JsonStatDatasetSchema.safeParse(value, { reportInput: true })
  if (!parsed.success) return fail(source, fromZodIssues(parsed.error.issues).slice(0, 50))
  const data: JsonStatDataset = parsed.data
  if (data.id.length !== data.size.length) return fail(source, [{ path: "size", message: `${data.size.length} storlekar men id anger ${data.id.length} dimensioner` }])
  const undescribed = data.id.filter((id) => data.dimension[id] === undefined)
  if (undescribed.length > 0) return fail(source, undescribed.map((id) => ({ path: formatPath(["dimension", id]), message: "dimensionen finns i id men beskrivs inte" })))
  const count = data.size.reduce((a, b) => a * b, 1)
  if (count > MAX_VALUES) return fail(source, [{ path: "size", message: `${count} värden; en befolkningsfil har högst ${MAX_VALUES}` }])
  const ids = data.id
  const size = data.size
  const dimension = data.dimension
  const label = (id: string): string => normaliseHeader(dimension[id]?.label ?? id)
  const find = (pattern: RegExp): number => ids.findIndex((id) => pattern.test(normaliseHeader(id)) || pattern.test(label(id)))
  const regionAt = find(/^(region|län)$/)
  const ageAt = find(/^(alder|ålder|age)$/)
  const sexAt = find(/^(kon|kön|sex)$/)
  const issues: Array<Issue> = []
  if (regionAt < 0) issues.push({ path: "dimension", message: "dimensionen region saknas" })
  if (ageAt < 0) issues.push({ path: "dimension", message: "dimensionen ålder saknas" })
  ids.forEach((id, i) => {
    if (i !== regionAt && i !== ageAt && i !== sexAt && size[i] !== 1) {
      issues.push({ path: `dimension.${id}`, message: `${size[i]} värden; exportera en tidpunkt och ett innehåll i taget` })
    }
  })
  if (issues.length > 0) return fail(source, issues)
  const codes = ids.map((id) => categoryCodes(dimension[id]?.category))
  const labels = ids.map((id) => dimension[id]?.category?.label ?? {})
  const total = size.reduce((a, b) => a * b, 1)
  ids.forEach((id, i) => {
    if (codes[i]!.length !== size[i]) issues.push({ path: `dimension.${id}.category`, message: `${codes[i]!.length} kategorier men size säger ${size[i]}` })
  })
  const values = data.value
  if (values === undefined || (Array.isArray(values) && values.length !== total)) {
    issues.push({ path: "value", message: `förväntade ${total} värden, fick ${Array.isArray(values) ? values.length : 0}` })
  }
  if (issues.length > 0) return fail(source, issues)
  const rows: Array<Row> = []
  const strides = size.map((_, i) => size.slice(i + 1).reduce((a, b) => a * b, 1))
  for (let position = 0; position < total; position++) {
    const at = (dim: number): number => Math.floor(position / strides[dim]!) % size[dim]!
    const regionCode = codes[regionAt]![at(regionAt)]!
    const regionLabel = labels[regionAt]![regionCode] ?? regionCode
    const ageCode = codes[ageAt]![at(ageAt)]!
    const ageLabel = labels[ageAt]![ageCode] ?? ageCode
    const path = `value[${position}]`
    if (regionCode === "00" || /^riket$/i.test(regionLabel)) continue
    if (isTotalAge(ageCode) || isTotalAge(ageLabel)) continue
    const region = Region.isRegionCode(regionCode) ? Region.fromCode(regionCode) : undefined
    if (region === undefined) {
      issues.push({ path: `dimension.${ids[regionAt]}.${regionCode}`, message: `okänd region ${JSON.stringify(`${regionCode} ${regionLabel}`)}` })
      continue
    }
    const age = parseAge(ageCode.replace(/^(\d+)\+?$/, (m) => m))
    const ageFromLabel = Result.isFailure(age) ? parseAge(ageLabel) : age
    if (Result.isFailure(ageFromLabel)) {
      issues.push({ path: `dimension.${ids[ageAt]}.${ageCode}`, message: ageFromLabel.failure })
      continue
    }
    let sex: Sex | undefined
    if (sexAt >= 0) {
      const sexCode = codes[sexAt]![at(sexAt)]!
      sex = parseSex(labels[sexAt]![sexCode] ?? sexCode) ?? parseSex(sexCode)
      if (sex === undefined) {
        issues.push({ path: `dimension.${ids[sexAt]}.${sexCode}`, message: `${JSON.stringify(labels[sexAt]![sexCode] ?? sexCode)} är inte män, kvinnor eller totalt` })
        continue
      }
    }
    const value = Array.isArray(values) ? values[position] : values[String(position)]
    if (typeof value !== "number") {
      issues.push({ path, message: `värde saknas för ${region.name}, ${ageLabel}` })
      continue
    }
    const reason = invalidCountReason(String(value))
    if (reason !== undefined) {
      issues.push({ path, message: `${region.name}, ${ageLabel}: ${reason}` })
      continue
    }
    rows.push({ region: region.code, band: ageFromLabel.success, sex, population: value, path })
  }
  if (issues.length > 0) return fail(source, issues.slice(0, 50))
  return checkRows(source, rows)
}

/**
 * Parses population bytes of any supported format: JSON-stat when the text
 * starts with `{`, otherwise CSV.
 *
 * @example
 * Population.parse(readFileSync("befolkning.csv"), "befolkning.csv")
 * @since 0.2.0
 */
export const parse = (bytes: Uint8Array, source: string): Result.Result<Population, ValidationError> => {
  let start = 0
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3
  while (start < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[start]!)) start++
  return bytes[start] === 0x7b ? parseJsonStat(bytes, source) : parseCsv(bytes, source)
}

/**
 * Reads and parses a population file.
 *
 * @example
 * Population.parseFile("../shared/data/population-2025-09.csv")
 * @since 0.2.0
 */
export const parseFile = (file: string): Result.Result<Population, ValidationError> =>
  Result.flatMap(InputFile.read(file, "population"), (bytes) => parse(bytes, file))

// ---------------------------------------------------------------------------
// Basis resolution.
// ---------------------------------------------------------------------------

/**
 * The population of each region in an age band, for one sex (`T`, both
 * sexes, by default): taken from the row with exactly that band, or summed
 * from single-year rows (and one open top row such as `100+`) that cover the
 * band exactly. A gap, an overlap, or an exact row that disagrees with the
 * sum is an error; so is a region without the band. Totals for `T` come from
 * rows without sex or marked `T`, or else from `K` + `M`.
 *
 * @example
 * Population.basis(population, PopulationBasis.unsafeParse("0-25")) // Result<Map<RegionCode, number>, ValidationError>
 * @since 0.2.0
 */
export const basis = (
  population: Population,
  band: PopulationBasis.AgeBand,
  options: { sex?: Sex; regions?: ReadonlyArray<Region.RegionCode> } = {}
): Result.Result<Map<Region.RegionCode, number>, ValidationError> => {
  const sex = options.sex ?? "T"
  const regions = options.regions ?? Region.all.map((r) => r.code)
  const issues: Array<Issue> = []
  const result = new Map<Region.RegionCode, number>()
  const byRegion = new Map<string, Array<Row>>()
  for (const row of population.rows) {
    const list = byRegion.get(row.region) ?? []
    list.push(row)
    byRegion.set(row.region, list)
  }
  const label = PopulationBasis.format(band)
  for (const code of regions) {
    const rows = byRegion.get(code) ?? []
    const resolved = resolveSex(rows, band, sex)
    if (typeof resolved === "string") {
      const name = Region.fromCode(code)?.name ?? code
      issues.push({ path: `${code} ${label}`, message: `${name}, ålder ${label}${sex === "T" ? "" : ` (${sex})`}: ${resolved}` })
    } else {
      result.set(code, resolved)
    }
  }
  return issues.length > 0 ? fail(population.source, issues) : Result.succeed(result)
}

const resolveSex = (rows: ReadonlyArray<Row>, band: PopulationBasis.AgeBand, sex: Sex): number | string => {
  if (sex !== "T") return resolveBand(rows.filter((r) => r.sex === sex), band)
  const total = rows.filter((r) => r.sex === undefined || r.sex === "T")
  const fromTotal = total.length > 0 ? resolveBand(total, band) : undefined
  const women = rows.filter((r) => r.sex === "K")
  const men = rows.filter((r) => r.sex === "M")
  let fromSexes: number | string | undefined
  if (women.length > 0 || men.length > 0) {
    const k = resolveBand(women, band)
    const m = resolveBand(men, band)
    fromSexes = typeof k === "string" ? `kvinnor: ${k}` : typeof m === "string" ? `män: ${m}` : k + m
  }
  if (typeof fromTotal === "number" && typeof fromSexes === "number" && fromTotal !== fromSexes) {
    return `totalt ${fromTotal} men kvinnor + män ${fromSexes}; uppgifterna går isär`
  }
  if (typeof fromTotal === "number") return fromTotal
  if (typeof fromSexes === "number") return fromSexes
  return fromTotal ?? fromSexes ?? "uppgift saknas"
}

const ageList = (ages: ReadonlyArray<number>): string => {
  const parts: Array<string> = []
  let i = 0
  while (i < ages.length) {
    let j = i
    while (j + 1 < ages.length && ages[j + 1] === ages[j]! + 1) j++
    parts.push(i === j ? `${ages[i]}` : `${ages[i]}–${ages[j]}`)
    i = j + 1
  }
  return parts.join(", ")
}

/** Resolves one band from rows of one region and one sex: a number, or why not (Swedish). */
const resolveBand = (rows: ReadonlyArray<Row>, band: PopulationBasis.AgeBand): number | string => {
  const exact = rows.find((r) => PopulationBasis.equals(r.band, band))
  // Covering rows: single years and open top bands inside the band.
  const inside = rows.filter(
    (r) => r !== exact && (r.band.to === r.band.from || r.band.to === undefined) && r.band.from >= band.from && (band.to === undefined || (r.band.to !== undefined && r.band.to <= band.to))
  )
  let sum: number | string | undefined
  if (inside.length > 0) {
    const open = inside.filter((r) => r.band.to === undefined)
    const singles = inside.filter((r) => r.band.to !== undefined)
    const top = band.to ?? Math.max(...open.map((r) => r.band.from - 1), ...singles.map((r) => r.band.from))
    const counted = new Map<number, number>()
    for (const r of singles) counted.set(r.band.from, (counted.get(r.band.from) ?? 0) + 1)
    const missing: Array<number> = []
    const openFrom = open.length === 1 ? open[0]!.band.from : Number.POSITIVE_INFINITY
    for (let age = band.from; age <= Math.min(top, openFrom - 1); age++) if (!counted.has(age)) missing.push(age)
    const inOpen = singles.filter((r) => r.band.from >= openFrom).map((r) => r.band.from)
    if (open.length > 1) sum = `öppna intervall överlappar (${open.map((r) => PopulationBasis.format(r.band)).join(", ")})`
    else if (inOpen.length > 0) sum = `ettårsrader för ${ageList(inOpen)} år överlappar ${PopulationBasis.format(open[0]!.band)}`
    else if (missing.length > 0) sum = `ettårsrader saknas för ${ageList(missing)} år`
    else if (band.to === undefined && open.length === 0) sum = `ingen rad för de äldsta (t.ex. 100+) finns, så ${PopulationBasis.format(band)} kan inte summeras`
    else sum = inside.reduce((acc, r) => acc + r.population, 0)
  }
  if (exact !== undefined) {
    if (typeof sum === "number" && sum !== exact.population) {
      return `raden ${PopulationBasis.format(band)} (${where(exact)}) säger ${exact.population} men ettårsraderna summerar till ${sum}`
    }
    return exact.population
  }
  if (sum === undefined) return "ingen rad för åldersintervallet och inga ettårsrader som täcker det"
  return sum
}
