import { Allocation } from "@uppdrag/allocation"
import { Assignment, CalendarDate, Catalog, Region } from "@uppdrag/core"
import { Calendar, Deadline, Obligation } from "@uppdrag/deadlines"
import { Comparison, type Cube, type Dimension, Publication, Synthetic } from "@uppdrag/indicators"
import { ICalendar, Occurrence } from "@uppdrag/meetings"
import * as Result from "effect/Result"
import { type Context, Hono } from "hono"
import type { JSX } from "hono/jsx/jsx-runtime"
import { z } from "zod"
import * as Attachment from "./downloads/Attachment.js"
import * as Csv from "./downloads/Csv.js"
import * as Xlsx from "./downloads/Xlsx.js"
import { ErrorPage } from "./ErrorPage.js"
import { stylesheetPath } from "./Layout.js"
import { AccessibilityPage } from "./pages/AccessibilityPage.js"
import { AllocationListPage, AllocationPage } from "./pages/AllocationPage.js"
import { AssignmentListPage } from "./pages/AssignmentListPage.js"
import { AssignmentPage, CoverageTable } from "./pages/AssignmentPage.js"
import { LedgerSection, ledgerColumns } from "./pages/LedgerSection.js"
import { MeetingsPage, OccurrenceTable } from "./pages/MeetingsPage.js"
import { Coverage } from "@uppdrag/meetings"
import { IndicatorsPage, type IndicatorsView, registerIndicators } from "./pages/IndicatorsPage.js"
import { OverviewPage } from "./pages/OverviewPage.js"
import * as PageCache from "./PageCache.js"
import * as QueryParameters from "./QueryParameters.js"
import { readOnlyMethods, securityHeaders } from "./Security.js"
import { dataVersion, ledger, recorded, type Site, sampleYears } from "./Site.js"
import * as Stylesheet from "./Stylesheet.js"

export type { Site } from "./Site.js"

const accessibilityReviewed = "2026-11-23"

/** Renders a page with a status code. */
const page = (c: Context, element: JSX.Element, status: 200 | 400 | 404 | 500 = 200): Response | Promise<Response> => {
  c.header("Cache-Control", "no-cache")
  return c.html(`<!doctype html>${element.toString()}`, status)
}

const notFound = (c: Context, lines: ReadonlyArray<string>) => page(c, <ErrorPage status={404} title="Sidan finns inte" lines={lines} />, 404)

/** The query of dated pages: `?datum=ÅÅÅÅ-MM-DD`, today when left out. */
const DatedQuery = z.strictObject({ datum: CalendarDate.schema.optional() })

/** Validates the query, or gives the 400 page with each problem in Swedish. */
const parseQuery = <S extends z.ZodType>(c: Context, schema: S): Result.Result<z.output<S>, Response | Promise<Response>> => {
  const parsed = QueryParameters.parse(new URL(c.req.url), schema)
  if (Result.isSuccess(parsed)) return Result.succeed(parsed.success)
  return Result.fail(page(c, <ErrorPage status={400} title="Felaktig parameter" lines={QueryParameters.describe(parsed.failure)} />, 400))
}

/**
 * Evaluates every duty on a date with the deadlines package (status, days,
 * working days, non-working days), with the submissions and set dates recorded in the store.
 */
const evaluate = async (site: Site, asOf: CalendarDate.CalendarDate): Promise<Array<Deadline.Deadline>> => {
  const { submissions, dueDates } = await recorded(site)
  // The catalog's duties were collected once; only dates set in the log need them collected again.
  const obligations = dueDates.length === 0 ? site.obligations : Result.getOrThrow(Obligation.collect(site.catalog.assignments, { dueDates, asOf }))
  return Result.getOrThrow(Deadline.evaluate(obligations, { asOf, submissions }))
}
const ofAssignment = (deadlines: ReadonlyArray<Deadline.Deadline>, id: string) => deadlines.filter((d) => d.obligation.assignmentId === id)

/** A table offered for download as CSV and as xlsx. */
interface DataTable {
  readonly name: string
  readonly sheet: string
  readonly header: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<Csv.Cell>>
}

const sendTable = async (c: Context, kind: "csv" | "xlsx", table: DataTable): Promise<Response> =>
  kind === "csv"
    ? Attachment.send(c, `${table.name}.csv`, "csv", Csv.render(table.header, table.rows))
    : Attachment.send(c, `${table.name}.xlsx`, "xlsx", await Xlsx.render(table.sheet, table.header, table.rows))

