import { fileURLToPath } from "node:url"
import { CalendarDate, FreeText, fromZodIssues, InputFile, type Issue, ValidationError } from "@uppdrag/core"
import * as Result from "effect/Result"
import * as z from "zod"
import * as SourceText from "./internal/SourceText.js"
import { rrule } from "./internal/Rrule.js"
import * as Occurrence from "./Occurrence.js"
import { timePattern, zone } from "./internal/StockholmTime.js"

const slug = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "id får bara innehålla a–z, 0–9, - och _")
const time = z.string().regex(timePattern, "klockslag skrivs TT:MM, t.ex. 13:00")

const allowedFrequencies = ["YEARLY", "MONTHLY", "WEEKLY", "DAILY"]

/**
 * Why an RFC 5545 RRULE value is not usable for a series, in Swedish, or
 * `undefined` when it is. DTSTART, TZID and UNTIL come from the series'
 * own fields (`start`, the Stockholm zone, `until`), so the rule must not carry them.
 *
 * @example
 * ruleProblem("FREQ=MONTHLY;BYDAY=2TU") // undefined
 * ruleProblem("FREQ=HOURLY") // "FREQ=HOURLY stöds inte (…)"
 * @since 0.2.0
 */
export const ruleProblem = (rule: string): string | undefined => {
  if (/DTSTART|TZID|UNTIL|\n/i.test(rule)) return "regeln får inte innehålla DTSTART, TZID eller UNTIL (ange start och until som egna fält)"
  const freq = /(?:^|;)FREQ=([A-Z]+)/i.exec(rule)?.[1]?.toUpperCase()
  if (freq === undefined) return "regeln saknar FREQ (t.ex. FREQ=MONTHLY;BYDAY=2TU)"
  if (!allowedFrequencies.includes(freq)) return `FREQ=${freq} stöds inte (YEARLY, MONTHLY, WEEKLY eller DAILY)`
  try {
    // Checked without a time zone: the rule's syntax does not depend on one, and ICU's zone data costs ~20 ms.
    new (rrule().RRuleTemporal)({ rruleString: `DTSTART:20260101T120000\nRRULE:${rule}` })
  } catch (error) {
    return `ogiltig RRULE: ${(error as Error).message}`
  }
  return undefined
}

/**
 * How often a series meets. `regel`: an RFC 5545 RRULE from `start`
 * (monthly, every n weeks: `FREQ=WEEKLY;INTERVAL=3`); `vid-behov` (as
 * needed): only the dates listed in `dates`; `ej-fastställd`: a stated cadence
 * ("1 gr/mån") whose dates the source does not give, so only listed dates count.
 *
 * @since 0.2.0
 */
export type Recurrence =
  | { readonly kind: "regel"; readonly rule: string; readonly start: CalendarDate.CalendarDate; readonly until?: CalendarDate.CalendarDate | undefined }
  | { readonly kind: "vid-behov" }
  | { readonly kind: "ej-fastställd"; readonly cadence: string }

/**
 * zod schema of {@link Recurrence}.
 *
 * @since 0.2.0
 */
export const recurrenceSchema: z.ZodType<Recurrence, unknown> = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("regel"),
    rule: z.string().superRefine((value, ctx) => {
      const problem = ruleProblem(value)
      if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem })
    }),
    /** The first occurrence; the rule counts from here (RFC 5545 DTSTART). */
    start: CalendarDate.schema,
    /** Last day an occurrence may fall on. */
    until: CalendarDate.schema.optional()
  }),
  z.strictObject({ kind: z.literal("vid-behov") }),
  z.strictObject({ kind: z.literal("ej-fastställd"), cadence: FreeText.schema.min(1) })
])

/**
 * A recurring meeting series, held in Europe/Stockholm: occurrences keep
 * their local wall-clock time across daylight saving. Occurrences can be
 * cancelled (`cancellations`), moved (`moves`) and given a theme (`themes`,
 * by the date the meeting is actually held).
 *
 * @example
 * import { Series } from "@uppdrag/meetings"
 * const series = Series.schema.parse({
 *   id: "digitala-moten", title: "Digitala möten", time: "13:00", durationMinutes: 90,
 *   recurrence: { kind: "regel", rule: "FREQ=MONTHLY;BYDAY=2TU", start: "2026-04-14" }
 * })
 * @since 0.2.0
 */
