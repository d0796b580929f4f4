import * as Result from "effect/Result"
import type { Context, Hono, MiddlewareHandler } from "hono"
import { getCookie } from "hono/cookie"
import * as oidc from "openid-client"
import { stylesheetPath } from "../Layout.js"
import * as Allowed from "./Allowed.js"
import * as Config from "./Config.js"
import * as Pages from "./Pages.js"
import * as Session from "./Session.js"

/**
 * Sign-in with OpenID Connect, ready to serve: the configuration, the
 * provider's metadata as discovered, and the cookies' settings.
 */
export interface SignIn {
  readonly config: Config.SignInConfig
  readonly client: oidc.Configuration
  readonly cookies: Session.Cookies
  /** Logs failures of the provider (never a token, a code or the secret). */
  readonly log: (message: string) => void
}

/** Options of {@link discover}. */
export interface Options {
  /** Seconds since the epoch; the system clock by default (tests move it to expire sessions). */
  readonly now?: (() => number) | undefined
  readonly log?: ((message: string) => void) | undefined
  /** How long discovery and each request to the provider may take, in seconds (default 10). */
  readonly timeoutSeconds?: number | undefined
}

/** The paths served without a session: health, the stylesheet, the accessibility statement and sign-in itself. None shows data. */
export const openPaths: ReadonlySet<string> = new Set(["/halsa", stylesheetPath, "/tillganglighet", "/inloggning", Config.callbackPath, "/utloggning"])

/** The pending sign-in cookie is sent only below this path. */
const signInPath = "/inloggning"

/** The error and its causes, outermost first (openid-client wraps what oauth4webapi and fetch threw). */
const chain = (error: unknown): Array<{ readonly message?: string; readonly code?: string; readonly name?: string }> => {
  const found: Array<{ readonly message?: string; readonly code?: string; readonly name?: string }> = []
  for (let current = error; typeof current === "object" && current !== null && found.length < 5; current = (current as { cause?: unknown }).cause) {
    found.push(current as { message?: string; code?: string; name?: string })
  }
  return found
}

/** Why a request to the provider failed, in its own words (an OAuth error code, a network error code): never a token or the secret. */
const reason = (error: unknown): string => {
  if (error instanceof oidc.ResponseBodyError) return `${error.error}${error.error_description === undefined ? "" : `: ${error.error_description}`}`
  const parts = chain(error).map((e) => `${e.message ?? String(e)}${e.code === undefined ? "" : ` (${e.code})`}`)
  return parts.length === 0 ? String(error) : [...new Set(parts)].join(": ")
}

/** Whether the provider could not be reached or answered with an error (502), rather than sending an answer that does not check out (400). */
const unreachable = (error: unknown): boolean =>
  error instanceof oidc.ResponseBodyError ||
  chain(error).some((e) => e.name === "TimeoutError" || e.name === "AbortError" || (typeof e.code === "string" && /^(E[A-Z]+|UND_ERR)/.test(e.code)))

/**
 * Reads the provider's metadata (`/.well-known/openid-configuration`) and
 * sets up the client: confidential, authenticating with HTTP Basic
 * (`client_secret_basic`, the OAuth default every provider supports). Fails
 * with a Swedish line naming `UPPDRAG_OIDC_ISSUER` when the provider does not
 * answer or its metadata does not fit.
 *
 * @example
 * const signIn = await SignIn.discover(config)
 * if (Result.isFailure(signIn)) console.error(signIn.failure.join("\n"))
 */
export const discover = async (config: Config.SignInConfig, options: Options = {}): Promise<Result.Result<SignIn, ReadonlyArray<string>>> => {
  let client: oidc.Configuration
  try {
    client = await oidc.discovery(config.issuer, config.clientId, undefined, oidc.ClientSecretBasic(config.clientSecret), {
      timeout: options.timeoutSeconds ?? 10,
      // Plain http only for a provider on this machine (Config allows no other).
      ...(config.issuer.protocol === "http:" ? { execute: [oidc.allowInsecureRequests] } : {})
    })
  } catch (error) {
    return Result.fail([`${Config.variables.issuer}: inloggningstjänsten ${config.issuer.href} kunde inte läsas: ${reason(error)}`])
  }
  const metadata = client.serverMetadata()
  if (metadata.authorization_endpoint === undefined || metadata.token_endpoint === undefined) {
    return Result.fail([`${Config.variables.issuer}: inloggningstjänsten ${config.issuer.href} anger ingen authorization_endpoint eller token_endpoint`])
  }
  const now = options.now ?? (() => Math.floor(Date.now() / 1000))
  return Result.succeed({
    config,
    client,
    cookies: { key: config.sessionKey, secure: config.secureCookies, sessionSeconds: config.sessionHours * 3600, now },
    log: options.log ?? ((message: string) => process.stderr.write(`${message}\n`))
  })
}

