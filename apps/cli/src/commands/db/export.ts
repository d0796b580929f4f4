import { Kronor } from "@uppdrag/core"
import { Event, Export } from "@uppdrag/store"
import * as Result from "effect/Result"
import { renderCsv } from "../../terminal/Csv.js"
import { writeOutput } from "../../terminal/Output.js"
import { storeFailure, withStore } from "../../terminal/Store.js"

export const dbExport = async (file: string, options: { db?: string; format?: "json" | "csv" }): Promise<void> => {
  const format = options.format ?? (file.toLowerCase().endsWith(".csv") ? "csv" : "json")
  await withStore(options, async ({ store }) => {
    const exported = await store.exportLog()
    if (Result.isFailure(exported)) throw storeFailure(exported.failure)
    const doc = exported.success
    const content = format === "json" ? Export.stringify(doc) : renderCsv(Event.columns, doc.events.map(Event.toCells))
    writeOutput(content, file)
    if (file !== "-") process.stdout.write(`Exporterade ${Kronor.formatNumber(doc.events.length)} händelser till ${file} (${format.toUpperCase()}).\n`)
  })
}
