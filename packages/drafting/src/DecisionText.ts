/**
 * A decision's text made readable sentence by sentence, each sentence with
 * the lines it spans in the input: the artefacts of a PDF and of its text
 * export are undone first. Lines broken with a hyphen are joined
 * (`Social-` + `styrelsen` → `Socialstyrelsen`, but `ålders- och` is kept),
 * page numbers (`2 (2)`, `Page 3`, `Sida 2 av 4`), the letterhead footer
 * (`Telefonväxel:`, `Postadress:` …) and lines repeated at the top or bottom
 * of every page are dropped, and a sentence broken by a page break or a blank
 * line is put back together. Pages are separated by a form feed (`\f`), as
 * {@link https://www.npmjs.com/package/unpdf | the PDF reader} writes them.
 *
 * @example
 * import { DecisionText } from "@uppdrag/drafting"
 * const text = DecisionText.make("Regeringens beslut\nSocialstyrelsen ska senast den 30 mars 2026 lämna en delredo-\nvisning av uppdraget.\n")
 * text.sentences[0] // { text: "Socialstyrelsen ska senast den 30 mars 2026 lämna en delredovisning av uppdraget.", line: 2, lastLine: 3, section: "beslut", … }
 * @since 0.2.0
 */
export interface DecisionText {
  /** Every input line (1-based `number`), artefacts included. */
  readonly lines: ReadonlyArray<Line>
  /** The lines dropped as page headers, footers, page numbers and letterhead. */
  readonly artefacts: ReadonlyArray<Line>
  readonly paragraphs: ReadonlyArray<Paragraph>
  readonly sentences: ReadonlyArray<Sentence>
}

/**
 * One line of the input, on its page (1-based).
 *
 * @since 0.2.0
 */
export interface Line {
  readonly number: number
  readonly page: number
  readonly text: string
}

/**
 * The parts of a government decision. `huvud` is the header (date, diary
 * numbers, title), `beslut` the decision itself ("Regeringens beslut"),
 * `arendet` the background ("Ärendet"), `uppdraget` "Närmare om uppdraget",
 * `overenskommelse` an agreement the decision approves, `bilaga` an appendix,
 * `underskrift`, `kopia` ("Kopia till") and `instruktion` the end matter.
 *
 * @since 0.2.0
 */
export type Section = "huvud" | "beslut" | "arendet" | "uppdraget" | "overenskommelse" | "bilaga" | "underskrift" | "kopia" | "instruktion"

/**
 * Consecutive lines joined into one text.
 *
 * @since 0.2.0
 */
export interface Paragraph {
  readonly index: number
  readonly text: string
  readonly line: number
  readonly lastLine: number
  readonly section: Section
  /** The paragraph began with a bullet (`•`, `-`, `−`). */
  readonly bullet: boolean
  /** The kept lines as they were, for tables and lists. */
  readonly lines: ReadonlyArray<Line>
}

/**
 * One sentence with the first and last line it spans.
 *
 * @since 0.2.0
 */
export interface Sentence {
  readonly text: string
  readonly line: number
  readonly lastLine: number
  readonly paragraph: number
  readonly section: Section
}

const headings: ReadonlyArray<readonly [RegExp, Section]> = [
  [/^Regeringens beslut$/i, "beslut"],
  [/^Ärendet$/i, "arendet"],
  [/^Närmare om uppdraget$/i, "uppdraget"],
  [/^(?:På regeringens vägnar|För regeringen)\b/i, "underskrift"],
  [/^Kopia till$/i, "kopia"],
  [/^Instruktion$/i, "instruktion"]
]

const pageNumber = /^(?:\d{1,3}\s*\(\s*\d{1,3}\s*\)|(?:Page|Sida)\s+\d{1,3}(?:\s+(?:av|of)\s+\d{1,3})?|\d{1,3})$/i
const letterhead = /^(?:Telefonväxel|Telefon|Fax|Webb|Webbplats|Postadress|Besöksadress|E-post|Org\.?\s*nr)\s*:/i
const bulletMark = /^[•●▪◦·−–-]\s+/

