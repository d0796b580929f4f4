import { type Assignment, CalendarDate, DateRange, Kronor, Region } from "@uppdrag/core"
import * as Data from "effect/Data"
import * as Result from "effect/Result"
import * as z from "zod"

/**
 * The requisition-to-repayment ledger of a state grant, as pure domain
 * logic: a region requisitions (`rekvisition`) inside the requisition window
 * up to its allocation, the agency pays out (`utbetalning`) by the payout
 * date, the region reports what it used (`redovisning`), and what it did not
 * use becomes a repayment (`återbetalning`) due by the repayment date.
 * Corrections are reversals of earlier entries, never edits.
 *
 * Persistence is not done here: a store checks each entry with {@link check}
 * (or {@link apply}) against the state rebuilt from the entries it already
 * holds, writes it only when accepted, and shows {@link summarize}.
 *
 * @example
 * import { Ledger } from "@uppdrag/allocation"
 * import { Catalog } from "@uppdrag/core"
 * const { grant } = Catalog.findGrant(Catalog.unsafeLoad(), "specialiserad-psykiatri-2026")!
 * const terms = Ledger.termsOf(grant, { "03": 58_203_923 })
 * const state = Ledger.empty(terms)
 * Ledger.check(terms, state, { kind: "requisition", id: "r1", grant: grant.id, region: "03", amount: 58_203_923, date: "2026-04-15" })
 * // Result.succeed(...)
 */

const id = z.string().min(1, "id får inte vara tomt")
const grantId = z.string().min(1, "bidragets id får inte vara tomt")
const positiveAmount = Kronor.schema.refine((value: number) => value > 0, { message: "beloppet måste vara större än 0 kr" })
const moneyFields = { id, grant: grantId, region: Region.codeSchema, date: CalendarDate.schema }

// The schemas are the source of truth; the interfaces below spell their
// output out because the branded types of @uppdrag/core cannot be re-emitted
// in declaration files by inference. The annotations check they agree.
// Schemas are named `…Schema`: the bundled declaration file keeps only one
// meaning of a name that is both a type and a value, and the types matter more.
const requisitionSchema = z.strictObject({ kind: z.literal("requisition"), ...moneyFields, amount: positiveAmount })
const payoutSchema = z.strictObject({ kind: z.literal("payout"), ...moneyFields, amount: positiveAmount })
const useSchema = z.strictObject({ kind: z.literal("use"), ...moneyFields, amount: Kronor.schema })
const repaymentSchema = z.strictObject({ kind: z.literal("repayment"), ...moneyFields, amount: positiveAmount })
const reversalSchema = z.strictObject({ kind: z.literal("reversal"), id, grant: grantId, reverses: id, date: CalendarDate.schema, note: z.string().optional() })

interface MoneyFields {
  /** Unique id of the entry in the grant's ledger (the store's event id). */
  readonly id: string
  /** Grant id, e.g. `specialiserad-psykiatri-2026`. */
  readonly grant: string
  /** SCB code of the region, `01` … `25`. */
  readonly region: Region.RegionCode
  /** Whole kronor. */
  readonly amount: Kronor.Kronor
  /** Business date: the day it happened, not when it was recorded. */
  readonly date: CalendarDate.CalendarDate
}

/**
 * Money asked for by a region (`rekvisition`); `amount` > 0.
 *
 * @since 0.2.0
 */
export interface Requisition extends MoneyFields {
  readonly kind: "requisition"
}
/**
 * zod schema of {@link Requisition}.
 *
 * @since 0.2.0
 */
export const RequisitionSchema: z.ZodType<Requisition, unknown> = requisitionSchema

/**
 * Money paid out to a region (`utbetalning`); `amount` > 0.
 *
 * @since 0.2.0
 */
export interface Payout extends MoneyFields {
  readonly kind: "payout"
}
/**
 * zod schema of {@link Payout}.
 *
 * @since 0.2.0
 */
export const PayoutSchema: z.ZodType<Payout, unknown> = payoutSchema

/**
 * What a region reports it used of the money paid out (`redovisning av
 * använda medel`). `0` is allowed: a region that used nothing reports that,
 * and then owes back everything it was paid. Several reports add up.
 *
 * @since 0.2.0
 */
export interface ReportedUse extends MoneyFields {
  readonly kind: "use"
}
/**
 * zod schema of {@link ReportedUse}.
 *
 * @since 0.2.0
 */
export const ReportedUseSchema: z.ZodType<ReportedUse, unknown> = useSchema

