import { Event, EventLog, type EventLogError, GrantState, MeetingRecords, Projection, Recorded } from "@uppdrag/application"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

/**
 * The projections' contract: for any log, read in any number of steps,
 * through memory or a saved checkpoint, `Projection.current` answers what
 * folding the whole log at once answers (the allocation package's
 * `GrantState.foldLedger`, `Recorded.fold`,
 * `MeetingRecords.decodeStored`). Runs on the in-memory log, SQLite and
 * PostgreSQL (each test file passes its own `fresh`).
 */
export interface ProjectionSubject {
  readonly name: string
  /** An empty log never used before, and a way to open the same log again as another process would (no memory shared). */
  readonly fresh: () => Promise<{
    readonly log: EventLog.Shape
    readonly reopen: () => Promise<EventLog.Shape>
    /** The same log opened read-only, as the web view opens it (databases only). */
    readonly reopenReadOnly?: (() => Promise<EventLog.Shape>) | undefined
  }>
  readonly runs: number
}

const AT = "2026-04-15T08:00:00.000Z"
const grants = ["g-a", "g-b"] as const
const regions = ["03", "09"] as const

const stored = (seq: number, fields: Partial<Event.StoredEvent> & Pick<Event.StoredEvent, "type">): Event.StoredEvent => ({
  seq,
  type: fields.type,
  assignment: fields.assignment ?? "a-1",
  grant: fields.grant ?? null,
  region: fields.region ?? null,
  amount: fields.amount ?? null,
  date: fields.date ?? ("2026-04-15" as Event.StoredEvent["date"]),
  recordedBy: fields.recordedBy ?? "test",
  recordedAt: fields.recordedAt ?? AT,
  note: fields.note ?? "",
  reverses: fields.reverses ?? null,
  obligation: fields.obligation ?? null,
  payload: fields.payload ?? null
})

/** A meeting record that reads back (`MeetingRecord.schema`), and one that does not. */
const meeting = (seq: number): Event.Json => ({
  kind: "mote",
  id: `mote-${seq}`,
  title: "Samråd",
  date: "2026-09-10",
  assignment: "specialiserad-psykiatri-2026",
  participants: ["ivo"],
  actionItems: []
})

type Draft = {
  readonly type: Event.EventType
  readonly grant: number
  readonly region: number
  readonly amount: number
  readonly reverse: number
  readonly variant: boolean
}
const draft: fc.Arbitrary<Draft> = fc.record({
  type: fc.constantFrom<Event.EventType>("requisition", "payout", "use", "repayment", "reversal", "reversal", "report", "due-date", "meeting"),
  grant: fc.nat(2),
  region: fc.nat(1),
  amount: fc.nat(1_000),
  reverse: fc.nat(10_000),
  variant: fc.boolean()
})

/**
 * A log the databases accept: reversals name an earlier event (any type,
 * reversals too), each at most once (the unique index); reports by the
 * whole duty or by one region; due dates with a date or without; meetings
 * that read back and (rarely) one that does not.
 */
const toLog = (drafts: ReadonlyArray<Draft>): Array<Event.StoredEvent> => {
  const log: Array<Event.StoredEvent> = []
  const reversed = new Set<number>()
  for (const d of drafts) {
    const seq = log.length + 1
    const grant = d.grant === 2 ? null : grants[d.grant]!
    if (d.type === "reversal") {
      const open = log.filter((e) => !reversed.has(e.seq))
      const target = open[d.reverse % Math.max(1, open.length)]
      if (target === undefined) continue
      reversed.add(target.seq)
      // Usually the target's grant, as Recording writes it; sometimes another, which the ledger must ignore.
      log.push(stored(seq, { type: "reversal", grant: d.variant ? target.grant : grant, reverses: target.seq }))
    } else if (Event.isMoneyType(d.type)) {
      log.push(stored(seq, { type: d.type, grant: grant ?? "g-a", region: regions[d.region]! as never, amount: (d.type === "use" ? d.amount : d.amount + 1) as never }))
    } else if (d.type === "report") {
      log.push(stored(seq, { type: "report", obligation: `o-${d.amount % 3}`, region: (d.variant ? null : "03") as never, date: "2026-03-27" as never }))
    } else if (d.type === "due-date") {
      log.push(stored(seq, { type: "due-date", obligation: "o-1", payload: d.variant || d.amount % 7 !== 0 ? { due: "2027-02-26" } : { due: "snart" } }))
    } else {
      log.push(stored(seq, { type: "meeting", payload: d.variant || d.amount % 11 !== 0 ? meeting(seq) : { kind: "mote" } }))
    }
  }
  return log
}

