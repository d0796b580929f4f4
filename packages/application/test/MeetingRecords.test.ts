import { CalendarDate, type Region } from "@uppdrag/core"
import type { Agreement, Meeting } from "@uppdrag/meetings"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { type Event, EventLog, MeetingRecords, Recording, Table } from "../src/index.js"
import { ASSIGNMENT, DECEMBER_FIRST, GRANT, runAt, services } from "./fixtures/layers.js"

const d = CalendarDate.unsafeParse

/** Seed 003 (S2025/01528): a consultation with IVO and Polismyndigheten. */
const samrad: Meeting.Meeting = {
  kind: "mote",
  id: "samrad-2026-11-20",
  title: "Samråd om vårdkapacitet och akutpsykiatri",
  date: d("2026-11-20"),
  assignment: ASSIGNMENT,
  participants: ["ivo", "polismyndigheten"],
  actionItems: []
}
const skane: Agreement.Agreement = {
  kind: "overenskommelse",
  id: "overenskommelse-2026-skane",
  grant: GRANT,
  region: "12" as Region.RegionCode,
  signed: d("2026-06-15"),
  activities: [{ title: "Fler vårdplatser", component: "vardkapacitet" }],
  expectedResults: ["12 nya vårdplatser"],
  expectedEffects: ["Kortare väntan"],
  followUpMeasures: [{ title: "Vårdplatser per 100 000", indicator: "vardplatser" }],
  followUps: [{ year: 2026, date: d("2026-11-15"), summary: "8 av 12 platser öppnade" }]
}
const dialogue: Meeting.Meeting = { ...samrad, id: "dialog-skane-1", title: "Dialog med Region Skåne", date: d("2026-05-05"), region: "12" as Region.RegionCode, participants: ["regioner"] }

const recorded = async (records: ReadonlyArray<Meeting.Meeting | Agreement.Agreement>) => {
  const log = EventLog.makeMemory()
  const layer = services(Layer.succeed(EventLog.EventLog, log))
  for (const record of records) Result.getOrThrow(await runAt(DECEMBER_FIRST, MeetingRecords.record(record, { source: `${record.id}.yaml`, recordedBy: "anna", note: "" }), layer))
  return { log, layer }
}

