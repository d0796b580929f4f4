import { Assignment, CalendarDate, Catalog, FreeText, Region } from "@uppdrag/core"
import * as Result from "effect/Result"
import * as z from "zod"
import type { Meeting, PathIssue } from "./Meeting.js"

const slug = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "id får bara innehålla a–z, 0–9, - och _")

/**
 * One activity the region will carry out with the funds, optionally tied to a grant component.
 *
 * @since 0.2.0
 */
export interface Activity {
  readonly title: string
  /** Id of the grant component it is financed from, e.g. `vardkapacitet`. */
  readonly component?: string | undefined
  readonly description?: string | undefined
}

/**
 * A follow-up measure (uppföljningsmått) chosen for the region, by indicator id where one exists.
 *
 * @since 0.2.0
 */
export interface FollowUpMeasure {
  readonly title: string
  /** Id of an indicator from @uppdrag/indicators, when the measure is one. */
  readonly indicator?: string | undefined
}

/**
 * The annual follow-up of one year, which feeds the interim report the next spring.
 *
 * @since 0.2.0
 */
export interface FollowUp {
  readonly year: number
  readonly date: CalendarDate.CalendarDate
  readonly summary: string
}

/**
 * An agreement (överenskommelse) between Socialstyrelsen and one region on
 * what it will do with its grant: activities, expected results and effects,
 * and the chosen follow-up measures; with the annual follow-ups recorded so far.
 * Seed 003: "Socialstyrelsen och regionen upprättar en överenskommelse om
 * insatser, förväntade resultat och effekter samt valda uppföljningsmått."
 *
 * @example
 * const skane: Agreement.Agreement = {
 *   kind: "overenskommelse", id: "overenskommelse-2026-12", grant: "specialiserad-psykiatri-2026",
 *   region: "12" as Region.RegionCode, signed: CalendarDate.unsafeParse("2026-06-15"),
 *   activities: [{ title: "Fler vårdplatser i vuxenpsykiatrin", component: "vardkapacitet" }],
 *   expectedResults: ["12 nya vårdplatser"], expectedEffects: ["Kortare väntan på inläggning"],
 *   followUpMeasures: [{ title: "Antal vårdplatser", indicator: "vardplatser-vuxenpsykiatri" }], followUps: []
 * }
 * @since 0.2.0
 */
export interface Agreement {
  readonly kind: "overenskommelse"
  readonly id: string
  /** Id of the grant in the catalog. */
  readonly grant: string
  readonly region: Region.RegionCode
  readonly signed: CalendarDate.CalendarDate
  readonly activities: ReadonlyArray<Activity>
  readonly expectedResults: ReadonlyArray<string>
  readonly expectedEffects: ReadonlyArray<string>
  readonly followUpMeasures: ReadonlyArray<FollowUpMeasure>
  readonly followUps: ReadonlyArray<FollowUp>
}

const fields = {
  id: slug,
  grant: slug,
  signed: CalendarDate.schema,
  activities: z.array(z.strictObject({ title: FreeText.schema.min(1), component: slug.optional(), description: FreeText.schema.min(1).optional() })).min(1),
  expectedResults: z.array(FreeText.schema.min(1)).min(1),
  expectedEffects: z.array(FreeText.schema.min(1)).min(1),
  followUpMeasures: z.array(z.strictObject({ title: FreeText.schema.min(1), indicator: slug.optional() })).min(1),
  followUps: z.array(z.strictObject({ year: z.number().int().min(2000).max(2100), date: CalendarDate.schema, summary: FreeText.schema.min(1) })).default([])
}

/**
 * zod schema of the stored {@link Agreement}.
 *
 * @since 0.2.0
 */
export const schema: z.ZodType<Agreement, unknown> = z.strictObject({ kind: z.literal("overenskommelse"), region: Region.codeSchema, ...fields })

/**
 * An agreement as written in a file: the region by code or name.
 *
 * @since 0.2.0
 */
export interface AgreementDraft extends Omit<Agreement, "region"> {
  /** SCB code or region name. */
  readonly region: string
}

/**
 * zod schema of {@link AgreementDraft}: the file form (input) to the checked shape (output).
 *
 * @since 0.2.0
 */
export const draftSchema: z.ZodType<AgreementDraft, unknown> = z.strictObject({ kind: z.literal("overenskommelse"), region: FreeText.schema.min(1), ...fields })

/**
 * Checks a schema-valid agreement against the catalog: the grant exists,
 * the region takes part in it, the components are the grant's own, it is
 * signed on or after the grant's decision, one follow-up per year, none
 * dated before the signing.
 *
 * @example
 * Agreement.resolve(input, catalog)
 * @since 0.2.0
 */
