/**
 * @uppdrag/core: the domain core shared by every uppdrag package.
 *
 * @example
 * import { Catalog, Kronor } from "@uppdrag/core"
 * const catalog = Catalog.unsafeLoad()
 * const grant = Catalog.findGrant(catalog, "specialiserad-psykiatri-2026")
 * console.log(Kronor.format(grant!.grant.amount)) // 1 490 000 000 kr
 */
export * as Assignment from "./Assignment.js"
export * as BuildData from "./BuildData.js"
export * as CalendarDate from "./CalendarDate.js"
export * as Collation from "./Collation.js"
export * as Catalog from "./Catalog.js"
export * as CsvSyntax from "./CsvSyntax.js"
export * as DateRange from "./DateRange.js"
export * as DiaryNumber from "./DiaryNumber.js"
export * as FileAccess from "./FileAccess.js"
export * as FreeText from "./FreeText.js"
export * as InputFile from "./InputFile.js"
export * as Json from "./Json.js"
export * as Kronor from "./Kronor.js"
export * as Placeholder from "./Placeholder.js"
export * as Population from "./Population.js"
export * as PopulationBasis from "./PopulationBasis.js"
export * as Region from "./Region.js"
export * as SourceDocument from "./SourceDocument.js"
export { fromZodIssues } from "./ZodIssues.js"
export { formatIssues, formatPath, type Issue, ValidationError } from "./ValidationError.js"
