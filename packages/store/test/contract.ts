import { type ChildProcess, spawn } from "node:child_process"
import { createInterface } from "node:readline"
import { fileURLToPath } from "node:url"
import { CatalogSource, type Event, EventLog, type EventLogError, GrantState, IndicatorPublications, LogExport, Populations, Recording } from "@uppdrag/application"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import * as TestClock from "effect/testing/TestClock"
import fc from "fast-check"
import { afterEach, describe, expect, it } from "vitest"
import { Migration, Store } from "../src/index.js"
import { projectionContract } from "./projections.js"

/**
 * The contract of the application's `EventLog` port, in two parts:
 *
 * - {@link portContract}: what every event log does (append under the write
 *   lock, all or nothing; the decision's refusal unchanged; `read`, `count`;
 *   the `prior` a decision sees), and the domain rules end to end through
 *   `Recording.record`. It runs against the in-memory reference
 *   (`Memory.test.ts`), SQLite (`Store.test.ts`) and PostgreSQL
 *   (`Store.integration.test.ts`).
 * - {@link storeContract}: the port contract plus what only a database
 *   adapter does (read-only opens, migrations, the append-only guard, export,
 *   crashes and concurrent processes).
 */
export interface Subject {
  readonly name: string
  /** An empty log never used before: the log itself, and a layer providing the same log (for the use cases). */
  readonly fresh: () => Promise<Fixture>
  /** Runs of the `prior` property (each on a fresh log): modest on a database. */
  readonly runs: number
}

export interface Fixture {
  readonly log: EventLog.Shape
  readonly layer: Layer.Layer<EventLog.EventLog, EventLogError>
}

/** A database behind the store adapter. */
export interface Backend {
  readonly name: string
  /** A location with an empty database, never used before. */
  readonly fresh: () => Promise<Store.Location>
  /** Runs one raw SQL statement outside the adapter (tampering, version bumps). */
  readonly raw: (location: Store.Location, statement: string) => Promise<void>
  readonly runs: number
}

export const GRANT = "specialiserad-psykiatri-2026"
const ASSIGNMENT = "specialiserad-psykiatri-2026"
/**
 * The recording instant of the tests: Effect's TestClock is set to it. After
 * every business date the tests record (reports and reported use may not be
 * dated after the day they are recorded).
 */
const AT = "2027-06-15T08:00:00.000Z"
const child = fileURLToPath(new URL("./fixtures/child.mjs", import.meta.url))

type Services = EventLog.EventLog | CatalogSource.CatalogSource | Populations.Populations

const services = (log: Layer.Layer<EventLog.EventLog, EventLogError>) => Layer.mergeAll(log, CatalogSource.layer(), Populations.layerPublished)

/** Runs a program with the clock fixed at `instant` and the services over `log`; its failure comes back as a Result. */
const run = <A, E>(log: Layer.Layer<EventLog.EventLog, EventLogError>, program: Effect.Effect<A, E, Services>, instant = AT): Promise<Result.Result<A, E>> =>
  Effect.runPromise(
    Effect.result(Effect.andThen(TestClock.setTime(Date.parse(instant)), program)).pipe(Effect.provide(TestClock.layer()), Effect.provide(services(log)))
  )

/** Runs a port operation directly; its failure comes back as a Result. */
const attempt = <A, E>(effect: Effect.Effect<A, E>): Promise<Result.Result<A, E>> => Effect.runPromise(Effect.result(effect))

const ok = <A, E>(result: Result.Result<A, E>): A => {
  if (Result.isFailure(result)) throw new Error(`förväntade lyckat resultat: ${String((result.failure as { message?: string }).message ?? result.failure)}`)
  return result.success
}

const failure = <A, E>(result: Result.Result<A, E>): E => {
  if (Result.isSuccess(result)) throw new Error("förväntade ett fel")
  return result.failure
}

/** The refusal inside a `Recording.Refused`, or a test failure. */
const refused = <A, E>(result: Result.Result<A, E>): Recording.Refused => {
  const error = failure(result) as { _tag?: string }
  if (error._tag !== "Refused") throw new Error(`förväntade Refused, fick ${String(error._tag)}: ${String((error as { message?: string }).message)}`)
  return error as Recording.Refused
}

const record = (events: ReadonlyArray<Event.NewEvent>) => Recording.record(events)

export const uppsala = (amount: number, date: string): Event.NewEvent => ({
  type: "requisition",
  grant: GRANT,
  region: "03",
  amount,
  date,
  recordedBy: "handläggare",
  note: "Rekvisition Region Uppsala"
})

/** Socialstyrelsen sets the date of the regions' reporting of the 2026 funds (seed 003: "senast det datum som Socialstyrelsen bestämmer"). */
export const setDue = (due: string, date: string): Event.NewEvent => ({
  type: "due-date",
  assignment: ASSIGNMENT,
  obligation: "regionernas-redovisning-2026",
  date,
  recordedBy: "handläggare",
  note: "Socialstyrelsens anvisningar",
  payload: { due }
})

const money = (type: Event.MoneyType, region: string, amount: number, date: string): Event.NewEvent => ({
  type,
  grant: GRANT,
  region,
  amount,
  date,
  recordedBy: "handläggare"
})

const requisitions = (n: number): Array<Event.NewEvent> => Array.from({ length: n }, (_, i) => ({ ...money("requisition", "01", 1, "2026-04-15"), note: `rad ${i}` }))

