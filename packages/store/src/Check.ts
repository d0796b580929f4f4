import { Ledger } from "@uppdrag/allocation"
import { type Assignment, Catalog } from "@uppdrag/core"
import * as Result from "effect/Result"
import * as Event from "./Event.js"
import type { Refused } from "./StoreError.js"

/** A ledger entry of `@uppdrag/allocation` (taken from `Ledger.record`, as the namespace re-export carries only the zod value). */
export type LedgerEntry = Parameters<typeof Ledger.record>[1]

/**
 * The rules every event passes before it is written. Money events and their
 * reversals go through the grant's ledger from `@uppdrag/allocation`
 * (requisition window, allocation, payout date, what may be paid, used and
 * repaid); the store adds its own rules: the grant, assignment and obligation
 * exist in the catalog, a report is submitted once, a date someone sets is
 * set once, a reversal names an earlier event not already reversed.
 *
 * The check is pure: it takes the events already in the log that the batch
 * can touch ({@link needs} says which) and returns the events to write, with
 * their sequence numbers, or the first refusal.
 *
 * @example
 * const ctx = Check.context(catalog, (grant) => Allocation.totalsOf(grant))
 * Check.batch(ctx, prior, [event], { firstSeq: 1, recordedAt: "2026-04-15T08:00:00.000Z" })
 */
export interface Context {
  readonly catalog: Catalog.Catalog
  /** The ledger terms of a grant (window, dates, allocation per region), or undefined for an unknown grant. */
  readonly termsFor: (grant: string) => Ledger.Terms | undefined
}

/**
 * A check context over a catalog, with each grant's allocation per region
 * computed once.
 *
 * @example
 * Check.context(catalog, (grant) => new Map([["03", 58_203_923]]))
 */
export const context = (
  catalog: Catalog.Catalog,
  allocationOf: (grant: Assignment.Grant) => ReadonlyMap<string, number>
): Context => {
  const cache = new Map<string, Ledger.Terms | undefined>()
  return {
    catalog,
    termsFor: (grant) => {
      if (!cache.has(grant)) {
        const found = Catalog.findGrant(catalog, grant)
        cache.set(grant, found === undefined ? undefined : Ledger.termsOf(found.grant, allocationOf(found.grant)))
      }
      return cache.get(grant)
    }
  }
}

/**
 * What the store must read before checking a batch: every event of the
 * grants it touches, the events it reverses, and the reports (and their
 * reversals) of the assignments it reports on.
 */
export interface Needs {
  readonly grants: ReadonlySet<string>
  readonly seqs: ReadonlySet<number>
  readonly assignments: ReadonlySet<string>
}

/**
 * The grants, event numbers and assignments a batch touches.
 *
 * @example
 * Check.needs(ctx, [requisition]).grants // Set { "specialiserad-psykiatri-2026" }
 */
export const needs = (ctx: Context, batch: ReadonlyArray<Event.ValidNewEvent>): Needs => {
  const grants = new Set<string>()
  const seqs = new Set<number>()
  const assignments = new Set<string>()
  for (const event of batch) {
    if (event.grant !== undefined) grants.add(event.grant)
    if (event.reverses !== undefined) seqs.add(event.reverses)
    if (event.type === "report" || event.type === "due-date") {
      const assignment = event.assignment ?? (event.grant === undefined ? undefined : Catalog.findGrant(ctx.catalog, event.grant)?.assignment.id)
      if (assignment !== undefined) assignments.add(assignment)
    }
  }
  return { grants, seqs, assignments }
}

const refuse = (index: number, rule: string, reason: string): Result.Result<never, Refused> => Result.fail({ _tag: "Refused", index, rule, reason })

/** The ledger entry an event stands for, or undefined for events outside any ledger. */
const toEntry = (event: Event.StoredEvent, bySeq: ReadonlyMap<number, Event.StoredEvent>): LedgerEntry | undefined => {
  if (event.grant === null) return undefined
  if (Event.isMoneyType(event.type)) {
    return {
      kind: event.type,
      id: String(event.seq),
      grant: event.grant,
      region: event.region ?? "",
      amount: event.amount ?? 0,
      date: event.date
    } as LedgerEntry
  }
  if (event.type === "reversal" && event.reverses !== null) {
    const target = bySeq.get(event.reverses)
    if (target === undefined || !Event.isMoneyType(target.type)) return undefined
    return { kind: "reversal", id: String(event.seq), grant: event.grant, reverses: String(event.reverses), date: event.date, note: event.note }
  }
  return undefined
}

/**
 * The ledger entries of a grant among stored events, in log order: what
 * `Ledger.summarize` folds into the `ledger` table.
 *
 * @example
 * Ledger.summarize(terms, Check.entriesOf(events, "specialiserad-psykiatri-2026"))
 */
export const entriesOf = (events: ReadonlyArray<Event.StoredEvent>, grant: string): Array<LedgerEntry> => {
  const bySeq = new Map(events.map((e) => [e.seq, e]))
  const entries: Array<LedgerEntry> = []
  for (const event of events) {
    if (event.grant !== grant) continue
    const entry = toEntry(event, bySeq)
    if (entry !== undefined) entries.push(entry)
  }
  return entries
}

