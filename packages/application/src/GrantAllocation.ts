import { Allocation, CappedPot, DistributionKey, GrantFile, Provenance, PublishedTable, Scaling } from "@uppdrag/allocation"
import { type Assignment, Catalog, Kronor, Population, PopulationBasis, Region, ValidationError } from "@uppdrag/core"
import { Conditions2012 } from "@uppdrag/indicators"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { CatalogSource, type CatalogInvalid } from "./CatalogSource.js"
import { type Found, UnknownGrant } from "./GrantState.js"
import { InputFiles, type InputUnreadable } from "./InputFiles.js"

/**
 * `uppdrag allocate` as a use case, for every adapter: a grant (catalog id
 * or grant file, with its distribution-key files) split over the regions by
 * a population file, optionally for a planned year (`year`), scaled to
 * another amount (`scaleTo`), checked against a published table (`verify`)
 * or compared with another allocation (`diff`), always with its provenance
 * (the population file's SHA-256, the grant's source, keys, method, tie
 * rule, version). Output made by scaling, for a planned year or with a
 * diff is preliminary. A capped performance pot (the 2012 model) is paid by
 * conditions instead ({@link capped}).
 *
 * @example
 * import { GrantAllocation } from "@uppdrag/application"
 * const result = yield* GrantAllocation.allocate({ grant: "specialiserad-psykiatri-2026", population: "befolkning.csv", verify: "bilaga.csv" })
 * result.verification?.discrepancies // [] when the published table agrees to the krona
 */

/**
 * What to allocate and how.
 *
 * @since 0.2.0
 */
export interface Request {
  /** A catalog grant id, or a grant file (JSON or YAML). */
  readonly grant: string
  /** The population file (project CSV, PxWeb CSV or JSON-stat). */
  readonly population: string
  readonly exclude?: ReadonlyArray<string> | undefined
  /** A budget year of the decision (`2027`): a planned year's amount to the regions, or with `scaleTo`. */
  readonly year?: number | undefined
  /** Split this amount over the components in proportion to their amounts first. */
  readonly scaleTo?: number | undefined
  /** A published table to check every cell against. */
  readonly verify?: string | undefined
  /** Another allocation to show each region's change against. */
  readonly diff?: string | undefined
}

/**
 * A grant resolved: a population split (catalog or file) or a capped pot.
 *
 * @since 0.2.0
 */
export type Resolved =
  | { readonly _tag: "Split"; readonly spec: Allocation.Spec; readonly source: Provenance.GrantSource; readonly found?: Found | undefined }
  | { readonly _tag: "Capped"; readonly grant: Assignment.Grant }

/**
 * An allocation with everything the formats show.
 *
 * @since 0.2.0
 */
export interface Allocated {
  readonly allocation: Allocation.Allocation
  readonly provenance: Provenance.Provenance
  /** Whether the output is PRELIMINÄR (reasons in `provenance.preliminary`). */
  readonly preliminary: boolean
  readonly verification?: PublishedTable.Verification | undefined
  readonly diff?: PublishedTable.Diff | undefined
}

/**
 * An option that does not apply to this grant, or options that do not go together: a usage error.
 *
 * @since 0.2.0
 */
export class OptionNotApplicable extends Data.TaggedError("OptionNotApplicable")<{ readonly reason: string }> {
  override get message(): string {
    return this.reason
  }
}

/**
 * A year the decision has no funds for, or a planned year without an amount for the regions.
 *
 * @since 0.2.0
 */
export class YearRefused extends Data.TaggedError("YearRefused")<{ readonly reason: string }> {
  override get message(): string {
    return `--year: ${this.reason}`
  }
}

/**
 * Every failure of {@link allocate}.
 *
 * @since 0.2.0
 */
export type Failure =
  | UnknownGrant
  | CatalogInvalid
  | InputUnreadable
  | ValidationError
  | OptionNotApplicable
  | YearRefused
  | Allocation.AllocationRefused
  | Scaling.ScalingRefused

