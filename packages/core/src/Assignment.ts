import * as Result from "effect/Result"
import * as z from "zod"
import * as CalendarDate from "./CalendarDate.js"
import * as DateRange from "./DateRange.js"
import * as DiaryNumber from "./DiaryNumber.js"
import * as Kronor from "./Kronor.js"
import * as PopulationBasis from "./PopulationBasis.js"
import * as Region from "./Region.js"

/**
 * Kinds of dated duty. Swedish terms of art, kept as written in decisions:
 * `delredovisning` (interim report), `slutredovisning` (final report),
 * `ekonomisk-redovisning` (financial report), `rekvisition` (claiming funds),
 * `utbetalning` (payout), `aterbetalning` (repayment of unused funds),
 * `utvardering` (evaluation), `ovrigt` (anything else, e.g. competence plans).
 *
 * @since 0.2.0
 */
export const ObligationKindSchema = z.enum([
  "delredovisning",
  "slutredovisning",
  "ekonomisk-redovisning",
  "rekvisition",
  "utbetalning",
  "aterbetalning",
  "utvardering",
  "ovrigt"
])
/**
 * A kind of dated duty, e.g. `delredovisning`; validated by {@link ObligationKindSchema}.
 *
 * @since 0.2.0
 */
export type ObligationKind = z.infer<typeof ObligationKindSchema>

const slug = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "id får bara innehålla a–z, 0–9, - och _")

/**
 * A dated duty from a decision: who must do what, for whom, by when. The date
 * may be left to an agency to set (`dueSetBy`), as for the regions' reporting
 * of the 2026 funds.
 *
 * @since 0.2.0
 */
export const ReportingObligationSchema = z
  .strictObject({
    id: slug,
    kind: ObligationKindSchema,
    title: z.string().min(1),
    due: CalendarDate.schema.nullable(),
    /** Who sets the date when the decision leaves it open, e.g. `Socialstyrelsen`. */
    dueSetBy: z.string().min(1).optional(),
    /** Who must act: `Socialstyrelsen`, `regionerna`, `SKL` … */
    responsible: z.string().min(1),
    recipient: z.string().min(1),
    contents: z.array(z.string().min(1)).default([]),
    /** The decision requires the report to cite its diary number. */
    citeDiaryNumber: z.boolean().default(false),
    /** The sentence of the decision this comes from, quoted. */
    source: z.string().min(1),
    /** How the catalog reads the sentence when it is not a plain date, e.g. "i november 2012" taken as 2012-11-30. */
    note: z.string().min(1).optional()
  })
  .superRefine((o, ctx) => {
    if (o.due === null && o.dueSetBy === undefined) {
      ctx.addIssue({ code: "custom", path: ["due"], message: "datum saknas: ange due eller dueSetBy" })
    }
  })
/**
 * A dated duty from a decision, as {@link ReportingObligationSchema} parses it (defaults applied).
 *
 * @since 0.2.0
 */
export type ReportingObligation = z.infer<typeof ReportingObligationSchema>

/**
 * One named part of a year's funds, when the decision splits them further
 * than own use and funds to regions (the 2012 agreement: 7 000 000 kr for
 * SKL's own work, 7 000 000 kr SKL distributes, 42 500 000 kr stimulus).
 *
 * @example
 * Assignment.FundingPartSchema.parse({ id: "stimulansmedel", title: "Stimulansmedel", amount: 42_500_000, usedBy: "landstingen", source: "Resterande medel …" })
 * @since 0.2.0
 */
export const FundingPartSchema = z.strictObject({
  id: slug,
  title: z.string().min(1),
  amount: Kronor.schema,
  /** Who uses or distributes the part: `SKL`, `Socialstyrelsen` … */
  usedBy: z.string().min(1),
  /** The grant in `grants` this part funds, if any. */
  grant: slug.optional(),
  source: z.string().min(1)
})
/**
 * One named part of a year's funds, as {@link FundingPartSchema} parses it.
 *
 * @since 0.2.0
 */
