import * as Result from "effect/Result"

/**
 * Who may use the web view: a claim of the user's ID token or userinfo and
 * the values that admit them. A claim holding a list (a `groups` claim)
 * admits when it contains one of the values; a single value must equal one.
 */
export interface Rule {
  readonly claim: string
  readonly values: ReadonlyArray<string>
}

/**
 * Reads `claim=value` or `claim=value1,value2` (`UPPDRAG_OIDC_ALLOWED`).
 *
 * @example
 * Allowed.parse("groups=uppdrag-lasare") // Result.succeed({ claim: "groups", values: ["uppdrag-lasare"] })
 */
export const parse = (text: string): Result.Result<Rule, string> => {
  const match = /^([A-Za-z0-9_.:/-]+)=(.+)$/.exec(text.trim())
  if (match === null) return Result.fail("ska vara anspråk=värde, t.ex. groups=uppdrag-lasare eller email_verified=true")
  const values = match[2]!.split(",").map((value) => value.trim())
  if (values.some((value) => value === "")) return Result.fail("ett tomt värde efter = eller mellan kommatecken")
  return Result.succeed({ claim: match[1]!, values })
}

/** A claim's value as text: strings as they are, numbers and booleans written out (`email_verified=true`). */
const asText = (value: unknown): string | undefined =>
  typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : undefined

/**
 * Whether the claims admit the user.
 *
 * @example
 * Allowed.permits({ claim: "groups", values: ["uppdrag-lasare"] }, { sub: "1", groups: ["alla", "uppdrag-lasare"] }) // true
 */
export const permits = (rule: Rule, claims: Readonly<Record<string, unknown>>): boolean => {
  const value = claims[rule.claim]
  const held = Array.isArray(value) ? value.map(asText) : [asText(value)]
  return held.some((text) => text !== undefined && rule.values.includes(text))
}

/**
 * The rule in words, for the 403 page.
 *
 * @example
 * Allowed.describe({ claim: "groups", values: ["a", "b"] }) // "groups ska innehålla a eller b"
 */
export const describe = (rule: Rule): string => `${rule.claim} ska innehålla ${rule.values.join(" eller ")}`