const looksLikeFile = (reference: string): boolean => /\.(json|ya?ml)$/i.test(reference) || reference.includes("/")

/** Reads and decodes a grant file and its key files. */
const grantFile = (file: string, bytes: Uint8Array): Effect.Effect<Resolved, ValidationError | InputUnreadable, InputFiles> =>
  Effect.gen(function* () {
    const files = yield* InputFiles
    const draft = yield* Effect.fromResult(GrantFile.decode(bytes, file))
    const keys = new Map<string, DistributionKey.Key>()
    for (const ref of draft.keys) {
      if (keys.has(ref.file)) continue
      keys.set(ref.file, yield* Effect.fromResult(DistributionKey.parse(yield* files.read(ref.file, "distributionKey"), ref.file)))
    }
    const spec = yield* Effect.fromResult(GrantFile.resolve(draft, keys))
    return { _tag: "Split", spec, source: { _tag: "File", grant: spec.id, file, sha256: DistributionKey.sha256(bytes) } } as const
  })

/**
 * A grant reference resolved: a file when it looks like one (`.json`,
 * `.yaml`, a path), else a catalog id, else a file of that name.
 *
 * @example
 * const resolved = yield* GrantAllocation.resolve("specialiserad-psykiatri-2026")
 * @since 0.2.0
 */
export const resolve = (reference: string): Effect.Effect<Resolved, UnknownGrant | ValidationError | InputUnreadable, CatalogSource | InputFiles> =>
  Effect.gen(function* () {
    const files = yield* InputFiles
    if (looksLikeFile(reference)) return yield* grantFile(reference, yield* files.read(reference, "grant"))
    const catalog = yield* CatalogSource
    const found = Catalog.findGrant(catalog, reference)
    if (found === undefined) {
      const bytes = yield* Effect.result(files.read(reference, "grant"))
      if (Result.isSuccess(bytes)) return yield* grantFile(reference, bytes.success)
      return yield* Effect.fail(new UnknownGrant({ grant: reference, known: Catalog.grants(catalog).map((g) => g.grant.id) }))
    }
    if (found.grant.method === "capped-performance") return { _tag: "Capped", grant: found.grant } as const
    const refs = [...new Set(found.grant.components.map((c) => c.populationReference))]
    return {
      _tag: "Split",
      spec: Allocation.fromGrant(found.grant),
      found,
      source: {
        _tag: "Catalog",
        grant: found.grant.id,
        assignment: found.assignment.id,
        diaryNumbers: found.assignment.diaryNumbers,
        decided: found.assignment.decided,
        source: found.grant.source,
        populationReference: refs.join(", ")
      }
    } as const
  })

/** The amount for a year of the decision, and why it is preliminary. */
const forYear = (
  found: Found | undefined,
  year: number,
  scaleTo: number | undefined
): Effect.Effect<{ amount: number | undefined; reasons: Array<string> }, YearRefused> => {
  if (found === undefined) return Effect.fail(new YearRefused({ reason: "gäller statsbidrag i katalogen, vars beslut anger medel per år; ange --scale-to för en bidragsfil" }))
  const { assignment, grant } = found
  if (year === grant.year) return Effect.succeed({ amount: scaleTo, reasons: [] })
  const funding = assignment.funding.find((f) => f.year === year)
  const years = assignment.funding.map((f) => `${f.year}${f.planned ? " (planerat)" : ""}`).join(", ")
  if (funding === undefined) return Effect.fail(new YearRefused({ reason: `beslutet ${assignment.id} anger inga medel för ${year} (år med medel: ${years})` }))
  const reasons = funding.planned ? [`${year} är ett planerat år; medlen förutsätter att riksdagen anvisar dem`] : []
  if (scaleTo !== undefined) return Effect.succeed({ amount: scaleTo, reasons })
  if (funding.toRegions !== undefined) return Effect.succeed({ amount: funding.toRegions, reasons: [...reasons, `${Kronor.format(funding.toRegions)} till regionerna enligt beslutet för ${year}`] })
  const current = assignment.funding.find((f) => f.year === grant.year)
  const example = current?.toRegions === undefined ? "" : ` (${grant.year}: ${Kronor.format(current.toRegions)} av ${Kronor.format(current.total)} till regionerna)`
  return Effect.fail(
    new YearRefused({
      reason: `för ${year} planerar beslutet ${Kronor.format(funding.total)} totalt för ändamålet men anger inte hur mycket som går till regionerna; ange --scale-to BELOPP${example}`
    })
  )
}

