import { readFileSync } from "node:fs"
import { Result } from "effect"
import { expect } from "vitest"
import type * as Assignment from "../src/Assignment.js"
import * as Catalog from "../src/Catalog.js"

/**
 * The seed documents as tests read them: ../shared/seeds from the project
 * root, with line-break hyphenation undone ("anhörig-\norganisationer"),
 * bullets dropped and white space collapsed, so a sentence quoted in the
 * catalog can be found in the text it comes from.
 */
export const seedText = (file: string): string => normalise(readFileSync(new URL(`../../../../shared/seeds/${file}`, import.meta.url), "utf8"))

export const normalise = (text: string): string =>
  text
    // "ålders- \noch könsindelade" keeps its hyphen: the next word is a conjunction.
    .replace(/(\p{Ll})-[ \t]*\r?\n\s*(?!(?:och|eller|samt|respektive)\b)(\p{Ll})/gu, "$1$2")
    .replace(/(\d)-[ \t]*\r?\n\s*(\d)/g, "$1-$2")
    .replace(/[•−]/g, " ")
    .replace(/\s+/g, " ")
    .replace(/ ([,.:;)])/g, "$1")
    .trim()

/** Asserts that `quote` occurs in the seed text (after the same normalisation). */
export const expectQuoted = (seed: string, quote: string): void => {
  expect(seed, `citatet finns inte i seed-texten: ${quote}`).toContain(normalise(quote))
}

let loaded: Catalog.Catalog | undefined

/** The built-in catalog, loaded once from packages/core/catalog. */
export const builtin = (): Catalog.Catalog => {
  loaded ??= Result.getOrThrow(Catalog.load())
  return loaded
}

/** The assignment with this id in the built-in catalog. */
export const assignment = (id: string): Assignment.Assignment => {
  const found = Catalog.findAssignment(builtin(), id)
  if (found === undefined) throw new Error(`${id} saknas i katalogen`)
  return found
}

/** The obligation with this id. */
export const obligation = (a: Assignment.Assignment, id: string): Assignment.ReportingObligation => {
  const found = a.obligations.find((o) => o.id === id)
  if (found === undefined) throw new Error(`${id} saknas i ${a.id}`)
  return found
}

/** Every sentence the entry quotes from its seed: obligation sources, funding notes and parts, grant sources and conditions, requirements. */
export const quotations = (a: Assignment.Assignment): Array<string> => [
  ...a.obligations.map((o) => o.source),
  ...a.funding.flatMap((f) => [...(f.note === undefined ? [] : [f.note]), ...f.parts.map((p) => p.source)]),
  ...a.grants.flatMap((g) => [g.source, ...g.conditions]),
  ...a.requirements
]
