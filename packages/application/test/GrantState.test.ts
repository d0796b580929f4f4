import { PublishedPopulation } from "@uppdrag/allocation"
import { Catalog, type Population } from "@uppdrag/core"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { type Event, EventLog, GrantState, Populations, Recording, Table } from "../src/index.js"
import { specialiseradPsykiatri2026 } from "./fixtures/allocation.js"
import { DECEMBER_FIRST, GRANT, runAt, services } from "./fixtures/layers.js"

const APRIL = "2026-04-15T08:00:00.000Z"
const money = (type: Event.MoneyType, region: string, amount: number, date: string): Event.NewEvent => ({ type, grant: GRANT, region, amount, date, recordedBy: "anna" })

/** The published figures of the 2026 grant with Uppsala's (03) head counts doubled: a `--population FILE` that differs. */
const doubledUppsala = (): Population.Population => {
  const grant = Catalog.findGrant(Catalog.unsafeLoad(), GRANT)!.grant
  const published = Result.getOrThrow(PublishedPopulation.forGrant(grant))
  return { source: "befolkning.csv", rows: published.rows.map((row) => (row.region === "03" ? { ...row, population: row.population * 2 } : row)) }
}

describe("GrantState.ledger (in-memory log)", () => {
  it("seed 003, Bilaga: an empty ledger shows every region's allocation, 1 490 000 000 kr in all, Uppsala 58 203 923 kr", async () => {
    const summary = Result.getOrThrow(await runAt(DECEMBER_FIRST, GrantState.ledger(GRANT)))
    expect(summary.rows).toHaveLength(21)
    expect(summary.rows.find((r) => r.region === "03")).toEqual({
      region: "03",
      allocated: 58_203_923,
      requisitioned: 0,
      paidOut: 0,
      reportedUsed: 0,
      toRepay: 0,
      repaid: 0,
      outstanding: 0
    })
    expect(Object.fromEntries(summary.rows.map((r) => [r.region, r.allocated]))).toEqual(specialiseradPsykiatri2026)
    expect(summary.total).toMatchObject({ region: "00", allocated: 1_490_000_000, requisitioned: 0 })
  })

  it("seed 003: requisition, payout, reported use and repayment give Uppsala's ledger row", async () => {
    const log = EventLog.makeMemory()
    const layer = services(Layer.succeed(EventLog.EventLog, log))
    // Recorded after the last of them: a use report cannot be recorded before its date.
    const written = await runAt(
      "2027-04-01T08:00:00.000Z",
      Recording.record([
        money("requisition", "03", 58_203_923, "2026-04-15"),
        money("payout", "03", 58_203_923, "2026-06-15"),
        money("use", "03", 50_000_000, "2027-02-15"),
        money("repayment", "03", 3_000_000, "2027-03-20")
      ]),
      layer
    )
    expect(Result.isSuccess(written)).toBe(true)
    const summary = Result.getOrThrow(await runAt(DECEMBER_FIRST, GrantState.ledger(GRANT), layer))
    expect(summary.rows.find((r) => r.region === "03")).toEqual({
      region: "03",
      allocated: 58_203_923,
      requisitioned: 58_203_923,
      paidOut: 58_203_923,
      reportedUsed: 50_000_000,
      toRepay: 8_203_923,
      repaid: 3_000_000,
      outstanding: 5_203_923
    })
    const rows = GrantState.ledgerRows(summary)
    expect(rows.at(-1)?.name).toBe("Riket")
    expect(Table.record(GrantState.ledgerColumns, rows.find((r) => r.region === "03")!)).toMatchObject({ name: "Uppsala län", allocated: 58_203_923, outstanding: 5_203_923 })
  })

  it("with Populations.layerOf, the ledger's allocated column is the allocation by that file, and so is the requisition ceiling", async () => {
    const population = doubledUppsala()
    const log = EventLog.makeMemory()
    const layer = services(Layer.succeed(EventLog.EventLog, log), Populations.layerOf(population, "befolkning.csv"))
    const outcome = Result.getOrThrow(await runAt(DECEMBER_FIRST, GrantState.find(GRANT), layer))
    const allocation = Result.getOrThrow(await runAt(DECEMBER_FIRST, GrantState.allocation(outcome.grant), layer))
    expect(allocation._tag).toBe("Allocated")
    if (allocation._tag !== "Allocated") return
    const uppsala = allocation.allocation.rows.find((r) => r.region === "03")!.total
    expect(uppsala).toBeGreaterThan(58_203_923)
    const summary = Result.getOrThrow(await runAt(DECEMBER_FIRST, GrantState.ledger(GRANT), layer))
    // The Fördelning table and the ledger's Tilldelat agree, region by region.
    for (const row of allocation.allocation.rows) expect(summary.rows.find((r) => r.region === row.region)?.allocated).toBe(row.total)
    expect(summary.total.allocated).toBe(1_490_000_000)
    // Recording checks against the same figures: the whole allocation is accepted, one krona more refused.
    expect(Result.isSuccess(await runAt(APRIL, Recording.record([money("requisition", "03", uppsala, "2026-04-15")]), layer))).toBe(true)
    const refused = await runAt(APRIL, Recording.record([money("requisition", "03", 1, "2026-04-16")]), layer)
    expect(Result.isFailure(refused) && refused.failure).toMatchObject({ _tag: "Refused", refusal: { _tag: "RequisitionAboveAllocation", allocated: uppsala } })
  })

  it("GrantState.region gives Uppsala's allocation row, its explanation and its ledger row", async () => {
    const state = Result.getOrThrow(await runAt(DECEMBER_FIRST, GrantState.region(GRANT, "03" as never)))
    expect(state.region.name).toBe("Uppsala län")
    expect(state.row?.total).toBe(58_203_923)
    expect(state.explanation.length).toBeGreaterThan(0)
    expect(state.ledger?.allocated).toBe(58_203_923)
  })

  it("an unknown grant fails with UnknownGrant naming the known ones", async () => {
    const result = await runAt(DECEMBER_FIRST, GrantState.ledger("finns-inte"))
    const failure = Result.isFailure(result) ? result.failure : undefined
    expect(failure?._tag).toBe("UnknownGrant")
    expect(failure?.message).toContain('--grant: okänt statsbidrag "finns-inte" (kända: ')
    expect(failure?.message).toContain(GRANT)
  })
})
