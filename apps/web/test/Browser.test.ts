import { execFileSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { parse as parseCsv } from "csv-parse/sync"
import ICAL from "ical.js"
import readSheet from "read-excel-file/node"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import * as WebServer from "../src/WebServer.js"
import { axe, launch, resultsDirectory } from "./support/Browser.js"
import * as WebApp from "../src/WebApp.js"
import { asOf, logged, makeStoredSite, publishSample } from "./support/TestSite.js"

let server: WebServer.Running
let closeStore: () => Promise<void>
/** The other sites of the page list: `demo:` paths are `uppdrag serve --demo`, `opublicerad:` a log with nothing published. */
const otherSites = new Map<string, { server: WebServer.Running; close: () => Promise<void> }>()
const urlOf = (path: string): string => {
  const other = /^(demo|opublicerad):(.*)$/.exec(path)
  return other === null ? `${server.url}${path}` : `${otherSites.get(other[1]!)!.server.url}${other[2]}`
}
let browser: Browser
/** JavaScript is on only so axe-core can run; the pages have no script and the CSP forbids any. */
let context: BrowserContext
/** A browser with JavaScript off: forms and links must work there too. */
let noScript: BrowserContext
const cspViolations: Array<string> = []
const timings: Array<string> = []

beforeAll(async () => {
  const stored = await makeStoredSite()
  closeStore = stored.close
  // A second publication, so Indikatorer links to version 1 and ?version=1 is an older one.
  await publishSample(stored.store, "2026-11-22T09:00:00.000Z", (cube) => {
    const patients = Int32Array.from(cube.patients)
    patients[patients.findIndex((n) => n >= 5)]! += 1
    return { ...cube, patients }
  })
  server = await WebServer.listen(WebApp.make(stored.site), { port: 0, host: "127.0.0.1" })
  for (const [name, options] of [["demo", { demo: true, publish: false }], ["opublicerad", { publish: false }]] as const) {
    const other = await makeStoredSite(options)
    otherSites.set(name, { server: await WebServer.listen(WebApp.make(other.site), { port: 0, host: "127.0.0.1" }), close: other.close })
  }
  browser = await launch()
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "sv-SE", acceptDownloads: true })
  noScript = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "sv-SE", acceptDownloads: true, javaScriptEnabled: false })
})

afterAll(async () => {
  await context?.close()
  await noScript?.close()
  console.log(timings.join("\n"))
  console.log(widths.join("\n"))
  await browser?.close()
  await server?.close()
  await closeStore?.()
  for (const other of otherSites.values()) {
    await other.server.close()
    await other.close()
  }
})

/** Opens a page, records CSP reports from the console, and checks the status. */
const open = async (path: string, within: BrowserContext = context): Promise<Page> => {
  const page = await within.newPage()
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) cspViolations.push(`${path}: ${message.text()}`)
  })
  const response = await page.goto(urlOf(path))
  expect(response?.status(), path).toBe(200)
  return page
}

