import type { Ledger } from "@uppdrag/allocation"
import { type CalendarDate, Catalog, Region, type ValidationError } from "@uppdrag/core"
import type { Deadline, Obligation } from "@uppdrag/deadlines"
import type { Agreement } from "@uppdrag/meetings"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import { CatalogSource } from "./CatalogSource.js"
import * as DeadlineList from "./DeadlineList.js"
import type { EventLog } from "./EventLog.js"
import type { EventLogError } from "./EventLogError.js"
import * as GrantState from "./GrantState.js"
import * as MeetingRecords from "./MeetingRecords.js"
import type { Populations } from "./Populations.js"
import type * as Table from "./Table.js"

/**
 * Everything about one region ("how is Region Uppsala doing"), written once
 * for the web view's region page and the CLI: for each grant it takes part
 * in (newest first) its allocation per component with the explanation and
 * its ledger row; its agreement with Socialstyrelsen, follow-ups and
 * dialogue meetings; and the duties the regions carry or receive.
 *
 * @example
 * import { RegionOverview } from "@uppdrag/application"
 * const uppsala = yield* RegionOverview.region("03", { asOf: "2026-11-23" })
 * uppsala.grants[0]?.row?.total // 58203923 (seed 003, Bilaga)
 * @since 0.2.0
 */
export interface Overview {
  readonly region: Region.Region
  readonly asOf: CalendarDate.CalendarDate
  /** The region's part of each grant it takes part in, newest grant first. */
  readonly grants: ReadonlyArray<GrantState.RegionState>
  /** The newest grant's agreement status (agreement, dialogues, next follow-up); null when the catalog has no grant. */
  readonly agreement: (Agreement.RegionStatus & { readonly grant: string }) | null
  /** The duties the regions carry or receive (`responsible` or `recipient` is the regions), all statuses, in date order; unreported duties of ended assignments left out. */
  readonly deadlines: ReadonlyArray<Deadline.Deadline>
}

/**
 * The code names no region (Riket, `00`, is not one).
 *
 * @since 0.2.0
 */
export class UnknownRegion extends Data.TaggedError("UnknownRegion")<{ readonly code: string }> {
  override get message(): string {
    return `okänd region ${JSON.stringify(this.code)} (ange SCB-kod 01–25)`
  }
}

/**
 * Whether a duty is the regions' (or, in the 2012 agreement, the county
 * councils', landstingen): they carry it or receive it.
 *
 * @example
 * RegionOverview.concernsRegions({ responsible: "regionerna", recipient: "Socialstyrelsen" }) // true
 * @since 0.2.0
 */
export const concernsRegions = (o: Pick<Obligation.Obligation, "responsible" | "recipient">): boolean => [o.responsible, o.recipient].some((party) => /^(regionerna|landstingen)$/i.test(party.trim()))

/**
 * The catalog's grants, newest first (by year, then id).
 *
 * @example
 * RegionOverview.grantsNewestFirst(catalog)[0]?.grant.id // "specialiserad-psykiatri-2026"
 * @since 0.2.0
 */
export const grantsNewestFirst = (catalog: Catalog.Catalog): Array<GrantState.Found> =>
  [...Catalog.grants(catalog)].sort((a, b) => b.grant.year - a.grant.year || (a.grant.id < b.grant.id ? -1 : a.grant.id > b.grant.id ? 1 : 0))

/**
 * One region's overview as of a date (today by the clock when left out).
 *
 * @example
 * const overview = yield* RegionOverview.region("03", { asOf: "2026-11-23" })
 * @since 0.2.0
 */
export const region = (
  code: string,
  query: { readonly asOf?: string | undefined } = {}
): Effect.Effect<
  Overview,
  | UnknownRegion
  | GrantState.UnknownGrant
  | MeetingRecords.UnknownReference
  | MeetingRecords.UnreadableRecord
  | ValidationError
  | Obligation.CollectError
  | Obligation.UnknownObligation
  | EventLogError,
  CatalogSource | EventLog | Populations
> =>
  Effect.gen(function* () {
    const found = Region.isRegionCode(code) ? Region.fromCode(code) : undefined
    if (found === undefined) return yield* Effect.fail(new UnknownRegion({ code }))
    const listing = yield* DeadlineList.list({ ...(query.asOf === undefined ? {} : { asOf: query.asOf }), all: true }, { command: "webbvyn" })
    const catalog = yield* CatalogSource
    const entries = grantsNewestFirst(catalog).filter((g) => !g.grant.exclude.includes(found.code))
    const grants = yield* Effect.forEach(entries, (g) => GrantState.region(g.grant.id, found.code))
    const newest = entries[0]
    const status = newest === undefined ? undefined : yield* MeetingRecords.agreements({ grant: newest.grant.id, region: found.code, asOf: listing.asOf })
    const agreement = newest === undefined || status === undefined ? null : { ...status.regions[0]!, grant: newest.grant.id }
    return {
      region: found,
      asOf: listing.asOf,
      grants,
      agreement,
      deadlines: DeadlineList.partition(listing).current.filter((d) => concernsRegions(d.obligation))
    } satisfies Overview
  })

/**
 * One row of the region list: the newest grant's key figures for a region.
 *
 * @since 0.2.0
 */
export interface KeyFigures {
  readonly region: Region.RegionCode
  readonly name: string
  readonly allocated: number
  readonly requisitioned: number
  readonly paidOut: number
  readonly outstanding: number
}

/**
 * The region list: the newest grant and each region's key figures in it.
 *
 * @since 0.2.0
 */
export interface Listing {
  readonly grant: GrantState.Found | null
  readonly regions: ReadonlyArray<KeyFigures>
}

/**
 * All 21 regions with the newest grant's key figures: allocation,
 * requisitioned, paid out, outstanding (from its ledger). A region the grant
 * excludes has zeros.
 *
 * @example
 * const { regions } = yield* RegionOverview.list
 * regions.find((r) => r.region === "03")?.allocated // 58203923
 * @since 0.2.0
 */
export const list: Effect.Effect<Listing, GrantState.UnknownGrant | EventLogError, CatalogSource | EventLog | Populations> = Effect.gen(function* () {
  const catalog = yield* CatalogSource
  const newest = grantsNewestFirst(catalog)[0]
  const summary: Ledger.Summary | undefined = newest === undefined ? undefined : yield* GrantState.ledger(newest.grant.id)
  const rows = new Map((summary?.rows ?? []).map((row) => [row.region, row]))
  return {
    grant: newest ?? null,
    regions: Region.all.map((r) => {
      const row = rows.get(r.code)
      return { region: r.code, name: r.name, allocated: row?.allocated ?? 0, requisitioned: row?.requisitioned ?? 0, paidOut: row?.paidOut ?? 0, outstanding: row?.outstanding ?? 0 }
    })
  }
})

/**
 * The key-figure table: the same fields in every format.
 *
 * @since 0.2.0
 */
export const keyFigureColumns: Table.Columns<KeyFigures> = [
  { field: "region", header: "Kod", kind: "text", value: (r) => r.region },
  { field: "name", header: "Region", kind: "text", value: (r) => r.name },
  { field: "allocated", header: "Tilldelat", kind: "kronor", value: (r) => r.allocated },
  { field: "requisitioned", header: "Rekvirerat", kind: "kronor", value: (r) => r.requisitioned },
  { field: "paidOut", header: "Utbetalt", kind: "kronor", value: (r) => r.paidOut },
  { field: "outstanding", header: "Utestående", kind: "kronor", value: (r) => r.outstanding }
]