export const resolve = (input: AgreementDraft, catalog: Pick<Catalog.Catalog, "assignments">): Result.Result<Agreement, Array<PathIssue>> => {
  const issues: Array<PathIssue> = []
  const found = Catalog.findGrant(catalog as Catalog.Catalog, input.grant)
  if (found === undefined) issues.push({ at: ["grant"], path: "grant", message: `okänt statsbidrag ${JSON.stringify(input.grant)}` })
  const region = Region.find(input.region)
  if (region === undefined || region.code === Region.riket.code) issues.push({ at: ["region"], path: "region", message: `okänd region ${JSON.stringify(input.region)} (ange SCB-kod 01–25 eller länets namn)` })
  else if (found?.grant.exclude.includes(region.code)) issues.push({ at: ["region"], path: "region", message: `${region.name} ingår inte i ${found.grant.id}` })
  if (found !== undefined) {
    input.activities.forEach((a, i) => {
      if (a.component !== undefined && !found.grant.components.some((c) => c.id === a.component)) {
        issues.push({ at: ["activities", i, "component"], path: `activities[${i}].component`, message: `${a.component} är ingen del av ${found.grant.id} (${found.grant.components.map((c) => c.id).join(", ")})` })
      }
    })
  }
  // Dates in their order: signed on or after the grant's decision, followed up on or after signing.
  if (found !== undefined && input.signed < found.assignment.decided) {
    issues.push({ at: ["signed"], path: "signed", message: `undertecknad ${input.signed}, före beslutet om ${found.grant.id} (${Assignment.formatDecided(found.assignment)})` })
  }
  const years = new Set<number>()
  input.followUps.forEach((f, i) => {
    if (f.date < input.signed) issues.push({ at: ["followUps", i, "date"], path: `followUps[${i}].date`, message: `uppföljningen ${f.date} är före överenskommelsen undertecknades (${input.signed})` })
    if (years.has(f.year)) issues.push({ at: ["followUps", i, "year"], path: `followUps[${i}].year`, message: `uppföljningen av ${f.year} finns redan` })
    years.add(f.year)
  })
  if (issues.length > 0 || region === undefined) return Result.fail(issues)
  return Result.succeed({ ...input, region: region.code })
}

/**
 * Where a region stands on one grant: its agreement (the latest signed, if
 * several), the dialogue meetings held with it, and whether the annual
 * follow-up for the next interim report is in.
 *
 * @since 0.2.0
 */
export interface RegionStatus {
  readonly region: Region.RegionCode
  readonly name: string
  readonly agreement: Agreement | null
  readonly dialogues: ReadonlyArray<{ readonly id: string; readonly date: CalendarDate.CalendarDate; readonly title: string }>
  /** The next interim report (delredovisning) after `asOf` and the follow-up year it needs (the year before). */
  readonly nextFollowUp: { readonly report: CalendarDate.CalendarDate; readonly year: number; readonly done: boolean } | null
}

/**
 * The status of every region in a grant (all 21 less the excluded), from
 * recorded agreements and meetings. A dialogue is a meeting with `region`
 * set, for the grant's assignment, held on or before `asOf`.
 *
 * @example
 * Agreement.status({ catalog, grant: "specialiserad-psykiatri-2026", agreements, meetings, asOf: CalendarDate.unsafeParse("2027-01-15") })
 * @since 0.2.0
 */
export const status = (options: {
  readonly catalog: Pick<Catalog.Catalog, "assignments">
  readonly grant: string
  readonly agreements: ReadonlyArray<Agreement>
  readonly meetings: ReadonlyArray<Meeting>
  readonly asOf: CalendarDate.CalendarDate
}): Result.Result<Array<RegionStatus>, string> => {
  const found = Catalog.findGrant(options.catalog as Catalog.Catalog, options.grant)
  if (found === undefined) return Result.fail(`okänt statsbidrag ${JSON.stringify(options.grant)}`)
  const report = found.assignment.obligations
    .filter((o) => o.kind === "delredovisning" && o.due !== null && o.due >= options.asOf)
    .map((o) => o.due as CalendarDate.CalendarDate)
    .sort()[0]
  return Result.succeed(
    Region.all
      .filter((r) => !found.grant.exclude.includes(r.code))
      .map((r): RegionStatus => {
        const agreement =
          options.agreements
            .filter((a) => a.grant === found.grant.id && a.region === r.code && a.signed <= options.asOf)
            .sort((a, b) => (a.signed < b.signed ? 1 : a.signed > b.signed ? -1 : 0))[0] ?? null
        const dialogues = options.meetings
          .filter((m) => m.region === r.code && m.assignment === found.assignment.id && m.date <= options.asOf)
          .map((m) => ({ id: m.id, date: m.date, title: m.title }))
          .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
        const year = report === undefined ? undefined : Number(report.slice(0, 4)) - 1
        return {
          region: r.code,
          name: r.name,
          agreement,
          dialogues,
          nextFollowUp:
            report === undefined || year === undefined
              ? null
              : { report, year, done: agreement?.followUps.some((f) => f.year === year && f.date <= options.asOf) ?? false }
        }
      })
  )
}
