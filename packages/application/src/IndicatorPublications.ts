import type { CalendarDate, Region, ValidationError } from "@uppdrag/core"
import { Comparison, type Cube, Dimension, Indicator, IndicatorPublication } from "@uppdrag/indicators"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import * as z from "zod"
import type { CatalogSource } from "./CatalogSource.js"
import type * as Event from "./Event.js"
import { EventLog } from "./EventLog.js"
import type { EventLogError } from "./EventLogError.js"
import type { Populations } from "./Populations.js"
import * as Recording from "./Recording.js"
import type * as Table from "./Table.js"
import * as Today from "./Today.js"

/**
 * Published indicators: protected cubes stored in the event log as numbered
 * `publication` events, written once for the CLI (`uppdrag indicators
 * publish`, `publications`, `show --published`) and the web view
 * (Indikatorer, the region pages). Whether a cube may be published and as
 * which version is `IndicatorPublication.decide` of `@uppdrag/indicators`,
 * run under the log's write lock; a reversed publication is withdrawn.
 *
 * @example
 * import { IndicatorPublications } from "@uppdrag/application"
 * const published = yield* IndicatorPublications.publish({ cube, source: "kub.json", publishedBy: "anna" })
 * published.version // 1
 */

/**
 * The assignment publications are recorded under: the 2024 assignment on
 * compulsory and forensic psychiatric care (S2024/01004), whose follow-up
 * the indicators serve.
 *
 * @since 0.2.0
 */
export const assignment = "tvangsvard-2024"

/**
 * A publication as listed: its version, event, when and by whom it was
 * published, the file it came from, its years and threshold.
 *
 * @example
 * const first: IndicatorPublications.Summary = { version: 1, seq: 12, publishedOn: "2026-11-20", publishedAt: "2026-11-20T09:14:03.120Z",
 *   publishedBy: "anna", source: "kub.json", note: "", years: { from: 2011, to: 2024 }, threshold: 5, digest: "…" }
 * @since 0.2.0
 */
export interface Summary {
  readonly version: number
  readonly seq: number
  /** The business date of the publication (the day it was published). */
  readonly publishedOn: CalendarDate.CalendarDate
  /** When it was recorded (ISO 8601, UTC). */
  readonly publishedAt: string
  readonly publishedBy: string
  readonly source: string
  readonly note: string
  readonly years: { readonly from: number; readonly to: number }
  readonly threshold: number
  readonly digest: string
}

/**
 * A publication with its cube.
 *
 * @since 0.2.0
 */
export interface Published extends Summary {
  readonly cube: Cube.Cube
}

/**
 * No publication has the version asked for.
 *
 * @since 0.2.0
 */
export class UnknownVersion extends Data.TaggedError("UnknownVersion")<{ readonly version: number; readonly versions: ReadonlyArray<number> }> {
  override get message(): string {
    return this.versions.length === 0
      ? `version ${this.version} finns inte: inga indikatorer är publicerade ännu`
      : `version ${this.version} finns inte; publicerade versioner: ${this.versions.join(", ")}`
  }
}

/**
 * A `publication` event in the log does not read back as a publication.
 *
 * @since 0.2.0
 */
export class UnreadablePublication extends Data.TaggedError("UnreadablePublication")<{ readonly seq: number }> {
  override get message(): string {
    return `händelse ${this.seq}: publiceringen i databasen har fel form och kan inte läsas`
  }
}

// What a list needs of a payload, without checking its tens of thousands of cells.
const HeaderSchema = z.object({
  version: z.number().int().positive(),
  source: z.string().min(1),
  digest: z.string(),
  threshold: z.number().int(),
  years: z.object({ from: z.number().int(), to: z.number().int() })
})

const summaryOf = (event: Event.StoredEvent): Result.Result<Summary, UnreadablePublication> => {
  const header = HeaderSchema.safeParse(event.payload)
  if (!header.success) return Result.fail(new UnreadablePublication({ seq: event.seq }))
  const { version, source, digest, threshold, years } = header.data
  return Result.succeed({ version, seq: event.seq, publishedOn: event.date, publishedAt: event.recordedAt, publishedBy: event.recordedBy, source, note: event.note, years, threshold, digest })
}

/** The `publication` events not reversed, in log order. */
const standing: Effect.Effect<Array<Event.StoredEvent>, EventLogError, EventLog> = Effect.gen(function* () {
  const log = yield* EventLog
  const events = yield* log.read({ types: ["publication"] })
  if (events.length === 0) return []
  const reversals = yield* log.read({ types: ["reversal"], related: events.map((e) => e.seq) })
  const withdrawn = new Set(reversals.map((r) => r.reverses))
  return events.filter((e) => !withdrawn.has(e.seq))
})

