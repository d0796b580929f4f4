import { fromZodIssues, Json, ValidationError } from "@uppdrag/core"
import { stringify } from "csv-stringify/sync"
import * as Result from "effect/Result"
import * as z from "zod"
import * as Cube from "./Cube.js"
import * as Suppression from "./Suppression.js"
import {
  ageGroupLabel,
  ageGroups,
  careFormLabel,
  careForms,
  type Measure,
  measureLabel,
  measures,
  regions,
  sexes,
  sexLabel
} from "./Dimension.js"

/**
 * The publishing formats of the protected cube: CSV with plain numbers, the
 * project's JSON (`{ cells: [...] }`) and JSON-stat 2.0 with `status` marking
 * masked cells. All take a {@link Cube.Cube}, which only exists protected, so
 * no format can publish an unprotected count.
 *
 * @example
 * import { Publication } from "@uppdrag/indicators"
 * process.stdout.write(Publication.toCsv(cube))
 * @since 0.2.0
 */
export const csvHeader = ["year", "region", "sex", "ageGroup", "careForm", "patients", "per100k", "suppressed"] as const

/**
 * CSV, one row per cell: empty `patients` and `per100k` where masked or
 * unknown, `suppressed` `true`/`false`, `.` as decimal point.
 *
 * @example
 * Publication.toCsv(cube).split("\n")[0] // "year,region,sex,ageGroup,careForm,patients,per100k,suppressed"
 * @since 0.2.0
 */
export const toCsv = (cube: Cube.Cube): string => {
  const rows: Array<Array<string | number>> = [[...csvHeader]]
  for (const cell of Cube.cells(cube)) {
    rows.push([cell.year, cell.region, cell.sex, cell.ageGroup, cell.careForm, cell.patients ?? "", cell.per100k ?? "", cell.suppressed ? "true" : "false"])
  }
  return stringify(rows, { record_delimiter: "\n" })
}

/**
 * The project's JSON: `{ "threshold", "cells": [{ year, region, sex, ageGroup, careForm, patients, per100k, suppressed }] }`.
 *
 * @example
 * JSON.parse(Publication.toJson(cube)).cells[0].region // "00"
 * @since 0.2.0
 */
export const toJson = (cube: Cube.Cube): string => {
  const parts: Array<string> = []
  for (const cell of Cube.cells(cube)) parts.push(JSON.stringify(cell))
  return `{"threshold":${cube.threshold},"cells":[\n${parts.join(",\n")}\n]}\n`
}

/**
 * JSON-stat 2.0: one dataset with dimensions year, care form, region, sex,
 * age group and measure (patients, per 100 000); masked cells have a null
 * value and status `.` ("prickad: färre än threshold patienter eller skyddad").
 *
 * @example
 * JSON.parse(Publication.toJsonStat(cube, { label: "Tvångsvård" })).version // "2.0"
 * @since 0.2.0
 */
