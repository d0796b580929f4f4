import type { Assignment } from "@uppdrag/core"

/**
 * The agencies, organisations and groups a decision names (to consult, as
 * parties to an agreement), and how a Swedish enumeration of them is split:
 * "Sveriges Kommuner och Regioner (SKR), regioner, kommuner,
 * professionsföreningar, patient-, brukar- och anhörigorganisationer samt
 * andra berörda aktörer t.ex. lärosäten" gives five parties, not nine, because
 * names that contain `och` are known (standing bodies below, the decision's
 * own "Kopia till" list, and parties of the catalog when given) and a word
 * left hanging with a hyphen (`patient-,`) belongs to the next.
 *
 * @example
 * import { Party } from "@uppdrag/drafting"
 * Party.splitList("Folkhälsomyndigheten, Inspektionen för vård och omsorg och Trafikverket", Party.known)
 *   .map((p) => p.name) // ["Folkhälsomyndigheten", "Inspektionen för vård och omsorg", "Trafikverket"]
 * @since 0.2.0
 */
export type Party = Assignment.ConsultedParty

type Kind = Party["kind"]

const party = (id: string, name: string, kind: Kind, aliases: ReadonlyArray<string> = []): Party => ({ id, name, kind, aliases: [...aliases] })

/**
 * Standing bodies of Swedish health and social care policy, with the ids the
 * built-in catalog uses, so a draft shares them. Decision-specific bodies (a
 * delegation, a national coordinator, an inquiry) are recognised by their
 * form instead (see {@link guessKind}).
 *
 * @since 0.2.0
 */
export const known: ReadonlyArray<Party> = [
  party("socialstyrelsen", "Socialstyrelsen", "myndighet", ["SoS"]),
  party("ivo", "Inspektionen för vård och omsorg", "myndighet", ["IVO"]),
  party("kriminalvarden", "Kriminalvården", "myndighet"),
  party("polismyndigheten", "Polismyndigheten", "myndighet", ["Polisen"]),
  party("rattsmedicinalverket", "Rättsmedicinalverket", "myndighet", ["RMV"]),
  party("sbu", "Statens beredning för medicinsk och social utvärdering", "myndighet", ["SBU", "Statens beredning för medicinsk utvärdering"]),
  party("sis", "Statens institutionsstyrelse", "myndighet", ["SiS"]),
  party("folkhalsomyndigheten", "Folkhälsomyndigheten", "myndighet", ["FoHM", "FHM"]),
  party("mcf", "Myndigheten för civilt försvar", "myndighet", ["MCF"]),
  party("msb", "Myndigheten för samhällsskydd och beredskap", "myndighet", ["MSB"]),
  party("trafikverket", "Trafikverket", "myndighet"),
  party("kammarkollegiet", "Kammarkollegiet", "myndighet"),
  party("handisam", "Handisam", "myndighet"),
  party("mfd", "Myndigheten för delaktighet", "myndighet", ["MFD"]),
  party("vardanalys", "Myndigheten för vård- och omsorgsanalys", "myndighet", ["Vårdanalys"]),
  party("ehalsomyndigheten", "E-hälsomyndigheten", "myndighet"),
  party("lakemedelsverket", "Läkemedelsverket", "myndighet"),
  party("tlv", "Tandvårds- och läkemedelsförmånsverket", "myndighet", ["TLV"]),
  party("forsakringskassan", "Försäkringskassan", "myndighet"),
  party("arbetsformedlingen", "Arbetsförmedlingen", "myndighet"),
  party("skolverket", "Skolverket", "myndighet"),
  party("spsm", "Specialpedagogiska skolmyndigheten", "myndighet", ["SPSM"]),
  party("bra", "Brottsförebyggande rådet", "myndighet", ["Brå"]),
  party("barnombudsmannen", "Barnombudsmannen", "myndighet"),
  party("jamstalldhetsmyndigheten", "Jämställdhetsmyndigheten", "myndighet"),
  party("scb", "Statistikmyndigheten SCB", "myndighet", ["SCB", "Statistiska centralbyrån"]),
  party("lansstyrelserna", "Länsstyrelserna", "myndighet"),
  party("skr", "Sveriges Kommuner och Regioner", "organisation", ["SKR", "SKL", "Sveriges Kommuner och Landsting"]),
  party("nsph", "Nationell Samverkan för Psykisk Hälsa", "organisation", ["NSPH"]),
  party("regioner", "Regioner", "organisation", ["Regionerna"]),
  party("kommuner", "Kommuner", "organisation", ["Kommunerna"]),
  party("landstingen", "Landstingen", "organisation", ["Landsting"]),
  party("professionsforeningar", "Professionsföreningar", "organisation", ["Yrkesföreningar"]),
  party("patient-brukar-anhorigorganisationer", "Patient-, brukar- och anhörigorganisationer", "organisation", ["Patientorganisationer", "Brukarorganisationer", "Anhörigorganisationer"]),
  party("larosaten", "Lärosäten", "organisation", ["Universitet och högskolor"]),
  party("sos-alarm", "SOS Alarm AB", "bolag", ["SOS Alarm"]),
  party("hjarnkoll", "Projektet Hjärnkoll", "grupp", ["Hjärnkoll"])
]

