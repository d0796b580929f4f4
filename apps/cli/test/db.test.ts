import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const bin = fileURLToPath(new URL("../dist/bin.cjs", import.meta.url))
const dir = mkdtempSync(join(tmpdir(), "uppdrag-cli-db-"))
const env = { ...process.env, NO_COLOR: "1", DATABASE_URL: "", UPPDRAG_DB: "" }
let n = 0
const freshDb = (): string => join(dir, `db-${++n}`, "uppdrag.db")

const uppdrag = (...args: Array<string>) => {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8", env, maxBuffer: 64 * 1024 * 1024 })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const GRANT = "specialiserad-psykiatri-2026"

/** A database with the Uppsala money flow, a correction and a report, built once and only read. */
let populatedDb: string | undefined
const populated = (): string => {
  if (populatedDb !== undefined) return populatedDb
  const db = freshDb()
  populatedDb = db
  const base = ["--grant", GRANT, "--db", db]
  for (const args of [
    ["requisition", "--region", "03", "--amount", "58203923", "--date", "2026-04-15"],
    ["requisition", "--region", "09", "--amount", "8670310", "--date", "2026-05-18"],
    ["payout", "--region", "03", "--amount", "58203923", "--date", "2026-06-15"],
    ["use", "--region", "03", "--amount", "58000000", "--date", "2026-11-16"],
    ["repayment", "--region", "03", "--amount", "203923", "--date", "2026-11-20"]
  ]) {
    const result = uppdrag("record", ...args, ...base, "--note", "källa, med \"citat\"")
    if (result.code !== 0) throw new Error(result.stderr)
  }
  for (const args of [
    ["reversal", "--event", "2", "--date", "2026-05-19", "--note", "dubbelregistrerad"],
    ["report", "--assignment", GRANT, "--obligation", "delredovisning-2027-05-30", "--date", "2026-11-27"]
  ]) {
    const result = uppdrag("record", ...args, "--db", db)
    if (result.code !== 0) throw new Error(result.stderr)
  }
  return db
}

beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`${bin} saknas: bygg först (node tooling/scripts/pnpm.mjs --filter @uppdrag/cli run build)`)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("uppdrag db init|migrate", () => {
  it("init creates the file and reports the migrations; a second init and migrate find it current", () => {
    const db = freshDb()
    const first = uppdrag("db", "init", "--db", db)
    expect([first.code, first.stderr]).toEqual([0, ""])
    expect(first.stdout).toBe(`Skapade ${db} från schemaversion 0 till 5:\n  1: händelselogg\n  2: endast tillägg och en återföring per händelse\n  3: fastställda datum\n  4: sparade sammanställningar\n  5: publicerade indikatorer\n0 händelser i loggen.\n`)
    expect(existsSync(db)).toBe(true)
    expect(uppdrag("db", "init", "--db", db).stdout).toBe(`${db} har redan den senaste schemaversionen (5).\n0 händelser i loggen.\n`)
    expect(uppdrag("db", "migrate", "--db", db).code).toBe(0)
  })

  it("a file that is not a database: exit 1, the file named", () => {
    const path = join(dir, "text.db")
    writeFileSync(path, "inte en databas ".repeat(500))
    const { code, stderr } = uppdrag("db", "init", "--db", path)
    expect(code).toBe(1)
    expect(stderr).toContain(`${path}: databasen kan inte öppnas`)
  })
})

