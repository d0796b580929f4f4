import { basename } from "node:path"
import { type Assignment, Kronor, Population, PopulationBasis, Region, ValidationError } from "@uppdrag/core"
import * as Data from "effect/Data"
import * as Result from "effect/Result"
import type * as DistributionKey from "./DistributionKey.js"
import * as LargestRemainder from "./LargestRemainder.js"

/**
 * A grant split over the regions, component by component: each component
 * first gives every eligible region its fixed amount (if any), then splits
 * the rest by population in its age band with the largest-remainder method.
 * Rounding is per component; a region's total is the sum of its components.
 * Excluded regions (failed conditions) get nothing and the shares are
 * recomputed over the others.
 *
 * @example
 * import { Allocation } from "@uppdrag/allocation"
 * import { Catalog, Population } from "@uppdrag/core"
 * import { Result } from "effect"
 * const { grant } = Catalog.findGrant(Catalog.unsafeLoad(), "specialiserad-psykiatri-2026")!
 * const population = Result.getOrThrow(Population.parseFile("population-2025-09.csv"))
 * const allocation = Result.getOrThrow(Allocation.allocate(Allocation.fromGrant(grant), population))
 * allocation.rows.find((r) => r.region === "03")?.total // 58203923
 */

/**
 * What a component is split by: the population in an age band (an
 * `AgeBand`), a distribution key's weights (`{ _tag: "Key" }`), or the
 * population in an age band times the key's weight per region
 * (`{ _tag: "WeightedPopulation" }`). All three are split by the largest
 * remainder in exact integer arithmetic with the same tie rule (larger
 * weight, then lower code).
 *
 * @example
 * const byKey: Allocation.Basis = { _tag: "Key", key }
 * const weighted: Allocation.Basis = { _tag: "WeightedPopulation", band: PopulationBasis.unsafeParse("18+"), key }
 * @since 0.2.0
 */
export type Basis =
  | PopulationBasis.AgeBand
  | { readonly _tag: "Key"; readonly key: DistributionKey.Key }
  | { readonly _tag: "WeightedPopulation"; readonly band: PopulationBasis.AgeBand; readonly key: DistributionKey.Key }

/**
 * How a basis reads in tables: `18+`, `nyckel vardmodell.csv`, `18+ × vardmodell.csv`.
 *
 * @since 0.2.0
 */
export const formatBasis = (basis: Basis): string => {
  if (!("_tag" in basis)) return PopulationBasis.format(basis)
  return basis._tag === "Key" ? `nyckel ${basename(basis.key.source)}` : `${PopulationBasis.format(basis.band)} × ${basename(basis.key.source)}`
}

/**
 * The distribution key of a basis, if it has one.
 *
 * @since 0.2.0
 */
export const keyOf = (basis: Basis): DistributionKey.Key | undefined => ("_tag" in basis ? basis.key : undefined)

/**
 * One component as the allocation needs it.
 *
 * @since 0.2.0
 */
export interface Component {
  readonly id: string
  readonly title?: string | undefined
  /** The component's whole amount, fixed parts included. */
  readonly amount: Kronor.Kronor
  readonly basis: Basis
  /** Given to each eligible region before the rest is split by population. */
  readonly fixedPerRegion?: Kronor.Kronor | undefined
}

/**
 * What to allocate: a grant id, its components in order, and excluded regions.
 *
 * @since 0.2.0
 */
export interface Spec {
  readonly id: string
  readonly components: ReadonlyArray<Component>
  readonly exclude: ReadonlyArray<Region.RegionCode>
}

/**
 * The spec of a catalog grant.
 *
 * @example
 * Allocation.fromGrant(grant).components.map((c) => c.id) // ["vardkapacitet", "sjalvvald_inlaggning", "flexibla_overgangar"]
 * @since 0.2.0
 */
export const fromGrant = (grant: Assignment.Grant): Spec => ({
  id: grant.id,
  exclude: grant.exclude,
  components: grant.components.map((c) => ({
    id: c.id,
    title: c.title,
    amount: c.amount,
    basis: PopulationBasis.unsafeParse(c.basis),
    fixedPerRegion: c.fixedPerRegion
  }))
})

/**
 * How one region's amount in one component came about.
 *
 * @since 0.2.0
 */
