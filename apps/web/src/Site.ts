import { CatalogSource, EventLog, Freshness, GrantState, MeetingRecords, Populations, Projection, Recorded, Today } from "@uppdrag/application"
import { type CalendarDate, Catalog, type Population } from "@uppdrag/core"
import { Cube, Denominator, Synthetic } from "@uppdrag/indicators"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Result from "effect/Result"

/**
 * The services every page's use case runs on: the catalog, the population
 * in force, the (read-only) event log and the meeting series, plus Effect's
 * clock for today's date.
 */
export type Services = CatalogSource.CatalogSource | Populations.Populations | EventLog.EventLog | MeetingRecords.MeetingSeries

/**
 * What the site works from: the application's layers, built once at
 * start-up into one runtime that every request runs its use case on, plus
 * what only the web view has (the indicator sample, its logger). Pages only
 * render what the application returns.
 */
export interface Site {
  readonly catalog: Catalog.Catalog
  /** The meeting series in force (seed 001's series), as the application loads them. */
  readonly series: MeetingRecords.SeriesShape
  /** Whether an event log (database) is connected; without one the ledger is not shown. */
  readonly connected: boolean
  /**
   * Demo mode (`uppdrag serve --demo`): the indicator pages show the
   * synthetic sample instead of publications, and every page carries a
   * banner saying so. Off, no page shows or mentions synthetic data.
   */
  readonly demo: boolean
  /**
   * Runs a use case on the site's services. Its typed failure comes back as
   * `Result.fail`; a defect rejects (the app logs it and shows a 500 page).
   */
  readonly run: <A, E>(program: Effect.Effect<A, E, Services>) => Promise<Result.Result<A, E>>
  /** Today's date in Sweden by the site's clock (`Today.today`). Pages also take `?datum=`. */
  readonly today: () => CalendarDate.CalendarDate
  /** How many events the log holds (0 without a database). */
  readonly count: () => Promise<number>
  /** The log's highest sequence number (0 without a database): an index look-up, whatever the log's size. */
  readonly head: () => Promise<number>
  /**
   * Resolves once the projections every page reads (each grant's ledger, the
   * recorded reports, dates and meetings) have folded the log as it was at
   * start-up. Started by {@link make} in the background, in windows that
   * leave the event loop free, so requests are answered meanwhile (those
   * that need a projection wait for the same fold instead of starting their own).
   */
  readonly ready: Promise<void>
  /**
   * The protected indicator cube built from the indicators package's
   * synthetic sample, or why not; only in {@link demo} mode (else it fails
   * without building anything). Built on first use (a few seconds at the
   * calibrated size) and kept; call it once after listening to warm it up.
   */
  readonly indicators: () => Promise<Result.Result<Cube.Cube, string>>
  /** Stops building the indicator sample and releases the runtime (on shutdown), so the process can end at once. */
  readonly stop: () => void
  /** Logs unexpected failures (the visitor only sees a Swedish message). */
  readonly log: (message: string) => void
}

/** Options of {@link make}. */
export interface Options {
  readonly catalog: Catalog.Catalog
  /**
   * Population figures the grants are split by (`uppdrag serve --population
   * FILE`), for the allocation table and the ledger's "Tilldelat" alike; by
   * default the figures the allocation package ships for each grant's
   * population reference (SCB September 2025 for the 2026 grant).
   */
  readonly population?: Population.Population | undefined
  /** The file {@link population} was read from, for messages. */
  readonly populationFile?: string | undefined
  /**
   * The event log, opened read-only (`Store.open(location, { readOnly: true })`);
   * without it the site runs on the catalog alone, over an empty in-memory log.
   */
  readonly eventLog?: EventLog.Shape | undefined
  /** Demo mode: the synthetic indicator sample instead of publications, with a banner on every page (default off). */
  readonly demo?: boolean | undefined
  /** The synthetic indicator sample of demo mode: generator seed and roughly how many episode rows (default the package's calibrated size). */
  readonly indicatorSample?: { readonly seed: number; readonly episodes?: number | undefined } | undefined
  /**
   * Fixes today's date (tests): the site's clock then reads noon of that day
   * in Sweden. Without it the date comes from the system clock.
   */
  readonly today?: (() => CalendarDate.CalendarDate) | undefined
  readonly log?: ((message: string) => void) | undefined
}

