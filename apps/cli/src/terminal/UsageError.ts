/**
 * Commander's usage errors in Swedish. Commander writes its messages in
 * English (`error: unknown option '--x'`); the CLI passes them through this
 * before printing, so every message the user sees is Swedish. Messages it
 * does not know keep their text with `fel:` in front.
 *
 * @example
 * translateUsageError("error: unknown option '--formt'\n(Did you mean --format?)\n")
 * // "fel: okänt alternativ '--formt'\n(menade du --format?)\n"
 */
export const translateUsageError = (text: string): string => {
  for (const [pattern, swedish] of rules) {
    if (pattern.test(text)) return text.replace(pattern, swedish).replace(/\(Did you mean one of (.+)\?\)/, "(menade du någon av $1?)").replace(/\(Did you mean (.+)\?\)/, "(menade du $1?)")
  }
  return text.replace(/^error: /, "fel: ")
}

const rules: ReadonlyArray<readonly [RegExp, string]> = [
  [/^error: unknown option '(.+?)'/, "fel: okänt alternativ '$1'"],
  [/^error: unknown command '(.+?)'/, "fel: okänt kommando '$1'"],
  [/^error: missing required argument '(.+?)'/, "fel: argumentet '$1' saknas"],
  [/^error: option '(.+?)' argument missing/, "fel: alternativet '$1' saknar värde"],
  [/^error: option '(.+?)' argument '(.*?)' is invalid\. Allowed choices are (.+)\./, "fel: ogiltigt värde '$2' för alternativet '$1'; tillåtna värden är $3."],
  [/^error: option '(.+?)' argument '(.*?)' is invalid\./, "fel: ogiltigt värde '$2' för alternativet '$1'."],
  [/^error: command-argument value '(.*?)' is invalid for argument '(.+?)'\./, "fel: ogiltigt värde '$1' för argumentet '$2'."],
  [/^error: too many arguments for '(.+?)'\. Expected (\d+) arguments? but got (\d+)\./, "fel: för många argument till '$1': väntade $2, fick $3."],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./, "fel: för många argument: väntade $1, fick $2."],
  [/^error: required option '(.+?)' not specified/, "fel: alternativet '$1' måste anges"]
]
