import { spawnSync } from "node:child_process"
import { chmodSync, closeSync, mkdirSync, openSync, writeSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import BetterSqlite3 from "better-sqlite3"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { assertBuilt, cleanUp, expectRefused, refusedUnchanged, workspace } from "./Corpus.js"

// Driver and database failures, made for real: one Swedish message each
// (issue 15: SQLITE_FULL, ECONNREFUSED … reached the user in English), the
// driver's words only under --verbose, the database and every other file
// unchanged, no stack trace.

beforeAll(assertBuilt)
afterAll(cleanUp)

const requisition = (db: string): Array<string> => ["record", "requisition", "--grant", "specialiserad-psykiatri-2026", "--region", "03", "--amount", "100", "--date", "2026-04-15", "--by", "handläggare", "--db", db]

/** A database with the schema and no events, made by the CLI itself. */
const initialised = (ws: ReturnType<typeof workspace>, name: string): string => {
  const run = ws.uppdrag(["db", "init", "--db", name])
  expect(run.code).toBe(0)
  return join(ws.dir, name)
}

describe("SQLite failures: exit 1, one Swedish message, the English only under --verbose", () => {
  it("a file that is not a database", () => {
    const ws = workspace()
    ws.file("anteckningar.db", "det här är text, ingen databas\n".repeat(100))
    const plain = refusedUnchanged(ws, requisition("anteckningar.db"), 1, /^anteckningar\.db: databasen kan inte öppnas: filen är ingen SQLite-databas\n$/)
    expect(plain.stderr).not.toMatch(/SQLITE|not a database/)
    refusedUnchanged(ws, ["--verbose", ...requisition("anteckningar.db")], 1, /filen är ingen SQLite-databas\nDetalj: file is not a database \(SQLITE_NOTADB\)/)
    refusedUnchanged(ws, ["deadlines", "--db", "anteckningar.db"], 1, /^anteckningar\.db: databasen kan inte öppnas: filen är ingen SQLite-databas$/m)
  })

  it("a path that is a folder", () => {
    const ws = workspace()
    mkdirSync(join(ws.dir, "mapp.db"))
    refusedUnchanged(ws, ["ledger", "--grant", "specialiserad-psykiatri-2026", "--db", "mapp.db"], 1, /^mapp\.db: databasen kan inte öppnas: databasfilen kan inte öppnas: mappen finns inte, sökvägen är en mapp, eller filen får inte läsas$/m)
  })

  it("a damaged database", () => {
    const ws = workspace()
    const db = initialised(ws, "skadad.db")
    const raw = new BetterSqlite3(db)
    raw.pragma("journal_mode = DELETE")
    raw.close()
    // Keep the 100-byte header, overwrite the schema's pages.
    const fd = openSync(db, "r+")
    writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, 100)
    closeSync(fd)
    refusedUnchanged(ws, ["deadlines", "--db", "skadad.db"], 1, /^skadad\.db: (databasen är skadad: databasfilen är skadad; återställ den från en säkerhetskopia|databasen kan inte öppnas: (databasfilen är skadad; återställ den från en säkerhetskopia|filen är ingen SQLite-databas))$/m)
  })

  it("a database another writer holds locked: refused after the 15-second wait, nothing stored", { timeout: 90_000 }, () => {
    const ws = workspace()
    const db = initialised(ws, "last.db")
    const other = new BetterSqlite3(db)
    other.exec("BEGIN EXCLUSIVE")
    try {
      const run = ws.uppdrag(requisition("last.db"))
      expectRefused(run, 1, /^last\.db: databasfel: databasen är låst av en annan skrivning som inte blev klar inom 15 sekunder; försök igen\n$/)
    } finally {
      other.exec("ROLLBACK")
      other.close()
    }
    const count = new BetterSqlite3(db, { readonly: true })
    expect(count.prepare("SELECT count(*) AS n FROM event").get()).toEqual({ n: 0 })
    count.close()
  })
})

// A read-only file or folder, and a full disk. As an ordinary user chmod makes the folder read-only; as
// root (who may write anyway) both are made in a private mount namespace with a tiny tmpfs, when the
// system allows one (`unshare -rm`). The fingerprint is then taken inside the namespace.
const bin = fileURLToPath(new URL("../../dist/bin.cjs", import.meta.url))
const isRoot = process.getuid?.() === 0
const canUnshare = spawnSync("unshare", ["-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"], { encoding: "utf8" }).status === 0

