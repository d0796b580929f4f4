import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { launch as launchCommand, stop } from "./support/Serving.js"
// The web package's real OpenID provider (oidc-provider on 127.0.0.1) and browser-like client.
import * as OidcProvider from "../../web/test/support/OidcProvider.js"
import { UserAgent } from "../../web/test/support/UserAgent.js"

// `uppdrag serve` as an operator starts it: the built CLI, configured by the environment.
const bin = fileURLToPath(new URL("../dist/bin.cjs", import.meta.url))
const webVersion = (JSON.parse(readFileSync(new URL("../../web/package.json", import.meta.url), "utf8")) as { version: string }).version
const dir = mkdtempSync(join(tmpdir(), "uppdrag-cli-signin-"))
const baseEnv: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1" }
for (const name of Object.keys(baseEnv)) if (name === "DATABASE_URL" || name.startsWith("UPPDRAG_")) delete baseEnv[name]

afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Starts `uppdrag serve …` and resolves once it listens, with the port it printed. */
const launch = (args: ReadonlyArray<string>, env: Record<string, string | undefined> = {}) => launchCommand(["serve", ...args], { cwd: dir, env: { ...baseEnv, ...env } })

const run = (args: ReadonlyArray<string>, env: Record<string, string | undefined> = {}) =>
  spawnSync(process.execPath, [bin, "serve", ...args], { cwd: dir, env: { ...baseEnv, ...env }, encoding: "utf8", timeout: 60_000 })

