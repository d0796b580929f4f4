import { Kronor } from "@uppdrag/core"

/** The no-break space used between digit groups in HTML, so `1 490 000 000 kr` never wraps. */
export const nbsp = "\u00a0"

/**
 * Whole kronor for HTML: `1 490 000 000 kr` with no-break spaces.
 *
 * @example
 * Format.kronor(347393632) // "347 393 632 kr"
 */
export const kronor = (amount: number | bigint): string => Kronor.format(amount, nbsp)

/**
 * A whole number for HTML, grouped in threes: `8 501 959`.
 *
 * @example
 * Format.integer(8501959) // "8 501 959"
 */
export const integer = (value: number | bigint): string => Kronor.formatNumber(value, nbsp)

/**
 * A decimal number the Swedish way, with a decimal comma: `12,3`.
 *
 * @example
 * Format.decimal(12.34, 1) // "12,3"
 */
export const decimal = (value: number, digits: number): string => {
  const [whole = "0", fraction] = Math.abs(value).toFixed(digits).split(".")
  const sign = value < 0 && Number(value.toFixed(digits)) !== 0 ? "−" : ""
  return `${sign}${Kronor.formatNumber(BigInt(whole), nbsp)}${fraction === undefined ? "" : `,${fraction}`}`
}

/**
 * A share as a percentage with a decimal comma: `23,6 %`.
 *
 * @example
 * Format.percent(0.2364, 1) // "23,6 %"
 */
export const percent = (share: number, digits = 1): string => `${decimal(share * 100, digits)}${nbsp}%`

/**
 * Millions of kronor for chart axes: `350 mnkr`.
 *
 * @example
 * Format.millions(350_000_000) // "350 mnkr"
 */
export const millions = (amount: number): string => `${decimal(amount / 1_000_000, amount % 1_000_000 === 0 ? 0 : 1)}${nbsp}mnkr`

/**
 * Days in Swedish: `1 dag`, `7 dagar`, `3 dagar sedan` for negative numbers.
 *
 * @example
 * Format.days(-3) // "3 dagar sedan"
 */
export const days = (count: number): string => {
  const n = Math.abs(count)
  const word = n === 1 ? "dag" : "dagar"
  return count < 0 ? `${integer(n)}${nbsp}${word} sedan` : `${integer(n)}${nbsp}${word}`
}

const stockholm = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })

/**
 * An instant in Swedish time, to the minute: `2026-11-20 kl. 10:14`.
 *
 * @example
 * Format.instant("2026-11-20T09:14:03.120Z") // "2026-11-20 kl. 10:14"
 */
export const instant = (iso: string): string => {
  const parts = Object.fromEntries(stockholm.formatToParts(new Date(iso)).map((p) => [p.type, p.value]))
  return `${parts.year}-${parts.month}-${parts.day} kl.${nbsp}${parts.hour}:${parts.minute}`
}