/** `?indikator=…&ar=…&kon=…` of the Indikatorer page and its downloads. */
const IndicatorQuery = z.strictObject({
  indikator: z.enum(registerIndicators.map((i) => i.id) as [string, ...Array<string>]).optional(),
  ar: z
    .string()
    .regex(/^\d{4}$/, "året skrivs med fyra siffror, t.ex. 2023")
    .transform(Number)
    .refine((year) => year >= sampleYears.from && year <= sampleYears.to, `året ska vara ${sampleYears.from}–${sampleYears.to}`)
    .optional(),
  kon: z.enum(["K", "M", "T"]).optional()
})

const indicatorsView = (cube: Cube.Cube, query: z.output<typeof IndicatorQuery>): IndicatorsView => {
  const indicator = registerIndicators.find((i) => i.id === (query.indikator ?? "lpt-sluten-per100k"))!
  const year = query.ar ?? cube.years.to
  const sex = query.kon ?? "T"
  const at = (y: number, s: Dimension.Sex) => Comparison.value(cube, indicator, { year: y, region: "00", sex: s, ageGroup: "alla" })
  return {
    indicator,
    year,
    sex,
    years: cube.years,
    threshold: cube.threshold,
    byRegion: Comparison.byRegion(cube, indicator, { year, sex }),
    bySex: Comparison.breakdown(cube, indicator, { year, by: "sex" }),
    overYears: Array.from({ length: cube.years.to - cube.years.from + 1 }, (_, i) => cube.years.from + i).map((y) => ({ year: y, values: { K: at(y, "K"), M: at(y, "M"), T: at(y, "T") } })),
    label: Synthetic.label,
    query: `indikator=${indicator.id}&ar=${year}&kon=${sex}`
  }
}

/** `?fran=…&till=…` of Möten: an inclusive date range of at most three years. */
const MeetingQuery = z
  .strictObject({ fran: CalendarDate.schema.optional(), till: CalendarDate.schema.optional() })
  .superRefine((q, ctx) => {
    if (q.fran !== undefined && q.till !== undefined) {
      if (q.till < q.fran) ctx.addIssue({ code: "custom", path: ["till"], message: `till och med ${q.till} är före från och med ${q.fran}` })
      else if (CalendarDate.daysBetween(q.fran, q.till) > 3 * 366) ctx.addIssue({ code: "custom", path: ["till"], message: "visa högst tre år åt gången" })
    }
  })

/** The default span of Möten: eight weeks from the start. */
const meetingSpanDays = 56

/** Not yet handed in: the deadlines package's own list rule (`Deadline.openStatuses`). */
const isOpen = (d: Deadline.Deadline): boolean => Deadline.openStatuses.includes(d.status)

const deadlineHeader = ["uppdrag", "titel", "typ", "datum", "mottagare", "status", "kalenderdagar_kvar", "arbetsdagar_kvar", "helgdag", "narmast_foljande_vardag"]
const deadlineRows = (deadlines: ReadonlyArray<Deadline.Deadline>): Array<Array<Csv.Cell>> =>
  deadlines.map((d) => {
    const row = Deadline.toRow(d)
    return [row.assignment, row.title, row.kind, row.due, row.recipient, row.status, row.daysLeft, row.workingDaysLeft, row.nonWorkingDay, row.nextWorkingDay]
  })

/**
 * The web view as a Hono app: server-rendered Swedish pages, GET and HEAD only,
 * security headers on every response, validated query parameters, no file
 * system access derived from a request.
 *
 * @example
 * import { WebApp, Site } from "@uppdrag/web"
 * const app = WebApp.make(Result.getOrThrow(Site.make({ catalog: Catalog.unsafeLoad(), today: () => CalendarDate.today() })))
 * const response = await app.request("/?datum=2026-11-23")
 * // `pageCache`: how many rendered pages to keep (default 500; 0 renders every request).
 */
