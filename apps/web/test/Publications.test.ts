import { IndicatorPublications } from "@uppdrag/application"
import { Comparison, Indicator } from "@uppdrag/indicators"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { afterAll, describe, expect, it } from "vitest"
import { EventLog } from "@uppdrag/application"
import { formatValue } from "../src/pages/IndicatorsPage.js"
import * as WebApp from "../src/WebApp.js"
import { allPages, asOf, logged, makeSite, makeStoredSite, plainTables, publishSample } from "./support/TestSite.js"

/** Every page, and Indikatorer's older version. */
const pages = [...allPages, "/indikatorer?version=1"]

const perRegion = Indicator.find("lpt-sluten-per100k")!
const latestOf = (log: EventLog.Shape) => Effect.runPromise(IndicatorPublications.latest.pipe(Effect.provide(Layer.succeed(EventLog.EventLog, log))))

describe("published indicators (issue 12)", async () => {
  const stored = await makeStoredSite()
  const app = plainTables(WebApp.make(stored.site, { pageCache: 0 }))
  afterAll(() => stored.close())
  const published = (await latestOf(stored.store))!

  it("/indikatorer shows the latest publication: its version and date, and its figures", async () => {
    const response = await app.request("/indikatorer")
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Publicerad version 1, <time class="date" datetime="2026-11-20">2026-11-20</time> (den senaste).')
    const year = published.cube.years.to
    const riket = Comparison.value(published.cube, perRegion, { year, region: "00", sex: "T", ageGroup: "alla" })
    expect(riket).not.toBeNull()
    expect(html).toContain(`Riket: ${formatValue(perRegion, riket)}.`)
    expect(html).toContain(`<h2 id="regioner">Per region ${year}</h2>`)
  })

  it.each(pages)("%s does not mention synthetic data without --demo", async (path) => {
    const html = await (await app.request(path)).text()
    expect(html).not.toMatch(/syntet/i)
    expect(html).not.toContain("Demoläge")
  })

  it("the region page shows the published indicators for Uppsala län beside Riket", async () => {
    const html = await (await app.request(`/regioner/03?datum=${asOf}`)).text()
    const year = published.cube.years.to
    expect(html).toContain(`<caption>Indikatorer ${year} för Uppsala län och riket, publicerad version 1 (2026-11-20)</caption>`)
    const at = (region: string) => formatValue(perRegion, Comparison.value(published.cube, perRegion, { year, region, sex: "T", ageGroup: "alla" }))
    expect(html).toContain(`<th scope="row"><a href="/indikatorer?indikator=${perRegion.id}">${perRegion.title}</a></th><td class="num">${at("03")}</td><td class="num">${at("00")}</td>`)
  })

  it("a year outside the publication's years, or a malformed version, is a Swedish 400", async () => {
    const outside = await app.request("/indikatorer?ar=1999")
    expect(outside.status).toBe(400)
    expect(await outside.text()).toContain(`ar: året ska vara ${published.cube.years.from}–${published.cube.years.to}`)
    const malformed = await app.request("/indikatorer?version=senaste")
    expect(malformed.status).toBe(400)
    expect(await malformed.text()).toContain("version: versionen skrivs som ett heltal från 1")
  })

  it("after a second publication the latest is version 2, version 1 on request, and an unknown version is a Swedish 404", async () => {
    // Riket's first count one higher: still protected, and different from version 1.
    await publishSample(stored.store, "2026-11-22T09:00:00.000Z", (cube) => {
      const patients = Int32Array.from(cube.patients)
      patients[patients.findIndex((n) => n >= 5)]! += 1
      return { ...cube, patients }
    })
    // A site of its own: the first one keeps its data version for a moment (Site.versionTtlMs).
    const again = plainTables(WebApp.make(makeSite({ eventLog: stored.store }), { pageCache: 0 }))
    const latest = await (await again.request("/indikatorer")).text()
    expect(latest).toContain('Publicerad version 2, <time class="date" datetime="2026-11-22">2026-11-22</time> (den senaste).')
    expect(latest).toContain('<a href="/indikatorer?version=1">Version 1 (2026-11-20)</a>')
    const older = await (await again.request("/indikatorer?version=1&indikator=lrv-domstol-patienter")).text()
    expect(older).toContain("Publicerad version 1, ")
    expect(older).toContain("(en äldre version; den senaste är version 2).")
    expect(older).toContain('<input type="hidden" name="version" value="1"/>')
    expect(older).toContain('href="/indikatorer/kub.csv?version=1"')
    const unknown = await again.request("/indikatorer?version=9")
    expect(unknown.status).toBe(404)
    expect(await unknown.text()).toContain("Version 9 finns inte; publicerade versioner: 1, 2.")
    const download = await again.request("/indikatorer/kub.csv?version=1")
    expect(download.status).toBe(200)
    expect(download.headers.get("content-disposition")).toContain("kub-version-1-maskinlasbar.csv")
  })

  it("logged nothing", () => {
    expect(logged).toEqual([])
  })
})

describe("nothing published yet", async () => {
  const stored = await makeStoredSite({ publish: false })
  const app = plainTables(WebApp.make(stored.site, { pageCache: 0 }))
  afterAll(() => stored.close())

  it("/indikatorer says plainly that nothing is published yet, and so does the region page", async () => {
    const response = await app.request("/indikatorer")
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<p class="lead">Inga indikatorer är publicerade ännu.</p>')
    expect(html).not.toMatch(/syntet/i)
    expect(await (await app.request("/regioner/03")).text()).toContain('<h2 id="indikatorer">Indikatorer</h2><p>Inga indikatorer är publicerade ännu.</p>')
  })

  it.each(["/indikatorer/kub.csv", "/indikatorer/kub.excel.csv", "/indikatorer/regioner.csv", "/indikatorer/regioner.xlsx"])("%s is a Swedish 404", async (path) => {
    const response = await app.request(path)
    expect(response.status).toBe(404)
    expect(await response.text()).toContain("Inga indikatorer är publicerade ännu")
  })

  it("?version=1 is a Swedish 404 saying nothing is published", async () => {
    const response = await app.request("/indikatorer?version=1")
    expect(response.status).toBe(404)
    expect(await response.text()).toContain("Version 1 finns inte: inga indikatorer är publicerade ännu.")
  })
})

describe("uppdrag serve --demo", async () => {
  const stored = await makeStoredSite({ demo: true })
  const app = plainTables(WebApp.make(stored.site, { pageCache: 0 }))
  afterAll(() => stored.close())

  it.each(pages)("%s carries the banner saying the figures are synthetic", async (path) => {
    const html = await (await app.request(path)).text()
    expect(html).toContain('<div class="demo-banner" role="note"><p><strong>Demoläge:</strong> indikatorerna är syntetiska exempeldata')
  })

  it("Indikatorer shows the synthetic sample, labelled, and has no versions to choose", async () => {
    const html = await (await app.request("/indikatorer")).text()
    expect(html).toContain("<strong>Syntetiska exempeldata.</strong> SYNTETISKA DATA")
    expect(html).not.toContain("Publicerad version")
    const versioned = await app.request("/indikatorer?version=1")
    expect(versioned.status).toBe(404)
    expect((await app.request("/indikatorer/kub.csv")).headers.get("content-disposition")).toContain("syntetisk-kub-maskinlasbar.csv")
    expect(await (await app.request("/regioner/03")).text()).toContain("för Uppsala län och riket, syntetiska exempeldata</caption>")
  })
})
