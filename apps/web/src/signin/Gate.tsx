import { Hono } from "hono"
import { ErrorPage } from "../ErrorPage.js"
import { readOnlyMethods, securityHeaders } from "../Security.js"
import * as AccessLog from "./AccessLog.js"
import * as Health from "./Health.js"
import * as SignIn from "./SignIn.js"

/** Options of {@link make}. */
export interface Options {
  /** Sign-in; without it every page is open (loopback, or `--utan-inloggning`). */
  readonly signIn?: SignIn.SignIn | undefined
  /** Where the access log's lines go; none when left out. */
  readonly accessLog?: AccessLog.Sink | undefined
  /** The event log's state for `/halsa` (`Health.eventLogOf(site)`). */
  readonly eventLog: () => Promise<Health.EventLogState>
  /** Logs unexpected failures of the gate itself. */
  readonly log?: ((message: string) => void) | undefined
}

/**
 * The web view as it faces the network: every request is written to the
 * access log, gets the security headers and the read-only rule, `/halsa`
 * answers without sign-in, and with sign-in configured every other page
 * needs a session (`/inloggning`, `/utloggning`). What passes is answered by
 * the site (`WebApp.make`) unchanged.
 *
 * @example
 * const app = Gate.make(WebApp.make(site, { signOut: true }), { signIn, accessLog: (line) => process.stderr.write(`${line}\n`), eventLog: Health.eventLogOf(site) })
 * await WebServer.listen(app, { port: 3000, host: "0.0.0.0" })
 */
export const make = (site: Hono, options: Options): Hono => {
  const app = new Hono({ strict: true })
  if (options.accessLog !== undefined) app.use("*", AccessLog.middleware(options.accessLog))
  app.use("*", securityHeaders())
  app.use("*", readOnlyMethods())
  if (options.signIn !== undefined) app.use("*", SignIn.guard(options.signIn))
  app.get("/halsa", Health.handler(options.eventLog))
  if (options.signIn !== undefined) SignIn.routes(app, options.signIn)
  app.all("*", (c) => site.fetch(c.req.raw, c.env))
  app.onError((error, c) => {
    const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`))
    log(`Oväntat fel vid ${c.req.method} ${new URL(c.req.url).pathname}: ${error.stack ?? String(error)}`)
    c.header("Cache-Control", "no-store")
    return c.html(`<!doctype html>${String(<ErrorPage status={500} title="Något gick fel" lines={["Sidan kunde inte visas på grund av ett internt fel. Felet har loggats."]} />)}`, 500)
  })
  return app
}