/**
 * Every standing publication, oldest first (a reversed one is withdrawn and
 * left out).
 *
 * @example
 * (yield* IndicatorPublications.list).map((p) => p.version) // [1, 2]
 * @since 0.2.0
 */
export const list: Effect.Effect<Array<Summary>, UnreadablePublication | EventLogError, EventLog> = Effect.flatMap(standing, (events) =>
  Effect.forEach(events, (e) => Effect.fromResult(summaryOf(e)))
)

/**
 * The latest standing publication without its cube (what "Senast
 * uppdaterad" names), or undefined when nothing is published.
 *
 * @example
 * (yield* IndicatorPublications.newest)?.publishedOn // "2026-11-20"
 * @since 0.2.0
 */
export const newest: Effect.Effect<Summary | undefined, UnreadablePublication | EventLogError, EventLog> = Effect.map(list, (summaries) =>
  summaries.reduce<Summary | undefined>((best, s) => (best === undefined || s.version > best.version ? s : best), undefined)
)

const withCube = (event: Event.StoredEvent): Result.Result<Published, UnreadablePublication> => {
  const payload = IndicatorPublication.PayloadSchema.safeParse(event.payload)
  if (!payload.success) return Result.fail(new UnreadablePublication({ seq: event.seq }))
  const cube = IndicatorPublication.toCube(payload.data)
  return Result.map(summaryOf(event), (summary) => ({ ...summary, cube }))
}

/**
 * The latest standing publication with its cube, or undefined when nothing
 * is published.
 *
 * @example
 * const latest = yield* IndicatorPublications.latest
 * latest?.version // 2
 * @since 0.2.0
 */
export const latest: Effect.Effect<Published | undefined, UnreadablePublication | EventLogError, EventLog> = Effect.gen(function* () {
  const events = yield* standing
  const summaries = yield* Effect.forEach(events, (e) => Effect.fromResult(summaryOf(e)))
  const newest = summaries.reduce((best, s, i) => (best < 0 || s.version > summaries[best]!.version ? i : best), -1)
  return newest < 0 ? undefined : yield* Effect.fromResult(withCube(events[newest]!))
})

/**
 * One standing publication by its version, with its cube.
 *
 * @example
 * const first = yield* IndicatorPublications.byVersion(1)
 * @since 0.2.0
 */
export const byVersion = (version: number): Effect.Effect<Published, UnknownVersion | UnreadablePublication | EventLogError, EventLog> =>
  Effect.gen(function* () {
    const events = yield* standing
    const summaries = yield* Effect.forEach(events, (e) => Effect.fromResult(summaryOf(e)))
    const index = summaries.findIndex((s) => s.version === version)
    if (index < 0) return yield* Effect.fail(new UnknownVersion({ version, versions: summaries.map((s) => s.version) }))
    return yield* Effect.fromResult(withCube(events[index]!))
  })

/**
 * The publication asked for (`version`), else the latest; undefined when
 * nothing is published and no version was asked for.
 *
 * @example
 * const shown = yield* IndicatorPublications.find(query.version)
 * @since 0.2.0
 */
export const find = (version: number | undefined): Effect.Effect<Published | undefined, UnknownVersion | UnreadablePublication | EventLogError, EventLog> =>
  version === undefined ? latest : byVersion(version)

/**
 * What {@link publish} takes: the protected cube, the file it was read from, who publishes it.
 *
 * @since 0.2.0
 */
export interface PublishInput {
  readonly cube: Cube.Cube
  readonly source: string
  readonly publishedBy: string
  readonly note?: string | undefined
}

/** The publications before a new one, as `IndicatorPublication.decide` sees them (reversed ones too: a version is never reused). */
const priorOf = (events: ReadonlyArray<Event.StoredEvent>): IndicatorPublication.Prior =>
  events.flatMap((e) => {
    if (e.type !== "publication") return []
    const header = HeaderSchema.safeParse(e.payload)
    return header.success ? [{ version: header.data.version, digest: header.data.digest }] : []
  })

