import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const bin = fileURLToPath(new URL("../dist/bin.cjs", import.meta.url))
const dir = mkdtempSync(join(tmpdir(), "uppdrag-cli-ledger-"))
const env = { ...process.env, NO_COLOR: "1", DATABASE_URL: "", UPPDRAG_DB: "" }
let n = 0
const freshDb = (): string => join(dir, `db-${++n}`, "uppdrag.db")

const uppdrag = (args: Array<string>, extraEnv: Record<string, string> = {}, cwd = dir) => {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...env, ...extraEnv }, maxBuffer: 64 * 1024 * 1024 })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const GRANT = "specialiserad-psykiatri-2026"
// GrantState.ledgerColumns: the same fields in json as in csv (issue 11), so the region's name too.
const fields = ["region", "name", "allocated", "requisitioned", "paidOut", "reportedUsed", "toRepay", "repaid", "outstanding"]

beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`${bin} saknas: bygg först (node tooling/scripts/pnpm.mjs --filter @uppdrag/cli run build)`)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("uppdrag ledger on a new database: no set-up step", () => {
  it("seed 003, Bilaga: 21 regions with their allocation (Gotlands län 8 670 310 kr), 1 490 000 000 kr in all, everything else 0", () => {
    const db = freshDb()
    const { code, stdout, stderr } = uppdrag(["ledger", "--grant", GRANT, "--format", "json", "--db", db])
    expect([code, stderr]).toEqual([0, ""])
    const ledger = JSON.parse(stdout) as { grant: string; rows: Array<Record<string, unknown>>; total: Record<string, unknown> }
    expect(Object.keys(ledger)).toEqual(["grant", "rows", "total"])
    expect(ledger.grant).toBe(GRANT)
    expect(ledger.rows).toHaveLength(21)
    for (const row of ledger.rows) expect(Object.keys(row)).toEqual(fields)
    expect(ledger.rows.find((r) => r.region === "09")).toEqual({
      region: "09",
      name: "Gotlands län",
      allocated: 8_670_310,
      requisitioned: 0,
      paidOut: 0,
      reportedUsed: 0,
      toRepay: 0,
      repaid: 0,
      outstanding: 0
    })
    expect(ledger.rows.find((r) => r.region === "03")?.allocated).toBe(58_203_923)
    expect(ledger.total).toEqual({ region: "00", name: "Riket", allocated: 1_490_000_000, requisitioned: 0, paidOut: 0, reportedUsed: 0, toRepay: 0, repaid: 0, outstanding: 0 })
  })

  it("with no --db and no variables it creates ./data/uppdrag.db in the working folder", () => {
    const work = mkdtempSync(join(dir, "arbete-"))
    const { code } = uppdrag(["ledger", "--grant", GRANT], {}, work)
    expect(code).toBe(0)
    expect(existsSync(join(work, "data", "uppdrag.db"))).toBe(true)
  })

  it("UPPDRAG_DB chooses the file when --db is not given", () => {
    const db = freshDb()
    expect(uppdrag(["ledger", "--grant", GRANT], { UPPDRAG_DB: db }).code).toBe(0)
    expect(existsSync(db)).toBe(true)
  })

  it("an unreachable PostgreSQL is refused with the address, its password hidden: exit 1", () => {
    const { code, stdout, stderr } = uppdrag(["ledger", "--grant", GRANT], { DATABASE_URL: "postgres://postgres:hemligt@127.0.0.1:1/uppdrag" })
    expect([code, stdout]).toEqual([1, ""])
    expect(stderr).toContain("postgres://postgres:***@127.0.0.1:1/uppdrag: databasen kan inte öppnas")
    expect(stderr).not.toContain("hemligt")
  })

  it("a malformed DATABASE_URL is refused, naming the variable", () => {
    const { code, stderr } = uppdrag(["ledger", "--grant", GRANT], { DATABASE_URL: "mysql://x" })
    expect(code).toBe(1)
    expect(stderr).toContain("miljövariabel: DATABASE_URL: måste vara en PostgreSQL-adress")
  })
})

