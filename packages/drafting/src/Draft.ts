import type { Assignment, CalendarDate, Kronor } from "@uppdrag/core"
import { Placeholder } from "@uppdrag/core"
import * as Data from "effect/Data"
import * as Result from "effect/Result"
import * as DecisionText from "./DecisionText.js"
import { readDuties } from "./internal/Duties.js"
import { readHeader } from "./internal/Header.js"
import { readLists } from "./internal/Lists.js"
import { readMoney } from "./internal/Money.js"
import { render } from "./internal/Yaml.js"
import * as Party from "./Party.js"
import * as Pdf from "./Pdf.js"

/**
 * A catalog entry drafted from a decision's text, for a person to check:
 * every fact found (diary numbers, decision date, title, recipient,
 * appropriation, funding per year and its split, planned years, grants,
 * every dated duty, parties to consult, perspectives, standing
 * requirements, related and ended assignments) with the sentence and lines
 * it came from. What the text leaves open is written as such (`due: null`
 * with `dueSetBy`); what the drafter could not decide is a
 * {@link Placeholder} (`FYLL I: …`), which `uppdrag catalog validate`
 * refuses until a person fills it in.
 *
 * @example
 * import { Draft } from "@uppdrag/drafting"
 * import { Result } from "effect"
 * const draft = Result.getOrThrow(Draft.fromText(readFileSync("beslut.txt", "utf8"), { source: "beslut.txt" }))
 * draft.entry.obligations.map((o) => [o.kind, o.due]) // [["delredovisning", "2024-11-30"], …]
 * writeFileSync("utkast.yaml", Draft.toYaml(draft))
 * @since 0.2.0
 */
export interface Draft {
  /** Where the text came from, for the file's header comment. */
  readonly source: string
  readonly entry: DraftEntry
  /** Amounts in the text that are not funding (rounded, hedged, or background), with their lines. */
  readonly context: ReadonlyArray<ContextAmount>
  /** Remarks for the person checking the draft, in Swedish. */
  readonly notes: ReadonlyArray<string>
  /** Lines dropped as PDF artefacts (page numbers, letterhead, running headers). */
  readonly artefacts: ReadonlyArray<DecisionText.Line>
  /** Every line of the text read, with its page, so a line number can be shown as page and line. */
  readonly lines: ReadonlyArray<DecisionText.Line>
}

/**
 * A value the drafter could not decide: `FYLL I: …`.
 *
 * @since 0.2.0
 */
export type Unfilled = Placeholder.Placeholder

/**
 * The sentence a fact comes from and the lines it spans.
 *
 * @since 0.2.0
 */
export interface Origin {
  readonly sentence: string
  readonly line: number
  readonly lastLine: number
}

/**
 * An amount read as context, not as funding.
 *
 * @since 0.2.0
 */
export interface ContextAmount {
  readonly text: string
  readonly kronor: Kronor.Kronor
  readonly line: number
  readonly reason: string
}

/**
 * A drafted reporting obligation; see the catalog's `ReportingObligation`.
 *
 * @since 0.2.0
 */
export interface DraftObligation {
  readonly id: string
  readonly kind: Assignment.ObligationKind
  readonly title: string
  readonly due: CalendarDate.CalendarDate | null | Unfilled
  readonly dueSetBy?: string
  readonly responsible: string | Unfilled
  readonly recipient: string | Unfilled
  readonly contents: ReadonlyArray<string>
  readonly citeDiaryNumber: boolean
  readonly source: string
  readonly note?: string
  readonly origin: Origin
}

/**
 * A drafted part of a year's funds.
 *
 * @since 0.2.0
 */
export interface DraftFundingPart {
  readonly id: string
  readonly title: string
  readonly amount: Kronor.Kronor
  readonly usedBy: string
  readonly grant?: string
  readonly source: string
  readonly origin: Origin
}

/**
 * Drafted funds for one budget year.
 *
 * @since 0.2.0
 */
export interface DraftFunding {
  readonly year: number
  readonly total: Kronor.Kronor
  readonly ownUse?: Kronor.Kronor
  readonly toRegions?: Kronor.Kronor
  readonly planned: boolean
  readonly note: string
  readonly parts: ReadonlyArray<DraftFundingPart>
  readonly origin: Origin
}

/**
 * A drafted grant component.
 *
 * @since 0.2.0
 */
export interface DraftComponent {
  readonly id: string
  readonly title: string
  readonly amount: Kronor.Kronor
  readonly basis: string | Unfilled
  readonly populationReference: string | Unfilled
  readonly populationDate?: CalendarDate.CalendarDate
  readonly origin: Origin
}

/**
 * A drafted state grant.
 *
 * @since 0.2.0
 */