const fold = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ")
    .replace(/-/g, "")
    .replace(/^(?:den|det|de) /, "")
    .trim()

/**
 * A name as a key: lower case, hyphens and a leading `den`/`det` dropped, so
 * "den nationella samordnaren" and "Den nationella samordnaren", or "brukar
 * och" and "brukar- och", are the same name.
 *
 * @example
 * Party.key("Patient-, brukar och anhörigorganisationer") === Party.key("patient-, brukar- och anhörigorganisationer") // true
 * @since 0.2.0
 */
export const key = fold

/**
 * Finds a party by its name or one of its aliases.
 *
 * @since 0.2.0
 */
export const lookup = (name: string, parties: ReadonlyArray<Party>): Party | undefined => {
  const k = fold(name.replace(/\s*\(([^)]*)\)\s*$/, ""))
  const full = fold(name)
  return parties.find((p) => [p.name, ...p.aliases].some((n) => fold(n) === k || fold(n) === full))
}

/**
 * The kind of a body the list of known ones does not hold, from its form:
 * `… AB` is a company, a delegation or inquiry (`utredningen`) a group, a
 * `samordnare` a coordinator, `…myndigheten`, `…verket`, `Statens …` an
 * agency, anything else an organisation.
 *
 * @example
 * Party.guessKind("Delegationen för brottsförebyggande åtgärder inom socialtjänstens område (S 2023:C)") // "grupp"
 * @since 0.2.0
 */
export const guessKind = (name: string): Kind => {
  if (/\bAB$/.test(name)) return "bolag"
  if (/samordnar/i.test(name)) return "samordnare"
  if (/^(?:den |det )?(?:\p{L}+ )*?(?:delegation|utredning|kommitté|kommission|projekt|nätverk|arbetsgrupp)/iu.test(name) || /utredningen\b/i.test(name)) return "grupp"
  if (/(?:myndighet|verket\b|inspektion|^statens\b|styrelse\b|kollegiet\b|ombudsman|rådet\b|^länsstyrelse)/iu.test(name)) return "myndighet"
  return "organisation"
}

/**
 * An id from a name: lower case a–z, digits and hyphens, at most six words.
 *
 * @since 0.2.0
 */
export const slug = (name: string): string =>
  name
    .replace(/\s*\([^)]*\)/g, "")
    .toLowerCase()
    .replace(/[åä]/g, "a")
    .replace(/ö/g, "o")
    .replace(/é/g, "e")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .slice(0, 6)
    .join("-") || "part"

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/** A pattern for a name that tolerates a missing hyphen (`brukar och`), any white space, and `den` before it. */
const namePattern = (name: string): string =>
  escapeRegExp(name)
    .replace(/-(?=,| )/g, "-?")
    .replace(/ /g, "\\s+")

const generic = /^(?:andra|övriga|berörda|relevanta|aktuella)?\s*(?:berörda\s+|relevanta\s+)?(?:myndigheter|aktörer)$/i

/**
 * Splits an enumeration of names into parties. `protectedNames` are names
 * that contain `och` or commas and must not be split (known parties, the
 * decision's "Kopia till" list). A party is taken from `parties` when its
 * name or an alias matches, otherwise made from the words (kind by
 * {@link guessKind}, an abbreviation in brackets as alias).
 *
 * @example
 * Party.splitList("Handisam och projektet Hjärnkoll, aktuella yrkesföreningar samt andra relevanta aktörer", Party.known)
 *   .map((p) => p.id) // ["handisam", "hjarnkoll", "professionsforeningar"]
 * @since 0.2.0
 */