/** Collapses white space and trims. */
const clean = (text: string): string => text.replace(/[\s\u00a0\u202f]+/g, " ").trim()

/**
 * Joins a line to the next the way the typesetter broke them: a word split
 * with a hyphen is rejoined unless the next word is a conjunction (`ålders-
 * och könsindelade`), digits keep the hyphen (`5052-5781`), anything else is
 * joined with a space.
 *
 * @example
 * DecisionText.joinLines("Folkhälso-", "myndigheten") // "Folkhälsomyndigheten"
 * DecisionText.joinLines("ålders-", "och könsindelade") // "ålders- och könsindelade"
 * @since 0.2.0
 */
export const joinLines = (before: string, after: string): string => {
  const a = before.replace(/\s+$/, "")
  const b = after.replace(/^\s+/, "")
  if (a === "") return b
  if (b === "") return a
  if (/\p{Ll}-$/u.test(a) && /^\p{Ll}/u.test(b) && !/^(?:och|eller|samt|respektive|till)\b/.test(b)) return `${a.slice(0, -1)}${b}`
  if (/\d-$/.test(a) && /^\d/.test(b)) return `${a}${b}`
  return `${a} ${b}`
}

/** Lines that open or close most pages the same way (running headers and footers), digits ignored. */
const runningLines = (pages: ReadonlyArray<ReadonlyArray<Line>>): Set<number> => {
  const dropped = new Set<number>()
  if (pages.length < 2) return dropped
  const key = (line: Line): string => clean(line.text).replace(/\d+/g, "#").toLowerCase()
  const edges = pages.map((page) => {
    const filled = page.filter((l) => clean(l.text) !== "")
    return [...filled.slice(0, 2), ...filled.slice(-2)]
  })
  const counts = new Map<string, number>()
  for (const edge of edges) for (const k of new Set(edge.map(key))) counts.set(k, (counts.get(k) ?? 0) + 1)
  const threshold = Math.max(2, Math.ceil(pages.length / 2))
  for (const edge of edges) for (const line of edge) if ((counts.get(key(line)) ?? 0) >= threshold) dropped.add(line.number)
  return dropped
}

const abbreviation = /(?:\b(?:t\.ex|t\. ex|ex|bl\.a|dvs|d\.v\.s|m\.m|m\.fl|s\.k|prop|skr|nr|utg|omr|jfr|resp|ca|kap|inkl|enl|fr\.o\.m|t\.o\.m|p\.g\.a|st))\.$/i