export type FundingPart = z.infer<typeof FundingPartSchema>

/**
 * Funds for one budget year: the total, the agency's own use and what goes to regions.
 *
 * @since 0.2.0
 */
export const FundingSchema = z
  .strictObject({
    year: z.number().int().min(1990).max(2100),
    total: Kronor.schema,
    ownUse: Kronor.schema.optional(),
    toRegions: Kronor.schema.optional(),
    /** Planned, conditional on parliament granting the appropriation. */
    planned: z.boolean().default(false),
    note: z.string().optional(),
    /** A finer split of the total; the parts must sum to it. */
    parts: z.array(FundingPartSchema).default([])
  })
  .superRefine((f, ctx) => {
    if (f.ownUse !== undefined && f.toRegions !== undefined && f.ownUse + f.toRegions > f.total) {
      ctx.addIssue({ code: "custom", path: ["toRegions"], message: "eget arbete och medel till regioner överstiger totalen" })
    }
    if (f.parts.length > 0) {
      const sum = f.parts.reduce((acc, p) => acc + p.amount, 0)
      if (sum !== f.total) ctx.addIssue({ code: "custom", path: ["parts"], message: `delarna summerar till ${Kronor.format(sum)}, inte ${Kronor.format(f.total)}` })
    }
    const ids = new Set<string>()
    f.parts.forEach((p, i) => {
      if (ids.has(p.id)) ctx.addIssue({ code: "custom", path: ["parts", i, "id"], message: `delen ${p.id} finns redan` })
      ids.add(p.id)
    })
  })
/**
 * Funds for one budget year, as {@link FundingSchema} parses it (defaults applied).
 *
 * @since 0.2.0
 */
export type Funding = z.infer<typeof FundingSchema>

/**
 * One part of a grant, split by population in an age band.
 *
 * @since 0.2.0
 */
export const GrantComponentSchema = z.strictObject({
  id: slug,
  title: z.string().min(1),
  amount: Kronor.schema,
  basis: PopulationBasis.schema,
  /** What population figures to use, e.g. `SCB september 2025`. */
  populationReference: z.string().min(1),
  /** The day the population is counted on, when the decision names one (2012: 31 December of the previous year). */
  populationDate: CalendarDate.schema.optional(),
  /** Given to each eligible region before the rest is split by population. */
  fixedPerRegion: Kronor.schema.optional()
})
/**
 * One part of a grant split by population, as {@link GrantComponentSchema} parses it.
 *
 * @since 0.2.0
 */
export type GrantComponent = z.infer<typeof GrantComponentSchema>

/**
 * A state grant (statsbidrag) to the regions: how it is split and the dates
 * of its money flow. `largest-remainder` splits each component by population
 * to whole kronor; `capped-performance` pays each region up to its
 * population share once its conditions are met (the 2012 model).
 *
 * @since 0.2.0
 */
