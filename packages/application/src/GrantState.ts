import { Allocation, Ledger } from "@uppdrag/allocation"
import { type Assignment, Catalog, Region } from "@uppdrag/core"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { CatalogSource } from "./CatalogSource.js"
import type * as Event from "./Event.js"
import type { EventLog } from "./EventLog.js"
import type { EventLogError } from "./EventLogError.js"
import { Populations } from "./Populations.js"
import * as Projection from "./Projection.js"
import * as Recording from "./Recording.js"
import type * as Table from "./Table.js"

/**
 * The state of a grant: its allocation by the population in force, and its
 * ledger (allocated, requisitioned, paid out, reported used, to repay,
 * repaid, outstanding) folded from the event log with the same allocation,
 * so the Fördelning table and the ledger's "Tilldelat" always agree.
 *
 * @example
 * import { GrantState } from "@uppdrag/application"
 * const summary = yield* GrantState.ledger("specialiserad-psykiatri-2026")
 * summary.rows.find((r) => r.region === "03")?.allocated // 58203923
 */

/**
 * The catalog has no grant by that id.
 *
 * @since 0.2.0
 */
export class UnknownGrant extends Data.TaggedError("UnknownGrant")<{ readonly grant: string; readonly known: ReadonlyArray<string> }> {
  override get message(): string {
    return `--grant: okänt statsbidrag ${JSON.stringify(this.grant)} (kända: ${this.known.join(", ")})`
  }
}

/**
 * A grant's allocation, or why it has none (a capped pot, figures that do not split).
 *
 * @since 0.2.0
 */
export type Outcome = { readonly _tag: "Allocated"; readonly allocation: Allocation.Allocation } | { readonly _tag: "NotAllocated"; readonly reason: string }

const allocated = (value: Allocation.Allocation): Outcome => ({ _tag: "Allocated", allocation: value })
const notAllocated = (reason: string): Outcome => ({ _tag: "NotAllocated", reason })

/**
 * A grant with its assignment, as the catalog finds it.
 *
 * @since 0.2.0
 */
export interface Found {
  readonly assignment: Assignment.Assignment
  readonly grant: Assignment.Grant
}

/**
 * The grant a reference names (its id), or {@link UnknownGrant}.
 *
 * @example
 * const { assignment, grant } = yield* GrantState.find("specialiserad-psykiatri-2026")
 * @since 0.2.0
 */
export const find = (reference: string): Effect.Effect<Found, UnknownGrant, CatalogSource> =>
  Effect.gen(function* () {
    const catalog = yield* CatalogSource
    const found = Catalog.findGrant(catalog, reference)
    if (found === undefined) return yield* Effect.fail(new UnknownGrant({ grant: reference, known: Catalog.grants(catalog).map((g) => g.grant.id) }))
    return found
  })

/**
 * A grant's allocation by the population in force.
 *
 * @example
 * const outcome = yield* GrantState.allocation(grant)
 * @since 0.2.0
 */
export const allocation = (grant: Assignment.Grant): Effect.Effect<Outcome, never, Populations> =>
  Effect.gen(function* () {
    const populations = yield* Populations
    const figures = populations.forGrant(grant)
    if (Result.isFailure(figures)) return notAllocated(figures.failure.message)
    const result = Allocation.allocateGrant(grant, figures.success)
    return Result.isSuccess(result) ? allocated(result.success) : notAllocated(result.failure.message)
  })

/**
 * A grant's ledger per region and nationally, folded from the log.
 *
 * @example
 * const summary = yield* GrantState.ledger("specialiserad-psykiatri-2026")
 * @since 0.2.0
 */
export const ledger = (reference: string): Effect.Effect<Ledger.Summary, UnknownGrant | EventLogError, CatalogSource | Populations | EventLog> =>
  Effect.gen(function* () {
    const { grant } = yield* find(reference)
    const populations = yield* Populations
    const terms = Ledger.termsOf(grant, Recording.allocatedOf(grant, populations))
    const sums = yield* Projection.current(ledgerProjection(grant.id))
    return Ledger.summary(terms, { sums, entries: new Map(), reversed: new Map() })
  })

/**
 * The ledger's sums per region, what {@link ledgerProjection} keeps (the allocation is applied when read).
 *
 * @since 0.2.0
 */
export type LedgerSums = Ledger.State["sums"]

/**
 * A grant's ledger sums folded from events at once (`Ledger.restore` over
 * `Recording.entriesOf`): what {@link ledgerProjection} always equals.
 *
 * @example
 * GrantState.foldLedger(events, "specialiserad-psykiatri-2026").get("03")?.requisitioned // 58203923
 * @since 0.2.0
 */
export const foldLedger = (events: ReadonlyArray<Event.StoredEvent>, grant: string): LedgerSums =>
  Ledger.restore(Recording.entriesOf(events.filter((e) => e.grant === grant), grant)).sums

const sumsField = (value: unknown): boolean => typeof value === "number" && Number.isSafeInteger(value)

/**
 * A grant's ledger as a projection: the allocation package's own fold
 * (`Ledger.restore` over `Recording.entriesOf`), kept as the sums per region
 * and advanced by the events after them. A reversal of an event folded
 * earlier reads that event (and any earlier reversal of it) back from the
 * log, so the sums are those of `Ledger.summarize` over the whole log.
 * The allocation (the population in force) is not part of it: the same sums
 * serve every population.
 *
 * @example
 * const sums = yield* Projection.current(GrantState.ledgerProjection("specialiserad-psykiatri-2026"))
 * @since 0.2.0
 */
