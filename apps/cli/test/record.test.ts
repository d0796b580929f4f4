import { spawn, spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

// The built CLI, run as a user runs it, always on SQLite files in a temporary folder.
const bin = fileURLToPath(new URL("../dist/bin.cjs", import.meta.url))
const dir = mkdtempSync(join(tmpdir(), "uppdrag-cli-record-"))
const env = { ...process.env, NO_COLOR: "1", DATABASE_URL: "", UPPDRAG_DB: "" }
let n = 0
const freshDb = (): string => join(dir, `db-${++n}`, "uppdrag.db")

const uppdrag = (...args: Array<string>) => {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8", env, maxBuffer: 256 * 1024 * 1024 })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const GRANT = "specialiserad-psykiatri-2026"
const requisition = (db: string, amount: string, date: string) =>
  uppdrag("record", "requisition", "--grant", GRANT, "--region", "03", "--amount", amount, "--date", date, "--by", "handläggare", "--db", db)

/** The log as CSV lines (header excluded). */
const logLines = (db: string): Array<string> => {
  const { code, stdout } = uppdrag("db", "export", "-", "--format", "csv", "--db", db)
  expect(code).toBe(0)
  return stdout.trim().split("\n").slice(1)
}

const file = (name: string, content: string | Uint8Array): string => {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`${bin} saknas: bygg först (node tooling/scripts/pnpm.mjs --filter @uppdrag/cli run build)`)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("uppdrag record requisition: Uppsala (03), seed 003: 58 203 923 kr, rekvisition 2026-04-01–2026-05-18", () => {
  it("accepts 58 203 923 kr on 2026-04-15: exit 0, event 1 stored", () => {
    const db = freshDb()
    const { code, stdout, stderr } = requisition(db, "58203923", "2026-04-15")
    expect([code, stderr]).toEqual([0, ""])
    expect(stdout).toBe("Sparade händelse 1: rekvisition, Uppsala län, 58 203 923 kr, 2026-04-15.\n")
    expect(logLines(db)).toHaveLength(1)
    expect(logLines(db)[0]).toMatch(/^1,requisition,specialiserad-psykiatri-2026,specialiserad-psykiatri-2026,03,58203923,2026-04-15,handläggare,/)
  })

  it("refuses one dated 2026-05-19 with the reason, exit 1, nothing stored", () => {
    const db = freshDb()
    const { code, stdout, stderr } = requisition(db, "58203923", "2026-05-19")
    expect([code, stdout]).toEqual([1, ""])
    expect(stderr).toBe("Avvisad: rekvisitionen 2026-05-19 ligger utanför rekvisitionsperioden 2026-04-01–2026-05-18\nInget sparades.\n")
    expect(logLines(db)).toEqual([])
  })

  it("refuses one of 58 203 924 kr with the reason, exit 1, nothing stored", () => {
    const db = freshDb()
    const { code, stdout, stderr } = requisition(db, "58 203 924 kr", "2026-04-15")
    expect([code, stdout]).toEqual([1, ""])
    expect(stderr).toContain(
      "Avvisad: rekvisitionen på 58 203 924 kr överstiger vad Uppsala län kan rekvirera: tilldelat 58 203 923 kr, redan rekvirerat 0 kr, kvar 58 203 923 kr"
    )
    expect(logLines(db)).toEqual([])
  })

  it("takes the region by name and the amount with spaces", () => {
    const db = freshDb()
    const { code, stdout } = uppdrag("record", "requisition", "--grant", GRANT, "--region", "Region Uppsala", "--amount", "58 203 923", "--date", "2026-05-18", "--db", db)
    expect([code, stdout]).toEqual([0, "Sparade händelse 1: rekvisition, Uppsala län, 58 203 923 kr, 2026-05-18.\n"])
  })

  it("bad options: every problem named by its option, exit 2 (malformed values), nothing stored", () => {
    const db = freshDb()
    const { code, stderr } = uppdrag("record", "payout", "--grant", GRANT, "--region", "99", "--amount", "-5", "--date", "2026-02-30", "--db", db)
    expect(code).toBe(2)
    expect(stderr).toContain("uppdrag record payout: --region: okänd region \"99\"")
    expect(stderr).toContain("uppdrag record payout: --amount: beloppet får inte vara negativt (-5)")
    expect(stderr).toContain("uppdrag record payout: --date: 2026-02-30 är inte ett giltigt datum")
    expect(stderr).toContain("Inget sparades.")
    const missing = uppdrag("record", "payout", "--grant", GRANT, "--db", db)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain("--amount: saknas")
    expect(existsSync(db)).toBe(false)
  })

  it("--file together with field options is a usage error: exit 2", () => {
    const path = file("x.csv", "grant,region,amount,date\n")
    expect(uppdrag("record", "payout", "--file", path, "--amount", "5", "--db", freshDb()).code).toBe(2)
  })
})

describe("uppdrag record: the rest of the money flow, reports and reversals", () => {
  it("payout, use, repayment, report and a reversal, each stored as its own event", () => {
    const db = freshDb()
    expect(requisition(db, "58203923", "2026-04-15").code).toBe(0)
    const base = ["--grant", GRANT, "--region", "03", "--db", db]
    expect(uppdrag("record", "payout", ...base, "--amount", "58203923", "--date", "2026-06-15").stdout).toBe(
      "Sparade händelse 2: utbetalning, Uppsala län, 58 203 923 kr, 2026-06-15.\n"
    )
    expect(uppdrag("record", "use", ...base, "--amount", "50000000", "--date", "2026-11-16").code).toBe(0)
    expect(uppdrag("record", "repayment", ...base, "--amount", "9000000", "--date", "2026-11-20").stderr).toContain(
      "återbetalningen på 9 000 000 kr överstiger vad Uppsala län ska återbetala: att återbetala 8 203 923 kr"
    )
    expect(uppdrag("record", "repayment", ...base, "--amount", "8203923", "--date", "2026-11-20").code).toBe(0)
    const report = uppdrag("record", "report", "--assignment", GRANT, "--obligation", "delredovisning-2027-05-30", "--date", "2026-11-27", "--db", db)
    expect(report.stdout).toBe("Sparade händelse 5: inlämnad redovisning, delredovisning-2027-05-30, 2026-11-27.\n")
    const reversal = uppdrag("record", "reversal", "--event", "4", "--date", "2026-11-21", "--note", "fel konto", "--db", db)
    expect(reversal.stdout).toBe("Sparade händelse 6: återföring, Uppsala län, återför händelse 4, 2026-11-21.\n")
    expect(logLines(db).map((l) => l.split(",")[1])).toEqual(["requisition", "payout", "use", "repayment", "report", "reversal"])
    const unknown = uppdrag("record", "report", "--assignment", GRANT, "--obligation", "finns-inte", "--date", "2026-11-27", "--db", db)
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain("uppdraget specialiserad-psykiatri-2026 har ingen skyldighet finns-inte")
  }, 180_000)
})

describe("uppdrag record --file: a batch is one transaction", () => {
  const header = "grant,region,amount,date,note\n"
  const row = (region: string, amount: string, date: string, note = "") => `${GRANT},${region},${amount},${date},${note}\n`

  it("a CSV of three requisitions is stored whole", () => {
    const db = freshDb()
    const path = file("tre.csv", header + row("01", "1000", "2026-04-10") + row("03", "\"58 203 923\"", "2026-04-15", "\"Uppsala, hela\"") + row("09", "8670310", "2026-05-18"))
    const { code, stdout, stderr } = uppdrag("record", "requisition", "--file", path, "--db", db)
    expect([code, stderr]).toEqual([0, ""])
    expect(stdout).toBe(`Sparade 3 händelser (1–3) från ${path}.\n`)
    expect(logLines(db)[1]).toContain('"Uppsala, hela"')
  })

  it("semicolons (Swedish spreadsheets) and a byte order mark are read too", () => {
    const db = freshDb()
    const path = file("semikolon.csv", `\uFEFFgrant;region;amount;date\n${GRANT};03;100;2026-04-15\n`)
    expect(uppdrag("record", "requisition", "--file", path, "--db", db).code).toBe(0)
  })

  it("a JSON list is read with the same fields", () => {
    const db = freshDb()
    const path = file("rek.json", JSON.stringify([{ grant: GRANT, region: "03", amount: 100, date: "2026-04-15" }, { grant: GRANT, region: "Gotland", amount: "200", date: "2026-04-16" }], null, 2))
    const { code, stdout } = uppdrag("record", "requisition", "--file", path, "--db", db)
    expect([code, stdout]).toEqual([0, `Sparade 2 händelser (1–2) från ${path}.\n`])
  })

  it("a refusal on line 4 names the file and line and stores none of the rows", () => {
    const db = freshDb()
    const path = file("over.csv", header + row("03", "58000000", "2026-04-15") + row("03", "200000", "2026-04-16") + row("03", "4000", "2026-04-17"))
    const { code, stderr } = uppdrag("record", "requisition", "--file", path, "--db", db)
    expect(code).toBe(1)
    expect(stderr).toBe(
      `${path}:4: avvisad: rekvisitionen på 4 000 kr överstiger vad Uppsala län kan rekvirera: tilldelat 58 203 923 kr, redan rekvirerat 58 200 000 kr, kvar 3 923 kr\nInget sparades.\n`
    )
    expect(logLines(db)).toEqual([])
  })

  it.each([
    ["malformed (a quote never closed)", "trasig.csv", `${header}${GRANT},03,"100,2026-04-15,\n`, [":2: ogiltig CSV: ett citattecken öppnas men stängs aldrig"]],
    ["a missing column", "utan-datum.csv", `grant,region,amount\n${GRANT},03,100\n`, [":1: date: kolumnen saknas"]],
    ["a missing value", "tomt-belopp.csv", `${header}${row("03", "", "2026-04-15")}`, [":2: amount: saknas"]],
    ["a duplicate column", "dubbel-kolumn.csv", `grant,region,amount,date,amount\n${GRANT},03,1,2026-04-15,2\n`, [":1: amount: kolumnen finns två gånger"]],
    ["an unknown column", "okand.csv", `grant,region,amount,date,belopp\n${GRANT},03,1,2026-04-15,2\n`, [":1: belopp: okänt fält"]],
    ["a duplicate row", "dubblett.csv", header + row("03", "100", "2026-04-15") + row("03", "100", "2026-04-15"), [":3: raden är en dubblett av rad 2"]],
    ["a negative amount", "negativ.csv", header + row("03", "-100", "2026-04-15"), [":2: amount: beloppet får inte vara negativt (-100)"]],
    ["an amount with decimals", "decimal.csv", header + row("03", "100.50", "2026-04-15"), [':2: amount: "100.50" är inte ett belopp i hela kronor']],
    ["a date that does not exist and an unknown region", "datum.csv", header + row("02", "100", "2026-02-30"), [":2: region: okänd region \"02\"", ":2: date: 2026-02-30 är inte ett giltigt datum"]],
    ["an empty file", "tom.csv", "", [": filen är tom"]],
    ["a header and no rows", "bara-rubrik.csv", header, [": filen innehåller inga händelser"]],
    ["JSON that is not a list", "objekt.json", '{"grant": "x"}', [": förväntade en lista (JSON-array) av händelser"]],
    ["JSON with a bad value on line 3", "fel.json", `[\n  {"grant": "${GRANT}", "region": "03", "amount": 1, "date": "2026-04-15"},\n  {"grant": "${GRANT}", "region": "03", "amount": -1, "date": "2026-04-15"}\n]`, [":3: amount: beloppet får inte vara negativt (-1)"]]
  ])("%s: file, line and field named, exit 1, nothing stored", (_, name, content, expected) => {
    const db = freshDb()
    const path = file(name, content)
    const { code, stdout, stderr } = uppdrag("record", "requisition", "--file", path, "--db", db)
    expect([code, stdout]).toEqual([1, ""])
    for (const text of expected) expect(stderr).toContain(`${path}${text}`)
    expect(stderr).toContain("Inget sparades.")
    // Refused while reading the file: the database was not even opened.
    expect(existsSync(db)).toBe(false)
  })

  it("a file in Windows-1252 (not UTF-8) is refused with the encoding named", () => {
    const db = freshDb()
    const latin1 = Buffer.from(`${header}${GRANT},03,100,2026-04-15,Sörmland\n`, "latin1")
    const path = file("latin1.csv", latin1)
    const { code, stderr } = uppdrag("record", "requisition", "--file", path, "--db", db)
    expect(code).toBe(1)
    expect(stderr).toContain(`${path}:2: filen är inte kodad som UTF-8`)
    expect(existsSync(db)).toBe(false)
  })

  it("killed with SIGKILL while importing 10 000 rows, the database holds all of them or none", async () => {
    const db = freshDb()
    expect(requisition(db, "58203923", "2026-04-15").code).toBe(0)
    const rows = Array.from({ length: 10_000 }, (_, i) => row("01", "1", "2026-04-15", `rad ${i + 1}`)).join("")
    const path = file("tiotusen.csv", header + rows)
    // Kill it while it works: after start-up, during the check and the insert. The exit is awaited from the
    // spawn on, so a fast machine that finishes before the kill is one of the two allowed outcomes, not a hang.
    const child = spawn(process.execPath, [bin, "record", "requisition", "--file", path, "--db", db], { cwd: dir, env, stdio: "ignore" })
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
    const outcome = await Promise.race([exited.then(() => "finished" as const), new Promise<"running">((resolve) => setTimeout(() => resolve("running"), 1000))])
    if (outcome === "running") child.kill("SIGKILL")
    await exited
    const count = logLines(db).length
    expect([1, 10_001]).toContain(count)
    // Whatever happened, the database works and accepts the batch (again, if it was lost).
    if (count === 1) expect(uppdrag("record", "requisition", "--file", path, "--db", db).code).toBe(0)
    expect(logLines(db)).toHaveLength(10_001)
  }, 120_000)
})