/** Runs `script` in a shell in its own mount namespace with a tmpfs of `size` on `folder` (made in the workspace). */
const inTmpfs = (ws: ReturnType<typeof workspace>, size: string, script: string) => {
  const folder = join(ws.dir, "monterad")
  mkdirSync(folder)
  const result = spawnSync("unshare", ["-rm", "sh", "-c", `mount -t tmpfs -o size=${size} tmpfs "$M" && cd "$M" && ${script}`], {
    encoding: "utf8",
    env: { ...process.env, M: folder, W: ws.dir, UPPDRAG: `${process.execPath} ${bin}`, NO_COLOR: "1", DATABASE_URL: "", UPPDRAG_DB: "" }
  })
  return result
}

// Prints the refusal's stderr (kept outside the mount, which is full or read-only) between markers, and whether the database's bytes changed.
const refusedInside = (prepare: string) =>
  `$UPPDRAG db init --db x.db >/dev/null && ${prepare} && before=$(sha256sum x.db) && ` +
  `$UPPDRAG record requisition --grant specialiserad-psykiatri-2026 --region 03 --amount 100 --date 2026-04-15 --by a --db x.db 2>"$W/err" >"$W/out"; code=$?; ` +
  `echo "code=$code"; echo "stdout=$(cat "$W/out" | wc -c)"; [ "$before" = "$(sha256sum x.db)" ] && echo unchanged; echo ---; cat "$W/err"`

describe.skipIf(isRoot && !canUnshare)("read-only database and full disk", () => {
  it("a read-only folder: refused in Swedish, nothing written", () => {
    const ws = workspace()
    if (!isRoot) {
      initialised(ws, "ro/x.db")
      chmodSync(join(ws.dir, "ro/x.db"), 0o444)
      chmodSync(join(ws.dir, "ro"), 0o555)
      try {
        refusedUnchanged(ws, requisition("ro/x.db"), 1, /^ro\/x\.db: databasen kan inte öppnas: databasen är skrivskyddad: filen eller mappen får inte ändras av den här användaren\n$/)
      } finally {
        chmodSync(join(ws.dir, "ro"), 0o755)
      }
      return
    }
    const result = inTmpfs(ws, "1m", refusedInside('mount -o remount,ro "$M"'))
    const [head, stderr] = result.stdout.split("---\n")
    expect(head).toBe("code=1\nstdout=0\nunchanged\n")
    expectRefused({ code: 1, stdout: "", stderr: stderr ?? "" }, 1, /^x\.db: databasen kan inte öppnas: databasen är skrivskyddad: filen eller mappen får inte ändras av den här användaren\n$/)
  })

  it.skipIf(!canUnshare)("a full disk: refused in Swedish, nothing written", () => {
    const ws = workspace()
    const result = inTmpfs(ws, "300k", refusedInside("(dd if=/dev/zero of=fyllnad bs=4k 2>/dev/null; true)"))
    const [head, stderr] = result.stdout.split("---\n")
    expect(head).toBe("code=1\nstdout=0\nunchanged\n")
    expectRefused({ code: 1, stdout: "", stderr: stderr ?? "" }, 1, /^x\.db: (databasen kan inte öppnas|databasfel): disken är full \(eller databasen har nått sin största tillåtna storlek\); frigör utrymme och försök igen\n$/)
  })
})

// PostgreSQL (DATABASE_URL is set in CI): a database that does not exist, a closed port.
const server = process.env.DATABASE_URL
describe.skipIf(server === undefined || server === "")("PostgreSQL failures", () => {
  it("a database that does not exist", () => {
    const url = new URL(server!)
    url.pathname = "/uppdrag_finns_inte_15"
    const ws = workspace()
    refusedUnchanged(ws, ["ledger", "--grant", "specialiserad-psykiatri-2026"], 1, /uppdrag_finns_inte_15: databasen kan inte öppnas: databasen i DATABASE_URL finns inte på PostgreSQL-servern; skapa den först \(createdb\)$/m, {
      env: { DATABASE_URL: url.href }
    })
  })

  it("a closed port, with --verbose the driver's ECONNREFUSED", () => {
    const url = new URL(server!)
    url.hostname = "127.0.0.1"
    url.port = "1"
    const ws = workspace()
    refusedUnchanged(ws, ["--verbose", "db", "migrate"], 1, /databasen kan inte öppnas: PostgreSQL-servern svarar inte; kontrollera värd och port i DATABASE_URL och att servern är igång\nDetalj: .*ECONNREFUSED/, {
      env: { DATABASE_URL: url.href }
    })
  })
})
