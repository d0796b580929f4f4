import { EventLog, LogExport, Recording } from "@uppdrag/application"
import { Kronor, ValidationError } from "@uppdrag/core"
import * as Effect from "effect/Effect"
import { NothingSaved, Refusal } from "../../terminal/Failure.js"
import { readInputFile } from "../../terminal/InputFile.js"
import { catalogLayer, logLayer } from "../../terminal/Log.js"
import { progress } from "../../terminal/Output.js"
import type { Outcome } from "../../terminal/Options.js"

/**
 * `uppdrag db import FILE`: `LogExport.parse`, then `Recording.importLog`
 * into an empty log (every event checked again), in one transaction.
 */
export const dbImport = (file: string, options: { db?: string; catalog?: Array<string> }): Outcome =>
  Effect.gen(function* () {
    const parsed = LogExport.parse(yield* readInputFile(file, "logExport"), file)
    if (parsed._tag === "Failure") return yield* Effect.fail(new ValidationError(parsed.failure))
    const imported = yield* Effect.gen(function* () {
      const bar = progress("Importerar händelser")
      const count = yield* Recording.importLog(parsed.success, { onProgress: bar.update }).pipe(Effect.ensuring(Effect.sync(bar.done)))
      const log = yield* EventLog.EventLog
      return { count, location: log.location }
    }).pipe(
      Effect.catchTag("Refused", (refused) =>
        Effect.fail(new NothingSaved({ error: new Refusal({ lines: [`${file}: events[${refused.index}] (händelse ${refused.index + 1}): ${refused.message}`] }), note: "Inget importerades." }))
      ),
      Effect.provide(logLayer(options.db)),
      Effect.provide(catalogLayer(options.catalog))
    )
    process.stdout.write(`Importerade ${Kronor.formatNumber(imported.count)} händelser till ${imported.location}.\n`)
  })