/**
 * Unused money paid back by a region (`återbetalning`); `amount` > 0.
 *
 * @since 0.2.0
 */
export interface Repayment extends MoneyFields {
  readonly kind: "repayment"
}
/**
 * zod schema of {@link Repayment}.
 *
 * @since 0.2.0
 */
export const RepaymentSchema: z.ZodType<Repayment, unknown> = repaymentSchema

/**
 * Cancels an earlier entry (same grant) by its id: the correction of a
 * mistake. The reversed entry stays in the record; it no longer counts.
 * A reversal cannot itself be reversed (record the entry again instead).
 *
 * @since 0.2.0
 */
export interface Reversal {
  readonly kind: "reversal"
  readonly id: string
  readonly grant: string
  /** Id of the entry cancelled. */
  readonly reverses: string
  readonly date: CalendarDate.CalendarDate
  /** Why the entry is cancelled, for the audit trail. */
  readonly note?: string | undefined
}
/**
 * zod schema of {@link Reversal}.
 *
 * @since 0.2.0
 */
export const ReversalSchema: z.ZodType<Reversal, unknown> = reversalSchema

/**
 * Any ledger entry, discriminated on `kind` (`requisition`, `payout`, `use`, `repayment`, `reversal`).
 *
 * @since 0.2.0
 */
export type Entry = Requisition | Payout | ReportedUse | Repayment | Reversal

/**
 * zod schema of {@link Entry}, for the edges (files, requests, database rows).
 *
 * @example
 * Ledger.EntrySchema.safeParse({ kind: "payout", id: "u1", grant: "specialiserad-psykiatri-2026", region: "03", amount: 100, date: "2026-06-01" })
 * @since 0.2.0
 */
export const EntrySchema: z.ZodType<Entry, unknown> = z.discriminatedUnion("kind", [requisitionSchema, payoutSchema, useSchema, repaymentSchema, reversalSchema])

/**
 * The entry kinds that move money (everything but a reversal).
 *
 * @since 0.2.0
 */
export type MoneyEntry = Requisition | Payout | ReportedUse | Repayment

/**
 * Swedish name of each entry kind, for messages and tables.
 *
 * @since 0.2.0
 */
export const kindName: Record<Entry["kind"], string> = {
  requisition: "rekvisition",
  payout: "utbetalning",
  use: "redovisad användning",
  repayment: "återbetalning",
  reversal: "återföring"
}

/** The Swedish name of each entry kind in its definite form, for messages ("utbetalningen 2026-03-01 …"). */
const definiteName: Record<Entry["kind"], string> = {
  requisition: "rekvisitionen",
  payout: "utbetalningen",
  use: "den redovisade användningen",
  repayment: "återbetalningen",
  reversal: "återföringen"
}

/**
 * What the ledger checks entries against: the grant's id, its dates and the
 * amount allocated to each region (from the allocation; a region missing from
 * it is unknown to the grant).
 *
 * @example
 * const terms: Ledger.Terms = { grant: "g", requisitionWindow: DateRange.unsafeParse("2026-04-01..2026-05-18"), allocated: new Map([["03", 100]]) }
 * @since 0.2.0
 */
export interface Terms {
  readonly grant: string
  readonly requisitionWindow?: DateRange.DateRange | undefined
  /** Last day payouts may be made (`senast den 1 december 2026`). */
  readonly payoutBy?: CalendarDate.CalendarDate | undefined
  /** Last day unused money is to be repaid; shown, not enforced (a late repayment is still a repayment). */
  readonly repaymentBy?: CalendarDate.CalendarDate | undefined
  /** Allocated amount per region code, in whole kronor. */
  readonly allocated: ReadonlyMap<string, Kronor.Kronor>
}

/**
 * Terms from a catalog grant and its allocation per region (e.g. the totals
 * from `Allocation.allocateGrant`). Accepts a map or a plain record.
 *
 * @example
 * Ledger.termsOf(grant, { "01": 347_393_632, "03": 58_203_923 })
 * @since 0.2.0
 */
export const termsOf = (
  grant: Pick<Assignment.Grant, "id" | "requisitionWindow" | "payoutBy" | "repaymentBy">,
  allocated: ReadonlyMap<string, number> | Readonly<Record<string, number>>
): Terms => {
  const entries: Array<[string, number]> = allocated instanceof Map ? [...allocated.entries()] : Object.entries(allocated as Record<string, number>)
  return {
    grant: grant.id,
    requisitionWindow: grant.requisitionWindow,
    payoutBy: grant.payoutBy,
    repaymentBy: grant.repaymentBy,
    allocated: new Map(entries.map(([region, amount]) => [region, Kronor.unsafeMake(amount)]))
  }
}