const run = <A>(log: EventLog.Shape, program: Effect.Effect<A, EventLogError, EventLog.EventLog>): Promise<A> =>
  Effect.runPromise(program.pipe(Effect.provide(Layer.succeed(EventLog.EventLog, log))))

const append = (log: EventLog.Shape, events: ReadonlyArray<Event.StoredEvent>): Promise<unknown> =>
  run(
    log,
    log.append({ grants: new Set(), seqs: new Set(), assignments: new Set() }, () => Result.succeed(events))
  )

/** What a full fold of the log answers, as every use case answered before projections. */
const folded = async (log: EventLog.Shape) => {
  const all = await run(log, log.read())
  const recorded = Recorded.fold(all.filter((e) => Recorded.types.includes(e.type)))
  const records = MeetingRecords.decodeStored(all.filter((e) => e.type === "meeting" || e.type === "reversal"))
  return {
    ledgers: grants.map((grant) => GrantState.foldLedger(all, grant)),
    recorded,
    records: Result.isSuccess(records) ? { _tag: "Read", records: records.success } : { _tag: "Unreadable", seq: records.failure.seq }
  }
}

const projected = async (log: EventLog.Shape, options: Projection.Options) => {
  const state = await run(log, Projection.current(Recorded.projection, options))
  return {
    ledgers: await Promise.all(grants.map((grant) => run(log, Projection.current(GrantState.ledgerProjection(grant), options)))),
    recorded: state.recorded,
    records: state.records
  }
}

// A read counter around a log: what a reader had to fetch.
const counting = (log: EventLog.Shape) => {
  const reads: Array<EventLog.Filter> = []
  const shape: EventLog.Shape = {
    ...log,
    read: (filter) =>
      Effect.suspend(() => {
        reads.push(filter ?? {})
        return log.read(filter)
      })
  }
  return { shape, reads }
}

