import { Event, LogExport } from "@uppdrag/application"
import { Kronor } from "@uppdrag/core"
import { Store } from "@uppdrag/store"
import * as Effect from "effect/Effect"
import { renderCsv } from "../../terminal/Csv.js"
import { storeLocation } from "../../terminal/Log.js"
import { writeOutput } from "../../terminal/Output.js"

/**
 * Runs `work` on the store `--db` (or the environment) names, opened,
 * created and migrated as needed, and closes it after: persistence
 * administration (`db init`, `migrate`, `export`) uses the store itself.
 *
 * @example
 * withStore(options.db, (store) => store.count)
 */
export const withStore = <A, E>(db: string | undefined, work: (store: Store.Store) => Effect.Effect<A, E>) =>
  Effect.acquireUseRelease(
    Effect.flatMap(storeLocation(db), (location) => Effect.flatMap(Effect.promise(() => Store.open(location)), Effect.fromResult)),
    work,
    (store) => Effect.promise(() => store.close())
  )

/** `uppdrag db export FILE`: the whole log as JSON (`LogExport.stringify`) or as CSV. */
export const dbExport = (file: string, options: { db?: string; format?: "json" | "csv" }) => {
  const format = options.format ?? (file.toLowerCase().endsWith(".csv") ? "csv" : "json")
  return withStore(options.db, (store) =>
    Effect.gen(function* () {
      const doc = yield* store.exportLog
      yield* writeOutput(format === "json" ? LogExport.stringify(doc) : renderCsv(Event.columns, doc.events.map(Event.toCells)), file)
      if (file !== "-") process.stdout.write(`Exporterade ${Kronor.formatNumber(doc.events.length)} händelser till ${file} (${format.toUpperCase()}).\n`)
    })
  )
}
