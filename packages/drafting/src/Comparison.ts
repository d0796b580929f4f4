import { type Assignment, DiaryNumber, Kronor, Placeholder } from "@uppdrag/core"
import * as Result from "effect/Result"
import type { Draft, DraftEntry, DraftGrant, DraftObligation } from "./Draft.js"
import * as Party from "./Party.js"

/**
 * A draft held against an existing catalog entry, fact by fact: each fact of
 * the entry is `lika` (the draft says the same), `avviker` (the draft says
 * something else: for a date or an amount, a wrong one), or `saknas` (the
 * draft has nothing or a `FYLL I` mark); what only the draft has is `extra`.
 * The scored categories are those of the acceptance: dated duties
 * (`skyldighet`, with the grant's money dates), amounts (`belopp`), the
 * appropriation (`anslag`), parties (`part`) and diary numbers
 * (`diarienummer`, the decision's own, related and ended cases). `ovrigt`
 * (kind, decision date, recipient, perspectives, grant method and bases) is
 * shown but not scored; a wrong decision date still counts as a wrong date.
 *
 * @example
 * import { Comparison } from "@uppdrag/drafting"
 * const c = Comparison.compare(draft, Catalog.findAssignment(catalog, "S2024/01004")!)
 * Comparison.summary(c) // "Överensstämmelse: 41 av 42 uppgifter (97,6 %) …"
 * c.wrongDates // 0
 * @since 0.2.0
 */
export interface Comparison {
  readonly reference: string
  readonly facts: ReadonlyArray<Fact>
  /** Agreeing and compared facts per scored category. */
  readonly scores: Readonly<Record<ScoredCategory, { readonly agree: number; readonly total: number }>>
  /** Agreeing facts as a share of the entry's scored facts, 0–1 (1 when the entry has none). */
  readonly agreement: number
  /** Dates the draft gives that the entry does not have (different, or a duty the entry lacks). */
  readonly wrongDates: number
  /** Amounts the draft gives that the entry does not have. */
  readonly wrongAmounts: number
}

/**
 * What a fact is about.
 *
 * @since 0.2.0
 */
export type Category = ScoredCategory | "ovrigt"
/**
 * The categories the agreement is computed over.
 *
 * @since 0.2.0
 */
export type ScoredCategory = "diarienummer" | "skyldighet" | "belopp" | "anslag" | "part"
/**
 * Whether the draft agrees.
 *
 * @since 0.2.0
 */
export type Status = "lika" | "avviker" | "saknas" | "extra"

/**
 * One fact of the entry (or of the draft only, when `extra`).
 *
 * @since 0.2.0
 */
export interface Fact {
  readonly category: Category
  /** What the fact is, in Swedish: `skyldighet delredovisning 2024-11-30: förfallodag`. */
  readonly label: string
  readonly value: "datum" | "belopp" | "text"
  readonly expected: string | undefined
  readonly drafted: string | undefined
  readonly status: Status
}

/**
 * The scored categories in the order they are reported.
 *
 * @since 0.2.0
 */
export const scoredCategories: ReadonlyArray<ScoredCategory> = ["diarienummer", "skyldighet", "belopp", "anslag", "part"]

const categoryNames: Record<ScoredCategory, string> = { diarienummer: "diarienummer", skyldighet: "skyldigheter", belopp: "belopp", anslag: "anslag", part: "parter" }

const fold = (text: string): string => text.toLowerCase().replace(/\s+/g, " ").trim()

type Drafted = string | number | null | undefined

const isMissing = (value: Drafted): boolean => value === undefined || (typeof value === "string" && Placeholder.is(value))

const show = (value: Drafted): string | undefined => (value === undefined ? undefined : value === null ? "inget datum" : String(value))

const status = (expected: Drafted, drafted: Drafted, equal: (a: string, b: string) => boolean = (a, b) => a === b): Status =>
  isMissing(drafted) ? "saknas" : equal(String(expected), String(drafted)) ? "lika" : "avviker"

const dueText = (o: { readonly due: string | null; readonly dueSetBy?: string | undefined }): string => (o.due === null ? `datum sätts av ${o.dueSetBy ?? "?"}` : o.due)

/**
 * Compares a draft (or its entry) with an existing catalog entry.
 *
 * @example
 * Comparison.compare(draft, reference).facts.filter((f) => f.status !== "lika")
 * @since 0.2.0
 */