/** A stored event as a decision returns it (keys in the order of `Event.columns`). */
const stored = (seq: number, fields: Partial<Event.StoredEvent> & Pick<Event.StoredEvent, "type">): Event.StoredEvent => ({
  seq,
  type: fields.type,
  assignment: fields.assignment ?? ASSIGNMENT,
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

const nothing: EventLog.Needs = { grants: new Set(), seqs: new Set(), assignments: new Set() }

/** A decision that writes `events` renumbered from the snapshot's `nextSeq`. */
const writeAll =
  (events: ReadonlyArray<Event.StoredEvent>): EventLog.Decide<never> =>
  (snapshot) =>
    Result.succeed(events.map((e, i) => ({ ...e, seq: snapshot.nextSeq + i })))

// ---------------------------------------------------------------------------
// Random logs for the `prior` property: a few grants and assignments, every
// event type, reversals of earlier events (each reversed at most once, as the
// database's unique index demands).

const grants = ["g-a", "g-b"] as const
const assignments = ["a-1", "a-2"] as const
type Draft = { type: Event.EventType; assignment: string; grant: string | null; region: "03" | "09" | null; reverse: number }
const draft: fc.Arbitrary<Draft> = fc.record({
  type: fc.constantFrom<Event.EventType>("requisition", "payout", "report", "due-date", "meeting", "publication", "reversal", "reversal"),
  assignment: fc.constantFrom(...assignments),
  grant: fc.constantFrom(null, ...grants),
  region: fc.constantFrom(null, "03" as const, "09" as const),
  reverse: fc.nat(1000)
})
const toLog = (drafts: ReadonlyArray<Draft>): Array<Event.StoredEvent> => {
  const log: Array<Event.StoredEvent> = []
  const reversed = new Set<number>()
  for (const d of drafts) {
    const seq = log.length + 1
    const open = log.filter((e) => !reversed.has(e.seq))
    if (d.type === "reversal") {
      const target = open[d.reverse % Math.max(1, open.length)]
      if (target === undefined) continue
      reversed.add(target.seq)
      log.push(stored(seq, { type: "reversal", assignment: target.assignment, grant: target.grant, region: target.region, reverses: target.seq }))
    } else if (d.type === "requisition" || d.type === "payout") {
      log.push(stored(seq, { type: d.type, assignment: d.assignment, grant: d.grant ?? "g-a", region: (d.region ?? "03") as never, amount: (seq * 7) as never }))
    } else {
      log.push(
        stored(seq, {
          type: d.type,
          assignment: d.assignment,
          grant: d.grant,
          region: d.region as never,
          obligation: d.type === "meeting" || d.type === "publication" ? null : "o-1",
          payload: d.type === "due-date" ? { due: "2027-02-26" } : d.type === "meeting" || d.type === "publication" ? { id: `m${seq}`, n: seq } : null
        })
      )
    }
  }
  return log
}
const needs: fc.Arbitrary<EventLog.Needs> = fc.record({
  grants: fc.subarray(["g-a", "g-b", "g-c"]).map((g) => new Set(g)),
  seqs: fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 4 }).map((s) => new Set(s)),
  assignments: fc.subarray(["a-1", "a-2", "a-3"]).map((a) => new Set(a)),
  types: fc.option(fc.subarray<Event.EventType>(["publication", "meeting"]).map((t) => new Set(t)), { nil: undefined })
})


/** Cells of one year of the indicator cube (5 care forms × 22 regions × 3 sexes × 9 age groups). */
const cellsPerYear = 2970

/**
 * A protected indicator cube for 2023–2024: every count 0 or at least the
 * threshold, nothing masked; `riket` is Riket's first cell each year.
 */
const cubeWith = (riket: number, masked = false): IndicatorPublications.PublishInput["cube"] => {
  const patients = new Int32Array(2 * cellsPerYear)
  const per100k = new Float64Array(2 * cellsPerYear).fill(Number.NaN)
  patients[0] = riket
  patients[cellsPerYear] = riket
  per100k[0] = 111.8
  // A masked cell alone in its table is recoverable (its total is shown): not protected.
  if (masked) patients[1] = -1
  return { _tag: "Cube", years: { from: 2023, to: 2024 }, threshold: 5, patients, per100k, rows: null, distinctPatients: null }
}

/** Lines a child process writes to stdout, as they come. */
const lines = (process: ChildProcess): AsyncIterableIterator<string> => createInterface({ input: process.stdout! })[Symbol.asyncIterator]()

const spawnChild = (args: ReadonlyArray<string>): ChildProcess => spawn(process.execPath, [child, ...args], { stdio: ["ignore", "pipe", "pipe"] })

const exited = (process: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => {
    if (process.exitCode !== null || process.signalCode !== null) resolve(process.exitCode)
    else process.on("exit", (code) => resolve(code))
  })

