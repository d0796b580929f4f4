import type { Assignment } from "@uppdrag/core"
import type * as Deadline from "./Deadline.js"

/**
 * Duties due in one calendar month across assignments: the total, per kind
 * and per assignment (main diary number, or the origin of extra duties).
 *
 * @example
 * import { Workload } from "@uppdrag/deadlines"
 * Workload.perMonth(deadlines).find((m) => m.month === "2027-05")?.total
 * @since 0.2.0
 */
export interface Month {
  /** `YYYY-MM`. */
  readonly month: string
  readonly total: number
  readonly byKind: Readonly<Partial<Record<Assignment.ObligationKind, number>>>
  readonly byAssignment: Readonly<Record<string, number>>
}

const nextMonth = (month: string): string => {
  const year = Number(month.slice(0, 4))
  const m = Number(month.slice(5, 7))
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, "0")}`
}

/**
 * Duties per month, from the first month with a due date to the last, with
 * empty months included (so a chart has no gaps). Duties without a date are
 * not counted.
 *
 * @example
 * Workload.perMonth(deadlines)
 * // [{ month: "2026-11", total: 1, byKind: { delredovisning: 1 }, byAssignment: { "S2024/01004": 1 } }, …]
 * @since 0.2.0
 */
export const perMonth = (deadlines: ReadonlyArray<Deadline.Deadline>): Array<Month> => {
  const counts = new Map<string, { total: number; byKind: Partial<Record<Assignment.ObligationKind, number>>; byAssignment: Record<string, number> }>()
  for (const d of deadlines) {
    const due = d.obligation.due
    if (due === null) continue
    const month = due.slice(0, 7)
    const entry = counts.get(month) ?? { total: 0, byKind: {}, byAssignment: {} }
    entry.total += 1
    entry.byKind[d.obligation.kind] = (entry.byKind[d.obligation.kind] ?? 0) + 1
    const owner = d.obligation.assignment ?? d.obligation.origin
    entry.byAssignment[owner] = (entry.byAssignment[owner] ?? 0) + 1
    counts.set(month, entry)
  }
  const months = [...counts.keys()].sort()
  const first = months[0]
  const last = months[months.length - 1]
  if (first === undefined || last === undefined) return []
  const out: Array<Month> = []
  for (let month = first; month <= last; month = nextMonth(month)) {
    out.push({ month, ...(counts.get(month) ?? { total: 0, byKind: {}, byAssignment: {} }) })
  }
  return out
}