export interface DraftGrant {
  readonly id: string
  readonly title: string
  readonly year: number
  readonly amount: Kronor.Kronor
  readonly method: "largest-remainder" | "capped-performance" | Unfilled
  readonly paidBy: string | Unfilled
  readonly conditionsCheckedOn?: CalendarDate.CalendarDate
  readonly payoutBy?: CalendarDate.CalendarDate
  readonly repaymentBy?: CalendarDate.CalendarDate
  readonly conditions: ReadonlyArray<string>
  readonly components: ReadonlyArray<DraftComponent>
  readonly source: string
  readonly note?: string
  readonly origin: Origin
}

/**
 * The appropriation the funds are charged to.
 *
 * @since 0.2.0
 */
export interface DraftAppropriation {
  readonly expenditureArea: number
  readonly expenditureAreaName: string
  readonly appropriation: string
  readonly appropriationName: string
  readonly item?: number
  readonly itemName?: string
  readonly origin: Origin
}

/**
 * A related or ended assignment.
 *
 * @since 0.2.0
 */
export interface DraftReference {
  readonly diaryNumber: string
  readonly title: string | Unfilled
  readonly origin: Origin
}

/**
 * A fact with where it came from.
 *
 * @since 0.2.0
 */
export interface Sourced<T> {
  readonly value: T
  readonly origin: Origin | undefined
}

/**
 * The drafted entry, in the catalog's shape; any value may be {@link Unfilled}.
 *
 * @since 0.2.0
 */
export interface DraftEntry {
  readonly id: string
  readonly kind: Assignment.AssignmentKind
  readonly title: Sourced<string | Unfilled>
  readonly decided: Sourced<CalendarDate.CalendarDate | Unfilled>
  readonly decidedNote?: string
  readonly decisionItem?: Sourced<string>
  readonly diaryNumbers: ReadonlyArray<Sourced<string | Unfilled>>
  readonly ministry: Sourced<string | Unfilled>
  readonly recipient: Sourced<string | Unfilled>
  readonly issuedBy?: Sourced<string | Unfilled>
  readonly concerns?: Sourced<string | Unfilled>
  readonly parties: ReadonlyArray<Sourced<string>>
  readonly appropriation?: DraftAppropriation
  readonly funding: ReadonlyArray<DraftFunding>
  readonly grants: ReadonlyArray<DraftGrant>
  readonly obligations: ReadonlyArray<DraftObligation>
  readonly consult: ReadonlyArray<Sourced<Party.Party>>
  readonly perspectives: ReadonlyArray<Sourced<string>>
  readonly requirements: ReadonlyArray<Sourced<string>>
  readonly related: ReadonlyArray<DraftReference>
  readonly ends: ReadonlyArray<DraftReference>
}

/**
 * The text is not a government decision, an agreement or a document about one.
 *
 * @since 0.2.0
 */
export class NotADecision extends Data.TaggedError("NotADecision")<{ readonly source: string; readonly reason: string }> {
  override get message(): string {
    return `${this.source} är inte ett regeringsbeslut: ${this.reason}`
  }
}

/**
 * Options for {@link fromText}.
 *
 * @since 0.2.0
 */
export interface Options {
  /** The file name, for messages and the header comment. */
  readonly source?: string
  /** Parties whose ids the draft should share (e.g. the catalog's); the standing bodies of {@link Party.known} are always known. */
  readonly knownParties?: ReadonlyArray<Party.Party>
}

/**
 * Drafts an entry from a decision's text (pages separated by `\f`). Fails
 * with {@link NotADecision} when the text is not a decision, an agreement or
 * an agency's document about one; a presentation about a decision (seed 001)
 * is drafted as an `underlag`.
 *
 * @example
 * Draft.fromText("Regeringens beslut\nRegeringen ger Socialstyrelsen i uppdrag att kartlägga vården.\n")
 * // Result.succeed({ entry: { kind: "regeringsuppdrag", decided: { value: "FYLL I: beslutsdatum …" }, … } })
 * @since 0.2.0
 */
export const fromText = (raw: string, options: Options = {}): Result.Result<Draft, NotADecision> => {
  const source = options.source ?? "texten"
  const text = DecisionText.make(raw)
  if (text.sentences.length === 0) return Result.fail(new NotADecision({ source, reason: "texten är tom" }))
  const parties = mergeParties(options.knownParties ?? [])
  const header = readHeader(text)
  if (header.kind === undefined) {
    return Result.fail(
      new NotADecision({ source, reason: "texten har varken rubriken \"Regeringens beslut\", formuleringen \"Regeringen ger … i uppdrag\", en godkänd överenskommelse eller diarienummer" })
    )
  }
  const notes: Array<string> = []
  const lists = readLists(text, header, parties)
  if (header.kind === "underlag") {
    notes.push("Texten är inget regeringsbeslut utan ett underlag om ett beslut (t.ex. en presentation): utkastet är av slaget underlag, utan egna datum och belopp.")
    const entry: DraftEntry = {
      ...header.entry,
      kind: "underlag",
      parties: [],
      funding: [],
      grants: [],
      obligations: [],
      consult: [],
      perspectives: [],
      requirements: [],
      related: lists.related,
      ends: []
    }
    return Result.succeed({ source, entry, context: [], notes, artefacts: text.artefacts, lines: text.lines })
  }
  const duties = readDuties(text, header)
  const money = readMoney(text, duties.obligations)
  const entry: DraftEntry = {
    ...header.entry,
    ...(money.appropriation === undefined ? {} : { appropriation: money.appropriation }),
    funding: money.funding,
    grants: money.grants,
    obligations: duties.obligations,
    consult: lists.consult,
    perspectives: lists.perspectives,
    requirements: lists.requirements,
    related: lists.related,
    ends: lists.ends
  }
  if (entry.obligations.length === 0 && entry.funding.length === 0) notes.push("Inga datum eller belopp hittades i texten: skyldigheter och medel får fyllas i för hand.")
  notes.push(...duties.notes, ...money.notes)
  return Result.succeed({ source, entry, context: money.context, notes, artefacts: text.artefacts, lines: text.lines })
}

