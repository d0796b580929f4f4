import { Region } from "@uppdrag/core"
import type { PopulationRow } from "./Denominator.js"
import { ageBandStarts, type CareForm, careForms, type YearRange } from "./Dimension.js"

/**
 * SYNTHETIC register data with the real shape, for demos, the web view and
 * benchmarks: care episodes and population for the 21 regions, 2011–2024, all
 * care forms and age groups, from a seeded generator. Calibrated to seed 001
 * ("Under 2023 vårdades knappt 12 000 patienter i slutenvård enligt … LPT.
 * Av dessa var hälften kvinnor"; "ungefär 1 500 patienter … enligt lagen om
 * rättspsykiatrisk vård. Av dessa var 87 procent män"). Every patient id
 * starts with `SYN`; none of it describes real people.
 *
 * @example
 * import { Synthetic } from "@uppdrag/indicators"
 * let csv = ""
 * for (const chunk of Synthetic.episodes({ seed: 1 })) csv += chunk
 * @since 0.2.0
 */
export interface Options {
  /** Seed of the generator: the same seed gives the same files. */
  readonly seed: number
  /** Roughly how many episode rows; patients scale with it (default: the calibrated size, about 300 000 rows). */
  readonly episodes?: number
  /** Years (default 2011–2024, as the statistics database). */
  readonly years?: YearRange
}

/**
 * What every synthetic file says about itself.
 *
 * @example
 * Synthetic.label.startsWith("SYNTETISKA DATA") // true
 * @since 0.2.0
 */
export const label =
  "SYNTETISKA DATA: framtagna med en slumpgenerator (uppdrag indicators sample) och kalibrerade mot Socialstyrelsens statistik 2023 (seed 001). De beskriver inga verkliga personer och får inte användas som statistik."

interface Profile {
  /**
   * Patients drawn for 2023. Episodes spanning New Year add distinct patients
   * to the next year (about 8 % for sluten LPT, 19 % for domstols-LRV), so
   * these give about 11 900 and 1 500 distinct patients in 2023.
   */
  readonly patients2023: number
  readonly womenShare: number
  /** Share of patients in each of the eight age groups. */
  readonly ages: ReadonlyArray<number>
  /** Share of a year's patients who are also patients the next year. */
  readonly carryOver: number
  /** Mean extra episodes per patient and year (beyond the first). */
  readonly extraEpisodes: number
  readonly meanDays: number
}

// Calibration: sluten LPT and domstols-LRV from seed 001 (2023); the other
// forms are plausible orders of magnitude, labelled synthetic.
const profiles: Record<CareForm, Profile> = {
  "sluten-lpt": { patients2023: 11_050, womenShare: 0.5, ages: [0.07, 0.17, 0.22, 0.17, 0.14, 0.11, 0.07, 0.05], carryOver: 0.3, extraEpisodes: 0.7, meanDays: 25 },
  "oppen-lpt": { patients2023: 1_860, womenShare: 0.45, ages: [0.02, 0.12, 0.25, 0.22, 0.17, 0.12, 0.07, 0.03], carryOver: 0.5, extraEpisodes: 0.15, meanDays: 150 },
  "domstols-lrv": { patients2023: 1_265, womenShare: 0.115, ages: [0.005, 0.08, 0.3, 0.27, 0.18, 0.1, 0.05, 0.015], carryOver: 0.8, extraEpisodes: 0.05, meanDays: 300 },
  "akut-lrv": { patients2023: 410, womenShare: 0.12, ages: [0.02, 0.25, 0.33, 0.2, 0.12, 0.06, 0.02, 0], carryOver: 0.1, extraEpisodes: 0.3, meanDays: 20 },
  "oppen-lrv": { patients2023: 550, womenShare: 0.1, ages: [0, 0.03, 0.25, 0.32, 0.22, 0.12, 0.05, 0.01], carryOver: 0.75, extraEpisodes: 0.05, meanDays: 250 }
}

// SCB, population 18+ per region, September 2025 (shared/data/population-2025-09.csv): region weights.
const adults: ReadonlyArray<number> = [
  1979654, 329115, 239724, 380260, 297487, 168395, 203136, 50243, 128093, 1165706, 276567, 1420013, 228914, 246290, 227624, 235918, 236209, 200919,
  108018, 224413, 204019
]
// Age structure of Sweden (share of inhabitants per age group), and the share of women in each group.
const ageShares: ReadonlyArray<number> = [0.205, 0.083, 0.133, 0.129, 0.127, 0.119, 0.103, 0.101]
const womenByAge: ReadonlyArray<number> = [0.486, 0.48, 0.485, 0.49, 0.493, 0.497, 0.505, 0.56]

