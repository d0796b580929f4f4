import type { Handler } from "hono"
import packageJson from "../../package.json" with { type: "json" }
import type { Site } from "../Site.js"

/** The web view's version, as published (`@uppdrag/web`). */
export const version: string = packageJson.version

/** How the event log answered: `ok`, `not-connected` (no database: the catalog alone is shown) or `unavailable` (it failed or did not answer in time). */
export type EventLogState = "ok" | "not-connected" | "unavailable"

/**
 * What `/halsa` reports: whether the service is up (`ok`) or cannot serve
 * recorded data (`unavailable`), its version and the event log's state.
 * Nothing else: no counts, no data, no configuration.
 */
export interface Report {
  readonly status: "ok" | "unavailable"
  readonly version: string
  readonly eventLog: EventLogState
}

/** How long `/halsa` waits for the event log before calling it unavailable. */
export const eventLogTimeoutMs = 5000

/**
 * Asks the site's event log for its size, as a liveness question: answered
 * within {@link eventLogTimeoutMs}, or unavailable. A failure is logged.
 *
 * @example
 * await Health.eventLogOf(site)() // "ok"
 */
export const eventLogOf =
  (site: Site, timeoutMs: number = eventLogTimeoutMs) =>
  async (): Promise<EventLogState> => {
    if (!site.connected) return "not-connected"
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<EventLogState>((resolve) => {
      timer = setTimeout(() => resolve("unavailable"), timeoutMs)
    })
    const answer = site.count().then(
      (): EventLogState => "ok",
      (error: unknown): EventLogState => {
        site.log(`Hälsokontroll: händelseloggen svarar inte: ${(error as Error).message ?? String(error)}`)
        return "unavailable"
      }
    )
    try {
      return await Promise.race([answer, timeout])
    } finally {
      clearTimeout(timer)
    }
  }

/**
 * The report for the event log's state.
 *
 * @example
 * Health.report("ok") // { status: "ok", version: "0.1.0", eventLog: "ok" }
 */
export const report = (eventLog: EventLogState): Report => ({ status: eventLog === "unavailable" ? "unavailable" : "ok", version, eventLog })

/**
 * `GET /halsa`: the report as JSON, 200 when up and 503 when the event log
 * does not answer, never cached. No sign-in needed; it shows no data.
 *
 * @example
 * app.get("/halsa", Health.handler(Health.eventLogOf(site)))
 */
export const handler =
  (eventLog: () => Promise<EventLogState>): Handler =>
  async (c) => {
    const body = report(await eventLog())
    c.header("Cache-Control", "no-store")
    return c.json(body, body.status === "ok" ? 200 : 503)
  }
