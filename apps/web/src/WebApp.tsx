import { Allocation } from "@uppdrag/allocation"
import { DeadlineList, type EventLogError, type Freshness, GrantState, IndicatorPublications, IndicatorTable, MeetingCalendar, MeetingRecords, RegionOverview, Table } from "@uppdrag/application"
import { Assignment, CalendarDate, Catalog, Region } from "@uppdrag/core"
import { Calendar } from "@uppdrag/deadlines"
import { Comparison, Cube, type Dimension, Publication, Synthetic } from "@uppdrag/indicators"
import { ICalendar, Occurrence } from "@uppdrag/meetings"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { type Context, Hono } from "hono"
import type { JSX } from "hono/jsx/jsx-runtime"
import { z } from "zod"
import * as Attachment from "./downloads/Attachment.js"
import * as Csv from "./downloads/Csv.js"
import * as Export from "./downloads/Export.js"
import { ErrorPage } from "./ErrorPage.js"
import { DemoContext, FreshnessContext, SignOutContext, stylesheetPath } from "./Layout.js"
import { AccessibilityPage } from "./pages/AccessibilityPage.js"
import { AllocationListPage, AllocationPage } from "./pages/AllocationPage.js"
import { AssignmentListPage } from "./pages/AssignmentListPage.js"
import { AssignmentPage, CoverageTable } from "./pages/AssignmentPage.js"
import { IndicatorsPage, type IndicatorsView, NothingPublishedPage, type Origin, registerIndicators } from "./pages/IndicatorsPage.js"
import { LedgerSection } from "./pages/LedgerSection.js"
import { MeetingsPage, type MeetingRecordsView, OccurrenceTable, type RecordedTable } from "./pages/MeetingsPage.js"
import { type RegionIndicators, RegionListPage, RegionPage } from "./pages/RegionPage.js"
import { OverviewPage } from "./pages/OverviewPage.js"
import * as PageCache from "./PageCache.js"
import * as QueryParameters from "./QueryParameters.js"
import { readOnlyMethods, securityHeaders } from "./Security.js"
import { dataVersion, freshness, knownFreshness, type Services, type Site } from "./Site.js"
import * as StackedTables from "./StackedTables.js"
import * as Stylesheet from "./Stylesheet.js"

export type { Site } from "./Site.js"

declare module "hono" {
  interface ContextVariableMap {
    /** The data's freshness for this request's "Senast uppdaterad" line. */
    freshness: Freshness.Freshness | undefined
    /** Whether the app sits behind sign-in (`make`'s `signOut`): the header then offers "Logga ut". */
    signOut: boolean
    /** Whether the site runs in demo mode: every page then carries the synthetic-data banner. */
    demo: boolean
  }
}

const accessibilityReviewed = "2026-11-23"

/** The source the web view's deadline queries are checked under: a refusal with it (or with `asOf`, the date's) concerns the query, not the data. */
const deadlineQuerySource = "webbvyn"

/**
 * Renders a page with a status code, with the request's "Senast uppdaterad"
 * (set by the app's freshness middleware), its tables labelled for stacked
 * cards on phones and landscape print ({@link StackedTables.label}).
 */
const page = (c: Context, element: JSX.Element, status: 200 | 400 | 404 | 500 = 200): Response | Promise<Response> => {
  c.header("Cache-Control", "no-cache")
  const html = (
    <SignOutContext.Provider value={c.get("signOut") === true}>
      <DemoContext.Provider value={c.get("demo") === true}>
        <FreshnessContext.Provider value={c.get("freshness")}>{element}</FreshnessContext.Provider>
      </DemoContext.Provider>
    </SignOutContext.Provider>
  ).toString()
  return c.html(`<!doctype html>${StackedTables.label(html)}`, status)
}

const notFound = (c: Context, lines: ReadonlyArray<string>) => page(c, <ErrorPage status={404} title="Sidan finns inte" lines={lines} />, 404)

/** The query of dated pages: `?datum=ÅÅÅÅ-MM-DD`, today when left out. */
const DatedQuery = z.strictObject({ datum: QueryParameters.date.optional() })