export const GrantSchema = z
  .strictObject({
    id: slug,
    title: z.string().min(1),
    year: z.number().int(),
    amount: Kronor.schema,
    method: z.enum(["largest-remainder", "capped-performance"]),
    components: z.array(GrantComponentSchema).min(1),
    exclude: z.array(Region.codeSchema).default([]),
    conditions: z.array(z.string().min(1)).default([]),
    requisitionWindow: DateRange.schema.optional(),
    /** Date conditions are checked on (capped-performance). */
    conditionsCheckedOn: CalendarDate.schema.optional(),
    payoutBy: CalendarDate.schema.optional(),
    repaymentBy: CalendarDate.schema.optional(),
    /** Who pays out: `Socialstyrelsen`, `Kammarkollegiet`. */
    paidBy: z.string().min(1),
    source: z.string().min(1),
    /** How the catalog reads the grant's text where it is not literal (e.g. the payout month). */
    note: z.string().min(1).optional()
  })
  .superRefine((g, ctx) => {
    const sum = g.components.reduce((acc, c) => acc + c.amount, 0)
    if (sum !== g.amount) {
      ctx.addIssue({ code: "custom", path: ["components"], message: `komponenterna summerar till ${Kronor.format(sum)}, inte ${Kronor.format(g.amount)}` })
    }
    // A capped pot's caps are population shares of the whole pot, so it has one population basis.
    if (g.method === "capped-performance" && g.components.length !== 1) {
      ctx.addIssue({ code: "custom", path: ["components"], message: `en prestationsbaserad pott (capped-performance) har en komponent, inte ${g.components.length}` })
    }
    const ids = new Set<string>()
    g.components.forEach((c, i) => {
      if (ids.has(c.id)) ctx.addIssue({ code: "custom", path: ["components", i, "id"], message: `komponenten ${c.id} finns redan` })
      ids.add(c.id)
      if (c.fixedPerRegion !== undefined && c.fixedPerRegion * (21 - g.exclude.length) > c.amount) {
        ctx.addIssue({ code: "custom", path: ["components", i, "fixedPerRegion"], message: "fasta belopp överstiger komponentens belopp" })
      }
    })
  })
/**
 * A state grant (statsbidrag) to the regions, as {@link GrantSchema} parses it (defaults applied).
 *
 * @since 0.2.0
 */
export type Grant = z.infer<typeof GrantSchema>

/**
 * An agency, organisation or group a decision says to consult (dialog, inhämta kunskap).
 *
 * @since 0.2.0
 */
export const ConsultedPartySchema = z.strictObject({
  id: slug,
  name: z.string().min(1),
  kind: z.enum(["myndighet", "organisation", "grupp", "samordnare", "bolag"]),
  aliases: z.array(z.string().min(1)).default([])
})
/**
 * A party a decision says to consult, as {@link ConsultedPartySchema} parses it.
 *
 * @since 0.2.0
 */
export type ConsultedParty = z.infer<typeof ConsultedPartySchema>

const Reference = z.strictObject({
  diaryNumber: DiaryNumber.textSchema,
  title: z.string().min(1)
})

/**
 * What a catalog entry is: a government assignment (`regeringsuppdrag`), an
 * agreement (`overenskommelse`), or an agency's working document about one of
 * them (`underlag`, e.g. Socialstyrelsen's presentation of the 2026 grant).
 *
 * @since 0.2.0
 */
export const AssignmentKindSchema = z.enum(["regeringsuppdrag", "overenskommelse", "underlag"])
/**
 * What a catalog entry is: `regeringsuppdrag`, `overenskommelse` or `underlag`; validated by {@link AssignmentKindSchema}.
 *
 * @since 0.2.0
 */
export type AssignmentKind = z.infer<typeof AssignmentKindSchema>

const kindLabels: Record<AssignmentKind, string> = {
  regeringsuppdrag: "Regeringsuppdrag",
  overenskommelse: "Överenskommelse",
  underlag: "Underlag"
}

/**
 * The Swedish name of a kind of entry, for tables and headings.
 *
 * @example
 * Assignment.kindLabel("overenskommelse") // "Överenskommelse"
 * @since 0.2.0
 */
export const kindLabel = (kind: AssignmentKind): string => kindLabels[kind]

/**
 * A government assignment (regeringsuppdrag) or agreement (överenskommelse):
 * the facts of one decision, as data. An `underlag` records what an agency's
 * document adds about the decision it `concerns`; the decision's own dates
 * and money stay in the decision's entry, so nothing is counted twice.
 *
 * @example
 * import { Assignment } from "@uppdrag/core"
 * const result = Assignment.AssignmentSchema.safeParse(yamlValue)
 * @since 0.2.0
 */
