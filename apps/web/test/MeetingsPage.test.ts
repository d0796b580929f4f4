import { CatalogSource, EventLog, MeetingRecords, Populations } from "@uppdrag/application"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { afterAll, describe, expect, it } from "vitest"
import * as WebApp from "../src/WebApp.js"
import { asOf, catalog, logged, makeApp, makeStoredSite, plainTables } from "./support/TestSite.js"

const rowsOf = (html: string, caption: string): Array<string> => {
  const table = [...html.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)].map((m) => m[1] ?? "").find((t) => (t.match(/<caption>([\s\S]*?)<\/caption>/)?.[1] ?? "").startsWith(caption))
  if (table === undefined) throw new Error(`no table "${caption}"`)
  return [...(table.match(/<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? "").matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => (m[1] ?? "").replace(/<[^>]*>/g, "|").replace(/\|+/g, "|"))
}

describe("Möten shows what was recorded (issue 12): meetings and consultations, agreements and follow-ups, from MeetingRecords", async () => {
  const stored = await makeStoredSite()
  const app = plainTables(WebApp.make(stored.site, { pageCache: 0 }))
  afterAll(() => stored.close())
  const layers = Layer.mergeAll(CatalogSource.layerOf(catalog), Populations.layerPublished, Layer.succeed(EventLog.EventLog, stored.store))
  const ask = <A, E>(program: Effect.Effect<A, E, CatalogSource.CatalogSource | Populations.Populations | EventLog.EventLog>) => Effect.runPromise(program.pipe(Effect.provide(layers)))
  const html = (async () => (await app.request("/moten?fran=2026-04-01&till=2026-06-30")).text())()

  it("the recorded meetings, newest first: the consultation of 2026-09-10 with IVO and Polismyndigheten named, the dialogue with Uppsala of 2026-05-05", async () => {
    const recorded = await ask(MeetingRecords.meetings(asOf))
    const rows = rowsOf(await html, "Registrerade möten till och med 2026-11-23")
    expect(rows).toHaveLength(recorded.length)
    expect(rows[0]).toContain("2026-09-10")
    expect(rows[0]).toContain("Samråd om vårdkapacitet")
    expect(rows[0]).toContain("S2025/01528")
    for (const name of recorded[0]?.participants ?? []) expect(rows[0]).toContain(name)
    expect(rows[0]).toContain("Polismyndigheten")
    expect(rows.find((r) => r.includes("2026-05-05"))).toContain("Uppsala län")
  })

  it("consultation per assignment: 2 of the 2026 assignment's 17 named parties, as MeetingRecords.coverage answers", async () => {
    const coverage = await ask(MeetingRecords.coverage("specialiserad-psykiatri-2026", asOf))
    const consulted = coverage.parties.filter((p) => p.consulted)
    const row = rowsOf(await html, "Samråd per uppdrag").find((r) => r.includes("S2025/01528"))
    expect(row).toContain(`|${consulted.length}|${coverage.parties.length}|`)
    for (const party of consulted) expect(row).toContain(party.name)
  })

  it("the agreements: one row per region, Uppsala's signed 2026-06-15 with its follow-up of 2026", async () => {
    const status = await ask(MeetingRecords.agreements({ asOf }))
    const rows = rowsOf(await html, "Överenskommelser och uppföljning per region")
    expect(rows).toHaveLength(status.regions.length)
    expect(rows.find((r) => r.includes("Uppsala län"))).toContain("overenskommelse-2026-uppsala (2026-06-15)")
    expect(await html).toContain(`${status.regions.filter((r) => r.agreement !== null).length} av ${status.regions.length} regioner`)
    const followUps = rowsOf(await html, "Registrerade årliga uppföljningar")
    expect(followUps).toEqual([expect.stringContaining("Uppsala län|2026|2026-11-15|6 av 10 platser öppnade")])
  })

  it("without a database the page says so instead of showing empty tables", async () => {
    const page = await (await makeApp().request("/moten")).text()
    expect(page).toContain("Ingen databas är ansluten, så inga registrerade möten")
  })

  it("logged nothing", () => {
    expect(logged).toEqual([])
  })
})
