import { type Assignment, type CalendarDate, Collation, Placeholder } from "@uppdrag/core"
import type * as DecisionText from "../DecisionText.js"
import type { DraftObligation, Unfilled } from "../Draft.js"
import * as SwedishDate from "../SwedishDate.js"
import type { Header } from "./Header.js"
import { capitalise, operative, origin } from "./Text.js"

type Due = CalendarDate.CalendarDate | null | Unfilled

interface Pending {
  kind: Assignment.ObligationKind | "redovisning"
  title: string
  due: Due
  dueSetBy?: string
  responsible: string | Unfilled
  recipient: string | Unfilled
  contents: Array<string>
  source: string
  note?: string
  sentence: DecisionText.Sentence
  /** The recipient is that of the final report on the same day ("i samband med slutrapporteringen"). */
  recipientOfFinalReport?: boolean
}

/** Who pays out and to whom, from "får Socialstyrelsen … betala ut … till regionerna" or "rekvisition hos SKL". */
interface Flow {
  readonly payer: string | undefined
  readonly payee: string | undefined
}

const payeeName = (text: string): string => (/region/i.test(text) ? "regionerna" : /landsting/i.test(text) ? "landstingen" : /kommun/i.test(text) ? "kommunerna" : text)

const readFlow = (sentences: ReadonlyArray<DecisionText.Sentence>, actor: string | undefined): Flow => {
  let payer: string | undefined
  let payee: string | undefined
  for (const s of sentences) {
    const grant = /får (\p{Lu}\p{L}+) under \d{4} betala ut .*? till (regionerna|landstingen|kommunerna)/u.exec(s.text)
    if (grant !== null) {
      payer ??= grant[1]
      payee ??= grant[2]
    }
    const at = /rekvisition hos (\p{Lu}\p{L}+)/u.exec(s.text)
    if (at !== null) payer ??= at[1]
    const to = /(?:utbetalas|betalas ut)(?: direkt| engångsvis)? till (regionerna|landstingen|kommunerna)/.exec(s.text)
    if (to !== null) payee ??= to[1]
  }
  return { payer: payer ?? actor, payee }
}

/** The dates in a sentence that are due dates: after `senast` or `respektive`, "sker i november 2012", "i samband med slutrapporteringen den …", "kommuniceras av SKL under januari 2012". */
const dueDates = (text: string): Array<SwedishDate.SwedishDate> =>
  SwedishDate.findAll(text).filter((d) => {
    const before = text.slice(Math.max(0, d.start - 60), d.start)
    if (/(?:senast|respektive)\s*$/.test(before)) return true
    if (d.precision === "month" && /\b(?:sker|ske|ska ske)\s*$/.test(before)) return true
    if (/i samband med \p{L}+\s*$/u.test(before)) return true
    if (/(?:kommuniceras|specificeras|tas fram|genomförs)(?: och \p{L}+)? av \p{Lu}\p{L}+\s*$/u.test(before)) return true
    return false
  })

const recipientIn = (text: string): string | undefined => {
  const m = /\btill (Regeringskansliet \(\p{L}+\)|\p{Lu}[\p{L}]+(?: \((?!bankgiro)[^)]*\))?)/u.exec(text)
  return m?.[1]
}

const subjectOf = (text: string, known: ReadonlyArray<string>): string | undefined => {
  const m = /^(\p{Lu}[\p{L}]*(?: \p{Lu}[\p{L}]*)*) (?:ska|har|får)\b/u.exec(text)
  if (m?.[1] === undefined) return undefined
  const word = m[1]
  return known.includes(word) || /^[\p{Lu}]{2,}$/u.test(word) || /^\p{Lu}\p{L}+(?:styrelsen|myndigheten|verket|kollegiet)$/u.test(word) ? word : undefined
}

