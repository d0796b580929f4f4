import { type ChildProcess, spawn } from "node:child_process"
import { createInterface } from "node:readline"
import { fileURLToPath } from "node:url"
import { Catalog } from "@uppdrag/core"
import { Result } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { type Event, Migration, Store } from "../src/index.js"
import { allocationOf, specialiseradPsykiatri2026 } from "./fixtures/allocation.js"

/**
 * The one test suite every store implementation passes: SQLite in
 * `Store.test.ts`, PostgreSQL in `Store.integration.test.ts`.
 */
export interface Backend {
  readonly name: string
  /** A location with an empty database, never used before. */
  readonly fresh: () => Promise<Store.Location>
  /** Runs one raw SQL statement outside the adapter (tampering, version bumps). */
  readonly raw: (location: Store.Location, statement: string) => Promise<void>
}

export const GRANT = "specialiserad-psykiatri-2026"
export const catalog: Catalog.Catalog = Catalog.unsafeLoad()
const AT = "2026-04-15T08:00:00.000Z"
const child = fileURLToPath(new URL("./fixtures/child.mjs", import.meta.url))

export const openStore = async (location: Store.Location, migrateTo?: number): Promise<Store.Store> => {
  const opened = await Store.open(location, { catalog, allocationOf, ...(migrateTo === undefined ? {} : { migrateTo }) })
  if (Result.isFailure(opened)) throw new Error(opened.failure.message)
  return opened.success
}

const ok = <A, E>(result: Result.Result<A, E>): A => {
  if (Result.isFailure(result)) throw new Error(`förväntade lyckat resultat: ${String((result.failure as { message?: string }).message ?? result.failure)}`)
  return result.success
}

const failure = <A, E>(result: Result.Result<A, E>): E => {
  if (Result.isSuccess(result)) throw new Error("förväntade ett fel")
  return result.failure
}

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
  assignment: "specialiserad-psykiatri-2026",
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

const requisitions = (n: number): Array<Event.NewEvent> =>
  Array.from({ length: n }, (_, i) => ({ ...money("requisition", "01", 1, "2026-04-15"), note: `rad ${i}` }))

/** Lines a child process writes to stdout, as they come. */
const lines = (process: ChildProcess): AsyncIterableIterator<string> => createInterface({ input: process.stdout! })[Symbol.asyncIterator]()

const run = (args: ReadonlyArray<string>): ChildProcess => spawn(process.execPath, [child, ...args], { stdio: ["ignore", "pipe", "pipe"] })

const exited = (process: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => {
    if (process.exitCode !== null || process.signalCode !== null) resolve(process.exitCode)
    else process.on("exit", (code) => resolve(code))
  })

