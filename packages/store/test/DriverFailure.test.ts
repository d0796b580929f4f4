import { mkdirSync, mkdtempSync, openSync, rmSync, writeSync, closeSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Event } from "@uppdrag/application"
import BetterSqlite3 from "better-sqlite3"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { afterAll, describe, expect, it } from "vitest"
import { DriverFailure, Store } from "../src/index.js"

// Real SQLite failures, each made the way a user meets it, and the one
// Swedish message it becomes (the driver's English only as `detail`).

const folder = mkdtempSync(join(tmpdir(), "uppdrag-driver-failure-"))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const openFailure = async (path: string) => {
  const opened = await Store.open({ kind: "sqlite", path })
  if (Result.isSuccess(opened)) {
    await opened.success.close()
    throw new Error(`${path} opened`)
  }
  return opened.failure
}

const nothingNeeded = { grants: new Set<string>(), seqs: new Set<number>(), assignments: new Set<string>() }

describe("DriverFailure over real SQLite", () => {
  it("a file that is not a database: Unavailable, 'ingen SQLite-databas', SQLITE_NOTADB only in the detail", async () => {
    const path = join(folder, "text.db")
    writeFileSync(path, "det här är text, ingen databas ".repeat(200))
    const failure = await openFailure(path)
    expect(failure.reason._tag).toBe("Unavailable")
    expect(failure.message).toBe(`${path}: databasen kan inte öppnas: filen är ingen SQLite-databas`)
    expect(failure.reason._tag === "Unavailable" && failure.reason.detail).toMatch(/SQLITE_NOTADB/)
  })

  it("a path that is a folder: Unavailable, cannot open", async () => {
    const path = join(folder, "en-mapp")
    mkdirSync(path)
    const failure = await openFailure(path)
    expect(failure.message).toBe(`${path}: databasen kan inte öppnas: databasfilen kan inte öppnas: mappen finns inte, sökvägen är en mapp, eller filen får inte läsas`)
    expect(failure.reason._tag === "Unavailable" && failure.reason.detail).toMatch(/SQLITE_CANTOPEN/)
  })

  it("a damaged file: Corrupt, with the driver's SQLITE_CORRUPT as detail", async () => {
    const path = join(folder, "skadad.db")
    const seeded = await Store.open({ kind: "sqlite", path })
    if (Result.isFailure(seeded)) throw seeded.failure
    await seeded.success.close()
    // Overwrite the pages after the header (the schema's b-tree) with garbage, keeping the header valid.
    const raw = new BetterSqlite3(path)
    raw.pragma("journal_mode = DELETE")
    raw.close()
    const fd = openSync(path, "r+")
    writeSync(fd, Buffer.alloc(4096 * 3, 0xa5), 0, 4096 * 3, 4096)
    closeSync(fd)
    const opened = await Store.open({ kind: "sqlite", path })
    const failure = Result.isFailure(opened) ? opened.failure : await Effect.runPromise(Effect.flip(opened.success.count))
    expect(failure.message).toMatch(/databasfilen är skadad; återställ den från en säkerhetskopia|filen är ingen SQLite-databas/)
    expect(failure.reason._tag !== "NewerSchema" && failure.reason._tag !== "OlderSchema" && failure.reason.detail).toMatch(/SQLITE_(CORRUPT|NOTADB)/)
  })

  it("a database held by another writer: Locked, after the 15-second busy wait", { timeout: 60_000 }, async () => {
    const path = join(folder, "last.db")
    const opened = await Store.open({ kind: "sqlite", path })
    if (Result.isFailure(opened)) throw opened.failure
    const other = new BetterSqlite3(path)
    other.exec("BEGIN EXCLUSIVE")
    try {
      const failure = await Effect.runPromise(Effect.flip(opened.success.append(nothingNeeded, () => Result.succeed([]))))
      expect(failure.message).toBe(`${path}: databasfel: databasen är låst av en annan skrivning som inte blev klar inom 15 sekunder; försök igen`)
      expect(failure._tag === "EventLogError" && failure.reason._tag === "Database" && failure.reason.detail).toMatch(/SQLITE_BUSY/)
    } finally {
      other.exec("ROLLBACK")
      other.close()
      await opened.success.close()
    }
  })

  it("a full database (PRAGMA max_page_count): the driver's SQLITE_FULL is DiskFull", () => {
    const db = new BetterSqlite3(join(folder, "full.db"))
    db.exec("CREATE TABLE t (x TEXT)")
    db.pragma(`max_page_count = ${db.pragma("page_count", { simple: true })}`)
    let thrown: unknown
    try {
      db.prepare("INSERT INTO t VALUES (?)").run("x".repeat(100_000))
    } catch (error) {
      thrown = error
    } finally {
      db.close()
    }
    const failure = DriverFailure.classify(thrown)
    expect(failure._tag).toBe("DiskFull")
    expect(failure.message).toMatch(/^disken är full/)
    expect(failure.detail).toMatch(/SQLITE_FULL/)
    expect(DriverFailure.reason(thrown)).toEqual({ _tag: "Database", cause: failure.message, detail: failure.detail })
  })

  it("a read-only database refuses a write with the Swedish ReadOnly message", async () => {
    const path = join(folder, "skrivskyddad.db")
    const seeded = await Store.open({ kind: "sqlite", path })
    if (Result.isFailure(seeded)) throw seeded.failure
    await seeded.success.close()
    const reader = await Store.open({ kind: "sqlite", path }, { readOnly: true })
    if (Result.isFailure(reader)) throw new Error(reader.failure.message)
    const event = { type: "requisition", assignment: "a", grant: "g", region: "03", amount: 1, date: "2026-04-15", recordedBy: "test", recordedAt: "2026-04-15T10:00:00.000Z", note: "", reverses: null, obligation: null, payload: null } as const
    const failure = await Effect.runPromise(Effect.flip(reader.success.append(nothingNeeded, ({ nextSeq }) => Result.succeed([{ ...event, seq: nextSeq } as Event.StoredEvent]))))
    await reader.success.close()
    expect(failure.message).toBe(`${path}: databasfel: databasen är skrivskyddad: filen eller mappen får inte ändras av den här användaren`)
  })

  it("an error of uppdrag's own (no driver code) keeps its Swedish message; a driver's English never reaches the message", () => {
    expect(DriverFailure.classify(new RangeError("9007199254740993 är för stort för att läsas exakt")).message).toBe("9007199254740993 är för stort för att läsas exakt")
    const constraint = Object.assign(new Error("CHECK constraint failed: amount >= 0"), { code: "SQLITE_CONSTRAINT_CHECK" })
    expect(DriverFailure.classify(constraint)).toEqual({ _tag: "Other", message: "databasen avvisade åtgärden", detail: "CHECK constraint failed: amount >= 0 (SQLITE_CONSTRAINT_CHECK)" })
  })

  it("passwords in a driver's message are hidden in the detail", () => {
    const echoed = Object.assign(new Error('invalid connection "postgres://app:p@ss@db/x"'), { code: "ECONNREFUSED" })
    expect(DriverFailure.classify(echoed).detail).toBe('invalid connection "postgres://app:***@db/x" (ECONNREFUSED)')
  })
})