const reportKind = (text: string): Pending["kind"] | undefined => {
  if (/ekonomisk(?:a)? redovisning|ekonomiska medl\p{L}* har använts|redovisning av medel/iu.test(text)) return "ekonomisk-redovisning"
  if (/slutredovisning|slutredovisas|slutrapport/i.test(text)) return "slutredovisning"
  if (/delredovisning|delrapport|delredovisas/i.test(text)) return "delredovisning"
  if (/utvärderas|utvärdering/i.test(text)) return "utvardering"
  if (/redovisning av uppdraget|redovisa uppdraget/i.test(text)) return "redovisning"
  return undefined
}

const titles: Record<Assignment.ObligationKind, string> = {
  delredovisning: "Delredovisning av uppdraget",
  slutredovisning: "Slutredovisning av uppdraget",
  "ekonomisk-redovisning": "Ekonomisk redovisning av använda medel",
  rekvisition: "Rekvisition av medlen",
  utbetalning: "Utbetalning av medlen",
  aterbetalning: "Återbetalning av medel som inte använts för avsett ändamål",
  utvardering: "Utvärdering",
  ovrigt: "Övrig skyldighet"
}

/** The noun phrase a sentence opens with, as a duty's title: "En uppdaterad kompetensutvecklingsplan för …" → "Uppdaterad kompetensutvecklingsplan för …". */
const subjectTitle = (text: string, verb: RegExp): string => {
  const head = text.split(verb)[0] ?? text
  const words = head.replace(/^(?:En|Ett)\s+/, "").split(/\s+/).slice(0, 14)
  return capitalise(words.join(" ").replace(/[,.]$/, ""))
}

