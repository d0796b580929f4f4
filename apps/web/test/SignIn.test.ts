import { createHmac } from "node:crypto"
import { EventLog, EventLogError } from "@uppdrag/application"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import fc from "fast-check"
import { Hono } from "hono"
import type { Browser, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import * as AccessLog from "../src/signin/AccessLog.js"
import * as Allowed from "../src/signin/Allowed.js"
import * as Config from "../src/signin/Config.js"
import * as Exposure from "../src/signin/Exposure.js"
import * as Gate from "../src/signin/Gate.js"
import * as Health from "../src/signin/Health.js"
import * as Session from "../src/signin/Session.js"
import * as SignIn from "../src/signin/SignIn.js"
import * as WebApp from "../src/WebApp.js"
import * as WebServer from "../src/WebServer.js"
import { axe, launch } from "./support/Browser.js"
import * as OidcProvider from "./support/OidcProvider.js"
import { logged, makeSite } from "./support/TestSite.js"
import { type Step, UserAgent } from "./support/UserAgent.js"

// The whole flow against a real OpenID provider (oidc-provider) started here on 127.0.0.1:
// a browser-like client follows every redirect and submits the provider's login form.

const sessionCookie = Session.cookieName(false)
let provider: OidcProvider.TestProvider
let server: WebServer.Running
let base: string
let signIn: SignIn.SignIn
const accessLines: Array<string> = []
const failures: Array<string> = []
/** The session clock in seconds; tests move it forward to expire sessions. */
let clockOffset = 0
const now = () => Math.floor(Date.now() / 1000) + clockOffset

const environment = (overrides: Record<string, string | undefined> = {}) => ({
  [Config.variables.issuer]: provider.issuer,
  [Config.variables.clientId]: provider.clientId,
  [Config.variables.clientSecret]: provider.clientSecret,
  [Config.variables.allowed]: OidcProvider.allowed,
  [Config.variables.publicUrl]: base,
  [Config.variables.scopes]: "openid email profile groups",
  [Config.variables.sessionKey]: "en-lang-hemlig-sessionsnyckel-for-testerna-0123456789",
  ...overrides
})

beforeAll(async () => {
  const port = await OidcProvider.freePort()
  base = `http://127.0.0.1:${port}`
  provider = await OidcProvider.start({ redirectUri: `${base}${Config.callbackPath}` })
  const config = Result.getOrThrow(Config.fromEnvironment(environment()))
  if (config === undefined) throw new Error("inloggningen blev inte konfigurerad")
  signIn = Result.getOrThrow(await SignIn.discover(config, { now, log: (line) => failures.push(line) }))
  const site = makeSite()
  const app = Gate.make(WebApp.make(site, { signOut: true }), { signIn, accessLog: (line) => accessLines.push(line), eventLog: Health.eventLogOf(site) })
  server = await WebServer.listen(app, { port, host: "127.0.0.1" })
}, 120_000)

afterAll(async () => {
  await server?.close()
  await provider?.close()
  expect(logged).toEqual([])
})

/** Signs `user` in from `path`: every step from the first request to the page the browser lands on. */
const signInAs = async (agent: UserAgent, user: keyof typeof OidcProvider.users, path = "/") => {
  const toProvider = await agent.navigate(`${base}${path}`)
  const loginForm = toProvider.at(-1)!
  expect(loginForm.url.startsWith(provider.issuer)).toBe(true)
  const back = await agent.submit(loginForm, { login: user, password: "valfritt" })
  return { toProvider, back, landed: back.at(-1)! }
}

const setCookieOf = (step: Step, name: string) => step.headers.getSetCookie().find((line) => line.startsWith(`${name}=`))

describe("the sign-in flow against a real OpenID provider", () => {
  it("sends an anonymous visitor through the authorization code flow with PKCE, state and nonce", async () => {
    const agent = new UserAgent()
    const first = await agent.request(`${base}/regioner/03?datum=2026-11-23`)
    expect(first.status).toBe(302)
    expect(first.headers.get("location")).toBe(`/inloggning?till=${encodeURIComponent("/regioner/03?datum=2026-11-23")}`)
    const begin = await agent.request(new URL(first.headers.get("location")!, base).href)
    expect(begin.status).toBe(302)
    const authorization = new URL(begin.headers.get("location")!)
    expect(authorization.origin).toBe(provider.issuer)
    expect(authorization.searchParams.get("response_type")).toBe("code")
    expect(authorization.searchParams.get("client_id")).toBe(provider.clientId)
    expect(authorization.searchParams.get("redirect_uri")).toBe(`${base}/inloggning/svar`)
    expect(authorization.searchParams.get("code_challenge_method")).toBe("S256")
    expect(authorization.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(authorization.searchParams.get("state")).toMatch(/^[A-Za-z0-9_-]{20,}$/)
    expect(authorization.searchParams.get("nonce")).toMatch(/^[A-Za-z0-9_-]{20,}$/)
    expect(authorization.searchParams.get("scope")).toBe("openid email profile groups")
    // The pending sign-in: signed, HttpOnly, Lax, only for the sign-in paths, ten minutes.
    const pending = setCookieOf(begin, "uppdrag-inloggning")!
    expect(pending).toContain("HttpOnly")
    expect(pending).toContain("SameSite=Lax")
    expect(pending).toContain("Path=/inloggning")
    expect(pending).toContain("Max-Age=600")
    // No secret ever leaves for the browser: not in the redirect, not in the cookie.
    expect(begin.headers.get("location")).not.toContain(provider.clientSecret)
    expect(pending).not.toContain(provider.clientSecret)
  })

  it("signs in a user with the group and lands on the page first asked for, with Uppsala's 58 203 923 kr", async () => {
    const agent = new UserAgent()
    const { back, landed } = await signInAs(agent, "anna", "/regioner/03?datum=2026-11-23")
    expect(landed.url).toBe(`${base}/regioner/03?datum=2026-11-23`)
    expect(landed.status).toBe(200)
    expect(landed.body).toContain("58\u00a0203\u00a0923\u00a0kr")
    expect(landed.body).toContain('href="/utloggning"')
    expect(landed.headers.get("cache-control")).toBe("private, no-cache")
    const callback = back.find((step) => step.url.startsWith(`${base}/inloggning/svar`))!
    expect(callback.status).toBe(302)
    const session = setCookieOf(callback, sessionCookie)!
    expect(session).toContain("HttpOnly")
    expect(session).toContain("SameSite=Lax")
    expect(session).toContain("Path=/")
    expect(session).toContain(`Max-Age=${8 * 3600}`)
    // Plain http on loopback: a browser would drop a Secure cookie, so it is not set (https gets __Host- and Secure).
    expect(session).not.toContain("Secure")
    // The pending sign-in is used up.
    expect(agent.cookie("127.0.0.1", "uppdrag-inloggning")).toBeUndefined()
    // Signed in, other pages and downloads open without another trip to the provider.
    for (const path of ["/", "/uppdrag", "/tidsfrister.csv?datum=2026-11-23"]) {
      const page = await agent.request(`${base}${path}`)
      expect(page.status, path).toBe(200)
    }
    expect(accessLines.some((line) => / anna@example\.se GET \/regioner\/03\?datum=2026-11-23 200 \d+ms$/.test(line))).toBe(true)
  })

  it("refuses a user without the group with a Swedish 403 page and no session", async () => {
    const agent = new UserAgent()
    const { back, landed } = await signInAs(agent, "bert", "/uppdrag")
    expect(landed.status).toBe(403)
    expect(landed.url.startsWith(`${base}/inloggning/svar?`)).toBe(true)
    expect(landed.body).toContain("<h1>Ingen behörighet</h1>")
    expect(landed.body).toContain("Du loggade in som bert@example.se")
    expect(landed.body).toContain("groups ska innehålla uppdrag-lasare")
    expect(landed.body).toContain('href="/inloggning?konto=byt"')
    expect(landed.body).toContain('lang="sv"')
    expect(landed.headers.get("content-security-policy")).toContain("default-src 'none'")
    expect(back.some((step) => setCookieOf(step, sessionCookie)?.includes("Max-Age=0") === false)).toBe(false)
    expect(agent.cookie("127.0.0.1", sessionCookie)).toBeUndefined()
    const again = await agent.request(`${base}/uppdrag`)
    expect(again.status).toBe(302)
    expect(again.headers.get("location")).toBe("/inloggning?till=%2Fuppdrag")
    // The refusal is in the access log under the user's name, without the code or state.
    const callbackUrl = new URL(landed.url)
    const refusal = accessLines.find((line) => line.includes(" bert@example.se GET /inloggning/svar?"))!
    expect(refusal).toMatch(/ 403 \d+ms$/)
    expect(refusal).not.toContain(callbackUrl.searchParams.get("code")!)
    expect(refusal).not.toContain(callbackUrl.searchParams.get("state")!)
    expect(refusal).toContain("code=[dolt]")
  })

  it("refuses a tampered cookie, a cookie signed with another key and an expired session: back to sign-in", async () => {
    const agent = new UserAgent()
    await signInAs(agent, "anna")
    const cookie = agent.cookie("127.0.0.1", sessionCookie)!
    const [payload = "", signature = ""] = decodeURIComponent(cookie.value).split(".")
    const session = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"))
    expect(session).toMatchObject({ sub: "anna", email: "anna@example.se" })
    const asCookie = (value: string) => ({ cookie: `${sessionCookie}=${encodeURIComponent(value)}` })
    const forged = Buffer.from(JSON.stringify({ ...session, sub: "bert", email: "bert@example.se" })).toString("base64url")
    const extended = Buffer.from(JSON.stringify({ ...session, expires: session.expires + 365 * 24 * 3600 })).toString("base64url")
    const otherKey = createHmac("sha256", "en-annan-nyckel-som-servern-inte-har-0123456789").update(payload).digest("base64")
    const refused = [
      `${forged}.${signature}`,
      `${extended}.${signature}`,
      `${payload}.${otherKey}`,
      `${payload}.`,
      payload,
      `${payload}.${signature.slice(0, -2)}AA`
    ]
    for (const value of refused) {
      const response = await fetch(`${base}/uppdrag`, { headers: { ...asCookie(value), "sec-fetch-dest": "document" }, redirect: "manual" })
      expect(response.status, value).toBe(302)
      expect(response.headers.get("location")).toBe("/inloggning?till=%2Fuppdrag")
      // The bad cookie is removed.
      expect(response.headers.getSetCookie().some((line) => line.startsWith(`${sessionCookie}=;`) && line.includes("Max-Age=0"))).toBe(true)
    }
    // The real cookie still works …
    expect((await agent.request(`${base}/uppdrag`)).status).toBe(200)
    // … until its expiry, which is inside the signed value: eight hours later it is refused even if the browser kept it.
    clockOffset = 8 * 3600 + 1
    try {
      const expired = await agent.request(`${base}/uppdrag`)
      expect(expired.status).toBe(302)
      expect(expired.headers.get("location")).toBe("/inloggning?till=%2Fuppdrag")
    } finally {
      clockOffset = 0
    }
  })

  it("signs out: the cookie is removed and the next page asks for sign-in again", async () => {
    const agent = new UserAgent()
    await signInAs(agent, "anna")
    const out = await agent.request(`${base}/utloggning`)
    expect(out.status).toBe(200)
    expect(out.body).toContain("<h1>Du är utloggad</h1>")
    expect(setCookieOf(out, sessionCookie)).toContain("Max-Age=0")
    expect(agent.cookie("127.0.0.1", sessionCookie)).toBeUndefined()
    expect((await agent.request(`${base}/`)).status).toBe(302)
  })

  it("refuses an answer that does not belong to a sign-in started in this browser", async () => {
    const agent = new UserAgent()
    // No pending sign-in at all.
    const stray = await agent.request(`${base}/inloggning/svar?code=abc&state=def`)
    expect(stray.status).toBe(400)
    expect(stray.body).toContain("Inloggningen misslyckades")
    // A pending sign-in, but an answer with another state (a forged or crossed answer).
    await agent.request(`${base}/inloggning`)
    const crossed = await agent.request(`${base}/inloggning/svar?code=abc&state=en-annan-state&iss=${encodeURIComponent(provider.issuer)}`)
    expect(crossed.status).toBe(400)
    expect(agent.cookie("127.0.0.1", sessionCookie)).toBeUndefined()
    expect(failures.some((line) => line.startsWith("Inloggning: svaret från inloggningstjänsten godtogs inte"))).toBe(true)
    failures.length = 0
  })

  it("shows the provider's refusal (access_denied) as a Swedish page", async () => {
    const agent = new UserAgent()
    await agent.request(`${base}/inloggning`)
    const pending = Session.PendingSchema.parse(
      JSON.parse(Buffer.from(decodeURIComponent(agent.cookie("127.0.0.1", "uppdrag-inloggning")!.value).split(".")[0]!, "base64url").toString("utf8"))
    )
    const denied = await agent.request(`${base}/inloggning/svar?error=access_denied&state=${pending.state}&iss=${encodeURIComponent(provider.issuer)}`)
    expect(denied.status).toBe(403)
    expect(denied.body).toContain("Inloggningen avbröts eller nekades")
    failures.length = 0
  })

  it("never sends the browser elsewhere after sign-in than a path on this site", async () => {
    const agent = new UserAgent()
    for (const target of ["//evil.example/", "https://evil.example/", "/\\evil.example"]) {
      const begin = await agent.request(`${base}/inloggning?till=${encodeURIComponent(target)}`)
      const pending = JSON.parse(Buffer.from(decodeURIComponent(agent.cookie("127.0.0.1", "uppdrag-inloggning")!.value).split(".")[0]!, "base64url").toString("utf8"))
      expect(begin.status).toBe(302)
      expect(pending.returnTo, target).toBe("/")
    }
    expect(SignIn.returnPath("/regioner/03?datum=2026-11-23")).toBe("/regioner/03?datum=2026-11-23")
  })

  it("answers a subresource without a session with 401 instead of starting a sign-in", async () => {
    const response = await fetch(`${base}/favicon.ico`, { headers: { "sec-fetch-dest": "image" }, redirect: "manual" })
    expect(response.status).toBe(401)
    expect(await response.text()).toContain("Inloggning krävs")
    expect(response.headers.getSetCookie()).toEqual([])
  })

  it("keeps /halsa, the stylesheet and the accessibility statement open, and the site read-only before sign-in", async () => {
    const health = await fetch(`${base}/halsa`, { redirect: "manual" })
    expect(health.status).toBe(200)
    expect(health.headers.get("content-type")).toContain("application/json")
    expect(health.headers.get("cache-control")).toBe("no-store")
    expect(await health.json()).toEqual({ status: "ok", version: Health.version, eventLog: "not-connected" })
    expect((await fetch(`${base}/static/style.css`, { redirect: "manual" })).status).toBe(200)
    expect((await fetch(`${base}/tillganglighet`, { redirect: "manual" })).status).toBe(200)
    const post = await fetch(`${base}/`, { method: "POST", body: "x=1", redirect: "manual" })
    expect(post.status).toBe(405)
  })

  it("writes one access line per request: time, user or anonym, method, path, status; never a cookie", async () => {
    const agent = new UserAgent()
    const before = accessLines.length
    await agent.request(`${base}/halsa`)
    await signInAs(agent, "anna", "/moten")
    const lines = accessLines.slice(before)
    expect(lines[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z anonym GET \/halsa 200 \d+ms$/)
    expect(lines.some((line) => / anonym GET \/moten 302 /.test(line))).toBe(true)
    expect(lines.some((line) => / anonym GET \/inloggning\?till=%2Fmoten 302 /.test(line))).toBe(true)
    expect(lines.some((line) => / anna@example\.se GET \/inloggning\/svar\?code=\[dolt\]&state=\[dolt\]&iss=.* 302 /.test(line))).toBe(true)
    expect(lines.some((line) => / anna@example\.se GET \/moten 200 /.test(line))).toBe(true)
    const cookie = agent.cookie("127.0.0.1", sessionCookie)!
    for (const line of accessLines) {
      expect(line.split(" ")).toHaveLength(6)
      expect(line).not.toContain(cookie.value)
      expect(line).not.toContain(provider.clientSecret)
    }
  })
})

describe("the sign-in pages in Chromium, signed in through the real provider's form", () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launch()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
  })

  /** Opens `path` in a fresh browser, signs in as `user` on the provider's form, and returns the page it lands on. */
  const signInInBrowser = async (user: keyof typeof OidcProvider.users, path: string) => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "sv-SE" })
    const page = await context.newPage()
    await page.goto(`${base}${path}`)
    expect(page.url().startsWith(provider.issuer)).toBe(true)
    await page.fill('input[name="login"]', user)
    await page.fill('input[name="password"]', "valfritt")
    const landed = page.waitForResponse((response) => response.url().startsWith(`${base}/`) && response.request().resourceType() === "document" && response.status() !== 302)
    await page.click('button[type="submit"]')
    return { context, page, response: await landed }
  }

  /** Zero axe violations (WCAG 2.1 AA, any impact), and nothing overflows at a phone's width. */
  const expectAccessible = async (page: Page) => {
    expect(await page.locator("h1").count()).toBe(1)
    expect(await page.locator("html").getAttribute("lang")).toBe("sv")
    expect(await axe(page)).toEqual([])
    await page.setViewportSize({ width: 390, height: 844 })
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true)
  }

  it("the 403 page for a user without the group passes axe", async () => {
    const { context, page, response } = await signInInBrowser("bert", "/uppdrag")
    expect(response.status()).toBe(403)
    await page.waitForLoadState("load")
    expect(await page.locator("h1").textContent()).toBe("Ingen behörighet")
    await expectAccessible(page)
    await context.close()
  })

  it("the signed-out page passes axe", async () => {
    const { context, page, response } = await signInInBrowser("anna", "/uppdrag")
    expect(response.status()).toBe(200)
    const out = await page.goto(`${base}/utloggning`)
    expect(out?.status()).toBe(200)
    expect(await page.locator("h1").textContent()).toBe("Du är utloggad")
    await expectAccessible(page)
    await context.close()
  })

  it("the page for a failed sign-in passes axe", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "sv-SE" })
    const page = await context.newPage()
    const stray = await page.goto(`${base}/inloggning/svar?code=abc&state=def`)
    expect(stray?.status()).toBe(400)
    expect(await page.locator("h1").textContent()).toContain("Inloggningen misslyckades")
    await expectAccessible(page)
    await context.close()
    failures.length = 0
  })
})

