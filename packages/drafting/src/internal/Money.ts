import { type CalendarDate, Kronor, Placeholder } from "@uppdrag/core"
import * as Amount from "../Amount.js"
import type * as DecisionText from "../DecisionText.js"
import type { ContextAmount, DraftAppropriation, DraftComponent, DraftFunding, DraftFundingPart, DraftGrant, DraftObligation, Origin } from "../Draft.js"
import * as Party from "../Party.js"
import * as SwedishDate from "../SwedishDate.js"
import { capitalise, operative, origin } from "./Text.js"

interface Money {
  readonly appropriation: DraftAppropriation | undefined
  readonly funding: Array<DraftFunding>
  readonly grants: Array<DraftGrant>
  readonly context: Array<ContextAmount>
  readonly notes: Array<string>
}

const amountPattern = String.raw`(\d{1,3}(?: \d{3})+|\d+) kronor`
const kr = (text: string | undefined): Kronor.Kronor | undefined => (text === undefined ? undefined : Amount.findAll(`${text} kronor`).find((a) => a.exact)?.kronor)

interface Building {
  year: number
  total: Kronor.Kronor
  ownUse?: Kronor.Kronor
  toRegions?: Kronor.Kronor
  planned: boolean
  note: string
  parts: Array<DraftFundingPart>
  origin: Origin
}

/** The appropriation clause: "under utgiftsområde 9 Hälsovård, … för budgetåret 2024 uppförda anslaget 1:8 Bidrag till psykiatri, anslagsposten 3 Till Kammarkollegiets disposition". */
const readAppropriation = (s: DecisionText.Sentence): DraftAppropriation | undefined => {
  const m = /utgiftsområde (\d+) (.+?) (?:för budgetåret \d{4} )?uppförda anslaget (\d+:\d+) (.+?)(?:, anslagsposten (\d+) (.+?))?(?:\.$|$| och )/u.exec(s.text)
  if (m === null || m[1] === undefined || m[2] === undefined || m[3] === undefined || m[4] === undefined) return undefined
  return {
    expenditureArea: Number(m[1]),
    expenditureAreaName: m[2],
    appropriation: m[3],
    appropriationName: m[4].replace(/[,.]$/, ""),
    ...(m[5] === undefined || m[6] === undefined ? {} : { item: Number(m[5]), itemName: m[6].replace(/\.$/, "") }),
    origin: origin(s)
  }
}

/**
 * Splits a row of digit groups ("1 140 000 000 200 000 000 150 000 000 1 490 000 000") into `columns`
 * amounts and their total, the only way whose last number is the sum of the others.
 */
export const splitRow = (row: string, columns: number): Array<number> | undefined => {
  const groupsOf = row.trim().split(/\s+/)
  if (!groupsOf.every((g) => /^\d{1,3}$/.test(g))) return undefined
  const solutions: Array<Array<number>> = []
  const walk = (at: number, acc: Array<number>): void => {
    if (acc.length === columns + 1) {
      if (at === groupsOf.length && acc.slice(0, -1).reduce((a, b) => a + b, 0) === acc.at(-1)) solutions.push(acc)
      return
    }
    // A number is a leading group of 1–3 digits and then groups of exactly three.
    const lead = groupsOf[at]
    if (lead === undefined || (lead.startsWith("0") && lead !== "0")) return
    for (let end = at + 1; end <= groupsOf.length; end++) {
      if (end > at + 1 && groupsOf[end - 1]?.length !== 3) break
      walk(end, [...acc, Number(groupsOf.slice(at, end).join(""))])
    }
  }
  walk(0, [])
  return solutions.length === 1 ? solutions[0] : undefined
}

/** The appendix table of a grant: column headings `Medel …` and the `Summa` row. */
const readTable = (text: DecisionText.DecisionText): { titles: Array<string>; amounts: Array<number>; total: number; origin: Origin } | undefined => {
  const appendix = text.paragraphs.filter((p) => p.section === "bilaga")
  const titles = appendix.filter((p) => /^Medel \p{L}/u.test(p.text) && !/\d/.test(p.text) && p.text.split(" ").length <= 5).map((p) => p.text)
  const sum = appendix.find((p) => /^Summa\s+[\d ]+$/.test(p.text))
  if (titles.length === 0 || sum === undefined) return undefined
  const row = splitRow(sum.text.replace(/^Summa\s+/, ""), titles.length)
  if (row === undefined) return undefined
  return { titles, amounts: row.slice(0, -1), total: row.at(-1) ?? 0, origin: origin(sum) }
}

const componentId = (title: string): string => Party.slug(title.replace(/^Medel\s+/i, "")).replace(/-/g, "_")

