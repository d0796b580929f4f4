import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import BetterSqlite3 from "better-sqlite3"
import { EventLog } from "@uppdrag/application"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { afterAll, describe, expect, it } from "vitest"
import { Store } from "../src/index.js"
import { storeContract } from "./contract.js"

const folder = mkdtempSync(join(tmpdir(), "uppdrag-store-"))
let n = 0
afterAll(() => rmSync(folder, { recursive: true, force: true }))

storeContract({
  name: "SQLite",
  runs: 20,
  fresh: async () => ({ kind: "sqlite", path: join(folder, `db-${++n}`, "uppdrag.db") }),
  raw: async (location, statement) => {
    if (location.kind !== "sqlite") throw new Error("SQLite expected")
    const db = new BetterSqlite3(location.path)
    try {
      db.exec(statement)
    } finally {
      db.close()
    }
  }
})

describe("SQLite specifics", () => {
  it("layerOnFirstUse creates nothing until a use case reads, then opens once; a failed open is the EventLogError of the first call", async () => {
    const path = join(folder, "lat", "uppdrag.db")
    const unused = Effect.gen(function* () {
      return (yield* EventLog.EventLog).location
    })
    expect(await Effect.runPromise(unused.pipe(Effect.provide(Store.layerOnFirstUse({ kind: "sqlite", path }))))).toBe(path)
    expect(existsSync(path)).toBe(false)
    const used = Effect.gen(function* () {
      const log = yield* EventLog.EventLog
      return [yield* log.count, yield* log.head]
    })
    expect(await Effect.runPromise(used.pipe(Effect.provide(Store.layerOnFirstUse({ kind: "sqlite", path }))))).toEqual([0, 0])
    expect(existsSync(path)).toBe(true)
    const missing = await Effect.runPromise(Effect.flip(used).pipe(Effect.provide(Store.layerOnFirstUse({ kind: "sqlite", path: join(folder, "saknas-lat", "x.db") }, { readOnly: true }))))
    expect(missing._tag === "EventLogError" && missing.reason._tag).toBe("Unavailable")
  })

  it("read-only never creates a missing file", async () => {
    const path = join(folder, "saknas", "uppdrag.db")
    const opened = await Store.open({ kind: "sqlite", path }, { readOnly: true })
    expect(Result.isFailure(opened) && opened.failure.reason._tag).toBe("Unavailable")
    expect(existsSync(path)).toBe(false)
  })

  it("creates the file and its folders, in WAL mode with foreign keys on", async () => {
    const path = join(folder, "ny", "mapp", "uppdrag.db")
    const opened = await Store.open({ kind: "sqlite", path })
    expect(Result.isSuccess(opened)).toBe(true)
    if (Result.isSuccess(opened)) await opened.success.close()
    const db = new BetterSqlite3(path)
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal")
    expect(() => db.exec("PRAGMA foreign_keys = ON; INSERT INTO event (seq, type, assignment_id, business_date, recorded_by, recorded_at, source_note, reverses) VALUES (1, 'reversal', 'a', '2026-01-01', 'x', 'x', '', 42)")).toThrow(/FOREIGN KEY/)
    db.close()
  })

  it("a file that is not a database is refused with a message naming it", async () => {
    const path = join(folder, "inte-en-databas.db")
    const { writeFileSync } = await import("node:fs")
    writeFileSync(path, "det här är text, ingen databas ".repeat(200))
    const opened = await Store.open({ kind: "sqlite", path })
    expect(Result.isFailure(opened)).toBe(true)
    if (Result.isFailure(opened)) {
      expect(opened.failure.reason._tag).toBe("Unavailable")
      expect(opened.failure.message).toContain(`${path}: databasen kan inte öppnas`)
    }
  })
})
