import { createHash } from "node:crypto"
import * as Data from "effect/Data"
import * as Result from "effect/Result"
import * as z from "zod"
import * as Cube from "./Cube.js"
import * as Publication from "./Publication.js"

/**
 * A publication: a protected cube as Socialstyrelsen publishes it, numbered
 * 1, 2, 3 … in the order published, with the file it came from and a digest
 * of its figures. This is what a `publication` event carries; the cube's
 * arrays are stored compactly (counts with -1 where masked, rates with null
 * where masked or unknown) in cell order ({@link Cube.cellIndex}).
 *
 * @example
 * import { IndicatorPublication } from "@uppdrag/indicators"
 * const decided = IndicatorPublication.decide({ cube, source: "kub.json" }, [])
 * if (decided._tag === "Success") decided.success.version // 1
 * @since 0.2.0
 */
export interface Payload {
  readonly version: number
  /** The file the cube was read from (its name, as given), for lists and messages. */
  readonly source: string
  /** SHA-256 of the figures (threshold, years, counts, rates): the same cube gives the same digest. */
  readonly digest: string
  readonly threshold: number
  readonly years: { readonly from: number; readonly to: number }
  readonly patients: ReadonlyArray<number>
  readonly per100k: ReadonlyArray<number | null>
}

/**
 * The payload as stored, checked when read back: the arrays must have one
 * entry per cell of the years.
 *
 * @example
 * IndicatorPublication.PayloadSchema.safeParse(event.payload).success // true for a stored publication
 * @since 0.2.0
 */
export const PayloadSchema: z.ZodType<Payload, unknown> = z
  .strictObject({
    version: z.number().int().positive(),
    source: z.string().min(1),
    digest: z.string().regex(/^[0-9a-f]{64}$/),
    threshold: z.number().int().min(2).max(100),
    years: z.strictObject({ from: z.number().int().min(1900).max(2200), to: z.number().int().min(1900).max(2200) }),
    patients: z.array(z.number().int().min(-1)),
    per100k: z.array(z.number().min(0).nullable())
  })
  .refine((p) => p.years.from <= p.years.to && p.patients.length === (p.years.to - p.years.from + 1) * Cube.cellsPerYear && p.per100k.length === p.patients.length, {
    message: "kubens celler stämmer inte med dess år"
  })

/**
 * What is known of earlier publications when deciding a new one: each one's
 * version and digest.
 *
 * @example
 * const prior: IndicatorPublication.Prior = [{ version: 1, digest: "ab…" }]
 * @since 0.2.0
 */
export type Prior = ReadonlyArray<Pick<Payload, "version" | "digest">>

/**
 * The cube is not protected: a small count is shown, or a masked cell can be worked out. Nothing is published.
 *
 * @since 0.2.0
 */
export class NotProtected extends Data.TaggedError("NotProtected")<{ readonly source: string; readonly exposures: ReadonlyArray<Publication.Exposure> }> {
  override get message(): string {
    const first = this.exposures[0]
    const more = this.exposures.length > 1 ? ` (och ${this.exposures.length - 1} fel till)` : ""
    return `${this.source}: kuben är inte skyddad och kan inte publiceras: ${first?.message ?? "okänt fel"}${more}`
  }
}

/**
 * The same figures are already the latest publication; publishing them again would make a version that changes nothing.
 *
 * @since 0.2.0
 */
export class AlreadyPublished extends Data.TaggedError("AlreadyPublished")<{ readonly source: string; readonly version: number }> {
  override get message(): string {
    return `${this.source}: samma kub är redan publicerad som version ${this.version}; ingen ny version behövs`
  }
}

/**
 * Why a cube is not published.
 *
 * @since 0.2.0
 */
export type Refusal = NotProtected | AlreadyPublished

/**
 * The digest of a cube's figures: SHA-256 over its threshold, years, counts and rates.
 *
 * @example
 * IndicatorPublication.digest(cube).length // 64
 * @since 0.2.0
 */
export const digest = (cube: Cube.Cube): string => {
  const hash = createHash("sha256")
  hash.update(`${cube.threshold};${cube.years.from}-${cube.years.to};`)
  hash.update(new Uint8Array(cube.patients.buffer, cube.patients.byteOffset, cube.patients.byteLength))
  // NaN has several bit patterns; one for all keeps equal cubes equal.
  const rates = Float64Array.from(cube.per100k, (r) => (Number.isNaN(r) ? -1 : r))
  hash.update(new Uint8Array(rates.buffer))
  return hash.digest("hex")
}

/**
 * Decides whether a cube is published and as which version: refused when it
 * is not protected (every exposure listed) or when it has the same figures
 * as the latest publication; else the next version (one above the highest
 * so far) with its payload. Pure: the application runs it under the event
 * log's write lock with the publications already stored.
 *
 * @example
 * IndicatorPublication.decide({ cube, source: "kub.json" }, [{ version: 1, digest: "…" }]) // Result.succeed({ version: 2, … })
 * @since 0.2.0
 */
export const decide = (candidate: { readonly cube: Cube.Cube; readonly source: string }, prior: Prior): Result.Result<Payload, Refusal> => {
  const { cube, source } = candidate
  const exposures = Publication.exposures(cube)
  if (exposures.length > 0) return Result.fail(new NotProtected({ source, exposures }))
  const figures = digest(cube)
  const latest = prior.reduce<Prior[number] | undefined>((best, p) => (best === undefined || p.version > best.version ? p : best), undefined)
  if (latest !== undefined && latest.digest === figures) return Result.fail(new AlreadyPublished({ source, version: latest.version }))
  return Result.succeed({
    version: (latest?.version ?? 0) + 1,
    source,
    digest: figures,
    threshold: cube.threshold,
    years: { from: cube.years.from, to: cube.years.to },
    patients: Array.from(cube.patients),
    per100k: Array.from(cube.per100k, (r) => (Number.isNaN(r) ? null : r))
  })
}

/**
 * The cube a payload holds, to compare and show as any other cube.
 *
 * @example
 * Cube.get(IndicatorPublication.toCube(payload), { year: 2024, region: "03", sex: "T", ageGroup: "alla", careForm: "sluten-lpt" })
 * @since 0.2.0
 */
export const toCube = (payload: Payload): Cube.Cube => ({
  _tag: "Cube",
  years: { from: payload.years.from, to: payload.years.to },
  threshold: payload.threshold,
  patients: Int32Array.from(payload.patients),
  per100k: Float64Array.from(payload.per100k, (r) => r ?? Number.NaN),
  rows: null,
  distinctPatients: null
})
