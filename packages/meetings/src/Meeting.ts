import { CalendarDate, Catalog, FreeText, type Issue, Region } from "@uppdrag/core"
import * as Result from "effect/Result"
import * as z from "zod"
import { instant, minutes, timePattern } from "./internal/StockholmTime.js"
import * as Party from "./Party.js"
import type { Series } from "./Series.js"

const slug = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "id får bara innehålla a–z, 0–9, - och _")
const time = z.string().regex(timePattern, "klockslag skrivs TT:MM, t.ex. 13:00")

/**
 * An action item agreed at a meeting: what, who owns it, by when.
 *
 * @since 0.2.0
 */
export interface ActionItem {
  readonly title: string
  /** Who must do it: `Socialstyrelsen`, `SKR`, a unit or a person. */
  readonly owner: string
  readonly due: CalendarDate.CalendarDate
  /** Who receives the result; `Socialstyrelsen` unless given. */
  readonly recipient: string
}

const actionItemSchema = z.strictObject({
  title: FreeText.schema.min(1),
  owner: FreeText.schema.min(1),
  due: CalendarDate.schema,
  recipient: FreeText.schema.min(1).default("Socialstyrelsen")
})

/**
 * A meeting as stored: participants by party id, the assignment by catalog
 * id, the region (for a dialogue meeting with a region) by SCB code. This is
 * the validated payload the store keeps; read it back with `Meeting.schema.safeParse`.
 *
 * @example
 * const meeting: Meeting.Meeting = {
 *   kind: "mote", id: "samrad-2026-11-20", title: "Samråd om vårdkapacitet", date: CalendarDate.unsafeParse("2026-11-20"),
 *   assignment: "specialiserad-psykiatri-2026", participants: ["ivo", "polismyndigheten"], actionItems: []
 * }
 * @since 0.2.0
 */
export interface Meeting {
  readonly kind: "mote"
  readonly id: string
  readonly title: string
  readonly date: CalendarDate.CalendarDate
  readonly start?: string | undefined
  readonly end?: string | undefined
  /** The series this meeting is an occurrence of. */
  readonly series?: string | undefined
  /** Catalog id of the assignment the meeting serves (from `assignment` or the series). */
  readonly assignment?: string | undefined
  /** SCB code of the region, for a dialogue meeting with one region. */
  readonly region?: Region.RegionCode | undefined
  /** Party ids, in the order given. */
  readonly participants: ReadonlyArray<string>
  readonly notes?: string | undefined
  readonly actionItems: ReadonlyArray<ActionItem>
}

/**
 * zod schema of the stored {@link Meeting} (ids already resolved).
 *
 * @since 0.2.0
 */
export const schema: z.ZodType<Meeting, unknown> = z.strictObject({
  kind: z.literal("mote"),
  id: slug,
  title: FreeText.schema.min(1),
  date: CalendarDate.schema,
  start: time.optional(),
  end: time.optional(),
  series: slug.optional(),
  assignment: slug.optional(),
  region: Region.codeSchema.optional(),
  participants: z.array(slug).min(1),
  notes: FreeText.schema.optional(),
  actionItems: z.array(actionItemSchema).default([])
})

/**
 * A meeting as a person writes it in a file: parties by id, name or alias
 * (`IVO`), the assignment by diary number or id, the region by code or name.
 * Either `assignment` or a `series` that belongs to one must be given.
 *
 * @since 0.2.0
 */
export interface MeetingDraft extends Omit<Meeting, "assignment" | "region"> {
  /** Diary number or catalog id. */
  readonly assignment?: string | undefined
  /** SCB code or region name. */
  readonly region?: string | undefined
}

/**
 * zod schema of {@link MeetingDraft}: the file form (input) to the checked shape (output).
 *
 * @since 0.2.0
 */
export const draftSchema: z.ZodType<MeetingDraft, unknown> = z.strictObject({
  kind: z.literal("mote").default("mote"),
  id: slug,
  title: FreeText.schema.min(1),
  date: CalendarDate.schema,
  start: time.optional(),
  end: time.optional(),
  series: slug.optional(),
  assignment: FreeText.schema.min(1).optional(),
  region: FreeText.schema.min(1).optional(),
  participants: z.array(FreeText.schema.min(1)).min(1),
  notes: FreeText.schema.optional(),
  actionItems: z.array(actionItemSchema).default([])
})

/**
 * What a meeting is checked against: the catalog (assignments, parties) and the known series.
 *
 * @since 0.2.0
 */
export interface Context {
  readonly catalog: Pick<Catalog.Catalog, "assignments">
  readonly parties: Party.Directory
  readonly series: ReadonlyArray<Series>
}

/**
 * An issue with its raw path, so the caller can find its line.
 *
 * @since 0.2.0
 */
export type PathIssue = Issue & { readonly at: ReadonlyArray<PropertyKey> }

const issue = (at: ReadonlyArray<PropertyKey>, path: string, message: string): PathIssue => ({ at, path, message })