/**
 * Running totals of one region.
 *
 * @since 0.2.0
 */
export interface Totals {
  readonly allocated: Kronor.Kronor
  readonly requisitioned: Kronor.Kronor
  readonly paidOut: Kronor.Kronor
  readonly reportedUsed: Kronor.Kronor
  /** Paid out but not used: `paidOut − reportedUsed` once the region has reported, else 0. */
  readonly toRepay: Kronor.Kronor
  readonly repaid: Kronor.Kronor
  /** Repayment still owed: `toRepay − repaid`. */
  readonly outstanding: Kronor.Kronor
}

/**
 * One row of the ledger: a region (or Riket, `00`, for the national total) and its totals.
 *
 * @since 0.2.0
 */
export interface Row extends Totals {
  readonly region: string
}

/** The earliest counting entry of a kind: what a later kind's business date may not precede. */
interface Earliest {
  readonly id: string
  readonly date: CalendarDate.CalendarDate
}

interface RegionSums {
  requisitioned: number
  paidOut: number
  reportedUsed: number
  /** Number of counting use reports; toRepay is due once there is one. */
  reports: number
  repaid: number
}

/** A region's earliest counting requisition, payout and use report, for the order of business dates. */
interface Firsts {
  readonly requisition?: Earliest | undefined
  readonly payout?: Earliest | undefined
  readonly use?: Earliest | undefined
}

/**
 * The ledger's state: the sums per region and every entry by id (to check
 * reversals). Immutable; {@link apply} returns a new state.
 *
 * @since 0.2.0
 */
export interface State {
  readonly sums: ReadonlyMap<string, Readonly<RegionSums>>
  readonly entries: ReadonlyMap<string, Entry>
  /** Ids of entries that have been reversed, with the id of the reversal. */
  readonly reversed: ReadonlyMap<string, string>
  /** Per region, the earliest counting entry of each kind that later kinds rest on; optional so that a state rebuilt from sums alone (a projection) needs none. */
  readonly firsts?: ReadonlyMap<string, Firsts> | undefined
}

/**
 * The state of a ledger with no entries.
 *
 * @since 0.2.0
 */
export const empty = (_terms?: Terms): State => ({ sums: new Map(), entries: new Map(), reversed: new Map(), firsts: new Map() })

const zeroSums: RegionSums = { requisitioned: 0, paidOut: 0, reportedUsed: 0, reports: 0, repaid: 0 }

const fmt = (amount: number): string => Kronor.format(amount)
const regionName = (code: string): string => Region.fromCode(code)?.name ?? code

// ---------------------------------------------------------------------------
// Refusals: each one tagged, carrying the figures its Swedish message needs.
// ---------------------------------------------------------------------------

/**
 * The entry names another grant than the ledger's.
 *
 * @since 0.2.0
 */
export class WrongGrant extends Data.TaggedError("WrongGrant")<{ readonly entry: string; readonly grant: string; readonly expected: string }> {
  override get message(): string {
    return `posten ${this.entry} gäller statsbidraget ${this.grant}, inte ${this.expected}`
  }
}

/**
 * The region has no allocation in this grant (unknown code, or not among the recipients).
 *
 * @since 0.2.0
 */
export class UnknownRegion extends Data.TaggedError("UnknownRegion")<{ readonly entry: string; readonly region: string; readonly grant: string }> {
  override get message(): string {
    const known = Region.fromCode(this.region)
    return known === undefined || this.region === "00"
      ? `okänd region ${JSON.stringify(this.region)} (ange SCB-kod 01–25)`
      : `${known.name} (${this.region}) har ingen tilldelning i statsbidraget ${this.grant}`
  }
}

/**
 * A requisition dated outside the requisition window.
 *
 * @since 0.2.0
 */
export class RequisitionOutsideWindow extends Data.TaggedError("RequisitionOutsideWindow")<{
  readonly entry: string
  readonly region: string
  readonly date: CalendarDate.CalendarDate
  readonly window: DateRange.DateRange
}> {
  override get message(): string {
    return `rekvisitionen ${this.date} ligger utanför rekvisitionsperioden ${this.window.start}–${this.window.end}`
  }
}

/**
 * A requisition above what is left of the region's allocation.
 *
 * @since 0.2.0
 */