/**
 * Publishes a protected cube as the next version: under the log's write
 * lock, `IndicatorPublication.decide` against the publications already
 * stored (refused when the cube is not protected, or equals the latest),
 * then one `publication` event dated today by the clock, checked as any
 * event is (`Recording.batch`). All or nothing.
 *
 * @example
 * const published = yield* IndicatorPublications.publish({ cube, source: "kub.json", publishedBy: "anna" })
 * published.version // 1
 * @since 0.2.0
 */
export const publish = (
  input: PublishInput
): Effect.Effect<Summary, IndicatorPublication.Refusal | Recording.Refused | ValidationError | EventLogError, EventLog | CatalogSource | Populations> =>
  Effect.gen(function* () {
    const ctx = yield* Recording.currentContext
    const date = yield* Today.today
    const recordedAt = yield* Today.now
    const log = yield* EventLog
    const template: Event.NewEvent = { type: "publication", assignment, date, recordedBy: input.publishedBy, note: input.note ?? "", payload: {} }
    const valid = yield* Effect.fromResult(Recording.validate([template], input.source))
    const written = yield* log.append<IndicatorPublication.Refusal | Recording.Refused>(
      { grants: new Set(), seqs: new Set(), assignments: new Set(), types: new Set(["publication"]) },
      (snapshot) => {
        const decided = IndicatorPublication.decide({ cube: input.cube, source: input.source }, priorOf(snapshot.prior))
        if (Result.isFailure(decided)) return Result.fail(decided.failure)
        // The payload is the domain's own, already checked; only the event around it is validated above.
        const event = { ...valid[0]!, payload: decided.success as unknown as Event.Json }
        return Recording.batch(ctx, snapshot.prior, [event], { firstSeq: snapshot.nextSeq, recordedAt })
      }
    )
    // The event was just made from a checked payload, so it reads back.
    return yield* Effect.orDie(Effect.fromResult(summaryOf(written[0]!)))
  })

/**
 * One register indicator's value for a region beside Riket's, in a cube's
 * latest year (both sexes, all ages): null where protected.
 *
 * @since 0.2.0
 */
export interface RegionFigure {
  readonly indicator: Indicator.Indicator
  readonly region: number | null
  readonly riket: number | null
}

/**
 * The register indicators of a cube for one region beside Riket, in the
 * cube's latest year (what the region page shows).
 *
 * @example
 * const { year, figures } = IndicatorPublications.regionFigures(published.cube, "03")
 * figures[0]?.riket // Riket's value of the first register indicator
 * @since 0.2.0
 */
export const regionFigures = (cube: Cube.Cube, region: Region.RegionCode): { readonly year: number; readonly figures: ReadonlyArray<RegionFigure> } => {
  const year = cube.years.to
  const at = (indicator: Indicator.Indicator, code: string) => Comparison.value(cube, indicator, { year, region: code, sex: "T", ageGroup: "alla" })
  const riket = Dimension.regions[0]!.code
  return { year, figures: Indicator.all.filter((i) => i.kind === "register").map((indicator) => ({ indicator, region: at(indicator, region), riket: at(indicator, riket) })) }
}

/**
 * The published indicators of one region, with the publication they come from.
 *
 * @since 0.2.0
 */
export interface RegionFigures {
  readonly publication: Summary
  readonly year: number
  readonly figures: ReadonlyArray<RegionFigure>
}

/**
 * The region's indicators beside Riket from the latest publication, or
 * undefined when nothing is published.
 *
 * @example
 * const figures = yield* IndicatorPublications.forRegion("03")
 * figures?.publication.version // 2
 * @since 0.2.0
 */
export const forRegion = (region: Region.RegionCode): Effect.Effect<RegionFigures | undefined, UnreadablePublication | EventLogError, EventLog> =>
  Effect.map(latest, (published) => {
    if (published === undefined) return undefined
    const { cube, ...publication } = published
    return { publication, ...regionFigures(cube, region) }
  })

/**
 * The publications table: version, date, who and the file, as `uppdrag indicators publications` and its CSV.
 *
 * @since 0.2.0
 */
export const columns: Table.Columns<Summary> = [
  { field: "version", header: "Version", kind: "integer", value: (p) => p.version },
  { field: "publishedOn", header: "Publicerad", kind: "date", value: (p) => p.publishedOn },
  { field: "publishedBy", header: "Av", kind: "text", value: (p) => p.publishedBy },
  { field: "source", header: "Källa", kind: "text", value: (p) => p.source },
  { field: "years", header: "År", kind: "text", value: (p) => `${p.years.from}–${p.years.to}` },
  { field: "seq", header: "Händelse", kind: "integer", value: (p) => p.seq }
]