/** A population file read, parsed and described (SHA-256 of the bytes, PxWeb metadata). */
const readPopulation = (file: string): Effect.Effect<{ population: Population.Population; source: Provenance.PopulationSource }, ValidationError | InputUnreadable, InputFiles> =>
  Effect.gen(function* () {
    const bytes = yield* (yield* InputFiles).read(file, "population")
    const population = yield* Effect.fromResult(Population.parse(bytes, file))
    return { population, source: Provenance.describePopulation(bytes, file) }
  })

/**
 * Allocates a population split (catalog grant or grant file) with its
 * provenance, and verifies or compares it when asked.
 *
 * @example
 * const { allocation, provenance } = yield* GrantAllocation.allocate({ grant: "specialiserad-psykiatri-2026", population: "befolkning.csv", year: 2027, scaleTo: 1_500_000_000 })
 * allocation.components.map((c) => c.amount) // [1147651007, 201342282, 151006711]
 * @since 0.2.0
 */
export const allocate = (request: Request): Effect.Effect<Allocated, Failure, CatalogSource | InputFiles> =>
  Effect.gen(function* () {
    const resolved = yield* resolve(request.grant)
    if (resolved._tag === "Capped") {
      return yield* Effect.fail(new OptionNotApplicable({ reason: `${resolved.grant.id} är en prestationsbaserad pott: använd GrantAllocation.capped` }))
    }
    return yield* allocateResolved(resolved, request)
  })

/**
 * {@link allocate} for a grant already resolved (the CLI resolves first, to
 * tell a capped pot from a population split).
 *
 * @example
 * const resolved = yield* GrantAllocation.resolve(options.grant)
 * if (resolved._tag === "Split") yield* GrantAllocation.allocateResolved(resolved, request)
 * @since 0.2.0
 */
export const allocateResolved = (
  resolved: Extract<Resolved, { _tag: "Split" }>,
  request: Request
): Effect.Effect<Allocated, Exclude<Failure, UnknownGrant | CatalogInvalid>, InputFiles> =>
  Effect.gen(function* () {
    const files = yield* InputFiles
    const year = request.year === undefined ? { amount: request.scaleTo, reasons: [] as Array<string> } : yield* forYear(resolved.found, request.year, request.scaleTo)
    let spec = resolved.spec
    let scaling: Provenance.Provenance["scaling"]
    const reasons = [...year.reasons]
    if (year.amount !== undefined) {
      const scaled = yield* Effect.fromResult(Scaling.scaleTo(spec, year.amount))
      spec = scaled.spec
      scaling = { from: scaled.from, to: scaled.to, components: scaled.components }
      if (request.scaleTo !== undefined) reasons.push(`skalad från ${Kronor.format(scaled.from)} till ${Kronor.format(scaled.to)} (--scale-to)`)
    }
    const { population, source } = yield* readPopulation(request.population)
    const allocation = yield* Effect.fromResult(Allocation.allocate(spec, population, { exclude: request.exclude ?? [] }))
    const table = (file: string) =>
      Effect.flatMap(files.read(file, "publishedTable"), (bytes) => Effect.fromResult(PublishedTable.parse(bytes, file, allocation.components.map((c) => ({ id: c.id, title: c.title, basis: c.basis })))))
    const verification = request.verify === undefined ? undefined : yield* Effect.fromResult(PublishedTable.verify(allocation, yield* table(request.verify)))
    const diff = request.diff === undefined ? undefined : PublishedTable.diff(allocation, yield* table(request.diff))
    if (diff !== undefined) reasons.push(`jämförd med ${diff.source} (--diff)`)
    const provenance = Provenance.make({ allocation, population: source, grant: resolved.source, preliminary: reasons, year: request.year, scaling })
    return { allocation, provenance, preliminary: reasons.length > 0, verification, diff }
  })

