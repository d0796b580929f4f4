import { CatalogOverview } from "@uppdrag/application"
import { formatIssues } from "@uppdrag/core"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { Refusal } from "../../terminal/Failure.js"

/** `uppdrag catalog validate PATH…`: `CatalogOverview.validate`, every problem with file, line and field, and how many. */
export const catalogValidate = (paths: ReadonlyArray<string>) =>
  Effect.suspend(() => {
    const result = CatalogOverview.validate(paths)
    if (Result.isFailure(result)) {
      const lines = result.failure.errors.flatMap((error) => formatIssues(error.source, error.issues))
      return Effect.fail(new Refusal({ lines: [...lines, `${lines.length} fel hittades.`] }))
    }
    return Effect.sync(() => void process.stdout.write(`Katalogen är giltig: ${result.success.checked} beslut granskade.\n`))
  })
