import { Allocation, type Ledger, PublishedPopulation } from "@uppdrag/allocation"
import { type Assignment, type CalendarDate, Catalog, type Population } from "@uppdrag/core"
import { Obligation } from "@uppdrag/deadlines"
import { Cube, Denominator, Synthetic } from "@uppdrag/indicators"
import { type Meeting, MeetingRecord, Series } from "@uppdrag/meetings"
import { Recorded as RecordedLog, type Store } from "@uppdrag/store"
import * as Result from "effect/Result"
import type { AllocationOutcome } from "./pages/AllocationPage.js"

/**
 * What the site reads, gathered once at start-up (the catalog and what is
 * derived from it) plus read-only handles for what can change (the store).
 * Pages only render what the packages return.
 */
export interface Site {
  readonly catalog: Catalog.Catalog
  /** Every dated duty of the catalog (from @uppdrag/deadlines). */
  readonly obligations: ReadonlyArray<Obligation.Obligation>
  /** Each grant's allocation (from @uppdrag/allocation), or why there is none, by grant id. */
  readonly allocations: ReadonlyMap<string, AllocationOutcome>
  /** The meeting series (from @uppdrag/meetings: seed 001's series). */
  readonly series: ReadonlyArray<MeetingSeries>
  /**
   * The protected indicator cube built from the indicators package's
   * synthetic sample, or why not. Built on first use (a few seconds at the
   * calibrated size) and kept; call it once after listening to warm it up.
   */
  readonly indicators: () => Promise<Result.Result<Cube.Cube, string>>
  /** Stops building the indicator sample (on shutdown), so the process can end at once. */
  readonly stop: () => void
  /** Today's date in Sweden; tests pass a fixed one. Pages also take `?datum=`. */
  readonly today: () => CalendarDate.CalendarDate
  /** Logs unexpected failures (the visitor only sees a Swedish message). */
  readonly log: (message: string) => void
  /** The event log, read-only; undefined when the site runs on the catalog alone. */
  readonly store: ReadOnlyStore | undefined
}

/**
 * A meeting series as @uppdrag/meetings loads it (named through `unsafeLoad`
 * because the package's bundled types export `Series.Series` as a value only).
 */
export type MeetingSeries = ReturnType<typeof Series.unsafeLoad>[number]

/**
 * The part of the store the site may use: reads only. The web app is handed
 * this narrowed view, so no page or handler can append to the event log.
 */
export type ReadOnlyStore = Pick<Store.Store, "ledger" | "events" | "count">

/** What the site reads from the event log, or why it could not. */
export interface Recorded {
  /** Submitted reports, as @uppdrag/deadlines takes them. */
  readonly submissions: RecordedLog.Recorded["submissions"]
  /** Dates set for duties the decision left open, as @uppdrag/deadlines takes them. */
  readonly dueDates: RecordedLog.Recorded["dueDates"]
  /** The current meeting records (later records of the same id replace earlier ones). */
  readonly meetings: ReadonlyArray<Meeting.Meeting>
}

/** Options of {@link make}. */
export interface Options {
  readonly catalog: Catalog.Catalog
  /**
   * Population figures the grants are split by; by default the figures the
   * allocation package ships for each grant's population reference (SCB
   * September 2025 for the 2026 grant).
   */
  readonly population?: Population.Population | undefined
  /** The synthetic indicator sample: generator seed and roughly how many episode rows (default the package's calibrated size). */
  readonly indicatorSample?: { readonly seed: number; readonly episodes?: number | undefined } | undefined
  readonly today: () => CalendarDate.CalendarDate
  readonly log?: (message: string) => void
  readonly store?: ReadOnlyStore | undefined
}

/** Years of the sample cube: those of the statistics database. */
export const sampleYears = { from: 2011, to: 2024 }

/**
 * Builds the protected cube from the indicators package's synthetic
 * episodes and population (seeded, so the same every start).
 */