export const projectionContract = (subject: ProjectionSubject): void => {
  describe(`${subject.name}: projections answer what the full fold answers`, () => {
    it(
      "any log, appended in any steps and read after each with any window and checkpoint interval, here and in a new process",
      async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.array(draft, { maxLength: 60 }),
            fc.array(fc.nat(20), { minLength: 1, maxLength: 5 }),
            fc.integer({ min: 1, max: 25 }),
            fc.integer({ min: 1, max: 30 }),
            async (drafts, cuts, window, saveEvery) => {
              const events = toLog(drafts)
              const { log, reopen } = await subject.fresh()
              const options = { window, saveEvery }
              let at = 0
              for (const cut of [...cuts, events.length]) {
                const next = events.slice(at, Math.max(at, Math.min(events.length, at + cut)))
                at += next.length
                if (next.length > 0) await append(log, next)
                expect(await projected(log, options)).toEqual(await folded(log))
              }
              // Another process: nothing in memory, only what was saved beside the log.
              const again = await reopen()
              expect(await projected(again, options)).toEqual(await folded(again))
            }
          ),
          { numRuns: subject.runs }
        )
      },
      120_000
    )

    it("a new process starts from the saved checkpoint and reads only the events after it", async () => {
      const { log, reopen } = await subject.fresh()
      const events = toLog(
        Array.from({ length: 40 }, (_, i): Draft => ({ type: i % 10 === 9 ? "reversal" : "requisition", grant: 0, region: i % 2, amount: i, reverse: i, variant: true }))
      )
      await append(log, events)
      const sums = await run(log, Projection.current(GrantState.ledgerProjection("g-a"), { saveEvery: 1 }))
      const second = counting(await reopen())
      expect(await run(second.shape, Projection.current(GrantState.ledgerProjection("g-a"), { saveEvery: 1 }))).toEqual(sums)
      expect(second.reads).toEqual([])
      // One more event: only it is read, and a reversal's target, read by its sequence number.
      await append(log, [stored(events.length + 1, { type: "reversal", grant: "g-a", reverses: 2 })])
      const after = await run(second.shape, Projection.current(GrantState.ledgerProjection("g-a"), { saveEvery: 1 }))
      expect(second.reads).toEqual([
        { grant: "g-a", after: events.length, through: events.length + 1 },
        { related: [2], through: events.length + 1 }
      ])
      expect(after).toEqual((await folded(log)).ledgers[0])
      expect(after.get("09")?.requisitioned).toBe((sums.get("09")?.requisitioned ?? 0) - 2)
    })

    it("a checkpoint of another version, or one that does not read, is folded again from the start", async () => {
      const { log, reopen } = await subject.fresh()
      await append(log, toLog([{ type: "requisition", grant: 0, region: 0, amount: 41, reverse: 0, variant: true }]))
      const ledger = GrantState.ledgerProjection("g-a")
      expect(await run(log, log.checkpoints.save({ projection: ledger.name, key: ledger.key, version: ledger.version + 1, seq: 1, state: {} }))).toBe(true)
      const other = counting(await reopen())
      expect((await run(other.shape, Projection.current(ledger))).get("03")?.requisitioned).toBe(42)
      expect(other.reads.length).toBe(1)
      expect(await run(log, log.checkpoints.save({ projection: ledger.name, key: ledger.key, version: ledger.version, seq: 1, state: { "03": "fel" } }))).toBe(true)
      const broken = counting(await reopen())
      expect((await run(broken.shape, Projection.current(ledger))).get("03")?.requisitioned).toBe(42)
      expect(broken.reads.length).toBe(1)
    })

    it.skipIf(subject.name === "In memory")("read-only: the fold is kept in memory, nothing is saved, and the answer is the same", async () => {
      const { log, reopenReadOnly } = await subject.fresh()
      await append(log, toLog(Array.from({ length: 12 }, (_, i): Draft => ({ type: "requisition", grant: 0, region: 0, amount: i, reverse: 0, variant: true }))))
      const reader = counting(await reopenReadOnly!())
      expect(reader.shape.checkpoints.writable).toBe(false)
      expect(await run(reader.shape, reader.shape.checkpoints.save({ projection: "huvudbok", key: "g-a", version: 1, seq: 1, state: {} }))).toBe(false)
      const first = await run(reader.shape, Projection.current(GrantState.ledgerProjection("g-a"), { saveEvery: 1 }))
      expect(first).toEqual((await folded(log)).ledgers[0])
      expect(await run(log, log.checkpoints.load("huvudbok", "g-a"))).toBeUndefined()
      const reads = reader.reads.length
      expect(await run(reader.shape, Projection.current(GrantState.ledgerProjection("g-a"), { saveEvery: 1 }))).toEqual(first)
      expect(reader.reads.length).toBe(reads)
    })

    it("concurrent readers of one log share one fold: each window is read once", async () => {
      const { log } = await subject.fresh()
      await append(log, toLog(Array.from({ length: 50 }, (_, i): Draft => ({ type: "payout", grant: 1, region: i % 2, amount: i, reverse: 0, variant: true }))))
      const reader = counting(log)
      const answers = await Promise.all(Array.from({ length: 20 }, () => run(reader.shape, Projection.current(GrantState.ledgerProjection("g-b"), { window: 10 }))))
      expect(new Set(answers.map((a) => JSON.stringify([...a])).values()).size).toBe(1)
      expect(reader.reads.length).toBe(5)
      expect(answers[0]).toEqual((await folded(log)).ledgers[1])
    })
  })
}
