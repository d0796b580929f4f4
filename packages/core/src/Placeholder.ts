/**
 * The mark a drafted catalog entry (`uppdrag catalog draft`) puts where the
 * decision's text did not settle a value: `FYLL I: beslutsdatum (ÅÅÅÅ-MM-DD)`.
 * Any string that starts with `FYLL I` is refused by {@link find} wherever it
 * stands (a date, an amount, a name), so a catalog file validates only once a
 * person has replaced every mark.
 *
 * @example
 * import { Placeholder } from "@uppdrag/core"
 * Placeholder.make("beslutsdatum (ÅÅÅÅ-MM-DD)") // "FYLL I: beslutsdatum (ÅÅÅÅ-MM-DD)"
 * Placeholder.is("FYLL I: beslutsdatum (ÅÅÅÅ-MM-DD)") // true
 * @since 0.2.0
 */
export type Placeholder = string & { readonly Placeholder: unique symbol }

/**
 * The text every mark starts with.
 *
 * @since 0.2.0
 */
export const prefix = "FYLL I"

const pattern = /^\s*FYLL I\b:?\s*/

/**
 * A mark saying what a person must fill in.
 *
 * @example
 * Placeholder.make("diarienummer (t.ex. S2024/01234)")
 * @since 0.2.0
 */
export const make = (what: string): Placeholder => `${prefix}: ${what}` as Placeholder

/**
 * Whether a value is a mark (a string starting with `FYLL I`).
 *
 * @since 0.2.0
 */
export const is = (value: unknown): value is Placeholder => typeof value === "string" && pattern.test(value)

/**
 * What the mark asks for: the text after `FYLL I:`.
 *
 * @since 0.2.0
 */
export const what = (mark: Placeholder): string => mark.replace(pattern, "").trim()

/**
 * Every mark in a parsed file, with its property path, in document order.
 *
 * @example
 * Placeholder.find({ decided: "FYLL I: beslutsdatum" }) // [{ path: ["decided"], what: "beslutsdatum" }]
 * @since 0.2.0
 */
export const find = (value: unknown, path: ReadonlyArray<PropertyKey> = []): Array<{ path: ReadonlyArray<PropertyKey>; what: string }> => {
  if (is(value)) return [{ path, what: what(value) }]
  if (Array.isArray(value)) return value.flatMap((item, i) => find(item, [...path, i]))
  if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([key, item]) => find(item, [...path, key]))
  return []
}

/**
 * The Swedish message `catalog validate` prints for a mark.
 *
 * @since 0.2.0
 */
export const message = (what: string): string => `ej ifyllt (utkast): fyll i ${what === "" ? "värdet" : what}`