export class RequisitionAboveAllocation extends Data.TaggedError("RequisitionAboveAllocation")<{
  readonly entry: string
  readonly region: string
  readonly amount: Kronor.Kronor
  readonly allocated: Kronor.Kronor
  readonly requisitioned: Kronor.Kronor
  /** `allocated − requisitioned`: the most that may still be requisitioned. */
  readonly available: Kronor.Kronor
}> {
  override get message(): string {
    return `rekvisitionen på ${fmt(this.amount)} överstiger vad ${regionName(this.region)} kan rekvirera: tilldelat ${fmt(this.allocated)}, redan rekvirerat ${fmt(this.requisitioned)}, kvar ${fmt(this.available)}`
  }
}

/**
 * A payout above what the region requisitioned and has not yet been paid.
 *
 * @since 0.2.0
 */
export class PayoutAboveRequisitioned extends Data.TaggedError("PayoutAboveRequisitioned")<{
  readonly entry: string
  readonly region: string
  readonly amount: Kronor.Kronor
  readonly requisitioned: Kronor.Kronor
  readonly paidOut: Kronor.Kronor
  readonly available: Kronor.Kronor
}> {
  override get message(): string {
    return `utbetalningen på ${fmt(this.amount)} överstiger vad ${regionName(this.region)} har rekvirerat men inte fått: rekvirerat ${fmt(this.requisitioned)}, utbetalt ${fmt(this.paidOut)}, kvar ${fmt(this.available)}`
  }
}

/**
 * A payout dated after the grant's last payout day.
 *
 * @since 0.2.0
 */
export class PayoutAfterDeadline extends Data.TaggedError("PayoutAfterDeadline")<{
  readonly entry: string
  readonly region: string
  readonly date: CalendarDate.CalendarDate
  readonly payoutBy: CalendarDate.CalendarDate
}> {
  override get message(): string {
    return `utbetalningen ${this.date} är efter sista utbetalningsdag ${this.payoutBy}`
  }
}

/**
 * Reported use above what was paid out (and not already reported used).
 *
 * @since 0.2.0
 */
export class UseAbovePaidOut extends Data.TaggedError("UseAbovePaidOut")<{
  readonly entry: string
  readonly region: string
  readonly amount: Kronor.Kronor
  readonly paidOut: Kronor.Kronor
  readonly reportedUsed: Kronor.Kronor
  readonly available: Kronor.Kronor
}> {
  override get message(): string {
    return `redovisad användning på ${fmt(this.amount)} överstiger vad ${regionName(this.region)} har fått utbetalt: utbetalt ${fmt(this.paidOut)}, redan redovisat ${fmt(this.reportedUsed)}, kvar ${fmt(this.available)}`
  }
}

/**
 * A repayment above what the region owes back.
 *
 * @since 0.2.0
 */
export class RepaymentAboveToRepay extends Data.TaggedError("RepaymentAboveToRepay")<{
  readonly entry: string
  readonly region: string
  readonly amount: Kronor.Kronor
  readonly toRepay: Kronor.Kronor
  readonly repaid: Kronor.Kronor
  readonly available: Kronor.Kronor
}> {
  override get message(): string {
    return this.toRepay === 0
      ? `återbetalningen på ${fmt(this.amount)} kan inte tas emot: ${regionName(this.region)} har inget att återbetala (ingen redovisad användning eller allt använt)`
      : `återbetalningen på ${fmt(this.amount)} överstiger vad ${regionName(this.region)} ska återbetala: att återbetala ${fmt(this.toRepay)}, redan återbetalt ${fmt(this.repaid)}, kvar ${fmt(this.available)}`
  }
}

/**
 * An amount that is not a whole, non-negative (or, except for use, positive) number of kronor.
 *
 * @since 0.2.0
 */
export class InvalidAmount extends Data.TaggedError("InvalidAmount")<{ readonly entry: string; readonly amount: number; readonly reason: string }> {
  override get message(): string {
    return `posten ${this.entry}: ${this.reason}`
  }
}

/**
 * An entry whose id is already in the ledger.
 *
 * @since 0.2.0
 */
export class DuplicateEntry extends Data.TaggedError("DuplicateEntry")<{ readonly entry: string }> {
  override get message(): string {
    return `posten ${this.entry} finns redan i huvudboken`
  }
}

/**
 * A reversal of an id the ledger does not hold.
 *
 * @since 0.2.0
 */
export class UnknownEntry extends Data.TaggedError("UnknownEntry")<{ readonly entry: string; readonly reverses: string }> {
  override get message(): string {
    return `återföringen ${this.entry} avser posten ${this.reverses}, som inte finns`
  }
}

/**
 * A reversal of an entry already reversed, or of a reversal.
 *
 * @since 0.2.0
 */
