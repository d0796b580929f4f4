import { Allocation, Ledger } from "@uppdrag/allocation"
import { type Assignment, type CalendarDate, Catalog, fromZodIssues, type Population, type Issue, ValidationError } from "@uppdrag/core"
import { Reporting } from "@uppdrag/deadlines"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { CatalogSource } from "./CatalogSource.js"
import * as Event from "./Event.js"
import { EventLog, type Needs } from "./EventLog.js"
import type { EventLogError } from "./EventLogError.js"
import type * as LogExport from "./LogExport.js"
import { Populations } from "./Populations.js"
import * as Today from "./Today.js"

/**
 * The catalog does not know what an event names, or an event names the wrong thing.
 *
 * @since 0.2.0
 */
export class CatalogMismatch extends Data.TaggedError("CatalogMismatch")<{
  readonly rule: "UnknownGrant" | "UnknownAssignment" | "WrongAssignment" | "WrongGrant" | "UnknownEvent" | "CannotReverse"
  readonly detail: string
}> {
  override get message(): string {
    return this.detail
  }
}

/**
 * An import needs an empty log and this one holds events.
 *
 * @since 0.2.0
 */
export class LogNotEmpty extends Data.TaggedError("LogNotEmpty")<{ readonly events: number }> {
  override get message(): string {
    return `databasen innehåller redan ${this.events} händelser; importera bara till en tom databas`
  }
}

/**
 * Every domain refusal a recording can meet: the ledger's, the reporting rules', the catalog's.
 *
 * @since 0.2.0
 */
export type Refusal = Ledger.Refusal | Reporting.Refusal | CatalogMismatch

/**
 * A rule refused an event of a batch; nothing was written. `index` is the
 * event's 0-based position in the batch, `refusal` the domain's own tagged
 * refusal (`RequisitionAboveAllocation`, `ReportAlreadySubmitted` …).
 *
 * @example
 * new Refused({ index: 0, refusal }).message // "rekvisitionen på 58 203 924 kr överstiger ..."
 * @since 0.2.0
 */
export class Refused extends Data.TaggedError("Refused")<{ readonly index: number; readonly refusal: Refusal }> {
  /** The tag of the rule that refused, e.g. `RequisitionOutsideWindow`. */
  get rule(): string {
    return this.refusal._tag === "CatalogMismatch" ? this.refusal.rule : this.refusal._tag
  }
  override get message(): string {
    return this.refusal.message
  }
}

/**
 * A ledger entry of `@uppdrag/allocation` (taken from `Ledger.record`, as the namespace re-export carries only the zod value).
 *
 * @since 0.2.0
 */
export type LedgerEntry = Parameters<typeof Ledger.record>[1]

/**
 * Recording events: the use case every path that writes goes through (`uppdrag
 * record`, `meetings record`, `db import`, other teams' code). Money events
 * and their reversals go through the grant's ledger from `@uppdrag/allocation`
 * (requisition window, allocation, payout date, what may be paid, used and
 * repaid); reports and dates set through `@uppdrag/deadlines`' `Reporting`
 * rules; the catalog must know the grant and assignment, and a reversal names
 * an earlier event not already reversed.
 *
 * The check is pure: it takes the events already in the log that the batch
 * can touch ({@link needs} says which) and returns the events to write, with
 * their sequence numbers, or the first refusal.
 *
 * @example
 * const ctx = Recording.context(catalog, (grant) => allocatedOf(grant, populations))
 * Recording.batch(ctx, prior, [event], { firstSeq: 1, recordedAt: "2026-04-15T08:00:00.000Z" })
 * @since 0.2.0
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
 * Recording.context(catalog, (grant) => new Map([["03", 58_203_923]]))
 * @since 0.2.0
 */