const pages = [
  { name: "oversikt", path: `/?datum=${asOf}`, h1: "Översikt" },
  { name: "uppdrag", path: "/uppdrag", h1: "Uppdrag" },
  { name: "uppdrag-2026", path: `/uppdrag/specialiserad-psykiatri-2026?datum=${asOf}`, h1: "Uppdrag till Socialstyrelsen att genomföra nationella utvecklingsinsatser" },
  { name: "uppdrag-underlag-2026", path: "/uppdrag/underlag-specialiserad-psykiatri-2026", h1: "Stärka den specialiserade psykiatriska vården för vuxna" },
  { name: "fordelning", path: "/fordelning", h1: "Fördelning" },
  { name: "fordelning-2026", path: "/fordelning/specialiserad-psykiatri-2026", h1: "Fördelning av statsbidrag 2026" },
  { name: "fordelning-2012", path: "/fordelning/heldygnsvard-stimulansmedel-2012", h1: "Fördelning av statsbidrag 2012" },
  { name: "regioner", path: `/regioner?datum=${asOf}`, h1: "Regioner" },
  { name: "region-03", path: `/regioner/03?datum=${asOf}`, h1: "Uppsala län" },
  { name: "region-09", path: `/regioner/09?datum=${asOf}`, h1: "Gotlands län" },
  { name: "indikatorer", path: "/indikatorer", h1: "Indikatorer" },
  { name: "indikatorer-skyddade", path: "/indikatorer?indikator=lrv-domstol-patienter&ar=2023&kon=K", h1: "Indikatorer" },
  { name: "indikatorer-version-1", path: "/indikatorer?version=1", h1: "Indikatorer" },
  { name: "indikatorer-opublicerade", path: "opublicerad:/indikatorer", h1: "Indikatorer" },
  { name: "region-03-opublicerad", path: "opublicerad:/regioner/03", h1: "Uppsala län" },
  { name: "demo-oversikt", path: `demo:/?datum=${asOf}`, h1: "Översikt" },
  { name: "demo-indikatorer", path: "demo:/indikatorer", h1: "Indikatorer" },
  { name: "demo-region-03", path: `demo:/regioner/03?datum=${asOf}`, h1: "Uppsala län" },
  { name: "moten", path: "/moten?fran=2026-04-01&till=2026-06-30", h1: "Möten" },
  { name: "tillganglighet", path: "/tillganglighet", h1: "Tillgänglighetsredogörelse" }
]

describe.concurrent("every page in Chromium", () => {
  it.each(pages)("$name loads, has one h1, landmarks, passes axe, and is saved as a screenshot", async ({ name, path, h1 }) => {
    const page = await open(path)
    expect(await page.locator("h1").count()).toBe(1)
    expect(await page.locator("h1").textContent()).toContain(h1)
    expect(await page.locator("html").getAttribute("lang")).toBe("sv")
    for (const landmark of ["header", "nav", "main", "footer"]) expect(await page.locator(landmark).count(), landmark).toBeGreaterThan(0)
    // The external stylesheet was applied (CSP allows 'self').
    expect(await page.locator(".site").evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(11, 79, 138)")
    // Every table has a caption and header cells.
    for (const table of await page.locator("table").all()) {
      expect(await table.locator("caption").count()).toBe(1)
      expect(await table.locator("th[scope]").count()).toBeGreaterThan(0)
    }
    await page.screenshot({ path: join(resultsDirectory, `${name}.png`), fullPage: true })
    const started = performance.now()
    // Zero violations of any impact, not only the serious ones.
    expect(await axe(page)).toEqual([])
    timings.push(`${name}: axe ${Math.round(performance.now() - started)} ms`)
    // 200 % zoom: half the width reflows without horizontal page scrolling.
    await page.setViewportSize({ width: 640, height: 900 })
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true)
    await page.close()
  })

  it("the skip link is the first stop and visible when focused", async () => {
    const page = await open("/")
    await page.keyboard.press("Tab")
    const focused = page.locator(":focus")
    expect(await focused.textContent()).toBe("Hoppa till innehållet")
    expect(await focused.evaluate((el) => el.getBoundingClientRect().left >= 0)).toBe(true)
    expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("solid")
    await page.keyboard.press("Enter")
    expect(page.url()).toContain("#innehall")
    await page.close()
  })
})

/** The widths measured at each size, printed after the run. */
const widths: Array<string> = []
const sizes = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 }
]