export interface Line {
  readonly region: Region.RegionCode
  readonly name: string
  /** Excluded regions get nothing and do not count in the national population. */
  readonly excluded: boolean
  /** The region's population in the component's band (0 for a split by key alone). */
  readonly population: number
  /** The sum over the eligible regions. */
  readonly nationalPopulation: number
  /**
   * The weight the split uses: the population, the key's weight in
   * millionths, or population × the key's weight in millionths.
   */
  readonly weight: bigint
  /** The key's weight as the key file writes it, when the basis has a key. */
  readonly keyWeight?: string | undefined
  /** The fixed amount given first (0 without one). */
  readonly fixed: Kronor.Kronor
  /** Exact quota of the population part: `quotaNumerator / denominator` kronor. */
  readonly quotaNumerator: bigint
  readonly denominator: bigint
  readonly floor: bigint
  /** The fractional part is `remainder / denominator`. */
  readonly remainder: bigint
  /** 1-based rank of the remainder among the eligible regions (0 when excluded). */
  readonly rank: number
  /** Whether the region got one of the left-over kronor. */
  readonly extra: boolean
  /** fixed + floor + extra. */
  readonly amount: Kronor.Kronor
}

/**
 * One component's result.
 *
 * @since 0.2.0
 */
export interface ComponentResult {
  readonly id: string
  readonly title?: string | undefined
  readonly amount: Kronor.Kronor
  readonly basis: string
  /** `population`, `key` or `weighted-population`. */
  readonly basisKind: "population" | "key" | "weighted-population"
  /** The key file of a keyed basis, with its SHA-256. */
  readonly key?: { readonly source: string; readonly sha256: string } | undefined
  readonly fixedPerRegion?: Kronor.Kronor | undefined
  /** What was split by population: `amount − fixedPerRegion × eligible regions`. */
  readonly distributed: Kronor.Kronor
  /** Kronor handed out one each to the largest remainders. */
  readonly leftOver: number
  /** One line per region, SCB code order. */
  readonly lines: ReadonlyArray<Line>
}

/**
 * One region's row: its amount per component and its total.
 *
 * @since 0.2.0
 */
export interface Row {
  readonly region: Region.RegionCode
  readonly name: string
  readonly amounts: Readonly<Record<string, Kronor.Kronor>>
  readonly total: Kronor.Kronor
}

/**
 * The whole allocation of a grant.
 *
 * @since 0.2.0
 */
export interface Allocation {
  readonly grant: string
  readonly method: "largest-remainder"
  readonly exclude: ReadonlyArray<Region.RegionCode>
  readonly components: ReadonlyArray<ComponentResult>
  /** All 21 regions in SCB code order (excluded ones with 0). */
  readonly rows: ReadonlyArray<Row>
  readonly total: Kronor.Kronor
}

/**
 * A component cannot be allocated: fixed amounts above its amount, or no population to split by.
 *
 * @since 0.2.0
 */
export class AllocationRefused extends Data.TaggedError("AllocationRefused")<{ readonly component: string; readonly reason: string }> {
  override get message(): string {
    return `komponenten ${this.component}: ${this.reason}`
  }
}

/** The integer weights of a basis for the eligible regions, and the population when the basis has one. */
const weightsOf = (
  basis: Basis,
  population: Population.Population,
  regions: ReadonlyArray<Region.RegionCode>
): Result.Result<{ weights: Map<string, bigint>; population: Map<Region.RegionCode, number> | undefined }, ValidationError> => {
  if ("_tag" in basis && basis._tag === "Key") {
    return Result.succeed({ weights: new Map(regions.map((code) => [code, basis.key.weights.get(code) ?? 0n])), population: undefined })
  }
  const band = "_tag" in basis ? basis.band : basis
  const heads = Population.basis(population, band, { regions })
  if (Result.isFailure(heads)) return Result.fail(heads.failure)
  const key = keyOf(basis)
  return Result.succeed({
    weights: new Map(regions.map((code) => [code, BigInt(heads.success.get(code) ?? 0) * (key === undefined ? 1n : (key.weights.get(code) ?? 0n))])),
    population: heads.success
  })
}

/**
 * Allocates every component of the spec over the 21 regions. Population
 * problems (a band that cannot be resolved) come back as the population's
 * `ValidationError`; other refusals as {@link AllocationRefused}.
 * `options.exclude` adds to the spec's own exclusions.
 *
 * @example
 * Allocation.allocate(spec, population, { exclude: ["13", "21", "24"] })
 * @since 0.2.0
 */
