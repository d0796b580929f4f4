import * as z from "zod"
import type { CareForm } from "./Dimension.js"

/**
 * An indicator definition, in the manner of Kolada's KPIs: what is counted
 * (numerator), per what (denominator, the population basis), in which
 * dimensions, which direction is better, where the data comes from and
 * whether it is split by sex (the 2024 assignment, seed 000, asks that all
 * statistics be split by sex).
 *
 * Register indicators are computed from the protected cube; follow-up
 * measures (*uppföljningsmått*) are agreed with each region under the 2026
 * grant (seed 003: "valda uppföljningsmått ska framgå") and reported by it.
 *
 * @example
 * import { Indicator } from "@uppdrag/indicators"
 * Indicator.find("lpt-sluten-per100k")?.title // "Patienter i sluten psykiatrisk tvångsvård (LPT) per 100 000 invånare"
 * @since 0.2.0
 */
export const schema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum(["register", "uppfoljning"]),
  title: z.string().min(1),
  description: z.string().min(1),
  unit: z.enum(["antal", "per 100 000 invånare", "procent", "platser per 100 000 vuxna", "antal platser"]),
  numerator: z.string().min(1),
  denominator: z.string().nullable(),
  dimensions: z.array(z.enum(["year", "region", "sex", "ageGroup", "careForm"])),
  /** True when a higher value is better, false when lower is, null when neither (a count of patients). */
  higherIsBetter: z.boolean().nullable(),
  source: z.string().min(1),
  bySex: z.boolean(),
  /** For register indicators: the care form and the measure of the cube it reads. */
  careForm: z.enum(["sluten-lpt", "oppen-lpt", "domstols-lrv", "akut-lrv", "oppen-lrv"]).optional(),
  measure: z.enum(["patienter", "per100k", "andelKvinnor"]).optional()
})

/**
 * An indicator definition.
 *
 * @example
 * const i: Indicator.Indicator = Indicator.find("lpt-oppen-patienter")!
 * @since 0.2.0
 */
export type Indicator = z.infer<typeof schema>

const register = "Socialstyrelsen, patientregistret (PAR): vårdtillfällen i psykiatrisk tvångsvård och rättspsykiatrisk vård"
const agreement = "Regionens redovisning enligt överenskommelsen med Socialstyrelsen om statsbidraget 2026 (S2025/01528)"
const allDimensions: Indicator["dimensions"] = ["year", "region", "sex", "ageGroup", "careForm"]

const careFormTexts: Record<CareForm, { short: string; long: string }> = {
  "sluten-lpt": { short: "lpt-sluten", long: "sluten psykiatrisk tvångsvård (LPT)" },
  "oppen-lpt": { short: "lpt-oppen", long: "öppen psykiatrisk tvångsvård (LPT)" },
  "domstols-lrv": { short: "lrv-domstol", long: "rättspsykiatrisk vård efter domstolsbeslut (domstols-LRV)" },
  "akut-lrv": { short: "lrv-akut", long: "akut rättspsykiatrisk vård (akut-LRV)" },
  "oppen-lrv": { short: "lrv-oppen", long: "öppen rättspsykiatrisk vård (LRV)" }
}

const registerIndicators = (careForm: CareForm): Array<Indicator> => {
  const { short, long } = careFormTexts[careForm]
  return [
    {
      id: `${short}-patienter`,
      kind: "register",
      title: `Patienter i ${long}`,
      description: `Antal unika patienter med minst ett vårdtillfälle i ${long} som pågick någon gång under året. En patient räknas en gång per region och en gång i riket.`,
      unit: "antal",
      numerator: `Unika patienter med vårdtillfälle i ${long} under året`,
      denominator: null,
      dimensions: allDimensions,
      higherIsBetter: null,
      source: register,
      bySex: true,
      careForm,
      measure: "patienter"
    },
    {
      id: `${short}-per100k`,
      kind: "register",
      title: `Patienter i ${long} per 100 000 invånare`,
      description: `Unika patienter i ${long} under året per 100 000 invånare i samma region, kön och åldersgrupp den 31 december.`,
      unit: "per 100 000 invånare",
      numerator: `Unika patienter med vårdtillfälle i ${long} under året`,
      denominator: "Folkmängd 31 december i samma region, kön och åldersgrupp",
      dimensions: allDimensions,
      higherIsBetter: null,
      source: `${register}; SCB, folkmängd`,
      bySex: true,
      careForm,
      measure: "per100k"
    }
  ]
}

/**
 * Every indicator shipped: patients and patients per 100 000 for each care
 * form, the share of women in sluten LPT and domstols-LRV, and the follow-up
 * measures of the 2026 grant.
 *
 * @example
 * Indicator.all.filter((i) => i.kind === "uppfoljning").length // 5
 * @since 0.2.0
 */