/** Options of {@link batch}: the first sequence number to give and the recording instant. */
export interface BatchOptions {
  readonly firstSeq: number
  /** One instant for the whole batch, or one per event (an import keeps the original times). */
  readonly recordedAt: string | ReadonlyArray<string>
}

const reportKey = (assignment: string, obligation: string, region: string | null): string => `${assignment}\u0000${obligation}\u0000${region ?? ""}`
const dueKey = (assignment: string, obligation: string): string => `${assignment}\u0000${obligation}`
const dueOf = (event: Pick<Event.StoredEvent, "payload">): string => {
  const parsed = Event.DueDatePayload.safeParse(event.payload)
  return parsed.success ? parsed.data.due : "?"
}

/**
 * The store's own rules for one event, and the event as it will be stored:
 * the catalog knows its grant, assignment and obligation; a reversal names an
 * earlier event (a money event's reversal is then checked by the ledger); a
 * report is registered once until reversed; a date is set only for a duty
 * whose date the decision leaves to someone, once until reversed.
 */
const resolve = (
  ctx: Context,
  event: Event.ValidNewEvent,
  index: number,
  options: BatchOptions,
  bySeq: ReadonlyMap<number, Event.StoredEvent>,
  reversed: ReadonlySet<number>,
  reports: Map<string, number>,
  dueDates: Map<string, number>
): Result.Result<Event.StoredEvent, Refused> => {
  const seq = options.firstSeq + index
  // Keys in the order of Event.columns, so exports read the same from either database.
  const make = (assignment: string, grant: string | null, region: Event.StoredEvent["region"]): Event.StoredEvent => ({
    seq,
    type: event.type,
    assignment,
    grant,
    region,
    amount: event.amount ?? null,
    date: event.date,
    recordedBy: event.recordedBy,
    recordedAt: typeof options.recordedAt === "string" ? options.recordedAt : (options.recordedAt[index] ?? ""),
    note: event.note,
    reverses: event.reverses ?? null,
    obligation: event.obligation ?? null,
    payload: event.payload ?? null
  })
  if (event.type === "reversal") {
    const target = bySeq.get(event.reverses ?? 0)
    if (target === undefined) return refuse(index, "UnknownEvent", `händelse ${event.reverses} finns inte och kan inte återföras`)
    if (event.grant !== undefined && event.grant !== target.grant) {
      return refuse(index, "WrongGrant", `händelse ${target.seq} gäller ${target.grant ?? "inget statsbidrag"}, inte ${event.grant}`)
    }
    if (event.assignment !== undefined && event.assignment !== target.assignment) {
      return refuse(index, "WrongAssignment", `händelse ${target.seq} gäller uppdraget ${target.assignment}, inte ${event.assignment}`)
    }
    if (!Event.isMoneyType(target.type)) {
      if (target.type === "reversal") {
        return refuse(index, "CannotReverse", `händelse ${target.seq} är själv en återföring och kan inte återföras; registrera händelsen på nytt i stället`)
      }
      if (reversed.has(target.seq)) return refuse(index, "CannotReverse", `händelse ${target.seq} är redan återförd`)
      if (target.type === "report" && target.obligation !== null) reports.delete(reportKey(target.assignment, target.obligation, target.region))
      if (target.type === "due-date" && target.obligation !== null) dueDates.delete(dueKey(target.assignment, target.obligation))
    }
    return Result.succeed(make(target.assignment, target.grant, target.region))
  }
  const grant = event.grant === undefined ? undefined : Catalog.findGrant(ctx.catalog, event.grant)
  if (event.grant !== undefined && grant === undefined) return refuse(index, "UnknownGrant", `statsbidraget ${event.grant} finns inte i katalogen`)
  const assignmentId = event.assignment ?? grant?.assignment.id
  const assignment = assignmentId === undefined ? undefined : ctx.catalog.assignments.find((a) => a.id === assignmentId)
  if (assignment === undefined) return refuse(index, "UnknownAssignment", `uppdraget ${assignmentId ?? "(saknas)"} finns inte i katalogen`)
  if (grant !== undefined && grant.assignment.id !== assignment.id) {
    return refuse(index, "WrongAssignment", `statsbidraget ${grant.grant.id} hör till uppdraget ${grant.assignment.id}, inte ${assignment.id}`)
  }
  const stored = make(assignment.id, grant?.grant.id ?? null, event.region ?? null)
  if (event.type === "report") {
    const obligation = assignment.obligations.find((o) => o.id === event.obligation)
    if (obligation === undefined) {
      return refuse(index, "UnknownObligation", `uppdraget ${assignment.id} har ingen skyldighet ${event.obligation} (kända: ${assignment.obligations.map((o) => o.id).join(", ")})`)
    }
    const key = reportKey(assignment.id, obligation.id, stored.region)
    const earlier = reports.get(key)
    if (earlier !== undefined) {
      return refuse(index, "ReportAlreadySubmitted", `redovisningen ${obligation.id} är redan registrerad som inlämnad (händelse ${earlier}); återför den först om den ska ändras`)
    }
    reports.set(key, seq)
  }
  if (event.type === "due-date") {
    const obligation = assignment.obligations.find((o) => o.id === event.obligation)
    if (obligation === undefined) {
      return refuse(index, "UnknownObligation", `uppdraget ${assignment.id} har ingen skyldighet ${event.obligation} (kända: ${assignment.obligations.map((o) => o.id).join(", ")})`)
    }
    if (obligation.dueSetBy === undefined) {
      return refuse(index, "DueDateInDecision", `skyldigheten ${obligation.id} har redan ett datum i beslutet (${obligation.due ?? "–"}); bara datum som någon annan bestämmer registreras`)
    }
    const key = dueKey(assignment.id, obligation.id)
    const earlier = dueDates.get(key)
    if (earlier !== undefined) {
      const set = bySeq.get(earlier)
      return refuse(index, "DueDateAlreadySet", `datumet för ${obligation.id} är redan fastställt till ${set === undefined ? "?" : dueOf(set)} (händelse ${earlier}); återför den först om datumet ändras`)
    }
    dueDates.set(key, seq)
  }
  return Result.succeed(stored)
}