export const make = (site: Site, options: { readonly pageCache?: number } = {}): Hono => {
  const app = new Hono({ strict: true })
  app.use("*", securityHeaders())
  app.use("*", readOnlyMethods())
  // Pages depend on the URL, today's date and the data; cache them on exactly that.
  const cacheSize = options.pageCache ?? 500
  if (cacheSize > 0) app.use("*", PageCache.middleware(PageCache.make(cacheSize), async () => `${site.today()}|${await dataVersion(site)}`))

  app.get(stylesheetPath, async (c) => {
    const query = parseQuery(c, z.strictObject({}))
    if (Result.isFailure(query)) return query.failure
    c.header("Cache-Control", "public, max-age=3600")
    c.header("ETag", Stylesheet.etag)
    if (c.req.header("If-None-Match") === Stylesheet.etag) return c.body(null, 304)
    c.header("Content-Type", "text/css; charset=utf-8")
    return c.body(Stylesheet.text)
  })

  app.get("/", async (c) => {
    const query = parseQuery(c, DatedQuery)
    if (Result.isFailure(query)) return query.failure
    const asOf = query.success.datum ?? site.today()
    const deadlines = (await evaluate(site, asOf)).filter(isOpen)
    const grants = await Promise.all(
      Catalog.grants(site.catalog).map(async (g) => {
        const summary = await ledger(site, g.grant.id)
        return { ...g, ledger: summary?.total }
      })
    )
    const until = CalendarDate.addDays(asOf, 27)
    const meetings = (
      <>
        <OccurrenceTable caption={`Möten ${asOf} – ${until}`} occurrences={Occurrence.all(site.series, asOf, until)} />
        <p>
          <a href={`/moten?fran=${asOf}&till=${CalendarDate.addDays(asOf, meetingSpanDays - 1)}`}>Alla möten och mötesserier</a>
        </p>
      </>
    )
    return page(c, <OverviewPage asOf={asOf} deadlines={deadlines} grants={grants} meetings={meetings} />)
  })

  for (const kind of ["csv", "xlsx"] as const) {
    app.get(`/tidsfrister.${kind}`, async (c) => {
      const query = parseQuery(c, DatedQuery)
      if (Result.isFailure(query)) return query.failure
      const asOf = query.success.datum ?? site.today()
      return sendTable(c, kind, { name: `tidsfrister-${asOf}`, sheet: `Tidsfrister ${asOf}`, header: deadlineHeader, rows: deadlineRows(await evaluate(site, asOf)) })
    })
  }

  app.get("/tidsfrister.ics", async (c) => {
    const query = parseQuery(c, DatedQuery)
    if (Result.isFailure(query)) return query.failure
    const asOf = query.success.datum ?? site.today()
    return Attachment.send(c, "tidsfrister.ics", "ics", Calendar.toIcs(await evaluate(site, asOf), { generatedAt: new Date().toISOString() }))
  })

  app.get("/uppdrag", async (c) => {
    const query = parseQuery(c, z.strictObject({}))
    if (Result.isFailure(query)) return query.failure
    return page(c, <AssignmentListPage assignments={site.catalog.assignments} />)
  })

  app.get("/uppdrag/:id", async (c) => {
    const query = parseQuery(c, DatedQuery)
    if (Result.isFailure(query)) return query.failure
    const assignment = site.catalog.assignments.find((a) => a.id === c.req.param("id"))
    if (assignment === undefined) return notFound(c, [`Det finns inget uppdrag med id ${c.req.param("id")} i katalogen.`])
    const asOf = query.success.datum ?? site.today()
    const deadlines = ofAssignment(await evaluate(site, asOf), assignment.id)
    const known = (diaryNumber: string) => Catalog.findAssignment(site.catalog, diaryNumber.replace(/\s*\(delvis\)$/, ""))
    // Coverage for assignments that name parties to consult. (@uppdrag/meetings' Coverage.report
    // needs a diary number; the 2012 agreement has none, so it shows the plain list of parties.)
    const consultation = assignment.consult.length === 0 || assignment.diaryNumbers.length === 0 ? undefined : <CoverageTable coverage={Coverage.report(assignment, (await recorded(site)).meetings, asOf)} asOf={asOf} />
    const documents = Catalog.documentsAbout(site.catalog, assignment)
    return page(c, <AssignmentPage assignment={assignment} asOf={asOf} deadlines={deadlines} findAssignment={known} consultation={consultation} documents={documents} />)
  })

  for (const kind of ["csv", "xlsx"] as const) {
    app.get(`/uppdrag/:id/tidsfrister.${kind}`, async (c) => {
      const query = parseQuery(c, DatedQuery)
      if (Result.isFailure(query)) return query.failure
      const assignment = site.catalog.assignments.find((a) => a.id === c.req.param("id"))
      if (assignment === undefined) return notFound(c, [`Det finns inget uppdrag med id ${c.req.param("id")} i katalogen.`])
      const asOf = query.success.datum ?? site.today()
      const deadlines = ofAssignment(await evaluate(site, asOf), assignment.id)
      return sendTable(c, kind, { name: `tidsfrister-${assignment.id}-${asOf}`, sheet: `Tidsfrister ${asOf}`, header: deadlineHeader, rows: deadlineRows(deadlines) })
    })
  }

  app.get("/uppdrag/:id/tidsfrister.ics", async (c) => {
    const query = parseQuery(c, z.strictObject({}))
    if (Result.isFailure(query)) return query.failure
    const assignment = site.catalog.assignments.find((a) => a.id === c.req.param("id"))
    if (assignment === undefined) return notFound(c, [`Det finns inget uppdrag med id ${c.req.param("id")} i katalogen.`])
    const deadlines = ofAssignment(await evaluate(site, site.today()), assignment.id)
    return Attachment.send(c, `tidsfrister-${assignment.id}.ics`, "ics", Calendar.toIcs(deadlines, { generatedAt: new Date().toISOString(), name: `Tidsfrister ${Assignment.mainDiaryNumber(assignment)}` }))
  })

  const findGrant = (c: Context) => Catalog.findGrant(site.catalog, c.req.param("grant") ?? "")
  const noGrant = (c: Context) => notFound(c, [`Det finns inget statsbidrag med id ${c.req.param("grant")} i katalogen.`])

  app.get("/fordelning", async (c) => {
    const query = parseQuery(c, z.strictObject({}))
    if (Result.isFailure(query)) return query.failure
    return page(c, <AllocationListPage grants={Catalog.grants(site.catalog)} />)
  })

  app.get("/fordelning/:grant", async (c) => {
    const query = parseQuery(c, z.strictObject({ region: Region.codeSchema.optional() }))
    if (Result.isFailure(query)) return query.failure
    const found = findGrant(c)
    if (found === undefined) return noGrant(c)
    const outcome = site.allocations.get(found.grant.id) ?? { _tag: "NotAllocated", reason: "fördelningen saknas." }
    const region = Region.fromCode(query.success.region ?? "01")!
    const explanation = outcome._tag === "Allocated" ? Allocation.explain(outcome.allocation, region.code) : []
    const plainRounding = outcome._tag === "Allocated" ? Allocation.plainRounding(outcome.allocation) : []
    const ledgerView = <LedgerSection grantId={found.grant.id} year={found.grant.year} summary={await ledger(site, found.grant.id)} />
    return page(
      c,
      <AllocationPage assignment={found.assignment} grant={found.grant} outcome={outcome} region={region} explanation={explanation} plainRounding={plainRounding} ledger={ledgerView} />
    )
  })

  for (const kind of ["csv", "xlsx"] as const) {
    app.get(`/fordelning/:grant/fordelning.${kind}`, async (c) => {
      const query = parseQuery(c, z.strictObject({}))
      if (Result.isFailure(query)) return query.failure
      const found = findGrant(c)
      const outcome = found === undefined ? undefined : site.allocations.get(found.grant.id)
      if (outcome?._tag !== "Allocated") return noGrant(c)
      const { allocation } = outcome
      const ids = allocation.components.map((co) => co.id)
      // The same columns as `uppdrag allocate --format csv` (and the published appendix table).
      return sendTable(c, kind, {
        name: `fordelning-${allocation.grant}`,
        sheet: `Fördelning ${found?.grant.year ?? ""}`,
        header: ["region", "name", ...ids, "total"],
        rows: allocation.rows.map((r) => [r.region, r.name, ...ids.map((id) => r.amounts[id] ?? 0), r.total])
      })
    })
  }

  for (const kind of ["csv", "xlsx"] as const) {
    app.get(`/fordelning/:grant/liggare.${kind}`, async (c) => {
      const query = parseQuery(c, z.strictObject({}))
      if (Result.isFailure(query)) return query.failure
      const found = findGrant(c)
      if (found === undefined) return noGrant(c)
      const summary = await ledger(site, found.grant.id)
      if (summary === undefined) return notFound(c, ["Ingen databas är ansluten, så det finns ingen liggare att ladda ner."])
      return sendTable(c, kind, {
        name: `liggare-${found.grant.id}`,
        sheet: `Liggare ${found.grant.year}`,
        header: ["region", ...ledgerColumns.map(([field]) => field)],
        rows: [...summary.rows, summary.total].map((row) => [row.region, ...ledgerColumns.map(([field]) => row[field])])
      })
    })
  }

  const unavailable = (c: Context, reason: string) =>
    page(c, <ErrorPage status={500} title="Indikatorerna kan inte visas" lines={[`Statistikkuben saknas: ${reason}`]} />, 500)

  app.get("/indikatorer", async (c) => {
    const query = parseQuery(c, IndicatorQuery)
    if (Result.isFailure(query)) return query.failure
    const cube = await site.indicators()
    if (Result.isFailure(cube)) return unavailable(c, cube.failure)
    return page(c, <IndicatorsPage view={indicatorsView(cube.success, query.success)} />)
  })

  for (const kind of ["csv", "xlsx"] as const) {
    app.get(`/indikatorer/regioner.${kind}`, async (c) => {
      const query = parseQuery(c, IndicatorQuery)
      if (Result.isFailure(query)) return query.failure
      const cube = await site.indicators()
      if (Result.isFailure(cube)) return unavailable(c, cube.failure)
      const view = indicatorsView(cube.success, query.success)
      return sendTable(c, kind, {
        name: `${view.indicator.id}-${view.year}-${view.sex}`,
        sheet: `${view.indicator.id} ${view.year}`,
        header: ["region", "namn", "ar", "kon", "varde", "skyddat", "rang", "kvot_mot_riket", "forandring_procent"],
        rows: view.byRegion.rows.map((r) => [r.region, r.name, view.year, view.sex, r.value, r.value === null ? "ja" : "nej", r.rank, r.ratioToRiket, r.changePercent])
      })
    })
  }

  app.get("/indikatorer/kub.csv", async (c) => {
    const query = parseQuery(c, z.strictObject({}))
    if (Result.isFailure(query)) return query.failure
    const cube = await site.indicators()
    if (Result.isFailure(cube)) return unavailable(c, cube.failure)
    return Attachment.send(c, "syntetisk-kub.csv", "csv", Publication.toCsv(cube.success))
  })

  const meetingRange = (query: z.output<typeof MeetingQuery>) => {
    const from = query.fran ?? site.today()
    const to = query.till ?? CalendarDate.max(from, CalendarDate.addDays(from, meetingSpanDays - 1))
    return { from, to }
  }
  const assignmentHref = (reference: string) => {
    const found = Catalog.findAssignment(site.catalog, reference)
    return found === undefined ? undefined : `/uppdrag/${found.id}`
  }

  app.get("/moten", async (c) => {
    const query = parseQuery(c, MeetingQuery)
    if (Result.isFailure(query)) return query.failure
    const { from, to } = meetingRange(query.success)
    if (to < from) return page(c, <ErrorPage status={400} title="Felaktig parameter" lines={[`till: till och med ${to} är före från och med ${from}`]} />, 400)
    return page(c, <MeetingsPage from={from} to={to} occurrences={Occurrence.all(site.series, from, to)} series={site.series} assignmentHref={assignmentHref} />)
  })

  for (const kind of ["csv", "xlsx"] as const) {
    app.get(`/moten/moten.${kind}`, async (c) => {
      const query = parseQuery(c, MeetingQuery)
      if (Result.isFailure(query)) return query.failure
      const { from, to } = meetingRange(query.success)
      if (to < from) return page(c, <ErrorPage status={400} title="Felaktig parameter" lines={[`till: till och med ${to} är före från och med ${from}`]} />, 400)
      return sendTable(c, kind, {
        name: `moten-${from}-${to}`,
        sheet: `Möten ${from}`,
        header: ["datum", "start", "slut", "serie", "titel", "tema", "status", "flyttat_fran", "orsak"],
        rows: Occurrence.all(site.series, from, to).map((o) => [o.date, o.start ?? null, o.end ?? null, o.series, o.title, o.theme ?? null, o.status, o.movedFrom ?? null, o.reason ?? null])
      })
    })
  }

  app.get("/moten/serier.ics", async (c) => {
    const query = parseQuery(c, z.strictObject({}))
    if (Result.isFailure(query)) return query.failure
    return Attachment.send(c, "moten.ics", "ics", ICalendar.series(site.series, { stamp: `${new Date().toISOString().slice(0, 19)}Z`, name: "Möten – regeringsuppdrag inom psykiatrin" }))
  })

  app.get("/tillganglighet", async (c) => {
    const query = parseQuery(c, z.strictObject({}))
    if (Result.isFailure(query)) return query.failure
    return page(c, <AccessibilityPage lastReviewed={accessibilityReviewed} />)
  })

  app.notFound((c) => notFound(c, [`Det finns ingen sida på adressen ${new URL(c.req.url).pathname}.`]))

  app.onError((error, c) => {
    site.log(`Oväntat fel vid ${c.req.method} ${new URL(c.req.url).pathname}: ${error.stack ?? String(error)}`)
    return page(c, <ErrorPage status={500} title="Något gick fel" lines={["Sidan kunde inte visas på grund av ett internt fel. Felet har loggats."]} />, 500)
  })
  return app
}