export class CannotReverse extends Data.TaggedError("CannotReverse")<{ readonly entry: string; readonly reverses: string; readonly reason: "already-reversed" | "is-reversal" }> {
  override get message(): string {
    return this.reason === "already-reversed"
      ? `posten ${this.reverses} är redan återförd`
      : `posten ${this.reverses} är själv en återföring och kan inte återföras; registrera posten på nytt i stället`
  }
}

/**
 * A reversal that would leave the region's figures inconsistent, e.g.
 * reversing a requisition that has already been paid out: reverse the later
 * entries first.
 *
 * @since 0.2.0
 */
export class ReversalConflict extends Data.TaggedError("ReversalConflict")<{ readonly entry: string; readonly reverses: string; readonly region: string; readonly reason: string }> {
  override get message(): string {
    return `posten ${this.reverses} kan inte återföras: ${this.reason}; återför de senare posterna först`
  }
}

/**
 * An entry dated before the entry it rests on: a payout before the region's
 * first requisition, a reported use before its first payout, a repayment
 * before its first use report (what it repays is known only then), a
 * reversal before the entry it reverses. `earlier` is that entry.
 *
 * @since 0.2.0
 */
export class DatedBeforeEarlier extends Data.TaggedError("DatedBeforeEarlier")<{
  readonly entry: string
  readonly kind: Entry["kind"]
  readonly date: CalendarDate.CalendarDate
  readonly earlier: { readonly id: string; readonly kind: Entry["kind"]; readonly date: CalendarDate.CalendarDate }
}> {
  override get message(): string {
    const what = this.kind === "reversal" ? "den återför" : "den bygger på"
    return `${definiteName[this.kind]} ${this.date} (posten ${this.entry}) är daterad före ${definiteName[this.earlier.kind]} ${this.earlier.date} (posten ${this.earlier.id}) som ${what}`
  }
}

/**
 * A reported use dated after today: a region cannot have reported what it has not yet used.
 *
 * @since 0.2.0
 */
export class DatedInFuture extends Data.TaggedError("DatedInFuture")<{
  readonly entry: string
  readonly kind: Entry["kind"]
  readonly date: CalendarDate.CalendarDate
  readonly today: CalendarDate.CalendarDate
}> {
  override get message(): string {
    return `${definiteName[this.kind]} (posten ${this.entry}) är daterad ${this.date}, efter dagens datum ${this.today}`
  }
}

/**
 * Every reason an entry can be refused. Each has `_tag`, the entry id, and a Swedish `message`.
 *
 * @since 0.2.0
 */
export type Refusal =
  | WrongGrant
  | UnknownRegion
  | RequisitionOutsideWindow
  | RequisitionAboveAllocation
  | PayoutAboveRequisitioned
  | PayoutAfterDeadline
  | UseAbovePaidOut
  | RepaymentAboveToRepay
  | InvalidAmount
  | DuplicateEntry
  | UnknownEntry
  | CannotReverse
  | ReversalConflict
  | DatedBeforeEarlier
  | DatedInFuture

const sumsOf = (state: State, region: string): RegionSums => state.sums.get(region) ?? zeroSums

const toRepayOf = (s: RegionSums): number => (s.reports > 0 ? s.paidOut - s.reportedUsed : 0)

/** Why sums break the ledger's invariants, in Swedish, or undefined. */
const inconsistency = (s: RegionSums): string | undefined => {
  if (s.paidOut > s.requisitioned) return `utbetalt (${fmt(s.paidOut)}) skulle överstiga rekvirerat (${fmt(s.requisitioned)})`
  if (s.reportedUsed > s.paidOut) return `redovisad användning (${fmt(s.reportedUsed)}) skulle överstiga utbetalt (${fmt(s.paidOut)})`
  if (s.repaid > toRepayOf(s)) return `återbetalt (${fmt(s.repaid)}) skulle överstiga att återbetala (${fmt(toRepayOf(s))})`
  return undefined
}

const earlierOf = (current: Earliest | undefined, entry: MoneyEntry): Earliest =>
  current !== undefined && current.date <= entry.date ? current : { id: entry.id, date: entry.date }

const effect = (entry: MoneyEntry, sign: 1 | -1, s: RegionSums): RegionSums => {
  const delta = sign * entry.amount
  switch (entry.kind) {
    case "requisition":
      return { ...s, requisitioned: s.requisitioned + delta }
    case "payout":
      return { ...s, paidOut: s.paidOut + delta }
    case "use":
      return { ...s, reportedUsed: s.reportedUsed + delta, reports: s.reports + sign }
    case "repayment":
      return { ...s, repaid: s.repaid + delta }
  }
}

