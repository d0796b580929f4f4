import { existsSync } from "node:fs"
import { CatalogSource } from "@uppdrag/application"
import { Population } from "@uppdrag/core"
import { Store } from "@uppdrag/store"
import { Site, WebApp, WebServer } from "@uppdrag/web"
import * as Effect from "effect/Effect"
import { Refusal } from "../../terminal/Failure.js"
import { storeLocation } from "../../terminal/Log.js"
import type { Outcome } from "../../terminal/Options.js"

/** Why the server could not listen, in Swedish. */
const listenFailure = (error: unknown, options: { port: number; host: string }): Refusal | Error => {
  const code = (error as NodeJS.ErrnoException).code
  if (code === "EADDRINUSE") return new Refusal({ lines: [`Porten ${options.port} på ${options.host} används redan; välj en annan med --port.`] })
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") return new Refusal({ lines: [`Adressen ${options.host} finns inte på den här datorn; ange en annan med --host.`] })
  if (code === "EACCES") return new Refusal({ lines: [`Saknar behörighet att lyssna på port ${options.port}; välj en port över 1023.`] })
  return error as Error
}

/**
 * The event log read-only, when it exists: a SQLite file that does not
 * exist is not created (the view then shows the catalog without a ledger).
 * Closed when the command ends.
 */
const readOnlyStore = (db: string | undefined) =>
  Effect.gen(function* () {
    const location = yield* storeLocation(db)
    if (location.kind === "sqlite" && !existsSync(location.path)) {
      process.stderr.write(`Databasen ${location.path} finns inte: webbvyn visar katalogen utan liggare, inlämningar och möten.\n`)
      return undefined
    }
    // Read-only by construction: the database itself refuses writes from the web view.
    return yield* Effect.acquireRelease(
      Effect.flatMap(
        Effect.promise(() => Store.open(location, { readOnly: true })),
        Effect.fromResult
      ),
      (store) => Effect.promise(() => store.close())
    )
  })

/** Resolves on SIGINT or SIGTERM. */
const interrupted = Effect.callback<void>((resume) => {
  const stop = () => {
    process.off("SIGINT", stop)
    process.off("SIGTERM", stop)
    resume(Effect.void)
  }
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
})

/**
 * `uppdrag serve`: starts the web view and keeps running until SIGINT or
 * SIGTERM, then closes the server and the store (exit code 0). The site
 * gets the event log read-only, the catalog and the population in force.
 */
export const serve = (options: { port: number; host: string; population?: string; db?: string; catalog?: Array<string> }): Outcome =>
  Effect.gen(function* () {
    const catalog = yield* CatalogSource.CatalogSource
    let population: Population.Population | undefined
    if (options.population !== undefined) {
      const parsed = Population.parseFile(options.population)
      if (parsed._tag === "Failure") return yield* Effect.fail(parsed.failure)
      population = parsed.success
    }
    const store = yield* readOnlyStore(options.db)
    const site = Site.make({
      catalog,
      ...(population === undefined ? {} : { population, populationFile: options.population }),
      ...(store === undefined ? {} : { eventLog: store })
    })
    if (site._tag === "Failure") return yield* Effect.fail(new Refusal({ lines: [...site.failure] }))
    const running = yield* Effect.tryPromise({
      try: () => WebServer.listen(WebApp.make(site.success), { port: options.port, host: options.host }),
      catch: (error) => listenFailure(error, options)
    })
    process.stdout.write(`Webbvyn körs på ${running.url}/ (skrivskyddad). Avsluta med Ctrl+C.\n`)
    // Build the indicator sample now rather than on the first visit to Indikatorer.
    setTimeout(() => void site.success.indicators(), 100)
    yield* interrupted
    site.success.stop()
    yield* Effect.promise(() => running.close())
  }).pipe(Effect.scoped, Effect.provide(CatalogSource.layer(options.catalog ?? [])))