/** Splits a paragraph into sentences at `.`, `!` or `?` before a capital, keeping abbreviations (`t.ex.`, `bl.a.`) whole. */
const sentenceBounds = (text: string): Array<readonly [number, number]> => {
  const bounds: Array<readonly [number, number]> = []
  let start = 0
  for (const m of text.matchAll(/[.!?]\s+(?=[\p{Lu}"«(])/gu)) {
    const end = m.index + 1
    if (abbreviation.test(text.slice(Math.max(0, end - 12), end))) continue
    bounds.push([start, end])
    start = m.index + m[0].length
  }
  if (start < text.length) bounds.push([start, text.length])
  return bounds.filter(([s, e]) => text.slice(s, e).trim() !== "")
}

interface Building {
  text: string
  /** Offset in `text` where each kept line begins. */
  starts: Array<{ offset: number; line: number }>
  lines: Array<Line>
  section: Section
  bullet: boolean
}

/**
 * Reads a decision's text (lines; pages separated by `\f`).
 *
 * @example
 * DecisionText.make(readFileSync("beslut.txt", "utf8")).sentences.length
 * @since 0.2.0
 */
export const make = (raw: string): DecisionText => {
  const pages: Array<Array<Line>> = []
  let number = 0
  raw
    .replace(/\r\n?/g, "\n")
    .split("\f")
    .forEach((pageText, p) => {
      pages.push(pageText.split("\n").map((text) => ({ number: ++number, page: p + 1, text })))
    })
  // A trailing newline before a form feed leaves an empty last line on a page: it is still a line of the input.
  const lines = pages.flat()
  const running = runningLines(pages)
  const artefacts: Array<Line> = []
  const kept: Array<Line | "break"> = []
  for (const line of lines) {
    const text = clean(line.text)
    if (text !== "" && (running.has(line.number) || pageNumber.test(text) || letterhead.test(text))) {
      artefacts.push(line)
      continue
    }
    kept.push(text === "" ? "break" : line)
  }

  const built: Array<Building> = []
  let section: Section = "huvud"
  let current: Building | undefined
  const close = (): void => {
    if (current !== undefined && current.text !== "") built.push(current)
    current = undefined
  }
  for (const item of kept) {
    if (item === "break") {
      close()
      continue
    }
    const text = clean(item.text)
    const heading = headings.find(([pattern]) => pattern.test(text))
    if (heading !== undefined) {
      close()
      section = heading[1]
      continue
    }
    // An approved agreement begins with its own title; an appendix with "Bilaga".
    if (/^Överenskommelse mellan\b/.test(text) && section !== "overenskommelse" && section !== "huvud") {
      close()
      section = "overenskommelse"
    } else if (/^Bilaga(?::| till beslut)/.test(text) && section !== "huvud") {
      close()
      section = "bilaga"
    }
    const bullet = bulletMark.test(text)
    const body = text.replace(bulletMark, "")
    if (bullet) close()
    if (current === undefined) current = { text: "", starts: [], lines: [], section, bullet }
    const joined = joinLines(current.text, body)
    // The offset of this line's first character in the joined text (the join may have eaten a hyphen).
    const offset = joined.length - body.length
    current.starts.push({ offset: Math.max(0, offset), line: item.number })
    current.text = joined
    current.lines.push(item)
  }
  close()

  // A sentence broken by a page break or a stray blank line: the paragraph ends without punctuation
  // and the next one goes on in lower case.
  const merged: Array<Building> = []
  for (const b of built) {
    const previous = merged.at(-1)
    if (previous !== undefined && !b.bullet && previous.section === b.section && !/[.:;!?]$/.test(previous.text) && /^\p{Ll}/u.test(b.text) && previous.section !== "kopia") {
      const joined = joinLines(previous.text, b.text)
      const shift = joined.length - b.text.length
      previous.starts.push(...b.starts.map((s) => ({ offset: s.offset + shift, line: s.line })))
      previous.text = joined
      previous.lines.push(...b.lines)
      continue
    }
    merged.push(b)
  }

  const paragraphs: Array<Paragraph> = merged.map((b, index) => ({
    index,
    text: b.text,
    line: b.starts[0]?.line ?? 0,
    lastLine: b.starts.at(-1)?.line ?? 0,
    section: b.section,
    bullet: b.bullet,
    lines: b.lines
  }))
  const sentences: Array<Sentence> = merged.flatMap((b, index) => {
    const lineAt = (offset: number): number => {
      let line = b.starts[0]?.line ?? 0
      for (const s of b.starts) {
        if (s.offset > offset) break
        line = s.line
      }
      return line
    }
    return sentenceBounds(b.text).map(([s, e]) => {
      const raw = b.text.slice(s, e)
      const lead = raw.length - raw.trimStart().length
      return { text: raw.trim(), line: lineAt(s + lead), lastLine: lineAt(s + raw.trimEnd().length - 1), paragraph: index, section: b.section }
    })
  })
  return { lines, artefacts, paragraphs, sentences }
}

/**
 * The lines of a span as the decision cites them: `rad 20` or `rad 20–23`.
 *
 * @example
 * DecisionText.lineLabel({ line: 20, lastLine: 23 }) // "rad 20–23"
 * @since 0.2.0
 */
export const lineLabel = (span: { readonly line: number; readonly lastLine: number }): string =>
  span.lastLine > span.line ? `rad ${span.line}–${span.lastLine}` : `rad ${span.line}`