describe("Config.fromEnvironment", () => {
  const full = {
    UPPDRAG_OIDC_ISSUER: "https://login.example.se/realms/uppdrag",
    UPPDRAG_OIDC_CLIENT_ID: "uppdrag",
    UPPDRAG_OIDC_CLIENT_SECRET: "hemlig-klientnyckel-123",
    UPPDRAG_OIDC_ALLOWED: "groups=uppdrag-lasare,uppdrag-handlaggare",
    UPPDRAG_PUBLIC_URL: "https://uppdrag.example.se"
  }

  it("is off when no UPPDRAG_OIDC_* variable is set", () => {
    expect(Config.fromEnvironment({ PATH: "/usr/bin", UPPDRAG_PUBLIC_URL: "https://x.example.se" })).toEqual(Result.succeed(undefined))
  })

  it("reads a full configuration: https gives Secure cookies, a missing key is generated for the process", () => {
    const config = Result.getOrThrow(Config.fromEnvironment(full, () => "genererad-nyckel"))!
    expect(config.issuer.href).toBe("https://login.example.se/realms/uppdrag")
    expect(config.allowed).toEqual({ claim: "groups", values: ["uppdrag-lasare", "uppdrag-handlaggare"] })
    expect(config.scopes).toBe("openid email profile")
    expect(config.sessionHours).toBe(8)
    expect(config.secureCookies).toBe(true)
    expect(config.sessionKey).toBe("genererad-nyckel")
    expect(config.sessionKeyGenerated).toBe(true)
    expect(Config.redirectUri(config)).toBe("https://uppdrag.example.se/inloggning/svar")
    expect(Session.cookieName(config.secureCookies)).toBe("__Host-uppdrag-session")
  })

  it("names each bad or missing variable in Swedish and never prints the secret", () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ ...full, UPPDRAG_OIDC_CLIENT_ID: "" }, "UPPDRAG_OIDC_CLIENT_ID: saknas"],
      [{ ...full, UPPDRAG_PUBLIC_URL: "" }, "UPPDRAG_PUBLIC_URL: saknas"],
      [{ ...full, UPPDRAG_OIDC_ISSUER: "http://login.example.se" }, "UPPDRAG_OIDC_ISSUER: ska börja med https://"],
      [{ ...full, UPPDRAG_OIDC_ISSUER: "inte en adress" }, "UPPDRAG_OIDC_ISSUER: \"inte en adress\" är ingen adress"],
      [{ ...full, UPPDRAG_PUBLIC_URL: "https://example.se/uppdrag" }, "UPPDRAG_PUBLIC_URL: ska vara webbvyns adress utan sökväg"],
      [{ ...full, UPPDRAG_OIDC_ALLOWED: "uppdrag-lasare" }, "UPPDRAG_OIDC_ALLOWED: ska vara anspråk=värde"],
      [{ ...full, UPPDRAG_OIDC_SCOPES: "email profile" }, "UPPDRAG_OIDC_SCOPES: ska innehålla openid"],
      [{ ...full, UPPDRAG_SESSION_KEY: "kort" }, "UPPDRAG_SESSION_KEY: ska vara minst 32 tecken"],
      [{ ...full, UPPDRAG_SESSION_HOURS: "0" }, "UPPDRAG_SESSION_HOURS: ska vara ett heltal timmar, 1–168"]
    ]
    for (const [env, expected] of cases) {
      const read = Config.fromEnvironment(env)
      expect(Result.isFailure(read), expected).toBe(true)
      const lines = Result.isFailure(read) ? read.failure : []
      expect(lines.some((line) => line.startsWith(expected)), `${expected} in ${lines.join(" | ")}`).toBe(true)
      expect(lines.join("\n")).not.toContain(full.UPPDRAG_OIDC_CLIENT_SECRET)
    }
    const { UPPDRAG_OIDC_CLIENT_SECRET: _secret, ...withoutSecret } = full
    const read = Config.fromEnvironment(withoutSecret)
    expect(Result.isFailure(read) && read.failure).toEqual(["UPPDRAG_OIDC_CLIENT_SECRET: saknas (krävs när inloggning är konfigurerad)"])
  })

  it("allows plain http only for an address on this machine, and then sets no Secure cookies", () => {
    const config = Result.getOrThrow(Config.fromEnvironment({ ...full, UPPDRAG_OIDC_ISSUER: "http://127.0.0.1:8080", UPPDRAG_PUBLIC_URL: "http://localhost:3000" }))!
    expect(config.secureCookies).toBe(false)
    expect(Session.cookieName(config.secureCookies)).toBe("uppdrag-session")
  })

  it("fails to start, naming UPPDRAG_OIDC_ISSUER, when the provider does not answer", async () => {
    const port = await OidcProvider.freePort()
    const config = Result.getOrThrow(Config.fromEnvironment({ ...full, UPPDRAG_OIDC_ISSUER: `http://127.0.0.1:${port}` }))!
    const discovered = await SignIn.discover(config, { timeoutSeconds: 5 })
    expect(Result.isFailure(discovered)).toBe(true)
    const lines = Result.isFailure(discovered) ? discovered.failure : []
    expect(lines[0]).toContain(`UPPDRAG_OIDC_ISSUER: inloggningstjänsten http://127.0.0.1:${port}/ kunde inte läsas`)
    expect(lines.join("\n")).not.toContain(full.UPPDRAG_OIDC_CLIENT_SECRET)
  })
})

