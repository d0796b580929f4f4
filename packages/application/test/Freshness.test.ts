import { Catalog } from "@uppdrag/core"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { type Event, EventLog, Freshness, Recording } from "../src/index.js"
import { DECEMBER_FIRST, GRANT, runAt, services } from "./fixtures/layers.js"

const requisition: Event.NewEvent = { type: "requisition", grant: GRANT, region: "03", amount: 58_203_923, date: "2026-04-15", recordedBy: "anna", note: "Rekvisition" }

describe("Freshness.latest", () => {
  it("the built-in catalog's latest decision is seed 003's of 2026-01-22 (S2025/01528), not the 2026 underlag", () => {
    expect(Freshness.latestDecision(Catalog.unsafeLoad().assignments)).toEqual({ assignment: "specialiserad-psykiatri-2026", decided: "2026-01-22", formatted: "2026-01-22" })
  })

  it("an empty log has no latest event", async () => {
    const fresh = Result.getOrThrow(await runAt(DECEMBER_FIRST, Freshness.latest))
    expect(fresh).toMatchObject({ events: 0, latestEvent: null, latestDecision: { decided: "2026-01-22" } })
  })

  it("the latest event is the last recorded, with its recording instant from the clock", async () => {
    const log = EventLog.makeMemory()
    const layer = services(Layer.succeed(EventLog.EventLog, log))
    Result.getOrThrow(await runAt("2026-04-15T08:00:00.000Z", Recording.record([requisition]), layer))
    Result.getOrThrow(await runAt(DECEMBER_FIRST, Recording.record([{ ...requisition, type: "payout", date: "2026-12-01", note: "Utbetalning" }]), layer))
    const fresh = Result.getOrThrow(await runAt(DECEMBER_FIRST, Freshness.latest, layer))
    expect(fresh).toMatchObject({ events: 2, latestEvent: { seq: 2, type: "payout", recordedAt: DECEMBER_FIRST } })
  })

  it("no decision in a catalog of underlag only", () => {
    expect(Freshness.latestDecision(Catalog.unsafeLoad().assignments.filter((a) => a.kind === "underlag"))).toBeNull()
  })
})