const firstsOf = (state: State, region: string): Firsts => state.firsts?.get(region) ?? {}

/** The earliest counting entry of a kind in a region, found again after the one that was earliest is reversed. */
const earliestOf = (state: MutableState, region: string, kind: keyof Firsts): Earliest | undefined => {
  let found: Earliest | undefined
  for (const e of state.entries.values()) {
    if (e.kind === kind && e.region === region && !state.reversed.has(e.id)) found = earlierOf(found, e)
  }
  return found
}

const k = (n: number): Kronor.Kronor => n as Kronor.Kronor

/**
 * What a check needs besides the terms and the state: today's date (from the
 * caller's clock), after which no use may be reported. Without it that rule
 * is not checked (restoring entries accepted earlier).
 *
 * @example
 * Ledger.check(terms, state, use, { today: CalendarDate.unsafeParse("2026-12-02") })
 * @since 0.2.0
 */
export interface CheckOptions {
  readonly today?: CalendarDate.CalendarDate | undefined
}

/**
 * Checks one entry against the grant's terms and the current state. Returns
 * the entry when it may be recorded, or the reason it is refused:
 * - every entry: same grant, an id not already used;
 * - requisition: a region with an allocation, dated inside the requisition
 *   window (both ends included), at most `allocated − requisitioned`;
 * - payout: at most `requisitioned − paidOut`, not after `payoutBy`;
 * - reported use: at most `paidOut − reportedUsed` (0 allowed);
 * - repayment: at most `toRepay − repaid`;
 * - reversal: of an existing, not yet reversed, non-reversal entry, and only
 *   if the region's figures stay consistent without it.
 * Business dates keep their order within a region: a payout not before the
 * first requisition, a reported use not before the first payout nor after
 * `options.today`, a repayment not before the first use report, a reversal
 * not before the entry it reverses ({@link DatedBeforeEarlier}, {@link DatedInFuture}).
 * Checks run in that order and the first failing one is reported.
 *
 * @example
 * const uppsala = { kind: "requisition", id: "r1", grant: "specialiserad-psykiatri-2026", region: "03", amount: 58_203_924, date: "2026-04-15" } as const
 * Ledger.check(terms, Ledger.empty(terms), uppsala)
 * // Result.fail(RequisitionAboveAllocation { available: 58203923, ... })
 * @since 0.2.0
 */
