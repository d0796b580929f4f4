import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { CatalogSource, type Event, EventLog, IndicatorPublications, Populations, Recording } from "@uppdrag/application"
import { CalendarDate, Catalog, type Population } from "@uppdrag/core"
import type { Cube } from "@uppdrag/indicators"
import { Store } from "@uppdrag/store"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import * as TestClock from "effect/testing/TestClock"
import * as Site from "../../src/Site.js"
import * as WebApp from "../../src/WebApp.js"

/** The date every test looks from (issue 4's acceptance date), never today. */
export const asOf: CalendarDate.CalendarDate = CalendarDate.unsafeParse("2026-11-23")

/** Lines the app logged (unexpected failures); tests assert there are none. */
export const logged: Array<string> = []

export const catalog: Catalog.Catalog = Catalog.unsafeLoad()
const sample = { seed: 2026, episodes: 60_000 }

/** The site over the built-in catalog alone (no database), seen from {@link asOf}. */
export const makeSite = (options: Partial<Site.Options> = {}): Site.Site =>
  Result.getOrThrow(Site.make({ catalog, today: () => asOf, log: (line) => logged.push(line), indicatorSample: sample, ...options }))

/** Every page of the web view, region pages and both indicator views included. */
export const allPages: ReadonlyArray<string> = [
  `/?datum=${asOf}`,
  "/uppdrag",
  `/uppdrag/specialiserad-psykiatri-2026?datum=${asOf}`,
  "/uppdrag/underlag-specialiserad-psykiatri-2026",
  "/uppdrag/heldygnsvard-2012",
  "/fordelning",
  "/fordelning/specialiserad-psykiatri-2026",
  "/fordelning/heldygnsvard-stimulansmedel-2012",
  `/regioner?datum=${asOf}`,
  `/regioner/03?datum=${asOf}`,
  `/regioner/09?datum=${asOf}`,
  "/indikatorer",
  "/indikatorer?indikator=lrv-domstol-patienter&ar=2023&kon=K",
  "/moten?fran=2026-04-01&till=2026-06-30",
  `/moten?fran=2026-01-01&till=2026-12-31`,
  "/tillganglighet",
  "/finns-inte"
]

/** The app, for in-process requests (`app.request(path)`). */
export const makeApp = () => WebApp.make(makeSite())

/**
 * Records events the way `uppdrag record` does: the application's
 * `Recording.record` use case, with the published population, on `log`.
 */
export const record = (log: EventLog.Shape, events: ReadonlyArray<Event.NewEvent>): Promise<ReadonlyArray<Event.StoredEvent>> =>
  Effect.runPromise(Recording.record(events).pipe(Effect.provide(Layer.mergeAll(CatalogSource.layerOf(catalog), Populations.layerPublished, Layer.succeed(EventLog.EventLog, log)))))

/** When the stored site's publication was recorded: 2026-11-20 10:00 in Sweden, before {@link asOf}. */
export const publishedAt = "2026-11-20T09:00:00.000Z"

// The sample cube, built once for every test file's sites.
let sampleCube: ReturnType<typeof Site.sampleCube> | undefined

/**
 * Publishes the indicators package's synthetic sample (seed 2026, 60 000
 * episodes) as the next version, the way `uppdrag indicators publish` does,
 * with the clock at {@link publishedAt}: a protected cube the pages can
 * show as published figures, and that the tests know. `changed` makes a
 * later cube from it (a later version must differ from the latest).
 */
export const publishSample = async (log: EventLog.Shape, at: string = publishedAt, changed?: (cube: Cube.Cube) => Cube.Cube): Promise<IndicatorPublications.Summary> => {
  sampleCube ??= Site.sampleCube(sample)
  const built = Result.getOrThrow(await sampleCube)
  const cube = changed === undefined ? built : changed(built)
  return Effect.runPromise(
    Effect.andThen(TestClock.setTime(Date.parse(at)), IndicatorPublications.publish({ cube, source: "kub.json", publishedBy: "test" })).pipe(
      Effect.provide(TestClock.layer()),
      Effect.provide(Layer.mergeAll(CatalogSource.layerOf(catalog), Populations.layerPublished, Layer.succeed(EventLog.EventLog, log)))
    )
  )
}

/** How many events the stored site holds: {@link seedEvents} and the publication. */
export const storedEvents = (): number => seedEvents.length + 1

/**
 * The events of the stored site: seed 003's requisition by Uppsala (03) of
 * its whole 58 203 923 kr on 2026-04-15, the interim report of 2026-03-30
 * handed in on 2026-03-27, the regions' reporting date set by
 * Socialstyrelsen on 2026-11-20 to 2027-02-26, and a meeting with IVO and
 * Polismyndigheten on 2026-09-10 with an action item due 2026-12-04 (issue 11),
 * the 2012 agreement's final report handed in on 2013-06-01 (so it has ended), and
 * Uppsala's agreement of 2026-06-15 and dialogue meeting of 2026-05-05 (issue 12).
 */
