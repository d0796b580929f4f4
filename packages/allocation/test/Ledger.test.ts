import { join } from "node:path"
import { CalendarDate, Catalog } from "@uppdrag/core"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Ledger } from "../src/index.js"

// Only the seed 003 file, so that other catalog entries do not matter here.
const assignment = Result.getOrThrow(Catalog.parseFile(join(Catalog.builtinDirectory(), "2026-01-22-specialiserad-psykiatri.yaml")))
const grant = assignment.grants.find((g) => g.id === "specialiserad-psykiatri-2026")!
// The published 2026 allocation (seed 003, Bilaga), totals per region for three of them.
const terms = Ledger.termsOf(grant, { "03": 58_203_923, "09": 8_670_310, "25": 35_472_815 })
const entry = (input: Record<string, unknown>): Ledger.Entry => Ledger.EntrySchema.parse({ grant: grant.id, ...input })
const req = (id: string, region: string, amount: number, date = "2026-04-15") => entry({ kind: "requisition", id, region, amount, date })

const refusal = (result: Result.Result<unknown, Ledger.Refusal>): Ledger.Refusal => {
  if (Result.isSuccess(result)) throw new Error("expected a refusal")
  return result.failure
}

describe("Ledger.check", () => {
  it("seed 003, Bilaga: Uppsala län requisitions 58 203 923 kr on 2026-04-15 (accepted)", () => {
    expect(Result.isSuccess(Ledger.check(terms, Ledger.empty(terms), req("r1", "03", 58_203_923)))).toBe(true)
  })

  it("refuses a requisition dated 2026-05-19, after the window 2026-04-01–2026-05-18 (seed 001: 'mellan 1 april – 18 maj')", () => {
    const r = refusal(Ledger.check(terms, Ledger.empty(terms), req("r1", "03", 58_203_923, "2026-05-19")))
    expect(r._tag).toBe("RequisitionOutsideWindow")
    expect(r.message).toBe("rekvisitionen 2026-05-19 ligger utanför rekvisitionsperioden 2026-04-01–2026-05-18")
    expect(Result.isSuccess(Ledger.check(terms, Ledger.empty(terms), req("r1", "03", 1, "2026-05-18")))).toBe(true)
    expect(Result.isSuccess(Ledger.check(terms, Ledger.empty(terms), req("r1", "03", 1, "2026-04-01")))).toBe(true)
    expect(refusal(Ledger.check(terms, Ledger.empty(terms), req("r1", "03", 1, "2026-03-31")))._tag).toBe("RequisitionOutsideWindow")
  })

  it("refuses 58 203 924 kr for Uppsala län, one krona above its allocation", () => {
    const r = refusal(Ledger.check(terms, Ledger.empty(terms), req("r1", "03", 58_203_924)))
    expect(r._tag).toBe("RequisitionAboveAllocation")
    expect(r.message).toBe(
      "rekvisitionen på 58 203 924 kr överstiger vad Uppsala län kan rekvirera: tilldelat 58 203 923 kr, redan rekvirerat 0 kr, kvar 58 203 923 kr"
    )
  })

  it("counts earlier requisitions against the allocation", () => {
    const state = Result.getOrThrow(Ledger.replay(terms, [req("r1", "09", 8_000_000)]))
    expect(Result.isSuccess(Ledger.check(terms, state, req("r2", "09", 670_310)))).toBe(true)
    const r = refusal(Ledger.check(terms, state, req("r2", "09", 670_311)))
    expect(r).toMatchObject({ _tag: "RequisitionAboveAllocation", available: 670_310, requisitioned: 8_000_000 })
  })

  it("refuses an unknown region, a region without allocation and another grant", () => {
    expect(refusal(Ledger.check(terms, Ledger.empty(terms), req("r1", "01", 1)))._tag).toBe("UnknownRegion")
    expect(refusal(Ledger.check(terms, Ledger.empty(terms), req("r1", "01", 1))).message).toBe(
      "Stockholms län (01) har ingen tilldelning i statsbidraget specialiserad-psykiatri-2026"
    )
    const other = { ...req("r1", "03", 1), grant: "annat" }
    expect(refusal(Ledger.check(terms, Ledger.empty(terms), other))._tag).toBe("WrongGrant")
    expect(Ledger.EntrySchema.safeParse({ kind: "requisition", id: "x", grant: "g", region: "99", amount: 1, date: "2026-04-15" }).success).toBe(false)
  })

  it("follows the money: requisition, payout, reported use, repayment, with the Swedish reasons", () => {
    let state = Result.getOrThrow(Ledger.replay(terms, [req("r1", "09", 8_670_310)]))
    expect(refusal(Ledger.check(terms, state, entry({ kind: "payout", id: "u1", region: "09", amount: 8_670_311, date: "2026-06-01" })))._tag).toBe(
      "PayoutAboveRequisitioned"
    )
    expect(refusal(Ledger.check(terms, state, entry({ kind: "payout", id: "u1", region: "09", amount: 1, date: "2026-12-02" })))).toMatchObject({
      _tag: "PayoutAfterDeadline",
      message: "utbetalningen 2026-12-02 är efter sista utbetalningsdag 2026-12-01"
    })
    state = Result.getOrThrow(Ledger.apply(terms, state, entry({ kind: "payout", id: "u1", region: "09", amount: 8_670_310, date: "2026-12-01" })))
    // Nothing to repay before the region has reported its use.
    expect(refusal(Ledger.check(terms, state, entry({ kind: "repayment", id: "a1", region: "09", amount: 1, date: "2027-03-01" })))._tag).toBe(
      "RepaymentAboveToRepay"
    )
    expect(refusal(Ledger.check(terms, state, entry({ kind: "use", id: "b1", region: "09", amount: 8_670_311, date: "2027-02-01" })))._tag).toBe(
      "UseAbovePaidOut"
    )
    state = Result.getOrThrow(Ledger.apply(terms, state, entry({ kind: "use", id: "b1", region: "09", amount: 8_000_000, date: "2027-02-01" })))
    expect(refusal(Ledger.check(terms, state, entry({ kind: "repayment", id: "a1", region: "09", amount: 670_311, date: "2027-03-01" })))).toMatchObject({
      _tag: "RepaymentAboveToRepay",
      toRepay: 670_310,
      available: 670_310
    })
    state = Result.getOrThrow(Ledger.apply(terms, state, entry({ kind: "repayment", id: "a1", region: "09", amount: 600_000, date: "2027-03-01" })))
    const summary = Ledger.summary(terms, state)
    expect(summary.rows.map((r) => r.region)).toEqual(["03", "09", "25"])
    expect(summary.rows[1]).toEqual({
      region: "09",
      allocated: 8_670_310,
      requisitioned: 8_670_310,
      paidOut: 8_670_310,
      reportedUsed: 8_000_000,
      toRepay: 670_310,
      repaid: 600_000,
      outstanding: 70_310
    })
    expect(summary.total).toMatchObject({ region: "00", allocated: 58_203_923 + 8_670_310 + 35_472_815, requisitioned: 8_670_310, outstanding: 70_310 })
  })

  it("replays a 10 000-entry batch (requisitions, payouts, reports, repayments, reversals) and restores it from the log", () => {
    const entries: Array<Ledger.Entry> = []
    for (let i = 0; i < 2_000; i++) {
      entries.push(req(`r${i}`, "03", 1000))
      entries.push(entry({ kind: "payout", id: `u${i}`, region: "03", amount: 1000, date: "2026-06-01" }))
      entries.push(entry({ kind: "use", id: `b${i}`, region: "03", amount: 900, date: "2027-02-01" }))
      entries.push(entry({ kind: "repayment", id: `a${i}`, region: "03", amount: 100, date: "2027-03-01" }))
      entries.push(entry({ kind: "reversal", id: `x${i}`, reverses: `a${i}`, date: "2027-03-02" }))
    }
    const state = Result.getOrThrow(Ledger.replay(terms, entries))
    expect(Ledger.totalsOf(terms, state, "03")).toEqual({
      allocated: 58_203_923,
      requisitioned: 2_000_000,
      paidOut: 2_000_000,
      reportedUsed: 1_800_000,
      toRepay: 200_000,
      repaid: 0,
      outstanding: 200_000
    })
    expect(Ledger.restore(entries)).toEqual(state)
    const duplicate = Ledger.replay(terms, [...entries, req("r5", "03", 1)])
    expect(Result.isFailure(duplicate) && duplicate.failure).toMatchObject({ index: 10_000, refusal: { _tag: "DuplicateEntry" } })
  })

  it("a report of 0 kr used makes everything paid out due for repayment", () => {
    const state = Result.getOrThrow(
      Ledger.replay(terms, [
        req("r1", "25", 1000),
        entry({ kind: "payout", id: "u1", region: "25", amount: 1000, date: "2026-06-01" }),
        entry({ kind: "use", id: "b1", region: "25", amount: 0, date: "2027-02-01" })
      ])
    )
    expect(Ledger.totalsOf(terms, state, "25")).toMatchObject({ toRepay: 1000, outstanding: 1000 })
  })

  it("reversals cancel an entry, once, and only when the later figures allow it", () => {
    let state = Result.getOrThrow(
      Ledger.replay(terms, [req("r1", "03", 1000), entry({ kind: "payout", id: "u1", region: "03", amount: 1000, date: "2026-06-01" })])
    )
    const reverse = (id: string, reverses: string) => entry({ kind: "reversal", id, reverses, date: "2026-06-02" })
    expect(refusal(Ledger.check(terms, state, reverse("x1", "r1")))).toMatchObject({ _tag: "ReversalConflict" })
    expect(refusal(Ledger.check(terms, state, reverse("x1", "nope")))._tag).toBe("UnknownEntry")
    expect(refusal(Ledger.check(terms, state, req("u1", "03", 1)))._tag).toBe("DuplicateEntry")
    state = Result.getOrThrow(Ledger.apply(terms, state, reverse("x1", "u1")))
    expect(refusal(Ledger.check(terms, state, reverse("x2", "u1")))).toMatchObject({ _tag: "CannotReverse", reason: "already-reversed" })
    expect(refusal(Ledger.check(terms, state, reverse("x2", "x1")))).toMatchObject({ _tag: "CannotReverse", reason: "is-reversal" })
    state = Result.getOrThrow(Ledger.apply(terms, state, reverse("x2", "r1")))
    expect(Ledger.totalsOf(terms, state, "03")).toMatchObject({ requisitioned: 0, paidOut: 0 })
    // The full allocation can be requisitioned again after the correction.
    expect(Result.isSuccess(Ledger.check(terms, state, req("r2", "03", 58_203_923)))).toBe(true)
  })

  it("property: whatever is accepted, requisitioned ≤ allocated, paid ≤ requisitioned, used ≤ paid, repaid ≤ to repay; summarize agrees with replay", () => {
    const kinds = ["requisition", "payout", "use", "repayment", "reversal"] as const
    const arbitraryEntry = fc.record({
      kind: fc.constantFrom(...kinds),
      region: fc.constantFrom("03", "09", "25", "01"),
      amount: fc.oneof(fc.integer({ min: 0, max: 60_000_000 }), fc.integer({ min: 0, max: 10_000 })),
      day: fc.integer({ min: 0, max: 400 }),
      target: fc.nat()
    })
    fc.assert(
      fc.property(fc.array(arbitraryEntry, { maxLength: 60 }), (raw) => {
        let state = Ledger.empty(terms)
        const accepted: Array<Ledger.Entry> = []
        raw.forEach((r, i) => {
          const date = `2026-${String(3 + Math.floor(r.day / 31) % 10).padStart(2, "0")}-${String(1 + (r.day % 28)).padStart(2, "0")}`
          const ids = [...state.entries.keys()]
          const e =
            r.kind === "reversal"
              ? entry({ kind: "reversal", id: `e${i}`, reverses: ids[r.target % Math.max(1, ids.length)] ?? "none", date })
              : entry({ kind: r.kind, id: `e${i}`, region: r.region, amount: r.kind === "use" ? r.amount : Math.max(1, r.amount), date })
          const next = Ledger.apply(terms, state, e)
          if (Result.isSuccess(next)) {
            state = next.success
            accepted.push(e)
          }
        })
        const summary = Ledger.summary(terms, state)
        for (const row of summary.rows) {
          expect(row.requisitioned).toBeLessThanOrEqual(row.allocated)
          expect(row.paidOut).toBeLessThanOrEqual(row.requisitioned)
          expect(row.reportedUsed).toBeLessThanOrEqual(row.paidOut)
          expect(row.repaid).toBeLessThanOrEqual(row.toRepay)
          expect(row.outstanding).toBeGreaterThanOrEqual(0)
        }
        expect(Ledger.summarize(terms, accepted)).toEqual(summary)
        // The linear folds agree with entry-by-entry recording, and leave their input state alone.
        let stepwise = Ledger.empty()
        for (const e of accepted) stepwise = Ledger.record(stepwise, e)
        expect(Ledger.restore(accepted)).toEqual(stepwise)
        expect(Result.getOrThrow(Ledger.replay(terms, accepted))).toEqual(stepwise)
        const half = Math.floor(accepted.length / 2)
        const start = Ledger.restore(accepted.slice(0, half))
        const before = Ledger.summary(terms, start)
        expect(Result.getOrThrow(Ledger.replay(terms, accepted.slice(half), start))).toEqual(stepwise)
        expect(Ledger.summary(terms, start)).toEqual(before)
      }),
      { numRuns: 100 }
    )
  })
})

