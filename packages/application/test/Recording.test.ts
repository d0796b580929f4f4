import { Ledger } from "@uppdrag/allocation"
import { Catalog } from "@uppdrag/core"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { EventLog, type Event, LogExport, Recording } from "../src/index.js"
import { allocationOf, specialiseradPsykiatri2026 } from "./fixtures/allocation.js"
import { runAt, services } from "./fixtures/layers.js"

const catalog = Catalog.unsafeLoad()
const ctx = Recording.context(catalog, allocationOf)
const GRANT = "specialiserad-psykiatri-2026"
const AT = "2026-04-15T08:00:00.000Z"
const DECEMBER = "2026-12-01T08:00:00.000Z"
const terms = ctx.termsFor(GRANT)!

const valid = (event: Partial<Event.ValidNewEvent> & Pick<Event.ValidNewEvent, "type" | "date">): Event.ValidNewEvent => ({ recordedBy: "test", note: "", ...event }) as Event.ValidNewEvent

const requisition = (region: string, amount: number, date: string) => valid({ type: "requisition", grant: GRANT, region: region as never, amount: amount as never, date: date as never })

describe("Recording.batch: seed facts", () => {
  it("seed 003: Uppsala's 58 203 923 kr on 2026-04-15 gets sequence 1 and its assignment from the catalog", () => {
    const result = Recording.batch(ctx, [], [requisition("03", 58_203_923, "2026-04-15")], { firstSeq: 1, recordedAt: AT })
    expect(Result.isSuccess(result) && result.success[0]).toMatchObject({ seq: 1, assignment: "specialiserad-psykiatri-2026", grant: GRANT, region: "03" })
  })

  it("seed 003: the window is 2026-04-01–2026-05-18, both days included", () => {
    for (const [date, accepted] of [
      ["2026-03-31", false],
      ["2026-04-01", true],
      ["2026-05-18", true],
      ["2026-05-19", false]
    ] as const) {
      expect(Result.isSuccess(Recording.batch(ctx, [], [requisition("03", 1, date)], { firstSeq: 1, recordedAt: AT }))).toBe(accepted)
    }
  })

  it("the refusal names the first failing event's index, rule and Swedish reason", () => {
    const result = Recording.batch(ctx, [], [requisition("09", 8_670_310, "2026-04-15"), requisition("09", 1, "2026-04-16")], { firstSeq: 1, recordedAt: AT })
    const refused = Result.isFailure(result) ? result.failure : undefined
    expect(refused?._tag).toBe("Refused")
    expect(refused?.index).toBe(1)
    expect(refused?.refusal._tag).toBe("RequisitionAboveAllocation")
    expect(refused?.refusal).toMatchObject({ region: "09" })
    expect(refused?.message).toBe("rekvisitionen på 1 kr överstiger vad Gotlands län kan rekvirera: tilldelat 8 670 310 kr, redan rekvirerat 8 670 310 kr, kvar 0 kr")
  })

  it("the store's own rule and a ledger rule: the earlier index wins", () => {
    const result = Recording.batch(
      ctx,
      [],
      [requisition("03", 1, "2026-04-15"), valid({ type: "meeting", assignment: "finns-inte", date: "2026-04-15" as never, payload: {} }), requisition("03", 1, "2026-06-01")],
      { firstSeq: 1, recordedAt: AT }
    )
    expect(Result.isFailure(result) && result.failure).toMatchObject({ index: 1, refusal: { _tag: "CatalogMismatch", rule: "UnknownAssignment" } })
    expect(Result.isFailure(result) && result.failure.message).toBe("uppdraget finns-inte finns inte i katalogen")
    const ledgerFirst = Recording.batch(
      ctx,
      [],
      [requisition("03", 1, "2026-06-01"), valid({ type: "meeting", assignment: "finns-inte", date: "2026-04-15" as never, payload: {} })],
      { firstSeq: 1, recordedAt: AT }
    )
    expect(Result.isFailure(ledgerFirst) && ledgerFirst.failure).toMatchObject({ index: 0, refusal: { _tag: "RequisitionOutsideWindow" } })
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
    const result = Recording.batch(ctx, log, batch, { firstSeq: log.length + 1, recordedAt: AT })
    if (Result.isSuccess(result)) log.push(...result.success)
  }
  return log
}

describe("Recording.batch: properties", () => {
  it("the log only ever holds entries the ledger accepts again on replay, and its invariants hold", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const log = appendAll(steps.map((s) => [toEvent(s)]))
        const entries = Recording.entriesOf(log, GRANT)
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
      { numRuns: 60 }
    )
  })

  it("one batch is accepted exactly when the same events one by one are all accepted, with the same result", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        const events = steps.map(toEvent)
        const whole = Recording.batch(ctx, [], events, { firstSeq: 1, recordedAt: AT })
        const singly = appendAll(events.map((e) => [e]))
        if (Result.isSuccess(whole)) expect(whole.success).toEqual(singly)
        else expect(singly.length).toBeLessThan(events.length)
      }),
      { numRuns: 60 }
    )
  })

  it("requisitions are accepted exactly while each region stays within its allocation and the window", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ region: fc.constantFrom("03", "09"), amount: fc.integer({ min: 1, max: 6_000_000 }), day: fc.integer({ min: 28, max: 80 }) }), { minLength: 1, maxLength: 12 }),
        (rows) => {
          const events = rows.map((r) => requisition(r.region, r.amount, dateOf(r.day)))
          const result = Recording.batch(ctx, [], events, { firstSeq: 1, recordedAt: AT })
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
      { numRuns: 80 }
    )
  })
})

