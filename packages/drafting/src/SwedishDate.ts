import { CalendarDate } from "@uppdrag/core"
import * as Data from "effect/Data"
import * as Result from "effect/Result"

/**
 * A date as Swedish decisions write it, in words: `den 1 december 2024`,
 * `senast 31 mars 2025`, `i november 2012` (only the month: read as its last
 * day, the catalog's rule, with `precision: "month"`), `den 30 november varje
 * år` (a yearly date with no year), or ISO `2026-01-22` on a header line.
 *
 * @example
 * import { SwedishDate } from "@uppdrag/drafting"
 * SwedishDate.findAll("ska senast den 30 november 2025 respektive den 30 november 2026 lämna")
 *   .map((d) => d.date) // ["2025-11-30", "2026-11-30"]
 * @since 0.2.0
 */
export interface SwedishDate {
  /** The day; for a month-only date, the month's last day. Undefined for a yearly date (`varje år`). */
  readonly date: CalendarDate.CalendarDate | undefined
  readonly precision: "day" | "month" | "yearly"
  readonly year: number | undefined
  readonly month: number
  readonly day: number | undefined
  /** The words as written, e.g. `den 1 december 2024`. */
  readonly text: string
  /** Where the words start and end in the text searched. */
  readonly start: number
  readonly end: number
}

/**
 * A text that is not a Swedish date, with the reason.
 *
 * @since 0.2.0
 */
export class DateNotUnderstood extends Data.TaggedError("DateNotUnderstood")<{ readonly text: string; readonly reason: string }> {
  override get message(): string {
    return `${JSON.stringify(this.text)} är inte ett datum: ${this.reason}`
  }
}

/**
 * The Swedish month names, January first.
 *
 * @since 0.2.0
 */
export const monthNames = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"] as const

const monthAlternatives = monthNames.join("|")
// `den 1 december 2024`, `1 juni 2012`, `den 1:a april 2026`, `30 november varje år`
const dayPattern = new RegExp(String.raw`(?<![\p{L}\d])(?:den\s+)?(\d{1,2})(?::[ae])?\s+(${monthAlternatives})(?:\s+(\d{4})(?!\d)|\s+(varje\s+år)\b)`, "giu")
// `i november 2012`, `under januari 2012`
const monthPattern = new RegExp(String.raw`(?<![\p{L}\d])(?:i|under)\s+(${monthAlternatives})\s+(\d{4})(?!\d)`, "giu")
const isoPattern = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g

const monthNumber = (name: string): number => monthNames.indexOf(name.toLowerCase() as (typeof monthNames)[number]) + 1

const dayDate = (year: number, month: number, day: number): CalendarDate.CalendarDate | undefined =>
  day >= 1 && day <= CalendarDate.daysInMonth(year, month) && year >= 1900 && year <= 2100 ? CalendarDate.make(year, month, day) : undefined

/**
 * Every date in a text, in order. Days that do not exist (`den 31 april
 * 2026`) are left out rather than guessed.
 *
 * @example
 * SwedishDate.findAll("Utbetalning sker i november 2012 efter avstämning den 31 oktober 2012")
 *   .map((d) => [d.date, d.precision]) // [["2012-11-30", "month"], ["2012-10-31", "day"]]
 * @since 0.2.0
 */
export const findAll = (text: string): Array<SwedishDate> => {
  const found: Array<SwedishDate> = []
  for (const m of text.matchAll(dayPattern)) {
    const day = Number(m[1])
    const month = monthNumber(m[2] ?? "")
    const start = m.index
    const end = start + m[0].length
    if (m[4] !== undefined) {
      if (day >= 1 && day <= CalendarDate.daysInMonth(2000, month)) found.push({ date: undefined, precision: "yearly", year: undefined, month, day, text: m[0], start, end })
      continue
    }
    const year = Number(m[3])
    const date = dayDate(year, month, day)
    if (date !== undefined) found.push({ date, precision: "day", year, month, day, text: m[0], start, end })
  }
  for (const m of text.matchAll(monthPattern)) {
    const month = monthNumber(m[1] ?? "")
    const year = Number(m[2])
    if (year < 1900 || year > 2100) continue
    const start = m.index
    found.push({ date: CalendarDate.make(year, month, CalendarDate.daysInMonth(year, month)), precision: "month", year, month, day: undefined, text: m[0], start, end: start + m[0].length })
  }
  for (const m of text.matchAll(isoPattern)) {
    const year = Number(m[1])
    const month = Number(m[2])
    const day = Number(m[3])
    const date = month >= 1 && month <= 12 ? dayDate(year, month, day) : undefined
    if (date !== undefined) found.push({ date, precision: "day", year, month, day, text: m[0], start: m.index, end: m.index + m[0].length })
  }
  return found.sort((a, b) => a.start - b.start)
}

/**
 * Parses a text that is exactly one Swedish date (surrounding `senast`,
 * spaces and a full stop allowed).
 *
 * @example
 * SwedishDate.parse("senast den 1 december 2024") // Result.succeed({ date: "2024-12-01", precision: "day", … })
 * SwedishDate.parse("den 31 april 2026") // Result.fail(DateNotUnderstood)
 * @since 0.2.0
 */
export const parse = (text: string): Result.Result<SwedishDate, DateNotUnderstood> => {
  const trimmed = text.trim().replace(/^senast\s+/i, "").replace(/\.$/, "")
  const all = findAll(trimmed)
  const only = all[0]
  if (only === undefined || all.length > 1) {
    return Result.fail(new DateNotUnderstood({ text, reason: all.length > 1 ? "texten innehåller flera datum" : "väntade t.ex. \"den 1 december 2024\", \"i november 2012\" eller 2026-01-22" }))
  }
  if (only.start !== 0 || only.end !== trimmed.length) return Result.fail(new DateNotUnderstood({ text, reason: "texten innehåller mer än ett datum" }))
  return Result.succeed(only)
}

/**
 * Writes a date the way decisions do: `den 1 december 2024`, or
 * `i november 2012` for a month. {@link parse} reads it back.
 *
 * @example
 * SwedishDate.format(CalendarDate.unsafeParse("2024-12-01")) // "den 1 december 2024"
 * SwedishDate.format(CalendarDate.unsafeParse("2012-11-30"), "month") // "i november 2012"
 * @since 0.2.0
 */
export const format = (date: CalendarDate.CalendarDate, precision: "day" | "month" = "day"): string => {
  const { year, month, day } = CalendarDate.parts(date)
  const name = monthNames[month - 1] ?? ""
  return precision === "month" ? `i ${name} ${year}` : `den ${day} ${name} ${year}`
}
