import { CalendarDate, type Region } from "@uppdrag/core"
import type { Meeting } from "@uppdrag/meetings"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { DeadlineList, type Event, EventLog, MeetingRecords, Recording, Table } from "../src/index.js"
import { ASSIGNMENT, DECEMBER_FIRST, runAt, services } from "./fixtures/layers.js"

const d = CalendarDate.unsafeParse

/** A log the test writes through the use cases, then lists from. */
const fresh = () => {
  const log = EventLog.makeMemory()
  return { log, layer: services(Layer.succeed(EventLog.EventLog, log)) }
}

const report = (obligation: string, date: string, region?: string): Event.NewEvent => ({
  type: "report",
  assignment: ASSIGNMENT,
  obligation,
  ...(region === undefined ? {} : { region }),
  date,
  recordedBy: "registrator",
  note: "Dnr 1.1-2026/123"
})

/** Seed 003: "senast det datum som Socialstyrelsen bestämmer" — the regions' reporting of the 2026 funds. */
const setDue = (due: string, date: string): Event.NewEvent => ({
  type: "due-date",
  assignment: ASSIGNMENT,
  obligation: "regionernas-redovisning-2026",
  date,
  recordedBy: "handläggare",
  note: "Socialstyrelsens anvisningar",
  payload: { due }
})

/** Seed 003 (S2025/01528): a consultation with IVO and the police, one action item due 2026-12-04. */
const samrad: Meeting.Meeting = {
  kind: "mote",
  id: "samrad-2026-11-20",
  title: "Samråd om vårdkapacitet och akutpsykiatri",
  date: d("2026-11-20"),
  assignment: ASSIGNMENT,
  participants: ["ivo", "polismyndigheten"],
  actionItems: [{ title: "Skicka underlag till IVO", owner: "Socialstyrelsen", due: d("2026-12-04"), recipient: "IVO" }]
}

const byId = (listing: DeadlineList.Listing, id: string) => listing.deadlines.find((row) => row.obligation.id === id)

