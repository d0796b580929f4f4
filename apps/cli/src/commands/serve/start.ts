import { CalendarDate, formatIssues, Population } from "@uppdrag/core"
import { Site, WebApp, WebServer } from "@uppdrag/web"
import { loadCatalog } from "../../terminal/Catalog.js"
import { CliError } from "../../terminal/CliError.js"

/**
 * Starts the web view and keeps running until SIGINT or SIGTERM, then closes
 * the server and returns (exit code 0).
 */
export const serve = async (options: { port: number; host: string; population?: string; catalog?: Array<string> }): Promise<void> => {
  const catalog = loadCatalog(options.catalog)
  let population: Population.Population | undefined
  if (options.population !== undefined) {
    const parsed = Population.parseFile(options.population)
    if (parsed._tag === "Failure") throw new CliError(formatIssues(parsed.failure.source, parsed.failure.issues))
    population = parsed.success
  }
  const site = Site.make({ catalog, population, today: () => CalendarDate.today() })
  if (site._tag === "Failure") throw new CliError([...site.failure])
  let running: WebServer.Running
  try {
    running = await WebServer.listen(WebApp.make(site.success), { port: options.port, host: options.host })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === "EADDRINUSE") throw new CliError([`Porten ${options.port} på ${options.host} används redan; välj en annan med --port.`])
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") throw new CliError([`Adressen ${options.host} finns inte på den här datorn; ange en annan med --host.`])
    if (code === "EACCES") throw new CliError([`Saknar behörighet att lyssna på port ${options.port}; välj en port över 1023.`])
    throw error
  }
  process.stdout.write(`Webbvyn körs på ${running.url}/ (skrivskyddad). Avsluta med Ctrl+C.\n`)
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop)
      process.off("SIGTERM", stop)
      resolve()
    }
    process.on("SIGINT", stop)
    process.on("SIGTERM", stop)
  })
  await running.close()
}