describe("uppdrag serve on a network address", { timeout: 120_000 }, () => {
  it("refuses 0.0.0.0 without sign-in configured: a usage error (exit 2) in Swedish naming the way out", () => {
    const result = run(["--host", "0.0.0.0", "--port", "0"])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain("Webbvyn startas inte på 0.0.0.0")
    expect(result.stderr).toContain("UPPDRAG_OIDC_ISSUER")
    expect(result.stderr).toContain("--utan-inloggning")
    expect(result.stdout).not.toContain("Webbvyn körs")
  })

  it("uppdrag start refuses 0.0.0.0 the same way, before it creates the database", () => {
    const db = join(dir, "start", "uppdrag.db")
    const result = spawnSync(process.execPath, [bin, "start", "--host", "0.0.0.0", "--port", "0", "--db", db, "--as-of", "2026-11-23"], { cwd: dir, env: baseEnv, encoding: "utf8", timeout: 60_000 })
    expect(result.status).toBe(2)
    expect(result.stderr).toContain("Webbvyn startas inte på 0.0.0.0")
    expect(existsSync(db)).toBe(false)
  })

  it("serves 0.0.0.0 with --utan-inloggning, warning on stderr; /halsa answers and every request is in the access log", async () => {
    const { child, port, stdout, stderr } = await launch(["--host", "0.0.0.0", "--port", "0", "--utan-inloggning"])
    try {
      expect(stdout()).toContain("utan inloggning")
      expect(stderr()).toContain("Varning: webbvyn lyssnar på 0.0.0.0 utan inloggning")
      const health = await fetch(`http://127.0.0.1:${port}/halsa`)
      expect(health.status).toBe(200)
      expect(await health.json()).toEqual({ status: "ok", version: webVersion, eventLog: "not-connected" })
      const page = await fetch(`http://127.0.0.1:${port}/uppdrag`, { redirect: "manual" })
      expect(page.status).toBe(200)
      expect(await page.text()).not.toContain("/utloggning")
      // The lines reach stderr once the response is written.
      await expect.poll(stderr, { timeout: 30_000 }).toMatch(/Z anonym GET \/uppdrag 200 \d+ms\n/)
      expect(stderr()).toMatch(/Z anonym GET \/halsa 200 \d+ms\n/)
    } finally {
      expect(await stop(child)).toBe(0)
    }
  })

  it("refuses a bad sign-in configuration (exit 1), naming each variable and never printing the secret", () => {
    const secret = "hemlig-klientnyckel-som-inte-far-synas"
    const result = run(["--port", "0"], {
      UPPDRAG_OIDC_ISSUER: "http://login.example.se",
      UPPDRAG_OIDC_CLIENT_SECRET: secret,
      UPPDRAG_OIDC_ALLOWED: "groups",
      UPPDRAG_PUBLIC_URL: "https://uppdrag.example.se"
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain("Inloggningen är felaktigt konfigurerad:")
    expect(result.stderr).toContain("UPPDRAG_OIDC_ISSUER: ska börja med https://")
    expect(result.stderr).toContain("UPPDRAG_OIDC_CLIENT_ID: saknas")
    expect(result.stderr).toContain("UPPDRAG_OIDC_ALLOWED: ska vara anspråk=värde")
    expect(result.stderr).not.toContain(secret)
    expect(result.stdout).not.toContain(secret)
  })

  it("refuses an access log file it cannot write (exit 1)", () => {
    const result = run(["--port", "0", "--access-log", join(dir, "finns-inte", "atkomst.log")])
    expect(result.status).toBe(1)
    expect(result.stderr).toContain("--access-log:")
    expect(result.stderr).toContain("kan inte öppnas för skrivning: katalogen finns inte")
  })
})

describe("uppdrag serve with sign-in against a real OpenID provider", { timeout: 120_000 }, () => {
  let provider: OidcProvider.TestProvider
  let port: number
  beforeAll(async () => {
    port = await OidcProvider.freePort()
    provider = await OidcProvider.start({ redirectUri: `http://127.0.0.1:${port}/inloggning/svar` })
  }, 120_000)
  afterAll(async () => {
    await provider?.close()
  })

  it("starts on 0.0.0.0, sends visitors to the provider, admits the user with the group and logs who opened what to the file", async () => {
    const accessLog = join(dir, "atkomst.log")
    const { child, stdout, stderr } = await launch(["--host", "0.0.0.0", "--port", String(port), "--access-log", accessLog], {
      UPPDRAG_OIDC_ISSUER: provider.issuer,
      UPPDRAG_OIDC_CLIENT_ID: provider.clientId,
      UPPDRAG_OIDC_CLIENT_SECRET: provider.clientSecret,
      UPPDRAG_OIDC_ALLOWED: OidcProvider.allowed,
      UPPDRAG_OIDC_SCOPES: "openid email profile groups",
      UPPDRAG_PUBLIC_URL: `http://127.0.0.1:${port}`
    })
    try {
      expect(stdout()).toContain(`inloggning via ${provider.issuer}/`)
      // No UPPDRAG_SESSION_KEY: the consequence is stated.
      expect(stderr()).toContain("UPPDRAG_SESSION_KEY är inte satt")
      const base = `http://127.0.0.1:${port}`
      const agent = new UserAgent()
      const anonymous = await agent.request(`${base}/?datum=2026-11-23`)
      expect(anonymous.status).toBe(302)
      const toProvider = await agent.navigate(`${base}/?datum=2026-11-23`)
      const back = await agent.submit(toProvider.at(-1)!, { login: "anna", password: "valfritt" })
      const landed = back.at(-1)!
      expect(landed.url).toBe(`${base}/?datum=2026-11-23`)
      expect(landed.status).toBe(200)
      expect(landed.body).toContain("<h1>Översikt</h1>")
      expect(landed.body).toContain('href="/utloggning"')
      // Bert lacks the group.
      const other = new UserAgent()
      const refused = (await other.submit((await other.navigate(`${base}/uppdrag`)).at(-1)!, { login: "bert", password: "valfritt" })).at(-1)!
      expect(refused.status).toBe(403)
      expect(refused.body).toContain("Ingen behörighet")
      const health = await fetch(`${base}/halsa`)
      expect(health.status).toBe(200)
      await expect.poll(() => readFileSync(accessLog, "utf8"), { timeout: 30_000 }).toMatch(/ bert@example\.se GET \/inloggning\/svar\?code=\[dolt\]&state=\[dolt\]&iss=\S+ 403 \d+ms\n/)
      const lines = readFileSync(accessLog, "utf8")
      expect(lines).toMatch(/ anonym GET \/\?datum=2026-11-23 302 \d+ms\n/)
      expect(lines).toMatch(/ anna@example\.se GET \/\?datum=2026-11-23 200 \d+ms\n/)
      expect(lines).not.toContain(provider.clientSecret)
      // Access lines go to the file, not to stderr.
      expect(stderr()).not.toContain("GET /")
    } finally {
      expect(await stop(child)).toBe(0)
    }
  })
})