export const compare = (draft: Draft | DraftEntry, reference: Assignment.Assignment): Comparison => {
  const d: DraftEntry = "entry" in draft ? draft.entry : draft
  const facts: Array<Fact> = []
  const fact = (category: Category, label: string, value: Fact["value"], expected: Drafted, drafted: Drafted, equal?: (a: string, b: string) => boolean): void => {
    facts.push({ category, label, value, expected: show(expected), drafted: show(drafted), status: expected === undefined ? "extra" : status(expected, drafted, equal) })
  }
  const extra = (category: Category, label: string, value: Fact["value"], drafted: Drafted): void => {
    if (isMissing(drafted)) return
    facts.push({ category, label, value, expected: undefined, drafted: show(drafted), status: "extra" })
  }

  // Diary numbers: the decision's own, then related and ended cases.
  const own = d.diaryNumbers.map((x) => x.value).filter((x) => !Placeholder.is(x))
  const keyOf = (text: string): string => {
    const parsed = DiaryNumber.parse(text)
    return Result.isSuccess(parsed) ? DiaryNumber.key(parsed.success) : text
  }
  const diaryFacts = (label: string, expected: ReadonlyArray<string>, drafted: ReadonlyArray<string>): void => {
    for (const e of expected) {
      const match = drafted.find((x) => keyOf(x) === keyOf(e))
      fact("diarienummer", `${label} ${keyOf(e)}`, "text", e, match)
    }
    for (const x of drafted) if (!expected.some((e) => keyOf(e) === keyOf(x))) extra("diarienummer", `${label} ${keyOf(x)}`, "text", x)
  }
  diaryFacts("diarienummer", reference.diaryNumbers, own)
  diaryFacts("relaterat", reference.related.map((r) => r.diaryNumber), d.related.map((r) => r.diaryNumber))
  diaryFacts("upphör", reference.ends.map((r) => r.diaryNumber), d.ends.map((r) => r.diaryNumber))

  // Dated duties: paired by kind and date, then by kind alone (a different or missing date).
  const unpaired = [...d.obligations]
  const take = (pred: (o: DraftObligation) => boolean): DraftObligation | undefined => {
    const i = unpaired.findIndex(pred)
    return i < 0 ? undefined : unpaired.splice(i, 1)[0]
  }
  const sameDue = (o: DraftObligation, r: Assignment.ReportingObligation): boolean =>
    r.due === null ? o.due === null && fold(o.dueSetBy ?? "") === fold(r.dueSetBy ?? "") : o.due === r.due
  const pairs = reference.obligations.map((r) => ({ r, o: take((o) => o.kind === r.kind && sameDue(o, r)) }))
  for (const p of pairs) p.o ??= take((o) => o.kind === p.r.kind && (Placeholder.is(o.due as string) || o.due === null)) ?? take((o) => o.kind === p.r.kind)
  for (const { r, o } of pairs) {
    const label = `skyldighet ${r.kind} ${dueText(r)}`
    const drafted = o === undefined ? undefined : o.due === null ? dueText({ due: null, dueSetBy: o.dueSetBy }) : o.due
    fact("skyldighet", `${label}: förfallodag`, r.due === null ? "text" : "datum", dueText(r), drafted, (a, b) => fold(a) === fold(b))
    fact("skyldighet", `${label}: ansvarig`, "text", r.responsible, o?.responsible, (a, b) => fold(a) === fold(b))
    fact("skyldighet", `${label}: mottagare`, "text", r.recipient, o?.recipient, (a, b) => fold(a) === fold(b))
  }
  for (const o of unpaired) extra("skyldighet", `skyldighet ${o.kind}: förfallodag`, o.due === null ? "text" : "datum", o.due === null ? dueText({ due: null, dueSetBy: o.dueSetBy }) : o.due)

  // Funding per year.
  for (const f of reference.funding) {
    const g = d.funding.find((x) => x.year === f.year)
    const label = `medel ${f.year}${f.planned ? " (planerat)" : ""}`
    fact("belopp", `${label}: totalt`, "belopp", f.total, g?.total)
    if (f.ownUse !== undefined) fact("belopp", `${label}: eget arbete`, "belopp", f.ownUse, g?.ownUse)
    if (f.toRegions !== undefined) fact("belopp", `${label}: till regioner`, "belopp", f.toRegions, g?.toRegions)
    fact("ovrigt", `${label}: planerat`, "text", String(f.planned), g === undefined ? undefined : String(g.planned))
    const parts = [...(g?.parts ?? [])]
    for (const p of f.parts) {
      const i = parts.findIndex((x) => x.amount === p.amount)
      const match = i < 0 ? parts.shift() : parts.splice(i, 1)[0]
      fact("belopp", `${label}: delen ${p.title}`, "belopp", p.amount, match?.amount)
    }
    for (const p of parts) extra("belopp", `${label}: delen ${p.title}`, "belopp", p.amount)
  }
  for (const g of d.funding) {
    if (reference.funding.some((f) => f.year === g.year)) continue
    extra("belopp", `medel ${g.year}: totalt`, "belopp", g.total)
  }

  // Grants: paired by amount, else the only one.
  const grants = [...d.grants]
  for (const r of reference.grants) {
    const i = grants.findIndex((g) => g.amount === r.amount)
    const g: DraftGrant | undefined = i >= 0 ? grants.splice(i, 1)[0] : reference.grants.length === 1 && grants.length === 1 ? grants.shift() : undefined
    const label = `statsbidrag ${r.id}`
    fact("belopp", `${label}: belopp`, "belopp", r.amount, g?.amount)
    const components = [...(g?.components ?? [])]
    for (const c of r.components) {
      const j = components.findIndex((x) => x.amount === c.amount)
      const match = j < 0 ? components.shift() : components.splice(j, 1)[0]
      fact("belopp", `${label}: komponenten ${c.title}`, "belopp", c.amount, match?.amount)
      fact("ovrigt", `${label}: komponenten ${c.title}: befolkningsunderlag`, "text", c.basis, match?.basis)
    }
    for (const c of components) extra("belopp", `${label}: komponenten ${c.title}`, "belopp", c.amount)
    fact("ovrigt", `${label}: metod`, "text", r.method, g?.method)
    for (const [field, name] of [
      ["payoutBy", "sista utbetalningsdag"],
      ["repaymentBy", "sista återbetalningsdag"],
      ["conditionsCheckedOn", "avstämningsdag"]
    ] as const) {
      const expected = r[field]
      if (expected !== undefined) fact("skyldighet", `${label}: ${name}`, "datum", expected, g?.[field])
      else extra("skyldighet", `${label}: ${name}`, "datum", g?.[field])
    }
    if (r.requisitionWindow !== undefined) fact("skyldighet", `${label}: rekvisitionsperiod`, "datum", `${r.requisitionWindow.start}..${r.requisitionWindow.end}`, undefined)
    for (const c of r.components) if (c.populationDate !== undefined) fact("ovrigt", `${label}: befolkningsdag`, "datum", c.populationDate, g?.components.find((x) => x.amount === c.amount)?.populationDate)
  }
  for (const g of grants) extra("belopp", `statsbidrag ${g.id}: belopp`, "belopp", g.amount)

  // Appropriation.
  const a = reference.appropriation
  const b = d.appropriation
  if (a !== undefined) {
    fact("anslag", "utgiftsområde", "text", a.expenditureArea, b?.expenditureArea)
    fact("anslag", "utgiftsområdets namn", "text", a.expenditureAreaName, b?.expenditureAreaName, (x, y) => fold(x) === fold(y))
    fact("anslag", "anslag", "text", a.appropriation, b?.appropriation)
    fact("anslag", "anslagets namn", "text", a.appropriationName, b?.appropriationName, (x, y) => fold(x) === fold(y))
    if (a.item !== undefined) fact("anslag", "anslagspost", "text", a.item, b?.item)
    if (a.itemName !== undefined) fact("anslag", "anslagspostens namn", "text", a.itemName, b?.itemName, (x, y) => fold(x) === fold(y))
  } else if (b !== undefined) {
    extra("anslag", "anslag", "text", `${b.expenditureArea} ${b.appropriation}`)
  }

  // Parties: by name or alias, whatever the id.
  const names = (p: Party.Party): Array<string> => [p.name, ...p.aliases].map(Party.key)
  const consult = d.consult.map((c) => c.value)
  const matched = new Set<Party.Party>()
  for (const r of reference.consult) {
    const match = consult.find((c) => !matched.has(c) && names(c).some((n) => names(r).includes(n)))
    if (match !== undefined) matched.add(match)
    fact("part", `samråd ${r.name}`, "text", r.kind, match?.kind)
  }
  for (const c of consult) if (!matched.has(c)) extra("part", `samråd ${c.name}`, "text", c.kind)
  for (const r of reference.parties) {
    const match = d.parties.find((p) => Party.key(p.value) === Party.key(r))
    fact("part", `part ${r}`, "text", r, match?.value, (x, y) => Party.key(x) === Party.key(y))
  }

  // Shown, not scored.
  fact("ovrigt", "slag", "text", reference.kind, d.kind)
  fact("ovrigt", "beslutsdatum", "datum", reference.decided, d.decided.value)
  fact("ovrigt", "mottagare", "text", reference.recipient, d.recipient.value, (x, y) => fold(x) === fold(y))
  for (const p of reference.perspectives) {
    const match = d.perspectives.find((x) => fold(x.value) === fold(p))
    fact("ovrigt", `perspektiv ${p}`, "text", p, match?.value)
  }

  const scores = Object.fromEntries(
    scoredCategories.map((c) => {
      const own = facts.filter((f) => f.category === c && f.status !== "extra")
      return [c, { agree: own.filter((f) => f.status === "lika").length, total: own.length }]
    })
  ) as Record<ScoredCategory, { agree: number; total: number }>
  const agree = scoredCategories.reduce((n, c) => n + scores[c].agree, 0)
  const total = scoredCategories.reduce((n, c) => n + scores[c].total, 0)
  const wrong = (value: Fact["value"]): number => facts.filter((f) => f.value === value && (f.status === "avviker" || (f.status === "extra" && f.category !== "ovrigt"))).length
  return { reference: reference.id, facts, scores, agreement: total === 0 ? 1 : agree / total, wrongDates: wrong("datum"), wrongAmounts: wrong("belopp") }
}