/** Validates the query, or gives the 400 page with each problem in Swedish. */
const parseQuery = <S extends z.ZodType>(c: Context, schema: S): Result.Result<z.output<S>, Response | Promise<Response>> => {
  const parsed = QueryParameters.parse(new URL(c.req.url), schema)
  if (Result.isSuccess(parsed)) return Result.succeed(parsed.success)
  return Result.fail(page(c, <ErrorPage status={400} title="Felaktig parameter" lines={QueryParameters.describe(parsed.failure)} />, 400))
}

/** A use case's typed failure: every error of the application is tagged and says what went wrong in Swedish. */
interface Failure {
  readonly _tag: string
  readonly message: string
}

/**
 * The 500 page for a use case that failed, logged. A meeting record in the
 * log that does not read back stops the page rather than being left out.
 */
const failurePage = (c: Context, site: Site, failure: Failure) => {
  // The visitor's own period (only `till`, before today): a 400 in the query's words, not an internal error.
  if (failure._tag === "PeriodReversed") {
    const { from, to } = failure as MeetingCalendar.PeriodReversed
    return page(c, <ErrorPage status={400} title="Felaktig parameter" lines={[`till: till och med ${to} är före från och med ${from}`]} />, 400)
  }
  site.log(`Fel vid ${c.req.method} ${new URL(c.req.url).pathname}: ${failure._tag}: ${failure.message}`)
  const [title, lines] =
    failure._tag === "UnreadableRecord"
      ? ["Mötesposterna kan inte läsas", [`${failure.message}.`, "Sidan visas inte hellre än att visa den utan posten. Felet har loggats."]]
      : failure._tag === "EventLogError"
        ? ["Databasen kan inte läsas", ["Händelserna i databasen kunde inte läsas, så sidan kan inte visas. Felet har loggats."]]
        : ["Något gick fel", ["Sidan kunde inte visas på grund av ett internt fel. Felet har loggats."]]
  return page(c, <ErrorPage status={500} title={title} lines={lines} />, 500)
}

/**
 * One of the application's table definitions as a download: for people its
 * Swedish headers and values (xlsx, semicolon CSV), for machines its fields
 * and machine cells, the same as the CLI's `--format csv`.
 */
const fromDefinition = <Row,>(name: string, sheet: string, columns: Table.Columns<Row>, rows: ReadonlyArray<Row>): Export.Export<Row> => ({ name, sheet, columns, rows })

const sendTable = Export.send

/** `?version=N`: a publication by its version number (the latest when left out). */
const version = z
  .string()
  .regex(/^[1-9]\d{0,5}$/, "versionen skrivs som ett heltal från 1, t.ex. 2")
  .transform(Number)
  .optional()

/** `?indikator=…&ar=…&kon=…&version=…` of the Indikatorer page and its downloads (the year is checked against the cube shown). */
const IndicatorQuery = z.strictObject({
  indikator: z.enum(registerIndicators.map((i) => i.id) as [string, ...Array<string>]).optional(),
  ar: z
    .string()
    .regex(/^\d{4}$/, "året skrivs med fyra siffror, t.ex. 2023")
    .transform(Number)
    .optional(),
  kon: z.enum(["K", "M", "T"]).optional(),
  version
})

/** The cube shown on Indikatorer and where it comes from. */
interface Shown {
  readonly cube: Cube.Cube
  readonly origin: Origin
}

const indicatorsView = (shown: Shown, query: z.output<typeof IndicatorQuery>): IndicatorsView => {
  const { cube, origin } = shown
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
    origin,
    query: `indikator=${indicator.id}&ar=${year}&kon=${sex}${origin._tag === "Published" && origin.shown.version !== origin.latest ? `&version=${origin.shown.version}` : ""}`
  }
}

/** `?fran=…&till=…` of Möten: an inclusive date range of at most three years. */
const MeetingQuery = z
  .strictObject({ fran: QueryParameters.date.optional(), till: QueryParameters.date.optional() })
  .superRefine((q, ctx) => {
    if (q.fran !== undefined && q.till !== undefined) {
      if (q.till < q.fran) ctx.addIssue({ code: "custom", path: ["till"], message: `till och med ${q.till} är före från och med ${q.fran}` })
      else if (CalendarDate.daysBetween(q.fran, q.till) > 3 * 366) ctx.addIssue({ code: "custom", path: ["till"], message: "visa högst tre år åt gången" })
    }
  })