describe.concurrent("layout that holds (issue 12)", () => {
  it.each(pages)("$name: at 1366×768, 1024×768 and 390×844 no table is wider than its container, the page does not overflow, and no date breaks", async ({ name, path }) => {
    const page = await open(path)
    for (const size of sizes) {
      await page.setViewportSize(size)
      const measured = await page.evaluate(() => {
        const lines = (el: Element) => {
          const range = document.createRange()
          range.selectNodeContents(el)
          return new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top))).size
        }
        return {
          page: { scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth },
          tables: Array.from(document.querySelectorAll("table")).map((t) => ({
            caption: t.querySelector("caption")?.textContent ?? "",
            scroll: t.scrollWidth,
            container: t.parentElement?.clientWidth ?? 0
          })),
          brokenDates: Array.from(document.querySelectorAll(".date, time")).filter((el) => lines(el) > 1).map((el) => el.textContent ?? "")
        }
      })
      const widest = Math.max(0, ...measured.tables.map((t) => t.scroll - t.container))
      widths.push(`${name} ${size.width}: sida ${measured.page.scroll}/${measured.page.client} px, ${measured.tables.length} tabeller, största överskott ${widest} px`)
      expect(measured.tables.filter((t) => t.scroll > t.container), `${path} at ${size.width}px`).toEqual([])
      expect(measured.page.scroll, `${path} at ${size.width}px`).toBeLessThanOrEqual(measured.page.client)
      expect(measured.brokenDates, `${path} at ${size.width}px`).toEqual([])
    }
    await page.close()
  })

  it.each(pages)("$name printed on A4 has every column header of every table, the sender, the page title and the data date", async ({ name, path }) => {
    const page = await open(path)
    await page.emulateMedia({ media: "print" })
    const expected = await page.evaluate(() => ({
      headers: Array.from(document.querySelectorAll("table thead th")).map((th) => th.textContent ?? ""),
      title: document.querySelector("h1")?.textContent ?? "",
      updated: document.querySelector(".updated")?.textContent ?? ""
    }))
    const file = join(resultsDirectory, `${name}.pdf`)
    await page.pdf({ path: file, format: "A4", preferCSSPageSize: true })
    await page.close()
    const text = execFileSync("/usr/bin/pdftotext", ["-raw", "-enc", "UTF-8", file, "-"], { encoding: "utf8" })
    // Words may wrap anywhere in a narrow column: compare without white space.
    const squeezed = (value: string) => value.replace(/[\s\u00ad]+/g, "")
    const printed = squeezed(text)
    const missing = expected.headers.filter((h) => !printed.includes(squeezed(h)))
    expect(missing, `${path}: column headers missing from the PDF`).toEqual([])
    expect(printed).toContain(squeezed("Socialstyrelsen – regeringsuppdrag och statsbidrag inom psykiatrin"))
    expect(printed).toContain(squeezed(expected.title))
    expect(printed).toContain(squeezed(expected.updated))
    expect(expected.updated).toContain("Senast uppdaterad")
  })
})

describe("key figures", () => {
  it("Översikt 2026-11-23: seed 000's interim report due 2026-11-30 is 'Snart' with 7 days left; seed 003's report due 2027-05-30 falls on a Sunday, next working day 2027-05-31", async () => {
    const page = await open(`/?datum=${asOf}`)
    const interim = page.locator("tr", { hasText: "2026-11-30" }).filter({ hasText: "S2024/01004" })
    expect(await interim.locator("td").first().textContent()).toBe("7\u00a0dagar")
    expect(await interim.locator(".status").textContent()).toBe("Snart")
    const row = page.locator("tr", { hasText: "2027-05-30" }).first()
    expect(await row.textContent()).toContain("söndag – närmast följande vardag 2027-05-31")
    expect(await page.locator("#statsbidrag").count()).toBe(1)
    expect(await page.textContent("main")).toContain("1\u00a0490\u00a0000\u00a0000\u00a0kr")
    await page.close()
  })

  it("Uppdrag: seed 003's funds per year, 1 500 000 000 kr for 2026 of which 1 490 000 000 kr to the regions", async () => {
    const page = await open(`/uppdrag/specialiserad-psykiatri-2026?datum=${asOf}`)
    const row = page.locator("#medel ~ .table-wrap tbody tr").first()
    const text = await row.textContent()
    expect(text).toContain("1\u00a0500\u00a0000\u00a0000\u00a0kr")
    expect(text).toContain("1\u00a0490\u00a0000\u00a0000\u00a0kr")
    expect(await page.locator("#medel ~ .table-wrap tbody tr").nth(2).textContent()).toContain("1\u00a0200\u00a0000\u00a0000\u00a0kr")
    // Coverage from the recorded meeting of 2026-09-10: IVO and Polismyndigheten consulted, the rest not yet.
    const coverage = page.locator("table", { has: page.locator("caption", { hasText: "Samråd per 2026-11-23" }) })
    expect(await coverage.locator("caption").textContent()).toContain("2 av 17 parter")
    expect(await coverage.locator("tr", { hasText: "Inspektionen för vård och omsorg" }).locator("td").allTextContents()).toEqual(["Ja", "2026-09-10"])
    expect(await coverage.locator("tr", { hasText: "Trafikverket" }).locator("td").allTextContents()).toEqual(["Inte ännu", "–"])
    // The interim report recorded as handed in on 2026-03-27 is no longer overdue.
    expect(await page.locator("tr", { hasText: "2026-03-30" }).locator(".status").textContent()).toBe("Inlämnad")
    // The regions' reporting, whose date Socialstyrelsen set on 2026-11-20, is dated.
    expect(await page.locator("tr", { hasText: "Regionernas redovisning av medel" }).textContent()).toContain("2027-02-26")
    expect(await page.locator("tr", { hasText: "Regionernas redovisning av medel" }).locator(".status").textContent()).toBe("Kommande")
    await page.close()
  })
})