/**
 * Where to go after signing in: a path on this site only (`/…`, not `//…`
 * or `/\…`, which browsers read as another host), else the start page.
 */
export const returnPath = (requested: string | undefined): string =>
  requested !== undefined && /^\/(?![/\\])[^\s\\]*$/.test(requested) && requested.length <= 2000 ? requested : "/"

/** The user as the access log and pages name them. */
const identity = (user: { readonly sub: string; readonly email?: string | undefined }): string => user.email ?? user.sub

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined)

/**
 * Checks every request but the {@link openPaths}: with a valid session the
 * request goes on (and the access log gets the user); without one a page
 * request is sent to sign-in and comes back to the same address afterwards,
 * while a subresource (an image, a fetch) gets 401 rather than starting a
 * sign-in of its own. A cookie that fails its check is removed.
 * Signed-in answers are marked `private`, so no shared cache keeps them.
 *
 * @example
 * app.use("*", SignIn.guard(signIn))
 */
export const guard =
  (signIn: SignIn): MiddlewareHandler =>
  async (c, next) => {
    const session = await Session.read(c, signIn.cookies)
    if (session !== undefined) c.set("accessUser", identity(session))
    if (openPaths.has(c.req.path)) return next()
    if (session === undefined) {
      if (getCookie(c, Session.cookieName(signIn.cookies.secure)) !== undefined) Session.end(c, signIn.cookies)
      c.header("Cache-Control", "no-store")
      const destination = c.req.header("sec-fetch-dest")
      if (destination !== undefined && destination !== "document") return c.text("Inloggning krävs: öppna sidan i webbläsaren och logga in.", 401)
      const url = new URL(c.req.url)
      return c.redirect(`${signInPath}?till=${encodeURIComponent(url.pathname + url.search)}`, 302)
    }
    await next()
    const cacheControl = c.res.headers.get("cache-control")
    if (cacheControl !== null && !/\b(public|private|no-store)\b/.test(cacheControl)) c.res.headers.set("cache-control", `private, ${cacheControl}`)
  }

/**
 * `GET /inloggning?till=/sökväg`: starts the authorization code flow with
 * PKCE (S256), a fresh `state` and `nonce` kept in a signed cookie for ten
 * minutes, and sends the browser to the provider. Already signed in, it goes
 * straight on. `?konto=byt` asks the provider to show its login again
 * (`prompt=login`), to switch accounts.
 */
const begin =
  (signIn: SignIn) =>
  async (c: Context): Promise<Response> => {
    const switchAccount = c.req.query("konto") === "byt"
    const returnTo = returnPath(c.req.query("till"))
    if (!switchAccount && (await Session.read(c, signIn.cookies)) !== undefined) return c.redirect(returnTo, 302)
    const pending = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier(), returnTo }
    const authorization = oidc.buildAuthorizationUrl(signIn.client, {
      redirect_uri: Config.redirectUri(signIn.config),
      scope: signIn.config.scopes,
      response_type: "code",
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: "S256",
      state: pending.state,
      nonce: pending.nonce,
      ...(switchAccount ? { prompt: "login" } : {})
    })
    await Session.startPending(c, signIn.cookies, signInPath, pending)
    c.header("Cache-Control", "no-store")
    return c.redirect(authorization.href, 302)
  }

