import { createRequire } from "node:module"

// rrule-temporal (about 180 kB, with a Temporal of its own) is needed only to check or expand a
// rule, so it is required on first use rather than loaded by every import of the package or of a
// command that reads meeting records. Its CommonJS build is the same code as its ES module.
let loaded: typeof import("rrule-temporal") | undefined

/** rrule-temporal, loaded on the first call. */
export const rrule = (): typeof import("rrule-temporal") => (loaded ??= createRequire(import.meta.url)("rrule-temporal") as typeof import("rrule-temporal"))