const uppsala = (amount: number, date: string): Event.NewEvent => ({
  type: "requisition",
  grant: GRANT,
  region: "03",
  amount,
  date,
  recordedBy: "anna",
  note: "Rekvisition Region Uppsala"
})
const APRIL = "2026-04-15T08:00:00.000Z"

describe("Recording.record (in-memory log, TestClock)", () => {
  it("seed 003, Bilaga: the published population gives the same allocation as the fixed figures (Uppsala 58 203 923 kr)", async () => {
    const result = await runAt(APRIL, Effect.map(Recording.currentContext, (current) => current.termsFor(GRANT)))
    const published = Result.getOrThrow(result)
    expect(published?.allocated).toEqual(terms.allocated)
  })

  it("seed 003: Uppsala's 58 203 923 kr on 2026-04-15 is accepted, numbered 1, recorded at the clock's instant", async () => {
    const log = EventLog.makeMemory()
    const result = await runAt(APRIL, Recording.record([uppsala(58_203_923, "2026-04-15")]), services(Layer.succeed(EventLog.EventLog, log)))
    expect(Result.getOrThrow(result)).toEqual([
      {
        seq: 1,
        type: "requisition",
        assignment: "specialiserad-psykiatri-2026",
        grant: GRANT,
        region: "03",
        amount: 58_203_923,
        date: "2026-04-15",
        recordedBy: "anna",
        recordedAt: APRIL,
        note: "Rekvisition Region Uppsala",
        reverses: null,
        obligation: null,
        payload: null
      }
    ])
    expect(await Effect.runPromise(log.count)).toBe(1)
  })

  it("the domain's date rules pass through unchanged: a use dated 2099 (after the clock's today), a report before its decision", async () => {
    const log = EventLog.makeMemory()
    const layer = services(Layer.succeed(EventLog.EventLog, log))
    const money = (type: Event.EventType, amount: number, date: string): Event.NewEvent => ({ type, grant: GRANT, region: "03", amount, date, recordedBy: "anna" })
    Result.getOrThrow(await runAt(DECEMBER, Recording.record([money("requisition", 2000, "2026-04-15"), money("payout", 1000, "2026-06-01")]), layer))
    const future = await runAt(DECEMBER, Recording.record([money("use", 1000, "2099-01-01")]), layer)
    expect(Result.isFailure(future) && future.failure).toMatchObject({
      _tag: "Refused",
      index: 0,
      refusal: { _tag: "DatedInFuture", date: "2099-01-01", today: "2026-12-01" }
    })
    const early = await runAt(DECEMBER, Recording.record([money("payout", 1, "2026-04-14")]), layer)
    expect(Result.isFailure(early) && early.failure).toMatchObject({ refusal: { _tag: "DatedBeforeEarlier", earlier: { id: "1", kind: "requisition" } } })
    const report = await runAt(
      DECEMBER,
      Recording.record([{ type: "report", assignment: GRANT, obligation: "delredovisning-2027-05-30", date: "2026-01-21", recordedBy: "anna" }]),
      layer
    )
    expect(Result.isFailure(report) && report.failure).toMatchObject({ refusal: { _tag: "ReportBeforeDecision", decided: "2026-01-22" } })
    expect(await Effect.runPromise(log.count)).toBe(2)
  })

  it("seed 003: 58 203 924 kr is refused with RequisitionAboveAllocation and its Swedish reason; nothing is written", async () => {
    const log = EventLog.makeMemory()
    const result = await runAt(APRIL, Recording.record([uppsala(58_203_924, "2026-04-15")]), services(Layer.succeed(EventLog.EventLog, log)))
    const refused = Result.isFailure(result) ? result.failure : undefined
    expect(refused?._tag).toBe("Refused")
    if (refused?._tag !== "Refused") return
    expect(refused.index).toBe(0)
    expect(refused.refusal._tag).toBe("RequisitionAboveAllocation")
    expect(refused.refusal).toMatchObject({ region: "03", amount: 58_203_924, allocated: 58_203_923, requisitioned: 0, available: 58_203_923 })
    expect(refused.message).toBe("rekvisitionen på 58 203 924 kr överstiger vad Uppsala län kan rekvirera: tilldelat 58 203 923 kr, redan rekvirerat 0 kr, kvar 58 203 923 kr")
    expect(await Effect.runPromise(log.count)).toBe(0)
  })

  it("seed 003: the window is 2026-04-01–2026-05-18; 2026-05-19 is refused with RequisitionOutsideWindow", async () => {
    const result = await runAt(APRIL, Recording.record([uppsala(1, "2026-05-18"), uppsala(1, "2026-05-19")]))
    const refused = Result.isFailure(result) ? result.failure : undefined
    expect(refused).toMatchObject({ _tag: "Refused", index: 1, refusal: { _tag: "RequisitionOutsideWindow", window: { start: "2026-04-01", end: "2026-05-18" } } })
    expect(refused?.message).toBe("rekvisitionen 2026-05-19 ligger utanför rekvisitionsperioden 2026-04-01–2026-05-18")
  })

  it("invalid events fail with one ValidationError naming each issue's index and path, before the log is read", async () => {
    const result = await runAt(APRIL, Recording.record([uppsala(1, "2026-04-15"), { ...uppsala(-5, "2026-02-30"), region: "99", recordedBy: "" }]))
    const failure = Result.isFailure(result) ? result.failure : undefined
    expect(failure?._tag).toBe("ValidationError")
    const paths = failure?._tag === "ValidationError" ? failure.issues.map((i) => i.path) : []
    expect(paths).toEqual(expect.arrayContaining(["[1].region", "[1].amount", "[1].date", "[1].recordedBy"]))
  })

  it("an empty batch writes nothing and reads no clock", async () => {
    expect(Result.getOrThrow(await runAt(APRIL, Recording.record([])))).toEqual([])
  })
})