export interface Series {
  readonly id: string
  readonly title: string
  readonly audience?: string | undefined
  readonly purpose?: string | undefined
  /** The interval as the source writes it: `1 gr/mån`, `Vid behov`. */
  readonly interval?: string | undefined
  /** The assignment the series serves: diary number or catalog id. */
  readonly assignment?: string | undefined
  readonly timeZone: "Europe/Stockholm"
  /** Local start time `HH:MM`; without it occurrences are whole days. */
  readonly time?: string | undefined
  readonly durationMinutes: number
  readonly recurrence: Recurrence
  /** Extra dated occurrences (RFC 5545 RDATE), e.g. for reference groups that meet as needed. */
  readonly dates: ReadonlyArray<{ readonly date: CalendarDate.CalendarDate; readonly time?: string | undefined }>
  readonly cancellations: ReadonlyArray<{ readonly date: CalendarDate.CalendarDate; readonly reason?: string | undefined }>
  readonly moves: ReadonlyArray<{ readonly from: CalendarDate.CalendarDate; readonly to: CalendarDate.CalendarDate; readonly time?: string | undefined; readonly reason?: string | undefined }>
  readonly themes: ReadonlyArray<{ readonly date: CalendarDate.CalendarDate; readonly theme: string; readonly source?: string | undefined }>
  /** Facts of this entry that the source does not state, named so nobody mistakes them for the seed's. */
  readonly assumptions: ReadonlyArray<string>
  /** The sentence(s) of the source document this series comes from, quoted. */
  readonly source?: string | undefined
}

const seriesSchema = z
  .strictObject({
    id: slug,
    title: FreeText.schema.min(1),
    audience: FreeText.schema.min(1).optional(),
    purpose: FreeText.schema.min(1).optional(),
    /** The interval as the source writes it: `1 gr/mån`, `Vid behov`. */
    interval: FreeText.schema.min(1).optional(),
    /** The assignment the series serves: diary number or catalog id. */
    assignment: FreeText.schema.min(1).optional(),
    timeZone: z.literal(zone).default(zone),
    /** Local start time; without it occurrences are whole days. */
    time: time.optional(),
    durationMinutes: z.number().int().positive().max(24 * 60).default(60),
    recurrence: recurrenceSchema,
    /** Extra dated occurrences (RFC 5545 RDATE), e.g. for reference groups that meet as needed. */
    dates: z.array(z.strictObject({ date: CalendarDate.schema, time: time.optional() })).default([]),
    cancellations: z.array(z.strictObject({ date: CalendarDate.schema, reason: FreeText.schema.min(1).optional() })).default([]),
    moves: z
      .array(z.strictObject({ from: CalendarDate.schema, to: CalendarDate.schema, time: time.optional(), reason: FreeText.schema.min(1).optional() }))
      .default([]),
    themes: z.array(z.strictObject({ date: CalendarDate.schema, theme: FreeText.schema.min(1), source: FreeText.schema.min(1).optional() })).default([]),
    /** Facts of this entry that the source does not state, named so nobody mistakes them for the seed's. */
    assumptions: z.array(FreeText.schema.min(1)).default([]),
    /** The sentence(s) of the source document this series comes from, quoted. */
    source: FreeText.schema.min(1).optional()
  })
  .superRefine((s, ctx) => {
    if (s.recurrence.kind === "regel" && s.recurrence.until !== undefined && s.recurrence.until < s.recurrence.start) {
      ctx.addIssue({ code: "custom", path: ["recurrence", "until"], message: "until ligger före start" })
    }
    const seen = new Set<string>()
    s.themes.forEach((t, i) => {
      if (seen.has(t.date)) ctx.addIssue({ code: "custom", path: ["themes", i, "date"], message: `${t.date} har redan ett tema` })
      seen.add(t.date)
    })
    const moved = new Set<string>()
    s.moves.forEach((m, i) => {
      if (moved.has(m.from)) ctx.addIssue({ code: "custom", path: ["moves", i, "from"], message: `${m.from} är redan flyttat` })
      moved.add(m.from)
    })
  })
