import { DiaryNumber, Placeholder } from "@uppdrag/core"
import * as Result from "effect/Result"
import type * as DecisionText from "../DecisionText.js"
import type { DraftReference, Sourced } from "../Draft.js"
import * as Party from "../Party.js"
import type { Header } from "./Header.js"
import { capitalise, diaryPattern, operative, origin } from "./Text.js"

const consultPattern = /(?:föra dialog med och inhämta kunskap och erfarenheter från|inhämta kunskap och erfarenheter från|(?:ska|skall) (?:samverka|samråda|samarbeta) med)\s+(.+)$/

const perspectiveItem = /(?:(?:det|den) \p{L}+ perspektivet)|(?<![\p{L}-])[\p{L}]+perspektiv(?:et)?(?:, särskilt [^,.]+)?|mänskliga rättigheter/giu

const requirementPattern = /ska löpande informera|ska hänvisa till diarienumret|könsuppdelad|utveckla indikatorer|ska (?:vidare )?ha kännedom om|följer verksamheten fortlöpande|blir giltig när/

/** Where the bracket that holds position `at` opens ("(S2024/00196 (delvis), S2025/00116)"), or `at` when none does. */
const openingBracket = (text: string, at: number): number => {
  let depth = 0
  for (let i = at - 1; i >= 0; i--) {
    if (text[i] === ")") depth++
    else if (text[i] === "(") {
      if (depth === 0) return i
      depth--
    }
  }
  return at
}

/** The words before a diary number in brackets, as the related assignment's title. */
const titleBefore = (sentence: string, at: number): string | undefined => {
  const before = sentence.slice(0, at)
  const start = Math.max(before.lastIndexOf(")") + 1, before.search(/(?:\b[Uu]ppdrag(?:et)?\b|\bStatsbidrag\b)[^()]*$/))
  const phrase = before
    .slice(Math.max(0, start))
    .replace(/^[\s,]*(?:samt|och|liksom|att)?\s*/, "")
    .replace(/[\s,]+$/, "")
  const words = phrase.split(/\s+/)
  if (phrase === "" || words.length < 2) return undefined
  return capitalise(words.slice(-25).join(" "))
}

export const readLists = (
  text: DecisionText.DecisionText,
  header: Header,
  parties: ReadonlyArray<Party.Party>
): { consult: Array<Sourced<Party.Party>>; perspectives: Array<Sourced<string>>; requirements: Array<Sourced<string>>; related: Array<DraftReference>; ends: Array<DraftReference> } => {
  const sentences = operative(text)

  const consult: Array<Sourced<Party.Party>> = []
  for (const s of sentences) {
    const list = consultPattern.exec(s.text)?.[1]
    if (list === undefined) continue
    for (const p of Party.splitList(list, parties, header.copies)) {
      if (!consult.some((c) => c.value.id === p.id)) consult.push({ value: p, origin: origin(s) })
    }
  }

  const perspectives: Array<Sourced<string>> = []
  for (const s of sentences) {
    if (!/perspektiv/.test(s.text) || !/(?<!\p{L})(?:beakta|beaktas|utgångspunkt|utifrån ett)(?!\p{L})/u.test(s.text)) continue
    for (const m of s.text.matchAll(perspectiveItem)) {
      const item = capitalise(m[0].replace(/perspektiv$/, "perspektivet"))
      const key = item.toLowerCase().split(",")[0] ?? ""
      if (!perspectives.some((p) => (p.value.toLowerCase().split(",")[0] ?? "") === key)) perspectives.push({ value: item, origin: origin(s) })
    }
  }

  const requirements = sentences.filter((s) => requirementPattern.test(s.text)).map((s) => ({ value: s.text, origin: origin(s) }))

  // "Regeringen beslutar att uppdraget … (S2019/01522) ska upphöra."
  const ends: Array<DraftReference> = []
  for (const s of sentences) {
    const m = /^Regeringen beslutar att (.+?) \(([^)]*)\) ska upphöra/.exec(s.text)
    if (m?.[1] === undefined || m[2] === undefined) continue
    for (const d of m[2].matchAll(diaryPattern)) {
      const parsed = DiaryNumber.parse(d[0])
      if (Result.isSuccess(parsed)) ends.push({ diaryNumber: DiaryNumber.format(parsed.success), title: capitalise(m[1]), origin: origin(s) })
    }
  }

  // Every other diary number in the text is a related case, except the decision's own and those naming a party.
  const own = new Set(header.entry.diaryNumbers.map((d) => d.value).filter((d) => !Placeholder.is(d)).map((d) => DiaryNumber.key(DiaryNumber.unsafeParse(d))))
  const partyCodes = new Set<string>()
  const related: Array<DraftReference> = []
  const seen = new Set([...own, ...ends.map((e) => DiaryNumber.key(DiaryNumber.unsafeParse(e.diaryNumber)))])
  const consultSentences = new Set(sentences.filter((s) => consultPattern.test(s.text)).map((s) => s.text))
  for (const s of text.sentences) {
    // An underlag has no sections: its list of assignments is all of it.
    if ((s.section === "huvud" && header.kind !== "underlag") || s.section === "kopia" || s.section === "instruktion") continue
    for (const d of s.text.matchAll(diaryPattern)) {
      const parsed = DiaryNumber.parse(d[0])
      if (Result.isFailure(parsed)) continue
      const key = DiaryNumber.key(parsed.success)
      if (consultSentences.has(s.text)) partyCodes.add(key)
      if (partyCodes.has(key) || (seen.has(key) && !related.some((r) => DiaryNumber.key(DiaryNumber.unsafeParse(r.diaryNumber)) === key))) continue
      seen.add(key)
      const title = titleBefore(s.text.replace(/\*\*/g, "  "), openingBracket(s.text, d.index))
      const existing = related.find((r) => DiaryNumber.key(DiaryNumber.unsafeParse(r.diaryNumber)) === key)
      if (existing !== undefined) {
        // Cited both in part and whole: the whole case.
        if (!parsed.success.partial) related[related.indexOf(existing)] = { ...existing, diaryNumber: key }
        continue
      }
      related.push({ diaryNumber: DiaryNumber.format(parsed.success), title: title ?? Placeholder.make(`rubrik för ${key}`), origin: origin(s) })
    }
  }
  return { consult, perspectives, requirements, related, ends }
}