describe("DeadlineList.list (in-memory log, TestClock at 2026-12-01)", () => {
  it("seed 003: on an empty log, the regions' reporting has no date yet and says who sets it", async () => {
    const listing = Result.getOrThrow(await runAt(DECEMBER_FIRST, DeadlineList.list({ asOf: "2026-12-01", all: true })))
    expect(listing.asOf).toBe("2026-12-01")
    expect(byId(listing, "regionernas-redovisning-2026")).toMatchObject({ status: "datum-ej-satt", obligation: { due: null, dueSetBy: "Socialstyrelsen" } })
    expect(byId(listing, "delredovisning-2027-05-30")).toMatchObject({ status: "kommande", obligation: { due: "2027-05-30" } })
  })

  it("today comes from the clock when asOf is omitted, in Swedish time (00:30 on 1 December in Stockholm is 23:30 UTC the day before)", async () => {
    expect(Result.getOrThrow(await runAt(DECEMBER_FIRST, DeadlineList.list({}))).asOf).toBe("2026-12-01")
    expect(Result.getOrThrow(await runAt("2026-11-30T23:30:00.000Z", DeadlineList.list({}))).asOf).toBe("2026-12-01")
    expect(Result.getOrThrow(await runAt("2026-11-30T22:30:00.000Z", DeadlineList.list({}))).asOf).toBe("2026-11-30")
  })

  it("seed 003: a recorded submission of the interim report closes the duty; it leaves the open list", async () => {
    const { layer } = fresh()
    Result.getOrThrow(await runAt(DECEMBER_FIRST, Recording.record([report("delredovisning-2027-05-30", "2026-11-28")]), layer))
    const all = Result.getOrThrow(await runAt(DECEMBER_FIRST, DeadlineList.list({ asOf: "2026-12-01", all: true }), layer))
    expect(byId(all, "delredovisning-2027-05-30")).toMatchObject({ status: "inlamnad", submittedOn: "2026-11-28" })
    const open = Result.getOrThrow(await runAt(DECEMBER_FIRST, DeadlineList.list({ asOf: "2026-12-01" }), layer))
    expect(byId(open, "delredovisning-2027-05-30")).toBeUndefined()
  })

  it("a region's own report is its part of a shared duty and does not close it", async () => {
    const { layer } = fresh()
    Result.getOrThrow(await runAt(DECEMBER_FIRST, Recording.record([setDue("2027-02-26", "2026-11-20"), report("regionernas-redovisning-2026", "2026-11-29", "03")]), layer))
    const listing = Result.getOrThrow(await runAt(DECEMBER_FIRST, DeadlineList.list({ asOf: "2026-12-01" }), layer))
    expect(byId(listing, "regionernas-redovisning-2026")).toMatchObject({ status: "kommande", submittedOn: null })
  })

  it("seed 003: the date Socialstyrelsen sets shows as the duty's due date", async () => {
    const { layer } = fresh()
    Result.getOrThrow(await runAt(DECEMBER_FIRST, Recording.record([setDue("2027-02-26", "2026-11-20")]), layer))
    const listing = Result.getOrThrow(await runAt(DECEMBER_FIRST, DeadlineList.list({ asOf: "2026-12-01" }), layer))
    expect(byId(listing, "regionernas-redovisning-2026")).toMatchObject({ status: "kommande", obligation: { due: "2027-02-26", dueSetBy: "Socialstyrelsen" } })
  })

  it("seed 003: a recorded meeting's action item due 2026-12-04 is listed as of 2026-12-01, with the id users record it under", async () => {
    const { layer } = fresh()
    const stored = await runAt(DECEMBER_FIRST, MeetingRecords.record(samrad, { source: "mote.yaml", recordedBy: "anna", note: "" }), layer)
    expect(Result.getOrThrow(stored)).toMatchObject({ seq: 1, type: "meeting", assignment: ASSIGNMENT, date: "2026-11-20" })
    const listing = Result.getOrThrow(await runAt(DECEMBER_FIRST, DeadlineList.list({ asOf: "2026-12-01" }), layer))
    const item = byId(listing, "atgard-samrad-2026-11-20-1")
    expect(item).toMatchObject({ status: "snart", daysLeft: 3, obligation: { kind: "ovrigt", origin: "moten", due: "2026-12-04", title: "Skicka underlag till IVO" } })
    expect(Table.record(DeadlineList.columns, item!)).toMatchObject({ id: "atgard-samrad-2026-11-20-1", due: "2026-12-04", status: "snart", responsible: "Socialstyrelsen" })
  })

  it("meeting records read from files count too, after those in the log", async () => {
    const listing = Result.getOrThrow(await runAt(DECEMBER_FIRST, DeadlineList.list({ asOf: "2026-12-01" }, { records: [samrad] })))
    expect(byId(listing, "atgard-samrad-2026-11-20-1")?.status).toBe("snart")
  })

  it("a meeting payload that does not read back fails with UnreadableRecord naming the event, never dropped", async () => {
    const broken: Event.StoredEvent = {
      seq: 1,
      type: "meeting",
      assignment: ASSIGNMENT,
      grant: null,
      region: null,
      amount: null,
      date: d("2026-11-20"),
      recordedBy: "anna",
      recordedAt: DECEMBER_FIRST,
      note: "",
      reverses: null,
      obligation: null,
      payload: { id: "trasig", kind: "mote" }
    }
    const result = await runAt(DECEMBER_FIRST, DeadlineList.list({ asOf: "2026-12-01" }), services(EventLog.layerMemory([broken])))
    const failure = Result.isFailure(result) ? result.failure : undefined
    expect(failure).toMatchObject({ _tag: "UnreadableRecord", seq: 1 })
    expect(failure?.message).toBe("händelse 1: mötesposten i databasen har fel form och kan inte läsas")
    // Reversed, the broken record is left out and the list reads.
    const reversal: Event.StoredEvent = { ...broken, seq: 2, type: "reversal", reverses: 1, payload: null }
    const after = await runAt(DECEMBER_FIRST, DeadlineList.list({ asOf: "2026-12-01" }), services(EventLog.layerMemory([broken, reversal])))
    expect(Result.isSuccess(after)).toBe(true)
  })

  it("a bad query fails with a ValidationError before the log is read", async () => {
    const result = await runAt(DECEMBER_FIRST, DeadlineList.list({ asOf: "2026-02-30" }))
    expect(Result.isFailure(result) && result.failure._tag).toBe("ValidationError")
  })

  it("the region code of a region's report is kept for the log (Uppsala 03)", async () => {
    const { log, layer } = fresh()
    Result.getOrThrow(await runAt(DECEMBER_FIRST, Recording.record([report("regionernas-redovisning-2026", "2026-11-29", "03")]), layer))
    const [event] = await Effect.runPromise(log.read({ types: ["report"] }))
    expect(event?.region).toBe("03" as Region.RegionCode)
  })
})

