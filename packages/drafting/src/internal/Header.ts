import { type Assignment, type CalendarDate, DiaryNumber, Placeholder } from "@uppdrag/core"
import * as Result from "effect/Result"
import type * as DecisionText from "../DecisionText.js"
import type { DraftEntry, Sourced, Unfilled } from "../Draft.js"
import * as SwedishDate from "../SwedishDate.js"
import { capitalise, diaryPattern, operative, origin, shortName } from "./Text.js"

/** What the header and the opening formula say, and what the other readers need from them. */
export interface Header {
  /** Undefined when the text is not a decision at all. */
  readonly kind: Assignment.AssignmentKind | undefined
  readonly entry: Pick<
    DraftEntry,
    "id" | "kind" | "title" | "decided" | "decidedNote" | "decisionItem" | "diaryNumbers" | "ministry" | "recipient" | "issuedBy" | "concerns" | "parties"
  >
  /** The agency given the assignment (`Socialstyrelsen`), or the other party of an agreement, by its short name (`SKL`). */
  readonly actor: string | undefined
  /** The names in "Kopia till", one per entry, broken lines joined. */
  readonly copies: ReadonlyArray<string>
  /** The year an agreement is for ("2012 års överenskommelse"), for duties written "varje år". */
  readonly year: number | undefined
}

const unfilled = <T>(what: string): Sourced<T | Unfilled> => ({ value: Placeholder.make(what), origin: undefined })

const metadataLine = /^(?:Regeringen|Regeringsbeslut\b.*|\d+ bilag(?:a|or)|\d{4}-\d{2}-\d{2}|[A-ZÅÄÖ][a-zåäö]{0,3}\d{4}\/\d{5}.*|\p{L}+departementet\b.*|\d{3} \d{2} \p{L}+.*)$/u