export const seedEvents: ReadonlyArray<Event.NewEvent> = [
  { type: "requisition", grant: "specialiserad-psykiatri-2026", region: "03", amount: 58_203_923, date: "2026-04-15", recordedBy: "test", note: "Rekvisition" },
  { type: "report", assignment: "specialiserad-psykiatri-2026", obligation: "delredovisning-2026-03-30", date: "2026-03-27", recordedBy: "test", note: "Inlämnad" },
  {
    type: "due-date",
    assignment: "specialiserad-psykiatri-2026",
    obligation: "regionernas-redovisning-2026",
    date: "2026-11-20",
    recordedBy: "test",
    note: "Socialstyrelsens anvisningar",
    payload: { due: "2027-02-26" }
  },
  {
    type: "meeting",
    assignment: "specialiserad-psykiatri-2026",
    date: "2026-09-10",
    recordedBy: "test",
    note: "Möte",
    payload: {
      kind: "mote",
      id: "samrad-2026-09-10",
      title: "Samråd om vårdkapacitet",
      date: "2026-09-10",
      assignment: "specialiserad-psykiatri-2026",
      participants: ["ivo", "polismyndigheten"],
      actionItems: [{ title: "Skicka underlag om vårdplatser till IVO", owner: "Socialstyrelsen", due: "2026-12-04", recipient: "IVO" }]
    }
  },
  // Seed 002: the 2012 agreement's final report, "senast den 1 juni 2013", handed in: the agreement has ended (issue 12).
  { type: "report", assignment: "heldygnsvard-2012", obligation: "slutredovisning-2013-06-01", date: "2013-06-01", recordedBy: "test", note: "Slutredovisning av projektet" },
  // Uppsala län's (03) agreement with Socialstyrelsen, signed 2026-06-15, and a dialogue meeting on 2026-05-05 (issue 12's region page).
  {
    type: "meeting",
    grant: "specialiserad-psykiatri-2026",
    region: "03",
    date: "2026-06-15",
    recordedBy: "test",
    note: "Överenskommelse",
    payload: {
      kind: "overenskommelse",
      id: "overenskommelse-2026-uppsala",
      grant: "specialiserad-psykiatri-2026",
      region: "03",
      signed: "2026-06-15",
      activities: [{ title: "Fler vårdplatser i vuxenpsykiatrin", component: "vardkapacitet" }],
      expectedResults: ["10 nya vårdplatser"],
      expectedEffects: ["Kortare väntan på inläggning"],
      followUpMeasures: [{ title: "Vårdplatser per 100 000 invånare", indicator: "vardplatser" }],
      followUps: [{ year: 2026, date: "2026-11-15", summary: "6 av 10 platser öppnade" }]
    }
  },
  {
    type: "meeting",
    assignment: "specialiserad-psykiatri-2026",
    region: "03",
    date: "2026-05-05",
    recordedBy: "test",
    note: "Dialogmöte",
    payload: {
      kind: "mote",
      id: "dialog-uppsala-2026-05-05",
      title: "Dialog med Region Uppsala om vårdkapaciteten",
      date: "2026-05-05",
      assignment: "specialiserad-psykiatri-2026",
      region: "03",
      participants: ["socialstyrelsen"],
      actionItems: []
    }
  }
] as unknown as ReadonlyArray<Event.NewEvent>

/**
 * The site over a real SQLite event log in a temporary folder holding
 * {@link seedEvents} and then the sample published as version 1 at
 * {@link publishedAt} (unless `publish: false`), as `uppdrag serve` opens
 * it: read-only (a second connection; `store` is the writer tests append
 * through). `demo: true` is `uppdrag serve --demo`.
 */
export const makeStoredSite = async (
  options: { readonly population?: Population.Population; readonly populationFile?: string; readonly publish?: boolean; readonly demo?: boolean } = {}
): Promise<{ site: Site.Site; store: Store.Store; close: () => Promise<void> }> => {
  const folder = mkdtempSync(join(tmpdir(), "uppdrag-web-"))
  const location: Store.Location = { kind: "sqlite", path: join(folder, "uppdrag.db") }
  const opened = await Store.open(location)
  if (Result.isFailure(opened)) throw new Error(opened.failure.message)
  const store = opened.success
  await record(store, seedEvents)
  if (options.publish !== false) await publishSample(store)
  const reader = await Store.open(location, { readOnly: true })
  if (Result.isFailure(reader)) throw new Error(reader.failure.message)
  const { publish: _publish, ...siteOptions } = options
  const site = makeSite({ eventLog: reader.success, ...siteOptions })
  return {
    site,
    store,
    close: async () => {
      site.stop()
      await reader.success.close()
      await store.close()
      rmSync(folder, { recursive: true, force: true })
    }
  }
}

/**
 * Strips the attributes `StackedTables.label` adds (`data-label`, `data-columns`), so
 * assertions on a table's markup read the page's own cells.
 */
export const withoutTableLabels = (html: string): string => html.replaceAll(/ data-label="[^"]*"/g, "").replaceAll(/ data-columns="\d+"/g, "")

/** The app with its HTML read back {@link withoutTableLabels}, for in-process requests in tests. */
export const plainTables = (app: { request: (path: string) => Response | Promise<Response> }) => ({
  request: async (path: string): Promise<Response> => {
    const response = await app.request(path)
    if (!(response.headers.get("content-type") ?? "").startsWith("text/html")) return response
    return new Response(withoutTableLabels(await response.text()), { status: response.status, headers: response.headers })
  }
})
