import { Kronor } from "@uppdrag/core"
import { Export, Store } from "@uppdrag/store"
import * as Result from "effect/Result"
import { CliError } from "../../terminal/CliError.js"
import { refuseInvalid } from "../../terminal/Refusal.js"
import { readInputFile } from "../../terminal/InputFile.js"
import { progress } from "../../terminal/Output.js"
import { storeFailure, withStore } from "../../terminal/Store.js"

export const dbImport = async (file: string, options: { db?: string; catalog?: Array<string> }): Promise<void> => {
  const parsed = Export.parse(readInputFile(file), file)
  if (Result.isFailure(parsed)) return refuseInvalid(parsed.failure)
  await withStore(options, async ({ store }) => {
    const bar = progress("Importerar händelser")
    const imported = await store.importLog(parsed.success, { onProgress: bar.update })
    bar.done()
    if (Result.isFailure(imported)) {
      const reason = imported.failure.reason
      if (reason._tag === "Refused") throw new CliError([`${file}: events[${reason.index}] (händelse ${reason.index + 1}): ${reason.reason}`, "Inget importerades."])
      throw storeFailure(imported.failure)
    }
    process.stdout.write(`Importerade ${Kronor.formatNumber(imported.success)} händelser till ${Store.display(store.location)}.\n`)
  })
}
