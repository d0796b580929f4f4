// Another team's code against the published @uppdrag/allocation: the README's example, each
// namespace's types used as types and its schemas as values, and misuses that must not compile.
import { Allocation, CappedPot, GrantFile, LargestRemainder, Ledger, PublishedPopulation } from "@uppdrag/allocation"
import { Catalog, type Kronor, type Population, type ValidationError } from "@uppdrag/core"
import * as Result from "effect/Result"
import type { z } from "zod"

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false

// The README.
const { grant } = Catalog.findGrant(Catalog.unsafeLoad(), "specialiserad-psykiatri-2026")!
const population: Population.Population = Result.getOrThrow(PublishedPopulation.forGrant(grant))
const allocated: Result.Result<Allocation.Allocation, ValidationError | Allocation.AllocationRefused> = Allocation.allocate(Allocation.fromGrant(grant), population)
const allocation = Result.getOrThrow(allocated)
const gotland: Kronor.Kronor = allocation.rows.find((r) => r.region === "09")!.total
const terms: Ledger.Terms = Ledger.termsOf(grant, Allocation.totals(allocation))
const requisition: Ledger.Entry = Ledger.EntrySchema.parse({ kind: "requisition", id: "r1", grant: grant.id, region: "03", amount: 58_203_924, date: "2026-04-15" })
const checked: Result.Result<Ledger.Entry, Ledger.Refusal> = Ledger.check(terms, Ledger.empty(terms), requisition)
const reason: string | undefined = Result.isFailure(checked) ? checked.failure.message : undefined
const tag: Ledger.Refusal["_tag"] | undefined = Result.isFailure(checked) ? checked.failure._tag : undefined
const summary: Ledger.Summary = Ledger.summarize(terms, [requisition])
const outstanding: number = summary.total.outstanding

// Every exported type of every namespace is a type.
type Types = [
  Allocation.Allocation,
  Allocation.AllocationRefused,
  Allocation.Component,
  Allocation.ComponentResult,
  Allocation.Explanation,
  Allocation.Line,
  Allocation.PlainRounding,
  Allocation.Row,
  Allocation.Spec,
  CappedPot.Attainment,
  CappedPot.CappedPotRefused,
  CappedPot.Outcome,
  CappedPot.Row,
  LargestRemainder.Claimant,
  LargestRemainder.InvalidInput,
  LargestRemainder.Share,
  LargestRemainder.ZeroTotalWeight,
  Ledger.CannotReverse,
  Ledger.DuplicateEntry,
  Ledger.Entry,
  Ledger.InvalidAmount,
  Ledger.MoneyEntry,
  Ledger.Payout,
  Ledger.PayoutAboveRequisitioned,
  Ledger.PayoutAfterDeadline,
  Ledger.Refusal,
  Ledger.Repayment,
  Ledger.RepaymentAboveToRepay,
  Ledger.ReplayFailure,
  Ledger.ReportedUse,
  Ledger.Requisition,
  Ledger.RequisitionAboveAllocation,
  Ledger.RequisitionOutsideWindow,
  Ledger.Reversal,
  Ledger.ReversalConflict,
  Ledger.Row,
  Ledger.State,
  Ledger.Summary,
  Ledger.Terms,
  Ledger.Totals,
  Ledger.UnknownEntry,
  Ledger.UnknownRegion,
  Ledger.UseAbovePaidOut,
  Ledger.WrongGrant
]

// The schemas are values, and parse to the types of the same plain name.
const sameTypes: [
  Equals<z.output<typeof Ledger.EntrySchema>, Ledger.Entry>,
  Equals<z.output<typeof Ledger.RequisitionSchema>, Ledger.Requisition>,
  Equals<z.output<typeof Ledger.PayoutSchema>, Ledger.Payout>,
  Equals<z.output<typeof Ledger.ReportedUseSchema>, Ledger.ReportedUse>,
  Equals<z.output<typeof Ledger.RepaymentSchema>, Ledger.Repayment>,
  Equals<z.output<typeof Ledger.ReversalSchema>, Ledger.Reversal>
] = [true, true, true, true, true, true]

const shares: Result.Result<Array<LargestRemainder.Share>, LargestRemainder.ZeroTotalWeight | LargestRemainder.InvalidInput> = LargestRemainder.allocate(10, [
  { id: "a", weight: 1 },
  { id: "b", weight: 2 }
])
const capped: Result.Result<CappedPot.Outcome, CappedPot.CappedPotRefused> = CappedPot.allocate(1_000, new Map([["01", 10]]), new Map())
const spec: Result.Result<Allocation.Spec, ValidationError> = GrantFile.parseFile("bidrag.yaml")
const explained: Array<Allocation.Explanation> = Allocation.explain(allocation, "09")

// Misuses that must not compile.
// @ts-expect-error a ledger entry is parsed with EntrySchema (region, amount and date are branded), not written by hand
const notAnEntry: Ledger.Entry = { id: "r1", grant: grant.id, region: "03", amount: 1, date: "2026-04-15" }
// @ts-expect-error the result must be unwrapped before its rows are read
Allocation.allocate(Allocation.fromGrant(grant), population).rows
// @ts-expect-error a refusal's tag is one of the ledger's refusals
const notATag: Ledger.Refusal["_tag"] = "Refused"
// @ts-expect-error the type is not a value: parse with EntrySchema
Ledger.Entry.parse({})
// @ts-expect-error internal modules are not exported
import("@uppdrag/allocation/internal/anything")

void [gotland, reason, tag, outstanding, sameTypes, shares, capped, spec, explained, notAnEntry, notATag]
export type { Types }