/**
 * zod schema of {@link Series}; its input is the file form (defaults not yet applied).
 *
 * @since 0.2.0
 */
export const schema: z.ZodType<Series, unknown> = seriesSchema

/**
 * A series file: `series:` followed by a list of series.
 *
 * @since 0.2.0
 */
export const fileSchema: z.ZodType<{ series: Array<Series> }, unknown> = z.strictObject({ series: z.array(seriesSchema) }).superRefine((file, ctx) => {
  const ids = new Set<string>()
  file.series.forEach((s, i) => {
    if (ids.has(s.id)) ctx.addIssue({ code: "custom", path: ["series", i, "id"], message: `serien ${s.id} finns redan` })
    ids.add(s.id)
  })
})

/**
 * Path of the built-in series from seed 001, shipped with the package.
 *
 * @since 0.2.0
 */
export const builtinFile = (): string => fileURLToPath(new URL("../data/series-seed-001.yaml", import.meta.url))

/**
 * Validates series text (UTF-8 YAML or JSON) named `source` in messages;
 * every problem is reported with its path and line.
 *
 * @example
 * Series.parseText(new TextEncoder().encode("series: []"), "egna-serier.yaml") // Result.succeed([])
 * @since 0.2.0
 */
export const parseText = (bytes: Uint8Array, source: string): Result.Result<Array<Series>, ValidationError> => {
  const text = SourceText.parse(bytes, source)
  if (Result.isFailure(text)) return Result.fail(text.failure)
  const parsed = fileSchema.safeParse(text.success.value)
  if (!parsed.success) {
    const issues: Array<Issue> = parsed.error.issues.flatMap((issue) =>
      SourceText.withLines(
        text.success,
        fromZodIssues([issue]).map((i) => ({ ...i, at: issue.path }))
      )
    )
    return Result.fail(new ValidationError({ source, issues }))
  }
  const semantic = parsed.data.series.flatMap((series, i) =>
    Occurrence.check(series).map((issue) => ({ ...issue, path: `series[${i}].${issue.path}`, at: ["series", i, ...issue.at] }))
  )
  if (semantic.length > 0) return Result.fail(new ValidationError({ source, issues: SourceText.withLines(text.success, semantic) }))
  return Result.succeed(parsed.data.series)
}

/**
 * Reads and validates a series file.
 *
 * @example
 * Series.parseFile("egna-serier.yaml")
 * @since 0.2.0
 */
export const parseFile = (file: string): Result.Result<Array<Series>, ValidationError> =>
  Result.flatMap(InputFile.read(file, "series"), (bytes) => parseText(bytes, file))

/**
 * Loads the built-in seed series plus any extra series files; a series id
 * defined twice is an error.
 *
 * @example
 * Series.load({ extra: ["egna-serier.yaml"] })
 * @since 0.2.0
 */
export const load = (options: { extra?: ReadonlyArray<string> } = {}): Result.Result<Array<Series>, ReadonlyArray<ValidationError>> => {
  const all: Array<Series> = []
  const errors: Array<ValidationError> = []
  const origin = new Map<string, string>()
  for (const file of [builtinFile(), ...(options.extra ?? [])]) {
    const result = parseFile(file)
    if (Result.isFailure(result)) {
      errors.push(result.failure)
      continue
    }
    const clashes: Array<Issue> = []
    result.success.forEach((s, i) => {
      const other = origin.get(s.id)
      if (other !== undefined) clashes.push({ path: `series[${i}].id`, message: `serien ${s.id} finns redan i ${other}` })
    })
    if (clashes.length > 0) {
      errors.push(new ValidationError({ source: file, issues: clashes }))
      continue
    }
    for (const s of result.success) origin.set(s.id, file)
    all.push(...result.success)
  }
  return errors.length > 0 ? Result.fail(errors) : Result.succeed(all)
}

/**
 * Loads the built-in series; throws if the shipped data is broken.
 *
 * @since 0.2.0
 */
export const unsafeLoad = (): Array<Series> => Result.getOrThrowWith(load(), (errors) => new Error(errors.map((e) => e.message).join("\n")))