/** sfc32 seeded through splitmix32: small, fast and good enough for sampling. */
const makeRandom = (seed: number): (() => number) => {
  let s = seed >>> 0
  const split = (): number => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = split()
  let b = split()
  let c = split()
  let d = split()
  return () => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
}

const pick = (random: () => number, weights: ReadonlyArray<number>, total: number): number => {
  let x = random() * total
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!
    if (x < 0) return i
  }
  return weights.length - 1
}

const sum = (values: ReadonlyArray<number>): number => values.reduce((a, b) => a + b, 0)

/** Days since 1970-01-01 of a date (Howard Hinnant's days_from_civil). */
const epochDay = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468
}

const dateText = (day: number): string => {
  const z = day + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  return `${y}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`
}

const rowsPerScale = (years: YearRange): number => {
  let trend = 0
  for (let year = years.from; year <= years.to; year++) trend += 1 + 0.012 * (year - 2023)
  return careForms.reduce((total, form) => total + profiles[form].patients2023 * trend * (1 + profiles[form].extraEpisodes), 0)
}

/**
 * The episode file as CSV text chunks of about 1 MB (header first):
 * `patient,region,sex,birthYear,careForm,start,end`. Patients recur across
 * years, some episodes span New Year, some are still open at the end, about
 * 3 % of patient-years include a stay in a second region.
 *
 * @example
 * const text = [...Synthetic.episodes({ seed: 7, episodes: 10_000 })].join("")
 * @since 0.2.0
 */
export function* episodes(options: Options): Generator<string> {
  const years = options.years ?? { from: 2011, to: 2024 }
  const scale = options.episodes === undefined ? 1 : options.episodes / rowsPerScale(years)
  const random = makeRandom(options.seed)
  const adultTotal = sum(adults)
  const lastDay = epochDay(years.to, 12, 31)
  const dates = new Map<number, string>()
  const text = (day: number): string => {
    let t = dates.get(day)
    if (t === undefined) {
      t = dateText(day)
      dates.set(day, t)
    }
    return t
  }
  let nextId = 1
  let out = "patient,region,sex,birthYear,careForm,start,end\n"
  for (const form of careForms) {
    const profile = profiles[form]
    const ageTotal = sum(profile.ages)
    let previous: Array<{ id: string; region: number; sex: string; birthYear: number }> = []
    for (let year = years.from; year <= years.to; year++) {
      const target = Math.max(1, Math.round(profile.patients2023 * scale * (1 + 0.012 * (year - 2023))))
      const current: typeof previous = []
      for (const patient of previous) if (random() < profile.carryOver && current.length < target) current.push(patient)
      while (current.length < target) {
        const band = pick(random, profile.ages, ageTotal)
        const from = band === 0 ? 10 : ageBandStarts[band]!
        const to = band === 7 ? 92 : ageBandStarts[band + 1]! - 1
        const age = from + Math.floor(random() * (to - from + 1))
        current.push({
          id: `SYN${String(nextId++).padStart(8, "0")}`,
          region: pick(random, adults, adultTotal),
          sex: random() < profile.womenShare ? "K" : "M",
          birthYear: year - age
        })
      }
      const yearStart = epochDay(year, 1, 1)
      const yearDays = epochDay(year, 12, 31) - yearStart + 1
      for (const patient of current) {
        let episodesLeft = 1
        while (random() < profile.extraEpisodes / (1 + profile.extraEpisodes)) episodesLeft++
        while (episodesLeft-- > 0) {
          const second = random() < 0.03
          const region = second ? pick(random, adults, adultTotal) : patient.region
          const start = yearStart + Math.floor(random() * yearDays)
          const length = Math.floor(-Math.log(1 - random()) * profile.meanDays)
          const end = start + length
          const code = Region.all[region]!.code
          const endText = end > lastDay ? "" : text(end)
          out += `${patient.id},${code},${patient.sex},${patient.birthYear},${form},${text(start)},${endText}\n`
          if (out.length > 1 << 20) {
            yield out
            out = ""
          }
        }
      }
      previous = current
    }
  }
  if (out.length > 0) yield out
}

