import { Region } from "@uppdrag/core"

/**
 * The dimensions of Socialstyrelsen's statistics database on compulsory and
 * forensic psychiatric care (seed 001, "Statistikdatabasen om psykiatrisk
 * tvångsvård och rättspsykiatrisk vård"): year, region (with Riket), sex
 * (kvinnor, män, båda könen), age group (0-17 … 75+, and all ages) and care
 * form (sluten LPT, öppen LPT, domstols-LRV, akut-LRV, öppen LRV).
 *
 * LPT is *lagen om psykiatrisk tvångsvård* (compulsory psychiatric care),
 * LRV *lagen om rättspsykiatrisk vård* (forensic psychiatric care).
 *
 * @example
 * import { Dimension } from "@uppdrag/indicators"
 * Dimension.ageGroupOf(19) // "18-24"
 * Dimension.careFormLabel("domstols-lrv") // "Domstols-LRV"
 * @since 0.2.0
 */
export type CareForm = "sluten-lpt" | "oppen-lpt" | "domstols-lrv" | "akut-lrv" | "oppen-lrv"

/**
 * The five care forms, in the statistics database's order.
 *
 * @example
 * Dimension.careForms.length // 5
 * @since 0.2.0
 */
export const careForms: ReadonlyArray<CareForm> = ["sluten-lpt", "oppen-lpt", "domstols-lrv", "akut-lrv", "oppen-lrv"]

const careFormLabels: Record<CareForm, string> = {
  "sluten-lpt": "Sluten LPT",
  "oppen-lpt": "Öppen LPT",
  "domstols-lrv": "Domstols-LRV",
  "akut-lrv": "Akut-LRV",
  "oppen-lrv": "Öppen LRV"
}

/**
 * The care form's name as the statistics database writes it.
 *
 * @example
 * Dimension.careFormLabel("sluten-lpt") // "Sluten LPT"
 * @since 0.2.0
 */
export const careFormLabel = (careForm: CareForm): string => careFormLabels[careForm]

/**
 * Whether a text is one of the five care form codes.
 *
 * @example
 * Dimension.isCareForm("akut-lrv") // true
 * @since 0.2.0
 */
export const isCareForm = (text: string): text is CareForm => (careForms as ReadonlyArray<string>).includes(text)

/**
 * `K` kvinnor (women), `M` män (men), `T` totalt (båda könen).
 *
 * @example
 * const both: Dimension.Sex = "T"
 * @since 0.2.0
 */
export type Sex = "K" | "M" | "T"

/**
 * The sexes of the cube: women, men, both.
 *
 * @example
 * Dimension.sexes // ["K", "M", "T"]
 * @since 0.2.0
 */
export const sexes: ReadonlyArray<Sex> = ["K", "M", "T"]

const sexLabels: Record<Sex, string> = { K: "Kvinnor", M: "Män", T: "Båda könen" }

/**
 * The Swedish label of a sex code.
 *
 * @example
 * Dimension.sexLabel("T") // "Båda könen"
 * @since 0.2.0
 */
export const sexLabel = (sex: Sex): string => sexLabels[sex]

/**
 * An age group of the statistics database, or `alla` (all ages).
 *
 * @example
 * const young: Dimension.AgeGroup = "18-24"
 * @since 0.2.0
 */
export type AgeGroup = "0-17" | "18-24" | "25-34" | "35-44" | "45-54" | "55-64" | "65-74" | "75+" | "alla"

/**
 * The eight age groups, youngest first, without `alla`.
 *
 * @example
 * Dimension.ageBands[7] // "75+"
 * @since 0.2.0
 */
export const ageBands: ReadonlyArray<AgeGroup> = ["0-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+"]

/**
 * The eight age groups followed by `alla`.
 *
 * @example
 * Dimension.ageGroups.at(-1) // "alla"
 * @since 0.2.0
 */
export const ageGroups: ReadonlyArray<AgeGroup> = [...ageBands, "alla"]

/**
 * The first age of each of the eight groups.
 *
 * @example
 * Dimension.ageBandStarts[1] // 18
 * @since 0.2.0
 */
export const ageBandStarts: ReadonlyArray<number> = [0, 18, 25, 35, 45, 55, 65, 75]

/**
 * The index (0–7) of the age group an age in whole years belongs to.
 *
 * @example
 * Dimension.ageBandIndex(17) // 0
 * Dimension.ageBandIndex(75) // 7
 * @since 0.2.0
 */
export const ageBandIndex = (age: number): number => {
  let index = 0
  for (let i = 1; i < ageBandStarts.length; i++) if (age >= ageBandStarts[i]!) index = i
  return index
}

/**
 * The age group an age in whole years belongs to.
 *
 * @example
 * Dimension.ageGroupOf(34) // "25-34"
 * @since 0.2.0
 */
export const ageGroupOf = (age: number): AgeGroup => ageBands[ageBandIndex(age)]!

/**
 * The Swedish label of an age group.
 *
 * @example
 * Dimension.ageGroupLabel("75+") // "75+ år"
 * @since 0.2.0
 */
export const ageGroupLabel = (group: AgeGroup): string => (group === "alla" ? "Alla åldrar" : `${group} år`)

/**
 * Regions of the cube: Riket (`00`) first, then the 21 regions in SCB order.
 * A cube's region index is the position in this list.
 *
 * @example
 * Dimension.regions[0]!.name // "Riket"
 * @since 0.2.0
 */
export const regions: ReadonlyArray<Region.Region> = [Region.riket, ...Region.all]

/**
 * The measures of the database: number of patients, patients per 100 000 inhabitants.
 *
 * @example
 * const measure: Dimension.Measure = "per100k"
 * @since 0.2.0
 */
export type Measure = "patienter" | "per100k"

/**
 * The two measures.
 *
 * @example
 * Dimension.measures // ["patienter", "per100k"]
 * @since 0.2.0
 */
export const measures: ReadonlyArray<Measure> = ["patienter", "per100k"]

/**
 * The Swedish label of a measure, as in seed 001.
 *
 * @example
 * Dimension.measureLabel("per100k") // "Antal patienter/100 000 inv"
 * @since 0.2.0
 */
export const measureLabel = (measure: Measure): string => (measure === "patienter" ? "Antal patienter" : "Antal patienter/100 000 inv")

/**
 * A closed range of whole years.
 *
 * @example
 * const years: Dimension.YearRange = { from: 2020, to: 2024 }
 * @since 0.2.0
 */
export interface YearRange {
  readonly from: number
  readonly to: number
}

/**
 * The years the statistics database covers (seed 001: "årsuppgifter 2011 - 2024").
 *
 * @example
 * Dimension.databaseYears // { from: 2011, to: 2024 }
 * @since 0.2.0
 */
export const databaseYears: YearRange = { from: 2011, to: 2024 }

/**
 * Parses `2020-2024` or `2023`, with a Swedish message when invalid.
 *
 * @example
 * Dimension.parseYears("2020-2024") // { from: 2020, to: 2024 }
 * @since 0.2.0
 */
export const parseYears = (text: string): YearRange | string => {
  const match = /^\s*(\d{4})(?:\s*[-–]\s*(\d{4}))?\s*$/.exec(text)
  if (match === null) return `${JSON.stringify(text)} är inte ett år eller ett intervall av år (t.ex. 2020-2024)`
  const from = Number(match[1])
  const to = match[2] === undefined ? from : Number(match[2])
  if (from < 1900 || to > 2200) return `${text}: åren måste ligga mellan 1900 och 2200`
  if (to < from) return `${text}: slutåret är före startåret`
  return { from, to }
}
