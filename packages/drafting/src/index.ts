/**
 * @uppdrag/drafting: drafts a catalog entry from a government decision's
 * text or PDF, each fact with the sentence and line it came from, and
 * compares a draft with an existing catalog entry.
 *
 * @example
 * import { Comparison, Draft } from "@uppdrag/drafting"
 * import { Catalog } from "@uppdrag/core"
 * import { Result } from "effect"
 * const draft = Result.getOrThrow(Draft.fromText(text, { source: "beslut.txt" }))
 * console.log(Draft.toYaml(draft))
 * console.log(Comparison.summary(Comparison.compare(draft, Catalog.findAssignment(Catalog.unsafeLoad(), "S2024/01004")!)))
 */
export * as Amount from "./Amount.js"
export * as Comparison from "./Comparison.js"
export * as DecisionText from "./DecisionText.js"
export * as Draft from "./Draft.js"
export * as Party from "./Party.js"
export * as Pdf from "./Pdf.js"
export * as SwedishDate from "./SwedishDate.js"
