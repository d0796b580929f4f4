import { Region } from "@uppdrag/core"
import { Denominator } from "../src/index.js"
import { ageBandStarts } from "../src/Dimension.js"

export const header = "patient,region,sex,birthYear,careForm,start,end"

export const encode = (text: string): Array<Uint8Array> => [new TextEncoder().encode(text)]

/** Every region, sex and age group has `each` inhabitants in every year of `years`. */
export const flatPopulation = (years: { from: number; to: number }, each = 10_000): Denominator.Denominators => {
  const rows: Array<Denominator.PopulationRow> = []
  for (const region of Region.all)
    for (const sex of ["K", "M"] as const)
      for (let band = 0; band < 8; band++)
        rows.push({ region: region.code, sex, age: { from: ageBandStarts[band]!, to: band === 7 ? undefined : ageBandStarts[band + 1]! - 1 }, population: each })
  const result = Denominator.make(rows, years)
  if (!("values" in result)) throw new Error(JSON.stringify(result.issues))
  return result
}
