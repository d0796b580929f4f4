import { spawnSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

// Needs PostgreSQL: runs whenever DATABASE_URL is set (always in CI, see .ci/run).
const url = process.env.DATABASE_URL
const bin = fileURLToPath(new URL("../dist/bin.cjs", import.meta.url))
const dir = mkdtempSync(join(tmpdir(), "uppdrag-cli-pg-"))
const schema = `cli_${randomBytes(6).toString("hex")}`
const GRANT = "specialiserad-psykiatri-2026"

const admin = async (statement: string): Promise<void> => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/** Runs the CLI against SQLite (`--db`) or against PostgreSQL (DATABASE_URL, in a schema of its own). */
const uppdrag = (target: { db: string } | "postgres", ...args: Array<string>) => {
  const pgUrl = `${url}${url?.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`
  const env = { ...process.env, NO_COLOR: "1", UPPDRAG_DB: "", DATABASE_URL: target === "postgres" ? pgUrl : "" }
  const result = spawnSync(process.execPath, [bin, ...args, ...(target === "postgres" ? [] : ["--db", target.db])], { cwd: dir, encoding: "utf8", env, maxBuffer: 64 * 1024 * 1024 })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe.skipIf(url === undefined || url === "")("uppdrag db export|import across databases", () => {
  beforeAll(async () => {
    await admin(`CREATE SCHEMA ${schema}`)
  })
  afterAll(async () => {
    await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    rmSync(dir, { recursive: true, force: true })
  })

  it("SQLite → PostgreSQL → SQLite gives identical ledger output and the same export", () => {
    const first = { db: join(dir, "forsta.db") }
    for (const args of [
      ["requisition", "--region", "03", "--amount", "58203923", "--date", "2026-04-15"],
      ["requisition", "--region", "01", "--amount", "347393632", "--date", "2026-04-01"],
      ["payout", "--region", "03", "--amount", "58203923", "--date", "2026-06-15"],
      ["payout", "--region", "01", "--amount", "300000000", "--date", "2026-12-01"],
      ["use", "--region", "03", "--amount", "0", "--date", "2026-11-16"],
      ["repayment", "--region", "03", "--amount", "58203923", "--date", "2026-11-30"]
    ]) {
      const result = uppdrag(first, "record", ...args, "--grant", GRANT, "--note", "Åter: ärende 4.1-2026/77")
      expect(result.stderr).toBe("")
    }
    expect(uppdrag(first, "record", "reversal", "--event", "4", "--date", "2026-12-02", "--note", "fel belopp").code).toBe(0)
    const fromSqlite = join(dir, "fran-sqlite.json")
    expect(uppdrag(first, "db", "export", fromSqlite).code).toBe(0)

    // Into an empty PostgreSQL database.
    const intoPg = uppdrag("postgres", "db", "import", fromSqlite)
    expect([intoPg.code, intoPg.stderr]).toEqual([0, ""])
    expect(intoPg.stdout).toMatch(/^Importerade 7 händelser till postgres:\/\/.*:\*\*\*@/)
    const fromPg = join(dir, "fran-postgres.json")
    expect(uppdrag("postgres", "db", "export", fromPg).code).toBe(0)
    expect(readFileSync(fromPg, "utf8")).toBe(readFileSync(fromSqlite, "utf8"))

    // And back into an empty SQLite file.
    const last = { db: join(dir, "sista.db") }
    expect(uppdrag(last, "db", "import", fromPg).code).toBe(0)
    for (const format of ["json", "table", "csv"]) {
      const outputs = [first, "postgres" as const, last].map((target) => uppdrag(target, "ledger", "--grant", GRANT, "--format", format))
      for (const output of outputs) expect([output.code, output.stderr]).toEqual([0, ""])
      expect(outputs[1]!.stdout).toBe(outputs[0]!.stdout)
      expect(outputs[2]!.stdout).toBe(outputs[0]!.stdout)
    }
    const json = JSON.parse(uppdrag(last, "ledger", "--grant", GRANT, "--format", "json").stdout) as { rows: Array<{ region: string; toRepay: number; outstanding: number }> }
    expect(json.rows.find((r) => r.region === "03")).toMatchObject({ toRepay: 58_203_923, outstanding: 0 })
  }, 240_000)

  it("the Uppsala requisition refused on PostgreSQL too: exit 1, nothing stored", () => {
    const result = uppdrag("postgres", "record", "requisition", "--grant", GRANT, "--region", "09", "--amount", "8670310", "--date", "2026-05-19")
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("rekvisitionen 2026-05-19 ligger utanför rekvisitionsperioden 2026-04-01–2026-05-18")
  }, 60_000)
})
