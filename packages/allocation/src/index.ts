/**
 * @uppdrag/allocation: population-based grant distribution to the krona,
 * capped performance pots, and the requisition-to-repayment ledger.
 *
 * @example
 * import { Ledger } from "@uppdrag/allocation"
 */
export * as Ledger from "./Ledger.js"