export const context = (catalog: Catalog.Catalog, allocationOf: (grant: Assignment.Grant) => ReadonlyMap<string, number>): Context => {
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
 * The grants, event numbers and assignments a batch touches.
 *
 * @example
 * Recording.needs(ctx, [requisition]).grants // Set { "specialiserad-psykiatri-2026" }
 * @since 0.2.0
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

const refuse = (index: number, rule: CatalogMismatch["rule"], detail: string): Result.Result<never, Refused> =>
  Result.fail(new Refused({ index, refusal: new CatalogMismatch({ rule, detail }) }))

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
 * Ledger.summarize(terms, Recording.entriesOf(events, "specialiserad-psykiatri-2026"))
 * @since 0.2.0
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

/**
 * Options of {@link batch}: the first sequence number to give and the recording instant.
 *
 * @since 0.2.0
 */
export interface BatchOptions {
  readonly firstSeq: number
  /** One instant for the whole batch, or one per event (an import keeps the original times). */
  readonly recordedAt: string | ReadonlyArray<string>
  /** Today by the caller's clock: no report or reported use may be dated after it (unchecked when left out). */
  readonly today?: CalendarDate.CalendarDate | undefined
}

/** Per assignment: reports by `Reporting.reportKey`, and dates set by obligation id. */
interface Reported {
  readonly reports: Map<string, Map<string, number>>
  readonly dueDates: Map<string, Map<string, { seq: number; due: string }>>
}
const within = <V>(map: Map<string, Map<string, V>>, assignment: string): Map<string, V> => {
  let inner = map.get(assignment)
  if (inner === undefined) {
    inner = new Map()
    map.set(assignment, inner)
  }
  return inner
}
const dueOf = (event: Pick<Event.StoredEvent, "payload">): string => {
  const parsed = Event.DueDatePayloadSchema.safeParse(event.payload)
  return parsed.success ? parsed.data.due : "?"
}

/**
 * The rules for one event outside the ledger, and the event as it will be
 * stored: the catalog knows its grant and assignment; a reversal names an
 * earlier event (a money event's reversal is then checked by the ledger);
 * reports and dates set follow `@uppdrag/deadlines`' `Reporting` rules.
 */
const resolve = (
  ctx: Context,
  event: Event.ValidNewEvent,
  index: number,
  options: BatchOptions,
  bySeq: ReadonlyMap<number, Event.StoredEvent>,
  reversed: ReadonlySet<number>,
  reported: Reported
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
      if (target.type === "report" && target.obligation !== null) within(reported.reports, target.assignment).delete(Reporting.reportKey(target.obligation, target.region))
      if (target.type === "due-date" && target.obligation !== null) within(reported.dueDates, target.assignment).delete(target.obligation)
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
    const reports = within(reported.reports, assignment.id)
    const decided = Reporting.decideReport(assignment, { obligation: event.obligation ?? "", region: stored.region, date: event.date, today: options.today }, reports)
    if (Result.isFailure(decided)) return Result.fail(new Refused({ index, refusal: decided.failure }))
    reports.set(Reporting.reportKey(decided.success.id, stored.region), seq)
  }
  if (event.type === "due-date") {
    const dueDates = within(reported.dueDates, assignment.id)
    const decided = Reporting.decideDueDate(assignment, event.obligation ?? "", dueDates)
    if (Result.isFailure(decided)) return Result.fail(new Refused({ index, refusal: decided.failure }))
    dueDates.set(decided.success.id, { seq, due: dueOf(stored) })
  }
  return Result.succeed(stored)
}

/**
 * Checks a batch in order against the events already stored (`prior`, at
 * least those {@link needs} names) and returns the events to write, numbered
 * from `firstSeq`, or the first refusal with its index in the batch.
 *
 * @example
 * Recording.batch(ctx, [], [{ type: "requisition", grant: "specialiserad-psykiatri-2026", region: "03", amount: 58_203_924, date: "2026-04-15", recordedBy: "anna", note: "" }], { firstSeq: 1, recordedAt })
 * // Result.fail(Refused { index: 0, refusal: RequisitionAboveAllocation { ... } })
 * @since 0.2.0
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
  const reported: Reported = { reports: new Map(), dueDates: new Map() }
  for (const event of prior) {
    if (event.reverses !== null) reversed.add(event.reverses)
  }
  for (const event of prior) {
    if (event.obligation === null || reversed.has(event.seq)) continue
    if (event.type === "report") within(reported.reports, event.assignment).set(Reporting.reportKey(event.obligation, event.region), event.seq)
    if (event.type === "due-date") within(reported.dueDates, event.assignment).set(event.obligation, { seq: event.seq, due: dueOf(event) })
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
    const resolved = resolve(ctx, event, index, options, bySeq, reversed, reported)
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
    const replayed = Ledger.replay(ledger.terms, ledger.entries, state, { today: options.today })
    if (Result.isFailure(replayed)) {
      const index = ledger.indices[replayed.failure.index] ?? 0
      if (first === undefined || index < first.index) {
        first = new Refused({ index, refusal: replayed.failure.refusal })
      }
    }
  }
  if (first !== undefined) return Result.fail(first)
  return Result.succeed(written)
}

/**
 * A grant's allocation per region by the population in force, or no
 * allocation when the grant is not split in advance or cannot be split:
 * the `allocated` figures of its ledger and the requisition ceiling.
 *
 * @example
 * allocatedOf(grant, populations).get("03") // 58203923 for specialiserad-psykiatri-2026
 * @since 0.2.0
 */
