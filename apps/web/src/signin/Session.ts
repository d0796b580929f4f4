import type { Context } from "hono"
import { deleteCookie, getSignedCookie, setSignedCookie } from "hono/cookie"
import { z } from "zod"

/**
 * Who is signed in: the provider's subject, and the e-mail and name when it
 * gave them, until `expires` (seconds since the epoch). Held in a signed
 * cookie, so the server keeps no session store.
 */
export const SessionSchema = z.strictObject({
  sub: z.string().min(1),
  email: z.string().optional(),
  name: z.string().optional(),
  expires: z.number().int()
})
export type Session = z.output<typeof SessionSchema>

/**
 * A sign-in under way, between the redirect to the provider and its answer:
 * the `state`, `nonce` and PKCE `verifier` sent, where to go afterwards, and
 * when it lapses (ten minutes).
 */
export const PendingSchema = z.strictObject({
  state: z.string().min(1),
  nonce: z.string().min(1),
  verifier: z.string().min(43),
  returnTo: z.string(),
  expires: z.number().int()
})
export type Pending = z.output<typeof PendingSchema>

/** How long a started sign-in may take at the provider. */
export const pendingSeconds = 600

/** The cookies' names and attributes, which depend on whether the public address is https. */
export interface Cookies {
  readonly key: string
  readonly secure: boolean
  readonly sessionSeconds: number
  /** Seconds since the epoch, read on every check (tests move it). */
  readonly now: () => number
}

type CookieOptions = NonNullable<Parameters<typeof setSignedCookie>[4]>

/**
 * The session cookie: `__Host-uppdrag-session` over https (Secure, Path=/,
 * no Domain, so no other host or path can set or read it), plain
 * `uppdrag-session` on an http address, where a browser would drop a
 * Secure cookie. Always HttpOnly and SameSite=Lax: the provider's redirect
 * back is a top-level GET, which Lax lets through; cross-site subrequests
 * and POSTs carry no session.
 */
const sessionName = "uppdrag-session"
const pendingName = "uppdrag-inloggning"

/** `__Host-` for the session (Path=/), `__Secure-` for the pending sign-in (its own path): only over https. */
const prefixOf = (cookies: Cookies, path: string): "host" | "secure" | undefined => (cookies.secure ? (path === "/" ? "host" : "secure") : undefined)

const attributes = (cookies: Cookies, path: string, maxAge: number): CookieOptions => {
  const prefix = prefixOf(cookies, path)
  return { path, httpOnly: true, secure: cookies.secure, sameSite: "Lax", maxAge, ...(prefix === undefined ? {} : { prefix }) }
}

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value), "utf8").toString("base64url")

/** Reads and checks a signed cookie: undefined when absent, tampered with, malformed or expired. */
const readSigned = async <S extends z.ZodType<{ expires: number }>>(c: Context, cookies: Cookies, name: string, path: string, schema: S): Promise<z.output<S> | undefined> => {
  const prefix = prefixOf(cookies, path)
  const raw = prefix === undefined ? await getSignedCookie(c, cookies.key, name) : await getSignedCookie(c, cookies.key, name, prefix)
  // `false`: the signature does not match the value (tampered, or signed with another key).
  if (raw === undefined || raw === false) return undefined
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"))
  } catch {
    return undefined
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success || parsed.data.expires <= cookies.now()) return undefined
  return parsed.data
}

/**
 * The signed-in user, or undefined (no cookie, a signature that does not
 * match, or a session past its expiry: the expiry is inside the signed
 * value, so an old cookie replayed is refused even if a browser kept it).
 *
 * @example
 * const session = await Session.read(c, cookies)
 */
export const read = (c: Context, cookies: Cookies): Promise<Session | undefined> => readSigned(c, cookies, sessionName, "/", SessionSchema)

/**
 * Starts a session for the user: a signed cookie that lasts `sessionSeconds`.
 *
 * @example
 * await Session.start(c, cookies, { sub: "anna", email: "anna@example.se" })
 */
export const start = async (c: Context, cookies: Cookies, user: Omit<Session, "expires">): Promise<Session> => {
  const session: Session = { ...user, expires: cookies.now() + cookies.sessionSeconds }
  await setSignedCookie(c, sessionName, encode(session), cookies.key, attributes(cookies, "/", cookies.sessionSeconds))
  return session
}

/** Ends the session (sign-out, or a cookie that did not check out). */
export const end = (c: Context, cookies: Cookies): void => {
  deleteCookie(c, sessionName, attributes(cookies, "/", 0))
}

/** The sign-in under way, or undefined (none, tampered, or lapsed). */
export const readPending = (c: Context, cookies: Cookies, path: string): Promise<Pending | undefined> => readSigned(c, cookies, pendingName, path, PendingSchema)

/** Remembers a sign-in under way, in a cookie sent only to the sign-in paths. */
export const startPending = async (c: Context, cookies: Cookies, path: string, pending: Omit<Pending, "expires">): Promise<void> => {
  await setSignedCookie(c, pendingName, encode({ ...pending, expires: cookies.now() + pendingSeconds }), cookies.key, attributes(cookies, path, pendingSeconds))
}

export const endPending = (c: Context, cookies: Cookies, path: string): void => {
  deleteCookie(c, pendingName, attributes(cookies, path, 0))
}

/** The name the session cookie has in a browser (for tests and the README). */
export const cookieName = (secure: boolean): string => (secure ? `__Host-${sessionName}` : sessionName)