describe("MeetingRecords (in-memory log)", () => {
  it("stores a meeting under its assignment and date, an agreement under its grant, region and signing date; both read back", async () => {
    const { log, layer } = await recorded([samrad, skane])
    const events = await Effect.runPromise(log.read({ types: ["meeting"] }))
    expect(events.map((e) => [e.seq, e.assignment, e.grant, e.region, e.date, e.recordedAt])).toEqual([
      [1, ASSIGNMENT, null, null, "2026-11-20", DECEMBER_FIRST],
      [2, ASSIGNMENT, GRANT, "12", "2026-06-15", DECEMBER_FIRST]
    ])
    expect(Result.getOrThrow(await runAt(DECEMBER_FIRST, MeetingRecords.stored, layer))).toEqual([samrad, skane])
  })

  it("seed 003: coverage as of 2026-12-01 marks IVO and Polismyndigheten consulted on 2026-11-20, the others not", async () => {
    const { layer } = await recorded([samrad])
    const report = Result.getOrThrow(await runAt(DECEMBER_FIRST, MeetingRecords.coverage("S2025/01528", d("2026-12-01")), layer))
    expect(report.assignment).toBe("S2025/01528")
    const consulted = report.parties.filter((p) => p.consulted).map((p) => [p.id, p.lastMeeting])
    expect(consulted).toEqual([
      ["ivo", "2026-11-20"],
      ["polismyndigheten", "2026-11-20"]
    ])
    expect(report.parties.find((p) => p.id === "skr")?.consulted).toBe(false)
  })

  it("coverage refuses an assignment the catalog does not know", async () => {
    const result = await runAt(DECEMBER_FIRST, MeetingRecords.coverage("S1999/00001", d("2026-12-01")))
    expect(Result.isFailure(result) && result.failure).toMatchObject({ _tag: "UnknownReference", option: "--assignment" })
  })

  it("seed 003, Bilaga: agreements for the 2026 grant list all 21 regions; Skåne's agreement, follow-up and dialogue show", async () => {
    const { layer } = await recorded([skane, dialogue])
    const status = Result.getOrThrow(await runAt(DECEMBER_FIRST, MeetingRecords.agreements({ grant: GRANT, asOf: d("2026-12-01") }), layer))
    expect(status.grant).toBe(GRANT)
    expect(status.regions).toHaveLength(21)
    const row = status.regions.find((r) => r.region === "12")!
    expect(row.agreement?.id).toBe("overenskommelse-2026-skane")
    expect(row.dialogues).toEqual([{ id: "dialog-skane-1", date: "2026-05-05", title: "Dialog med Region Skåne" }])
    expect(status.regions.filter((r) => r.agreement === null)).toHaveLength(20)
    const one = Result.getOrThrow(await runAt(DECEMBER_FIRST, MeetingRecords.agreements({ grant: GRANT, region: "Skåne", asOf: d("2026-12-01") }), layer))
    expect(one.regions.map((r) => r.region)).toEqual(["12"])
  })

  it("agreements refuse an unknown region or grant with the option named", async () => {
    const region = await runAt(DECEMBER_FIRST, MeetingRecords.agreements({ grant: GRANT, region: "Atlantis", asOf: d("2026-12-01") }))
    expect(Result.isFailure(region) && region.failure).toMatchObject({ _tag: "UnknownReference", option: "--region" })
    const grant = await runAt(DECEMBER_FIRST, MeetingRecords.agreements({ grant: "finns-inte", asOf: d("2026-12-01") }))
    expect(Result.isFailure(grant) && grant.failure).toMatchObject({ _tag: "UnknownReference", option: "--grant" })
  })

  it("a later record with the same id replaces the earlier; a reversed record is left out", async () => {
    const { log, layer } = await recorded([samrad, { ...samrad, title: "Samråd (rättat)" }])
    const current = Result.getOrThrow(await runAt(DECEMBER_FIRST, MeetingRecords.current(), layer))
    expect(current.meetings.map((m) => m.title)).toEqual(["Samråd (rättat)"])
    const reversal: Event.NewEvent = { type: "reversal", reverses: 2, date: "2026-12-01", recordedBy: "anna", note: "fel" }
    Result.getOrThrow(await runAt(DECEMBER_FIRST, Recording.record([reversal]), layer))
    expect(await Effect.runPromise(log.count)).toBe(3)
    const after = Result.getOrThrow(await runAt(DECEMBER_FIRST, MeetingRecords.current(), layer))
    expect(after.meetings.map((m) => m.title)).toEqual(["Samråd om vårdkapacitet och akutpsykiatri"])
  })

  it("a meeting tied to no assignment cannot be stored: RecordNotStorable", async () => {
    const { assignment: _, ...loose } = samrad
    const result = await runAt(DECEMBER_FIRST, MeetingRecords.record(loose as Meeting.Meeting, { source: "mote.yaml", recordedBy: "anna", note: "" }))
    expect(Result.isFailure(result) && result.failure).toMatchObject({ _tag: "RecordNotStorable", source: "mote.yaml" })
  })

  it("seed 003: the coverage table counts IVO and Polismyndigheten as consulted, with the date of the meeting", async () => {
    const { layer } = await recorded([samrad])
    const report = Result.getOrThrow(await runAt(DECEMBER_FIRST, MeetingRecords.coverage("S2025/01528", d("2026-12-01")), layer))
    expect(MeetingRecords.consulted(report)).toBe(2)
    const ivo = report.parties.find((p) => p.id === "ivo")!
    expect(Table.record(MeetingRecords.coverageColumns, ivo)).toMatchObject({ id: "ivo", consulted: true, lastMeeting: "2026-11-20" })
  })

  it("seed 003, Bilaga: the agreements table shows Skåne's agreement, its counts, the dialogue and the next follow-up", async () => {
    const { layer } = await recorded([skane, dialogue])
    const status = Result.getOrThrow(await runAt(DECEMBER_FIRST, MeetingRecords.agreements({ grant: GRANT, asOf: d("2026-12-01") }), layer))
    const row = status.regions.find((r) => r.region === "12")!
    const record = Table.record(MeetingRecords.agreementColumns, row)
    expect(record).toMatchObject({ region: "12", agreement: "overenskommelse-2026-skane (2026-06-15)", activities: 1, followUpMeasures: 1, dialogues: 1, lastDialogue: "2026-05-05" })
    expect(String(record.nextFollowUp)).toMatch(/^2026 till \d{4}-\d{2}-\d{2}: (klar|saknas)$/)
    const none = status.regions.find((r) => r.agreement === null)!
    expect(Table.record(MeetingRecords.agreementColumns, none)).toMatchObject({ agreement: null, activities: 0, dialogues: 0, lastDialogue: null })
  })

  it("a record's summary names the participants by the catalog's names", async () => {
    const layer = Layer.mergeAll(services(), MeetingRecords.layerSeries())
    const line = Result.getOrThrow(await Effect.runPromise(Effect.result(MeetingRecords.summary(samrad)).pipe(Effect.provide(layer))))
    expect(line).toBe("möte samrad-2026-11-20 2026-11-20 (specialiserad-psykiatri-2026): 2 deltagare (Inspektionen för vård och omsorg, Polismyndigheten), 0 åtgärder")
    const agreement = Result.getOrThrow(await Effect.runPromise(Effect.result(MeetingRecords.summary(skane)).pipe(Effect.provide(layer))))
    expect(agreement).toBe("överenskommelse overenskommelse-2026-skane: region 12, specialiserad-psykiatri-2026, 1 insatser, 1 uppföljningsmått")
  })
})