/**
 * `GET /inloggning/svar`: the provider's answer. Checks it against the
 * pending sign-in (state, PKCE verifier, nonce in the ID token: openid-client
 * validates the token's signature, issuer, audience and expiry), reads the
 * user's claims (the ID token's, completed from userinfo when the allowed
 * claim or the e-mail is not in it), and admits the user only when
 * {@link Allowed.permits}; otherwise a Swedish 403 page and no session.
 */
const complete =
  (signIn: SignIn) =>
  async (c: Context): Promise<Response> => {
    const pending = await Session.readPending(c, signIn.cookies, signInPath)
    Session.endPending(c, signIn.cookies, signInPath)
    if (pending === undefined) {
      return Pages.render(
        c,
        <Pages.SignInFailed status={400} lines={["Inloggningen hade gått ut eller påbörjades inte i den här webbläsaren (den får ta högst tio minuter).", "Börja om från början."]} />,
        400
      )
    }
    const requested = new URL(c.req.url)
    // The address the provider redirected to, as registered: the public URL, not the Host header (behind a proxy they differ).
    const current = new URL(requested.pathname + requested.search, signIn.config.publicUrl)
    let claims: Record<string, unknown>
    try {
      const tokens = await oidc.authorizationCodeGrant(signIn.client, current, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true
      })
      const idToken = tokens.claims()
      if (idToken === undefined) throw new Error("inget ID-token i svaret")
      claims = { ...idToken }
      if ((!(signIn.config.allowed.claim in claims) || claims.email === undefined) && signIn.client.serverMetadata().userinfo_endpoint !== undefined) {
        const userInfo = await oidc.fetchUserInfo(signIn.client, tokens.access_token, idToken.sub)
        claims = { ...userInfo, ...idToken }
      }
    } catch (error) {
      if (error instanceof oidc.AuthorizationResponseError) {
        const denied = error.error === "access_denied"
        signIn.log(`Inloggning: inloggningstjänsten svarade ${error.error}${error.error_description === undefined ? "" : ` (${error.error_description})`}`)
        return Pages.render(
          c,
          <Pages.SignInFailed
            status={denied ? 403 : 400}
            lines={[denied ? "Inloggningen avbröts eller nekades hos inloggningstjänsten." : `Inloggningstjänsten svarade med felet ${error.error}.`]}
          />,
          denied ? 403 : 400
        )
      }
      signIn.log(`Inloggning: svaret från inloggningstjänsten godtogs inte: ${reason(error)}`)
      return unreachable(error)
        ? Pages.render(c, <Pages.SignInFailed status={502} lines={["Inloggningstjänsten svarade inte som väntat. Försök igen om en stund."]} />, 502)
        : Pages.render(c, <Pages.SignInFailed status={400} lines={["Svaret från inloggningstjänsten kunde inte godtas (det kan ha varit gammalt eller gällt en annan inloggning)."]} />, 400)
    }
    const user = { sub: String(claims.sub), email: text(claims.email), name: text(claims.name) }
    c.set("accessUser", identity(user))
    if (!Allowed.permits(signIn.config.allowed, claims)) {
      Session.end(c, signIn.cookies)
      return Pages.render(c, <Pages.Forbidden user={identity(user)} requirement={Allowed.describe(signIn.config.allowed)} />, 403)
    }
    await Session.start(c, signIn.cookies, {
      sub: user.sub,
      ...(user.email === undefined ? {} : { email: user.email }),
      ...(user.name === undefined ? {} : { name: user.name })
    })
    c.header("Cache-Control", "no-store")
    return c.redirect(pending.returnTo, 302)
  }

/**
 * `GET /utloggning`: ends the session here (the cookie is removed) and says
 * so. The provider's own session is left alone, as for any one application
 * in a single sign-on.
 */
const end =
  (signIn: SignIn) =>
  (c: Context): Response | Promise<Response> => {
    Session.end(c, signIn.cookies)
    return Pages.render(c, <Pages.SignedOut />, 200)
  }

/**
 * Adds `/inloggning`, `/inloggning/svar` and `/utloggning` to the app.
 *
 * @example
 * SignIn.routes(app, signIn)
 */
export const routes = (app: Hono, signIn: SignIn): void => {
  app.get(signInPath, begin(signIn))
  app.get(Config.callbackPath, complete(signIn))
  app.get("/utloggning", end(signIn))
}
