import { Region } from "@uppdrag/core"
import { Cube, Indicator } from "@uppdrag/indicators"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { EventLog, Freshness, IndicatorPublications, Recording } from "../src/index.js"
import { DECEMBER_FIRST, runAt, services } from "./fixtures/layers.js"

const years = { from: 2023, to: 2024 }
const header = "patient,region,sex,birthYear,careForm,start,end"
// Uppsala län (03): six women in sluten LPT in 2023 and 2024 (shown); Kalmar län (08): one man in 2023 (masked, with what would give him away).
const episodes = (extra: number) =>
  [header, ...Array.from({ length: 6 + extra }, (_, i) => `P${i},03,K,1990,sluten-lpt,2023-01-01,2024-01-10`), "Q1,08,M,1980,sluten-lpt,2023-02-01,2023-02-10"].join("\n")
const cubeOf = async (extra = 0) => Result.getOrThrow(await Cube.fromEpisodes([new TextEncoder().encode(episodes(extra))], "episoder.csv", { years }))
const cube = await cubeOf()
const patients = Indicator.find("lpt-sluten-patienter")!
const uppsala = Region.fromCode("03")!.code

const fresh = () => {
  const log = EventLog.makeMemory()
  return { log, layer: services(Layer.succeed(EventLog.EventLog, log)) }
}