export const check = (terms: Terms, state: State, entry: Entry, options: CheckOptions = {}): Result.Result<Entry, Refusal> => {
  if (entry.grant !== terms.grant) return Result.fail(new WrongGrant({ entry: entry.id, grant: entry.grant, expected: terms.grant }))
  if (state.entries.has(entry.id)) return Result.fail(new DuplicateEntry({ entry: entry.id }))
  const before = (earlier: Earliest | undefined, kind: Entry["kind"]): Result.Result<never, Refusal> | undefined =>
    earlier !== undefined && entry.date < earlier.date
      ? Result.fail(new DatedBeforeEarlier({ entry: entry.id, kind: entry.kind, date: entry.date, earlier: { id: earlier.id, kind, date: earlier.date } }))
      : undefined
  if (entry.kind === "reversal") {
    const target = state.entries.get(entry.reverses)
    if (target === undefined) return Result.fail(new UnknownEntry({ entry: entry.id, reverses: entry.reverses }))
    if (target.kind === "reversal") return Result.fail(new CannotReverse({ entry: entry.id, reverses: entry.reverses, reason: "is-reversal" }))
    if (state.reversed.has(target.id)) return Result.fail(new CannotReverse({ entry: entry.id, reverses: entry.reverses, reason: "already-reversed" }))
    const early = before(target, target.kind)
    if (early !== undefined) return early
    const after = effect(target, -1, sumsOf(state, target.region))
    const reason = inconsistency(after)
    if (reason !== undefined) return Result.fail(new ReversalConflict({ entry: entry.id, reverses: target.id, region: target.region, reason }))
    return Result.succeed(entry)
  }
  const allocated = terms.allocated.get(entry.region)
  if (allocated === undefined) return Result.fail(new UnknownRegion({ entry: entry.id, region: entry.region, grant: terms.grant }))
  const amountReason = Kronor.invalidReason(entry.amount) ?? (entry.kind !== "use" && entry.amount === 0 ? "beloppet måste vara större än 0 kr" : undefined)
  if (amountReason !== undefined) return Result.fail(new InvalidAmount({ entry: entry.id, amount: entry.amount, reason: amountReason }))
  const s = sumsOf(state, entry.region)
  const base = { entry: entry.id, region: entry.region, amount: entry.amount }
  switch (entry.kind) {
    case "requisition": {
      const window = terms.requisitionWindow
      if (window !== undefined && !DateRange.contains(window, entry.date)) {
        return Result.fail(new RequisitionOutsideWindow({ entry: entry.id, region: entry.region, date: entry.date, window }))
      }
      const available = allocated - s.requisitioned
      if (entry.amount > available) {
        return Result.fail(new RequisitionAboveAllocation({ ...base, allocated, requisitioned: k(s.requisitioned), available: k(available) }))
      }
      break
    }
    case "payout": {
      const available = s.requisitioned - s.paidOut
      if (entry.amount > available) {
        return Result.fail(new PayoutAboveRequisitioned({ ...base, requisitioned: k(s.requisitioned), paidOut: k(s.paidOut), available: k(available) }))
      }
      if (terms.payoutBy !== undefined && entry.date > terms.payoutBy) {
        return Result.fail(new PayoutAfterDeadline({ entry: entry.id, region: entry.region, date: entry.date, payoutBy: terms.payoutBy }))
      }
      const early = before(firstsOf(state, entry.region).requisition, "requisition")
      if (early !== undefined) return early
      break
    }
    case "use": {
      const available = s.paidOut - s.reportedUsed
      if (entry.amount > available) {
        return Result.fail(new UseAbovePaidOut({ ...base, paidOut: k(s.paidOut), reportedUsed: k(s.reportedUsed), available: k(available) }))
      }
      const early = before(firstsOf(state, entry.region).payout, "payout")
      if (early !== undefined) return early
      if (options.today !== undefined && entry.date > options.today) {
        return Result.fail(new DatedInFuture({ entry: entry.id, kind: entry.kind, date: entry.date, today: options.today }))
      }
      break
    }
    case "repayment": {
      const toRepay = toRepayOf(s)
      const available = toRepay - s.repaid
      if (entry.amount > available) {
        return Result.fail(new RepaymentAboveToRepay({ ...base, toRepay: k(toRepay), repaid: k(s.repaid), available: k(available) }))
      }
      const early = before(firstsOf(state, entry.region).use, "use")
      if (early !== undefined) return early
      break
    }
  }
  return Result.succeed(entry)
}

/**
 * Adds an entry that has been checked (or was accepted earlier) to the
 * state, without checking it, returning a new state (the old one is left
 * as it was; this copies the state, so fold long logs with {@link restore}
 * or {@link replay}, which are linear). Use {@link apply} for new entries.
 *
 * @since 0.2.0
 */
export const record = (state: State, entry: Entry): State => {
  const next = copy(state)
  recordInto(next, entry)
  return next
}

interface MutableState {
  readonly sums: Map<string, Readonly<RegionSums>>
  readonly entries: Map<string, Entry>
  readonly reversed: Map<string, string>
  readonly firsts: Map<string, Firsts>
}

const copy = (state: State): MutableState => ({
  sums: new Map(state.sums),
  entries: new Map(state.entries),
  reversed: new Map(state.reversed),
  firsts: new Map(state.firsts ?? [])
})

/** Records an entry into maps only this fold holds: constant time, so folds over long logs stay linear. */
const recordInto = (state: MutableState, entry: Entry): void => {
  if (entry.kind === "reversal") {
    const target = state.entries.get(entry.reverses)
    if (target !== undefined && target.kind !== "reversal" && !state.reversed.has(target.id)) {
      state.sums.set(target.region, effect(target, -1, sumsOf(state, target.region)))
      state.reversed.set(target.id, entry.id)
      const firsts = firstsOf(state, target.region)
      if (target.kind !== "repayment" && firsts[target.kind]?.id === target.id) {
        state.firsts.set(target.region, { ...firsts, [target.kind]: earliestOf(state, target.region, target.kind) })
      }
    }
  } else {
    state.sums.set(entry.region, effect(entry, 1, sumsOf(state, entry.region)))
    if (entry.kind !== "repayment") {
      const firsts = firstsOf(state, entry.region)
      state.firsts.set(entry.region, { ...firsts, [entry.kind]: earlierOf(firsts[entry.kind], entry) })
    }
  }
  state.entries.set(entry.id, entry)
}

/**
 * The state after entries already accepted (read back from an event log),
 * without checking them again, in linear time. An entry the state cannot
 * hold (a reversal of an unknown or already reversed id) changes no sums.
 *
 * @example
 * const state = Ledger.restore(entriesFromLog) // then Ledger.check(terms, state, next)
 * @since 0.2.0
 */
