import { resolve } from "node:path"
import { Catalog, formatIssues } from "@uppdrag/core"
import * as Effect from "effect/Effect"
import { Refusal } from "../../terminal/Failure.js"

/** `uppdrag catalog validate PATH…`: every problem with file, line and field, and how many. */
export const catalogValidate = (paths: ReadonlyArray<string>) =>
  Effect.suspend(() => {
    const result = Catalog.load({ extra: paths })
    if (result._tag === "Failure") {
      const lines = result.failure.flatMap((error) => formatIssues(error.source, error.issues))
      return Effect.fail(new Refusal({ lines: [...lines, `${lines.length} fel hittades.`] }))
    }
    // Count what the user asked about, even when a path points into the built-in catalog.
    const files = paths.flatMap((path) => {
      const found = Catalog.filesAt(path)
      return found._tag === "Success" ? found.success : []
    })
    const checked = result.success.assignments.filter((a) => files.some((file) => resolve(file) === resolve(result.success.sources.get(a.id) ?? "")))
    return Effect.sync(() => void process.stdout.write(`Katalogen är giltig: ${checked.length} beslut granskade.\n`))
  })
