import { createWriteStream, existsSync, openSync } from "node:fs"
import { CatalogSource } from "@uppdrag/application"
import { FileAccess, Population } from "@uppdrag/core"
import { Redact, Store } from "@uppdrag/store"
import { type AccessLog, Exposure, Gate, Health, SignIn, SignInConfig, Site, WebApp, WebServer } from "@uppdrag/web"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { Refusal, Usage } from "../../terminal/Failure.js"
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

/** The options `serve` takes (and `start`, which ends by serving). */
export interface ServeOptions {
  readonly port: number
  readonly host: string
  readonly population?: string | undefined
  readonly db?: string | undefined
  readonly catalog?: Array<string> | undefined
  /** `--utan-inloggning`: serve without sign-in, also on a network address (with a warning). */
  readonly utanInloggning?: boolean | undefined
  /** `--access-log FIL` (or `UPPDRAG_ACCESS_LOG`): append access lines to the file instead of standard error. */
  readonly accessLog?: string | undefined
  /** `--demo`: the indicator pages show the synthetic sample, with a banner on every page, instead of publications. */
  readonly demo?: boolean | undefined
}

/** The environment variable naming the access log file when `--access-log` is not given. */
const accessLogVariable = "UPPDRAG_ACCESS_LOG"

/**
 * Where access lines go: the file (opened for appending now, so a path
 * that cannot be written is refused before the server starts), else
 * standard error. Closed when the command ends.
 */
const accessLogSink = (option: string | undefined) =>
  Effect.gen(function* () {
    const fromEnvironment = process.env[accessLogVariable]
    const file = option ?? (fromEnvironment === "" ? undefined : fromEnvironment)
    const name = option === undefined ? accessLogVariable : "--access-log"
    if (file === undefined) return ((line: string) => void process.stderr.write(`${line}\n`)) satisfies AccessLog.Sink
    if (file.trim() === "") return yield* Effect.fail(new Refusal({ lines: [`${name}: ange en sökväg till loggfilen`] }))
    const fd = yield* Effect.try({
      try: () => openSync(file, "a"),
      catch: (error) => {
        const problem = FileAccess.describe(error, "write")
        return new Refusal({ lines: [`${name}: ${file} kan inte öppnas för skrivning: ${problem.message}`], detail: problem.detail })
      }
    })
    const stream = yield* Effect.acquireRelease(
      Effect.sync(() => createWriteStream(file, { fd, flags: "a" })),
      (opened) => Effect.callback<void>((resume) => void opened.end(() => resume(Effect.void)))
    )
    return ((line: string) => void stream.write(`${line}\n`)) satisfies AccessLog.Sink
  })

/**
 * Sign-in as the environment configures it, and whether the address allows
 * serving without it (`Exposure.decide`): a bad variable is refused (exit
 * 1, naming it, never showing the secret); a network address without sign-in
 * is a usage error (exit 2) unless `--utan-inloggning` is given. Reads no
 * network and writes nothing, so `uppdrag start` checks it before it
 * touches the database.
 */
export const checkExposure = (
  options: Pick<ServeOptions, "host" | "utanInloggning">
): Effect.Effect<{ readonly _tag: "SignIn"; readonly config: SignInConfig.SignInConfig } | { readonly _tag: "Open"; readonly warnings: ReadonlyArray<string> }, Refusal | Usage> =>
  Effect.gen(function* () {
    const config = SignInConfig.fromEnvironment(process.env)
    if (Result.isFailure(config)) return yield* Effect.fail(new Refusal({ lines: ["Inloggningen är felaktigt konfigurerad:", ...config.failure] }))
    const decision = Exposure.decide({ host: options.host, configured: config.success !== undefined, withoutSignIn: options.utanInloggning === true })
    if (decision._tag === "Refused") return yield* Effect.fail(new Usage({ lines: decision.lines }))
    return decision._tag === "SignIn" && config.success !== undefined ? { _tag: "SignIn" as const, config: config.success } : { _tag: "Open" as const, warnings: decision._tag === "Open" ? decision.warnings : [] }
  })

/**
 * Sign-in for the server, after {@link checkExposure}: the provider is asked
 * for its metadata now, so a wrong issuer stops the start (exit 1).
 */
const signInFor = (options: ServeOptions) =>
  Effect.gen(function* () {
    const exposure = yield* checkExposure(options)
    if (exposure._tag === "Open") {
      for (const warning of exposure.warnings) process.stderr.write(`${warning}\n`)
      return undefined
    }
    const discovered = yield* Effect.promise(() => SignIn.discover(exposure.config))
    if (Result.isFailure(discovered)) return yield* Effect.fail(new Refusal({ lines: discovered.failure }))
    if (discovered.success.config.sessionKeyGenerated) {
      process.stderr.write(
        `${SignInConfig.variables.sessionKey} är inte satt: en nyckel slumpades för den här processen, så alla inloggningar upphör när webbvyn startas om, och flera instanser delar inte inloggningar.\n`
      )
    }
    return discovered.success
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
 * gets the event log read-only, the catalog and the population in force;
 * in front of it the gate: sign-in when configured (required off
 * loopback), `/halsa`, the access log.
 */
export const serve = (options: ServeOptions): Outcome =>
  Effect.gen(function* () {
    const signIn = yield* signInFor(options)
    const accessLog = yield* accessLogSink(options.accessLog)
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
      // The server's log (failures, the health check) never shows a password, whatever a driver echoed.
      log: (message) => void process.stderr.write(`${Redact.connectionString(message)}\n`),
      ...(population === undefined ? {} : { population, populationFile: options.population }),
      ...(store === undefined ? {} : { eventLog: store }),
      demo: options.demo === true
    })
    if (site._tag === "Failure") return yield* Effect.fail(new Refusal({ lines: [...site.failure] }))
    const app = Gate.make(WebApp.make(site.success, { signOut: signIn !== undefined }), {
      signIn,
      accessLog: (line) => accessLog(Redact.connectionString(line)),
      eventLog: Health.eventLogOf(site.success),
      log: site.success.log
    })
    const running = yield* Effect.tryPromise({
      try: () => WebServer.listen(app, { port: options.port, host: options.host }),
      catch: (error) => listenFailure(error, options)
    })
    const access = signIn === undefined ? "utan inloggning" : `inloggning via ${signIn.config.issuer.href}`
    process.stdout.write(`Webbvyn körs på ${running.url}/ (skrivskyddad, ${access}${options.demo === true ? ", demoläge med syntetiska indikatorer" : ""}). Avsluta med Ctrl+C.\n`)
    // In demo mode, build the indicator sample now rather than on the first visit to Indikatorer.
    if (options.demo === true) setTimeout(() => void site.success.indicators(), 100)
    yield* interrupted
    site.success.stop()
    yield* Effect.promise(() => running.close())
  }).pipe(Effect.scoped, Effect.provide(CatalogSource.layer(options.catalog ?? [])))