describe("Uppdrag: seed 001, Socialstyrelsen's presentation, as an underlag of the 2026 decision", () => {
  it("the list names it Underlag; its page links to S2025/01528 and lists the funds' purposes; the decision's page links back", async () => {
    const list = await open("/uppdrag")
    expect(await list.locator("tr", { hasText: "underlag-specialiserad-psykiatri-2026" }).locator("td").allTextContents()).toEqual([
      "2026",
      "Stärka den specialiserade psykiatriska vården för vuxna med särskilt fokus på ökad vårdkapacitet",
      "Underlag",
      "–"
    ])
    await list.close()
    const page = await open("/uppdrag/underlag-specialiserad-psykiatri-2026")
    expect(await page.locator("p.muted").first().textContent()).toBe("Underlag från Socialstyrelsen om S2025/01528")
    expect(await page.locator("dd a").first().getAttribute("href")).toBe("/uppdrag/specialiserad-psykiatri-2026")
    expect(await page.locator("#krav + ul li").first().textContent()).toContain("1 490 000 000 kronor till regionerna efter rekvisition")
    expect(await page.textContent("main")).toContain("Underlaget har inga egna tidsfrister eller medel.")
    await page.close()
    const decision = await open(`/uppdrag/specialiserad-psykiatri-2026?datum=${asOf}`)
    expect(await decision.locator("#underlag + ul a").getAttribute("href")).toBe("/uppdrag/underlag-specialiserad-psykiatri-2026")
    await decision.close()
  })
})