export const AssignmentSchema = z
  .strictObject({
    id: slug,
    kind: AssignmentKindSchema,
    title: z.string().min(1),
    /**
     * The decision date (for an agreement, the day it was signed). When the
     * source gives only the year, this is 1 January of it and
     * `decidedPrecision` is `year`; render it with {@link formatDecided}.
     */
    decided: CalendarDate.schema,
    /** How much of `decided` the source states: the `day` (default) or only the `year`. */
    decidedPrecision: z.enum(["day", "year"]).default("day"),
    /** Where `decided` comes from when it is not the decision's own date line. */
    decidedNote: z.string().min(1).optional(),
    /** Item number of the government meeting, e.g. `I:5`. */
    decisionItem: z.string().optional(),
    /** The decision's diary numbers; a regeringsuppdrag has at least one, an agreement may have none. */
    diaryNumbers: z.array(DiaryNumber.textSchema),
    ministry: z.string().min(1),
    recipient: z.string().min(1),
    /** Who wrote an `underlag` (an agency), when it is not the government. */
    issuedBy: z.string().min(1).optional(),
    /** The decision an `underlag` is about, by diary number; the catalog must hold it. */
    concerns: DiaryNumber.textSchema.optional(),
    parties: z.array(z.string().min(1)).default([]),
    period: DateRange.schema.optional(),
    appropriation: z
      .strictObject({
        expenditureArea: z.number().int().positive(),
        expenditureAreaName: z.string().min(1),
        appropriation: z.string().regex(/^\d+:\d+$/, "anslag skrivs t.ex. 1:8"),
        appropriationName: z.string().min(1),
        item: z.number().int().positive().optional(),
        itemName: z.string().optional()
      })
      .optional(),
    funding: z.array(FundingSchema).default([]),
    grants: z.array(GrantSchema).default([]),
    obligations: z.array(ReportingObligationSchema).default([]),
    consult: z.array(ConsultedPartySchema).default([]),
    perspectives: z.array(z.string().min(1)).default([]),
    /** Standing requirements without a date (keep Regeringskansliet informed, sex-disaggregated statistics), quoted. */
    requirements: z.array(z.string().min(1)).default([]),
    related: z.array(Reference).default([]),
    ends: z.array(Reference).default([]),
    /** The seed document this entry encodes. */
    seed: z.string().optional()
  })
  .superRefine((a, ctx) => {
    if (a.kind === "regeringsuppdrag" && a.diaryNumbers.length === 0) {
      ctx.addIssue({ code: "custom", path: ["diaryNumbers"], message: "ett regeringsuppdrag har minst ett diarienummer" })
    }
    if (a.kind === "underlag") {
      if (a.concerns === undefined) ctx.addIssue({ code: "custom", path: ["concerns"], message: "ett underlag anger vilket beslut det gäller (concerns)" })
      if (a.issuedBy === undefined) ctx.addIssue({ code: "custom", path: ["issuedBy"], message: "ett underlag anger vem som skrivit det (issuedBy)" })
      // The decision's entry holds its dates and money; repeating them here would count them twice.
      for (const field of ["obligations", "grants", "funding"] as const) {
        if (a[field].length > 0) ctx.addIssue({ code: "custom", path: [field], message: `ett underlag har inga egna ${field}: de hör till beslutet det gäller` })
      }
    } else if (a.concerns !== undefined) {
      ctx.addIssue({ code: "custom", path: ["concerns"], message: "bara ett underlag anger concerns" })
    }
    if (a.decidedPrecision === "year" && !a.decided.endsWith("-01-01")) {
      ctx.addIssue({ code: "custom", path: ["decided"], message: "med decidedPrecision: year skrivs datumet som ÅÅÅÅ-01-01" })
    }
    const seen = new Map<string, number>()
    a.obligations.forEach((o, i) => {
      // A duty cannot fall due before the decision that sets it.
      if (o.due !== null && CalendarDate.isCalendarDate(o.due) && CalendarDate.isCalendarDate(a.decided) && o.due < a.decided) {
        ctx.addIssue({ code: "custom", path: ["obligations", i, "due"], message: `${o.due} är före beslutsdatumet ${formatDecided(a)}` })
      }
      if (seen.has(o.id)) ctx.addIssue({ code: "custom", path: ["obligations", i, "id"], message: `skyldigheten ${o.id} finns redan` })
      seen.set(o.id, i)
    })
    const parties = new Set<string>()
    a.consult.forEach((p, i) => {
      if (parties.has(p.id)) ctx.addIssue({ code: "custom", path: ["consult", i, "id"], message: `parten ${p.id} finns redan` })
      parties.add(p.id)
    })
    const years = new Set<number>()
    a.funding.forEach((f, i) => {
      if (years.has(f.year)) ctx.addIssue({ code: "custom", path: ["funding", i, "year"], message: `året ${f.year} finns redan` })
      years.add(f.year)
    })
    const grantIds = new Set(a.grants.map((g) => g.id))
    a.funding.forEach((f, fi) => {
      f.parts.forEach((p, pi) => {
        if (p.grant !== undefined && !grantIds.has(p.grant)) {
          ctx.addIssue({ code: "custom", path: ["funding", fi, "parts", pi, "grant"], message: `statsbidraget ${p.grant} finns inte bland grants` })
        }
      })
    })
    // A grant's money dates must be obligations too, so deadlines see them.
    a.grants.forEach((g, gi) => {
      for (const [field, kind] of [
        ["payoutBy", "utbetalning"],
        ["repaymentBy", "aterbetalning"]
      ] as const) {
        const date = g[field]
        if (date !== undefined && !a.obligations.some((o) => o.kind === kind && o.due === date)) {
          ctx.addIssue({ code: "custom", path: ["grants", gi, field], message: `${date} saknas bland skyldigheterna (kind: ${kind})` })
        }
      }
    })
  })