/**
 * Drafts an entry from a decision's PDF: the text is read with
 * {@link Pdf.extractText}, then drafted as by {@link fromText}.
 *
 * @example
 * const result = await Draft.fromPdf(readFileSync("beslut.pdf"), { source: "beslut.pdf" })
 * @since 0.2.0
 */
export const fromPdf = async (bytes: Uint8Array, options: Options = {}): Promise<Result.Result<Draft, NotADecision | Pdf.PdfUnreadable>> => {
  const text = await Pdf.extractText(bytes, options.source)
  return Result.isFailure(text) ? Result.fail(text.failure) : fromText(text.success, options)
}

const mergeParties = (extra: ReadonlyArray<Party.Party>): Array<Party.Party> => {
  const all = [...extra]
  for (const p of Party.known) if (!all.some((q) => q.id === p.id || Party.key(q.name) === Party.key(p.name))) all.push(p)
  return all
}

/**
 * The drafted entry as the plain value a catalog file holds (what YAML
 * encodes), marks included.
 *
 * @example
 * Catalog.parseText(new TextEncoder().encode(JSON.stringify(Draft.toEntry(draft))), "utkast.json") // fails only on the FYLL I marks
 * @since 0.2.0
 */
export const toEntry = (draft: Draft): Record<string, unknown> => {
  const e = draft.entry
  const strip = <T extends { readonly origin?: Origin }>(value: T): Omit<T, "origin"> => {
    const { origin: _origin, ...rest } = value
    return rest
  }
  return {
    id: e.id,
    kind: e.kind,
    title: e.title.value,
    decided: e.decided.value,
    ...(e.decidedNote === undefined ? {} : { decidedNote: e.decidedNote }),
    ...(e.decisionItem === undefined ? {} : { decisionItem: e.decisionItem.value }),
    diaryNumbers: e.diaryNumbers.map((d) => d.value),
    ministry: e.ministry.value,
    recipient: e.recipient.value,
    ...(e.issuedBy === undefined ? {} : { issuedBy: e.issuedBy.value }),
    ...(e.concerns === undefined ? {} : { concerns: e.concerns.value }),
    ...(e.parties.length === 0 ? {} : { parties: e.parties.map((p) => p.value) }),
    ...(e.appropriation === undefined ? {} : { appropriation: strip(e.appropriation) }),
    funding: e.funding.map((f) => ({
      year: f.year,
      total: f.total,
      ...(f.ownUse === undefined ? {} : { ownUse: f.ownUse }),
      ...(f.toRegions === undefined ? {} : { toRegions: f.toRegions }),
      ...(f.planned ? { planned: true } : {}),
      note: f.note,
      ...(f.parts.length === 0 ? {} : { parts: f.parts.map(strip) })
    })),
    grants: e.grants.map((g) => ({ ...strip(g), components: g.components.map(strip) })),
    obligations: e.obligations.map(strip),
    consult: e.consult.map((p) => p.value),
    perspectives: e.perspectives.map((p) => p.value),
    requirements: e.requirements.map((r) => r.value),
    related: e.related.map(strip),
    ends: e.ends.map(strip)
  }
}

/**
 * The draft as a catalog file: YAML in the catalog's field order, each fact
 * with its `source:` sentence where the schema has one and a comment with
 * its lines (`# rad 20–21`) and sentence where it has not.
 *
 * @example
 * writeFileSync("utkast.yaml", Draft.toYaml(draft))
 * @since 0.2.0
 */
export const toYaml = (draft: Draft): string => render(draft, toEntry(draft))

/**
 * Every `FYLL I` mark of the draft with its path, e.g. `decided` or
 * `obligations[1].due`.
 *
 * @example
 * Draft.unfilled(draft) // [{ path: "decided", what: "beslutsdatum (ÅÅÅÅ-MM-DD) …" }]
 * @since 0.2.0
 */
export const unfilled = (draft: Draft): Array<{ path: string; what: string }> =>
  Placeholder.find(toEntry(draft)).map(({ path, what }) => ({
    path: path.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc === "" ? String(k) : `${acc}.${String(k)}`), ""),
    what
  }))
