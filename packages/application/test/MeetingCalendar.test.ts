import { CalendarDate, type Region } from "@uppdrag/core"
import type { Agreement, Meeting } from "@uppdrag/meetings"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { CatalogSource, MeetingCalendar, MeetingRecords, Table } from "../src/index.js"
import { at, DECEMBER_FIRST } from "./fixtures/layers.js"

const d = CalendarDate.unsafeParse
const layer = Layer.mergeAll(CatalogSource.layer(), MeetingRecords.layerSeries())
const run = <A, E>(program: Effect.Effect<A, E, CatalogSource.CatalogSource | MeetingRecords.MeetingSeries>) =>
  Effect.runPromise(Effect.result(at(DECEMBER_FIRST, program)).pipe(Effect.provide(layer)))

describe("MeetingCalendar.upcoming (seed 001's series, TestClock at 2026-12-01)", () => {
  it("seed 001: between 2026-04-01 and 2026-05-31 the digital meetings fall on 14 April and 12 May", async () => {
    const period = Result.getOrThrow(await run(MeetingCalendar.upcoming({ from: d("2026-04-01"), to: d("2026-05-31") })))
    expect(period.occurrences.map((o) => o.date)).toEqual(expect.arrayContaining(["2026-04-14", "2026-05-12"]))
    expect(period.occurrences.every((o) => o.date >= "2026-04-01" && o.date <= "2026-05-31")).toBe(true)
    expect(new Set(period.series.map((s) => s.id))).toEqual(new Set(period.occurrences.map((o) => o.series)))
    expect(period.undated.every((u) => u.series.recurrence.kind !== "regel" && u.cadence !== "")).toBe(true)
  })

  it("without dates the period starts today by the clock and covers 90 days", async () => {
    const period = Result.getOrThrow(await run(MeetingCalendar.upcoming({})))
    expect([period.from, period.to]).toEqual(["2026-12-01", CalendarDate.addDays(d("2026-12-01"), MeetingCalendar.defaultSpanDays)])
  })

  it("an end before the start is refused", async () => {
    const result = await run(MeetingCalendar.upcoming({ from: d("2026-04-01"), to: d("2026-03-01") }))
    expect(Result.isFailure(result) && result.failure.message).toBe("--to: 2026-03-01 ligger före --from 2026-04-01")
  })

  it("the occurrence table gives the time, or 'ej angiven', and a moved occurrence's origin", () => {
    const row = { series: "s", title: "Digitalt möte", date: d("2026-04-14"), start: "13:00", end: "14:30", status: "flyttad" as const, movedFrom: d("2026-04-07") }
    expect(MeetingCalendar.columns.map((c) => c.value(row))).toEqual(["2026-04-14", "13:00–14:30", "Digitalt möte", "flyttad från 2026-04-07", ""])
    expect(Table.fields(MeetingCalendar.columns)).toEqual(["date", "time", "title", "status", "theme"])
  })
})

describe("MeetingCalendar.meetingIcs", () => {
  const samrad: Meeting.Meeting = {
    kind: "mote",
    id: "samrad-2026-11-20",
    title: "Samråd",
    date: d("2026-11-20"),
    assignment: "specialiserad-psykiatri-2026",
    participants: ["ivo"],
    actionItems: []
  }
  it("a meeting becomes one event with its participants by name, stamped by the clock", async () => {
    const ics = Result.getOrThrow(await run(MeetingCalendar.meetingIcs(samrad)))
    expect(ics).toContain("UID:samrad-2026-11-20@")
    expect(ics).toContain("DTSTAMP:20261201T080000Z")
    expect(ics).toContain("Inspektionen för vård och omsorg")
  })
  it("an agreement has no calendar event: NoCalendarEvent", async () => {
    const agreement = { kind: "overenskommelse", id: "o", grant: "g", region: "12" as Region.RegionCode } as unknown as Agreement.Agreement
    const result = await run(MeetingCalendar.meetingIcs(agreement))
    expect(Result.isFailure(result) && result.failure).toMatchObject({ _tag: "NoCalendarEvent", message: "--ics: en överenskommelse har ingen kalenderhändelse" })
  })
})