const sampleCube = async (sample: { seed: number; episodes?: number | undefined }, stopped: () => boolean): Promise<Result.Result<Cube.Cube, string>> => {
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

const allocationOf = (grant: Assignment.Grant, population: Population.Population | undefined): AllocationOutcome => {
  if (grant.method !== "largest-remainder") {
    return { _tag: "NotAllocated", reason: "potten betalas ut per region efter vilka villkor som uppfyllts, upp till regionens befolkningsandel, och har ingen fast fördelning i förväg." }
  }
  const figures = population === undefined ? PublishedPopulation.forGrant(grant) : Result.succeed(population)
  if (Result.isFailure(figures)) return { _tag: "NotAllocated", reason: figures.failure.message }
  const result = Allocation.allocate(Allocation.fromGrant(grant), figures.success)
  return Result.isSuccess(result) ? { _tag: "Allocated", allocation: result.success } : { _tag: "NotAllocated", reason: result.failure.message }
}

/**
 * Gathers the site's data from the packages. Fails with Swedish lines when
 * the catalog's duties do not collect.
 *
 * @example
 * const site = Result.getOrThrow(Site.make({ catalog: Catalog.unsafeLoad(), population, today: () => CalendarDate.today() }))
 */
export const make = (options: Options): Result.Result<Site, ReadonlyArray<string>> => {
  const obligations = Obligation.collect(options.catalog.assignments)
  if (Result.isFailure(obligations)) return Result.fail([obligations.failure.message])
  const series = Series.load()
  if (Result.isFailure(series)) return Result.fail(series.failure.map((e) => e.message))
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`))
  let cube: Promise<Result.Result<Cube.Cube, string>> | undefined
  let stopped = false
  const indicators = (): Promise<Result.Result<Cube.Cube, string>> => {
    cube ??= sampleCube(options.indicatorSample ?? { seed: 2026 }, () => stopped).catch((error: unknown) => {
      if (stopped) return Result.fail("webbvyn stängs.")
      log(`Indikatorkuben kunde inte byggas: ${(error as Error).stack ?? String(error)}`)
      return Result.fail("indikatorkuben kunde inte byggas.")
    })
    return cube
  }
  return Result.succeed({
    catalog: options.catalog,
    obligations: obligations.success,
    allocations: new Map(Catalog.grants(options.catalog).map(({ grant }) => [grant.id, allocationOf(grant, options.population)])),
    series: series.success,
    indicators,
    stop: () => {
      stopped = true
    },
    today: options.today,
    log,
    store: options.store
  })
}

/**
 * How far the event log has come (its number of events), for the page cache:
 * a new event changes every page that shows recorded data. `"katalog"` without a store.
 * Read at most every {@link versionTtlMs} milliseconds.
 *
 * @example
 * await Site.dataVersion(site) // "17"
 */
export const dataVersion = async (site: Site): Promise<string> => {
  if (site.store === undefined) return "katalog"
  const now = performance.now()
  const known = versions.get(site)
  if (known !== undefined && now - known.at < versionTtlMs) return known.value
  const count = await site.store.count()
  if (Result.isFailure(count)) throw new Error(count.failure.message)
  versions.set(site, { value: String(count.success), at: now })
  return String(count.success)
}

/** How long a read of the log's size is trusted: a new event shows on the pages within this time. */
export const versionTtlMs = 500

const versions = new WeakMap<Site, { readonly value: string; readonly at: number }>()

/**
 * Submitted reports, dates set for open duties and meeting records from the
 * event log (@uppdrag/store's `Recorded`), the meetings read back with the
 * meetings package's schema.
 *
 * @example
 * const { submissions, dueDates, meetings } = await Site.recorded(site)
 */
export const recorded = async (site: Site): Promise<Recorded> => {
  if (site.store === undefined) return { submissions: [], dueDates: [], meetings: [] }
  const events = await site.store.events({ types: RecordedLog.types })
  if (Result.isFailure(events)) throw new Error(events.failure.message)
  const { submissions, dueDates, meetings } = RecordedLog.fold(events.success)
  const records = meetings.flatMap(({ payload }) => {
    const parsed = MeetingRecord.schema.safeParse(payload)
    return parsed.success ? [parsed.data] : []
  })
  return { submissions, dueDates, meetings: MeetingRecord.current(records).meetings }
}

/**
 * A grant's ledger (allocated, requisitioned, paid out, reported used, to
 * repay, repaid, outstanding) per region and nationally, as the store folds
 * it; undefined without a store.
 *
 * @example
 * (await Site.ledger(site, "specialiserad-psykiatri-2026"))?.total.requisitioned
 */
export const ledger = async (site: Site, grant: string): Promise<Ledger.Summary | undefined> => {
  if (site.store === undefined) return undefined
  const summary = await site.store.ledger(grant)
  if (Result.isFailure(summary)) throw new Error(summary.failure.message)
  return summary.success
}
