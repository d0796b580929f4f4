import type * as DecisionText from "../DecisionText.js"
import type { Origin } from "../Draft.js"

/** Where a sentence is, as a fact's origin. */
export const origin = (s: DecisionText.Sentence | DecisionText.Paragraph): Origin => ({ sentence: s.text, line: s.line, lastLine: s.lastLine })

/** The sentences that say what the decision decides: not the background (`Ärendet`) nor the end matter. */
export const operative = (text: DecisionText.DecisionText): Array<DecisionText.Sentence> =>
  text.sentences.filter((s) => s.section === "beslut" || s.section === "uppdraget" || s.section === "overenskommelse")

/** Upper-cases the first letter. */
export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/** The diary-number pattern of the Government Offices, e.g. `S2025/01528`. */
export const diaryPattern = /(?<![\p{L}\d/])([A-ZÅÄÖ][a-zåäö]{0,3}\d{4}\/\d{5})(?![\d/])(\s*\(delvis\))?/gu

/**
 * The short name a party goes by: the abbreviation in brackets when there is
 * one ("Sveriges Kommuner och Landsting (SKL)" → "SKL"), else the name.
 */
export const shortName = (name: string): string => /\(([\p{Lu}]{2,6})\)\s*$/u.exec(name)?.[1] ?? name
