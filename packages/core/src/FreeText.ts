import * as z from "zod"

/**
 * Text people type: a note, a title, a name. It may hold any printable
 * character, but no control character: an escape sequence in a `--note`
 * would recolour or rewrite the terminal of whoever lists the log, and a
 * NUL or a bidirectional override hides what an exported file says. A
 * multi-line text (a note, the minutes of a meeting) may hold tab and line
 * feed; a one-line text (a title, a name) neither. Carriage returns are
 * refused too: one line break, one character.
 *
 * @example
 * import { FreeText } from "@uppdrag/core"
 * FreeText.invalidReason("Rekvisition\u001b[2J") // "innehåller styrtecknet U+001B (tecken 12); …"
 * FreeText.schema.parse("Rad ett\nRad två") // "Rad ett\nRad två"
 */

// C0 controls, DEL and C1 controls; the bidirectional embeddings, overrides
// and isolates (U+202A–U+202E, U+2066–U+2069); the line and paragraph
// separators (U+2028, U+2029), which some readers take for line breaks.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const control = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u

const codePoint = (char: string): string => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`

const reasonWith = (text: string, allowed: ReadonlySet<string>, allowedText: string): string | undefined => {
  let index = 0
  for (const char of text) {
    index += 1
    if (!allowed.has(char) && control.test(char)) return `innehåller styrtecknet ${codePoint(char)} (tecken ${index}); ${allowedText}`
  }
  return undefined
}

const multiLine = new Set(["\t", "\n"])
const oneLine = new Set<string>()

/**
 * Why a multi-line text is refused (a control character other than tab or
 * line feed, with its code point and 1-based position), or undefined.
 *
 * @example
 * FreeText.invalidReason("ok\tok\n") // undefined
 * FreeText.invalidReason("a\u0000b") // "innehåller styrtecknet U+0000 (tecken 2); bara tabb och radbrytning är tillåtna"
 * @since 0.2.0
 */
export const invalidReason = (text: string): string | undefined => reasonWith(text, multiLine, "bara tabb och radbrytning är tillåtna")

/**
 * Why a one-line text is refused (any control character, tab and line feed
 * included), or undefined.
 *
 * @example
 * FreeText.invalidLineReason("Samråd\nom vård") // "innehåller styrtecknet U+000A (tecken 7); texten ska stå på en rad utan styrtecken"
 * @since 0.2.0
 */
export const invalidLineReason = (text: string): string | undefined => reasonWith(text, oneLine, "texten ska stå på en rad utan styrtecken")

/**
 * zod schema of a multi-line free text (a note): a string without control
 * characters other than tab and line feed.
 *
 * @example
 * FreeText.schema.safeParse("Beslut S2025/01528\nBilaga 1").success // true
 * @since 0.2.0
 */
export const schema: z.ZodString = z.string().superRefine((value, ctx) => {
  const reason = invalidReason(value)
  if (reason !== undefined) ctx.addIssue({ code: "custom", message: reason })
})

/**
 * zod schema of a one-line free text (a title, a name): a string without
 * any control character.
 *
 * @example
 * FreeText.lineSchema.safeParse("Samråd om vårdkapacitet").success // true
 * @since 0.2.0
 */
export const lineSchema: z.ZodString = z.string().superRefine((value, ctx) => {
  const reason = invalidLineReason(value)
  if (reason !== undefined) ctx.addIssue({ code: "custom", message: reason })
})
