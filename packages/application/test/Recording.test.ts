import { Ledger } from "@uppdrag/allocation"
import { Catalog } from "@uppdrag/core"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Check, type Event } from "../src/index.js"
import { allocationOf, specialiseradPsykiatri2026 } from "./fixtures/allocation.js"

const catalog = Catalog.unsafeLoad()
const ctx = Check.context(catalog, allocationOf)
const GRANT = "specialiserad-psykiatri-2026"
const AT = "2026-04-15T08:00:00.000Z"
const terms = ctx.termsFor(GRANT)!

const valid = (event: Partial<Event.ValidNewEvent> & Pick<Event.ValidNewEvent, "type" | "date">): Event.ValidNewEvent => ({ recordedBy: "test", note: "", ...event }) as Event.ValidNewEvent

const requisition = (region: string, amount: number, date: string) => valid({ type: "requisition", grant: GRANT, region: region as never, amount: amount as never, date: date as never })

describe("Check.batch: seed facts", () => {
  it("seed 003: Uppsala's 58 203 923 kr on 2026-04-15 gets sequence 1 and its assignment from the catalog", () => {
    const result = Check.batch(ctx, [], [requisition("03", 58_203_923, "2026-04-15")], { firstSeq: 1, recordedAt: AT })
    expect(Result.isSuccess(result) && result.success[0]).toMatchObject({ seq: 1, assignment: "specialiserad-psykiatri-2026", grant: GRANT, region: "03" })
  })

  it("seed 003: the window is 2026-04-01–2026-05-18, both days included", () => {
    for (const [date, accepted] of [
      ["2026-03-31", false],
      ["2026-04-01", true],
      ["2026-05-18", true],
      ["2026-05-19", false]
    ] as const) {
      expect(Result.isSuccess(Check.batch(ctx, [], [requisition("03", 1, date)], { firstSeq: 1, recordedAt: AT }))).toBe(accepted)
    }
  })

  it("the refusal names the first failing event's index, rule and Swedish reason", () => {
    const result = Check.batch(ctx, [], [requisition("09", 8_670_310, "2026-04-15"), requisition("09", 1, "2026-04-16")], { firstSeq: 1, recordedAt: AT })
    expect(Result.isFailure(result) && result.failure).toEqual({
      _tag: "Refused",
      index: 1,
      rule: "RequisitionAboveAllocation",
      reason: "rekvisitionen på 1 kr överstiger vad Gotlands län kan rekvirera: tilldelat 8 670 310 kr, redan rekvirerat 8 670 310 kr, kvar 0 kr"
    })
  })

  it("the store's own rule and a ledger rule: the earlier index wins", () => {
    const result = Check.batch(
      ctx,
      [],
      [requisition("03", 1, "2026-04-15"), valid({ type: "meeting", assignment: "finns-inte", date: "2026-04-15" as never, payload: {} }), requisition("03", 1, "2026-06-01")],
      { firstSeq: 1, recordedAt: AT }
    )
    expect(Result.isFailure(result) && result.failure).toMatchObject({ index: 1, rule: "UnknownAssignment" })
    const ledgerFirst = Check.batch(
      ctx,
      [],
      [requisition("03", 1, "2026-06-01"), valid({ type: "meeting", assignment: "finns-inte", date: "2026-04-15" as never, payload: {} })],
      { firstSeq: 1, recordedAt: AT }
    )
    expect(Result.isFailure(ledgerFirst) && ledgerFirst.failure).toMatchObject({ index: 0, rule: "RequisitionOutsideWindow" })
  })
})