export const allocate = (
  spec: Spec,
  population: Population.Population,
  options: { exclude?: ReadonlyArray<string> } = {}
): Result.Result<Allocation, ValidationError | AllocationRefused> => {
  const unknown = (options.exclude ?? []).filter((code) => !Region.isRegionCode(code))
  if (unknown.length > 0) {
    return Result.fail(new ValidationError({ source: "--exclude", issues: unknown.map((code) => ({ path: "", message: `okänd regionkod ${JSON.stringify(code)} (ange SCB-kod 01–25)` })) }))
  }
  const excluded = new Set<string>([...spec.exclude, ...(options.exclude ?? [])])
  const eligible = Region.all.filter((r) => !excluded.has(r.code))
  if (eligible.length === 0) return Result.fail(new AllocationRefused({ component: spec.components[0]?.id ?? spec.id, reason: "alla regioner är undantagna" }))
  const components: Array<ComponentResult> = []
  const issues: Array<ValidationError> = []
  for (const component of spec.components) {
    const basis = weightsOf(component.basis, population, eligible.map((r) => r.code))
    if (Result.isFailure(basis)) {
      issues.push(basis.failure)
      continue
    }
    const fixed = component.fixedPerRegion ?? 0
    const distributed = component.amount - fixed * eligible.length
    if (distributed < 0) {
      return Result.fail(
        new AllocationRefused({
          component: component.id,
          reason: `fasta belopp ${Kronor.format(fixed)} × ${eligible.length} regioner överstiger komponentens belopp ${Kronor.format(component.amount)}`
        })
      )
    }
    const shares = LargestRemainder.allocate(
      distributed,
      eligible.map((r) => ({ id: r.code, weight: basis.success.weights.get(r.code) ?? 0n }))
    )
    if (Result.isFailure(shares)) return Result.fail(new AllocationRefused({ component: component.id, reason: shares.failure.message }))
    const key = keyOf(component.basis)
    const heads = basis.success.population
    const byRegion = new Map(shares.success.map((s) => [s.id, s]))
    const national = eligible.reduce((acc, r) => acc + (heads?.get(r.code) ?? 0), 0)
    const lines = Region.all.map((region): Line => {
      const share = byRegion.get(region.code)
      if (share === undefined) {
        return {
          region: region.code,
          name: region.name,
          excluded: true,
          population: 0,
          nationalPopulation: national,
          weight: 0n,
          keyWeight: key?.texts.get(region.code),
          fixed: Kronor.zero,
          quotaNumerator: 0n,
          denominator: BigInt(national),
          floor: 0n,
          remainder: 0n,
          rank: 0,
          extra: false,
          amount: Kronor.zero
        }
      }
      return {
        region: region.code,
        name: region.name,
        excluded: false,
        population: heads?.get(region.code) ?? 0,
        nationalPopulation: national,
        weight: share.weight,
        keyWeight: key?.texts.get(region.code),
        fixed: Kronor.unsafeMake(fixed),
        quotaNumerator: share.quotaNumerator,
        denominator: share.denominator,
        floor: share.floor,
        remainder: share.remainder,
        rank: share.rank,
        extra: share.extra,
        amount: Kronor.unsafeMake(fixed + Number(share.amount))
      }
    })
    const floors = shares.success.reduce((acc, s) => acc + s.floor, 0n)
    components.push({
      id: component.id,
      title: component.title,
      amount: component.amount,
      basis: formatBasis(component.basis),
      basisKind: !("_tag" in component.basis) ? "population" : component.basis._tag === "Key" ? "key" : "weighted-population",
      key: key === undefined ? undefined : { source: key.source, sha256: key.sha256 },
      fixedPerRegion: component.fixedPerRegion,
      distributed: Kronor.unsafeMake(distributed),
      leftOver: Number(BigInt(distributed) - floors),
      lines
    })
  }
  if (issues.length > 0) {
    return Result.fail(new ValidationError({ source: issues[0]!.source, issues: issues.flatMap((e) => e.issues) }))
  }
  const rows = Region.all.map((region, i): Row => {
    const amounts: Record<string, Kronor.Kronor> = {}
    let total = 0
    for (const c of components) {
      const amount = c.lines[i]!.amount
      amounts[c.id] = amount
      total += amount
    }
    return { region: region.code, name: region.name, amounts, total: Kronor.unsafeMake(total) }
  })
  return Result.succeed({
    grant: spec.id,
    method: "largest-remainder",
    exclude: Region.all.filter((r) => excluded.has(r.code)).map((r) => r.code),
    components,
    rows,
    total: Kronor.sum(...rows.map((r) => r.total))
  })
}

/**
 * One region's explanation in one component, with the component's id.
 *
 * @since 0.2.0
 */
export interface Explanation extends Line {
  readonly component: string
  readonly basis: string
  /** Population share in percent, 6 decimals (truncated). */
  readonly sharePercent: string
  /** The exact quota in kronor, 6 decimals (truncated). */
  readonly quota: string
}

