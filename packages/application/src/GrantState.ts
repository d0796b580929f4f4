import { Allocation, Ledger } from "@uppdrag/allocation"
import { type Assignment, Catalog, Region } from "@uppdrag/core"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { CatalogSource } from "./CatalogSource.js"
import { EventLog } from "./EventLog.js"
import type { EventLogError } from "./EventLogError.js"
import { Populations } from "./Populations.js"
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

/** The catalog has no grant by that id. */
export class UnknownGrant extends Data.TaggedError("UnknownGrant")<{ readonly grant: string; readonly known: ReadonlyArray<string> }> {
  override get message(): string {
    return `--grant: okänt statsbidrag ${JSON.stringify(this.grant)} (kända: ${this.known.join(", ")})`
  }
}

/** A grant's allocation, or why it has none (a capped pot, figures that do not split). */
export type Outcome = { readonly _tag: "Allocated"; readonly allocation: Allocation.Allocation } | { readonly _tag: "NotAllocated"; readonly reason: string }

const allocated = (value: Allocation.Allocation): Outcome => ({ _tag: "Allocated", allocation: value })
const notAllocated = (reason: string): Outcome => ({ _tag: "NotAllocated", reason })

/**
 * The grant a reference names (its id), or {@link UnknownGrant}.
 *
 * @example
 * const { assignment, grant } = yield* GrantState.find("specialiserad-psykiatri-2026")
 */
/** A grant with its assignment, as the catalog finds it. */
export interface Found {
  readonly assignment: Assignment.Assignment
  readonly grant: Assignment.Grant
}

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
 */
export const ledger = (reference: string): Effect.Effect<Ledger.Summary, UnknownGrant | EventLogError, CatalogSource | Populations | EventLog> =>
  Effect.gen(function* () {
    const { grant } = yield* find(reference)
    const populations = yield* Populations
    const terms = Ledger.termsOf(grant, Recording.allocatedOf(grant, populations))
    const log = yield* EventLog
    const events = yield* log.read({ grant: grant.id })
    return Ledger.summarize(terms, Recording.entriesOf(events, grant.id))
  })

/**
 * One region's part of a grant: its allocation row and explanation (when
 * the grant is allocated) and its ledger row.
 *
 * @example
 * const uppsala = yield* GrantState.region("specialiserad-psykiatri-2026", "03")
 */
/** One region's part of a grant. */
export interface RegionState extends Found {
  readonly region: Region.Region
  readonly outcome: Outcome
  readonly row: Allocation.Row | undefined
  readonly explanation: ReadonlyArray<Allocation.Explanation>
  readonly ledger: Ledger.Row | undefined
}

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

/** A ledger row with the region's name. */
export type LedgerRow = Ledger.Summary["total"] & { readonly name: string }

/**
 * The ledger's rows with names, regions first, then Riket.
 *
 * @example
 * GrantState.ledgerRows(summary).at(-1)?.name // "Riket"
 */
export const ledgerRows = (summary: Ledger.Summary): Array<LedgerRow> => [
  ...summary.rows.map((row) => ({ ...row, name: Region.fromCode(row.region)?.name ?? row.region })),
  { ...summary.total, name: "Riket" }
]

/** The ledger table: the same fields in every format. */
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

/** The allocation table of the published appendix: code, name, each component, total. */
export const allocationColumns = (allocated: Allocation.Allocation): Table.Columns<Allocation.Row> => [
  { field: "region", header: "Kod", kind: "text", value: (r) => r.region },
  { field: "name", header: "Region", kind: "text", value: (r) => r.name },
  ...allocated.components.map((c): Table.Column<Allocation.Row> => ({ field: c.id, header: `${c.title ?? c.id} (${c.basis})`, kind: "kronor", value: (r) => r.amounts[c.id] ?? 0 })),
  { field: "total", header: "Totalt per region", kind: "kronor", value: (r) => r.total }
]