describe("Session over https", () => {
  it("is __Host-uppdrag-session, Secure, HttpOnly, SameSite=Lax, and reads back only while unexpired", async () => {
    let clock = 1_800_000_000
    const cookies: Session.Cookies = { key: "k".repeat(32), secure: true, sessionSeconds: 3600, now: () => clock }
    const app = new Hono()
    app.get("/start", async (c) => {
      await Session.start(c, cookies, { sub: "anna", email: "anna@example.se" })
      await Session.startPending(c, cookies, "/inloggning", { state: "s", nonce: "n", verifier: "v".repeat(43), returnTo: "/" })
      return c.text("ok")
    })
    app.get("/las", async (c) => c.json((await Session.read(c, cookies)) ?? null))
    const started = await app.request("/start")
    const [session = "", pending = ""] = started.headers.getSetCookie()
    expect(session).toMatch(/^__Host-uppdrag-session=[^;]+; Max-Age=3600; Path=\/; HttpOnly; Secure; SameSite=Lax$/)
    expect(pending).toMatch(/^__Secure-uppdrag-inloggning=[^;]+; Max-Age=600; Path=\/inloggning; HttpOnly; Secure; SameSite=Lax$/)
    const cookie = session.split(";")[0]!
    expect(await (await app.request("/las", { headers: { cookie } })).json()).toEqual({ sub: "anna", email: "anna@example.se", expires: 1_800_003_600 })
    // Without the prefix the same value is not the session: a cookie another host or path could have set is ignored.
    expect(await (await app.request("/las", { headers: { cookie: cookie.replace("__Host-", "") } })).json()).toBeNull()
    clock += 3600
    expect(await (await app.request("/las", { headers: { cookie } })).json()).toBeNull()
  })
})

