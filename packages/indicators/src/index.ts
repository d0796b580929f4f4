/**
 * @uppdrag/indicators: compulsory (LPT) and forensic (LRV) psychiatric care
 * statistics by region, sex, age group and care form, as a protected cube,
 * with indicator definitions, comparison between regions and the follow-up
 * measures of the 2026 grant.
 *
 * @example
 * import { Cube, Publication } from "@uppdrag/indicators"
 * const result = await Cube.fromEpisodeFile("episoder.csv", { years: { from: 2011, to: 2024 } })
 * if (result._tag === "Success") process.stdout.write(Publication.toCsv(result.success))
 */
export * as Comparison from "./Comparison.js"
export * as Conditions2012 from "./Conditions2012.js"
export * as Cube from "./Cube.js"
export * as Denominator from "./Denominator.js"
export * as Dimension from "./Dimension.js"
export * as FollowUp from "./FollowUp.js"
export * as Indicator from "./Indicator.js"
export * as IndicatorPublication from "./IndicatorPublication.js"
export * as Publication from "./Publication.js"
export * as Suppression from "./Suppression.js"
export * as Synthetic from "./Synthetic.js"
