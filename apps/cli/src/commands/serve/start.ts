import { existsSync } from "node:fs"
import { CalendarDate, Population } from "@uppdrag/core"
import { Store } from "@uppdrag/store"
import { Site, WebApp, WebServer } from "@uppdrag/web"
import { loadCatalog } from "../../terminal/Catalog.js"
import { CliError } from "../../terminal/CliError.js"
import { refuseInvalid } from "../../terminal/Refusal.js"
import { allocationOf, storeFailure, storeLocation } from "../../terminal/Store.js"

/**
 * Starts the web view and keeps running until SIGINT or SIGTERM, then closes
 * the server and the store and returns (exit code 0). The site gets only the
 * store's read functions; a SQLite file that does not exist is not created
 * (the view then shows the catalog without a ledger).
 */
export const serve = async (options: { port: number; host: string; population?: string; db?: string; catalog?: Array<string> }): Promise<void> => {
  const catalog = loadCatalog(options.catalog)
  let population: Population.Population | undefined
  if (options.population !== undefined) {
    const parsed = Population.parseFile(options.population)
    if (parsed._tag === "Failure") return refuseInvalid(parsed.failure)
    population = parsed.success
  }
  const location = storeLocation(options.db)
  let store: Store.Store | undefined
  if (location.kind === "postgres" || existsSync(location.path)) {
    // Read-only by construction: the database itself refuses writes from the web view.
    const opened = await Store.open(location, { catalog, allocationOf, readOnly: true })
    if (opened._tag === "Failure") throw storeFailure(opened.failure)
    store = opened.success
  } else {
    process.stderr.write(`Databasen ${location.path} finns inte: webbvyn visar katalogen utan liggare, inlämningar och möten.\n`)
  }
  const readOnly = store === undefined ? undefined : { ledger: store.ledger, events: store.events, count: store.count }
  const site = Site.make({ catalog, population, store: readOnly, today: () => CalendarDate.today() })
  if (site._tag === "Failure") {
    await store?.close()
    throw new CliError([...site.failure])
  }
  let running: WebServer.Running
  try {
    running = await WebServer.listen(WebApp.make(site.success), { port: options.port, host: options.host })
  } catch (error) {
    await store?.close()
    const code = (error as NodeJS.ErrnoException).code
    if (code === "EADDRINUSE") throw new CliError([`Porten ${options.port} på ${options.host} används redan; välj en annan med --port.`])
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") throw new CliError([`Adressen ${options.host} finns inte på den här datorn; ange en annan med --host.`])
    if (code === "EACCES") throw new CliError([`Saknar behörighet att lyssna på port ${options.port}; välj en port över 1023.`])
    throw error
  }
  process.stdout.write(`Webbvyn körs på ${running.url}/ (skrivskyddad). Avsluta med Ctrl+C.\n`)
  // Build the indicator sample now rather than on the first visit to Indikatorer.
  setTimeout(() => void site.success.indicators(), 100)
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop)
      process.off("SIGTERM", stop)
      resolve()
    }
    process.on("SIGINT", stop)
    process.on("SIGTERM", stop)
  })
  site.success.stop()
  await running.close()
  await store?.close()
}