/**
 * Checks a batch in order against the events already stored (`prior`, at
 * least those {@link needs} names) and returns the events to write, numbered
 * from `firstSeq`, or the first refusal with its index in the batch.
 *
 * @example
 * Check.batch(ctx, [], [{ type: "requisition", grant: "specialiserad-psykiatri-2026", region: "03", amount: 58_203_924, date: "2026-04-15", recordedBy: "anna", note: "" }], { firstSeq: 1, recordedAt })
 * // Result.fail({ _tag: "Refused", index: 0, rule: "RequisitionAboveAllocation", reason: "rekvisitionen på 58 203 924 kr överstiger ..." })
 */
export const batch = (
  ctx: Context,
  prior: ReadonlyArray<Event.StoredEvent>,
  events: ReadonlyArray<Event.ValidNewEvent>,
  options: BatchOptions
): Result.Result<Array<Event.StoredEvent>, Refused> => {
  const bySeq = new Map<number, Event.StoredEvent>()
  for (const event of prior) bySeq.set(event.seq, event)
  const reversed = new Set<number>()
  const reports = new Map<string, number>()
  const dueDates = new Map<string, number>()
  for (const event of prior) {
    if (event.reverses !== null) reversed.add(event.reverses)
  }
  for (const event of prior) {
    if (event.obligation === null || reversed.has(event.seq)) continue
    if (event.type === "report") reports.set(reportKey(event.assignment, event.obligation, event.region), event.seq)
    if (event.type === "due-date") dueDates.set(dueKey(event.assignment, event.obligation), event.seq)
  }
  // Pass 1, in order: the store's own rules, and each event's ledger entry (if any) grouped by grant.
  const written: Array<Event.StoredEvent> = []
  const ledgers = new Map<string, { terms: Ledger.Terms; entries: Array<LedgerEntry>; indices: Array<number> }>()
  const toLedger = (index: number, entry: LedgerEntry): Result.Result<void, Refused> => {
    let ledger = ledgers.get(entry.grant)
    if (ledger === undefined) {
      const terms = ctx.termsFor(entry.grant)
      if (terms === undefined) return refuse(index, "UnknownGrant", `statsbidraget ${entry.grant} finns inte i katalogen`)
      ledger = { terms, entries: [], indices: [] }
      ledgers.set(entry.grant, ledger)
    }
    ledger.entries.push(entry)
    ledger.indices.push(index)
    return Result.succeed(undefined)
  }
  let storeRefusal: Refused | undefined
  for (const [index, event] of events.entries()) {
    const resolved = resolve(ctx, event, index, options, bySeq, reversed, reports, dueDates)
    if (Result.isFailure(resolved)) {
      storeRefusal = resolved.failure
      break
    }
    const stored = resolved.success
    const entry = toEntry(stored, bySeq)
    if (entry !== undefined) {
      const added = toLedger(index, entry)
      if (Result.isFailure(added)) {
        storeRefusal = added.failure
        break
      }
    }
    if (stored.reverses !== null) reversed.add(stored.reverses)
    bySeq.set(stored.seq, stored)
    written.push(stored)
  }
  // Pass 2: each grant's ledger rebuilt from its stored entries, then the batch's entries checked in order
  // by @uppdrag/allocation. Grants are independent, so the first refusal overall is the lowest index.
  let first: Refused | undefined = storeRefusal
  for (const [grant, ledger] of ledgers) {
    const state = Ledger.restore(entriesOf(prior, grant), Ledger.empty(ledger.terms))
    const replayed = Ledger.replay(ledger.terms, ledger.entries, state)
    if (Result.isFailure(replayed)) {
      const index = ledger.indices[replayed.failure.index] ?? 0
      if (first === undefined || index < first.index) {
        first = { _tag: "Refused", index, rule: replayed.failure.refusal._tag, reason: replayed.failure.refusal.message }
      }
    }
  }
  if (first !== undefined) return Result.fail(first)
  return Result.succeed(written)
}