export const ledgerProjection = (grant: string): Projection.Projection<LedgerSums> => ({
  name: "huvudbok",
  key: grant,
  version: 1,
  filter: { grant },
  initial: Ledger.empty().sums,
  // Only targets before the window: those inside it are among `events` already.
  needs: (_sums, events) => {
    const first = events[0]?.seq ?? 0
    return events.flatMap((e) => (e.type === "reversal" && e.reverses !== null && e.reverses < first ? [e.reverses] : []))
  },
  advance: (sums, events, { after, related }) => {
    // The earlier events the new reversals name, and how the ledger held them: an entry, and whether it was reversed.
    const earlier = related.filter((e) => e.seq <= after && e.grant === grant)
    const entries = new Map<string, Ledger.Entry>()
    const reversed = new Map<string, string>()
    const fresh: Array<Ledger.Entry> = []
    for (const entry of Recording.entriesOf([...earlier, ...events], grant)) {
      if (Number(entry.id) > after) fresh.push(entry)
      else if (entry.kind !== "reversal") entries.set(entry.id, entry)
      else if (!reversed.has(entry.reverses)) reversed.set(entry.reverses, entry.id)
    }
    return Ledger.restore(fresh, { sums, entries, reversed }).sums
  },
  encode: (sums) => Object.fromEntries([...sums].map(([region, totals]) => [region, { ...totals }])),
  decode: (json) => {
    if (typeof json !== "object" || json === null || Array.isArray(json)) return undefined
    const sums = new Map<string, LedgerSums extends ReadonlyMap<string, infer V> ? V : never>()
    for (const [region, totals] of Object.entries(json)) {
      if (typeof totals !== "object" || totals === null || Array.isArray(totals) || !Object.values(totals).every(sumsField)) return undefined
      sums.set(region, totals as never)
    }
    return sums
  }
})

/**
 * One region's part of a grant.
 *
 * @since 0.2.0
 */
export interface RegionState extends Found {
  readonly region: Region.Region
  readonly outcome: Outcome
  readonly row: Allocation.Row | undefined
  readonly explanation: ReadonlyArray<Allocation.Explanation>
  readonly ledger: Ledger.Row | undefined
}

/**
 * One region's part of a grant: its allocation row and explanation (when
 * the grant is allocated) and its ledger row.
 *
 * @example
 * const uppsala = yield* GrantState.region("specialiserad-psykiatri-2026", "03")
 * @since 0.2.0
 */
export const region = (reference: string, code: Region.RegionCode): Effect.Effect<RegionState, UnknownGrant | EventLogError, CatalogSource | Populations | EventLog> =>
  Effect.gen(function* () {
    const found = yield* find(reference)
    const outcome = yield* allocation(found.grant)
    const summary = yield* ledger(reference)
    return {
      ...found,
      region: Region.fromCode(code)!,
      outcome,
      row: outcome._tag === "Allocated" ? outcome.allocation.rows.find((r) => r.region === code) : undefined,
      explanation: outcome._tag === "Allocated" ? Allocation.explain(outcome.allocation, code) : [],
      ledger: summary.rows.find((r) => r.region === code)
    }
  })

/**
 * A ledger row with the region's name.
 *
 * @since 0.2.0
 */
export type LedgerRow = Ledger.Summary["total"] & { readonly name: string }

/**
 * The ledger's rows with names, regions first, then Riket.
 *
 * @example
 * GrantState.ledgerRows(summary).at(-1)?.name // "Riket"
 * @since 0.2.0
 */
export const ledgerRows = (summary: Ledger.Summary): Array<LedgerRow> => [
  ...summary.rows.map((row) => ({ ...row, name: Region.fromCode(row.region)?.name ?? row.region })),
  { ...summary.total, name: "Riket" }
]

/**
 * The ledger table: the same fields in every format.
 *
 * @since 0.2.0
 */
export const ledgerColumns: Table.Columns<LedgerRow> = [
  { field: "region", header: "Kod", kind: "text", value: (r) => r.region },
  { field: "name", header: "Region", kind: "text", value: (r) => r.name },
  { field: "allocated", header: "Tilldelat", kind: "kronor", value: (r) => r.allocated },
  { field: "requisitioned", header: "Rekvirerat", kind: "kronor", value: (r) => r.requisitioned },
  { field: "paidOut", header: "Utbetalt", kind: "kronor", value: (r) => r.paidOut },
  { field: "reportedUsed", header: "Redovisat använt", kind: "kronor", value: (r) => r.reportedUsed },
  { field: "toRepay", header: "Att återbetala", kind: "kronor", value: (r) => r.toRepay },
  { field: "repaid", header: "Återbetalt", kind: "kronor", value: (r) => r.repaid },
  { field: "outstanding", header: "Utestående", kind: "kronor", value: (r) => r.outstanding }
]

/**
 * The allocation table of the published appendix: code, name, each component, total.
 *
 * @since 0.2.0
 */
export const allocationColumns = (allocated: Allocation.Allocation): Table.Columns<Allocation.Row> => [
  { field: "region", header: "Kod", kind: "text", value: (r) => r.region },
  { field: "name", header: "Region", kind: "text", value: (r) => r.name },
  ...allocated.components.map((c): Table.Column<Allocation.Row> => ({ field: c.id, header: `${c.title ?? c.id} (${c.basis})`, kind: "kronor", value: (r) => r.amounts[c.id] ?? 0 })),
  { field: "total", header: "Totalt per region", kind: "kronor", value: (r) => r.total }
]