describe("IndicatorPublications", () => {
  it("publishes a protected cube as version 1, dated by the clock, under the compulsory-care assignment", async () => {
    const { log, layer } = fresh()
    const published = Result.getOrThrow(await runAt(DECEMBER_FIRST, IndicatorPublications.publish({ cube, source: "kub.json", publishedBy: "anna", note: "Publicering 2026" }), layer))
    expect(published).toMatchObject({ version: 1, seq: 1, publishedOn: "2026-12-01", publishedAt: DECEMBER_FIRST, publishedBy: "anna", source: "kub.json", years, threshold: 5 })
    const [event] = Result.getOrThrow(await Effect.runPromise(Effect.result(log.read())))
    expect(event).toMatchObject({ type: "publication", assignment: "tvangsvard-2024", grant: null, region: null, amount: null, note: "Publicering 2026" })
  })

  it("versions increase, the latest is shown by default, and an older one on request", async () => {
    const { layer } = fresh()
    Result.getOrThrow(await runAt("2026-11-02T08:00:00.000Z", IndicatorPublications.publish({ cube, source: "kub-1.json", publishedBy: "anna" }), layer))
    const second = Result.getOrThrow(await runAt(DECEMBER_FIRST, IndicatorPublications.publish({ cube: await cubeOf(1), source: "kub-2.json", publishedBy: "bo" }), layer))
    expect(second.version).toBe(2)
    const listed = Result.getOrThrow(await runAt(DECEMBER_FIRST, IndicatorPublications.list, layer))
    expect(listed.map((p) => [p.version, p.publishedOn, p.publishedBy, p.source])).toEqual([
      [1, "2026-11-02", "anna", "kub-1.json"],
      [2, "2026-12-01", "bo", "kub-2.json"]
    ])
    const latest = Result.getOrThrow(await runAt(DECEMBER_FIRST, IndicatorPublications.latest, layer))
    expect(Cube.get(latest!.cube, { year: 2024, region: "03", sex: "K", ageGroup: "alla", careForm: "sluten-lpt" })?.patients).toBe(7)
    const first = Result.getOrThrow(await runAt(DECEMBER_FIRST, IndicatorPublications.byVersion(1), layer))
    expect(Cube.get(first.cube, { year: 2024, region: "03", sex: "K", ageGroup: "alla", careForm: "sluten-lpt" })?.patients).toBe(6)
    const missing = await runAt(DECEMBER_FIRST, IndicatorPublications.byVersion(3), layer)
    expect(Result.isFailure(missing) ? missing.failure.message : "").toBe("version 3 finns inte; publicerade versioner: 1, 2")
  })

  it("refuses the same figures again, and a cube that is not protected, writing nothing", async () => {
    const { log, layer } = fresh()
    Result.getOrThrow(await runAt(DECEMBER_FIRST, IndicatorPublications.publish({ cube, source: "kub.json", publishedBy: "anna" }), layer))
    const again = await runAt(DECEMBER_FIRST, IndicatorPublications.publish({ cube, source: "kopia.json", publishedBy: "anna" }), layer)
    expect(Result.isFailure(again) && again.failure._tag).toBe("AlreadyPublished")
    const shown = Int32Array.from(cube.patients)
    shown[shown.indexOf(-1)] = 1
    const leaky = await runAt(DECEMBER_FIRST, IndicatorPublications.publish({ cube: { ...cube, patients: shown }, source: "lackande.json", publishedBy: "anna" }), layer)
    expect(Result.isFailure(leaky) && leaky.failure._tag).toBe("NotProtected")
    expect(Result.isFailure(leaky) ? leaky.failure.message : "").toMatch(/^lackande\.json: kuben är inte skyddad/)
    expect(Result.getOrThrow(await Effect.runPromise(Effect.result(log.count)))).toBe(1)
  })

  it("nothing published: latest is undefined, the list is empty, a version is unknown", async () => {
    const { layer } = fresh()
    expect(Result.getOrThrow(await runAt(DECEMBER_FIRST, IndicatorPublications.latest, layer))).toBeUndefined()
    expect(Result.getOrThrow(await runAt(DECEMBER_FIRST, IndicatorPublications.list, layer))).toEqual([])
    const missing = await runAt(DECEMBER_FIRST, IndicatorPublications.byVersion(1), layer)
    expect(Result.isFailure(missing) ? missing.failure.message : "").toBe("version 1 finns inte: inga indikatorer är publicerade ännu")
  })

  it("a reversed publication is withdrawn: the one before it is the latest again, and its version is not reused", async () => {
    const { layer } = fresh()
    Result.getOrThrow(await runAt(DECEMBER_FIRST, IndicatorPublications.publish({ cube, source: "kub-1.json", publishedBy: "anna" }), layer))
    const second = Result.getOrThrow(await runAt(DECEMBER_FIRST, IndicatorPublications.publish({ cube: await cubeOf(1), source: "kub-2.json", publishedBy: "anna" }), layer))
    Result.getOrThrow(await runAt(DECEMBER_FIRST, Recording.record([{ type: "reversal", reverses: second.seq, date: "2026-12-01", recordedBy: "anna", note: "fel fil" }]), layer))
    expect(Result.getOrThrow(await runAt(DECEMBER_FIRST, IndicatorPublications.latest, layer))?.version).toBe(1)
    const third = Result.getOrThrow(await runAt(DECEMBER_FIRST, IndicatorPublications.publish({ cube: await cubeOf(2), source: "kub-3.json", publishedBy: "anna" }), layer))
    expect(third.version).toBe(3)
  })

  it("a region's figures beside Riket come from the latest publication's latest year", async () => {
    const { layer } = fresh()
    Result.getOrThrow(await runAt(DECEMBER_FIRST, IndicatorPublications.publish({ cube, source: "kub.json", publishedBy: "anna" }), layer))
    const figures = Result.getOrThrow(await runAt(DECEMBER_FIRST, IndicatorPublications.forRegion(uppsala), layer))!
    expect(figures.year).toBe(2024)
    expect(figures.publication.version).toBe(1)
    const row = figures.figures.find((f) => f.indicator.id === patients.id)
    // Both sexes, all ages, 2024: Uppsala län's six, and Riket's six are the same women.
    expect(row).toMatchObject({ region: 6, riket: 6 })
    expect(figures.figures.every((f) => f.indicator.kind === "register")).toBe(true)
    expect(Result.getOrThrow(await runAt(DECEMBER_FIRST, IndicatorPublications.forRegion(uppsala)))).toBeUndefined()
  })

  it("Senast uppdaterad names the latest publication", async () => {
    const { layer } = fresh()
    Result.getOrThrow(await runAt(DECEMBER_FIRST, IndicatorPublications.publish({ cube, source: "kub.json", publishedBy: "anna" }), layer))
    const freshness = Result.getOrThrow(await runAt(DECEMBER_FIRST, Freshness.latest, layer))
    expect(freshness.latestPublication).toEqual({ version: 1, publishedOn: "2026-12-01", publishedAt: DECEMBER_FIRST })
    expect(freshness.latestEvent).toMatchObject({ seq: 1, type: "publication" })
  })
})