describe("Allowed", () => {
  it("admits by a single claim value or by membership of a list claim", () => {
    const rule = Result.getOrThrow(Allowed.parse("email_verified=true"))
    expect(Allowed.permits(rule, { email_verified: true })).toBe(true)
    expect(Allowed.permits(rule, { email_verified: false })).toBe(false)
    expect(Allowed.permits(rule, {})).toBe(false)
  })

  it("admits exactly when the claim holds one of the values (property)", () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/)
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 4 }), fc.array(name, { maxLength: 6 }), (values, groups) => {
        const rule = Result.getOrThrow(Allowed.parse(`groups=${values.join(",")}`))
        expect(Allowed.permits(rule, { groups })).toBe(groups.some((group) => values.includes(group)))
      }),
      { numRuns: 200 }
    )
  })
})

describe("Exposure", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.1.2.3", true],
    ["localhost", true],
    ["::1", true],
    ["[::1]", true],
    ["::ffff:127.0.0.1", true],
    ["0.0.0.0", false],
    ["::", false],
    ["192.168.1.10", false],
    ["::ffff:10.0.0.1", false],
    ["uppdrag.example.se", false]
  ])("isLoopback(%s) is %s", (host, loopback) => {
    expect(Exposure.isLoopback(host)).toBe(loopback)
  })

  it("requires sign-in off loopback unless told --utan-inloggning", () => {
    expect(Exposure.decide({ host: "0.0.0.0", configured: false, withoutSignIn: false })._tag).toBe("Refused")
    expect(Exposure.decide({ host: "127.0.0.1", configured: false, withoutSignIn: false })).toEqual({ _tag: "Open", warnings: [] })
    expect(Exposure.decide({ host: "127.0.0.1", configured: true, withoutSignIn: false })._tag).toBe("SignIn")
    expect(Exposure.decide({ host: "0.0.0.0", configured: true, withoutSignIn: false })._tag).toBe("SignIn")
    const open = Exposure.decide({ host: "0.0.0.0", configured: true, withoutSignIn: true })
    expect(open._tag).toBe("Open")
    expect(open._tag === "Open" && open.warnings).toHaveLength(2)
  })
})