/**
 * A capped pot's outcome with what the formats show.
 *
 * @since 0.2.0
 */
export interface CappedAllocated {
  readonly grant: Assignment.Grant
  readonly outcome: CappedPot.Outcome
  /** The Riket row. */
  readonly totals: CappedPot.Totals
  /** The conditions each region has not met, by region code. */
  readonly missing: ReadonlyMap<string, ReadonlyArray<string>>
  /** The number of conditions. */
  readonly of: number
  readonly scoring: "partial" | "all-or-nothing"
  readonly population: Provenance.PopulationSource
}

/**
 * What a capped pot is paid by.
 *
 * @since 0.2.0
 */
export interface CappedRequest {
  readonly population: string
  /** The conditions file: CSV `region,kompetensplan,nyaTeam,tvangsatgarder,redovisning`, ja/nej. */
  readonly conditions: string
  /** A quarter of the cap per condition met (else the whole cap only when all are met). */
  readonly partial?: boolean | undefined
  /** Split what is not earned again by population, never above a cap. */
  readonly redistribute?: boolean | undefined
}

/**
 * A capped, performance-based pot (the 2012 model of seed 002): each
 * region's cap is its population share of the pot, earned by the
 * conditions it meets; what is not earned is reported, or redistributed
 * under the same caps.
 *
 * @example
 * const { outcome, totals } = yield* GrantAllocation.capped(grant, { population: "befolkning.csv", conditions: "villkor.csv" })
 * @since 0.2.0
 */
export const capped = (
  grant: Assignment.Grant,
  request: CappedRequest
): Effect.Effect<CappedAllocated, ValidationError | InputUnreadable | CappedPot.CappedPotRefused, InputFiles> =>
  Effect.gen(function* () {
    const files = yield* InputFiles
    const text = yield* Effect.fromResult(Population.decode(yield* files.read(request.conditions, "conditions"), request.conditions))
    const checklists = yield* Effect.fromResult(Conditions2012.parseCsv(text, request.conditions))
    const absent = Region.all.filter((r) => !checklists.some((c) => c.region === r.code))
    if (absent.length > 0) {
      return yield* Effect.fail(
        new ValidationError({ source: request.conditions, issues: absent.map((r) => ({ path: "", message: `${r.name} (${r.code}) saknas; villkorsfilen ska ha en rad per region` })) })
      )
    }
    const { population, source } = yield* readPopulation(request.population)
    // The catalog allows a capped pot exactly one component: the whole pot, by one population basis.
    const figures = yield* Effect.fromResult(Population.basis(population, PopulationBasis.unsafeParse(grant.components[0]!.basis)))
    const attainment = CappedPot.fromChecklist(Object.fromEntries(checklists.map((c) => [c.region, Conditions2012.conditions.map((x) => c.met[x.id])])), {
      allOrNothing: request.partial !== true
    })
    const outcome = yield* Effect.fromResult(CappedPot.allocate(grant.amount, figures, attainment, { redistribute: request.redistribute === true }))
    return {
      grant,
      outcome,
      totals: CappedPot.totals(outcome),
      missing: new Map(checklists.map((c) => [c.region, Conditions2012.evaluate(c).missing])),
      of: Conditions2012.conditions.length,
      scoring: request.partial === true ? "partial" : "all-or-nothing",
      population: source
    }
  })