/** The "Kopia till" list: one name a line, a line that goes on in lower case or with a bracket joined to the one before. */
const readCopies = (text: DecisionText.DecisionText): Array<string> => {
  const names: Array<string> = []
  for (const p of text.paragraphs.filter((p) => p.section === "kopia")) {
    for (const line of p.lines) {
      const t = line.text.replace(/\s+/g, " ").trim()
      if (t === "") continue
      const previous = names.at(-1)
      if (previous !== undefined && (/^[\p{Ll}(]/u.test(t) || /,$/.test(previous))) names[names.length - 1] = `${previous} ${t}`
      else names.push(t)
    }
  }
  return names
}

export const readHeader = (text: DecisionText.DecisionText): Header => {
  const head = text.paragraphs.filter((p) => p.section === "huvud")
  const headLines = head.flatMap((p) => p.lines)
  const sentences = operative(text)
  const all = text.sentences

  const approval = all.find((s) => /Regeringen godkänner .*överenskommelse(?!\p{L})/iu.test(s.text))
  const agreementTitle = text.paragraphs.find((p) => p.section === "overenskommelse" && /^Överenskommelse mellan\b/.test(p.text))
  const commission = sentences.find((s) => /^Regeringen ger \p{Lu}[\p{L} ]*? i uppdrag\b/u.test(s.text))
  const decisionHeading = text.sentences.some((s) => s.section === "beslut") || headLines.some((l) => /^\s*Regeringsbeslut\b/.test(l.text))
  const anyDiary = text.sentences.some((s) => new RegExp(diaryPattern.source, "u").test(s.text))
  const aboutAssignment = text.sentences.some((s) => /\b(?:regeringsuppdrag|uppdrag(?:et)?)\b/i.test(s.text))
  const kind: Assignment.AssignmentKind | undefined =
    approval !== undefined || agreementTitle !== undefined
      ? "overenskommelse"
      : commission !== undefined || decisionHeading
        ? "regeringsuppdrag"
        : anyDiary && aboutAssignment
          ? "underlag"
          : undefined

  // Diary numbers stand alone on the header's lines; those in running text are other cases.
  const diaryNumbers: Array<Sourced<string | Unfilled>> = []
  for (const line of headLines) {
    const parsed = DiaryNumber.parse(line.text)
    if (Result.isSuccess(parsed)) diaryNumbers.push({ value: DiaryNumber.format(parsed.success), origin: { sentence: line.text.trim(), line: line.number, lastLine: line.number } })
  }

  let decided: Sourced<CalendarDate.CalendarDate | Unfilled> = unfilled("beslutsdatum (ÅÅÅÅ-MM-DD); texten har ingen datumrad")
  let decidedNote: string | undefined
  const dateLine = headLines.find((l) => /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(l.text))
  const dateOfLine = dateLine === undefined ? undefined : SwedishDate.findAll(dateLine.text)[0]?.date
  if (dateLine !== undefined && dateOfLine !== undefined) {
    decided = { value: dateOfLine, origin: { sentence: dateLine.text.trim(), line: dateLine.number, lastLine: dateLine.number } }
  } else if (kind === "overenskommelse") {
    // An agreement is dated where it is signed: "Stockholm den 16 december 2011".
    const signed = text.paragraphs.find((p) => /^\p{Lu}\p{L}+ den \d{1,2} \p{L}+ \d{4}$/u.test(p.text))
    const date = signed === undefined ? undefined : SwedishDate.findAll(signed.text)[0]
    if (signed !== undefined && date?.date !== undefined) {
      decided = { value: date.date, origin: origin(signed) }
      decidedNote = `Överenskommelsens datum: "${signed.text}".${approval === undefined ? "" : " Datumet för regeringens godkännande finns inte i texten."}`
    }
  }

  const itemLine = headLines.find((l) => /Regeringsbeslut\W*\s*\d+:\d+/.test(l.text))
  const item = itemLine === undefined ? undefined : /(\d+:\d+)/.exec(itemLine.text)?.[1]

  // "Socialdepartementet= Socialstyrelsen": the ministry, and the addressee after it.
  const ministryLine = headLines.find((l) => /^\s*\p{L}+departementet\b/u.test(l.text))
  const ministryText = ministryLine === undefined ? undefined : /^\s*(\p{L}+departementet)\b[=\s]*(.*)$/u.exec(ministryLine.text)
  const cited = all.find((s) => /Regeringskansliet \((\p{L}+departementet)\)/u.test(s.text))
  const ministry: Sourced<string | Unfilled> =
    ministryText?.[1] !== undefined && ministryLine !== undefined
      ? { value: ministryText[1], origin: { sentence: ministryLine.text.trim(), line: ministryLine.number, lastLine: ministryLine.number } }
      : cited !== undefined
        ? { value: /Regeringskansliet \((\p{L}+departementet)\)/u.exec(cited.text)?.[1] ?? "", origin: origin(cited) }
        : unfilled("departement (t.ex. Socialdepartementet)")

  let recipient: Sourced<string | Unfilled> = unfilled("mottagare (myndigheten som får uppdraget)")
  let actor: string | undefined
  const parties: Array<Sourced<string>> = []
  if (commission !== undefined) {
    const who = /^Regeringen ger (\p{Lu}[\p{L} ]*?) i uppdrag/u.exec(commission.text)?.[1] ?? ""
    recipient = { value: who, origin: origin(commission) }
    actor = who
  } else if (approval !== undefined) {
    const other = /överenskommelse mellan regeringen och (.+?) om\b/i.exec(approval.text)?.[1]
    if (other !== undefined) {
      recipient = { value: other, origin: origin(approval) }
      actor = shortName(other)
      parties.push({ value: "Regeringen", origin: origin(approval) }, { value: other, origin: origin(approval) })
    }
  } else if (ministryText?.[2] !== undefined && ministryText[2].trim() !== "") {
    recipient = { value: ministryText[2].trim(), origin: ministry.origin }
    actor = ministryText[2].trim()
  }

  // The title: the agreement's own for an approval, else the header's lines that are not metadata.
  let title: Sourced<string | Unfilled> = unfilled("rubrik")
  if (kind === "overenskommelse" && agreementTitle !== undefined) {
    const lines = agreementTitle.lines.map((l) => l.text.trim()).filter((t) => !metadataLine.test(t))
    title = { value: lines.join(" ").replace(/\s+/g, " "), origin: origin(agreementTitle) }
  } else {
    const candidate = kind === "underlag" ? undefined : [...head].reverse().find((p) => p.lines.some((l) => !metadataLine.test(l.text.trim())))
    const first = text.paragraphs.find((p) => /\p{L}{3}/u.test(p.text))
    if (kind === "underlag" && first !== undefined) {
      title = { value: first.text.replace(/\*\*|\[|\]\([^)]*\)/g, "").trim(), origin: origin(first) }
    } else if (candidate !== undefined) {
      const lines = candidate.lines.filter((l) => !metadataLine.test(l.text.trim()))
      const value = lines
        .map((l) => l.text.trim())
        .join(" ")
        .replace(/\s+/g, " ")
      title = { value, origin: { sentence: value, line: lines[0]?.number ?? candidate.line, lastLine: lines.at(-1)?.number ?? candidate.lastLine } }
    }
  }

  const yearMatch = all.map((s) => /\b(\d{4}) års överenskommelse\b/.exec(s.text)).find((m) => m !== null)
  const year = yearMatch?.[1] === undefined ? undefined : Number(yearMatch[1])

  const mainDiary = diaryNumbers[0]?.value
  const id =
    mainDiary !== undefined && !Placeholder.is(mainDiary)
      ? DiaryNumber.key(DiaryNumber.unsafeParse(mainDiary)).toLowerCase().replace("/", "-")
      : kind === "overenskommelse" && !Placeholder.is(decided.value)
        ? `overenskommelse-${decided.value}`
        : `utkast-${kind ?? "beslut"}`

  const entry: Header["entry"] = {
    id,
    kind: kind ?? "regeringsuppdrag",
    title,
    decided,
    ...(decidedNote === undefined ? {} : { decidedNote }),
    ...(item === undefined || itemLine === undefined ? {} : { decisionItem: { value: item, origin: { sentence: itemLine.text.trim(), line: itemLine.number, lastLine: itemLine.number } } }),
    diaryNumbers: diaryNumbers.length > 0 || kind !== "regeringsuppdrag" ? diaryNumbers : [unfilled("diarienummer (t.ex. S2024/01234); texten har inget")],
    ministry,
    recipient: kind === "underlag" ? unfilled("vilka underlaget riktar sig till (t.ex. Regionerna)") : recipient,
    ...(kind === "underlag"
      ? { issuedBy: unfilled("vem som skrivit underlaget (t.ex. Socialstyrelsen)"), concerns: unfilled("diarienumret för beslutet som underlaget gäller (t.ex. S2025/01528)") }
      : {}),
    parties
  }
  return { kind, entry, actor: actor === undefined ? undefined : capitalise(actor), copies: readCopies(text), year }
}
