/**
 * @uppdrag/allocation: grant distribution to the krona by population or by a
 * distribution key, scaling, provenance, verification against a published
 * table and the change against another, capped performance pots, and the
 * requisition-to-repayment ledger.
 *
 * @example
 * import { Allocation, PublishedPopulation } from "@uppdrag/allocation"
 * import { Catalog } from "@uppdrag/core"
 * import { Result } from "effect"
 * const { grant } = Catalog.findGrant(Catalog.unsafeLoad(), "specialiserad-psykiatri-2026")!
 * const population = Result.getOrThrow(PublishedPopulation.forGrant(grant))
 * const allocation = Result.getOrThrow(Allocation.allocate(Allocation.fromGrant(grant), population))
 */
export * as Allocation from "./Allocation.js"
export * as CappedPot from "./CappedPot.js"
export * as DistributionKey from "./DistributionKey.js"
export * as GrantFile from "./GrantFile.js"
export * as LargestRemainder from "./LargestRemainder.js"
export * as Ledger from "./Ledger.js"
export * as Provenance from "./Provenance.js"
export * as PublishedPopulation from "./PublishedPopulation.js"
export * as PublishedTable from "./PublishedTable.js"
export * as Scaling from "./Scaling.js"
