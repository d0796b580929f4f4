import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { assertBuilt, cleanUp, refusedUnchanged, workspace } from "./Corpus.js"

// Secrets never printed (issue 15: "?password=…" was printed whole, a
// password with an unencoded @ leaked its tail). Every form of DATABASE_URL
// a user may write, on commands that read and write, pointed at a port where
// no server listens: the refusal names the server without the password,
// also with --verbose (the driver's own words), and nothing is written.

beforeAll(assertBuilt)
afterAll(cleanUp)

const secret = "Hemligt@4711:x/y?z"
const encoded = encodeURIComponent(secret)

const unreachable = /127\.0\.0\.1:1\/uppdrag[^\n]*: databasen kan inte öppnas: PostgreSQL-servern svarar inte/
const unparsable = /^postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/uppdrag: databasen kan inte öppnas: DATABASE_URL går inte att tolka som adress/m

const forms: ReadonlyArray<readonly [string, string, RegExp?]> = [
  ["user info, unencoded / and ? (no valid URL)", `postgres://app:${secret}@127.0.0.1:1/uppdrag`, unparsable],
  ["user info", "postgres://app:Hemligt4711@127.0.0.1:1/uppdrag"],
  ["user info, percent-encoded", `postgres://app:${encoded}@127.0.0.1:1/uppdrag`],
  ["an unencoded @ in the password", "postgres://app:p@ss4711@127.0.0.1:1/uppdrag"],
  ["?password= alone", `postgres://app@127.0.0.1:1/uppdrag?password=${encoded}`],
  ["&password= among other parameters", `postgresql://app@127.0.0.1:1/uppdrag?sslmode=disable&password=${encoded}&application_name=uppdrag`],
  ["?password= first, unencoded @ and :", "postgres://app@127.0.0.1:1/uppdrag?password=p@ss:4711&sslmode=disable"]
]

const commands: ReadonlyArray<ReadonlyArray<string>> = [
  ["ledger", "--grant", "specialiserad-psykiatri-2026"],
  ["record", "requisition", "--grant", "specialiserad-psykiatri-2026", "--region", "03", "--amount", "100", "--date", "2026-04-15", "--by", "handläggare"],
  ["db", "migrate"]
]

const leaked = (text: string): ReadonlyArray<string> => ["4711", "Hemligt", "p@ss", encoded].filter((piece) => text.includes(piece))

describe("DATABASE_URL with a password in any form and position: refused without showing it", () => {
  for (const [form, url, message = unreachable] of forms) {
    for (const args of commands) {
      for (const verbose of [false, true]) {
        it(`${form}: ${args.slice(0, 2).join(" ")}${verbose ? " --verbose" : ""}`, () => {
          const ws = workspace()
          ws.file("befintlig.txt", "orörd\n")
          const run = refusedUnchanged(ws, verbose ? ["--verbose", ...args] : args, 1, message, {
            env: { DATABASE_URL: url }
          })
          expect(leaked(run.stderr)).toEqual([])
          if (verbose) expect(run.stderr).toMatch(/^Detalj: .*(ECONNREFUSED|ERR_INVALID_URL)/m)
          else expect(run.stderr).not.toMatch(/ECONNREFUSED|ERR_INVALID_URL/)
        })
      }
    }
  }

  it("a DATABASE_URL that is not a PostgreSQL address is refused by name, its password not shown", () => {
    const ws = workspace()
    const run = refusedUnchanged(ws, ["deadlines"], 1, /^miljövariabel: DATABASE_URL: måste vara en PostgreSQL-adress/m, { env: { DATABASE_URL: `mysql://app:${secret}@db/x` } })
    expect(leaked(run.stderr)).toEqual([])
  })
})

// With a real server (DATABASE_URL is set in CI): a wrong password is refused in Swedish and not shown.
const server = process.env.DATABASE_URL
describe.skipIf(server === undefined || server === "")("a wrong password at a real PostgreSQL server", () => {
  it("is refused in Swedish (28P01 only under --verbose), in both URL forms, never shown", () => {
    const base = new URL(server!)
    const inUserInfo = new URL(base)
    inUserInfo.password = encoded
    const inParameter = new URL(base)
    inParameter.password = ""
    inParameter.searchParams.set("password", secret)
    for (const url of [inUserInfo.href, inParameter.href]) {
      const ws = workspace()
      const run = refusedUnchanged(ws, ["--verbose", "ledger", "--grant", "specialiserad-psykiatri-2026"], 1, /databasen kan inte öppnas: PostgreSQL godtar inte användaren eller lösenordet i DATABASE_URL\nDetalj: .*(28P01|password authentication failed)/, {
        env: { DATABASE_URL: url }
      })
      expect(leaked(run.stderr)).toEqual([])
    }
  })
})