export const splitList = (text: string, parties: ReadonlyArray<Party>, protectedNames: ReadonlyArray<string> = []): Array<Party> => {
  let rest = text
    .replace(/\.$/, "")
    .replace(/(?<!\p{L})(?:berörda|andra berörda) myndigheter,?\s+däribland\s+/giu, "")
    .replace(/,?\s*(?:och|samt)?\s*andra\s+(?:berörda|relevanta)\s+aktörer,?\s*(?:t\.\s?ex\.|till exempel|bl\.a\.)\s*/gi, ", ")
    .replace(/,?\s*(?:och|samt)\s+andra\s+(?:berörda|relevanta)\s+aktörer\s*$/i, "")
  // Names that must stay whole become tokens; longest first so a name inside another is not cut out of it.
  const names = [...new Set([...protectedNames, ...parties.flatMap((p) => [p.name, ...p.aliases.filter((a) => /\s/.test(a))])])].sort((a, b) => b.length - a.length)
  const tokens: Array<string> = []
  for (const name of names) {
    const pattern = new RegExp(`(?<![\\p{L}])(?:den\\s+|det\\s+)?${namePattern(name)}(?:\\s*\\([^)]*\\))?(?![\\p{L}])`, "giu")
    rest = rest.replace(pattern, (match) => {
      tokens.push(match)
      return `\uE000${tokens.length - 1}\uE001`
    })
  }
  // Brackets are never split either: "(S 2023:C)", "(S2025:A)".
  rest = rest.replace(/\([^)]*\)/g, (match) => {
    tokens.push(match)
    return `\uE000${tokens.length - 1}\uE001`
  })
  const restore = (s: string): string => s.replace(/\uE000(\d+)\uE001/g, (_, i: string) => tokens[Number(i)] ?? "")

  const chunks: Array<string> = []
  for (const piece of rest.split(/,\s+|\s+samt\s+/)) {
    const previous = chunks.at(-1)
    // "patient-, brukar- och anhörigorganisationer": a word left hanging with a hyphen belongs to the next.
    if (previous !== undefined && /-$/.test(previous)) chunks[chunks.length - 1] = `${previous}, ${piece}`
    else chunks.push(piece)
  }
  const items = chunks.flatMap((chunk): Array<string> => {
    if (/-,?\s/.test(chunk) || !/\soch\s/.test(chunk)) return [chunk]
    // Split where a protected name meets `och`, else at the first `och` ("lärosäten och organisationer som företräder barn och unga").
    const aroundToken = /\s+och\s+(?=\uE000)|(?<=\uE000\d+\uE001)\s+och\s+/
    if (aroundToken.test(chunk)) return chunk.split(aroundToken)
    const at = chunk.search(/\s+och\s+/)
    const match = /\s+och\s+/.exec(chunk.slice(at))
    return [chunk.slice(0, at), chunk.slice(at + (match?.[0].length ?? 0))]
  })
  const found: Array<Party> = []
  for (const raw of items) {
    const name = restore(raw)
      .replace(/^(?:t\.\s?ex\.|till exempel|bl\.a\.|däribland)\s+/i, "")
      .replace(/^(?:aktuella|berörda|relevanta)\s+/i, "")
      .trim()
    if (name === "" || generic.test(name)) continue
    const match = lookup(name, parties)
    const made = match ?? make(name)
    if (!found.some((p) => p.id === made.id)) found.push(made)
  }
  return found
}

/**
 * A party from its name as the decision writes it, capitalised, with an abbreviation or code in brackets as alias.
 *
 * @since 0.2.0
 */
export const make = (written: string): Party => {
  const name = written.charAt(0).toUpperCase() + written.slice(1)
  const bracket = /\(([^)]*)\)\s*$/.exec(name)?.[1]
  const aliases = bracket !== undefined && /^[\p{Lu}\d][\p{L}\d :/]*$/u.test(bracket) ? [bracket] : []
  return party(slug(name), name, guessKind(name), aliases)
}