describe("uppdrag db export|import (SQLite to SQLite)", () => {
  it("exports JSON, imports into an empty database, and the ledger output is identical", () => {
    const source = populated()
    const file = join(dir, "export.json")
    const exported = uppdrag("db", "export", file, "--db", source)
    expect([exported.code, exported.stdout]).toEqual([0, `Exporterade 7 händelser till ${file} (JSON).\n`])
    const doc = JSON.parse(readFileSync(file, "utf8")) as { format: string; schemaVersion: number; events: Array<{ seq: number; type: string }> }
    expect(doc.format).toBe("uppdrag-händelselogg")
    expect(doc.events.map((e) => e.type)).toEqual(["requisition", "requisition", "payout", "use", "repayment", "reversal", "report"])
    const target = freshDb()
    const imported = uppdrag("db", "import", file, "--db", target)
    expect([imported.code, imported.stdout]).toEqual([0, `Importerade 7 händelser till ${target}.\n`])
    for (const format of ["json", "table", "csv"]) {
      const a = uppdrag("ledger", "--grant", GRANT, "--format", format, "--db", source)
      const b = uppdrag("ledger", "--grant", GRANT, "--format", format, "--db", target)
      expect(b.code).toBe(0)
      expect(b.stdout).toBe(a.stdout)
    }
    // The export of the copy is the same file, byte for byte.
    const again = join(dir, "export-igen.json")
    expect(uppdrag("db", "export", again, "--db", target).code).toBe(0)
    expect(readFileSync(again, "utf8")).toBe(readFileSync(file, "utf8"))
  }, 180_000)

  it("exports the event log as CSV with one row per event", () => {
    const source = populated()
    const { code, stdout } = uppdrag("db", "export", "-", "--format", "csv", "--db", source)
    expect(code).toBe(0)
    const lines = stdout.trimEnd().split("\n")
    expect(lines[0]).toBe("seq,type,assignment,grant,region,amount,date,recordedBy,recordedAt,note,reverses,obligation,payload")
    expect(lines).toHaveLength(8)
    expect(lines[1]).toMatch(/^1,requisition,specialiserad-psykiatri-2026,specialiserad-psykiatri-2026,03,58203923,2026-04-15,[^,]+,\d{4}-\d\d-\d\dT[\d:.]+Z,"källa, med ""citat""",,,$/)
    expect(lines[6]).toMatch(/^6,reversal,specialiserad-psykiatri-2026,specialiserad-psykiatri-2026,09,,2026-05-19,.*,dubbelregistrerad,2,,$/)
  }, 180_000)

  it("refuses to import into a database that already holds events: exit 1, nothing imported", () => {
    const source = populated()
    const file = join(dir, "full.json")
    expect(uppdrag("db", "export", file, "--db", source).code).toBe(0)
    const { code, stderr } = uppdrag("db", "import", file, "--db", source)
    expect(code).toBe(1)
    expect(stderr).toContain("databasen innehåller redan 7 händelser; importera bara till en tom databas")
  }, 180_000)

  it.each([
    ["not JSON", "trasig.json", "{ inte json", "ogiltig JSON"],
    ["not UTF-8", "latin1.json", Buffer.from('{"format": "Södermanland"}', "latin1"), "filen är inte kodad som UTF-8"],
    ["the wrong format", "annan.json", JSON.stringify({ format: "annat", schemaVersion: 2, events: [] }), 'format: måste vara ett av "uppdrag-händelselogg"'],
    [
      "a negative amount",
      "negativ.json",
      JSON.stringify({
        format: "uppdrag-händelselogg",
        schemaVersion: 2,
        events: [
          { seq: 1, type: "requisition", assignment: GRANT, grant: GRANT, region: "03", amount: -1, date: "2026-04-15", recordedBy: "x", recordedAt: "2026-04-15T08:00:00.000Z", note: "", reverses: null, obligation: null, payload: null }
        ]
      }),
      "events[0].amount: beloppet får inte vara negativt (-1)"
    ],
    [
      "a requisition over the allocation",
      "over.json",
      JSON.stringify({
        format: "uppdrag-händelselogg",
        schemaVersion: 2,
        events: [
          { seq: 1, type: "requisition", assignment: GRANT, grant: GRANT, region: "03", amount: 58_203_924, date: "2026-04-15", recordedBy: "x", recordedAt: "2026-04-15T08:00:00.000Z", note: "", reverses: null, obligation: null, payload: null }
        ]
      }),
      "events[0] (händelse 1): rekvisitionen på 58 203 924 kr överstiger"
    ]
  ])("refuses an import file that is %s: exit 1, the file named, nothing imported", (_, name, content, message) => {
    const path = join(dir, name)
    writeFileSync(path, content)
    const db = freshDb()
    const { code, stderr } = uppdrag("db", "import", path, "--db", db)
    expect(code).toBe(1)
    expect(stderr).toContain(path)
    expect(stderr).toContain(message)
    // Either refused before the database was opened, or checked and refused with nothing written.
    if (existsSync(db)) expect(uppdrag("db", "export", "-", "--format", "csv", "--db", db).stdout.trimEnd().split("\n")).toHaveLength(1)
  })

  it("--help shows examples", () => {
    const { code, stdout } = uppdrag("db", "--help")
    expect(code).toBe(0)
    expect(stdout).toContain("uppdrag db export händelser.json")
  })
})
