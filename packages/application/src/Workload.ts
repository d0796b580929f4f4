import { Assignment } from "@uppdrag/core"
import { Workload as DutiesPerMonth } from "@uppdrag/deadlines"
import * as Effect from "effect/Effect"
import type { CatalogSource } from "./CatalogSource.js"
import * as DeadlineList from "./DeadlineList.js"
import type { EventLog } from "./EventLog.js"
import type * as Table from "./Table.js"

/**
 * The workload (`uppdrag deadlines --per-month`): the duties of a deadline
 * query counted per month, per kind and per assignment
 * (`Workload.perMonth` of `@uppdrag/deadlines`, months without duties kept
 * so a series has no gaps), and the total over all months. Duties without a
 * date are not counted.
 *
 * @example
 * import { Workload } from "@uppdrag/application"
 * const { months, total } = yield* Workload.perMonth({ asOf: "2026-11-23", all: true, from: "2027-01-01", to: "2027-12-31" })
 * @since 0.2.0
 */
export type Month = DutiesPerMonth.Month

/**
 * The answer: the date, the months in order and the number of dated duties over them all.
 *
 * @since 0.2.0
 */
export interface Listing {
  readonly asOf: DeadlineList.Listing["asOf"]
  readonly months: ReadonlyArray<Month>
  readonly total: number
}

/**
 * The total of every month: how many dated duties the months hold.
 *
 * @example
 * Workload.total([{ month: "2027-05", total: 3, byKind: {}, byAssignment: {} }]) // 3
 * @since 0.2.0
 */
export const total = (months: ReadonlyArray<Month>): number => months.reduce((sum, m) => sum + m.total, 0)

/**
 * The workload of a deadline query (the same query `DeadlineList.list` answers).
 *
 * @example
 * const listing = yield* Workload.perMonth({ asOf: "2026-11-23", all: true })
 * @since 0.2.0
 */
export const perMonth = (query: DeadlineList.Query, options: DeadlineList.Options = {}): Effect.Effect<Listing, DeadlineList.ListError, CatalogSource | EventLog> =>
  Effect.map(DeadlineList.list(query, options), ({ asOf, deadlines }): Listing => {
    const months = DutiesPerMonth.perMonth(deadlines)
    return { asOf, months, total: total(months) }
  })

/**
 * The obligation kinds in the catalog schema's order: stable columns.
 *
 * @since 0.2.0
 */
export const kinds: ReadonlyArray<Assignment.ObligationKind> = Assignment.ObligationKindSchema.options

/**
 * The machine table (CSV, spreadsheets): the month, its total, and one
 * count column per obligation kind (zero when none).
 *
 * @since 0.2.0
 */
export const columns: Table.Columns<Month> = [
  { field: "month", header: "Månad", kind: "text", value: (m) => m.month },
  { field: "total", header: "Antal", kind: "integer", value: (m) => m.total },
  ...kinds.map((k): Table.Column<Month> => ({ field: k, header: k, kind: "integer", value: (m) => m.byKind[k] ?? 0 }))
]

const list = (counts: Readonly<Record<string, number | undefined>>): string =>
  Object.entries(counts)
    .map(([name, count]) => `${name} ${count}`)
    .join(", ")

/**
 * The table for people: the month, its total, and the counts per kind and
 * per assignment as lists (`delredovisning 2, rekvisition 1`).
 *
 * @since 0.2.0
 */
export const summaryColumns: Table.Columns<Month> = [
  { field: "month", header: "Månad", kind: "text", value: (m) => m.month },
  { field: "total", header: "Antal", kind: "integer", value: (m) => m.total },
  { field: "byKind", header: "Per typ", kind: "text", value: (m) => list(m.byKind) },
  { field: "byAssignment", header: "Per uppdrag", kind: "text", value: (m) => list(m.byAssignment) }
]

/**
 * The totals row under {@link summaryColumns}: `Totalt`, the total, and nothing per kind or assignment.
 *
 * @example
 * Workload.totals(listing) // { month: "Totalt", total: 7, byKind: {}, byAssignment: {} }
 * @since 0.2.0
 */
export const totals = (listing: Pick<Listing, "total">): Month => ({ month: "Totalt", total: listing.total, byKind: {}, byAssignment: {} })