export const readMoney = (text: DecisionText.DecisionText, obligations: ReadonlyArray<DraftObligation>): Money => {
  const sentences = operative(text)
  const notes: Array<string> = []
  const funding: Array<Building> = []
  const grants: Array<DraftGrant> = []
  const used = new Set<string>()
  let appropriation: DraftAppropriation | undefined
  const year = (y: number): Building | undefined => funding.find((f) => f.year === y)
  const mark = (s: DecisionText.Sentence, amount: Kronor.Kronor): void => {
    used.add(`${s.line}:${amount}`)
  }

  for (const s of sentences) {
    const t = s.text
    // "För uppdraget får Socialstyrelsen under 2024 använda 11 000 000 kronor som ska redovisas mot … anslaget 1:8 …"
    const own = new RegExp(String.raw`får (\p{Lu}\p{L}+) under (\d{4}) använda ${amountPattern}`, "u").exec(t)
    const ownAmount = kr(own?.[3])
    if (own !== null && ownAmount !== undefined) {
      funding.push({ year: Number(own[2]), total: ownAmount, ownUse: ownAmount, planned: false, note: t, parts: [], origin: origin(s) })
      mark(s, ownAmount)
      appropriation ??= readAppropriation(s)
      continue
    }
    // "Av dessa medel får 1 490 000 000 kronor betalas ut till regionerna och 10 000 000 kronor användas av Socialstyrelsen för eget arbete"
    const split = new RegExp(String.raw`^Av dessa medel får ${amountPattern} betalas ut till (regionerna|landstingen|kommunerna) och ${amountPattern} användas av (\p{Lu}\p{L}+)`, "u").exec(t)
    const last = funding.at(-1)
    if (split !== null && last !== undefined) {
      const toRegions = kr(split[1])
      const ownUse = kr(split[3])
      if (toRegions !== undefined && ownUse !== undefined && toRegions + ownUse <= last.total) {
        last.toRegions = toRegions
        last.ownUse = ownUse
        last.note = `${last.note} ${t}`
        mark(s, toRegions)
        mark(s, ownUse)
      }
      continue
    }
    // "Regeringen beräknar att 1 500 000 000 kronor kommer att avsättas för ändamålet under 2027 samt att …"
    if (/^Regeringen beräknar att/.test(t)) {
      for (const m of t.matchAll(new RegExp(String.raw`${amountPattern} kommer att avsättas (?:för ändamålet )?under (\d{4})`, "gu"))) {
        const amount = kr(m[1])
        if (amount === undefined || year(Number(m[2])) !== undefined) continue
        funding.push({ year: Number(m[2]), total: amount, planned: true, note: t, parts: [], origin: origin(s) })
        mark(s, amount)
      }
      continue
    }
    // "Under 2012 kommer Kammarkollegiet att utbetala 56 500 000 kronor till Sveriges Kommuner och Landsting (SKL)"
    const paid = new RegExp(String.raw`^Under (\d{4}) kommer (\p{Lu}\p{L}+) att (?:utbetala|betala ut) ${amountPattern} till`, "u").exec(t)
    const paidAmount = kr(paid?.[3])
    if (paid !== null && paidAmount !== undefined && year(Number(paid[1])) === undefined) {
      funding.push({ year: Number(paid[1]), total: paidAmount, planned: false, note: t, parts: [], origin: origin(s) })
      mark(s, paidAmount)
      continue
    }
    // The parts of an agreement's funds.
    const current = funding.at(-1)
    const ownPart = new RegExp(String.raw`^(\p{Lu}+) får använda ${amountPattern} till`, "u").exec(t)
    const shared = new RegExp(String.raw`^(\p{Lu}+) ska (?:dessutom |även )?fördela ${amountPattern} till (landstingen|regionerna|kommunerna)`, "u").exec(t)
    const rest = new RegExp(String.raw`^Resterande medel, ${amountPattern}, ska utgöra (\p{L}+) och betalas ut (?:direkt )?till (landstingen|regionerna|kommunerna)( efter prestation)?`, "u").exec(t)
    if (current !== undefined && ownPart !== null && ownPart[1] !== undefined) {
      const amount = kr(ownPart[2])
      if (amount !== undefined) {
        current.parts.push({ id: `${Party.slug(ownPart[1])}-eget-arbete`, title: `${ownPart[1]}:s eget arbete`, amount, usedBy: ownPart[1], source: t, origin: origin(s) })
        mark(s, amount)
      }
      continue
    }
    if (current !== undefined && shared !== null && shared[1] !== undefined && shared[3] !== undefined) {
      const amount = kr(shared[2])
      if (amount !== undefined) {
        current.parts.push({ id: `${Party.slug(shared[1])}-fordelar-till-${shared[3]}`, title: `Medel som ${shared[1]} fördelar till ${shared[3]}`, amount, usedBy: shared[1], source: t, origin: origin(s) })
        mark(s, amount)
      }
      continue
    }
    if (current !== undefined && rest !== null && rest[2] !== undefined && rest[3] !== undefined) {
      const amount = kr(rest[1])
      if (amount === undefined) continue
      const performance = rest[4] !== undefined
      const grantId = `${Party.slug(rest[2])}-${current.year}`
      current.parts.push({
        id: Party.slug(rest[2]),
        title: capitalise(performance ? `prestationsbaserade ${rest[2]}` : rest[2]),
        amount,
        usedBy: rest[3],
        ...(performance ? { grant: grantId } : {}),
        source: t,
        origin: origin(s)
      })
      mark(s, amount)
      if (performance) grants.push(performanceGrant(text, sentences, grantId, current.year, amount, rest[3], obligations, s))
    }
  }

  // Own use and funds to regions of an agreement follow from its parts.
  for (const f of funding) {
    if (f.parts.length === 0) continue
    const sum = f.parts.reduce((a, p) => a + p.amount, 0)
    if (sum !== f.total) {
      notes.push(`Delarna av ${f.year} års medel summerar till ${Kronor.format(sum)}, inte ${Kronor.format(f.total)}: de har utelämnats.`)
      f.parts = []
      continue
    }
    const own = f.parts.filter((p) => p.id.endsWith("-eget-arbete")).reduce((a, p) => a + p.amount, 0)
    f.ownUse = Kronor.unsafeMake(own)
    f.toRegions = Kronor.unsafeMake(f.total - own)
  }

  // A grant paid to the regions after requisition, split as the appendix says.
  for (const s of sentences) {
    const m = new RegExp(String.raw`får (\p{Lu}\p{L}+) under (\d{4}) betala ut ${amountPattern} till (regionerna|landstingen|kommunerna) efter rekvisition`, "u").exec(s.text)
    const amount = kr(m?.[3])
    if (m === null || m[1] === undefined || m[4] === undefined || amount === undefined) continue
    mark(s, amount)
    const y = Number(m[2])
    const f = year(y)
    if (f !== undefined) f.toRegions ??= amount
    else funding.push({ year: y, total: amount, toRegions: amount, planned: false, note: s.text, parts: [], origin: origin(s) })
    grants.push(populationGrant(text, s, y, amount, m[1], m[4], obligations, notes))
  }

  // Every other amount is context: said in the background, rounded, or hedged ("närmare en halv miljard kronor").
  const context: Array<ContextAmount> = []
  for (const s of text.sentences) {
    if (s.section === "bilaga" || s.section === "kopia") continue
    for (const a of Amount.findAll(s.text)) {
      if (used.has(`${s.line}:${a.kronor}`)) continue
      const reason = !a.exact ? "avrundat belopp i ord, inte medel i beslutet" : s.section === "arendet" ? "bakgrund (Ärendet)" : "inte en tilldelning av medel"
      context.push({ text: a.text, kronor: a.kronor, line: s.line, reason })
    }
  }

  return { appropriation, funding: funding.map((f) => ({ ...f })), grants, context, notes }
}

