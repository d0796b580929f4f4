import { Catalog, formatIssues } from "@uppdrag/core"
import { CliError } from "../../terminal/CliError.js"

export const catalogValidate = (paths: ReadonlyArray<string>): void => {
  const result = Catalog.load({ extra: paths })
  if (result._tag === "Failure") {
    const lines = result.failure.flatMap((error) => formatIssues(error.source, error.issues))
    throw new CliError([...lines, `${lines.length} fel hittades.`])
  }
  const own = result.success.assignments.filter((a) => !result.success.sources.get(a.id)?.startsWith(Catalog.builtinDirectory()))
  process.stdout.write(`Katalogen är giltig: ${own.length} beslut granskade.\n`)
}