describe("Fördelning: seed 003, Bilaga", () => {
  it("the table shows Stockholms län 347 393 632 kr and Gotlands län 8 670 310 kr, summing to 1 490 000 000 kr", async () => {
    const page = await open("/fordelning/specialiserad-psykiatri-2026")
    const table = page.locator("table", { has: page.locator("caption", { hasText: "Fördelning per region och komponent" }) })
    expect(await table.locator("tbody tr").count()).toBe(21)
    expect(await table.locator("tbody tr", { hasText: "Stockholms län" }).locator("td").last().textContent()).toBe("347\u00a0393\u00a0632\u00a0kr")
    expect(await table.locator("tbody tr", { hasText: "Gotlands län" }).locator("td").last().textContent()).toBe("8\u00a0670\u00a0310\u00a0kr")
    expect(await table.locator("tfoot td").last().textContent()).toBe("1\u00a0490\u00a0000\u00a0000\u00a0kr")
    // The chart: one stacked bar per region and component, with its text alternative.
    const chart = page.locator("figure.chart svg[role=img]")
    expect(await chart.locator("rect.bar").count()).toBe(63)
    expect(await chart.locator("desc").textContent()).toContain("Störst belopp får Stockholms län med 347\u00a0393\u00a0632\u00a0kr")
    // The ledger: Uppsala's requisition of 58 203 923 kr on 2026-04-15 (the accepted example).
    const ledger = page.locator("table", { has: page.locator("caption", { hasText: "Liggare för statsbidrag 2026" }) })
    const uppsala = await ledger.locator("tr", { hasText: "Uppsala län" }).locator("td").allTextContents()
    expect(uppsala.slice(0, 2)).toEqual(["58\u00a0203\u00a0923\u00a0kr", "58\u00a0203\u00a0923\u00a0kr"])
    expect(await ledger.locator("tfoot td").nth(1).textContent()).toBe("58\u00a0203\u00a0923\u00a0kr")
    // Plain rounding would overshoot the self-admission component by 2 kr.
    expect(await page.textContent("main")).toContain("200\u00a0000\u00a0002\u00a0kr")
    await page.close()
  })

  it("the explanation form works with JavaScript off (plain GET) and explains Gotland's amounts component by component", async () => {
    const page = await open("/fordelning/specialiserad-psykiatri-2026", noScript)
    await page.selectOption("select#region", "09")
    await Promise.all([page.waitForURL(/region=09/), page.click("text=Visa förklaring")])
    const table = page.locator("table", { has: page.locator("caption", { hasText: "Så räknades beloppet för Gotlands län" }) })
    expect(await table.locator("tbody tr").count()).toBe(3)
    expect(await table.locator("tfoot td").last().textContent()).toBe("8\u00a0670\u00a0310\u00a0kr")
    await page.close()
  })

  it("the CSV download is the published appendix table (shared/data) to the krona", async () => {
    const page = await open("/fordelning/specialiserad-psykiatri-2026")
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("text=Ladda ner fördelningen (CSV för maskinläsning)")])
    const file = join(resultsDirectory, download.suggestedFilename())
    await download.saveAs(file)
    const published = readFileSync(join(import.meta.dirname, "../../../../shared/data/allocation-2026-specialiserad-psykiatri.csv"), "utf8")
    expect(readFileSync(file, "utf8").replace(/^\uFEFF/, "").replaceAll("\r\n", "\n")).toBe(published.replaceAll("\r\n", "\n"))
    await page.close()
  })

  it.each([
    ["/fordelning/specialiserad-psykiatri-2026?region=99", "region: okänd regionkod \"99\""],
    ["/fordelning/specialiserad-psykiatri-2026?region=00", "region: okänd regionkod \"00\""],
    ["/fordelning/specialiserad-psykiatri-2026?region=", "region: okänd regionkod \"\""]
  ])("%s is refused with 400", async (path, message) => {
    const response = await fetch(`${server.url}${path}`)
    expect(response.status).toBe(400)
    expect(await response.text()).toContain(message.replaceAll('"', "&quot;"))
  })
})

describe("Indikatorer: published and protected; the synthetic sample only in demo mode", () => {
  it("names the publication, and shows protected cells as 'skyddat', never a count from 1 to 4", async () => {
    const page = await open("/indikatorer?indikator=lrv-domstol-patienter&ar=2023&kon=K")
    expect(await page.locator("main").textContent()).toContain("Publicerad version 2, 2026-11-22 (den senaste).")
    expect(await page.locator("body").textContent()).not.toMatch(/syntet/i)
    const table = page.locator("table", { has: page.locator("caption", { hasText: "per region" }) })
    expect(await table.locator("tbody tr").count()).toBe(22)
    const values = await table.locator("tbody tr td:nth-child(2)").allTextContents()
    expect(values.filter((v) => v === "skyddat").length).toBeGreaterThan(0)
    for (const value of values.filter((v) => v !== "skyddat")) {
      const count = Number(value.replaceAll("\u00a0", ""))
      expect(count === 0 || count >= 5, value).toBe(true)
    }
    // The chart marks the same cells as protected.
    expect(await page.locator("#regiondiagram-titel").count()).toBe(1)
    expect(await page.locator("figure.chart svg text", { hasText: "skyddat" }).count()).toBe(values.filter((v) => v === "skyddat").length)
    await page.close()
  })

  it("in demo mode every page has the banner, and Indikatorer labels the sample as synthetic", async () => {
    const page = await open("demo:/indikatorer")
    expect(await page.locator("header .demo-banner").textContent()).toContain("Demoläge: indikatorerna är syntetiska exempeldata")
    expect(await page.locator(".notice").textContent()).toContain("SYNTETISKA DATA")
    await page.close()
  })

  it.each([
    ["/indikatorer?version=x", "version: versionen skrivs som ett heltal från 1"],
    ["/indikatorer?indikator=finns-inte", "indikator: måste vara ett av"],
    ["/indikatorer?ar=1999", "ar: året ska vara 2011–2024"],
    ["/indikatorer?ar=tjugo", "ar: året skrivs med fyra siffror"],
    ["/indikatorer?kon=X", "kon: måste vara ett av"],
    ["/moten?fran=2026-05-01&till=2026-04-01", "till: till och med 2026-04-01 är före från och med 2026-05-01"],
    ["/moten?fran=2026-01-01&till=2036-01-01", "till: visa högst tre år åt gången"]
  ])("%s is refused with 400", async (path, message) => {
    const response = await fetch(`${server.url}${path}`)
    expect(response.status).toBe(400)
    expect(await response.text()).toContain(message)
  })
})