export const toJsonStat = (cube: Cube.Cube, options: { label?: string; source?: string } = {}): string => {
  const years: Array<string> = []
  for (let y = cube.years.from; y <= cube.years.to; y++) years.push(String(y))
  const value: Array<number | null> = new Array(cube.patients.length * 2)
  const status: Record<string, string> = {}
  for (let i = 0; i < cube.patients.length; i++) {
    const patients = cube.patients[i]!
    const rate = cube.per100k[i]!
    value[2 * i] = patients < 0 ? null : patients
    value[2 * i + 1] = Number.isNaN(rate) ? null : rate
    if (patients < 0) {
      status[String(2 * i)] = "."
      status[String(2 * i + 1)] = "."
    }
  }
  const labels = <T extends string>(keys: ReadonlyArray<T>, label: (key: T) => string): Record<string, string> => Object.fromEntries(keys.map((k) => [k, label(k)]))
  const dataset = {
    version: "2.0",
    class: "dataset",
    label: options.label ?? "Psykiatrisk tvångsvård och rättspsykiatrisk vård: patienter efter region, kön, ålder och vårdform",
    source: options.source ?? "Socialstyrelsen, patientregistret",
    note: [`Prickade värden (status "."): färre än ${cube.threshold} patienter, eller skyddade så att de inte kan räknas fram ur andra uppgifter i samma tabell.`],
    id: ["year", "careForm", "region", "sex", "ageGroup", "measure"],
    size: [years.length, careForms.length, regions.length, sexes.length, ageGroups.length, measures.length],
    role: { time: ["year"], geo: ["region"], metric: ["measure"] },
    dimension: {
      year: { label: "År", category: { index: years } },
      careForm: { label: "Psykiatrisk vårdform", category: { index: careForms, label: labels(careForms, careFormLabel) } },
      region: { label: "Region", category: { index: regions.map((r) => r.code), label: Object.fromEntries(regions.map((r) => [r.code, r.name])) } },
      sex: { label: "Kön", category: { index: sexes, label: labels(sexes, sexLabel) } },
      ageGroup: { label: "Ålder", category: { index: ageGroups, label: labels(ageGroups, ageGroupLabel) } },
      measure: {
        label: "Mått",
        category: {
          index: measures,
          label: labels<Measure>(measures, measureLabel),
          unit: { patienter: { label: "antal", decimals: 0 }, per100k: { label: "per 100 000 invånare", decimals: 1 } }
        }
      }
    },
    value,
    status,
    extension: { threshold: cube.threshold }
  }
  return `${JSON.stringify(dataset)}\n`
}

const cellSchema = z
  .object({
    year: z.number().int().min(1900).max(2200),
    region: z.enum(regions.map((r) => r.code as string) as [string, ...Array<string>]),
    sex: z.enum(["K", "M", "T"]),
    ageGroup: z.enum(ageGroups as unknown as [string, ...Array<string>]),
    careForm: z.enum(careForms as unknown as [string, ...Array<string>]),
    patients: z.number().int().min(0).nullable(),
    per100k: z.number().min(0).nullable(),
    suppressed: z.boolean()
  })
  .refine((c) => c.suppressed === (c.patients === null) && (!c.suppressed || c.per100k === null), {
    message: "patients ska vara null precis när cellen är prickad (suppressed), och en prickad cell har ingen rate"
  })

const fileSchema = z.object({ threshold: z.number().int().min(2).max(100), cells: z.array(cellSchema).min(1) })

/**
 * Reads a cube back from the project's JSON (as written by {@link toJson}):
 * every cell of every year must be there once, and the cube must be
 * protected (no count from 1 to threshold − 1 shown, no masked cell
 * recoverable), so a file that was not protected can't be published again.
 *
 * @example
 * const again = Publication.parseJson(Publication.toJson(cube), "kub.json")
 * @since 0.2.0
 */
export const parseJson = (text: string, source: string): Result.Result<Cube.Cube, ValidationError> => {
  const json = Json.parse(text, source)
  if (Result.isFailure(json)) return Result.fail(json.failure)
  const data = json.success
  const parsed = fileSchema.safeParse(data)
  if (!parsed.success) return Result.fail(new ValidationError({ source, issues: fromZodIssues(parsed.error.issues) }))
  const cells = parsed.data.cells
  const from = Math.min(...cells.map((c) => c.year))
  const to = Math.max(...cells.map((c) => c.year))
  const size = (to - from + 1) * Cube.cellsPerYear
  const patients = new Int32Array(size).fill(-2)
  const per100k = new Float64Array(size).fill(Number.NaN)
  const issues: Array<{ path: string; message: string }> = []
  // Where each cube cell came from in the file, so a refusal names `cells[i]`.
  const fileIndex = new Int32Array(size)
  cells.forEach((c, i) => {
    const index = Cube.cellIndex(
      c.year - from,
      careForms.indexOf(c.careForm as never),
      regions.findIndex((r) => r.code === c.region),
      sexes.indexOf(c.sex as never),
      ageGroups.indexOf(c.ageGroup as never)
    )
    if (patients[index] !== -2) issues.push({ path: `cells[${i}]`, message: "cellen finns två gånger" })
    patients[index] = c.suppressed ? -1 : (c.patients ?? -1)
    fileIndex[index] = i
    if (c.per100k !== null) per100k[index] = c.per100k
  })
  const missing = patients.indexOf(-2)
  if (missing >= 0) issues.push({ path: "cells", message: `${patients.filter((p) => p === -2).length} celler saknas (kuben ska ha alla år ${from}–${to})` })
  if (issues.length > 0) return Result.fail(new ValidationError({ source, issues: issues.slice(0, 20) }))
  const cube: Cube.Cube = { _tag: "Cube", years: { from, to }, threshold: parsed.data.threshold, patients, per100k, rows: null, distinctPatients: null }
  // Only a protected cube may be published again: no small count shown, nothing recoverable.
  const unprotected = exposures(cube).map((e) => (e._tag === "SmallCount" ? { path: `cells[${fileIndex[e.index]}].patients`, message: e.message } : { path: "cells", message: e.message }))
  if (unprotected.length > 0) return Result.fail(new ValidationError({ source, issues: limitIssues(unprotected) }))
  return Result.succeed(cube)
}

