import { type Assignment, Kronor, Population, PopulationBasis, Region, ValidationError } from "@uppdrag/core"
import * as Data from "effect/Data"
import * as Result from "effect/Result"
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

/** One component as the allocation needs it. */
export interface Component {
  readonly id: string
  readonly title?: string | undefined
  /** The component's whole amount, fixed parts included. */
  readonly amount: Kronor.Kronor
  readonly basis: PopulationBasis.AgeBand
  /** Given to each eligible region before the rest is split by population. */
  readonly fixedPerRegion?: Kronor.Kronor | undefined
}

/** What to allocate: a grant id, its components in order, and excluded regions. */
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

/** How one region's amount in one component came about. */
export interface Line {
  readonly region: Region.RegionCode
  readonly name: string
  /** Excluded regions get nothing and do not count in the national population. */
  readonly excluded: boolean
  /** The region's population in the component's band. */
  readonly population: number
  /** The sum over the eligible regions. */
  readonly nationalPopulation: number
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

/** One component's result. */
export interface ComponentResult {
  readonly id: string
  readonly title?: string | undefined
  readonly amount: Kronor.Kronor
  readonly basis: string
  readonly fixedPerRegion?: Kronor.Kronor | undefined
  /** What was split by population: `amount − fixedPerRegion × eligible regions`. */
  readonly distributed: Kronor.Kronor
  /** Kronor handed out one each to the largest remainders. */
  readonly leftOver: number
  /** One line per region, SCB code order. */
  readonly lines: ReadonlyArray<Line>
}

/** One region's row: its amount per component and its total. */
export interface Row {
  readonly region: Region.RegionCode
  readonly name: string
  readonly amounts: Readonly<Record<string, Kronor.Kronor>>
  readonly total: Kronor.Kronor
}

/** The whole allocation of a grant. */
export interface Allocation {
  readonly grant: string
  readonly method: "largest-remainder"
  readonly exclude: ReadonlyArray<Region.RegionCode>
  readonly components: ReadonlyArray<ComponentResult>
  /** All 21 regions in SCB code order (excluded ones with 0). */
  readonly rows: ReadonlyArray<Row>
  readonly total: Kronor.Kronor
}

/** A component cannot be allocated: fixed amounts above its amount, or no population to split by. */
export class AllocationRefused extends Data.TaggedError("AllocationRefused")<{ readonly component: string; readonly reason: string }> {
  override get message(): string {
    return `komponenten ${this.component}: ${this.reason}`
  }
}

/**
 * Allocates every component of the spec over the 21 regions. Population
 * problems (a band that cannot be resolved) come back as the population's
 * `ValidationError`; other refusals as {@link AllocationRefused}.
 * `options.exclude` adds to the spec's own exclusions.
 *
 * @example
 * Allocation.allocate(spec, population, { exclude: ["13", "21", "24"] })
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
    const basis = Population.basis(population, component.basis, { regions: eligible.map((r) => r.code) })
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
      eligible.map((r) => ({ id: r.code, weight: basis.success.get(r.code) ?? 0 }))
    )
    if (Result.isFailure(shares)) return Result.fail(new AllocationRefused({ component: component.id, reason: shares.failure.message }))
    const byRegion = new Map(shares.success.map((s) => [s.id, s]))
    const national = eligible.reduce((acc, r) => acc + (basis.success.get(r.code) ?? 0), 0)
    const lines = Region.all.map((region): Line => {
      const share = byRegion.get(region.code)
      if (share === undefined) {
        return {
          region: region.code,
          name: region.name,
          excluded: true,
          population: 0,
          nationalPopulation: national,
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
        population: Number(share.weight),
        nationalPopulation: national,
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
      basis: PopulationBasis.format(component.basis),
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

/** One region's explanation in one component, with the component's id. */
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
        sharePercent: LargestRemainder.decimal(BigInt(line.population) * 100n, BigInt(Math.max(1, line.nationalPopulation)), 6),
        quota: LargestRemainder.decimal(line.quotaNumerator, line.denominator === 0n ? 1n : line.denominator, 6)
      }
    ]
  })

/** How plain rounding would have split one component. */
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
 */
export const totals = (allocation: Allocation): Map<string, Kronor.Kronor> =>
  new Map(allocation.rows.filter((r) => !allocation.exclude.includes(r.region)).map((r) => [r.region, r.total]))

/**
 * The grant is not split in advance: a capped performance pot is paid per
 * region for the conditions it meets, up to its population share.
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
 */
export const totalsByRegion = (allocation: Allocation): ReadonlyMap<Region.RegionCode, Kronor.Kronor> =>
  new Map(allocation.rows.filter((row) => !allocation.exclude.includes(row.region)).map((row) => [row.region, row.total]))