describe("uppdrag ledger after the money flow", () => {
  const db = freshDb()
  beforeAll(() => {
    const base = ["--grant", GRANT, "--region", "03", "--db", db]
    for (const [kind, amount, date] of [
      ["requisition", "58203923", "2026-04-15"],
      ["payout", "58203923", "2026-06-15"],
      ["use", "50000000", "2026-11-16"],
      ["repayment", "3000000", "2026-11-20"]
    ] as const) {
      const result = uppdrag(["record", kind, ...base, "--amount", amount, "--date", date])
      if (result.code !== 0) throw new Error(result.stderr)
    }
  }, 120_000)

  it("--format json: Uppsala's row and the national total", () => {
    const { code, stdout } = uppdrag(["ledger", "--grant", GRANT, "--format", "json", "--db", db])
    expect(code).toBe(0)
    const ledger = JSON.parse(stdout) as { rows: Array<Record<string, number | string>>; total: Record<string, number | string> }
    const uppsala = { region: "03", name: "Uppsala län", allocated: 58_203_923, requisitioned: 58_203_923, paidOut: 58_203_923, reportedUsed: 50_000_000, toRepay: 8_203_923, repaid: 3_000_000, outstanding: 5_203_923 }
    expect(ledger.rows.find((r) => r.region === "03")).toEqual(uppsala)
    expect(ledger.total).toEqual({ ...uppsala, region: "00", name: "Riket", allocated: 1_490_000_000 })
  })

  it("the table groups digits the Swedish way and ends with Riket", () => {
    const { code, stdout } = uppdrag(["ledger", "--grant", GRANT, "--db", db])
    expect(code).toBe(0)
    const lines = stdout.trimEnd().split("\n")
    expect(lines[0]).toMatch(/^Region\s+Tilldelat\s+Rekvirerat\s+Utbetalt\s+Redovisat använt\s+Att återbetala\s+Återbetalt\s+Utestående$/)
    expect(lines.find((l) => l.startsWith("03 Uppsala län"))).toMatch(/58 203 923\s+58 203 923\s+58 203 923\s+50 000 000\s+8 203 923\s+3 000 000\s+5 203 923$/)
    expect(lines.at(-1)).toMatch(/^Riket\s+1 490 000 000\s+58 203 923/)
    expect(lines).toHaveLength(2 + 21 + 2)
  })

  it("--format csv --out writes a CSV with a header, 21 regions and Riket", () => {
    const out = join(dir, "huvudbok.csv")
    const { code, stdout } = uppdrag(["ledger", "--grant", GRANT, "--format", "csv", "--out", out, "--db", db])
    expect([code, stdout]).toEqual([0, ""])
    const lines = readFileSync(out, "utf8").trimEnd().split("\n")
    expect(lines[0]).toBe("region,name,allocated,requisitioned,paidOut,reportedUsed,toRepay,repaid,outstanding")
    expect(lines).toContain("03,Uppsala län,58203923,58203923,58203923,50000000,8203923,3000000,5203923")
    expect(lines.at(-1)).toBe("00,Riket,1490000000,58203923,58203923,50000000,8203923,3000000,5203923")
  })
})

describe("uppdrag ledger: bad input", () => {
  it("an unknown grant: exit 1, the known grants named", () => {
    const { code, stdout, stderr } = uppdrag(["ledger", "--grant", "finns-inte", "--db", freshDb()])
    expect([code, stdout]).toEqual([1, ""])
    expect(stderr).toContain('--grant: okänt statsbidrag "finns-inte" (kända: ')
    expect(stderr).toContain(GRANT)
  })

  it("no --grant or a bad --format is a usage error: exit 2", () => {
    expect(uppdrag(["ledger", "--db", freshDb()]).code).toBe(2)
    expect(uppdrag(["ledger", "--grant", GRANT, "--format", "xml", "--db", freshDb()]).code).toBe(2)
  })

  it("--help shows examples", () => {
    const { code, stdout } = uppdrag(["ledger", "--help"])
    expect(code).toBe(0)
    expect(stdout).toContain("Exempel:")
    expect(stdout).toContain("uppdrag ledger --grant specialiserad-psykiatri-2026 --format json")
  })
})
