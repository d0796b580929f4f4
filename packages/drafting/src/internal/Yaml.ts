import { Document, isMap, isScalar, isSeq, type Node, type Pair, Scalar } from "yaml"
import type { Draft, Origin } from "../Draft.js"

const width = 110

/** Wraps text into comment lines of at most `width` characters. */
const wrap = (text: string, indent = ""): Array<string> => {
  const lines: Array<string> = []
  let line = ""
  for (const word of text.split(/\s+/)) {
    if (line !== "" && line.length + word.length + 1 > width) {
      lines.push(line)
      line = indent + word
    } else line = line === "" ? word : `${line} ${word}`
  }
  if (line !== "") lines.push(line)
  return lines
}

const asComment = (lines: ReadonlyArray<string>): string => lines.map((l) => ` ${l}`).join("\n")

/** Renders a draft as its catalog file: the entry, a header comment, and comments giving each fact's lines. */
export const render = (draft: Draft, entry: Record<string, unknown>): string => {
  const multiPage = draft.lines.some((l) => l.page > 1)
  const firstOfPage = new Map<number, number>()
  for (const l of draft.lines) if (!firstOfPage.has(l.page)) firstOfPage.set(l.page, l.number)
  const place = (line: number): string => {
    if (!multiPage) return `rad ${line}`
    const page = draft.lines.find((l) => l.number === line)?.page ?? 1
    return `sida ${page} rad ${line - (firstOfPage.get(page) ?? 1) + 1}`
  }
  const where = (o: Origin): string => (o.lastLine > o.line && !multiPage ? `rad ${o.line}–${o.lastLine}` : place(o.line))
  const quoted = (o: Origin): Array<string> => wrap(`${where(o)}: "${o.sentence}"`, "  ")

  const doc = new Document(entry, { aliasDuplicateObjects: false })
  const root = doc.contents
  if (!isMap(root)) return doc.toString()
  const pairOf = (key: string): Pair<unknown, unknown> | undefined => root.items.find((p) => isScalar(p.key) && p.key.value === key)
  const commentKey = (key: string, lines: ReadonlyArray<string>): void => {
    const pair = pairOf(key)
    if (pair !== undefined && lines.length > 0 && isScalar(pair.key)) pair.key.commentBefore = asComment(lines)
  }
  const items = (key: string): Array<Node> => {
    const value = pairOf(key)?.value
    return isSeq(value) ? (value.items as Array<Node>) : []
  }
  const e = draft.entry
  // "1:8" and "1:7" are text; YAML 1.1 readers would take them for sexagesimal numbers.
  const quote = (node: unknown): void => {
    if (isScalar(node) && typeof node.value === "string") node.type = Scalar.QUOTE_DOUBLE
  }
  quote(pairOf("decisionItem")?.value)
  const appropriationNode = pairOf("appropriation")?.value
  if (isMap(appropriationNode)) quote(appropriationNode.get("appropriation", true))

  doc.commentBefore = asComment([
    `Utkast från "uppdrag catalog draft" ur ${draft.source}. Granska varje uppgift mot beslutet.`,
    `Värden som börjar med "FYLL I" kunde inte avgöras ur texten: "uppdrag catalog validate" godtar inte`,
    "filen förrän de är ifyllda. Varje uppgift anger meningen den kommer från (source, note eller kommentar)",
    `och dess ${multiPage ? "sida och rad i texten som lästs ur PDF-filen" : "rad i texten"}.`,
    ...(draft.artefacts.length > 0 ? wrap(`Bortrensat som sidhuvud, sidfot, sidnummer eller brevfot: ${draft.artefacts.map((l) => place(l.number)).join(", ")}.`, "  ") : []),
    ...draft.notes.flatMap((n) => wrap(`Obs: ${n}`, "  "))
  ])

  const sourced = (key: string, origin: Origin | undefined): void => {
    if (origin !== undefined) commentKey(key, quoted(origin))
  }
  sourced("title", e.title.origin)
  sourced("decided", e.decided.origin)
  sourced("decisionItem", e.decisionItem?.origin)
  const diaryOrigins = e.diaryNumbers.map((d) => d.origin).filter((o): o is Origin => o !== undefined)
  if (diaryOrigins.length > 0) commentKey("diaryNumbers", [`${place(diaryOrigins[0]?.line ?? 0)}${diaryOrigins.length > 1 ? `–${diaryOrigins.at(-1)?.line}` : ""} (beslutets huvud)`])
  sourced("ministry", e.ministry.origin)
  sourced("recipient", e.recipient.origin)
  sourced("parties", e.parties[0]?.origin)
  if (e.appropriation !== undefined) sourced("appropriation", e.appropriation.origin)

  const itemComments = (key: string, origins: ReadonlyArray<Origin | undefined>, flow = false): void => {
    items(key).forEach((node, i) => {
      const o = origins[i]
      if (o !== undefined) node.commentBefore = ` ${where(o)}`
      if (flow && (isMap(node) || isSeq(node))) node.flow = true
    })
  }
  itemComments("funding", e.funding.map((f) => f.origin))
  itemComments("grants", e.grants.map((g) => g.origin))
  itemComments("obligations", e.obligations.map((o) => o.origin))
  itemComments("related", e.related.map((r) => r.origin), true)
  itemComments("ends", e.ends.map((r) => r.origin), true)
  items("consult").forEach((node) => {
    if (isMap(node)) node.flow = true
  })
  items("consult").forEach((node) => {
    const seqOf = (n: Node): void => {
      if (isMap(n)) for (const p of n.items) if (isSeq(p.value)) p.value.flow = true
    }
    seqOf(node)
  })
  const distinct = (origins: ReadonlyArray<Origin | undefined>): Array<Origin> =>
    origins.filter((o, i, all): o is Origin => o !== undefined && all.findIndex((x) => x?.line === o.line && x.sentence === o.sentence) === i)
  commentKey("consult", distinct(e.consult.map((c) => c.origin)).flatMap(quoted))
  commentKey("perspectives", distinct(e.perspectives.map((p) => p.origin)).flatMap(quoted))
  itemComments("requirements", e.requirements.map((r) => r.origin))

  if (draft.context.length > 0) {
    doc.comment = asComment([
      "Belopp i texten som inte tagits som medel:",
      ...draft.context.flatMap((c) => wrap(`  ${place(c.line)}: "${c.text}" (${c.reason})`, "    "))
    ])
  }
  return doc.toString({ lineWidth: 0 })
}