export const all: ReadonlyArray<Indicator> = [
  ...(["sluten-lpt", "oppen-lpt", "domstols-lrv", "akut-lrv", "oppen-lrv"] as const).flatMap(registerIndicators),
  ...(["sluten-lpt", "domstols-lrv"] as const).map(
    (careForm): Indicator => ({
      id: `${careFormTexts[careForm].short}-andel-kvinnor`,
      kind: "register",
      title: `Andel kvinnor bland patienter i ${careFormTexts[careForm].long}`,
      description: `Kvinnor som andel av alla unika patienter i ${careFormTexts[careForm].long} under året, i procent med en decimal. Seed 001: 2023 var hälften av patienterna i sluten LPT kvinnor och 13 procent i LRV.`,
      unit: "procent",
      numerator: "Unika kvinnliga patienter",
      denominator: "Unika patienter, båda könen",
      dimensions: ["year", "region", "ageGroup", "careForm"],
      higherIsBetter: null,
      source: register,
      bySex: false,
      careForm,
      measure: "andelKvinnor"
    })
  ),
  {
    id: "vardplatser-vuxenpsykiatri-per100k",
    kind: "uppfoljning",
    title: "Vårdplatser i vuxenpsykiatrin per 100 000 vuxna",
    description: "Disponibla vårdplatser i den specialiserade psykiatriska heldygnsvården för vuxna, inklusive tvångsvård, per 100 000 invånare 18 år och äldre. Statsbidraget 2026 ska bl.a. öka antalet vårdplatser baserat på befolkningens behov.",
    unit: "platser per 100 000 vuxna",
    numerator: "Disponibla vårdplatser i vuxenpsykiatrin",
    denominator: "Folkmängd 18+ år",
    dimensions: ["year", "region"],
    higherIsBetter: true,
    source: agreement,
    bySex: false
  },
  {
    id: "sjalvvald-inlaggning-platser",
    kind: "uppfoljning",
    title: "Platser för självvald inläggning",
    description: "Antal platser på avdelning där patienten själv kan välja att läggas in (självvald inläggning) enligt nationella kunskapsstöd och rekommendationer.",
    unit: "antal platser",
    numerator: "Platser för självvald inläggning",
    denominator: null,
    dimensions: ["year", "region"],
    higherIsBetter: true,
    source: agreement,
    bySex: false
  },
  {
    id: "overgang-bup-vup-strukturerad-overlamning",
    kind: "uppfoljning",
    title: "Andel unga som gått från barn- och ungdomspsykiatrin till vuxenpsykiatrin med strukturerad överlämning",
    description: "Patienter som under året gått över från BUP till VUP och där överlämningen skett enligt en strukturerad rutin, som andel av alla som gått över, i procent.",
    unit: "procent",
    numerator: "Övergångar BUP–VUP med strukturerad överlämning",
    denominator: "Alla övergångar BUP–VUP under året",
    dimensions: ["year", "region", "sex"],
    higherIsBetter: true,
    source: agreement,
    bySex: true
  },
  {
    id: "mobila-team-akutpsykiatri",
    kind: "uppfoljning",
    title: "Mobila akutpsykiatriska team",
    description: "Antal mobila team i den akutpsykiatriska verksamheten (psykiatriska akutmottagningar och mobila arbetssätt).",
    unit: "antal",
    numerator: "Mobila akutpsykiatriska team",
    denominator: null,
    dimensions: ["year", "region"],
    higherIsBetter: true,
    source: agreement,
    bySex: false
  },
  {
    id: "tvangsatgarder-per-vardtillfalle",
    kind: "uppfoljning",
    title: "Tvångsåtgärder per 100 vårdtillfällen i sluten tvångsvård",
    description: "Registrerade tvångsåtgärder (t.ex. fastspänning, avskiljning, tvångsmedicinering) per 100 vårdtillfällen enligt LPT och LRV. 2012 års överenskommelse (seed 002) använde tvångsåtgärderna som mått på resultatet av vårdinsatserna.",
    unit: "antal",
    numerator: "Registrerade tvångsåtgärder",
    denominator: "Vårdtillfällen i sluten tvångsvård, per 100",
    dimensions: ["year", "region", "sex"],
    higherIsBetter: false,
    source: agreement,
    bySex: true
  }
]

/**
 * Looks an indicator up by id.
 *
 * @example
 * Indicator.find("lrv-domstol-patienter")?.careForm // "domstols-lrv"
 * @since 0.2.0
 */
export const find = (id: string): Indicator | undefined => all.find((indicator) => indicator.id === id)