describe("Möten: seed 001's series", () => {
  it("lists the themed meeting of 2026-04-14 and 2026-05-12 with their themes", async () => {
    const page = await open("/moten?fran=2026-04-01&till=2026-06-30")
    for (const date of ["2026-04-14", "2026-05-12"]) {
      const row = page.locator("tbody tr", { hasText: date }).filter({ hasText: "Digitala möten" })
      expect(await row.locator("td").nth(2).textContent()).not.toBe("–")
    }
    expect(await page.textContent("main")).toContain("Psykiatrisk tvångsvård i fokus")
    await page.close()
  })

  it("shows the recorded consultation of 2026-09-10, the consultation per assignment and Uppsala's agreement; on a phone each cell is labelled", async () => {
    const page = await open("/moten?fran=2026-04-01&till=2026-06-30")
    const meetings = page.locator("table", { has: page.locator("caption", { hasText: "Registrerade möten" }) })
    expect(await meetings.locator("tbody tr", { hasText: "2026-09-10" }).textContent()).toContain("Polismyndigheten")
    const consultation = page.locator("table", { has: page.locator("caption", { hasText: "Samråd per uppdrag" }) })
    expect(await consultation.locator("tbody tr", { hasText: "S2025/01528" }).locator("td").first().textContent()).toBe("2")
    const agreements = page.locator("table", { has: page.locator("caption", { hasText: "Överenskommelser och uppföljning" }) })
    expect(await agreements.locator("tbody tr").count()).toBe(21)
    const uppsala = agreements.locator("tbody tr", { hasText: "Uppsala län" })
    expect(await uppsala.locator("td").first().textContent()).toBe("overenskommelse-2026-uppsala (2026-06-15)")
    await page.setViewportSize({ width: 390, height: 844 })
    expect(await uppsala.locator("td").first().evaluate((td) => getComputedStyle(td, "::before").content)).toBe('"Överenskommelse: "')
    await page.close()
  })

  it("the series calendar downloads and parses, with the Stockholm time zone", async () => {
    const page = await open("/moten")
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("text=Ladda ner mötena (kalender med alla serier, ics)")])
    const file = join(resultsDirectory, download.suggestedFilename())
    await download.saveAs(file)
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")))
    expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Europe/Stockholm")
    expect(calendar.getAllSubcomponents("vevent").length).toBeGreaterThan(0)
    await page.close()
  })
})