/**
 * The web view as a Hono app: server-rendered Swedish pages, GET and HEAD only,
 * security headers on every response, validated query parameters, no file
 * system access derived from a request.
 *
 * @example
 * import { WebApp, Site } from "@uppdrag/web"
 * const app = WebApp.make(Result.getOrThrow(Site.make({ catalog: Catalog.unsafeLoad() })))
 * const response = await app.request("/?datum=2026-11-23")
 * // `pageCache`: how many rendered pages to keep (default 500; 0 renders every request).
 * // `signOut`: the app sits behind sign-in (`Gate.make`), so every page's header links to /utloggning.
 */
export const make = (site: Site, options: { readonly pageCache?: number; readonly signOut?: boolean } = {}): Hono => {
  const app = new Hono({ strict: true })
  if (site.demo) {
    app.use("*", (c, next) => {
      c.set("demo", true)
      return next()
    })
  }
  if (options.signOut === true) {
    app.use("*", (c, next) => {
      c.set("signOut", true)
      return next()
    })
  }
  app.use("*", securityHeaders())
  app.use("*", readOnlyMethods())
  // A date parameter outside 1990-01-01 – 2100-12-31 (or not a date) is refused at once, before the cache or the log is read.
  app.use("*", async (c, next) => {
    const problems = QueryParameters.badDates(new URL(c.req.url))
    if (problems.length === 0) return next()
    c.set("freshness", knownFreshness(site))
    return page(c, <ErrorPage status={400} title="Felaktig parameter" lines={[...new Set(problems)]} />, 400)
  })
  // Pages depend on the URL, today's date and the data; cache them on exactly that.
  const cacheSize = options.pageCache ?? 500
  if (cacheSize > 0) app.use("*", PageCache.middleware(PageCache.make(cacheSize), async () => `${site.today()}|${await dataVersion(site)}`))
  // "Senast uppdaterad" on every page: read once per data version, after the cache (a cached page already has it).
  app.use("*", async (c, next) => {
    if (c.req.path !== stylesheetPath) c.set("freshness", await freshness(site))
    await next()
  })

  app.get(stylesheetPath, async (c) => {
    const query = parseQuery(c, z.strictObject({}))
    if (Result.isFailure(query)) return query.failure
    c.header("Cache-Control", "public, max-age=3600")
    c.header("ETag", Stylesheet.etag)
    if (c.req.header("If-None-Match") === Stylesheet.etag) return c.body(null, 304)
    c.header("Content-Type", "text/css; charset=utf-8")
    return c.body(Stylesheet.text)
  })

  /** Runs a use case on the site's services: its value, or the 500 page for its failure. */
  const attempt = async <A, E extends Failure>(c: Context, program: Effect.Effect<A, E, Services>): Promise<Result.Result<A, Response | Promise<Response>>> => {
    const result = await site.run(program)
    return Result.isSuccess(result) ? Result.succeed(result.success) : Result.fail(failurePage(c, site, result.failure))
  }

  /** The deadline list as of a date (`uppdrag deadlines --as-of`): open duties, or all with `all`, of one assignment or every one. */
  // A date the deadline rules cannot answer for (Swedish working days are computed from 2005) is the visitor's to change: a 400 naming `datum`.
  const listing = async (c: Context, query: DeadlineList.Query) => {
    const result = await site.run(DeadlineList.list(query, { command: deadlineQuerySource }))
    if (Result.isSuccess(result)) return Result.succeed(result.success)
    return Result.fail(dateRefusalOrFailure(c, result.failure))
  }
  const deadlines = async (c: Context, query: DeadlineList.Query) => Result.map(await listing(c, query), (l) => l.deadlines)

  /** A use case's failure as a page: the 400 for a date the deadline rules refuse, else the 500 page. */
  const dateRefusalOrFailure = (c: Context, failure: Failure & { readonly source?: string; readonly issues?: ReadonlyArray<{ readonly message: string }> }) =>
    failure._tag === "ValidationError" && (failure.source === deadlineQuerySource || failure.source === "asOf")
      ? page(c, <ErrorPage status={400} title="Felaktig parameter" lines={(failure.issues ?? []).map((issue) => `datum: ${issue.message}`)} />, 400)
      : failurePage(c, site, failure)

  /** The ledger of a grant, or undefined when no database is connected. */
  const ledgerOf = (grant: string) => (site.connected ? Effect.map(GrantState.ledger(grant), (summary) => summary as typeof summary | undefined) : Effect.succeed(undefined))

  app.get("/", async (c) => {
    const query = parseQuery(c, DatedQuery)
    if (Result.isFailure(query)) return query.failure
    const asOf = query.success.datum ?? site.today()
    const due = await listing(c, { asOf })
    if (Result.isFailure(due)) return due.failure
    const grants = await attempt(
      c,
      Effect.forEach(Catalog.grants(site.catalog), (g) => Effect.map(ledgerOf(g.grant.id), (summary) => ({ ...g, ledger: summary?.total })))
    )
    if (Result.isFailure(grants)) return grants.failure
    const until = CalendarDate.addDays(asOf, 27)
    const meetings = (
      <>
        <OccurrenceTable caption={`Möten ${asOf} – ${until}`} occurrences={Occurrence.all(site.series, asOf, until)} />
        <p>
          <a href={`/moten?fran=${asOf}&till=${CalendarDate.addDays(asOf, MeetingCalendar.defaultSpanDays)}`}>Alla möten och mötesserier</a>
        </p>
      </>
    )
    return page(c, <OverviewPage asOf={asOf} listing={due.success} grants={grants.success} meetings={meetings} />)
  })

  for (const kind of Export.formats) {
    // Every duty as of the date, handed in or not: the rows and fields of `uppdrag deadlines --as-of DATUM --all --format csv`.
    app.get(`/tidsfrister.${kind}`, async (c) => {
      const query = parseQuery(c, DatedQuery)
      if (Result.isFailure(query)) return query.failure
      const asOf = query.success.datum ?? site.today()
      const due = await deadlines(c, { asOf, all: true })
      if (Result.isFailure(due)) return due.failure
      return sendTable(c, kind, fromDefinition(`tidsfrister-${asOf}`, `Tidsfrister ${asOf}`, DeadlineList.columns, due.success))
    })
  }

  app.get("/tidsfrister.ics", async (c) => {
    const query = parseQuery(c, DatedQuery)
    if (Result.isFailure(query)) return query.failure
    const asOf = query.success.datum ?? site.today()
    const due = await deadlines(c, { asOf, all: true })
    if (Result.isFailure(due)) return due.failure
    return Attachment.send(c, "tidsfrister.ics", "ics", Calendar.toIcs(due.success, { generatedAt: new Date().toISOString() }))
  })

  app.get("/uppdrag", async (c) => {
    const query = parseQuery(c, z.strictObject({}))
    if (Result.isFailure(query)) return query.failure
    // Ended as of today (the list has no date parameter).
    const today = await listing(c, { asOf: site.today() })
    if (Result.isFailure(today)) return today.failure
    return page(c, <AssignmentListPage assignments={site.catalog.assignments} ended={today.success.ended} />)
  })

  const findAssignment = (c: Context) => site.catalog.assignments.find((a) => a.id === c.req.param("id"))
  const noAssignment = (c: Context) => notFound(c, [`Det finns inget uppdrag med id ${c.req.param("id")} i katalogen.`])

  app.get("/uppdrag/:id", async (c) => {
    const query = parseQuery(c, DatedQuery)
    if (Result.isFailure(query)) return query.failure
    const assignment = findAssignment(c)
    if (assignment === undefined) return noAssignment(c)
    const asOf = query.success.datum ?? site.today()
    const due = await listing(c, { asOf, assignment: assignment.id, all: true })
    if (Result.isFailure(due)) return due.failure
    const known = (diaryNumber: string) => Catalog.findAssignment(site.catalog, diaryNumber.replace(/\s*\(delvis\)$/, ""))
    // Coverage for assignments that name parties to consult. (The 2012 agreement has no
    // diary number to report under, so it shows the plain list of parties.)
    let consultation: JSX.Element | undefined
    if (assignment.consult.length > 0 && assignment.diaryNumbers.length > 0) {
      const coverage = await attempt(c, MeetingRecords.coverage(assignment.id, asOf))
      if (Result.isFailure(coverage)) return coverage.failure
      consultation = <CoverageTable coverage={coverage.success} asOf={asOf} />
    }
    const documents = Catalog.documentsAbout(site.catalog, assignment)
    const { current, leftOver } = DeadlineList.partition(due.success)
    return page(
      c,
      <AssignmentPage
        assignment={assignment}
        asOf={asOf}
        deadlines={current}
        leftOver={leftOver}
        ending={due.success.ended.get(assignment.id)}
        findAssignment={known}
        consultation={consultation}
        documents={documents}
      />
    )
  })

  for (const kind of Export.formats) {
    // The assignment page's timeline: `uppdrag deadlines --assignment ID --all --as-of DATUM --format csv`.
    app.get(`/uppdrag/:id/tidsfrister.${kind}`, async (c) => {
      const query = parseQuery(c, DatedQuery)
      if (Result.isFailure(query)) return query.failure
      const assignment = findAssignment(c)
      if (assignment === undefined) return noAssignment(c)
      const asOf = query.success.datum ?? site.today()
      const due = await deadlines(c, { asOf, assignment: assignment.id, all: true })
      if (Result.isFailure(due)) return due.failure
      return sendTable(c, kind, fromDefinition(`tidsfrister-${assignment.id}-${asOf}`, `Tidsfrister ${asOf}`, DeadlineList.columns, due.success))
    })
  }

  app.get("/uppdrag/:id/tidsfrister.ics", async (c) => {
    const query = parseQuery(c, z.strictObject({}))
    if (Result.isFailure(query)) return query.failure
    const assignment = findAssignment(c)
    if (assignment === undefined) return noAssignment(c)
    const due = await deadlines(c, { asOf: site.today(), assignment: assignment.id, all: true })
    if (Result.isFailure(due)) return due.failure
    return Attachment.send(c, `tidsfrister-${assignment.id}.ics`, "ics", Calendar.toIcs(due.success, { generatedAt: new Date().toISOString(), name: `Tidsfrister ${Assignment.mainDiaryNumber(assignment)}` }))
  })

  const findGrant = (c: Context) => Catalog.findGrant(site.catalog, c.req.param("grant") ?? "")
  const noGrant = (c: Context) => notFound(c, [`Det finns inget statsbidrag med id ${c.req.param("grant")} i katalogen.`])

  app.get("/fordelning", async (c) => {
    const query = parseQuery(c, z.strictObject({}))
    if (Result.isFailure(query)) return query.failure
    return page(c, <AllocationListPage grants={Catalog.grants(site.catalog)} />)
  })

  const stockholm = Region.all[0]!.code
  app.get("/fordelning/:grant", async (c) => {
    const query = parseQuery(c, z.strictObject({ region: Region.codeSchema.optional() }))
    if (Result.isFailure(query)) return query.failure
    const found = findGrant(c)
    if (found === undefined) return noGrant(c)
    // The allocation and the ledger's "Tilldelat" both come from the population in force.
    const state = await attempt(
      c,
      Effect.all({ region: GrantState.region(found.grant.id, query.success.region ?? stockholm), ledger: ledgerOf(found.grant.id) })
    )
    if (Result.isFailure(state)) return state.failure
    const { region, ledger } = state.success
    const plainRounding = region.outcome._tag === "Allocated" ? Allocation.plainRounding(region.outcome.allocation) : []
    const ledgerView = <LedgerSection grantId={found.grant.id} year={found.grant.year} summary={ledger} />
    return page(
      c,
      <AllocationPage
        assignment={found.assignment}
        grant={found.grant}
        outcome={region.outcome}
        region={region.region}
        explanation={region.explanation}
        regionRow={region.row}
        plainRounding={plainRounding}
        ledger={ledgerView}
      />
    )
  })

  for (const kind of Export.formats) {
    app.get(`/fordelning/:grant/fordelning.${kind}`, async (c) => {
      const query = parseQuery(c, z.strictObject({}))
      if (Result.isFailure(query)) return query.failure
      const found = findGrant(c)
      if (found === undefined) return noGrant(c)
      const outcome = await attempt(c, GrantState.allocation(found.grant))
      if (Result.isFailure(outcome)) return outcome.failure
      if (outcome.success._tag !== "Allocated") return notFound(c, [`Statsbidraget ${found.grant.id} har ingen fördelning att ladda ner: ${outcome.success.reason}`])
      const { allocation } = outcome.success
      // The same columns as `uppdrag allocate --format csv` (and the published appendix table).
      return sendTable(c, kind, fromDefinition(`fordelning-${allocation.grant}`, `Fördelning ${found.grant.year}`, GrantState.allocationColumns(allocation), allocation.rows))
    })
  }

  for (const kind of Export.formats) {
    app.get(`/fordelning/:grant/liggare.${kind}`, async (c) => {
      const query = parseQuery(c, z.strictObject({}))
      if (Result.isFailure(query)) return query.failure
      const found = findGrant(c)
      if (found === undefined) return noGrant(c)
      const summary = await attempt(c, ledgerOf(found.grant.id))
      if (Result.isFailure(summary)) return summary.failure
      if (summary.success === undefined) return notFound(c, ["Ingen databas är ansluten, så det finns ingen liggare att ladda ner."])
      return sendTable(c, kind, fromDefinition(`liggare-${found.grant.id}`, `Liggare ${found.grant.year}`, GrantState.ledgerColumns, GrantState.ledgerRows(summary.success)))
    })
  }

  app.get("/regioner", async (c) => {
    const query = parseQuery(c, DatedQuery)
    if (Result.isFailure(query)) return query.failure
    const listing = await attempt(c, RegionOverview.list)
    if (Result.isFailure(listing)) return listing.failure
    return page(c, <RegionListPage listing={listing.success} connected={site.connected} asOf={query.success.datum ?? site.today()} />)
  })

  /** A region's indicators beside Riket: the sample's in demo mode, else the latest publication's (undefined when none is). */
  const regionIndicators = async (c: Context, code: Region.RegionCode): Promise<Result.Result<RegionIndicators | undefined, Response | Promise<Response>>> => {
    const shown = await shownIndicators(c, undefined)
    if (Result.isFailure(shown)) return Result.fail(shown.failure)
    if (shown.success === undefined) return Result.succeed(undefined)
    const { cube, origin } = shown.success
    return Result.succeed({ ...IndicatorPublications.regionFigures(cube, code), origin })
  }

  app.get("/regioner/:kod", async (c) => {
    const query = parseQuery(c, DatedQuery)
    if (Result.isFailure(query)) return query.failure
    const code = c.req.param("kod")
    if (!Region.isRegionCode(code)) return notFound(c, [`Det finns ingen region med koden ${code}. Regionerna har SCB-koder 01–25; se listan under Regioner.`])
    const result = await site.run(RegionOverview.region(code, { asOf: query.success.datum ?? site.today() }))
    if (Result.isFailure(result)) return dateRefusalOrFailure(c, result.failure)
    const indicators = await regionIndicators(c, code)
    if (Result.isFailure(indicators)) return indicators.failure
    return page(c, <RegionPage overview={result.success} indicators={indicators.success} />)
  })

  const unavailable = (c: Context, reason: string) =>
    page(c, <ErrorPage status={500} title="Indikatorerna kan inte visas" lines={[`Statistikkuben saknas: ${reason}`]} />, 500)

  // Publications read back (each cell checked) once per data version and version asked for.
  const publications = new Map<string, Promise<Result.Result<Shown | undefined, IndicatorPublications.UnknownVersion | IndicatorPublications.UnreadablePublication | EventLogError>>>()
  const readPublication = async (wanted: number | undefined) => {
    const data = await dataVersion(site)
    const key = `${data}|${wanted ?? "senaste"}`
    if (!publications.has(key)) {
      for (const known of publications.keys()) if (!known.startsWith(`${data}|`)) publications.delete(known)
      publications.set(
        key,
        site.run(
          Effect.map(Effect.all({ published: IndicatorPublications.find(wanted), versions: IndicatorPublications.list }), ({ published, versions }): Shown | undefined =>
            published === undefined
              ? undefined
              : {
                  cube: published.cube,
                  origin: {
                    _tag: "Published",
                    shown: { version: published.version, publishedOn: published.publishedOn, source: published.source },
                    latest: Math.max(...versions.map((v) => v.version)),
                    versions: versions.map((v) => ({ version: v.version, publishedOn: v.publishedOn }))
                  }
                }
          )
        )
      )
    }
    return publications.get(key)!
  }

  /**
   * The cube Indikatorer shows: the synthetic sample in demo mode, else the
   * publication asked for (`?version=`) or the latest; undefined when nothing
   * is published. An unknown version is a 404 naming the versions there are.
   */
  const shownIndicators = async (c: Context, wanted: number | undefined): Promise<Result.Result<Shown | undefined, Response | Promise<Response>>> => {
    if (site.demo) {
      if (wanted !== undefined) return Result.fail(notFound(c, ["I demoläget visas de syntetiska exempeldata; det finns inga publicerade versioner att välja."]))
      const cube = await site.indicators()
      if (Result.isFailure(cube)) return Result.fail(unavailable(c, cube.failure))
      return Result.succeed({ cube: cube.success, origin: { _tag: "Sample", label: Synthetic.label } })
    }
    const result = await readPublication(wanted)
    if (Result.isSuccess(result)) return Result.succeed(result.success)
    if (result.failure._tag === "UnknownVersion") {
      const { message } = result.failure
      return Result.fail(notFound(c, [`${message.charAt(0).toUpperCase()}${message.slice(1)}.`]))
    }
    return Result.fail(failurePage(c, site, result.failure))
  }

  /** The view of the cube shown, or the 400 for a year outside its years. */
  const viewOf = (c: Context, shown: Shown, query: z.output<typeof IndicatorQuery>): Result.Result<IndicatorsView, Response | Promise<Response>> => {
    const { from, to } = shown.cube.years
    if (query.ar !== undefined && (query.ar < from || query.ar > to)) {
      return Result.fail(page(c, <ErrorPage status={400} title="Felaktig parameter" lines={[`ar: året ska vara ${from}–${to}`]} />, 400))
    }
    return Result.succeed(indicatorsView(shown, query))
  }

  const nothingPublished = (c: Context) => notFound(c, ["Inga indikatorer är publicerade ännu, så det finns inget att ladda ner."])

  app.get("/indikatorer", async (c) => {
    const query = parseQuery(c, IndicatorQuery)
    if (Result.isFailure(query)) return query.failure
    const shown = await shownIndicators(c, query.success.version)
    if (Result.isFailure(shown)) return shown.failure
    if (shown.success === undefined) return page(c, <NothingPublishedPage />)
    const view = viewOf(c, shown.success, query.success)
    if (Result.isFailure(view)) return view.failure
    return page(c, <IndicatorsPage view={view.success} />)
  })

  for (const kind of Export.formats) {
    app.get(`/indikatorer/regioner.${kind}`, async (c) => {
      const query = parseQuery(c, IndicatorQuery)
      if (Result.isFailure(query)) return query.failure
      const shown = await shownIndicators(c, query.success.version)
      if (Result.isFailure(shown)) return shown.failure
      if (shown.success === undefined) return nothingPublished(c)
      const view = viewOf(c, shown.success, query.success)
      if (Result.isFailure(view)) return view.failure
      const { indicator, year, sex, byRegion } = view.success
      // The application's by-region table (the fields of `uppdrag indicators show --by region --format csv`).
      return sendTable(c, kind, fromDefinition(`${indicator.id}-${year}-${sex}`, `${indicator.id} ${year}`, IndicatorTable.byRegionColumns(indicator, year), byRegion.rows))
    })
  }

  /** The file name of a cube download: the sample's says it is synthetic, a publication's names its version. */
  const cubeName = (shown: Shown, suffix: string): string =>
    shown.origin._tag === "Sample" ? `syntetisk-kub${suffix}` : `kub-version-${shown.origin.shown.version}${suffix}`

  app.get("/indikatorer/kub.csv", async (c) => {
    const query = parseQuery(c, z.strictObject({ version }))
    if (Result.isFailure(query)) return query.failure
    const shown = await shownIndicators(c, query.success.version)
    if (Result.isFailure(shown)) return shown.failure
    if (shown.success === undefined) return nothingPublished(c)
    return Attachment.send(c, cubeName(shown.success, "-maskinlasbar.csv"), "csv", Publication.toCsv(shown.success.cube))
  })

  // The cube for people: Swedish headers and names (IndicatorTable.cubeColumns), semicolon CSV (no xlsx: tens of thousands of rows).
  app.get("/indikatorer/kub.excel.csv", async (c) => {
    const query = parseQuery(c, z.strictObject({ version }))
    if (Result.isFailure(query)) return query.failure
    const shown = await shownIndicators(c, query.success.version)
    if (Result.isFailure(shown)) return shown.failure
    if (shown.success === undefined) return nothingPublished(c)
    const rows = Array.from(Cube.cells(shown.success.cube), (cell) => Table.peopleCells(IndicatorTable.cubeColumns, cell))
    return Attachment.send(c, cubeName(shown.success, ".csv"), "csv", Csv.renderForPeople(Table.headers(IndicatorTable.cubeColumns), rows))
  })

  // The period of Möten as `uppdrag meetings upcoming` reads it (MeetingCalendar: default span, end before start refused).
  const meetingPeriod = (c: Context, query: z.output<typeof MeetingQuery>) =>
    attempt(c, MeetingCalendar.upcoming({ from: query.fran ?? site.today(), to: query.till }))
  const assignmentHref = (reference: string) => {
    const found = Catalog.findAssignment(site.catalog, reference)
    return found === undefined ? undefined : `/uppdrag/${found.id}`
  }

  // What has been recorded as of today: MeetingRecords' meetings, coverage per assignment and agreements.
  const recordedAsOfToday = (c: Context) => {
    const asOf = site.today()
    return attempt(c, Effect.all({ asOf: Effect.succeed(asOf), meetings: MeetingRecords.meetings(asOf), consultations: MeetingRecords.consultations(asOf), agreements: MeetingRecords.agreements({ asOf }) }))
  }

  app.get("/moten", async (c) => {
    const query = parseQuery(c, MeetingQuery)
    if (Result.isFailure(query)) return query.failure
    const period = await meetingPeriod(c, query.success)
    if (Result.isFailure(period)) return period.failure
    const { from, to, occurrences } = period.success
    const records = site.connected ? await recordedAsOfToday(c) : Result.succeed(undefined)
    if (Result.isFailure(records)) return records.failure
    return page(c, <MeetingsPage from={from} to={to} occurrences={occurrences} series={site.series} assignmentHref={assignmentHref} records={records.success} />)
  })

  for (const kind of Export.formats) {
    app.get(`/moten/moten.${kind}`, async (c) => {
      const query = parseQuery(c, MeetingQuery)
      if (Result.isFailure(query)) return query.failure
      const period = await meetingPeriod(c, query.success)
      if (Result.isFailure(period)) return period.failure
      const { from, to, occurrences } = period.success
      return sendTable(c, kind, fromDefinition(`moten-${from}-${to}`, `Möten ${from}`, MeetingCalendar.occurrenceColumns, occurrences))
    })
  }

  // The four tables of what was recorded (Möten's RecordedSection), each in the three formats.
  const recordedTables: Record<RecordedTable, (c: Context, kind: Export.Format, v: MeetingRecordsView) => Promise<Response>> = {
    registrerade: (c, kind, v) => sendTable(c, kind, fromDefinition(`registrerade-moten-${v.asOf}`, `Registrerade möten ${v.asOf}`, MeetingRecords.meetingColumns, v.meetings)),
    samrad: (c, kind, v) => sendTable(c, kind, fromDefinition(`samrad-${v.asOf}`, `Samråd ${v.asOf}`, MeetingRecords.consultationColumns, v.consultations)),
    overenskommelser: (c, kind, v) => sendTable(c, kind, fromDefinition(`overenskommelser-${v.asOf}`, `Överenskommelser ${v.asOf}`, MeetingRecords.agreementColumns, v.agreements.regions)),
    uppfoljningar: (c, kind, v) => sendTable(c, kind, fromDefinition(`uppfoljningar-${v.asOf}`, `Uppföljningar ${v.asOf}`, MeetingRecords.followUpColumns, MeetingRecords.followUps(v.agreements)))
  }
  for (const [name, send] of Object.entries(recordedTables)) {
    for (const kind of Export.formats) {
      app.get(`/moten/${name}.${kind}`, async (c) => {
        const query = parseQuery(c, z.strictObject({}))
        if (Result.isFailure(query)) return query.failure
        if (!site.connected) return notFound(c, ["Ingen databas är ansluten, så inga registrerade möten, samråd eller överenskommelser finns att ladda ner."])
        const records = await recordedAsOfToday(c)
        if (Result.isFailure(records)) return records.failure
        return send(c, kind, records.success)
      })
    }
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