describe("Recording.importLog (in-memory log)", () => {
  const exported = async (): Promise<LogExport.Document> => {
    const log = EventLog.makeMemory()
    const layer = services(Layer.succeed(EventLog.EventLog, log))
    Result.getOrThrow(await runAt(APRIL, Recording.record([uppsala(58_203_923, "2026-04-15")]), layer))
    Result.getOrThrow(await runAt("2026-06-15T10:00:00.000Z", Recording.record([{ ...uppsala(58_203_923, "2026-06-15"), type: "payout" }]), layer))
    return { format: LogExport.format, schemaVersion: 3, events: await Effect.runPromise(log.read()) }
  }

  it("imports an export into an empty log, keeping each event's recording instant", async () => {
    const doc = await exported()
    const target = EventLog.makeMemory()
    const result = await runAt(DECEMBER, Recording.importLog(doc), services(Layer.succeed(EventLog.EventLog, target)))
    expect(Result.getOrThrow(result)).toBe(2)
    expect(await Effect.runPromise(target.read())).toEqual(doc.events)
  })

  it("refuses a log that holds events with LogNotEmpty, and writes nothing", async () => {
    const doc = await exported()
    const target = EventLog.makeMemory(doc.events.slice(0, 1))
    const result = await runAt(DECEMBER, Recording.importLog(doc), services(Layer.succeed(EventLog.EventLog, target)))
    const failure = Result.isFailure(result) ? result.failure : undefined
    expect(failure).toMatchObject({ _tag: "LogNotEmpty", events: 1 })
    expect(failure?.message).toBe("databasen innehåller redan 1 händelser; importera bara till en tom databas")
    expect(await Effect.runPromise(target.count)).toBe(1)
  })

  it("checks imported events by the same rules: a tampered export is refused whole", async () => {
    const doc = await exported()
    const tampered: LogExport.Document = { ...doc, events: [doc.events[0]!, { ...doc.events[0]!, seq: 2, amount: 1 as never }] }
    const target = EventLog.makeMemory()
    const result = await runAt(DECEMBER, Recording.importLog(tampered), services(Layer.succeed(EventLog.EventLog, target)))
    expect(Result.isFailure(result) && result.failure).toMatchObject({ _tag: "Refused", index: 1, refusal: { _tag: "RequisitionAboveAllocation" } })
    expect(await Effect.runPromise(target.count)).toBe(0)
  })
})