export const contract = (backend: Backend): void => {
  const opened: Array<Store.Store> = []
  const open = async (location: Store.Location, migrateTo?: number): Promise<Store.Store> => {
    const store = await openStore(location, migrateTo)
    opened.push(store)
    return store
  }
  const fresh = async (): Promise<Store.Store> => open(await backend.fresh())
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close().catch(() => undefined)))
  })

  describe(`${backend.name}: a new database`, () => {
    it("is created on first use at the latest schema version, with an empty log", async () => {
      const store = await fresh()
      expect(store.schemaVersion).toBe(Migration.latest)
      expect(store.migrated.map((m) => m.version)).toEqual(Migration.all.map((m) => m.version))
      expect(ok(await store.count())).toBe(0)
    })

    it("seed 003, Bilaga: an empty ledger shows every region's allocation, 1 490 000 000 kr in all, Uppsala 58 203 923 kr", async () => {
      const ledger = ok(await (await fresh()).ledger(GRANT))
      expect(ledger.rows).toHaveLength(21)
      expect(ledger.rows.find((r) => r.region === "03")).toEqual({
        region: "03",
        allocated: 58_203_923,
        requisitioned: 0,
        paidOut: 0,
        reportedUsed: 0,
        toRepay: 0,
        repaid: 0,
        outstanding: 0
      })
      expect(ledger.total).toMatchObject({ region: "00", allocated: 1_490_000_000, requisitioned: 0 })
    })

    it("opened read-only (the web view), it reads the ledger and the database refuses every write", async () => {
      const location = await backend.fresh()
      const writer = await open(location)
      ok(await writer.append([uppsala(58_203_923, "2026-04-15")], { recordedAt: AT }))
      const reader = ok(await Store.open(location, { catalog, allocationOf, readOnly: true }))
      opened.push(reader)
      expect(ok(await reader.ledger(GRANT)).rows.find((r) => r.region === "03")?.requisitioned).toBe(58_203_923)
      const refused = failure(await reader.append([{ ...uppsala(1, "2026-04-16"), region: "01" }], { recordedAt: AT }))
      // SQLite answers SQLITE_READONLY, PostgreSQL "read-only transaction": both are the database refusing.
      expect(["Database", "Unavailable"]).toContain(refused.reason._tag)
      expect(refused.message).toMatch(/read-?only|READONLY/i)
      expect(ok(await writer.count())).toBe(1)
    })

    it("opened read-only, an older schema is refused rather than migrated", async () => {
      const location = await backend.fresh()
      await open(location, 1)
      const refused = failure(await Store.open(location, { catalog, allocationOf, readOnly: true }))
      expect(refused.reason).toEqual({ _tag: "OlderSchema", found: 1, known: Migration.latest })
      expect(refused.message).toMatch(/kör uppdrag db migrate/)
    })

    it("opening again runs no migration", async () => {
      const location = await backend.fresh()
      await open(location)
      const again = await open(location)
      expect(again.migrated).toEqual([])
      expect(again.schemaVersion).toBe(Migration.latest)
    })
  })

  describe(`${backend.name}: the Uppsala requisitions (seed 003: 58 203 923 kr, window 2026-04-01–2026-05-18)`, () => {
    it("accepts 58 203 923 kr on 2026-04-15 and stores it with its assignment, date and who recorded it", async () => {
      const store = await fresh()
      const written = ok(await store.append([uppsala(58_203_923, "2026-04-15")], { recordedAt: AT }))
      expect(written).toEqual([
        {
          seq: 1,
          type: "requisition",
          assignment: "specialiserad-psykiatri-2026",
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
      expect(ok(await store.events())).toEqual(written)
      const ledger = ok(await store.ledger(GRANT))
      expect(ledger.rows.find((r) => r.region === "03")?.requisitioned).toBe(58_203_923)
    })

    it("refuses one dated 2026-05-19 with the reason, and stores nothing", async () => {
      const store = await fresh()
      const error = failure(await store.append([uppsala(58_203_923, "2026-05-19")], { recordedAt: AT }))
      expect(error.reason).toMatchObject({ _tag: "Refused", index: 0, rule: "RequisitionOutsideWindow" })
      expect(error.message).toContain("rekvisitionen 2026-05-19 ligger utanför rekvisitionsperioden 2026-04-01–2026-05-18")
      expect(ok(await store.count())).toBe(0)
    })

    it("refuses one of 58 203 924 kr with the reason, and stores nothing", async () => {
      const store = await fresh()
      const error = failure(await store.append([uppsala(58_203_924, "2026-04-15")], { recordedAt: AT }))
      expect(error.reason).toMatchObject({ _tag: "Refused", rule: "RequisitionAboveAllocation" })
      expect(error.message).toContain("rekvisitionen på 58 203 924 kr överstiger vad Uppsala län kan rekvirera: tilldelat 58 203 923 kr")
      expect(ok(await store.count())).toBe(0)
    })

    it("refuses a second requisition once the allocation is used up", async () => {
      const store = await fresh()
      ok(await store.append([uppsala(58_203_923, "2026-04-15")], { recordedAt: AT }))
      const error = failure(await store.append([uppsala(1, "2026-04-16")], { recordedAt: AT }))
      expect(error.message).toContain("kvar 0 kr")
      expect(ok(await store.count())).toBe(1)
    })
  })

  describe(`${backend.name}: batches are all or nothing`, () => {
    it("a refusal at the third event writes none of the three, and names the index", async () => {
      const store = await fresh()
      const error = failure(
        await store.append([uppsala(1_000_000, "2026-04-15"), money("payout", "03", 1_000_000, "2026-06-01"), money("payout", "03", 1, "2026-06-01")], {
          recordedAt: AT
        })
      )
      expect(error.reason).toMatchObject({ _tag: "Refused", index: 2, rule: "PayoutAboveRequisitioned" })
      expect(ok(await store.count())).toBe(0)
    })

    it("invalid events are refused with every issue and their index, before anything is read", async () => {
      const store = await fresh()
      const error = failure(
        await store.append(
          [
            { ...uppsala(1, "2026-04-15") },
            { type: "requisition", grant: GRANT, region: "99", amount: -5, date: "2026-02-30", recordedBy: "" } as Event.NewEvent
          ],
          { recordedAt: AT }
        )
      )
      expect(error.reason._tag).toBe("Invalid")
      const paths = error.reason._tag === "Invalid" ? error.reason.issues.map((i) => i.path) : []
      expect(paths).toEqual(expect.arrayContaining(["[1].region", "[1].amount", "[1].date", "[1].recordedBy"]))
      expect(ok(await store.count())).toBe(0)
    })

    it("numbers events 1, 2, 3 … across batches", async () => {
      const store = await fresh()
      ok(await store.append([uppsala(10, "2026-04-15")], { recordedAt: AT }))
      const second = ok(await store.append([uppsala(20, "2026-04-16"), uppsala(30, "2026-04-17")], { recordedAt: AT }))
      expect(second.map((e) => e.seq)).toEqual([2, 3])
    })
  })

  describe(`${backend.name}: the whole money flow, with a correction`, () => {
    it("requisition, payout, reported use and repayment give the ledger row; a reversal cancels without editing", async () => {
      const store = await fresh()
      ok(
        await store.append(
          [
            uppsala(58_203_923, "2026-04-15"),
            money("payout", "03", 58_203_923, "2026-06-15"),
            money("use", "03", 50_000_000, "2027-02-15"),
            money("repayment", "03", 3_000_000, "2027-03-20")
          ],
          { recordedAt: AT }
        )
      )
      expect(ok(await store.ledger(GRANT)).rows.find((r) => r.region === "03")).toEqual({
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
      const reversal = ok(await store.append([{ type: "reversal", reverses: 4, date: "2027-03-21", recordedBy: "handläggare", note: "fel belopp" }], { recordedAt: AT }))
      expect(reversal[0]).toMatchObject({ seq: 5, type: "reversal", grant: GRANT, region: "03", reverses: 4, amount: null })
      ok(await store.append([money("repayment", "03", 8_203_923, "2027-03-21")], { recordedAt: AT }))
      const row = ok(await store.ledger(GRANT)).rows.find((r) => r.region === "03")
      expect(row).toMatchObject({ repaid: 8_203_923, outstanding: 0 })
      // Nothing was edited: all six events are in the log.
      expect(ok(await store.events({ grant: GRANT })).map((e) => e.type)).toEqual(["requisition", "payout", "use", "repayment", "reversal", "repayment"])
    })

    it("refuses a second reversal of the same event, a reversal of a reversal, and of an unknown event", async () => {
      const store = await fresh()
      ok(await store.append([uppsala(100, "2026-04-15")], { recordedAt: AT }))
      ok(await store.append([{ type: "reversal", reverses: 1, date: "2026-04-16", recordedBy: "x" }], { recordedAt: AT }))
      const twice = failure(await store.append([{ type: "reversal", reverses: 1, date: "2026-04-16", recordedBy: "x" }], { recordedAt: AT }))
      expect(twice.reason).toMatchObject({ rule: "CannotReverse" })
      const ofReversal = failure(await store.append([{ type: "reversal", reverses: 2, date: "2026-04-16", recordedBy: "x" }], { recordedAt: AT }))
      expect(ofReversal.reason).toMatchObject({ rule: "CannotReverse" })
      const unknown = failure(await store.append([{ type: "reversal", reverses: 99, date: "2026-04-16", recordedBy: "x" }], { recordedAt: AT }))
      expect(unknown.reason).toMatchObject({ rule: "UnknownEvent" })
      expect(ok(await store.count())).toBe(2)
    })
  })

  describe(`${backend.name}: submitted reports, meetings and measurements`, () => {
    it("seed 003: the interim report due 2027-05-30 is recorded once; a reversal allows it again", async () => {
      const store = await fresh()
      const report: Event.NewEvent = {
        type: "report",
        assignment: "specialiserad-psykiatri-2026",
        obligation: "delredovisning-2027-05-30",
        date: "2027-05-28",
        recordedBy: "registrator",
        note: "Dnr 1.1-2027/123"
      }
      expect(ok(await store.append([report], { recordedAt: AT }))[0]).toMatchObject({ seq: 1, type: "report", obligation: "delredovisning-2027-05-30", grant: null })
      expect(failure(await store.append([report], { recordedAt: AT })).reason).toMatchObject({ rule: "ReportAlreadySubmitted" })
      ok(await store.append([{ type: "reversal", reverses: 1, date: "2027-05-29", recordedBy: "registrator", note: "fel ärende" }], { recordedAt: AT }))
      ok(await store.append([report], { recordedAt: AT }))
      expect(ok(await store.events({ assignment: "specialiserad-psykiatri-2026", types: ["report"] })).map((e) => e.seq)).toEqual([1, 3])
    })

    it("refuses a report for an obligation the assignment does not have, naming the known ones", async () => {
      const store = await fresh()
      const error = failure(
        await store.append([{ type: "report", assignment: "specialiserad-psykiatri-2026", obligation: "slutrapport-2030", date: "2027-05-28", recordedBy: "x" }], {
          recordedAt: AT
        })
      )
      expect(error.reason).toMatchObject({ rule: "UnknownObligation" })
      expect(error.message).toContain("delredovisning-2027-05-30")
    })

    it("seed 003: the date Socialstyrelsen sets for the regions' reporting is recorded once; a reversal allows another", async () => {
      const store = await fresh()
      expect(ok(await store.append([setDue("2027-02-26", "2026-12-10")], { recordedAt: AT }))[0]).toMatchObject({ seq: 1, type: "due-date", obligation: "regionernas-redovisning-2026" })
      const twice = failure(await store.append([setDue("2027-03-05", "2026-12-11")], { recordedAt: AT }))
      expect(twice.reason).toMatchObject({ rule: "DueDateAlreadySet" })
      expect(twice.message).toContain("redan fastställt till 2027-02-26 (händelse 1)")
      ok(await store.append([{ type: "reversal", reverses: 1, date: "2026-12-11", recordedBy: "handläggare", note: "nytt datum" }, setDue("2027-03-05", "2026-12-11")], { recordedAt: AT }))
      expect(ok(await store.events({ types: ["due-date"] })).map((e) => [e.seq, e.payload])).toEqual([
        [1, { due: "2027-02-26" }],
        [3, { due: "2027-03-05" }]
      ])
    })

    it("refuses a date for a duty whose date the decision gives, and one without a date", async () => {
      const store = await fresh()
      const given = failure(await store.append([{ ...setDue("2027-06-01", "2026-12-10"), obligation: "delredovisning-2027-05-30" }], { recordedAt: AT }))
      expect(given.reason).toMatchObject({ rule: "DueDateInDecision" })
      expect(given.message).toContain("delredovisning-2027-05-30 har redan ett datum i beslutet (2027-05-30)")
      const missing = failure(await store.append([{ ...setDue("2027-06-01", "2026-12-10"), payload: { due: "2027-02-30" } }], { recordedAt: AT }))
      expect(missing.message).toContain("payload.due")
      expect(ok(await store.count())).toBe(0)
    })

    it("stores a meeting payload as given and returns it unchanged", async () => {
      const store = await fresh()
      const payload = { id: "natverksmote-2026-09", title: "Nätverksmöte", date: "2026-09-10", participants: ["SKR", "IVO"], online: true, minutes: null }
      ok(await store.append([{ type: "meeting", assignment: "specialiserad-psykiatri-2026", date: "2026-09-10", recordedBy: "x", payload }], { recordedAt: AT }))
      expect(ok(await store.events({ types: ["meeting"] }))[0]?.payload).toEqual(payload)
    })

    it("refuses events for an unknown assignment or grant", async () => {
      const store = await fresh()
      const a = failure(await store.append([{ type: "meeting", assignment: "finns-inte", date: "2026-09-10", recordedBy: "x", payload: {} }], { recordedAt: AT }))
      expect(a.reason).toMatchObject({ rule: "UnknownAssignment" })
      const g = failure(await store.append([{ ...uppsala(1, "2026-04-15"), grant: "finns-inte" }], { recordedAt: AT }))
      expect(g.reason).toMatchObject({ rule: "UnknownGrant" })
    })
  })

  describe(`${backend.name}: the log is append-only`, () => {
    it("an UPDATE or DELETE outside the adapter is refused by the database", async () => {
      const location = await backend.fresh()
      const store = await open(location)
      ok(await store.append([uppsala(100, "2026-04-15")], { recordedAt: AT }))
      await expect(backend.raw(location, "UPDATE event SET amount = 1")).rejects.toThrow(/bara utökas/)
      await expect(backend.raw(location, "DELETE FROM event")).rejects.toThrow(/bara utökas/)
      expect(ok(await store.events())[0]?.amount).toBe(100)
    })
  })

  describe(`${backend.name}: versioned migrations`, () => {
    it("an older database (version 1) is upgraded on open and keeps its events", async () => {
      const location = await backend.fresh()
      const old = await open(location, 1)
      expect(old.schemaVersion).toBe(1)
      ok(await old.append([uppsala(100, "2026-04-15")], { recordedAt: AT }))
      await old.close()
      const upgraded = await open(location)
      expect(upgraded.migrated.map((m) => m.version)).toEqual([2, 3])
      expect(upgraded.schemaVersion).toBe(3)
      expect(ok(await upgraded.count())).toBe(1)
    })

    it("version 2 to 3 rebuilds the log for fastställda datum: events, reversals and the append-only guard survive", async () => {
      const location = await backend.fresh()
      const old = await open(location, 2)
      ok(await old.append([uppsala(100, "2026-04-15"), { type: "reversal", reverses: 1, date: "2026-04-16", recordedBy: "anna", note: "fel belopp" }, uppsala(200, "2026-04-17")], { recordedAt: AT }))
      await old.close()
      const upgraded = await open(location)
      expect(upgraded.migrated.map((m) => m.version)).toEqual([3])
      expect(ok(await upgraded.events()).map((e) => [e.seq, e.type, e.amount, e.reverses])).toEqual([
        [1, "requisition", 100, null],
        [2, "reversal", null, 1],
        [3, "requisition", 200, null]
      ])
      ok(await upgraded.append([setDue("2027-02-26", "2026-12-10")], { recordedAt: AT }))
      expect(ok(await upgraded.events({ types: ["due-date"] })).map((e) => e.payload)).toEqual([{ due: "2027-02-26" }])
      await expect(backend.raw(location, "UPDATE event SET amount = 1")).rejects.toThrow(/bara utökas/)
      await expect(backend.raw(location, "DELETE FROM event")).rejects.toThrow(/bara utökas/)
      await upgraded.close()
    })

    it("a newer database is refused with a clear message", async () => {
      const location = await backend.fresh()
      await (await open(location)).close()
      await backend.raw(location, "INSERT INTO schema_migration (version, name, applied_at) VALUES (99, 'framtida', '2030-01-01T00:00:00.000Z')")
      const refused = await Store.open(location, { catalog, allocationOf })
      const error = failure(refused)
      expect(error.reason).toEqual({ _tag: "NewerSchema", found: 99, known: Migration.latest })
      expect(error.message).toContain("databasen har schemaversion 99, men den här versionen av uppdrag känner bara till version 3; uppgradera uppdrag")
    })
  })

  describe(`${backend.name}: export and import`, () => {
    it("exports every event and imports them into an empty database, giving the same ledger and log", async () => {
      const source = await fresh()
      ok(await source.append([uppsala(58_203_923, "2026-04-15"), money("payout", "03", 58_203_923, "2026-06-15"), money("use", "03", 58_000_000, "2027-02-15")], { recordedAt: AT }))
      ok(await source.append([{ type: "reversal", reverses: 3, date: "2027-02-16", recordedBy: "x", note: "fel" }], { recordedAt: "2027-02-16T09:30:00.000Z" }))
      ok(await source.append([{ type: "meeting", grant: GRANT, date: "2026-09-10", recordedBy: "x", payload: { "ämne": "uppföljning", "n": 3 } }], { recordedAt: AT }))
      const doc = ok(await source.exportLog())
      expect(doc.events).toHaveLength(5)
      const target = await fresh()
      expect(ok(await target.importLog(doc))).toBe(5)
      expect(ok(await target.exportLog())).toEqual(doc)
      expect(ok(await target.ledger(GRANT))).toEqual(ok(await source.ledger(GRANT)))
    })

    it("refuses to import into a database that holds events", async () => {
      const source = await fresh()
      ok(await source.append([uppsala(1, "2026-04-15")], { recordedAt: AT }))
      const doc = ok(await source.exportLog())
      expect(failure(await source.importLog(doc)).reason).toEqual({ _tag: "NotEmpty", events: 1 })
    })

    it("checks imported events by the same rules: a tampered export is refused whole", async () => {
      const source = await fresh()
      ok(await source.append([uppsala(58_203_923, "2026-04-15")], { recordedAt: AT }))
      const doc = ok(await source.exportLog())
      const tampered = { ...doc, events: [...doc.events, { ...doc.events[0]!, seq: 2, amount: 1 as never }] }
      const target = await fresh()
      const error = failure(await target.importLog(tampered))
      expect(error.reason).toMatchObject({ _tag: "Refused", index: 1, rule: "RequisitionAboveAllocation" })
      expect(ok(await target.count())).toBe(0)
    })
  })

  describe(`${backend.name}: crashes and concurrent processes`, () => {
    it("SIGKILL in the middle of a 10 000-event batch leaves the database exactly as before", async () => {
      const location = await backend.fresh()
      const store = await open(location)
      ok(await store.append([uppsala(58_203_923, "2026-04-15")], { recordedAt: AT }))
      const before = ok(await store.exportLog())
      const ledgerBefore = ok(await store.ledger(GRANT))
      const proc = run(["pause", JSON.stringify(location), JSON.stringify(specialiseradPsykiatri2026), "10000"])
      const out = lines(proc)
      const first = await out.next()
      expect(first.value).toMatch(/^halvvägs \d+$/)
      proc.kill("SIGKILL")
      await exited(proc)
      expect(proc.signalCode).toBe("SIGKILL")
      const after = await open(location)
      expect(ok(await after.exportLog())).toEqual(before)
      expect(ok(await after.ledger(GRANT))).toEqual(ledgerBefore)
      // Nothing is left locked: the next batch goes in.
      ok(await after.append(requisitions(3), { recordedAt: AT }))
      expect(ok(await after.count())).toBe(4)
    }, 60_000)

    it("two reading processes never see a half-applied batch while a third process writes", async () => {
      const location = await backend.fresh()
      await (await open(location)).close()
      const batches = 20
      const size = 100
      const args = [JSON.stringify(location), JSON.stringify(specialiseradPsykiatri2026)]
      const readers = [run(["reader", ...args, String(batches * size)]), run(["reader", ...args, String(batches * size)])]
      const outputs = readers.map(lines)
      for (const out of outputs) expect((await out.next()).value).toBe("redo")
      const writer = run(["writer", ...args, String(batches), String(size)])
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
