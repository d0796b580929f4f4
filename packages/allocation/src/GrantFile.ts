import { dirname, isAbsolute, join } from "node:path"
import { InputFile, Kronor, PopulationBasis, Region, SourceDocument, ValidationError } from "@uppdrag/core"
import * as Result from "effect/Result"
import * as z from "zod"
import type * as Allocation from "./Allocation.js"
import * as DistributionKey from "./DistributionKey.js"

/**
 * A grant described in a file (JSON or YAML) for `uppdrag allocate --grant
 * FILE`: `id`, optional `exclude` (region codes), and `components: [{ id,
 * amount, basis, fixedPerRegion? }]`, `basis` like `"18+"`, `"0-25"` or
 * `{ "from": 18, "to": 64 }`, amounts in whole kronor (a component's `amount`
 * is its whole total, fixed parts included). A component split by a
 * distribution key says `basis: { key: FILE }`; one split by population
 * weighted by a key `basis: { age: "18+", weightedBy: FILE }` (population ×
 * weight). FILE is a key file (`region,weight`, see `DistributionKey`),
 * relative to the grant file's folder.
 *
 * @example
 * import { GrantFile } from "@uppdrag/allocation"
 * GrantFile.parseFile("kapacitet-2025.yaml") // Result<Allocation.Spec, ValidationError>
 */

const keyFile = z.string().min(1, "ange nyckelfilen")
const keyBasis = z.strictObject({ key: keyFile })
const weightedBasis = z.strictObject({ age: PopulationBasis.schema, weightedBy: keyFile })

const componentSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "id får bara innehålla a–z, 0–9, - och _"),
  title: z.string().min(1).optional(),
  amount: Kronor.schema,
  basis: z.unknown().transform((value, ctx): z.output<typeof keyBasis> | z.output<typeof weightedBasis> | string => {
    // Chosen by shape, so a mistake is reported against the form meant, not as "none of three".
    const object = typeof value === "object" && value !== null
    const schema = object && "key" in value ? keyBasis : object && ("weightedBy" in value || "age" in value) ? weightedBasis : PopulationBasis.schema
    const parsed = schema.safeParse(value)
    if (parsed.success) return parsed.data
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path as Array<string | number> })
    return z.NEVER
  }),
  fixedPerRegion: Kronor.schema.optional()
})

const fileSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "id får bara innehålla a–z, 0–9, - och _"),
    title: z.string().min(1).optional(),
    exclude: z.array(Region.codeSchema).default([]),
    components: z.array(componentSchema).min(1)
  })
  .superRefine((file, ctx) => {
    const ids = new Set<string>()
    file.components.forEach((c, i) => {
      if (ids.has(c.id)) ctx.addIssue({ code: "custom", path: ["components", i, "id"], message: `komponenten ${c.id} finns redan` })
      ids.add(c.id)
    })
    const seen = new Set<string>()
    file.exclude.forEach((code, i) => {
      if (seen.has(code)) ctx.addIssue({ code: "custom", path: ["exclude", i], message: `${code} står två gånger` })
      seen.add(code)
    })
  })


/**
 * A component's basis as the file writes it, key files not yet read.
 *
 * @since 0.2.0
 */
export type DraftBasis = PopulationBasis.AgeBand | { readonly key: string } | { readonly band: PopulationBasis.AgeBand; readonly weightedBy: string }

/**
 * A grant file validated, its key files named (relative to the grant file) but not yet read.
 *
 * @since 0.2.0
 */
export interface Draft {
  readonly source: string
  readonly id: string
  readonly title?: string | undefined
  readonly exclude: ReadonlyArray<Region.RegionCode>
  readonly components: ReadonlyArray<Omit<Allocation.Component, "basis"> & { readonly basis: DraftBasis }>
  /** The key files the components name: the path as read, the component and the line in the grant file. */
  readonly keys: ReadonlyArray<{ readonly file: string; readonly component: string; readonly line: number | undefined }>
}

/**
 * Validates grant-file bytes (UTF-8 JSON or YAML) without reading any key
 * file: every problem is reported with its line and path.
 *
 * @example
 * GrantFile.decode(bytes, "bidrag.yaml") // Result.succeed({ keys: [{ file: "vardmodell.csv", … }], … })
 * @since 0.2.0
 */