/**
 * One catalog entry, as {@link AssignmentSchema} parses it (defaults applied).
 *
 * @example
 * const title = (a: Assignment.Assignment): string => `${Assignment.mainDiaryNumber(a)} ${a.title}`
 * @since 0.2.0
 */
export type Assignment = z.infer<typeof AssignmentSchema>
/**
 * The catalog file form, before defaults are applied.
 *
 * @since 0.2.0
 */
export type AssignmentInput = z.input<typeof AssignmentSchema>

/**
 * The diary number that identifies the assignment: the first one listed, or
 * the assignment's id for an agreement that has none (the 2012 SKL agreement).
 *
 * @example
 * Assignment.mainDiaryNumber(a) // "S2025/01528"
 * @since 0.2.0
 */
export const mainDiaryNumber = (a: Assignment): string => {
  const first = a.diaryNumbers[0]
  return first === undefined ? a.id : DiaryNumber.key(DiaryNumber.unsafeParse(first))
}

/**
 * The decision date as the source states it: `2026-01-22`, or only `2024`
 * when the source gives just the year.
 *
 * @example
 * Assignment.formatDecided(a) // "2024" for the 2024 development-teams assignment
 * @since 0.2.0
 */
export const formatDecided = (a: Pick<Assignment, "decided" | "decidedPrecision">): string =>
  a.decidedPrecision === "year" ? a.decided.slice(0, 4) : a.decided

/**
 * Whether the assignment is identified by a diary number (any of its own, in
 * whole or part) or by its id.
 *
 * @example
 * Assignment.matches(a, "S2025/01528") // true for the 2026 grant decision
 * @since 0.2.0
 */
export const matches = (a: Assignment, reference: string): boolean => {
  if (a.id === reference) return true
  const parsed = DiaryNumber.parse(reference)
  if (Result.isFailure(parsed)) return false
  return a.diaryNumbers.some((d) => DiaryNumber.equals(DiaryNumber.unsafeParse(d), parsed.success))
}