/**
 * The name problems of a meeting that failed its schema: unknown parties and
 * an unknown assignment or series, wherever those fields are text, so that a
 * file is reported in full in one run.
 *
 * @example
 * Meeting.nameIssues({ participants: ["IVO", "Skatteverket"] }, context) // [{ path: "participants[1]", … }]
 * @since 0.2.0
 */
export const nameIssues = (value: Readonly<Record<string, unknown>>, context: Context): Array<PathIssue> => {
  const issues: Array<PathIssue> = []
  if (typeof value.assignment === "string" && Catalog.findAssignment(context.catalog as Catalog.Catalog, value.assignment) === undefined) {
    issues.push(issue(["assignment"], "assignment", `okänt uppdrag ${JSON.stringify(value.assignment)}: ange diarienummer eller id ur katalogen`))
  }
  if (typeof value.series === "string" && !context.series.some((s) => s.id === value.series)) {
    issues.push(issue(["series"], "series", `okänd mötesserie ${JSON.stringify(value.series)} (finns: ${context.series.map((s) => s.id).join(", ")})`))
  }
  if (Array.isArray(value.participants)) {
    value.participants.forEach((text: unknown, i) => {
      if (typeof text !== "string" || text.trim() === "") return
      const party = Party.resolve(context.parties, text)
      if (Result.isFailure(party)) issues.push(issue(["participants", i], `participants[${i}]`, party.failure))
    })
  }
  return issues
}

/**
 * Checks a schema-valid meeting against the catalog and the series and
 * turns names into ids. Every problem is returned, each with its path.
 *
 * @example
 * Meeting.resolve(input, { catalog, parties: Party.directory(catalog), series })
 * @since 0.2.0
 */
export const resolve = (input: MeetingDraft, context: Context): Result.Result<Meeting, Array<PathIssue>> => {
  const issues: Array<PathIssue> = []
  let assignmentId: string | undefined
  if (input.assignment !== undefined) {
    const found = Catalog.findAssignment(context.catalog as Catalog.Catalog, input.assignment)
    if (found === undefined) issues.push(issue(["assignment"], "assignment", `okänt uppdrag ${JSON.stringify(input.assignment)}: ange diarienummer eller id ur katalogen`))
    else assignmentId = found.id
  }
  if (input.series !== undefined) {
    const series = context.series.find((s) => s.id === input.series)
    if (series === undefined) {
      issues.push(issue(["series"], "series", `okänd mötesserie ${JSON.stringify(input.series)} (finns: ${context.series.map((s) => s.id).join(", ")})`))
    } else if (series.assignment !== undefined) {
      const seriesAssignment = Catalog.findAssignment(context.catalog as Catalog.Catalog, series.assignment)?.id
      // A series meeting serves the series' assignment; a file may repeat it, not name another.
      if (input.assignment === undefined) assignmentId = seriesAssignment
      else if (assignmentId !== undefined && seriesAssignment !== undefined && assignmentId !== seriesAssignment) {
        issues.push(issue(["series"], "series", `mötesserien ${series.id} hör till uppdraget ${seriesAssignment}, inte ${assignmentId}`))
      }
    }
  }
  if (input.assignment === undefined && input.series === undefined) {
    issues.push(issue(["assignment"], "assignment", "saknas: ange assignment (diarienummer) eller series"))
  }
  let region: Region.RegionCode | undefined
  if (input.region !== undefined) {
    const found = Region.find(input.region)
    if (found === undefined || found.code === Region.riket.code) issues.push(issue(["region"], "region", `okänd region ${JSON.stringify(input.region)} (ange SCB-kod 01–25 eller länets namn)`))
    else region = found.code
  }
  const participants: Array<string> = []
  input.participants.forEach((text, i) => {
    const party = Party.resolve(context.parties, text)
    if (Result.isFailure(party)) {
      issues.push(issue(["participants", i], `participants[${i}]`, party.failure))
      return
    }
    if (participants.includes(party.success.id)) issues.push(issue(["participants", i], `participants[${i}]`, `${party.success.name} står redan med`))
    else participants.push(party.success.id)
  })
  if (input.start !== undefined && instant(input.date, input.start) === undefined) {
    issues.push(issue(["start"], "start", `${input.date} ${input.start} finns inte i svensk tid (sommartidens början)`))
  }
  if (input.end !== undefined && input.start === undefined) issues.push(issue(["start"], "start", "saknas när end är angivet"))
  if (input.end !== undefined && input.start !== undefined && minutes(input.end) <= minutes(input.start)) {
    issues.push(issue(["end"], "end", `slutar (${input.end}) innan det börjar (${input.start})`))
  }
  input.actionItems.forEach((item, i) => {
    if (item.due < input.date) issues.push(issue(["actionItems", i, "due"], `actionItems[${i}].due`, `${item.due} ligger före mötet ${input.date}`))
  })
  if (issues.length > 0) return Result.fail(issues)
  const { assignment: _a, region: _r, participants: _p, kind: _k, ...rest } = input
  return Result.succeed({
    ...rest,
    kind: "mote",
    participants,
    ...(assignmentId === undefined ? {} : { assignment: assignmentId }),
    ...(region === undefined ? {} : { region })
  })
}
