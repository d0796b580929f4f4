import { readFileSync } from "node:fs"
import { Kronor, PopulationBasis, Region, SourceDocument, ValidationError } from "@uppdrag/core"
import * as Result from "effect/Result"
import { z } from "zod"
import type * as Allocation from "./Allocation.js"

/**
 * A grant described in a file (JSON or YAML) for `uppdrag allocate --grant
 * FILE`: `id`, optional `exclude` (region codes), and `components: [{ id,
 * amount, basis, fixedPerRegion? }]`, `basis` like `"18+"`, `"0-25"` or
 * `{ "from": 18, "to": 64 }`, amounts in whole kronor (a component's `amount`
 * is its whole total, fixed parts included).
 *
 * @example
 * import { GrantFile } from "@uppdrag/allocation"
 * GrantFile.parseFile("kapacitet-2025.yaml") // Result<Allocation.Spec, ValidationError>
 */

const componentSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "id får bara innehålla a–z, 0–9, - och _"),
  title: z.string().min(1).optional(),
  amount: Kronor.schema,
  basis: PopulationBasis.schema,
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
 * Validates grant-file text (UTF-8 JSON or YAML); every problem is reported
 * with its line and path.
 *
 * @example
 * GrantFile.parse(new TextEncoder().encode("id: test\ncomponents:\n  - { id: a, amount: 100, basis: '18+' }\n"), "test.yaml")
 */
export const parse = (bytes: Uint8Array, source: string): Result.Result<Allocation.Spec, ValidationError> => {
  const parsed = SourceDocument.decode(bytes, source, fileSchema)
  if (Result.isFailure(parsed)) return Result.fail(parsed.failure)
  const file = parsed.success
  return Result.succeed({
    id: file.id,
    exclude: file.exclude,
    components: file.components.map((c) => ({
      id: c.id,
      title: c.title,
      amount: c.amount,
      basis: PopulationBasis.unsafeParse(c.basis),
      fixedPerRegion: c.fixedPerRegion
    }))
  })
}

/**
 * Reads and validates a grant file.
 *
 * @example
 * GrantFile.parseFile("kapacitet-2025.json")
 */
export const parseFile = (file: string): Result.Result<Allocation.Spec, ValidationError> => {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch {
    return Result.fail(new ValidationError({ source: file, issues: [{ path: "", message: "filen finns inte eller kan inte läsas" }] }))
  }
  return parse(bytes, file)
}