export const restore = (entries: Iterable<Entry>, from: State = empty()): State => {
  const state = copy(from)
  for (const entry of entries) recordInto(state, entry)
  return state
}

/**
 * Checks an entry and, when accepted, returns the new state.
 *
 * @example
 * const next = Ledger.apply(terms, Ledger.empty(terms), requisition) // Result<State, Refusal>
 * @since 0.2.0
 */
export const apply = (terms: Terms, state: State, entry: Entry, options: CheckOptions = {}): Result.Result<State, Refusal> =>
  Result.map(check(terms, state, entry, options), (accepted) => record(state, accepted))

/**
 * A refusal while replaying entries: the refusal and the 0-based index of the entry.
 *
 * @since 0.2.0
 */
export interface ReplayFailure {
  readonly index: number
  readonly refusal: Refusal
}

/**
 * Checks and applies entries in order (a batch import, or rebuilding state
 * from a log): all accepted, or the first refusal with its index.
 *
 * @example
 * Ledger.replay(terms, [requisition, payout]) // Result<State, { index, refusal }>
 * @since 0.2.0
 */
export const replay = (terms: Terms, entries: Iterable<Entry>, from: State = empty(terms), options: CheckOptions = {}): Result.Result<State, ReplayFailure> => {
  // One private copy, checked and recorded in place: linear in the number of entries.
  const state = copy(from)
  let index = 0
  for (const entry of entries) {
    const checked = check(terms, state, entry, options)
    if (Result.isFailure(checked)) return Result.fail({ index, refusal: checked.failure })
    recordInto(state, entry)
    index += 1
  }
  return Result.succeed(state)
}

/**
 * The totals of a region in a state.
 *
 * @since 0.2.0
 */
export const totalsOf = (terms: Terms, state: State, region: string): Totals => {
  const s = sumsOf(state, region)
  const toRepay = toRepayOf(s)
  return {
    allocated: terms.allocated.get(region) ?? Kronor.zero,
    requisitioned: k(s.requisitioned),
    paidOut: k(s.paidOut),
    reportedUsed: k(s.reportedUsed),
    toRepay: k(toRepay),
    repaid: k(s.repaid),
    outstanding: k(toRepay - s.repaid)
  }
}

/**
 * The ledger as a table: one row per region of the allocation (SCB code order) and the national total.
 *
 * @since 0.2.0
 */
export interface Summary {
  readonly grant: string
  readonly rows: ReadonlyArray<Row>
  /** The national total (Riket); `region` is `00`. */
  readonly total: Row
}

/**
 * The fold from allocation and state to rows per region and nationally:
 * `{ region, allocated, requisitioned, paidOut, reportedUsed, toRepay, repaid, outstanding }`.
 *
 * @example
 * Ledger.summary(terms, state).total.requisitioned // 58203923
 * @since 0.2.0
 */
export const summary = (terms: Terms, state: State): Summary => {
  const regions = [...terms.allocated.keys()].sort()
  const rows = regions.map((region): Row => ({ region, ...totalsOf(terms, state, region) }))
  const add = (field: keyof Totals): Kronor.Kronor => Kronor.sum(...rows.map((row) => row[field]))
  const total: Row = {
    region: Region.riket.code,
    allocated: add("allocated"),
    requisitioned: add("requisitioned"),
    paidOut: add("paidOut"),
    reportedUsed: add("reportedUsed"),
    toRepay: add("toRepay"),
    repaid: add("repaid"),
    outstanding: add("outstanding")
  }
  return { grant: terms.grant, rows, total }
}

/**
 * Folds entries already accepted (e.g. read back from the event log) into
 * the summary, without checking them again. An entry the state cannot hold
 * (a reversal of an unknown id) is ignored by {@link record}.
 *
 * @example
 * Ledger.summarize(terms, entriesFromLog).rows[1] // { region: "03", allocated: 58203923, ... }
 * @since 0.2.0
 */
export const summarize = (terms: Terms, entries: Iterable<Entry>): Summary => summary(terms, restore(entries))

/**
 * Parses an entry from unknown input (a file, a request, a database row)
 * with Swedish issues.
 *
 * @example
 * Ledger.parseEntry({ kind: "use", id: "a1", grant: "g", region: "03", amount: 0, date: "2027-02-01" })
 * @since 0.2.0
 */
export const parseEntry = (input: unknown): z.ZodSafeParseResult<Entry> => EntrySchema.safeParse(input)