/**
 * Synthetic population on 31 December of each year, per region, sex and age
 * group, sized from SCB's adult population of September 2025 and Sweden's age
 * structure, growing about 0.8 % a year.
 *
 * @example
 * Synthetic.population({ seed: 1 }).length // 21 regions × 2 sexes × 8 groups × 14 years = 4704
 * @since 0.2.0
 */
export const population = (options: Options): Array<PopulationRow> => {
  const years = options.years ?? { from: 2011, to: 2024 }
  const random = makeRandom(options.seed ^ 0x5eed)
  const rows: Array<PopulationRow> = []
  for (let year = years.from; year <= years.to; year++) {
    const growth = 1.008 ** (year - 2025)
    Region.all.forEach((region, r) => {
      const total = (adults[r]! / (1 - ageShares[0]!)) * growth
      for (let band = 0; band < 8; band++) {
        const people = total * ageShares[band]! * (0.97 + 0.06 * random())
        const women = Math.round(people * womenByAge[band]!)
        const men = Math.round(people) - women
        const to = band === 7 ? undefined : ageBandStarts[band + 1]! - 1
        const age = { from: ageBandStarts[band]!, to }
        rows.push({ year, region: region.code, sex: "K", age, population: women })
        rows.push({ year, region: region.code, sex: "M", age, population: men })
      }
    })
  }
  return rows
}

/**
 * The synthetic population as one CSV per year in the project's population
 * format with a sex column (`region,age,population,sex`), read by
 * `Population.parse` from @uppdrag/core.
 *
 * @example
 * Synthetic.populationFiles({ seed: 1 }).get(2023)!.split("\n")[0] // "region,age,population,sex"
 * @since 0.2.0
 */
export const populationFiles = (options: Options): Map<number, string> => {
  const files = new Map<number, string>()
  for (const row of population(options)) {
    const age = row.age.to === undefined ? `${row.age.from}+` : `${row.age.from}-${row.age.to}`
    const line = `${row.region},${age},${row.population},${row.sex}\n`
    files.set(row.year!, (files.get(row.year!) ?? "region,age,population,sex\n") + line)
  }
  return files
}

/**
 * Synthetic follow-up agreements for every region (CSV
 * `region,measure,kind,year,value`): baseline 2025, target 2028 and values
 * for 2026 and 2027, for beds per 100 000 adults and self-admission places.
 *
 * @example
 * Synthetic.followUp({ seed: 1 }).split("\n")[1] // "01,vardplatser-vuxenpsykiatri-per100k,baslinje,2025,…"
 * @since 0.2.0
 */
export const followUp = (options: Options): string => {
  const random = makeRandom(options.seed ^ 0xf0110)
  let out = "region,measure,kind,year,value\n"
  for (const region of Region.all) {
    const beds = 28 + Math.round(random() * 200) / 10
    const bedsTarget = Math.round((beds + 1 + random() * 4) * 10) / 10
    out += `${region.code},vardplatser-vuxenpsykiatri-per100k,baslinje,2025,${beds}\n`
    out += `${region.code},vardplatser-vuxenpsykiatri-per100k,mål,2028,${bedsTarget}\n`
    out += `${region.code},vardplatser-vuxenpsykiatri-per100k,utfall,2026,${Math.round((beds + (random() - 0.3) * 3) * 10) / 10}\n`
    const places = Math.floor(random() * 6)
    out += `${region.code},sjalvvald-inlaggning-platser,baslinje,2025,${places}\n`
    out += `${region.code},sjalvvald-inlaggning-platser,mål,2028,${places + 2 + Math.floor(random() * 6)}\n`
    out += `${region.code},sjalvvald-inlaggning-platser,utfall,2026,${places + Math.floor(random() * 4)}\n`
  }
  return out
}

/**
 * A synthetic 2012 checklist per county (CSV
 * `region,kompetensplan,nyaTeam,tvangsatgarder,redovisning`, `ja`/`nej`).
 *
 * @example
 * Synthetic.conditions2012({ seed: 1 }).split("\n")[0] // "region,kompetensplan,nyaTeam,tvangsatgarder,redovisning"
 * @since 0.2.0
 */
export const conditions2012 = (options: Options): string => {
  const random = makeRandom(options.seed ^ 0x2012)
  let out = "region,kompetensplan,nyaTeam,tvangsatgarder,redovisning\n"
  for (const region of Region.all) out += `${region.code},${[0, 1, 2, 3].map(() => (random() < 0.85 ? "ja" : "nej")).join(",")}\n`
  return out
}