/**
 * Why a region got what it got, per component: population, national
 * population, share, exact quota, floor, remainder and its rank, and
 * whether it got the extra krona.
 *
 * @example
 * Allocation.explain(allocation, "09")[0]?.quota // "6719220.95…" for Gotland's vårdkapacitet
 * @since 0.2.0
 */
export const explain = (allocation: Allocation, region: string): Array<Explanation> =>
  allocation.components.flatMap((c) => {
    const line = c.lines.find((l) => l.region === region)
    if (line === undefined) return []
    return [
      {
        ...line,
        component: c.id,
        basis: c.basis,
        sharePercent: LargestRemainder.decimal(line.weight * 100n, line.denominator === 0n ? 1n : line.denominator, 6),
        quota: LargestRemainder.decimal(line.quotaNumerator, line.denominator === 0n ? 1n : line.denominator, 6)
      }
    ]
  })

/**
 * How plain rounding would have split one component.
 *
 * @since 0.2.0
 */
export interface PlainRounding {
  readonly component: string
  readonly amount: Kronor.Kronor
  /** Sum of the plainly rounded amounts (fixed parts included). */
  readonly total: number
  /** `total − amount`: kronor too many (positive) or too few. */
  readonly difference: number
  /** Regions where plain rounding differs from the largest remainder. */
  readonly differences: ReadonlyArray<{ readonly region: Region.RegionCode; readonly largestRemainder: Kronor.Kronor; readonly plain: number }>
}

/**
 * Compares with rounding each exact quota to the nearest krona (halves up).
 * For the 2026 grant, `sjalvvald_inlaggning` would sum to 200 000 002 kr.
 *
 * @example
 * Allocation.plainRounding(allocation).find((c) => c.component === "sjalvvald_inlaggning")?.total // 200000002
 * @since 0.2.0
 */
export const plainRounding = (allocation: Allocation): Array<PlainRounding> =>
  allocation.components.map((c) => {
    const differences: Array<{ region: Region.RegionCode; largestRemainder: Kronor.Kronor; plain: number }> = []
    let total = 0
    for (const line of c.lines) {
      const plain = line.excluded ? 0 : line.fixed + Number(LargestRemainder.roundHalfUp(line))
      total += plain
      if (plain !== line.amount) differences.push({ region: line.region, largestRemainder: line.amount, plain })
    }
    return { component: c.id, amount: c.amount, total, difference: total - c.amount, differences }
  })

/**
 * Each eligible region's total, for the ledger (`Ledger.termsOf(grant,
 * Allocation.totals(allocation))`). Excluded regions are left out, so the
 * ledger treats them as having no allocation.
 *
 * @example
 * Allocation.totals(allocation).get("03") // 58203923
 * @since 0.2.0
 */
export const totals = (allocation: Allocation): Map<string, Kronor.Kronor> =>
  new Map(allocation.rows.filter((r) => !allocation.exclude.includes(r.region)).map((r) => [r.region, r.total]))

/**
 * The grant is not split in advance: a capped performance pot is paid per
 * region for the conditions it meets, up to its population share.
 *
 * @since 0.2.0
 */
export class NotSplitInAdvance extends Data.TaggedError("NotSplitInAdvance")<{ readonly grant: string }> {
  override get message(): string {
    return "potten betalas ut per region efter vilka villkor som uppfyllts, upp till regionens befolkningsandel, och har ingen fast fördelning i förväg."
  }
}

/**
 * A catalog grant allocated by the given population: the one rule for which
 * grants have a regional split and how it is made, so every caller (the
 * ledger's `allocated` column, the CLI, the web view) gets the same figures.
 *
 * @example
 * Allocation.allocateGrant(grant, population) // Result.succeed({ grant: "specialiserad-psykiatri-2026", rows: [...], ... })
 * @since 0.2.0
 */
export const allocateGrant = (
  grant: Assignment.Grant,
  population: Population.Population
): Result.Result<Allocation, NotSplitInAdvance | ValidationError | AllocationRefused> =>
  grant.method === "largest-remainder" ? allocate(fromGrant(grant), population) : Result.fail(new NotSplitInAdvance({ grant: grant.id }))

/**
 * Each eligible region's total in an allocation (excluded regions left
 * out): the `allocated` figures of the grant's ledger.
 *
 * @example
 * Allocation.totalsByRegion(allocation).get("03") // 58203923
 * @since 0.2.0
 */
export const totalsByRegion = (allocation: Allocation): ReadonlyMap<Region.RegionCode, Kronor.Kronor> =>
  new Map(allocation.rows.filter((row) => !allocation.exclude.includes(row.region)).map((row) => [row.region, row.total]))