export const readDuties = (text: DecisionText.DecisionText, header: Header): { obligations: Array<DraftObligation>; notes: Array<string> } => {
  const sentences = operative(text)
  const actor = header.actor
  const flow = readFlow(sentences, actor)
  const knownActors = [actor, flow.payer].filter((a): a is string => a !== undefined)
  const pending: Array<Pending> = []
  const notes: Array<string> = []
  let lastBatch: Array<Pending> = []
  const unfilledDue = (what: string): Unfilled => Placeholder.make(what)
  const byParagraph = new Map<number, DecisionText.Sentence>()
  for (const s of sentences) if (!byParagraph.has(s.paragraph)) byParagraph.set(s.paragraph, s)
  // "Att landstingen aktivt arbetar …": the paragraph's actor for passive duties in it.
  const paragraphActor = (s: DecisionText.Sentence): string | undefined => {
    const first = byParagraph.get(s.paragraph)?.text ?? ""
    return /^Att (landstingen|regionerna|kommunerna)\b/.exec(first)?.[1]
  }
  const yearly = (d: SwedishDate.SwedishDate): { due: Due; note?: string } => {
    if (d.precision !== "yearly" || d.day === undefined) return { due: d.date ?? unfilledDue("förfallodag (ÅÅÅÅ-MM-DD)") }
    if (header.year === undefined) return { due: unfilledDue(`förfallodag (ÅÅÅÅ-MM-DD): texten säger "${d.text}"`) }
    const due = `${header.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}` as CalendarDate.CalendarDate
    return { due, note: `"${d.text}": för ${header.year} års överenskommelse är det ${due}.` }
  }
  const add = (batch: Array<Pending>): void => {
    pending.push(...batch)
    lastBatch = batch
  }

  for (const s of sentences) {
    const t = s.text
    const dates = dueDates(t)

    // Contents of the report(s) just read, or of the one due on a date named here.
    const forDate = /^Den (?:del|slut)?redovisning som ska lämnas senast (.+?) ska (?:därutöver |även )?innehålla/.exec(t)
    if (forDate !== null) {
      const date = SwedishDate.findAll(t)[0]?.date
      for (const p of pending) if (p.due === date) p.contents.push(t)
      continue
    }
    if (/^(?:(?:Del|Slut)?[Rr]edovisning(?:en|arna)|Rapporten|Varje delrapport)\b.*\b(?:innehålla|inbegripa|innehållit)(?!\p{L})/u.test(t)) {
      for (const p of lastBatch) p.contents.push(t)
      continue
    }

    // A date someone else sets.
    const setBy = /senast det datum som (\p{Lu}\p{L}+) (?:bestämmer|beslutar|fastställer|anger)/u.exec(t)
    if (setBy?.[1] !== undefined) {
      const owner = /^(\p{Lu}\p{L}+?)(?:s)? redovisning/u.exec(t)?.[1]
      const responsible = owner === undefined ? (actor ?? Placeholder.make("vem som ska redovisa")) : owner.toLowerCase()
      const kind = reportKind(t) ?? "ekonomisk-redovisning"
      add([
        {
          kind,
          title: owner === undefined ? titles[kind === "redovisning" ? "delredovisning" : kind] : `${capitalise(owner)}s redovisning av medel`.replace(/ss /, "s "),
          due: null,
          dueSetBy: setBy[1],
          responsible,
          recipient: setBy[1],
          contents: [],
          source: t,
          sentence: s
        }
      ])
      continue
    }

    // "Medlen utbetalas engångsvis efter rekvisition till Kammarkollegiet senast den 1 december 2024."
    const requisitionTo = /efter rekvisition till (\p{Lu}\p{L}+)/u.exec(t)
    if (requisitionTo?.[1] !== undefined && dates[0] !== undefined) {
      add([
        {
          kind: "rekvisition",
          title: `Rekvisition av medlen från ${requisitionTo[1]}`,
          due: dates[0].date ?? unfilledDue("sista dag för rekvisitionen"),
          responsible: actor ?? Placeholder.make("vem som rekvirerar"),
          recipient: requisitionTo[1],
          contents: [],
          source: t,
          note: "Datumet läses som sista dag för rekvisitionen; meningen kan också läsas som sista dag för utbetalningen.",
          sentence: s
        }
      ])
      continue
    }
    // "Medlen får under 2026 rekvireras av respektive region från Socialstyrelsen …": no date, or one after senast.
    const requisitionBy = /rekvireras av (respektive region|regionerna|respektive landsting|landstingen|kommunerna) från (\p{Lu}\p{L}+)/u.exec(t)
    if (requisitionBy?.[1] !== undefined && requisitionBy[2] !== undefined) {
      const due = dates[0]?.date ?? unfilledDue("sista dag för rekvisitionen (ÅÅÅÅ-MM-DD); beslutet anger ingen")
      add([
        { kind: "rekvisition", title: `Rekvisition av statsbidraget från ${requisitionBy[2]}`, due, responsible: payeeName(requisitionBy[1]), recipient: requisitionBy[2], contents: [], source: t, sentence: s }
      ])
      continue
    }

    if (/återbetalas/.test(t) && dates[0] !== undefined) {
      const to = /återbetalas(?: senast .*?)? till (\p{Lu}\p{L}+)/u.exec(t)?.[1]
      const responsible = to !== undefined && to === flow.payer && flow.payee !== undefined ? flow.payee : (actor ?? Placeholder.make("vem som återbetalar"))
      const what = /^(.+?) ska återbetalas/.exec(t)?.[1]
      const bankgiro = /\((bankgiro [^)]*)\)/.exec(t)?.[1]
      add([
        {
          kind: "aterbetalning",
          title: titles.aterbetalning,
          due: dates[0].date ?? unfilledDue("sista dag för återbetalningen"),
          responsible,
          recipient: to ?? Placeholder.make("till vem medlen återbetalas"),
          contents: what === undefined ? [] : [`${capitalise(what)}${bankgiro === undefined ? "" : ` (${bankgiro})`}`],
          source: t,
          sentence: s
        }
      ])
      continue
    }

    if (/\b(?:betalas ut|utbetalas|Utbetalning sker)\b/.test(t) && dates[0] !== undefined && !/rekvisition till/.test(t)) {
      const batch: Array<Pending> = []
      const payout = dates[0]
      batch.push({
        kind: "utbetalning",
        title: flow.payee === undefined ? titles.utbetalning : `Utbetalning av medlen till ${flow.payee}`,
        due: payout.date ?? unfilledDue("sista dag för utbetalningen"),
        responsible: flow.payer ?? Placeholder.make("vem som betalar ut"),
        recipient: flow.payee ?? Placeholder.make("vem som får medlen"),
        contents: /engångsvis/.test(t) ? ["Medlen betalas ut engångsvis"] : [],
        source: t,
        ...(payout.precision === "month" ? { note: `"${payout.text}": utkastet använder den sista dagen i månaden, ${payout.date}.` } : {}),
        sentence: s
      })
      const check = /efter avstämning (den \d{1,2} \p{L}+ \d{4}) (av att .+?)(?: och baserat|,|\.|$)/u.exec(t)
      const checkDate = check?.[1] === undefined ? undefined : SwedishDate.findAll(check[1])[0]?.date
      if (check !== null && checkDate !== undefined) {
        batch.push({
          kind: "ovrigt",
          title: `Avstämning ${check[2]}`,
          due: checkDate,
          responsible: flow.payer ?? Placeholder.make("vem som stämmer av"),
          recipient: flow.payee ?? Placeholder.make("vem avstämningen gäller"),
          contents: [],
          source: t,
          sentence: s
        })
      }
      add(batch)
      continue
    }

    const kind = reportKind(t)
    const sameTime = /^Vid samma tidpunkt\b/.test(t)
    const allDates = SwedishDate.findAll(t).filter((d) => d.precision === "yearly" && /senast\s*$/.test(t.slice(Math.max(0, d.start - 20), d.start)))
    const reportDates = [...dates, ...allDates].sort((a, b) => a.start - b.start)
    if (kind !== undefined && /(?<!\p{L})(?:lämna|lämnas|redovisas|slutredovisas|delredovisas|rapporteras|överlämnat|överlämna|ske|göras)(?!\p{L})/u.test(t) && (reportDates.length > 0 || sameTime)) {
      const agent = /utvärderas av (\p{Lu}\p{L}+)/u.exec(t)?.[1] ?? subjectOf(t, knownActors) ?? actor
      const recipient = recipientIn(t)
      const finalReport = /i samband med slutrapport\p{L}*|i samband med slutredovisning\p{L}*/u.test(t)
      const previous = lastBatch.at(-1)
      const dated: Array<{ due: Due; note?: string }> =
        sameTime && reportDates.length === 0 && previous !== undefined ? [{ due: previous.due, note: `"Vid samma tidpunkt": samma dag som föregående skyldighet.` }] : reportDates.map(yearly)
      add(
        dated.map(({ due, note }) => ({
          kind,
          title: /Projektet ska slutredovisas/.test(t) ? "Slutredovisning av projektet" : /delrapport/.test(t) ? "Delrapport" : kind === "redovisning" ? "Redovisning av uppdraget" : titles[kind],
          due,
          responsible: agent ?? Placeholder.make("vem som ska redovisa"),
          recipient: recipient ?? Placeholder.make("mottagare av redovisningen"),
          contents: [],
          source: t,
          ...(note === undefined ? {} : { note }),
          sentence: s,
          ...(recipient === undefined && finalReport ? { recipientOfFinalReport: true } : {})
        }))
      )
      continue
    }

    // Other dated duties: a plan to send in, instructions to communicate.
    const sendTo = /\bska (?:skickas in|lämnas in|skickas|inkomma) till (\p{Lu}\p{L}+)/u.exec(t)
    if (sendTo?.[1] !== undefined && dates[0]?.date !== undefined) {
      add([
        {
          kind: "ovrigt",
          title: subjectTitle(t, /\s+ska\s+/),
          due: dates[0].date,
          responsible: paragraphActor(s) ?? Placeholder.make("vem som ska skicka in"),
          recipient: sendTo[1],
          contents: [],
          source: t,
          sentence: s
        }
      ])
      continue
    }
    const communicated = /(?:kommuniceras|specificeras|tas fram)(?: och \p{L}+)? av (\p{Lu}\p{L}+)/u.exec(t)
    const communicatedOn = dates.find((d) => d.precision !== "yearly")
    if (communicated?.[1] !== undefined && communicatedOn?.date !== undefined) {
      add([
        {
          kind: "ovrigt",
          title: subjectTitle(t, /\s+(?:specificeras|kommuniceras|tas fram)\b/),
          due: communicatedOn.date,
          responsible: communicated[1],
          recipient: paragraphActor(s) ?? Placeholder.make("till vem"),
          contents: [],
          source: t,
          ...(communicatedOn.precision === "month" ? { note: `"${communicatedOn.text}": utkastet använder den sista dagen i månaden, ${communicatedOn.date}.` } : {}),
          sentence: s
        }
      ])
    }
  }

  // "i samband med slutrapporteringen": the final report's recipient.
  for (const p of pending) {
    if (p.recipientOfFinalReport === true) {
      const final = pending.find((q) => q.kind === "slutredovisning" && q.due === p.due && !Placeholder.is(q.recipient))
      if (final !== undefined) p.recipient = final.recipient
    }
  }
  // "en redovisning av uppdraget": the last report is the final one when the decision names no other.
  const plain = pending.filter((p) => p.kind === "redovisning")
  if (plain.length > 0) {
    const hasFinal = pending.some((p) => p.kind === "slutredovisning")
    const last = [...plain].sort((a, b) => Collation.swedish(String(a.due), String(b.due))).at(-1)
    for (const p of plain) {
      if (!hasFinal && p === last) {
        p.kind = "slutredovisning"
        p.note = `Beslutet kallar ${plain.length === 1 ? "den enda" : "den sista"} redovisningen "en redovisning av uppdraget"; utkastet läser den som slutredovisning.`
      } else {
        p.kind = "delredovisning"
      }
    }
  }

  // "Redovisningarna ska hänvisa till diarienumret", "Redovisning, rekvisition och återbetalning ska hänvisa …".
  const citing = operative(text).find((s) => /ska hänvisa till diarienumret/.test(s.text))
  const cites = (p: Pending): boolean => {
    if (citing === undefined) return false
    const words = (/^(.+?) ska hänvisa/.exec(citing.text)?.[1] ?? "").toLowerCase()
    if (p.responsible !== actor) return false
    if (p.kind === "rekvisition") return /rekvisition/.test(words)
    if (p.kind === "aterbetalning") return /återbetalning/.test(words)
    return /redovisning/.test(words) && ["delredovisning", "slutredovisning", "ekonomisk-redovisning", "utvardering"].includes(p.kind)
  }

  // The same duty said twice (in the decision and in the agreement it approves) is one duty.
  const merged: Array<Pending> = []
  for (const p of pending) {
    const twin = merged.find((q) => q.kind === p.kind && q.due === p.due && q.responsible === p.responsible && (p.due !== null || q.dueSetBy === p.dueSetBy))
    if (twin !== undefined) {
      for (const c of p.contents) if (!twin.contents.includes(c)) twin.contents.push(c)
      continue
    }
    merged.push(p)
  }

  const ids = new Set<string>()
  const obligations = merged.map((p): DraftObligation => {
    const kind = p.kind === "redovisning" ? "delredovisning" : p.kind
    const day = p.due === null ? "datum-ej-satt" : Placeholder.is(p.due) ? "utan-datum" : p.due
    let id = `${kind}-${day}`
    for (let n = 2; ids.has(id); n++) id = `${kind}-${day}-${n}`
    ids.add(id)
    if (Placeholder.is(p.due)) notes.push(`${id}: ${Placeholder.what(p.due)}.`)
    return {
      id,
      kind,
      title: p.title,
      due: p.due,
      ...(p.dueSetBy === undefined ? {} : { dueSetBy: p.dueSetBy }),
      responsible: p.responsible,
      recipient: p.recipient,
      contents: p.contents,
      citeDiaryNumber: cites(p),
      source: p.source,
      ...(p.note === undefined ? {} : { note: p.note }),
      origin: origin(p.sentence)
    }
  })
  return { obligations, notes }
}
