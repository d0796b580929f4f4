import { readFileSync } from "node:fs"
import { fromZodIssues, type Issue, Kronor, PopulationBasis, Region, ValidationError } from "@uppdrag/core"
import * as Result from "effect/Result"
import { isMap, isSeq, LineCounter, type Node, parseDocument } from "yaml"
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

const lineOf = (root: Node | null, lineCounter: LineCounter, path: ReadonlyArray<PropertyKey>): number | undefined => {
  let node: unknown = root
  let found: unknown = root
  for (const key of path) {
    if (isMap(node)) node = node.get(key as string, true)
    else if (isSeq(node)) node = node.get(key as number, true)
    else break
    if (node === undefined) break
    found = node
  }
  const range = (found as { range?: [number, number, number] } | null)?.range
  return range === undefined ? undefined : lineCounter.linePos(range[0]).line
}

/**
 * Validates grant-file text (UTF-8 JSON or YAML); every problem is reported
 * with its line and path.
 *
 * @example
 * GrantFile.parse(new TextEncoder().encode("id: test\ncomponents:\n  - { id: a, amount: 100, basis: '18+' }\n"), "test.yaml")
 */
export const parse = (bytes: Uint8Array, source: string): Result.Result<Allocation.Spec, ValidationError> => {
  let text: string
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes)
  } catch {
    return Result.fail(new ValidationError({ source, issues: [{ path: "", message: "filen är inte kodad som UTF-8" }] }))
  }
  if (text.trim() === "") return Result.fail(new ValidationError({ source, issues: [{ path: "", message: "filen är tom" }] }))
  const lineCounter = new LineCounter()
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), { lineCounter, uniqueKeys: true, prettyErrors: false })
  if (doc.errors.length > 0) {
    return Result.fail(
      new ValidationError({
        source,
        issues: doc.errors.map((e) => ({ path: "", message: `ogiltig YAML/JSON: ${e.code}`, line: lineCounter.linePos(e.pos[0]).line }))
      })
    )
  }
  const parsed = fileSchema.safeParse(doc.toJS())
  if (!parsed.success) {
    const issues = fromZodIssues(parsed.error.issues).map((issue, i): Issue => {
      const line = lineOf(doc.contents, lineCounter, parsed.error.issues[Math.min(i, parsed.error.issues.length - 1)]?.path ?? [])
      return line === undefined ? issue : { ...issue, line }
    })
    return Result.fail(new ValidationError({ source, issues }))
  }
  const file = parsed.data
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