export const portContract = (subject: Subject): void => {
  const fresh = subject.fresh

  describe(`${subject.name}: append runs the decision and writes all or nothing`, () => {
    it("an empty log: the decision sees no prior events, nextSeq 1 and size 0; what it returns is written and returned", async () => {
      const { log } = await fresh()
      expect(ok(await attempt(log.count))).toBe(0)
      const seen: Array<EventLog.Snapshot> = []
      const events = [stored(1, { type: "meeting", payload: { id: "m1" } }), stored(2, { type: "report", obligation: "delredovisning-2027-05-30" })]
      const written = ok(
        await attempt(
          log.append(nothing, (snapshot) => {
            seen.push(snapshot)
            return Result.succeed(events)
          })
        )
      )
      expect(seen).toEqual([{ prior: [], nextSeq: 1, size: 0 }])
      expect(written).toEqual(events)
      expect(ok(await attempt(log.read()))).toEqual(events)
      expect(ok(await attempt(log.count))).toBe(2)
      const next = ok(await attempt(log.append(nothing, (snapshot) => Result.succeed([stored(snapshot.nextSeq, { type: "meeting", payload: { size: snapshot.size } })]))))
      expect(next.map((e) => [e.seq, e.payload])).toEqual([[3, { size: 2 }]])
    })

    it("a decision's refusal comes back unchanged (the same object), and nothing is written", async () => {
      const { log } = await fresh()
      ok(await attempt(log.append(nothing, writeAll([stored(1, { type: "meeting", payload: {} })]))))
      const refusal = { _tag: "SomeDomainRefusal", detail: "nej" } as const
      const result = await attempt(log.append(nothing, () => Result.fail(refusal)))
      expect(failure(result)).toBe(refusal)
      expect(ok(await attempt(log.count))).toBe(1)
    })

    it("reports progress up to the number of events written", async () => {
      const { log } = await fresh()
      const progress: Array<[number, number]> = []
      ok(await attempt(log.append(nothing, writeAll(Array.from({ length: 12 }, (_, i) => stored(i + 1, { type: "meeting", payload: { i } }))), (done, total) => progress.push([done, total]))))
      expect(progress.at(-1)).toEqual([12, 12])
    })

    it("parallel appends each see the log as the others left it: sequence numbers 1 … n, none lost, none twice", async () => {
      const { log } = await fresh()
      const n = 12
      const seen = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          attempt(log.append(nothing, (snapshot) => Result.succeed([stored(snapshot.nextSeq, { type: "meeting", payload: { writer: i, size: snapshot.size } })])))
        )
      )
      expect(seen.map((r) => ok(r)[0]!.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1))
      const events = ok(await attempt(log.read()))
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: n }, (_, i) => i + 1))
      // Each decision saw the size its own event's number says: it ran under the lock.
      expect(events.every((e) => (e.payload as { size: number }).size === e.seq - 1)).toBe(true)
    })
  })

  describe(`${subject.name}: read and count`, () => {
    it("reads in log order, filtered by grant, assignment and types; count is the number of events", async () => {
      const { log } = await fresh()
      const events = [
        stored(1, { type: "requisition", grant: GRANT, region: "03" as never, amount: 10 as never }),
        stored(2, { type: "meeting", assignment: "annat-uppdrag", payload: { id: "m" } }),
        stored(3, { type: "report", obligation: "delredovisning-2027-05-30" }),
        stored(4, { type: "reversal", grant: GRANT, region: "03" as never, reverses: 1 }),
        stored(5, { type: "due-date", obligation: "regionernas-redovisning-2026", payload: { due: "2027-02-26" } })
      ]
      ok(await attempt(log.append(nothing, writeAll(events))))
      const seqs = async (filter?: EventLog.Filter) => ok(await attempt(log.read(filter))).map((e) => e.seq)
      expect(await seqs()).toEqual([1, 2, 3, 4, 5])
      expect(await seqs({ grant: GRANT })).toEqual([1, 4])
      expect(await seqs({ assignment: "annat-uppdrag" })).toEqual([2])
      expect(await seqs({ assignment: ASSIGNMENT, types: ["report", "due-date"] })).toEqual([3, 5])
      expect(await seqs({ grant: GRANT, types: ["reversal"] })).toEqual([4])
      expect(await seqs({ types: [] })).toEqual([])
      expect(await seqs({ grant: "finns-inte" })).toEqual([])
      expect(ok(await attempt(log.read()))).toEqual(events)
      expect(ok(await attempt(log.count))).toBe(5)
    })
  })

  describe(`${subject.name}: the prior events a decision sees`, () => {
    it("property: for any log and any needs, prior is EventLog.selectNeeded on the whole log, in log order", async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(draft, { maxLength: 24 }), fc.array(needs, { minLength: 1, maxLength: 4 }), async (drafts, asked) => {
          const whole = toLog(drafts)
          const { log } = await fresh()
          ok(await attempt(log.append(nothing, writeAll(whole))))
          for (const need of asked) {
            let prior: ReadonlyArray<Event.StoredEvent> | undefined
            const stop = { _tag: "Seen" } as const
            const result = await attempt(
              log.append(need, (snapshot) => {
                prior = snapshot.prior
                return Result.fail(stop)
              })
            )
            expect(failure(result)).toBe(stop)
            expect(prior).toEqual(EventLog.selectNeeded(whole, need))
          }
          expect(ok(await attempt(log.count))).toBe(whole.length)
        }),
        { numRuns: subject.runs }
      )
    })
  })

  describe(`${subject.name}: published indicators`, () => {
    const publish = (cube: IndicatorPublications.PublishInput["cube"], source: string) => IndicatorPublications.publish({ cube, source, publishedBy: "anna" })

    it("a publication reads back with every cell as published; versions increase; the latest is shown by default", async () => {
      const { log, layer } = await fresh()
      ok(await run(layer, record([uppsala(100, "2026-04-15")])))
      expect(ok(await run(layer, publish(cubeWith(1200), "kub-1.json"), "2026-11-20T09:14:03.120Z"))).toMatchObject({ version: 1, seq: 2, publishedOn: "2026-11-20", source: "kub-1.json" })
      expect(ok(await run(layer, publish(cubeWith(1300), "kub-2.json"), "2026-12-01T08:00:00.000Z")).version).toBe(2)
      const latest = ok(await run(layer, IndicatorPublications.latest))!
      expect(latest.version).toBe(2)
      expect(latest.cube.patients).toEqual(cubeWith(1300).patients)
      expect(latest.cube.per100k).toEqual(cubeWith(1300).per100k)
      expect(ok(await run(layer, IndicatorPublications.byVersion(1))).cube.patients[0]).toBe(1200)
      expect(ok(await run(layer, IndicatorPublications.list)).map((p) => [p.version, p.publishedOn, p.publishedAt])).toEqual([
        [1, "2026-11-20", "2026-11-20T09:14:03.120Z"],
        [2, "2026-12-01", "2026-12-01T08:00:00.000Z"]
      ])
      expect(ok(await attempt(log.count))).toBe(3)
    })

    it("an unprotected cube, or the latest figures again, is refused and nothing is written", async () => {
      const { log, layer } = await fresh()
      ok(await run(layer, publish(cubeWith(1200), "kub.json")))
      expect(failure(await run(layer, publish(cubeWith(1300, true), "lackande.json")))._tag).toBe("NotProtected")
      expect(failure(await run(layer, publish(cubeWith(1200), "kopia.json")))._tag).toBe("AlreadyPublished")
      expect(ok(await attempt(log.count))).toBe(1)
    })
  })

  describe(`${subject.name}: the Uppsala requisitions through Recording.record (seed 003: 58 203 923 kr, window 2026-04-01–2026-05-18)`, () => {
    it("accepts 58 203 923 kr on 2026-04-15 and stores it with its assignment, date, who recorded it and the clock's instant", async () => {
      const { log, layer } = await fresh()
      const written = ok(await run(layer, record([uppsala(58_203_923, "2026-04-15")])))
      expect(written).toEqual([
        {
          seq: 1,
          type: "requisition",
          assignment: ASSIGNMENT,
          grant: GRANT,
          region: "03",
          amount: 58_203_923,
          date: "2026-04-15",
          recordedBy: "handläggare",
          recordedAt: AT,
          note: "Rekvisition Region Uppsala",
          reverses: null,
          obligation: null,
          payload: null
        }
      ])
      expect(ok(await attempt(log.read()))).toEqual(written)
      const ledger = ok(await run(layer, GrantState.ledger(GRANT)))
      expect(ledger.rows.find((r) => r.region === "03")).toMatchObject({ allocated: 58_203_923, requisitioned: 58_203_923 })
    })

    it("refuses one dated 2026-05-19 with RequisitionOutsideWindow, and stores nothing", async () => {
      const { log, layer } = await fresh()
      const error = refused(await run(layer, record([uppsala(58_203_923, "2026-05-19")])))
      expect(error.index).toBe(0)
      expect(error.refusal._tag).toBe("RequisitionOutsideWindow")
      expect(error.message).toBe("rekvisitionen 2026-05-19 ligger utanför rekvisitionsperioden 2026-04-01–2026-05-18")
      expect(ok(await attempt(log.count))).toBe(0)
    })

    it("refuses one of 58 203 924 kr with RequisitionAboveAllocation, and stores nothing", async () => {
      const { log, layer } = await fresh()
      const error = refused(await run(layer, record([uppsala(58_203_924, "2026-04-15")])))
      expect(error.refusal).toMatchObject({ _tag: "RequisitionAboveAllocation", region: "03", allocated: 58_203_923, available: 58_203_923 })
      expect(error.message).toBe("rekvisitionen på 58 203 924 kr överstiger vad Uppsala län kan rekvirera: tilldelat 58 203 923 kr, redan rekvirerat 0 kr, kvar 58 203 923 kr")
      expect(ok(await attempt(log.count))).toBe(0)
    })

    it("refuses a second requisition once the allocation is used up", async () => {
      const { log, layer } = await fresh()
      ok(await run(layer, record([uppsala(58_203_923, "2026-04-15")])))
      const error = refused(await run(layer, record([uppsala(1, "2026-04-16")])))
      expect(error.refusal._tag).toBe("RequisitionAboveAllocation")
      expect(error.message).toContain("kvar 0 kr")
      expect(ok(await attempt(log.count))).toBe(1)
    })

    it("seed 003, Bilaga: parallel requisitions of Gotland's whole 8 670 310 kr: exactly one is accepted", async () => {
      const { log, layer } = await fresh()
      const gotland = { ...uppsala(8_670_310, "2026-04-15"), region: "09" }
      const results = ok(await run(layer, Effect.all(Array.from({ length: 6 }, () => Effect.result(record([gotland]))), { concurrency: "unbounded" })))
      expect(results.filter(Result.isSuccess)).toHaveLength(1)
      for (const r of results.filter(Result.isFailure)) expect(refused(r).refusal._tag).toBe("RequisitionAboveAllocation")
      expect(ok(await attempt(log.count))).toBe(1)
    })

    it("parallel writers lose and duplicate nothing: 8 × 5 batches of 1 kr give 40 events numbered 1 … 40 and 40 kr", async () => {
      const { log, layer } = await fresh()
      const writer = Effect.forEach(Array.from({ length: 5 }), () => record(requisitions(1)), { discard: true })
      ok(await run(layer, Effect.all(Array.from({ length: 8 }, () => writer), { concurrency: "unbounded" })))
      expect(ok(await attempt(log.read())).map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
      expect(ok(await run(layer, GrantState.ledger(GRANT))).total.requisitioned).toBe(40)
    })
  })

  describe(`${subject.name}: batches are all or nothing`, () => {
    it("a refusal at the third event writes none of the three, and names the index", async () => {
      const { log, layer } = await fresh()
      const error = refused(await run(layer, record([uppsala(1_000_000, "2026-04-15"), money("payout", "03", 1_000_000, "2026-06-01"), money("payout", "03", 1, "2026-06-01")])))
      expect(error.index).toBe(2)
      expect(error.refusal._tag).toBe("PayoutAboveRequisitioned")
      expect(ok(await attempt(log.count))).toBe(0)
    })

    it("invalid events are refused with every issue and their index, before anything is read", async () => {
      const { log, layer } = await fresh()
      const error = failure(
        await run(layer, record([uppsala(1, "2026-04-15"), { type: "requisition", grant: GRANT, region: "99", amount: -5, date: "2026-02-30", recordedBy: "" }]))
      )
      expect(error._tag).toBe("ValidationError")
      const paths = error._tag === "ValidationError" ? error.issues.map((i) => i.path) : []
      expect(paths).toEqual(expect.arrayContaining(["[1].region", "[1].amount", "[1].date", "[1].recordedBy"]))
      expect(ok(await attempt(log.count))).toBe(0)
    })

    it("numbers events 1, 2, 3 … across batches", async () => {
      const { layer } = await fresh()
      ok(await run(layer, record([uppsala(10, "2026-04-15")])))
      const second = ok(await run(layer, record([uppsala(20, "2026-04-16"), uppsala(30, "2026-04-17")])))
      expect(second.map((e) => e.seq)).toEqual([2, 3])
    })
  })

  describe(`${subject.name}: the whole money flow, with a correction`, () => {
    it("requisition, payout, reported use and repayment give the ledger row; a reversal cancels without editing", async () => {
      const { log, layer } = await fresh()
      ok(
        await run(
          layer,
          record([
            uppsala(58_203_923, "2026-04-15"),
            money("payout", "03", 58_203_923, "2026-06-15"),
            money("use", "03", 50_000_000, "2027-02-15"),
            money("repayment", "03", 3_000_000, "2027-03-20")
          ])
        )
      )
      expect(ok(await run(layer, GrantState.ledger(GRANT))).rows.find((r) => r.region === "03")).toEqual({
        region: "03",
        allocated: 58_203_923,
        requisitioned: 58_203_923,
        paidOut: 58_203_923,
        reportedUsed: 50_000_000,
        toRepay: 8_203_923,
        repaid: 3_000_000,
        outstanding: 5_203_923
      })
      // The repayment was entered wrongly: reverse it, record the right one.
      const reversal = ok(await run(layer, record([{ type: "reversal", reverses: 4, date: "2027-03-21", recordedBy: "handläggare", note: "fel belopp" }])))
      expect(reversal[0]).toMatchObject({ seq: 5, type: "reversal", grant: GRANT, region: "03", reverses: 4, amount: null })
      ok(await run(layer, record([money("repayment", "03", 8_203_923, "2027-03-21")])))
      expect(ok(await run(layer, GrantState.ledger(GRANT))).rows.find((r) => r.region === "03")).toMatchObject({ repaid: 8_203_923, outstanding: 0 })
      // Nothing was edited: all six events are in the log.
      expect(ok(await attempt(log.read({ grant: GRANT }))).map((e) => e.type)).toEqual(["requisition", "payout", "use", "repayment", "reversal", "repayment"])
    })

    it("refuses a second reversal of the same event, a reversal of a reversal, and of an unknown event", async () => {
      const { log, layer } = await fresh()
      ok(await run(layer, record([uppsala(100, "2026-04-15")])))
      ok(await run(layer, record([{ type: "reversal", reverses: 1, date: "2026-04-16", recordedBy: "x" }])))
      const twice = refused(await run(layer, record([{ type: "reversal", reverses: 1, date: "2026-04-16", recordedBy: "x" }])))
      expect(twice.rule).toBe("CannotReverse")
      expect(twice.refusal).toMatchObject({ _tag: "CannotReverse", reason: "already-reversed" })
      const ofReversal = refused(await run(layer, record([{ type: "reversal", reverses: 2, date: "2026-04-16", recordedBy: "x" }])))
      expect(ofReversal.refusal).toMatchObject({ _tag: "CatalogMismatch", rule: "CannotReverse" })
      expect(ofReversal.message).toBe("händelse 2 är själv en återföring och kan inte återföras; registrera händelsen på nytt i stället")
      const unknown = refused(await run(layer, record([{ type: "reversal", reverses: 99, date: "2026-04-16", recordedBy: "x" }])))
      expect(unknown.refusal).toMatchObject({ _tag: "CatalogMismatch", rule: "UnknownEvent" })
      expect(unknown.message).toBe("händelse 99 finns inte och kan inte återföras")
      expect(ok(await attempt(log.count))).toBe(2)
    })

    it("refuses a reversal that names the wrong grant", async () => {
      const { layer } = await fresh()
      ok(await run(layer, record([uppsala(100, "2026-04-15")])))
      const wrong = refused(await run(layer, record([{ type: "reversal", reverses: 1, grant: "psykiatrisk-heldygnsvard-2012", date: "2026-04-16", recordedBy: "x" }])))
      expect(wrong.refusal).toMatchObject({ _tag: "CatalogMismatch", rule: "WrongGrant" })
    })
  })

  describe(`${subject.name}: submitted reports, dates set, meetings`, () => {
    const report: Event.NewEvent = {
      type: "report",
      assignment: ASSIGNMENT,
      obligation: "delredovisning-2027-05-30",
      date: "2027-05-28",
      recordedBy: "registrator",
      note: "Dnr 1.1-2027/123"
    }

    it("seed 003: the interim report due 2027-05-30 is recorded once (ReportAlreadySubmitted); a reversal allows it again", async () => {
      const { log, layer } = await fresh()
      expect(ok(await run(layer, record([report])))[0]).toMatchObject({ seq: 1, type: "report", obligation: "delredovisning-2027-05-30", grant: null })
      const again = refused(await run(layer, record([report])))
      expect(again.refusal).toMatchObject({ _tag: "ReportAlreadySubmitted", obligation: "delredovisning-2027-05-30", earlier: 1 })
      expect(again.message).toBe("redovisningen delredovisning-2027-05-30 är redan registrerad som inlämnad (händelse 1); återför den först om den ska ändras")
      ok(await run(layer, record([{ type: "reversal", reverses: 1, date: "2027-05-29", recordedBy: "registrator", note: "fel ärende" }])))
      ok(await run(layer, record([report])))
      expect(ok(await attempt(log.read({ assignment: ASSIGNMENT, types: ["report"] }))).map((e) => e.seq)).toEqual([1, 3])
    })

    it("seed 003: each region reports its own part of the regions' reporting once; Uppsala's report does not block Gotland's", async () => {
      const { layer } = await fresh()
      const regional = (region: string): Event.NewEvent => ({ ...report, obligation: "regionernas-redovisning-2026", region, date: "2027-02-20" })
      ok(await run(layer, record([regional("03"), regional("09")])))
      expect(refused(await run(layer, record([regional("03")]))).refusal).toMatchObject({ _tag: "ReportAlreadySubmitted", earlier: 1 })
    })

    it("refuses a report for an obligation the assignment does not have, naming the known ones", async () => {
      const { layer } = await fresh()
      const error = refused(await run(layer, record([{ ...report, obligation: "slutrapport-2030" }])))
      expect(error.refusal._tag).toBe("UnknownObligation")
      expect(error.message).toContain("uppdraget specialiserad-psykiatri-2026 har ingen skyldighet slutrapport-2030 (kända: ")
      expect(error.message).toContain("delredovisning-2027-05-30")
    })

    it("seed 003: the date Socialstyrelsen sets for the regions' reporting is recorded once (DueDateAlreadySet); a reversal allows another", async () => {
      const { log, layer } = await fresh()
      expect(ok(await run(layer, record([setDue("2027-02-26", "2026-12-10")])))[0]).toMatchObject({ seq: 1, type: "due-date", obligation: "regionernas-redovisning-2026" })
      const twice = refused(await run(layer, record([setDue("2027-03-05", "2026-12-11")])))
      expect(twice.refusal).toMatchObject({ _tag: "DueDateAlreadySet", due: "2027-02-26", earlier: 1 })
      expect(twice.message).toContain("redan fastställt till 2027-02-26 (händelse 1)")
      ok(await run(layer, record([{ type: "reversal", reverses: 1, date: "2026-12-11", recordedBy: "handläggare", note: "nytt datum" }, setDue("2027-03-05", "2026-12-11")])))
      expect(ok(await attempt(log.read({ types: ["due-date"] }))).map((e) => [e.seq, e.payload])).toEqual([
        [1, { due: "2027-02-26" }],
        [3, { due: "2027-03-05" }]
      ])
    })

    it("refuses a date for a duty whose date the decision gives (DueDateInDecision), and one without a date", async () => {
      const { log, layer } = await fresh()
      const given = refused(await run(layer, record([{ ...setDue("2027-06-01", "2026-12-10"), obligation: "delredovisning-2027-05-30" }])))
      expect(given.refusal).toMatchObject({ _tag: "DueDateInDecision", obligation: "delredovisning-2027-05-30", due: "2027-05-30" })
      expect(given.message).toContain("delredovisning-2027-05-30 har redan ett datum i beslutet (2027-05-30)")
      const missing = failure(await run(layer, record([{ ...setDue("2027-06-01", "2026-12-10"), payload: { due: "2027-02-30" } }])))
      expect(missing._tag).toBe("ValidationError")
      expect(missing.message).toContain("payload.due")
      expect(ok(await attempt(log.count))).toBe(0)
    })

    it("stores a meeting payload as given and returns it unchanged", async () => {
      const { log, layer } = await fresh()
      const payload = { id: "natverksmote-2026-09", title: "Nätverksmöte", date: "2026-09-10", participants: ["SKR", "IVO"], online: true, minutes: null }
      ok(await run(layer, record([{ type: "meeting", assignment: ASSIGNMENT, date: "2026-09-10", recordedBy: "x", payload }])))
      expect(ok(await attempt(log.read({ types: ["meeting"] })))[0]?.payload).toEqual(payload)
    })

    it("refuses events for an unknown assignment or grant", async () => {
      const { layer } = await fresh()
      const a = refused(await run(layer, record([{ type: "meeting", assignment: "finns-inte", date: "2026-09-10", recordedBy: "x", payload: {} }])))
      expect(a.refusal).toMatchObject({ _tag: "CatalogMismatch", rule: "UnknownAssignment" })
      const g = refused(await run(layer, record([{ ...uppsala(1, "2026-04-15"), grant: "finns-inte" }])))
      expect(g.refusal).toMatchObject({ _tag: "CatalogMismatch", rule: "UnknownGrant" })
      expect(g.message).toBe("statsbidraget finns-inte finns inte i katalogen")
    })
  })

  describe(`${subject.name}: import`, () => {
    const exported = async (): Promise<LogExport.Document> => {
      const { log, layer } = await fresh()
      ok(await run(layer, record([uppsala(58_203_923, "2026-04-15"), money("payout", "03", 58_203_923, "2026-06-15"), money("use", "03", 58_000_000, "2027-02-15")])))
      ok(await run(layer, record([{ type: "reversal", reverses: 3, date: "2027-02-16", recordedBy: "x", note: "fel" }]), "2027-02-16T09:30:00.000Z"))
      ok(await run(layer, record([{ type: "meeting", grant: GRANT, date: "2026-09-10", recordedBy: "x", payload: { ämne: "uppföljning", n: 3 } }])))
      return { format: LogExport.format, schemaVersion: Migration.latest, events: ok(await attempt(log.read())) }
    }

    it("imports an export into an empty log, giving the same log and ledger, each event's recording instant kept", async () => {
      const doc = await exported()
      expect(doc.events.map((e) => e.recordedAt)).toContain("2027-02-16T09:30:00.000Z")
      const { log, layer } = await fresh()
      expect(ok(await run(layer, Recording.importLog(doc), "2030-01-01T00:00:00.000Z"))).toBe(5)
      expect(ok(await attempt(log.read()))).toEqual(doc.events)
      expect(ok(await run(layer, GrantState.ledger(GRANT))).rows.find((r) => r.region === "03")).toMatchObject({ paidOut: 58_203_923, reportedUsed: 0 })
    })

    it("refuses to import into a log that holds events: LogNotEmpty", async () => {
      const doc = await exported()
      const { log, layer } = await fresh()
      ok(await run(layer, record([uppsala(1, "2026-04-15")])))
      const error = failure(await run(layer, Recording.importLog(doc)))
      expect(error).toMatchObject({ _tag: "LogNotEmpty", events: 1 })
      expect(ok(await attempt(log.count))).toBe(1)
    })

    it("checks imported events by the same rules: a tampered export is refused whole", async () => {
      const doc = await exported()
      const tampered: LogExport.Document = { ...doc, events: [doc.events[0]!, { ...doc.events[0]!, seq: 2, amount: 1 as never }] }
      const { log, layer } = await fresh()
      const error = refused(await run(layer, Recording.importLog(tampered)))
      expect(error.index).toBe(1)
      expect(error.refusal._tag).toBe("RequisitionAboveAllocation")
      expect(ok(await attempt(log.count))).toBe(0)
    })
  })
}

