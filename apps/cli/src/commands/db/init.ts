import { Kronor } from "@uppdrag/core"
import { Store } from "@uppdrag/store"
import * as Result from "effect/Result"
import { storeFailure, withStore } from "../../terminal/Store.js"

export const dbInit = async (options: { db?: string }, mode: "init" | "migrate"): Promise<void> => {
  await withStore(options, async ({ store }) => {
    const count = await store.count()
    if (Result.isFailure(count)) throw storeFailure(count.failure)
    const where = Store.display(store.location)
    const applied = store.migrated.map((m) => `  ${m.version}: ${m.name}`)
    if (applied.length > 0) {
      const from = store.migrated[0]!.version - 1
      process.stdout.write(
        `${mode === "init" && from === 0 ? "Skapade" : "Migrerade"} ${where} från schemaversion ${from} till ${store.schemaVersion}:\n${applied.join("\n")}\n`
      )
    } else {
      process.stdout.write(`${where} har redan den senaste schemaversionen (${store.schemaVersion}).\n`)
    }
    process.stdout.write(`${Kronor.formatNumber(count.success)} händelser i loggen.\n`)
  })
}
