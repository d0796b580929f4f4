import type { Issue } from "./ValidationError.js"

/**
 * csv-parse's errors as Swedish issues at the right line. csv-parse names an
 * unclosed quote at the line where it gave up (the end of the file); the
 * line that matters is the one where the quote opened, which a scan of the
 * text finds.
 *
 * @example
 * import { CsvSyntax } from "@uppdrag/core"
 * try { parse(text, { delimiter: "," }) } catch (error) { issues.push(CsvSyntax.issue(error, text, ",")) }
 * // { path: "", line: 51, message: "ogiltig CSV: ett citattecken öppnas men stängs aldrig" }
 */
const messages: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "ett citattecken öppnas men stängs aldrig",
  CSV_INVALID_CLOSING_QUOTE: "tecken efter ett avslutande citattecken (skriv citattecken i text som \"\")",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "tecken efter ett avslutande citattecken (skriv citattecken i text som \"\")",
  INVALID_OPENING_QUOTE: "ett citattecken mitt i ett fält (omge fältet med citattecken och skriv citattecknet som \"\")",
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: "raden har ett annat antal fält än rubrikraden",
  CSV_RECORD_INCONSISTENT_COLUMNS: "raden har ett annat antal fält än rubrikraden",
  CSV_MAX_RECORD_SIZE: "raden är för lång",
  CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH: "raden har ett annat antal fält än rubrikraden"
}

/**
 * The 1-based line where a quoted field opens that never closes, or
 * `undefined` when every quote closes.
 *
 * @example
 * CsvSyntax.unclosedQuoteLine('a,b\n1,"x\n2,3\n', ",") // 2
 * @since 0.2.0
 */
export const unclosedQuoteLine = (text: string, delimiter: string): number | undefined => {
  let line = 1
  let fieldStart = true
  let openedAt: number | undefined
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (openedAt !== undefined) {
      if (c === '"') {
        if (text[i + 1] === '"') i++
        else openedAt = undefined
      } else if (c === "\n") line++
      continue
    }
    if (c === '"' && fieldStart) {
      openedAt = line
      continue
    }
    if (c === "\n") {
      line++
      fieldStart = true
    } else if (c === delimiter) fieldStart = true
    else if (c !== " " && c !== "\t" && c !== "\r") fieldStart = false
  }
  return openedAt
}

/**
 * The issue for an error csv-parse threw while reading `text` (split by
 * `delimiter`): its Swedish message and line, csv-parse's English words
 * as `detail`.
 *
 * @example
 * CsvSyntax.issue(error, text, ";") // { path: "", line: 51, message: "ogiltig CSV: ett citattecken öppnas men stängs aldrig", detail: "Quote Not Closed: …" }
 * @since 0.2.0
 */
export const issue = (error: unknown, text: string, delimiter: string): Issue => {
  const e = typeof error === "object" && error !== null ? (error as { code?: unknown; lines?: unknown; message?: unknown }) : {}
  const code = typeof e.code === "string" ? e.code : ""
  const detail = typeof e.message === "string" ? e.message : String(error)
  const reported = typeof e.lines === "number" && e.lines > 0 ? e.lines : undefined
  const line = code === "CSV_QUOTE_NOT_CLOSED" ? (unclosedQuoteLine(text, delimiter) ?? reported) : reported
  return { path: "", message: `ogiltig CSV: ${messages[code] ?? "filen kan inte läsas som CSV"}`, detail, ...(line === undefined ? {} : { line }) }
}
