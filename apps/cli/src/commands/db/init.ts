import { Kronor } from "@uppdrag/core"
import * as Effect from "effect/Effect"
import { withStore } from "./export.js"

/** `uppdrag db init|migrate`: opens (creates, migrates) the store and says what was done. */
export const dbInit = (options: { db?: string }, mode: "init" | "migrate") =>
  withStore(options.db, (store) =>
    Effect.gen(function* () {
      const count = yield* store.count
      const applied = store.migrated.map((m) => `  ${m.version}: ${m.name}`)
      if (applied.length > 0) {
        const from = store.migrated[0]!.version - 1
        process.stdout.write(`${mode === "init" && from === 0 ? "Skapade" : "Migrerade"} ${store.location} från schemaversion ${from} till ${store.schemaVersion}:\n${applied.join("\n")}\n`)
      } else {
        process.stdout.write(`${store.location} har redan den senaste schemaversionen (${store.schemaVersion}).\n`)
      }
      process.stdout.write(`${Kronor.formatNumber(count)} händelser i loggen.\n`)
    })
  )