/** At most 20 issues, then a line saying how many more. */
const limitIssues = (issues: ReadonlyArray<{ path: string; message: string }>): Array<{ path: string; message: string }> => [
  ...issues.slice(0, 20),
  ...(issues.length > 20 ? [{ path: "", message: `… och ${issues.length - 20} fel till: filen är ingen skyddad kub` }] : [])
]

/**
 * What keeps a cube from being protected: a count from 1 to threshold − 1
 * shown (`SmallCount`, with its cell), or masked cells of one year and care
 * form that can be worked out from the table's other cells (`Recoverable`).
 *
 * @example
 * Publication.exposures(cube) // [] for a cube made by Cube.fromEpisodes
 * @since 0.2.0
 */
export type Exposure =
  | { readonly _tag: "SmallCount"; readonly index: number; readonly cell: Cube.Coordinates; readonly patients: number; readonly message: string }
  | { readonly _tag: "Recoverable"; readonly year: number; readonly careForm: string; readonly cells: number; readonly message: string }

/**
 * Every {@link Exposure} of a cube, in cell order: empty exactly when the
 * cube is protected (what `Cube.fromEpisodes` makes, and the only kind that
 * may be published).
 *
 * @example
 * Publication.exposures(cube).length // 0
 * @since 0.2.0
 */
export const exposures = (cube: Cube.Cube): Array<Exposure> => {
  const found: Array<Exposure> = []
  const { from, to } = cube.years
  for (let yi = 0; yi <= to - from; yi++)
    for (let c = 0; c < careForms.length; c++) {
      const offset = Cube.cellIndex(yi, c, 0, 0, 0)
      const masked = new Uint8Array(Suppression.tableSize)
      for (let k = 0; k < Suppression.tableSize; k++) {
        const n = cube.patients[offset + k] ?? -1
        if (n < 0) masked[k] = 1
        else if (n > 0 && n < cube.threshold) {
          const cell = { year: from + yi, careForm: careForms[c]!, region: regions[Math.floor(k / 27)]!.code, sex: sexes[Math.floor((k % 27) / 9)]!, ageGroup: ageGroups[k % 9]! }
          found.push({
            _tag: "SmallCount",
            index: offset + k,
            cell,
            patients: n,
            message: `${cell.year} ${cell.careForm} ${cell.region} ${cell.sex} ${cell.ageGroup}: ${n} patienter är under tröskeln ${cube.threshold} men inte prickat`
          })
        }
      }
      const open = Suppression.recoverable(masked)
      if (open.length > 0) {
        found.push({ _tag: "Recoverable", year: from + yi, careForm: careForms[c]!, cells: open.length, message: `${from + yi} ${careForms[c]}: ${open.length} prickade celler kan räknas fram ur tabellens övriga celler` })
      }
    }
  return found
}