const percent = (share: number): string => `${(share * 100).toFixed(1).replace(".", ",")} %`

const statusWords: Record<Status, string> = { lika: "lika", avviker: "avviker", saknas: "saknas", extra: "extra" }

/**
 * The figures in one line: agreement overall and per category, and wrong dates and amounts.
 *
 * @example
 * Comparison.summary(c) // "Överensstämmelse med tvangsvard-2024: 41 av 42 uppgifter (97,6 %); diarienummer 4/5, … Felaktiga datum: 0, felaktiga belopp: 0."
 * @since 0.2.0
 */
export const summary = (c: Comparison): string => {
  const agree = scoredCategories.reduce((n, k) => n + c.scores[k].agree, 0)
  const total = scoredCategories.reduce((n, k) => n + c.scores[k].total, 0)
  const per = scoredCategories.filter((k) => c.scores[k].total > 0).map((k) => `${categoryNames[k]} ${c.scores[k].agree}/${c.scores[k].total}`)
  return `Överensstämmelse med ${c.reference}: ${agree} av ${total} uppgifter (${percent(c.agreement)}); ${per.join(", ")}. Felaktiga datum: ${c.wrongDates}, felaktiga belopp: ${c.wrongAmounts}.`
}

/**
 * The comparison as lines for a terminal: every fact where draft and entry
 * differ (`all` shows the agreeing ones too), then the {@link summary}.
 *
 * @example
 * Comparison.format(c).join("\n")
 * // saknas   diarienummer S2024/01004: katalogen S2024/01004, utkastet –
 * @since 0.2.0
 */
export const format = (c: Comparison, options: { readonly all?: boolean } = {}): Array<string> => {
  const shown = c.facts.filter((f) => options.all === true || f.status !== "lika")
  const lines = shown.map((f) => {
    const amount = (v: string | undefined): string => (v === undefined ? "–" : f.value === "belopp" && /^\d+$/.test(v) ? Kronor.format(Number(v)) : v)
    const detail = f.status === "extra" ? `utkastet ${amount(f.drafted)}` : `katalogen ${amount(f.expected)}, utkastet ${amount(f.drafted)}`
    return `${statusWords[f.status].padEnd(8)} ${f.label}: ${detail}`
  })
  return [...lines, summary(c)]
}
