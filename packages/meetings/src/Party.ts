import type { Assignment, Catalog } from "@uppdrag/core"
import * as Result from "effect/Result"

/**
 * The parties meetings can name: every agency, organisation and group some
 * assignment in the catalog says to consult, by stable id (`ivo`), with the
 * names and aliases that resolve to it (`IVO`, `Inspektionen för vård och omsorg`).
 *
 * @example
 * import { Catalog } from "@uppdrag/core"
 * import { Party } from "@uppdrag/meetings"
 * const parties = Party.directory(Catalog.unsafeLoad())
 * Party.resolve(parties, "IVO") // Result.succeed({ id: "ivo", name: "Inspektionen för vård och omsorg", … })
 * @since 0.2.0
 */
export interface Directory {
  readonly parties: ReadonlyArray<Assignment.ConsultedParty>
  /** Normalised id, name or alias → the ids it names (more than one means ambiguous). */
  readonly index: ReadonlyMap<string, ReadonlyArray<string>>
}

/**
 * Case, surrounding space and repeated spaces do not matter when naming a party.
 *
 * @since 0.2.0
 */
export const normalise = (text: string): string => text.trim().toLocaleLowerCase("sv").replace(/\s+/g, " ")

/**
 * Builds the directory from the catalog: the same id in several assignments
 * is the same party (its names and aliases are merged).
 *
 * @example
 * Party.directory(catalog).parties.length
 * @since 0.2.0
 */
export const directory = (catalog: Pick<Catalog.Catalog, "assignments">): Directory => {
  const byId = new Map<string, Assignment.ConsultedParty>()
  for (const assignment of catalog.assignments) {
    for (const party of assignment.consult) {
      const known = byId.get(party.id)
      byId.set(
        party.id,
        known === undefined ? party : { ...known, aliases: [...new Set([...known.aliases, ...(party.name === known.name ? [] : [party.name]), ...party.aliases])] }
      )
    }
  }
  const index = new Map<string, Array<string>>()
  const add = (key: string, id: string): void => {
    const k = normalise(key)
    const ids = index.get(k) ?? []
    if (!ids.includes(id)) ids.push(id)
    index.set(k, ids)
  }
  for (const party of byId.values()) {
    for (const key of [party.id, party.name, ...party.aliases]) add(key, party.id)
  }
  return { parties: [...byId.values()], index }
}

/**
 * Finds the party a text names (id, name or alias); refuses unknown and
 * ambiguous names with a Swedish message.
 *
 * @example
 * Party.resolve(parties, "Polisen") // Result.succeed({ id: "polismyndigheten", … })
 * Party.resolve(parties, "Okänd myndighet") // Result.fail("okänd part \"Okänd myndighet\" …")
 * @since 0.2.0
 */
export const resolve = (dir: Directory, text: string): Result.Result<Assignment.ConsultedParty, string> => {
  const ids = dir.index.get(normalise(text)) ?? []
  if (ids.length === 0) {
    return Result.fail(`okänd part ${JSON.stringify(text)}: ange id, namn eller förkortning för en part som något uppdrag i katalogen ska samråda med (t.ex. ivo, IVO, Polismyndigheten)`)
  }
  if (ids.length > 1) return Result.fail(`${JSON.stringify(text)} kan betyda flera parter: ${ids.join(", ")}; ange id`)
  return Result.succeed(dir.parties.find((p) => p.id === ids[0])!)
}