describe("links and downloads", () => {
  it("every internal link on every page answers 200", async () => {
    const seen = new Set<string>()
    const queue = pages.map((p) => p.path).filter((path) => !path.includes(":/"))
    while (queue.length > 0) {
      const path = queue.shift()!
      if (seen.has(path)) continue
      seen.add(path)
      const response = await fetch(`${server.url}${path}`)
      expect(response.status, path).toBe(200)
      if (!(response.headers.get("content-type") ?? "").startsWith("text/html")) continue
      const html = await response.text()
      for (const match of html.matchAll(/href="(\/[^"#]*)/g)) {
        const href = (match[1] ?? "").replaceAll("&amp;", "&")
        if (!seen.has(href)) queue.push(href)
      }
    }
    expect(seen.size).toBeGreaterThan(10)
  })

  it("the deadlines CSV for Excel downloads from Översikt and parses (semicolons, BOM), with the 2027-05-30 report flagged söndag", async () => {
    const page = await open(`/?datum=${asOf}`)
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("text=Ladda ner tidsfristerna (CSV för Excel)")])
    const file = join(resultsDirectory, download.suggestedFilename())
    await download.saveAs(file)
    expect(download.suggestedFilename()).toBe("tidsfrister-2026-11-23.csv")
    const rows = parseCsv(readFileSync(file), { bom: true, columns: true, delimiter: ";" }) as Array<Record<string, string>>
    // The application's deadline columns, with their Swedish headers and values.
    const report = rows.find((r) => r.Förfaller === "2027-05-30")
    expect(report).toMatchObject({ Uppdrag: "S2025/01528", Typ: "Delredovisning", "Helgdag eller helg": "söndag", "Närmast följande vardag": "2027-05-31", Status: "Kommande", Id: "delredovisning-2027-05-30" })
    // The meeting of 2026-09-10's action item, due 2026-12-04 (issue 11).
    expect(rows.find((r) => r.Förfaller === "2026-12-04")).toMatchObject({ Vad: "Skicka underlag om vårdplatser till IVO", Status: "Snart" })
    await page.close()
  })

  it("the machine CSV stays its own link: the CLI's fields and values", async () => {
    const page = await open(`/?datum=${asOf}`)
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("text=Ladda ner tidsfristerna (CSV för maskinläsning)")])
    const file = join(resultsDirectory, download.suggestedFilename())
    await download.saveAs(file)
    expect(download.suggestedFilename()).toBe("tidsfrister-2026-11-23-maskinlasbar.csv")
    const rows = parseCsv(readFileSync(file), { bom: true, columns: true }) as Array<Record<string, string>>
    expect(rows.find((r) => r.due === "2027-05-30")).toMatchObject({ kind: "delredovisning", status: "kommande", id: "delredovisning-2027-05-30" })
    await page.close()
  })

  it("the allocation spreadsheet downloads and opens with numbers as numbers", async () => {
    const page = await open("/fordelning/specialiserad-psykiatri-2026")
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("text=Ladda ner fördelningen (Excel)")])
    const file = join(resultsDirectory, download.suggestedFilename())
    await download.saveAs(file)
    const [sheet] = await readSheet(file)
    const rows = sheet?.data ?? []
    expect(rows[0]).toEqual(["Kod", "Region", "Medel vårdkapacitet (18+)", "Medel självvald inläggning (18+)", "Medel flexibla övergångar (0-25)", "Totalt per region"])
    expect(rows.find((r) => r[0] === "01")?.[5]).toBe(347_393_632)
    expect(rows.length).toBe(22)
    await page.close()
  })

  it("the deadlines calendar downloads and parses as iCalendar with one all-day event per dated duty", async () => {
    const page = await open(`/?datum=${asOf}`)
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("text=Ladda ner tidsfristerna (kalender, ics)")])
    const file = join(resultsDirectory, download.suggestedFilename())
    await download.saveAs(file)
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")))
    const events = calendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e))
    const report = events.find((e) => e.startDate.toString() === "2027-05-30")
    expect(report?.startDate.isDate).toBe(true)
    expect(report?.uid).toBe("specialiserad-psykiatri-2026/delredovisning-2027-05-30@uppdrag")
    await page.close()
  })
})

describe("nothing went wrong", () => {
  it("no Content-Security-Policy violations were reported", () => {
    expect(cspViolations).toEqual([])
  })

  it("logged no unexpected failures", () => {
    expect(logged).toEqual([])
  })
})
