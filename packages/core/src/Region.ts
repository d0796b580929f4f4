import * as Result from "effect/Result"
import * as z from "zod"

/**
 * A Swedish region (län), identified by its two-digit SCB county code, or
 * Riket (the whole country, code `00`) for national figures.
 *
 * @example
 * import { Region } from "@uppdrag/core"
 * Region.find("Region Stockholm")?.name // "Stockholms län"
 * @since 0.2.0
 */
export interface Region {
  /** SCB county code, `01` … `25`; `00` for Riket. */
  readonly code: RegionCode
  /** The county name as SCB writes it: `Stockholms län`. */
  readonly name: string
  /** The short name: `Stockholm`, `Västra Götaland`. */
  readonly shortName: string
  /** The regional authority: `Region Stockholm`. */
  readonly authority: string
}

/**
 * A two-digit SCB county code (or `00` for Riket).
 *
 * @since 0.2.0
 */
export type RegionCode = string & { readonly RegionCode: unique symbol }

const table: ReadonlyArray<readonly [string, string, string]> = [
  ["01", "Stockholms län", "Stockholm"],
  ["03", "Uppsala län", "Uppsala"],
  ["04", "Södermanlands län", "Sörmland"],
  ["05", "Östergötlands län", "Östergötland"],
  ["06", "Jönköpings län", "Jönköping"],
  ["07", "Kronobergs län", "Kronoberg"],
  ["08", "Kalmar län", "Kalmar"],
  ["09", "Gotlands län", "Gotland"],
  ["10", "Blekinge län", "Blekinge"],
  ["12", "Skåne län", "Skåne"],
  ["13", "Hallands län", "Halland"],
  ["14", "Västra Götalands län", "Västra Götaland"],
  ["17", "Värmlands län", "Värmland"],
  ["18", "Örebro län", "Örebro"],
  ["19", "Västmanlands län", "Västmanland"],
  ["20", "Dalarnas län", "Dalarna"],
  ["21", "Gävleborgs län", "Gävleborg"],
  ["22", "Västernorrlands län", "Västernorrland"],
  ["23", "Jämtlands län", "Jämtland Härjedalen"],
  ["24", "Västerbottens län", "Västerbotten"],
  ["25", "Norrbottens län", "Norrbotten"]
]

/**
 * The 21 regions in SCB code order.
 *
 * @since 0.2.0
 */
export const all: ReadonlyArray<Region> = table.map(([code, name, shortName]) => ({
  code: code as RegionCode,
  name,
  shortName,
  authority: `Region ${shortName}`
}))

/**
 * Riket: the whole country, code `00`.
 *
 * @since 0.2.0
 */
export const riket: Region = {
  code: "00" as RegionCode,
  name: "Riket",
  shortName: "Riket",
  authority: "Riket"
}

const byCode = new Map<string, Region>([...all, riket].map((r) => [r.code, r]))

const normalise = (text: string): string => text.trim().toLocaleLowerCase("sv").replace(/\s+/g, " ")

// Every spelling people use for a region: code, county name, short name,
// authority name, the genitive without "län", and SCB's "01 Stockholms län".
const byName = new Map<string, Region>()
for (const region of [...all, riket]) {
  const genitive = region.name.replace(/ län$/, "")
  for (const alias of [region.code, region.name, region.shortName, region.authority, genitive, `${region.code} ${region.name}`]) {
    byName.set(normalise(alias), region)
  }
}
// Names used before the regions renamed themselves, still seen in data.
for (const [alias, code] of [
  ["Region Jämtland", "23"],
  ["Jämtland", "23"],
  ["Södermanland", "04"],
  ["Region Södermanland", "04"],
  ["Region Gotland", "09"],
  ["Landstinget Sörmland", "04"]
] as const) {
  byName.set(normalise(alias), byCode.get(code)!)
}

/**
 * Looks a region up by code (`01`, or `1`), county name, short name or authority.
 *
 * @example
 * Region.find("01")?.name // "Stockholms län"
 * Region.find("Stockholm")?.code // "01"
 * @since 0.2.0
 */
export const find = (text: string): Region | undefined => {
  const key = normalise(text)
  if (/^\d$/.test(key)) return byCode.get(`0${key}`)
  return byName.get(key)
}

/**
 * Looks a region up by its exact SCB code (`00` for Riket).
 *
 * @since 0.2.0
 */
export const fromCode = (code: string): Region | undefined => byCode.get(code)

/**
 * Whether a text is the code of one of the 21 regions (not Riket).
 *
 * @since 0.2.0
 */
export const isRegionCode = (code: string): code is RegionCode => code !== "00" && byCode.has(code)

/**
 * Parses a region reference, with a Swedish message when unknown.
 *
 * @example
 * Region.parse("Region Västra Götaland") // Result.succeed({ code: "14", ... })
 * @since 0.2.0
 */
export const parse = (text: string): Result.Result<Region, string> => {
  const region = find(text)
  return region === undefined
    ? Result.fail(`okänd region ${JSON.stringify(text)} (ange SCB-kod 01–25 eller länets namn)`)
    : Result.succeed(region)
}

/**
 * zod schema for a region code of one of the 21 regions.
 *
 * @since 0.2.0
 */
export const codeSchema = z.string().superRefine((value, ctx) => {
  if (!isRegionCode(value)) ctx.addIssue({ code: "custom", message: `okänd regionkod ${JSON.stringify(value)}` })
}) as unknown as z.ZodType<RegionCode, string>