const due = (obligations: ReadonlyArray<DraftObligation>, kind: DraftObligation["kind"], responsible?: string): CalendarDate.CalendarDate | undefined => {
  const found = obligations.find((o) => o.kind === kind && (responsible === undefined || o.responsible === responsible) && typeof o.due === "string" && !Placeholder.is(o.due))
  return found?.due === undefined || found.due === null || Placeholder.is(found.due) ? undefined : found.due
}

const populationGrant = (
  text: DecisionText.DecisionText,
  s: DecisionText.Sentence,
  year: number,
  amount: Kronor.Kronor,
  payer: string,
  payee: string,
  obligations: ReadonlyArray<DraftObligation>,
  notes: Array<string>
): DraftGrant => {
  const appendix = text.sentences.filter((x) => x.section === "bilaga")
  const heading = text.paragraphs.find((p) => p.section === "bilaga" && /^Bilaga: /.test(p.text))
  const byPopulation = appendix.filter((x) => /befolkningsmängd/.test(x.text))
  const table = readTable(text)
  const reference = (x: DecisionText.Sentence | undefined): string | undefined => {
    const m = x === undefined ? null : /per (\p{L}+ \d{4}) enligt (?:uppgifter från )?(?:Statistikmyndigheten )?(SCB)/u.exec(x.text)
    return m === null ? undefined : `${m[2]} ${m[1]}`
  }
  let components: Array<DraftComponent>
  if (table !== undefined && table.total === amount) {
    components = table.titles.map((title, i) => {
      const words = title.replace(/^Medel\s+/i, "").toLowerCase()
      const basisSentence = byPopulation.find((x) => x.text.toLowerCase().includes(words))
      const basis = basisSentence === undefined ? undefined : /befolkningsmängd (\d+\+|\d+-\d+) år/.exec(basisSentence.text)?.[1]
      return {
        id: componentId(title),
        title,
        amount: Kronor.unsafeMake(table.amounts[i] ?? 0),
        basis: basis ?? Placeholder.make(`befolkningsunderlag för ${title} (t.ex. 18+ eller 0-25)`),
        populationReference: reference(basisSentence) ?? Placeholder.make("befolkningsuppgifter (t.ex. SCB september 2025)"),
        origin: table.origin
      }
    })
  } else {
    if (table !== undefined) notes.push(`Bilagans summarad (${Kronor.format(table.total)}) stämmer inte med statsbidraget (${Kronor.format(amount)}): en komponent att fylla i.`)
    components = [
      {
        id: "hela-bidraget",
        title: "Hela statsbidraget",
        amount,
        basis: Placeholder.make("befolkningsunderlag (t.ex. 18+)"),
        populationReference: Placeholder.make("befolkningsuppgifter (t.ex. SCB september 2025)"),
        origin: origin(s)
      }
    ]
  }
  const payoutBy = due(obligations, "utbetalning", payer)
  const repaymentBy = due(obligations, "aterbetalning", payee)
  const conditions = operative(text)
    .filter((x) => /rekvireras av|upprätta en överenskommelse|ska återbetalas till/.test(x.text) && x.text.length < 400)
    .map((x) => x.text)
  return {
    id: `statsbidrag-${year}`,
    title: heading === undefined ? `Statsbidrag till ${payee} ${year}` : heading.text.replace(/^Bilaga: /, ""),
    year,
    amount,
    // Split by population to the krona: the catalog's method for that is largest remainder (Hamilton).
    method: byPopulation.length > 0 ? "largest-remainder" : Placeholder.make("fördelningsmetod (largest-remainder eller capped-performance)"),
    paidBy: payer,
    ...(payoutBy === undefined ? {} : { payoutBy }),
    ...(repaymentBy === undefined ? {} : { repaymentBy }),
    conditions,
    components,
    source: [s.text, ...byPopulation.map((x) => x.text)].join(" "),
    origin: origin(s)
  }
}