export const allocatedOf = (grant: Assignment.Grant, populations: { forGrant: (grant: Assignment.Grant) => Result.Result<Population.Population, ValidationError> }): ReadonlyMap<string, number> => {
  const population = populations.forGrant(grant)
  if (Result.isFailure(population)) return new Map()
  const allocation = Allocation.allocateGrant(grant, population.success)
  return Result.isFailure(allocation) ? new Map() : Allocation.totalsByRegion(allocation.success)
}

/**
 * The check context of the catalog and population in force.
 *
 * @example
 * const ctx = yield* Recording.currentContext
 * @since 0.2.0
 */
export const currentContext: Effect.Effect<Context, never, CatalogSource | Populations> = Effect.gen(function* () {
  const catalog = yield* CatalogSource
  const populations = yield* Populations
  return context(catalog, (grant) => allocatedOf(grant, populations))
})

/**
 * Validates new events, every issue under its index (`[3].amount`).
 *
 * @since 0.2.0
 */
export const validate = (events: ReadonlyArray<Event.NewEvent>, source: string): Result.Result<Array<Event.ValidNewEvent>, ValidationError> => {
  const valid: Array<Event.ValidNewEvent> = []
  const issues: Array<Issue> = []
  events.forEach((event, i) => {
    const parsed = Event.NewEventSchema.safeParse(event, { reportInput: true })
    if (parsed.success) valid.push(parsed.data)
    else issues.push(...fromZodIssues(parsed.error.issues).map((issue) => ({ ...issue, path: issue.path === "" ? `[${i}]` : `[${i}].${issue.path}` })))
  })
  return issues.length > 0 ? Result.fail(new ValidationError({ source, issues })) : Result.succeed(valid)
}

/**
 * Options of {@link record}.
 *
 * @since 0.2.0
 */
export interface RecordOptions {
  /** Progress of a long batch (a file of rows). */
  readonly onProgress?: ((done: number, total: number) => void) | undefined
}

/**
 * Records a batch of events: validates them, then under the log's write
 * lock checks them in order against what is already recorded (the grant's
 * ledger, the reporting rules, the catalog) and appends all or none. The
 * recording instant is the clock's.
 *
 * @example
 * const written = yield* Recording.record([{ type: "requisition", grant: "specialiserad-psykiatri-2026", region: "03",
 *   amount: 58_203_923, date: "2026-04-15", recordedBy: "anna" }])
 * @since 0.2.0
 */
export const record = (
  events: ReadonlyArray<Event.NewEvent>,
  options: RecordOptions = {}
): Effect.Effect<ReadonlyArray<Event.StoredEvent>, ValidationError | Refused | EventLogError, EventLog | CatalogSource | Populations> =>
  Effect.gen(function* () {
    const valid = yield* Effect.fromResult(validate(events, "händelser"))
    if (valid.length === 0) return []
    const ctx = yield* currentContext
    const recordedAt = yield* Today.now
    const today = yield* Today.today
    const log = yield* EventLog
    return yield* log.append(
      needs(ctx, valid),
      (snapshot) => batch(ctx, snapshot.prior, valid, { firstSeq: snapshot.nextSeq, recordedAt, today }),
      options.onProgress
    )
  })

/**
 * Imports an export document into an empty log, checking every event again
 * as if recorded anew and keeping each one's recording instant; returns the
 * number of events imported.
 *
 * @example
 * const imported = yield* Recording.importLog(document)
 * @since 0.2.0
 */
export const importLog = (
  document: LogExport.Document,
  options: RecordOptions = {}
): Effect.Effect<number, ValidationError | Refused | LogNotEmpty | EventLogError, EventLog | CatalogSource | Populations> =>
  Effect.gen(function* () {
    const asNew: Array<Event.NewEvent> = document.events.map((e) => ({
      type: e.type,
      assignment: e.assignment,
      ...(e.grant === null ? {} : { grant: e.grant }),
      ...(e.region === null || e.type === "reversal" ? {} : { region: e.region }),
      ...(e.amount === null ? {} : { amount: e.amount }),
      date: e.date,
      recordedBy: e.recordedBy,
      note: e.note,
      ...(e.reverses === null ? {} : { reverses: e.reverses }),
      ...(e.obligation === null ? {} : { obligation: e.obligation }),
      ...(e.payload === null ? {} : { payload: e.payload })
    }))
    const valid = yield* Effect.fromResult(validate(asNew, "events"))
    const ctx = yield* currentContext
    const today = yield* Today.today
    const log = yield* EventLog
    const written = yield* log.append<Refused | LogNotEmpty>(
      needs(ctx, valid),
      (snapshot) =>
        snapshot.size > 0
          ? Result.fail(new LogNotEmpty({ events: snapshot.size }))
          : batch(ctx, snapshot.prior, valid, { firstSeq: snapshot.nextSeq, recordedAt: document.events.map((e) => e.recordedAt), today }),
      options.onProgress
    )
    return written.length
  })