describe("Ledger: business dates keep their order within a region", () => {
  const base = [req("r1", "09", 8_670_310, "2026-04-15"), entry({ kind: "payout", id: "u1", region: "09", amount: 8_670_310, date: "2026-06-01" })]
  const today = CalendarDate.unsafeParse("2026-12-02")

  it("refuses a payout dated before the region's requisition (red team: payout 2026-03-01 for a requisition of 2026-04-15)", () => {
    const state = Result.getOrThrow(Ledger.replay(terms, [base[0]!]))
    const r = refusal(Ledger.check(terms, state, entry({ kind: "payout", id: "u1", region: "09", amount: 1, date: "2026-04-14" })))
    expect(r).toMatchObject({ _tag: "DatedBeforeEarlier", kind: "payout", date: "2026-04-14", earlier: { id: "r1", kind: "requisition", date: "2026-04-15" } })
    expect(r.message).toBe("utbetalningen 2026-04-14 (posten u1) är daterad före rekvisitionen 2026-04-15 (posten r1) som den bygger på")
    expect(Result.isSuccess(Ledger.check(terms, state, entry({ kind: "payout", id: "u1", region: "09", amount: 1, date: "2026-04-15" })))).toBe(true)
  })

  it("refuses a reported use before the payout, and one dated after today (red team: 2099)", () => {
    const state = Result.getOrThrow(Ledger.replay(terms, base))
    expect(refusal(Ledger.check(terms, state, entry({ kind: "use", id: "b1", region: "09", amount: 0, date: "2026-05-31" })))).toMatchObject({
      _tag: "DatedBeforeEarlier",
      earlier: { id: "u1", kind: "payout" }
    })
    const future = refusal(Ledger.check(terms, state, entry({ kind: "use", id: "b1", region: "09", amount: 0, date: "2099-01-01" }), { today }))
    expect(future).toMatchObject({ _tag: "DatedInFuture", date: "2099-01-01", today: "2026-12-02" })
    expect(future.message).toBe("den redovisade användningen (posten b1) är daterad 2099-01-01, efter dagens datum 2026-12-02")
    expect(Result.isSuccess(Ledger.check(terms, state, entry({ kind: "use", id: "b1", region: "09", amount: 0, date: "2026-12-02" }), { today }))).toBe(true)
  })

  it("refuses a repayment before the use report that set what is to be repaid, and a reversal before what it reverses", () => {
    const state = Result.getOrThrow(Ledger.replay(terms, [...base, entry({ kind: "use", id: "b1", region: "09", amount: 8_000_000, date: "2026-11-01" })]))
    expect(refusal(Ledger.check(terms, state, entry({ kind: "repayment", id: "a1", region: "09", amount: 1, date: "2026-10-31" })))).toMatchObject({
      _tag: "DatedBeforeEarlier",
      earlier: { id: "b1", kind: "use", date: "2026-11-01" }
    })
    const reversal = refusal(Ledger.check(terms, state, entry({ kind: "reversal", id: "x1", reverses: "b1", date: "2026-10-01" })))
    expect(reversal.message).toBe("återföringen 2026-10-01 (posten x1) är daterad före den redovisade användningen 2026-11-01 (posten b1) som den återför")
  })

  it("after the earliest requisition is reversed, the next one counts", () => {
    const state = Result.getOrThrow(
      Ledger.replay(terms, [req("r1", "03", 10, "2026-04-01"), req("r2", "03", 10, "2026-05-01"), entry({ kind: "reversal", id: "x1", reverses: "r1", date: "2026-04-02" })])
    )
    expect(refusal(Ledger.check(terms, state, entry({ kind: "payout", id: "u1", region: "03", amount: 10, date: "2026-04-20" })))).toMatchObject({
      earlier: { id: "r2" }
    })
    expect(Ledger.restore([...state.entries.values()])).toEqual(state)
  })

  it("property: an entry is refused for its date exactly when no counting entry it rests on is dated on or before it", () => {
    const rests = { payout: "requisition", use: "payout", repayment: "use" } as const
    const arbitrary = fc.record({
      kind: fc.constantFrom("requisition", "payout", "use", "repayment", "reversal"),
      region: fc.constantFrom("03", "25"),
      amount: fc.integer({ min: 0, max: 2_000 }),
      day: fc.integer({ min: 0, max: 240 }),
      target: fc.nat()
    })
    fc.assert(
      fc.property(fc.array(arbitrary, { maxLength: 40 }), (raw) => {
        let state = Ledger.empty(terms)
        raw.forEach((r, i) => {
          const date = `2026-${String(4 + Math.floor(r.day / 30)).padStart(2, "0")}-${String(1 + (r.day % 28)).padStart(2, "0")}`
          const ids = [...state.entries.keys()]
          const e =
            r.kind === "reversal"
              ? entry({ kind: "reversal", id: `e${i}`, reverses: ids[r.target % Math.max(1, ids.length)] ?? "none", date })
              : entry({ kind: r.kind, id: `e${i}`, region: r.region, amount: r.kind === "use" ? r.amount : Math.max(1, r.amount), date })
          const counting = [...state.entries.values()].filter((x) => !state.reversed.has(x.id))
          const next = Ledger.apply(terms, state, e, { today })
          const refusedForDate = Result.isFailure(next) && next.failure._tag === "DatedBeforeEarlier"
          if (e.kind === "reversal") {
            const target = state.entries.get(e.reverses)
            if (refusedForDate) expect(target!.date > e.date).toBe(true)
          } else if (e.kind !== "requisition") {
            const grounded = counting.some((x) => x.kind === rests[e.kind] && x.region === e.region && x.date <= e.date)
            if (refusedForDate) expect(grounded).toBe(false)
            // A report of 0 kr used with nothing paid out rests on nothing.
            const none = !counting.some((x) => x.kind === rests[e.kind] && x.region === e.region)
            if (Result.isSuccess(next)) expect(grounded || (e.kind === "use" && e.amount === 0 && none)).toBe(true)
          }
          if (Result.isSuccess(next)) state = next.success
        })
      }),
      { numRuns: 100 }
    )
  })
})
