import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { type Assignment, Population, ValidationError } from "@uppdrag/core"
import * as Result from "effect/Result"
import * as PublishedData from "./internal/PublishedData.js"

/**
 * Population figures shipped with the package for the references the
 * catalog's grants name (`populationReference`), so a catalog grant can be
 * allocated (and its ledger checked) without a population file.
 * `SCB september 2025` is SCB's population per region, 18+ and 0–25, whose
 * largest-remainder split reproduces the seed 003 appendix table to the krona.
 *
 * @example
 * import { PublishedPopulation } from "@uppdrag/allocation"
 * PublishedPopulation.forReference("SCB september 2025") // Result<Population, ValidationError>
 */

const files: Readonly<Record<string, string>> = {
  "SCB september 2025": "scb-2025-09.csv"
}

/**
 * The references for which figures are shipped.
 *
 * @since 0.2.0
 */
export const references = (): Array<string> => Object.keys(files)

/**
 * Folder of the shipped files.
 *
 * @since 0.2.0
 */
export const directory = (): string => fileURLToPath(new URL("../data/", import.meta.url))

/**
 * The shipped population for a reference, or a Swedish error naming the
 * references that exist.
 *
 * @example
 * PublishedPopulation.forReference("SCB september 2025")
 * @since 0.2.0
 */
export const forReference = (reference: string): Result.Result<Population.Population, ValidationError> => {
  const file = files[reference]
  if (file === undefined) {
    return Result.fail(
      new ValidationError({
        source: reference,
        issues: [{ path: "", message: `ingen inbyggd befolkning för ${JSON.stringify(reference)}; ange en befolkningsfil (finns: ${references().join(", ")})` }]
      })
    )
  }
  const path = join(directory(), file)
  // The figures the build validated, while the file is unchanged; else parsed and validated in full.
  const data = PublishedData.read(path, new URL("../dist/published-population.json", import.meta.url))
  return data === undefined ? Population.parseFile(path) : Result.succeed(data)
}


/**
 * The shipped population for a catalog grant: all its components must name
 * the same reference.
 *
 * @example
 * PublishedPopulation.forGrant(grant) // the SCB september 2025 figures for specialiserad-psykiatri-2026
 * @since 0.2.0
 */
export const forGrant = (grant: Pick<Assignment.Grant, "id" | "components">): Result.Result<Population.Population, ValidationError> => {
  const refs = [...new Set(grant.components.map((c) => c.populationReference))]
  if (refs.length !== 1) {
    return Result.fail(new ValidationError({ source: grant.id, issues: [{ path: "components", message: `komponenterna anger olika befolkningsuppgifter (${refs.join(", ")})` }] }))
  }
  return forReference(refs[0]!)
}
