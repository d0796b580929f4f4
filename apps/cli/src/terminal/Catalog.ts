import { Catalog, formatIssues } from "@uppdrag/core"
import { CliError } from "./CliError.js"

/** Loads the built-in catalog plus every `--catalog PATH`, or refuses with every problem. */
export const loadCatalog = (extra: ReadonlyArray<string> = []): Catalog.Catalog => {
  const result = Catalog.load({ extra })
  if (result._tag === "Failure") {
    throw new CliError(result.failure.flatMap((error) => formatIssues(error.source, error.issues)))
  }
  return result.success
}
