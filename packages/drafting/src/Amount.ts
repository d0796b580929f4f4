import { Kronor } from "@uppdrag/core"
import * as Data from "effect/Data"
import * as Result from "effect/Result"

/**
 * An amount of money as a decision writes it: exact, in digits grouped by
 * spaces (`1 490 000 000 kronor`), or rounded, in words (`400 miljoner
 * kronor`, `1,3 miljarder kronor`, `en halv miljard kronor`). Only exact
 * amounts are funding; a rounded or hedged amount (`närmare en halv miljard
 * kronor`) is context, and `exact` is false for it.
 *
 * @example
 * import { Amount } from "@uppdrag/drafting"
 * Amount.findAll("avsatte närmare en halv miljard kronor; får använda 11 000 000 kronor")
 *   .map((a) => [a.kronor, a.exact]) // [[500000000, false], [11000000, true]]
 * @since 0.2.0
 */
export interface Amount {
  readonly kronor: Kronor.Kronor
  /** Written to the krona in digits, not rounded in words nor hedged (`närmare`, `över`). */
  readonly exact: boolean
  /** The hedge before the amount, e.g. `närmare`, `över`. */
  readonly hedge: string | undefined
  readonly text: string
  readonly start: number
  readonly end: number
}

/**
 * A text that is not an amount, with the reason.
 *
 * @since 0.2.0
 */
export class AmountNotUnderstood extends Data.TaggedError("AmountNotUnderstood")<{ readonly text: string; readonly reason: string }> {
  override get message(): string {
    return `${JSON.stringify(this.text)} är inte ett belopp: ${this.reason}`
  }
}

const scales: Record<string, number> = {
  tusen: 1_000,
  miljon: 1_000_000,
  miljoner: 1_000_000,
  miljard: 1_000_000_000,
  miljarder: 1_000_000_000
}
const numberWords: Record<string, number> = { en: 1, ett: 1, "en halv": 0.5, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, åtta: 8, nio: 9, tio: 10 }
const hedges = "närmare|nästan|drygt|knappt|över|cirka|ca|omkring|runt|uppemot|ungefär|minst|högst"

const space = "[ \\u00a0\\u202f]"
const grouped = String.raw`\d{1,3}(?:${space}\d{3})+|\d+`
const wordNumber = Object.keys(numberWords)
  .sort((a, b) => b.length - a.length)
  .join("|")
const hedgePrefix = String.raw`(?:(${hedges})\s+)?`
const digitsPattern = new RegExp(String.raw`(?<![\d\p{L}])${hedgePrefix}(${grouped})(?:,(\d+))?\s+(?:(tusen|miljoner|miljon|miljarder|miljard)\s+)?(?:kronor|kr)(?!\p{L})`, "giu")
const wordsPattern = new RegExp(String.raw`(?<![\p{L}])${hedgePrefix}(${wordNumber})\s+(tusen|miljoner|miljon|miljarder|miljard)\s+(?:kronor|kr)(?!\p{L})`, "giu")

const toKronor = (value: number): Kronor.Kronor | undefined => (Number.isSafeInteger(value) && value >= 0 ? (value as Kronor.Kronor) : undefined)

/**
 * Every amount of kronor in a text, in order.
 *
 * @example
 * Amount.findAll("över 1,3 miljarder kronor")[0] // { kronor: 1300000000, exact: false, hedge: "över", … }
 * @since 0.2.0
 */
export const findAll = (text: string): Array<Amount> => {
  const found: Array<Amount> = []
  for (const m of text.matchAll(digitsPattern)) {
    const hedge = m[1]?.toLowerCase()
    const whole = (m[2] ?? "").replace(/[ \u00a0\u202f]/g, "")
    const decimals = m[3]
    const scale = m[4] === undefined ? 1 : (scales[m[4].toLowerCase()] ?? 1)
    // Decimals without a scale word are öre: not a whole-krona amount.
    if (decimals !== undefined && scale === 1) continue
    // Exact integer arithmetic: 1,3 miljarder is 1 × 10⁹ + 3 × 10⁸, never 1.3 × 10⁹ in floating point.
    const unit = decimals === undefined ? 0 : scale / 10 ** decimals.length
    if (!Number.isInteger(unit)) continue
    const kronor = toKronor(Number(whole) * scale + (decimals === undefined ? 0 : Number(decimals) * unit))
    if (kronor === undefined) continue
    found.push({ kronor, exact: hedge === undefined && scale === 1, hedge, text: m[0], start: m.index, end: m.index + m[0].length })
  }
  for (const m of text.matchAll(wordsPattern)) {
    const kronor = toKronor((numberWords[(m[2] ?? "").toLowerCase()] ?? 0) * (scales[(m[3] ?? "").toLowerCase()] ?? 0))
    if (kronor === undefined) continue
    found.push({ kronor, exact: false, hedge: m[1]?.toLowerCase(), text: m[0], start: m.index, end: m.index + m[0].length })
  }
  return found.sort((a, b) => a.start - b.start)
}

/**
 * Parses a text that is exactly one amount.
 *
 * @example
 * Amount.parse("1 490 000 000 kronor") // Result.succeed({ kronor: 1490000000, exact: true, … })
 * Amount.parse("tusentals kronor") // Result.fail(AmountNotUnderstood)
 * @since 0.2.0
 */
export const parse = (text: string): Result.Result<Amount, AmountNotUnderstood> => {
  const trimmed = text.trim()
  const all = findAll(trimmed)
  const only = all[0]
  if (only === undefined || all.length > 1 || only.start !== 0 || only.end !== trimmed.length) {
    return Result.fail(new AmountNotUnderstood({ text, reason: all.length > 1 ? "texten innehåller flera belopp" : "väntade t.ex. \"11 000 000 kronor\" eller \"400 miljoner kronor\"" }))
  }
  return Result.succeed(only)
}

/**
 * Writes an exact amount the way decisions do: `1 490 000 000 kronor`.
 *
 * @example
 * Amount.format(Kronor.unsafeMake(11_000_000)) // "11 000 000 kronor"
 * @since 0.2.0
 */
export const format = (kronor: Kronor.Kronor): string => `${Kronor.formatNumber(kronor)} kronor`

/**
 * Writes a round amount in words: `400 miljoner kronor`, `1,3 miljarder
 * kronor`; amounts that are not a whole number of tenths of a million are
 * written in digits.
 *
 * @example
 * Amount.formatRounded(Kronor.unsafeMake(1_300_000_000)) // "1,3 miljarder kronor"
 * @since 0.2.0
 */
export const formatRounded = (kronor: Kronor.Kronor): string => {
  const inWords = (unit: number, one: string, many: string): string => {
    const tenths = kronor / (unit / 10)
    const text = tenths % 10 === 0 ? String(tenths / 10) : `${Math.floor(tenths / 10)},${tenths % 10}`
    return `${text} ${tenths === 10 ? one : many} kronor`
  }
  if (kronor >= 1_000_000_000 && kronor % 100_000_000 === 0) return inWords(1_000_000_000, "miljard", "miljarder")
  if (kronor >= 1_000_000 && kronor % 100_000 === 0) return inWords(1_000_000, "miljon", "miljoner")
  return format(kronor)
}
