import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import { Store } from "../src/index.js"

// Real PostgreSQL failures (DATABASE_URL is set in CI, see .ci/run): each
// refused in Swedish, the password never in the message or the detail.
const url = process.env.DATABASE_URL

const failureOf = async (location: Store.Location) => {
  const opened = await Store.open(location)
  if (Result.isSuccess(opened)) {
    await opened.success.close()
    throw new Error("opened")
  }
  return opened.failure
}

const detailOf = (failure: Awaited<ReturnType<typeof failureOf>>): string =>
  failure.reason._tag === "Unavailable" ? (failure.reason.detail ?? "") : ""

describe.skipIf(url === undefined)("DriverFailure over real PostgreSQL", () => {
  const base = new URL(url ?? "postgres://localhost/x")

  it("a wrong password: WrongPassword, the password shown nowhere", { timeout: 30_000 }, async () => {
    const wrong = new URL(base)
    wrong.password = "fel-Lösen@rd-4711"
    const failure = await failureOf({ kind: "postgres", url: wrong.href })
    expect(failure.message).toMatch(/databasen kan inte öppnas: PostgreSQL godtar inte användaren eller lösenordet i DATABASE_URL$/)
    expect(detailOf(failure)).toMatch(/28P01|password authentication failed/)
    for (const text of [failure.message, detailOf(failure)]) {
      expect(text).not.toContain("4711")
      expect(text).not.toMatch(/L(ö|%C3%B6)sen/)
    }
  })

  it("a database that does not exist: MissingDatabase", { timeout: 30_000 }, async () => {
    const missing = new URL(base)
    missing.pathname = "/uppdrag_finns_inte_15"
    const failure = await failureOf({ kind: "postgres", url: missing.href })
    expect(failure.message).toMatch(/databasen kan inte öppnas: databasen i DATABASE_URL finns inte på PostgreSQL-servern; skapa den först \(createdb\)$/)
    expect(detailOf(failure)).toMatch(/3D000|does not exist/)
  })

  it("a closed port: Unreachable", { timeout: 30_000 }, async () => {
    const closed = new URL(base)
    closed.hostname = "127.0.0.1"
    closed.port = "1"
    const failure = await failureOf({ kind: "postgres", url: closed.href })
    expect(failure.message).toMatch(/databasen kan inte öppnas: PostgreSQL-servern svarar inte; kontrollera värd och port i DATABASE_URL och att servern är igång$/)
    expect(detailOf(failure)).toMatch(/ECONNREFUSED/)
  })
})
