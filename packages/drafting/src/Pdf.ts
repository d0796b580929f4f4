import { createRequire } from "node:module"
import * as Data from "effect/Data"
import * as Result from "effect/Result"

/**
 * The text of a PDF as the government publishes it, read with `unpdf`
 * (Mozilla's pdf.js in a build for servers): one line per line of print,
 * a blank line where the print leaves a gap (a new paragraph), and a form
 * feed (`\f`) between pages, so {@link DecisionText.make} can tell running
 * headers and footers and broken words apart. pdf.js is loaded only when a
 * PDF is read.
 *
 * @example
 * import { Pdf } from "@uppdrag/drafting"
 * const text = await Pdf.extractText(readFileSync("beslut.pdf"), "beslut.pdf")
 * @since 0.2.0
 */
export class PdfUnreadable extends Data.TaggedError("PdfUnreadable")<{ readonly source: string; readonly reason: string }> {
  override get message(): string {
    return `${this.source} kan inte läsas som PDF: ${this.reason}`
  }
}

/**
 * Whether the bytes are a PDF (they start with `%PDF-`).
 *
 * @since 0.2.0
 */
export const isPdf = (bytes: Uint8Array): boolean => bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === "%PDF-"

interface Item {
  readonly str: string
  readonly transform: ReadonlyArray<number>
  readonly height: number
  readonly hasEOL?: boolean
}

const isItem = (value: unknown): value is Item => typeof value === "object" && value !== null && "str" in value && "transform" in value

/** Lines of one page from pdf.js text items: a new line where the baseline moves, a blank line at a gap. */
const pageLines = (items: ReadonlyArray<Item>): Array<string> => {
  const lines: Array<{ y: number; height: number; text: string }> = []
  let current: { y: number; height: number; text: string } | undefined
  let breakNext = false
  for (const item of items) {
    const y = item.transform[5] ?? 0
    const height = item.height > 0 ? item.height : Math.abs(item.transform[3] ?? 0)
    if (current === undefined || breakNext || (item.str.trim() !== "" && Math.abs(y - current.y) > Math.max(1, current.height * 0.5))) {
      if (current !== undefined) lines.push(current)
      current = { y, height, text: "" }
    }
    current.text += item.str
    if (height > current.height) current.height = height
    breakNext = item.hasEOL === true
  }
  if (current !== undefined) lines.push(current)
  const out: Array<string> = []
  lines.forEach((line, i) => {
    const previous = lines[i - 1]
    if (previous !== undefined && previous.y - line.y > Math.max(previous.height, line.height) * 1.8) out.push("")
    out.push(line.text.replace(/\s+$/, ""))
  })
  return out
}

/**
 * Extracts the text; fails with {@link PdfUnreadable} for a file that is not
 * a PDF, is damaged or encrypted, or holds no text (a scanned image).
 *
 * @example
 * const result = await Pdf.extractText(bytes, "beslut.pdf")
 * if (Result.isSuccess(result)) Draft.fromText(result.success, { source: "beslut.pdf" })
 * @since 0.2.0
 */
export const extractText = async (bytes: Uint8Array, source = "PDF-filen"): Promise<Result.Result<string, PdfUnreadable>> => {
  if (!isPdf(bytes)) return Result.fail(new PdfUnreadable({ source, reason: "filen börjar inte med %PDF-" }))
  // pdf.js is large and only this function needs it: loaded on first use (its CommonJS build, as the CLI keeps it outside its bundle).
  const { getDocumentProxy } = createRequire(import.meta.url)("unpdf") as typeof import("unpdf")
  let document: Awaited<ReturnType<typeof getDocumentProxy>>
  try {
    // pdf.js takes ownership of the buffer it is given, so it gets a copy.
    document = await getDocumentProxy(new Uint8Array(bytes))
  } catch (error) {
    return Result.fail(new PdfUnreadable({ source, reason: `filen är skadad eller krypterad (${(error as Error).message})` }))
  }
  try {
    const pages: Array<string> = []
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n)
      const content = await page.getTextContent()
      pages.push(pageLines(content.items.flatMap((item: unknown) => (isItem(item) ? [item] : []))).join("\n"))
    }
    const text = pages.join("\n\f")
    if (text.replace(/\s/g, "") === "") return Result.fail(new PdfUnreadable({ source, reason: "filen innehåller ingen text (en inskannad bild?)" }))
    return Result.succeed(text)
  } catch (error) {
    return Result.fail(new PdfUnreadable({ source, reason: `texten kan inte läsas ut (${(error as Error).message})` }))
  } finally {
    await document.destroy()
  }
}
