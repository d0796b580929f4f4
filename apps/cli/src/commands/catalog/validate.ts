import { resolve } from "node:path"
import { Catalog, formatIssues } from "@uppdrag/core"
import { CliError } from "../../terminal/CliError.js"

export const catalogValidate = (paths: ReadonlyArray<string>): void => {
  const result = Catalog.load({ extra: paths })
  if (result._tag === "Failure") {
    const lines = result.failure.flatMap((error) => formatIssues(error.source, error.issues))
    throw new CliError([...lines, `${lines.length} fel hittades.`])
  }
  // Count what the user asked about, even when a path points into the built-in catalog.
  const files = paths.flatMap((path) => {
    const found = Catalog.filesAt(path)
    return found._tag === "Success" ? found.success : []
  })
  const checked = result.success.assignments.filter((a) => files.some((file) => resolve(file) === resolve(result.success.sources.get(a.id) ?? "")))
  process.stdout.write(`Katalogen är giltig: ${checked.length} beslut granskade.\n`)
}