describe("AccessLog", () => {
  it("hides every secret-looking parameter and keeps the rest", () => {
    expect(AccessLog.redact(new URL("http://x/inloggning/svar?code=abc&state=def&iss=http%3A%2F%2Fp"))).toBe("/inloggning/svar?code=[dolt]&state=[dolt]&iss=http%3A%2F%2Fp")
    expect(AccessLog.redact(new URL("http://x/?datum=2026-11-23&access_token=t"))).toBe("/?datum=2026-11-23&access_token=[dolt]")
  })

  it("always writes six fields, whatever the user's name or path (property)", () => {
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: undefined }), fc.webPath(), fc.webQueryParameters(), fc.integer({ min: 100, max: 599 }), (user, path, query, status) => {
        const url = new URL(`http://x${path.startsWith("/") ? path : `/${path}`}${query === "" ? "" : `?${query}`}`)
        const line = AccessLog.format({ time: new Date(0), user, method: "GET", target: AccessLog.redact(url), status, milliseconds: 1.4 })
        expect(line.split(" ")).toHaveLength(6)
        expect(line.endsWith(` ${status} 1ms`)).toBe(true)
      }),
      { numRuns: 300 }
    )
  })
})

describe("/halsa", () => {
  it("reports an event log that fails as unavailable (503), with nothing else", async () => {
    const memory = EventLog.makeMemory()
    const failing: EventLog.Shape = { ...memory, count: Effect.fail(new EventLogError({ location: "test.db", reason: { _tag: "Unavailable", cause: "databasen svarar inte" } })) }
    const lines: Array<string> = []
    const site = makeSite({ eventLog: failing, log: (line) => lines.push(line) })
    const app = Gate.make(WebApp.make(site), { eventLog: Health.eventLogOf(site) })
    const response = await app.request("/halsa")
    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({ status: "unavailable", version: Health.version, eventLog: "unavailable" })
    expect(lines.some((line) => line.startsWith("Hälsokontroll: händelseloggen svarar inte"))).toBe(true)
    site.stop()
  })

  it("reports a connected log that answers as ok", async () => {
    const site = makeSite({ eventLog: EventLog.makeMemory() })
    const app = Gate.make(WebApp.make(site), { eventLog: Health.eventLogOf(site) })
    expect(await (await app.request("/halsa")).json()).toEqual({ status: "ok", version: Health.version, eventLog: "ok" })
    site.stop()
  })

  it("without sign-in the pages are open and the access log says anonym", async () => {
    const lines: Array<string> = []
    const site = makeSite()
    const app = Gate.make(WebApp.make(site), { accessLog: (line) => lines.push(line), eventLog: Health.eventLogOf(site) })
    const page = await app.request("/uppdrag")
    expect(page.status).toBe(200)
    expect(await page.text()).not.toContain("/utloggning")
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/ anonym GET \/uppdrag 200 \d+ms$/)
  })
})