describe("ended assignments (issue 12): their unreported duties are listed apart and are not overdue work", () => {
  /** Seed 002: "Projektet ska slutredovisas till Regeringskansliet (Socialdepartementet) senast den 1 juni 2013." */
  const finalReport2013: Event.NewEvent = {
    type: "report",
    assignment: "heldygnsvard-2012",
    obligation: "slutredovisning-2013-06-01",
    date: "2013-06-01",
    recordedBy: "registrator",
    note: "Slutredovisning av projektet"
  }

  it("seed 002: before the final report is recorded, the 2012 agreement's 9 duties are all overdue as of 2026-11-23", async () => {
    const listing = Result.getOrThrow(await runAt(DECEMBER_FIRST, DeadlineList.list({ asOf: "2026-11-23" })))
    expect(listing.ended.size).toBe(0)
    expect(DeadlineList.overdue(listing).filter((x) => x.obligation.assignmentId === "heldygnsvard-2012")).toHaveLength(9)
  })

  it("seed 002: once the final report of 2013-06-01 is recorded the agreement is ended; its 8 unreported duties are left over, none counted overdue", async () => {
    const { layer } = fresh()
    Result.getOrThrow(await runAt(DECEMBER_FIRST, Recording.record([finalReport2013]), layer))
    const before = Result.getOrThrow(await runAt(DECEMBER_FIRST, DeadlineList.list({ asOf: "2026-11-23" })))
    const listing = Result.getOrThrow(await runAt(DECEMBER_FIRST, DeadlineList.list({ asOf: "2026-11-23" }), layer))
    expect(listing.ended.get("heldygnsvard-2012")).toEqual({ _tag: "FinalReportSubmitted", on: "2013-06-01", obligations: ["slutredovisning-2013-06-01"] })
    const { current, leftOver } = DeadlineList.partition(listing)
    expect(leftOver).toHaveLength(8)
    expect(leftOver.every((x) => x.obligation.assignmentId === "heldygnsvard-2012" && x.status === "forsenad")).toBe(true)
    expect(current.some((x) => x.obligation.assignmentId === "heldygnsvard-2012")).toBe(false)
    expect(DeadlineList.overdue(listing).length).toBe(DeadlineList.overdue(before).length - 9)
    expect(DeadlineList.overdue(listing, { includeEnded: true })).toHaveLength(DeadlineList.overdue(before).length - 1)
  })

  it("as of a date before the final report was handed in, the agreement still runs", async () => {
    const { layer } = fresh()
    Result.getOrThrow(await runAt(DECEMBER_FIRST, Recording.record([finalReport2013]), layer))
    const listing = Result.getOrThrow(await runAt(DECEMBER_FIRST, DeadlineList.list({ asOf: "2013-05-31" }), layer))
    expect(listing.ended.size).toBe(0)
  })
})
