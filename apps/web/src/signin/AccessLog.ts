import type { MiddlewareHandler } from "hono"

declare module "hono" {
  interface ContextVariableMap {
    /** Who made the request, for the access log: set by sign-in (also for a user it refused). */
    accessUser: string | undefined
  }
}

/** Where access lines go: standard error, or a file opened for appending. */
export type Sink = (line: string) => void

/** One request as the access log records it. */
export interface Entry {
  /** When the request arrived. */
  readonly time: Date
  /** The user's e-mail (or subject when there is none); undefined for a request without a session. */
  readonly user: string | undefined
  readonly method: string
  /** The path and query as requested, with secret-bearing parameters hidden ({@link redact}). */
  readonly target: string
  readonly status: number
  readonly milliseconds: number
}

/** Query parameters whose values are never written: the provider's answer (`code`, `state`, tokens) and anything key- or password-like. */
const secretParameter = /code|state|token|secret|nonce|password|passwd|key|assertion|ticket/i

/** Longest request target written; longer ones end in "…". */
const maxTarget = 2000

/**
 * The request's path and query for the log: each parameter whose name
 * looks secret (`code`, `state`, `id_token`, …) is written as `[dolt]`.
 * Cookies and headers are never logged.
 *
 * @example
 * AccessLog.redact(new URL("http://x/inloggning/svar?code=abc&state=def")) // "/inloggning/svar?code=[dolt]&state=[dolt]"
 */
export const redact = (url: URL): string => {
  const parameters = [...url.searchParams].map(([name, value]) =>
    secretParameter.test(name) ? `${encodeURIComponent(name)}=[dolt]` : `${encodeURIComponent(name)}=${encodeURIComponent(value)}`
  )
  const target = parameters.length === 0 ? url.pathname : `${url.pathname}?${parameters.join("&")}`
  return target.length > maxTarget ? `${target.slice(0, maxTarget)}…` : target
}

/** A user's name as one field: white space and control characters percent-encoded, so a line always splits into the same fields. */
const field = (text: string): string => text.replace(/[\s\p{Cc}]/gu, (character) => encodeURIComponent(character))

/**
 * One line: time (UTC, ISO 8601), user or `anonym`, method, path with
 * query, status, duration.
 *
 * @example
 * AccessLog.format({ time: new Date("2026-11-23T09:15:02.120Z"), user: "anna@example.se", method: "GET", target: "/regioner/03", status: 200, milliseconds: 4 })
 * // "2026-11-23T09:15:02.120Z anna@example.se GET /regioner/03 200 4ms"
 */
export const format = (entry: Entry): string =>
  `${entry.time.toISOString()} ${entry.user === undefined || entry.user === "" ? "anonym" : field(entry.user)} ${entry.method} ${entry.target} ${entry.status} ${Math.round(entry.milliseconds)}ms`

/**
 * Writes one line per request to `sink` once it is answered, errors and
 * refusals included. The user is whoever sign-in set on the request.
 *
 * @example
 * app.use("*", AccessLog.middleware((line) => process.stderr.write(`${line}\n`)))
 */
export const middleware =
  (sink: Sink, now: () => Date = () => new Date()): MiddlewareHandler =>
  async (c, next) => {
    const time = now()
    const started = performance.now()
    try {
      await next()
    } finally {
      sink(format({ time, user: c.get("accessUser"), method: c.req.method, target: redact(new URL(c.req.url)), status: c.res.status, milliseconds: performance.now() - started }))
    }
  }