/** Years of the sample cube: those of the statistics database. */
export const sampleYears = { from: 2011, to: 2024 }

/**
 * Builds the protected cube from the indicators package's synthetic
 * episodes and population (seeded, so the same every start), yielding to
 * the event loop between chunks; `stopped` ends it early.
 *
 * @example
 * const cube = await Site.sampleCube({ seed: 2026, episodes: 60_000 })
 */
export const sampleCube = async (sample: { seed: number; episodes?: number | undefined }, stopped: () => boolean = () => false): Promise<Result.Result<Cube.Cube, string>> => {
  const options = sample.episodes === undefined ? { seed: sample.seed, years: sampleYears } : { seed: sample.seed, episodes: sample.episodes, years: sampleYears }
  const population = Denominator.make(Synthetic.population(options), sampleYears)
  if ("issues" in population) return Result.fail(population.issues.map((i) => i.message).join("; "))
  const encoder = new TextEncoder()
  // Yield to the event loop between chunks (about 1 MB each), so requests are
  // answered while the sample is being built.
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (const text of Synthetic.episodes(options)) {
      if (stopped()) throw new Error("avbrutet: webbvyn stängs")
      yield encoder.encode(text)
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  const cube = await Cube.fromEpisodes(chunks(), "syntetiska-episoder.csv", { years: sampleYears, population })
  return Result.isSuccess(cube) ? Result.succeed(cube.success) : Result.fail(cube.failure.message)
}

/**
 * A clock whose wall time is noon (10:00 UTC, 11:00 or 12:00 in Stockholm)
 * of the given day; sleeping and monotonic time stay the system's.
 */
const fixedDayClock = (today: () => CalendarDate.CalendarDate): Clock.Clock => {
  const system = Clock.Clock.defaultValue()
  const millis = (): number => Date.parse(`${today()}T10:00:00.000Z`)
  return {
    currentTimeMillisUnsafe: millis,
    currentTimeMillis: Effect.sync(millis),
    currentTimeNanosUnsafe: () => BigInt(millis()) * 1_000_000n,
    currentTimeNanos: Effect.sync(() => BigInt(millis()) * 1_000_000n),
    monotonicTimeNanosUnsafe: () => system.monotonicTimeNanosUnsafe(),
    monotonicTimeNanos: system.monotonicTimeNanos,
    sleep: (duration) => system.sleep(duration)
  }
}

/**
 * The site's layers: the catalog, the population in force, the read-only
 * log (or an empty one in memory), the meeting series, and the fixed clock
 * when `today` is given.
 *
 * @example
 * const layer = Site.layer({ catalog, eventLog: store })
 */
export const layer = (options: Options): Layer.Layer<Services, CatalogSource.CatalogInvalid> => {
  const services = Layer.mergeAll(
    CatalogSource.layerOf(options.catalog),
    options.population === undefined ? Populations.layerPublished : Populations.layerOf(options.population, options.populationFile ?? options.population.source),
    options.eventLog === undefined ? EventLog.layerMemory() : Layer.succeed(EventLog.EventLog, options.eventLog),
    MeetingRecords.layerSeries()
  )
  return options.today === undefined ? services : Layer.merge(services, Layer.succeed(Clock.Clock, fixedDayClock(options.today)))
}

/**
 * Builds the site's services once. Fails with Swedish lines when they do
 * not build (the meeting series do not load).
 *
 * @example
 * const opened = await Store.open(location, { readOnly: true })
 * const site = Result.getOrThrow(Site.make({ catalog: Catalog.unsafeLoad(), eventLog: Result.getOrThrow(opened) }))
 */
export const make = (options: Options): Result.Result<Site, ReadonlyArray<string>> => {
  const runtime = ManagedRuntime.make(layer(options))
  const built = runtime.runSyncExit(Effect.gen(function* () {
    return yield* MeetingRecords.MeetingSeries
  }))
  if (Exit.isFailure(built)) {
    void runtime.dispose()
    const failure = Exit.findErrorOption(built)
    return Result.fail([failure._tag === "Some" ? failure.value.message : "webbvyns tjänster kunde inte byggas"])
  }
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`))
  let cube: Promise<Result.Result<Cube.Cube, string>> | undefined
  let stopped = false
  const demo = options.demo === true
  const indicators = (): Promise<Result.Result<Cube.Cube, string>> => {
    if (!demo) return Promise.resolve(Result.fail("exempeldata visas bara i demoläget (uppdrag serve --demo)."))
    cube ??= sampleCube(options.indicatorSample ?? { seed: 2026 }, () => stopped).catch((error: unknown) => {
      if (stopped) return Result.fail("webbvyn stängs.")
      log(`Indikatorkuben kunde inte byggas: ${(error as Error).stack ?? String(error)}`)
      return Result.fail("indikatorkuben kunde inte byggas.")
    })
    return cube
  }
  const run = <A, E>(program: Effect.Effect<A, E, Services>): Promise<Result.Result<A, E>> => runtime.runPromise(Effect.result(program))
  const number = async (of: (log: EventLog.Shape) => Effect.Effect<number, unknown>): Promise<number> => {
    const result = await run(
      Effect.gen(function* () {
        return yield* of(yield* EventLog.EventLog)
      })
    )
    if (Result.isFailure(result)) throw new Error((result.failure as { message?: string }).message ?? String(result.failure))
    return result.success
  }
  // Fold the log once at start-up, off the request path (a failure shows on the first page that reads it).
  const ready =
    options.eventLog === undefined
      ? Promise.resolve()
      : run(
          Effect.andThen(
            Effect.forEach(Catalog.grants(options.catalog), ({ grant }) => Projection.current(GrantState.ledgerProjection(grant.id)), { discard: true }),
            Projection.current(Recorded.projection)
          )
        ).then(
          () => undefined,
          () => undefined
        )
  return Result.succeed({
    catalog: options.catalog,
    series: built.value,
    connected: options.eventLog !== undefined,
    demo,
    run,
    today: () => runtime.runSync(Today.today),
    count: () => number((log) => log.count),
    head: () => number((log) => log.head),
    ready,
    indicators,
    stop: () => {
      stopped = true
      void runtime.dispose()
    },
    log
  })
}

/**
 * How far the event log has come (its highest sequence number, which every
 * new event raises), for the page cache: a new event changes every page that
 * shows recorded data. `"katalog"` without a database. Read at most every
 * {@link versionTtlMs} milliseconds; an index look-up, unlike a count, so it
 * costs the same on a log of 300 000 events.
 *
 * @example
 * await Site.dataVersion(site) // "17"
 */
export const dataVersion = async (site: Site): Promise<string> => {
  if (!site.connected) return "katalog"
  const now = performance.now()
  const known = versions.get(site)
  if (known !== undefined && now - known.at < versionTtlMs) return known.value
  const value = String(await site.head())
  versions.set(site, { value, at: now })
  return value
}

/** How long a read of the log's size is trusted: a new event shows on the pages within this time. */
export const versionTtlMs = 500

const versions = new WeakMap<Site, { readonly value: string; readonly at: number }>()

/**
 * How fresh the site's data are (`Freshness.latest`), read again only when
 * the data version (the log's count) changes; undefined when the log cannot be read.
 *
 * @example
 * (await Site.freshness(site))?.latestDecision?.decided // "2026-01-22"
 */
export const freshness = async (site: Site): Promise<Freshness.Freshness | undefined> => {
  const version = await dataVersion(site)
  const known = freshnesses.get(site)
  if (known !== undefined && known.version === version) return known.value
  const result = await site.run(Freshness.latest)
  if (Result.isFailure(result)) {
    site.log(`Senast uppdaterad kunde inte läsas: ${result.failure.message}`)
    return undefined
  }
  freshnesses.set(site, { version, value: result.success })
  return result.success
}

const freshnesses = new WeakMap<Site, { readonly version: string; readonly value: Freshness.Freshness }>()

/**
 * The freshness last read for the site, without reading anything (for pages
 * answered before any data is read, such as a refused date).
 *
 * @example
 * Site.knownFreshness(site)?.events // 7
 */
export const knownFreshness = (site: Site): Freshness.Freshness | undefined => freshnesses.get(site)?.value