export const decode = (bytes: Uint8Array, source: string): Result.Result<Draft, ValidationError> => {
  const doc = SourceDocument.parse(bytes, source)
  if (Result.isFailure(doc)) return Result.fail(doc.failure)
  const parsed = SourceDocument.validate(doc.success, fileSchema)
  if (Result.isFailure(parsed)) return Result.fail(parsed.failure)
  const file = parsed.success
  const path = (name: string) => (isAbsolute(name) ? name : join(dirname(source), name))
  const keys: Array<{ file: string; component: string; line: number | undefined }> = []
  const components = file.components.map((c, i) => {
    let basis: DraftBasis
    if (typeof c.basis === "string") basis = PopulationBasis.unsafeParse(c.basis)
    else if ("key" in c.basis) {
      basis = { key: path(c.basis.key) }
      keys.push({ file: basis.key, component: c.id, line: doc.success.lineOf(["components", i, "basis", "key"]) })
    } else {
      basis = { band: PopulationBasis.unsafeParse(c.basis.age), weightedBy: path(c.basis.weightedBy) }
      keys.push({ file: basis.weightedBy, component: c.id, line: doc.success.lineOf(["components", i, "basis", "weightedBy"]) })
    }
    return { id: c.id, title: c.title, amount: c.amount, basis, fixedPerRegion: c.fixedPerRegion }
  })
  return Result.succeed({ source, id: file.id, title: file.title, exclude: file.exclude, components, keys })
}

/**
 * The spec of a draft, its key files read and parsed (`keys` by the file
 * names of `draft.keys`). A key missing from `keys` is reported at the line
 * of the grant file that names it.
 *
 * @example
 * GrantFile.resolve(draft, new Map([["vardmodell.csv", key]]))
 * @since 0.2.0
 */
export const resolve = (draft: Draft, keys: ReadonlyMap<string, DistributionKey.Key>): Result.Result<Allocation.Spec, ValidationError> => {
  const missing = draft.keys.filter((k) => !keys.has(k.file))
  if (missing.length > 0) {
    return Result.fail(
      new ValidationError({
        source: draft.source,
        issues: missing.map((k) => ({ path: `components.${k.component}.basis`, ...(k.line === undefined ? {} : { line: k.line }), message: `nyckelfilen ${k.file} är inte läst` }))
      })
    )
  }
  return Result.succeed({
    id: draft.id,
    exclude: draft.exclude,
    components: draft.components.map((c): Allocation.Component => {
      const b = c.basis
      const basis: Allocation.Basis = "key" in b ? { _tag: "Key", key: keys.get(b.key)! } : "weightedBy" in b ? { _tag: "WeightedPopulation", band: b.band, key: keys.get(b.weightedBy)! } : b
      return { id: c.id, title: c.title, amount: c.amount, basis, fixedPerRegion: c.fixedPerRegion }
    })
  })
}

/**
 * Validates grant-file text (UTF-8 JSON or YAML) of a grant without
 * distribution keys; every problem is reported with its line and path.
 * A file that names key files needs them read: use {@link parseFile}, or
 * {@link decode} and {@link resolve}.
 *
 * @example
 * GrantFile.parse(new TextEncoder().encode("id: test\ncomponents:\n  - { id: a, amount: 100, basis: '18+' }\n"), "test.yaml")
 * @since 0.2.0
 */
export const parse = (bytes: Uint8Array, source: string): Result.Result<Allocation.Spec, ValidationError> => {
  const draft = decode(bytes, source)
  if (Result.isFailure(draft)) return Result.fail(draft.failure)
  return resolve(draft.success, new Map())
}

/**
 * Reads and validates a grant file and the key files it names.
 *
 * @example
 * GrantFile.parseFile("kapacitet-2025.json")
 * @since 0.2.0
 */
export const parseFile = (file: string): Result.Result<Allocation.Spec, ValidationError> => {
  const bytes = InputFile.read(file, "grant")
  if (Result.isFailure(bytes)) return Result.fail(bytes.failure)
  const draft = decode(bytes.success, file)
  if (Result.isFailure(draft)) return Result.fail(draft.failure)
  const keys = new Map<string, DistributionKey.Key>()
  for (const k of draft.success.keys) {
    if (keys.has(k.file)) continue
    const keyBytes = InputFile.read(k.file, "distributionKey")
    if (Result.isFailure(keyBytes)) return Result.fail(keyBytes.failure)
    const key = DistributionKey.parse(keyBytes.success, k.file)
    if (Result.isFailure(key)) return Result.fail(key.failure)
    keys.set(k.file, key.success)
  }
  return resolve(draft.success, keys)
}

