import { CalendarDate, type Region } from "@uppdrag/core"
import type { Agreement, Meeting } from "@uppdrag/meetings"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { type Event, EventLog, MeetingRecords, Recording, RegionOverview } from "../src/index.js"
import { ASSIGNMENT, DECEMBER_FIRST, GRANT, runAt, services } from "./fixtures/layers.js"

const d = CalendarDate.unsafeParse

/** Seed 003, Bilaga: Uppsala län (03) is allocated 58 203 923 kr; it requisitions all of it on 2026-04-15. */
const requisition: Event.NewEvent = { type: "requisition", grant: GRANT, region: "03", amount: 58_203_923, date: "2026-04-15", recordedBy: "anna", note: "Rekvisition" }
const uppsala: Agreement.Agreement = {
  kind: "overenskommelse",
  id: "overenskommelse-2026-uppsala",
  grant: GRANT,
  region: "03" as Region.RegionCode,
  signed: d("2026-06-15"),
  activities: [{ title: "Fler vårdplatser", component: "vardkapacitet" }],
  expectedResults: ["10 nya vårdplatser"],
  expectedEffects: ["Kortare väntan"],
  followUpMeasures: [{ title: "Vårdplatser per 100 000", indicator: "vardplatser" }],
  followUps: [{ year: 2026, date: d("2026-11-15"), summary: "6 av 10 platser öppnade" }]
}
const dialogue: Meeting.Meeting = { kind: "mote", id: "dialog-uppsala-1", title: "Dialog med Region Uppsala", date: d("2026-05-05"), assignment: ASSIGNMENT, region: "03" as Region.RegionCode, participants: ["regioner"], actionItems: [] }

const recorded = async () => {
  const log = EventLog.makeMemory()
  const layer = services(Layer.succeed(EventLog.EventLog, log))
  Result.getOrThrow(await runAt(DECEMBER_FIRST, Recording.record([requisition]), layer))
  for (const record of [uppsala, dialogue]) Result.getOrThrow(await runAt(DECEMBER_FIRST, MeetingRecords.record(record, { source: `${record.id}.yaml`, recordedBy: "anna", note: "" }), layer))
  return layer
}

describe("RegionOverview.region", () => {
  it("seed 003, Bilaga: Uppsala län's 58 203 923 kr, component by component, and its ledger row", async () => {
    const overview = Result.getOrThrow(await runAt(DECEMBER_FIRST, RegionOverview.region("03", { asOf: "2026-12-01" }), await recorded()))
    expect(overview.region.name).toBe("Uppsala län")
    const [newest, older] = overview.grants
    expect(newest?.grant.id).toBe(GRANT)
    expect(older?.grant.id).toBe("heldygnsvard-stimulansmedel-2012")
    expect(newest?.row?.total).toBe(58_203_923)
    expect(newest?.explanation.map((e) => e.component)).toEqual(["vardkapacitet", "sjalvvald_inlaggning", "flexibla_overgangar"])
    expect(newest?.explanation.reduce((sum, e) => sum + e.amount, 0)).toBe(58_203_923)
    expect(newest?.ledger).toMatchObject({ allocated: 58_203_923, requisitioned: 58_203_923, paidOut: 0, toRepay: 0, repaid: 0 })
  })

  it("its agreement with follow-up measures and follow-ups, and its dialogue meetings", async () => {
    const overview = Result.getOrThrow(await runAt(DECEMBER_FIRST, RegionOverview.region("03", { asOf: "2026-12-01" }), await recorded()))
    expect(overview.agreement?.grant).toBe(GRANT)
    expect(overview.agreement?.agreement?.id).toBe("overenskommelse-2026-uppsala")
    expect(overview.agreement?.agreement?.followUps).toHaveLength(1)
    expect(overview.agreement?.dialogues).toEqual([{ id: "dialog-uppsala-1", date: "2026-05-05", title: "Dialog med Region Uppsala" }])
  })

  it("its deadlines are the duties the regions carry or receive: seed 003's requisition and the regions' reporting", async () => {
    const overview = Result.getOrThrow(await runAt(DECEMBER_FIRST, RegionOverview.region("03", { asOf: "2026-12-01" })))
    const ids = overview.deadlines.map((x) => x.obligation.id)
    expect(ids).toContain("regionernas-redovisning-2026")
    for (const x of overview.deadlines) expect(RegionOverview.concernsRegions(x.obligation)).toBe(true)
    expect(ids).not.toContain("delredovisning-2027-05-30")
  })

  it("another region has no agreement until one is recorded", async () => {
    const overview = Result.getOrThrow(await runAt(DECEMBER_FIRST, RegionOverview.region("09", { asOf: "2026-12-01" }), await recorded()))
    expect(overview.agreement).toMatchObject({ region: "09", agreement: null, dialogues: [] })
    expect(overview.grants[0]?.row?.total).toBe(8_670_310)
  })

  it.each(["00", "99", "3", "uppsala"])("%s is no region", async (code) => {
    const result = await runAt(DECEMBER_FIRST, RegionOverview.region(code, { asOf: "2026-12-01" }))
    expect(Result.isFailure(result) && result.failure._tag).toBe("UnknownRegion")
  })
})

describe("RegionOverview.list", () => {
  it("all 21 regions with the 2026 grant's key figures; Uppsala's requisition shows", async () => {
    const listing = Result.getOrThrow(await runAt(DECEMBER_FIRST, RegionOverview.list, await recorded()))
    expect(listing.grant?.grant.id).toBe(GRANT)
    expect(listing.regions).toHaveLength(21)
    expect(listing.regions.find((r) => r.region === "03")).toEqual({ region: "03", name: "Uppsala län", allocated: 58_203_923, requisitioned: 58_203_923, paidOut: 0, outstanding: 0 })
    expect(listing.regions.reduce((sum, r) => sum + r.allocated, 0)).toBe(1_490_000_000)
  })
})