const performanceGrant = (
  text: DecisionText.DecisionText,
  sentences: ReadonlyArray<DecisionText.Sentence>,
  id: string,
  year: number,
  amount: Kronor.Kronor,
  payee: string,
  obligations: ReadonlyArray<DraftObligation>,
  s: DecisionText.Sentence
): DraftGrant => {
  const payer = sentences.map((x) => /rekvisition hos (\p{Lu}\p{L}+)/u.exec(x.text)?.[1]).find((x) => x !== undefined)
  const share = sentences.find((x) => /andel (?:i|av) befolkningen/.test(x.text))
  const previousYear = share !== undefined && /den 31 december året före bidragsåret/.test(share.text)
  const checked = sentences
    .map((x) => /efter avstämning (den \d{1,2} \p{L}+ \d{4})/u.exec(x.text)?.[1])
    .map((x) => (x === undefined ? undefined : SwedishDate.findAll(x)[0]?.date))
    .find((x) => x !== undefined)
  const payoutBy = due(obligations, "utbetalning", payer)
  const conditions = text.paragraphs
    .filter((p) => p.section === "overenskommelse" && p.bullet && /^Att (landstingen|regionerna)\b/.test(p.text))
    .map((p) => p.text.split(/(?<=\.)\s+(?=\p{Lu})/u)[0] ?? p.text)
  const extra = sentences.filter((x) => /^För att få del av|kan inte få en större andel/.test(x.text)).map((x) => x.text)
  return {
    id,
    title: `Prestationsbaserade stimulansmedel till ${payee}`,
    year,
    amount,
    method: "capped-performance",
    paidBy: payer ?? Placeholder.make("vem som betalar ut"),
    ...(checked === undefined ? {} : { conditionsCheckedOn: checked }),
    ...(payoutBy === undefined ? {} : { payoutBy }),
    conditions: [...conditions, ...extra],
    components: [
      {
        id: "befolkningsandel",
        title: `Stimulansmedel, högst ${payee === "landstingen" ? "landstingets" : "regionens"} andel av befolkningen`,
        amount,
        basis: share === undefined ? Placeholder.make("befolkningsunderlag") : "0+",
        populationReference: previousYear ? `Befolkningen den 31 december ${year - 1} (året före bidragsåret)` : Placeholder.make("befolkningsuppgifter"),
        ...(previousYear ? { populationDate: `${year - 1}-12-31` as CalendarDate.CalendarDate } : {}),
        origin: share === undefined ? origin(s) : origin(share)
      }
    ],
    source: share === undefined ? s.text : `${s.text} ${share.text}`,
    ...(payoutBy !== undefined && obligations.some((o) => o.kind === "utbetalning" && o.note !== undefined) ? { note: obligations.find((o) => o.kind === "utbetalning")?.note ?? "" } : {}),
    origin: origin(s)
  }
}