// Random ledgers: requisitions, payouts and reversals over three regions, some of them refused.
const regions = ["03", "09", "25"]
const step = fc.oneof(
  fc.record({ kind: fc.constant("requisition" as const), region: fc.constantFrom(...regions), amount: fc.integer({ min: 1, max: 20_000_000 }), day: fc.integer({ min: 25, max: 55 }) }),
  fc.record({ kind: fc.constant("payout" as const), region: fc.constantFrom(...regions), amount: fc.integer({ min: 1, max: 20_000_000 }), day: fc.integer({ min: 60, max: 70 }) }),
  fc.record({ kind: fc.constant("reversal" as const), target: fc.nat(40), day: fc.integer({ min: 60, max: 70 }) })
)
const dateOf = (day: number): string => {
  const date = new Date(Date.UTC(2026, 2, 1 + day))
  return date.toISOString().slice(0, 10)
}
type Step = { kind: "requisition" | "payout"; region: string; amount: number; day: number } | { kind: "reversal"; target: number; day: number }
const toEvent = (s: Step): Event.ValidNewEvent =>
  s.kind === "reversal"
    ? valid({ type: "reversal", reverses: s.target + 1, date: dateOf(s.day) as never })
    : valid({ type: s.kind, grant: GRANT, region: s.region as never, amount: s.amount as never, date: dateOf(s.day) as never })

/** Appends events one batch at a time as the store does: accepted batches become the prior log. */
const appendAll = (batches: ReadonlyArray<ReadonlyArray<Event.ValidNewEvent>>): Array<Event.StoredEvent> => {
  const log: Array<Event.StoredEvent> = []
  for (const batch of batches) {
    const result = Check.batch(ctx, log, batch, { firstSeq: log.length + 1, recordedAt: AT })
    if (Result.isSuccess(result)) log.push(...result.success)
  }
  return log
}

describe("Check.batch: properties", () => {
  it("the log only ever holds entries the ledger accepts again on replay, and its invariants hold", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const log = appendAll(steps.map((s) => [toEvent(s)]))
        const entries = Check.entriesOf(log, GRANT)
        const summary = Ledger.summarize(terms, entries)
        // Rebuilding by checking every stored entry again accepts them all and gives the same figures.
        const replayed = Ledger.replay(terms, entries)
        expect(Result.isSuccess(replayed) && Ledger.summary(terms, replayed.success)).toEqual(summary)
        for (const row of summary.rows) {
          expect(row.requisitioned).toBeLessThanOrEqual(row.allocated)
          expect(row.paidOut).toBeLessThanOrEqual(row.requisitioned)
          expect(row.requisitioned).toBeGreaterThanOrEqual(0)
        }
      }),
      { numRuns: 150 }
    )
  })

  it("one batch is accepted exactly when the same events one by one are all accepted, with the same result", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        const events = steps.map(toEvent)
        const whole = Check.batch(ctx, [], events, { firstSeq: 1, recordedAt: AT })
        const singly = appendAll(events.map((e) => [e]))
        if (Result.isSuccess(whole)) expect(whole.success).toEqual(singly)
        else expect(singly.length).toBeLessThan(events.length)
      }),
      { numRuns: 150 }
    )
  })

  it("requisitions are accepted exactly while each region stays within its allocation and the window", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ region: fc.constantFrom("03", "09"), amount: fc.integer({ min: 1, max: 6_000_000 }), day: fc.integer({ min: 28, max: 80 }) }), { minLength: 1, maxLength: 12 }),
        (rows) => {
          const events = rows.map((r) => requisition(r.region, r.amount, dateOf(r.day)))
          const result = Check.batch(ctx, [], events, { firstSeq: 1, recordedAt: AT })
          const used = new Map<string, number>()
          let expectedIndex: number | undefined
          rows.forEach((r, i) => {
            if (expectedIndex !== undefined) return
            const date = dateOf(r.day)
            const total = (used.get(r.region) ?? 0) + r.amount
            if (date < "2026-04-01" || date > "2026-05-18" || total > (specialiseradPsykiatri2026[r.region] ?? 0)) expectedIndex = i
            else used.set(r.region, total)
          })
          if (expectedIndex === undefined) expect(Result.isSuccess(result)).toBe(true)
          else expect(Result.isFailure(result) && result.failure.index).toBe(expectedIndex)
        }
      ),
      { numRuns: 200 }
    )
  })
})