export const storeContract = (backend: Backend): void => {
  const opened: Array<Store.Store> = []
  const open = async (location: Store.Location, options: Store.OpenOptions = {}): Promise<Store.Store> => {
    const result = await Store.open(location, options)
    if (Result.isFailure(result)) throw new Error(result.failure.message)
    opened.push(result.success)
    return result.success
  }
  const on = (store: Store.Store): Layer.Layer<EventLog.EventLog> => Layer.succeed(EventLog.EventLog, store)
  // Closed after each test, not only at the end: every open PostgreSQL store holds pooled connections
  // until they idle out, and a fast run of the property tests would otherwise exhaust the server's.
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close().catch(() => undefined)))
  })

  // The projections over the database, and over the same database opened again (another process).
  projectionContract({
    name: backend.name,
    runs: backend.runs,
    fresh: async () => {
      const location = await backend.fresh()
      return { log: await open(location), reopen: () => open(location), reopenReadOnly: () => open(location, { readOnly: true }) }
    }
  })

  // The port's contract, the use cases given the database through Store.layer.
  portContract({
    name: backend.name,
    runs: backend.runs,
    fresh: async () => {
      const location = await backend.fresh()
      return { log: await open(location), layer: Store.layer(location) }
    }
  })

  describe(`${backend.name}: a new database`, () => {
    it("is created on first use at the latest schema version, with an empty log", async () => {
      const store = await open(await backend.fresh())
      expect(store.schemaVersion).toBe(Migration.latest)
      expect(store.migrated.map((m) => m.version)).toEqual(Migration.all.map((m) => m.version))
      expect(ok(await attempt(store.count))).toBe(0)
    })

    it("opened read-only (the web view), it reads and the database refuses every write", async () => {
      const location = await backend.fresh()
      const writer = await open(location)
      ok(await run(on(writer), record([uppsala(58_203_923, "2026-04-15")])))
      const reader = await open(location, { readOnly: true })
      expect(ok(await run(on(reader), GrantState.ledger(GRANT))).rows.find((r) => r.region === "03")?.requisitioned).toBe(58_203_923)
      const error = failure(await run(on(reader), record([{ ...uppsala(1, "2026-04-16"), region: "01" }])))
      expect(error._tag).toBe("EventLogError")
      // SQLite answers SQLITE_READONLY, PostgreSQL "read-only transaction" (25006): both are the database refusing, in one Swedish message.
      if (error._tag === "EventLogError") {
        expect(["Database", "Unavailable"]).toContain(error.reason._tag)
        if (error.reason._tag !== "NewerSchema" && error.reason._tag !== "OlderSchema") expect(error.reason.detail).toMatch(/read-?only|READONLY/i)
      }
      expect(error.message).toMatch(/databasen är skrivskyddad/)
      expect(ok(await attempt(writer.count))).toBe(1)
    })

    it("opened read-only, an older schema is refused rather than migrated", async () => {
      const location = await backend.fresh()
      await open(location, { migrateTo: 1 })
      const refusedOpen = failure(await Store.open(location, { readOnly: true }))
      expect(refusedOpen.reason).toEqual({ _tag: "OlderSchema", found: 1, known: Migration.latest })
      expect(refusedOpen.message).toMatch(/kör uppdrag db migrate/)
    })

    it("opening again runs no migration", async () => {
      const location = await backend.fresh()
      await open(location)
      const again = await open(location)
      expect(again.migrated).toEqual([])
      expect(again.schemaVersion).toBe(Migration.latest)
    })

    it("Store.layer fails with the EventLogError of the open, never a defect", async () => {
      const location = await backend.fresh()
      await open(location)
      await backend.raw(location, "INSERT INTO schema_migration (version, name, applied_at) VALUES (98, 'framtida', '2030-01-01T00:00:00.000Z')")
      const exit = await Effect.runPromise(Effect.result(Effect.scoped(Layer.build(Store.layer(location)))))
      expect(Result.isFailure(exit) && exit.failure.reason).toEqual({ _tag: "NewerSchema", found: 98, known: Migration.latest })
    })
  })

  describe(`${backend.name}: the database writes all or nothing`, () => {
    it("a decision whose events the database refuses (two with one sequence number) writes none of them", async () => {
      const store = await open(await backend.fresh())
      ok(await attempt(store.append(nothing, writeAll([stored(1, { type: "meeting", payload: {} })]))))
      const error = failure(await attempt(store.append(nothing, () => Result.succeed([stored(2, { type: "meeting", payload: {} }), stored(2, { type: "meeting", payload: {} })]))))
      expect(error._tag).toBe("EventLogError")
      expect((error as EventLogError).reason._tag).toBe("Database")
      expect(ok(await attempt(store.count))).toBe(1)
      // Nothing is left locked: the next append goes in.
      ok(await attempt(store.append(nothing, writeAll([stored(2, { type: "meeting", payload: {} })]))))
      expect(ok(await attempt(store.count))).toBe(2)
    })
  })

  describe(`${backend.name}: the log is append-only`, () => {
    it("an UPDATE or DELETE outside the adapter is refused by the database", async () => {
      const location = await backend.fresh()
      const store = await open(location)
      ok(await run(on(store), record([uppsala(100, "2026-04-15")])))
      await expect(backend.raw(location, "UPDATE event SET amount = 1")).rejects.toThrow(/bara utökas/)
      await expect(backend.raw(location, "DELETE FROM event")).rejects.toThrow(/bara utökas/)
      expect(ok(await attempt(store.read()))[0]?.amount).toBe(100)
    })
  })

  describe(`${backend.name}: versioned migrations`, () => {
    it("an older database (version 1) is upgraded on open and keeps its events", async () => {
      const location = await backend.fresh()
      const old = await open(location, { migrateTo: 1 })
      expect(old.schemaVersion).toBe(1)
      ok(await run(on(old), record([uppsala(100, "2026-04-15")])))
      await old.close()
      const upgraded = await open(location)
      expect(upgraded.migrated.map((m) => m.version)).toEqual([2, 3, 4, 5])
      expect(upgraded.schemaVersion).toBe(5)
      expect(ok(await attempt(upgraded.count))).toBe(1)
    })

    it("version 2 to 3 rebuilds the log for fastställda datum: events, reversals and the append-only guard survive", async () => {
      const location = await backend.fresh()
      const old = await open(location, { migrateTo: 2 })
      ok(await run(on(old), record([uppsala(100, "2026-04-15"), { type: "reversal", reverses: 1, date: "2026-04-16", recordedBy: "anna", note: "fel belopp" }, uppsala(200, "2026-04-17")])))
      await old.close()
      const upgraded = await open(location)
      expect(upgraded.migrated.map((m) => m.version)).toEqual([3, 4, 5])
      expect(ok(await attempt(upgraded.read())).map((e) => [e.seq, e.type, e.amount, e.reverses])).toEqual([
        [1, "requisition", 100, null],
        [2, "reversal", null, 1],
        [3, "requisition", 200, null]
      ])
      ok(await run(on(upgraded), record([setDue("2027-02-26", "2026-12-10")])))
      expect(ok(await attempt(upgraded.read({ types: ["due-date"] }))).map((e) => e.payload)).toEqual([{ due: "2027-02-26" }])
      await expect(backend.raw(location, "UPDATE event SET amount = 1")).rejects.toThrow(/bara utökas/)
      await expect(backend.raw(location, "DELETE FROM event")).rejects.toThrow(/bara utökas/)
    })

    it("version 4 to 5 rebuilds the log for publications: events, reversals and the append-only guard survive", async () => {
      const location = await backend.fresh()
      const old = await open(location, { migrateTo: 4 })
      ok(await run(on(old), record([uppsala(100, "2026-04-15"), { type: "reversal", reverses: 1, date: "2026-04-16", recordedBy: "anna", note: "fel belopp" }, uppsala(200, "2026-04-17")])))
      await old.close()
      const upgraded = await open(location)
      expect(upgraded.migrated.map((m) => m.version)).toEqual([5])
      expect(ok(await attempt(upgraded.read())).map((e) => [e.seq, e.type, e.amount, e.reverses])).toEqual([
        [1, "requisition", 100, null],
        [2, "reversal", null, 1],
        [3, "requisition", 200, null]
      ])
      expect(ok(await run(on(upgraded), IndicatorPublications.publish({ cube: cubeWith(1200), source: "kub.json", publishedBy: "anna" }))).seq).toBe(4)
      expect(ok(await attempt(upgraded.read({ types: ["publication"] }))).map((e) => e.seq)).toEqual([4])
      await expect(backend.raw(location, "UPDATE event SET amount = 1")).rejects.toThrow(/bara utökas/)
      await expect(backend.raw(location, "DELETE FROM event")).rejects.toThrow(/bara utökas/)
    })

    it("a newer database is refused with a clear message", async () => {
      const location = await backend.fresh()
      await (await open(location)).close()
      await backend.raw(location, "INSERT INTO schema_migration (version, name, applied_at) VALUES (99, 'framtida', '2030-01-01T00:00:00.000Z')")
      const error = failure(await Store.open(location))
      expect(error.reason).toEqual({ _tag: "NewerSchema", found: 99, known: Migration.latest })
      expect(error.message).toContain("databasen har schemaversion 99, men den här versionen av uppdrag känner bara till version 5; uppgradera uppdrag")
    })
  })

  describe(`${backend.name}: export`, () => {
    it("exportLog gives the schema version and every event; as text it parses back; imported elsewhere it reproduces the log", async () => {
      const source = await open(await backend.fresh())
      ok(await run(on(source), record([uppsala(58_203_923, "2026-04-15"), money("payout", "03", 58_203_923, "2026-06-15")])))
      ok(await run(on(source), record([{ type: "meeting", grant: GRANT, date: "2026-09-10", recordedBy: "x", payload: { ämne: "uppföljning", n: 3 } }]), "2026-09-10T12:00:00.000Z"))
      const doc = ok(await attempt(source.exportLog))
      expect(doc).toEqual({ format: LogExport.format, schemaVersion: Migration.latest, events: ok(await attempt(source.read())) })
      const text = LogExport.stringify(doc)
      expect(ok(LogExport.parse(new TextEncoder().encode(text), "export.json"))).toEqual(doc)
      const target = await open(await backend.fresh())
      expect(ok(await run(on(target), Recording.importLog(doc)))).toBe(3)
      expect(ok(await attempt(target.exportLog))).toEqual(doc)
      // The in-memory log reproduces it too: the reference agrees with the database.
      const memory = EventLog.makeMemory()
      expect(ok(await run(Layer.succeed(EventLog.EventLog, memory), Recording.importLog(doc)))).toBe(3)
      expect(ok(await attempt(memory.read()))).toEqual(doc.events)
    })
  })

  describe(`${backend.name}: crashes and concurrent processes`, () => {
    it("SIGKILL in the middle of a 10 000-event batch leaves the database exactly as before", async () => {
      const location = await backend.fresh()
      const store = await open(location)
      ok(await run(on(store), record([uppsala(58_203_923, "2026-04-15")])))
      const before = ok(await attempt(store.exportLog))
      const ledgerBefore = ok(await run(on(store), GrantState.ledger(GRANT)))
      const proc = spawnChild(["pause", JSON.stringify(location), "10000"])
      const first = await lines(proc).next()
      expect(first.value).toMatch(/^halvvägs \d+$/)
      proc.kill("SIGKILL")
      await exited(proc)
      expect(proc.signalCode).toBe("SIGKILL")
      const after = await open(location)
      expect(ok(await attempt(after.exportLog))).toEqual(before)
      expect(ok(await run(on(after), GrantState.ledger(GRANT)))).toEqual(ledgerBefore)
      // Nothing is left locked: the next batch goes in.
      ok(await run(on(after), record(requisitions(3))))
      expect(ok(await attempt(after.count))).toBe(4)
    }, 60_000)

    it("two writing processes at once lose and duplicate nothing", async () => {
      const location = await backend.fresh()
      await (await open(location)).close()
      const writers = [spawnChild(["writer", JSON.stringify(location), "10", "20"]), spawnChild(["writer", JSON.stringify(location), "10", "20"])]
      const outputs = await Promise.all(writers.map(async (w) => (await Promise.all([lines(w).next(), exited(w)]))))
      expect(outputs.map(([line, code]) => [line.value, code])).toEqual([
        ["klar", 0],
        ["klar", 0]
      ])
      const store = await open(location)
      const events = ok(await attempt(store.read()))
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 400 }, (_, i) => i + 1))
      // Each writer's 200 rows are all there, once each.
      const rows = new Set(events.map((e) => `${e.recordedBy}/${e.note}`))
      expect(rows.size).toBe(400)
      expect(ok(await run(on(store), GrantState.ledger(GRANT))).total.requisitioned).toBe(400)
    }, 90_000)

    it("two reading processes never see a half-applied batch while a third process writes", async () => {
      const location = await backend.fresh()
      await (await open(location)).close()
      const batches = 20
      const size = 100
      const readers = [spawnChild(["reader", JSON.stringify(location), String(batches * size)]), spawnChild(["reader", JSON.stringify(location), String(batches * size)])]
      const outputs = readers.map(lines)
      for (const out of outputs) expect((await out.next()).value).toBe("redo")
      const writer = spawnChild(["writer", JSON.stringify(location), String(batches), String(size)])
      const [writerLine] = await Promise.all([lines(writer).next(), exited(writer)])
      expect(writerLine.value).toBe("klar")
      const seen: Array<{ counts: Array<number>; requisitioned: Array<number> }> = []
      for (const [i, out] of outputs.entries()) {
        seen.push(JSON.parse((await out.next()).value as string))
        expect(await exited(readers[i]!)).toBe(0)
      }
      const all = seen.flatMap((s) => [...s.counts, ...s.requisitioned])
      // Every observation is a whole number of batches (each event is 1 kr, so the ledger says the same).
      expect(all.filter((n) => n % size !== 0)).toEqual([])
      for (const s of seen) expect(s.counts.at(-1)).toBe(batches * size)
      // The readers really read while the writer wrote: they saw states between empty and full.
      expect(new Set(all).size).toBeGreaterThan(2)
    }, 90_000)
  })
}
