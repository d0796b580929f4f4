import { execFile } from "node:child_process"
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { parse } from "csv-parse/sync"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { launch, stop } from "./support/Serving.js"

// One database, read by the CLI (json) and by the web view (pages and CSV downloads): both ask the
// application layer, so they must give the same rows and sums (issue 11).
const bin = fileURLToPath(new URL("../dist/bin.cjs", import.meta.url))
const population = fileURLToPath(new URL("../../../../shared/data/population-2025-09.csv", import.meta.url))
const dir = mkdtempSync(join(tmpdir(), "uppdrag-parity-"))
const db = join(dir, "uppdrag.db")
const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" }
delete env.DATABASE_URL
delete env.UPPDRAG_DB
const GRANT = "specialiserad-psykiatri-2026"
const AS_OF = "2026-12-01"

const uppdrag = (...args: Array<string>): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8", env }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : null, stdout, stderr })
    })
  })
const ok = async (...args: Array<string>): Promise<string> => {
  const result = await uppdrag(...args)
  if (result.code !== 0) throw new Error(`uppdrag ${args.join(" ")}: ${result.code}\n${result.stderr}`)
  return result.stdout
}

const serve = (...args: Array<string>) => launch(["serve", "--port", "0", "--db", db, ...args], { cwd: dir, env })
const csvOf = async (url: string): Promise<Array<Record<string, string>>> => {
  const response = await fetch(url)
  expect(response.status, url).toBe(200)
  return parse((await response.text()).replace(/^\uFEFF/, ""), { columns: true }) as Array<Record<string, string>>
}
/** JSON values as CSV text: what the same cell reads as in a download. */
const asText = (row: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null || v === undefined ? "" : typeof v === "boolean" ? (v ? "ja" : "nej") : String(v)]))

beforeAll(async () => {
  const records = join(dir, "moten")
  const meeting = join(dir, "samrad.yaml")
  writeFileSync(
    meeting,
    `id: samrad-2026-11-20
title: Samråd om vårdkapacitet
date: 2026-11-20
assignment: S2025/01528
participants: [IVO, Polismyndigheten]
actionItems:
  - { title: Skicka underlag, owner: Socialstyrelsen, due: 2026-12-04, recipient: IVO }
`
  )
  const agreement = join(dir, "uppsala.yaml")
  writeFileSync(
    agreement,
    `kind: overenskommelse
id: overenskommelse-2026-uppsala
grant: ${GRANT}
region: Uppsala
signed: 2026-06-15
activities: [{ title: Fler vårdplatser, component: vardkapacitet }]
expectedResults: [6 nya vårdplatser]
expectedEffects: [Kortare väntan på inläggning]
followUpMeasures: [{ title: Vårdplatser per 100 000 invånare, indicator: vardplatser-per-100000 }]
followUps: [{ year: 2026, date: 2026-11-25, summary: Fyra av sex platser öppnade }]
`
  )
  void records
  // Sequential: each write checks the rules against what is already recorded.
  await ok("record", "requisition", "--grant", GRANT, "--region", "03", "--amount", "58203923", "--date", "2026-04-15", "--db", db)
  await ok("record", "requisition", "--grant", GRANT, "--region", "09", "--amount", "8670310", "--date", "2026-04-20", "--db", db)
  await ok("record", "payout", "--grant", GRANT, "--region", "03", "--amount", "58203923", "--date", "2026-06-01", "--db", db)
  await ok("record", "use", "--grant", GRANT, "--region", "03", "--amount", "50000000", "--date", "2026-11-15", "--db", db)
  await ok("record", "report", "--assignment", GRANT, "--obligation", "delredovisning-2026-03-30", "--date", "2026-03-27", "--db", db)
  await ok("record", "due-date", "--assignment", GRANT, "--obligation", "regionernas-redovisning-2026", "--due", "2027-02-26", "--date", "2026-11-10", "--db", db)
  await ok("meetings", "record", meeting, "--db", db)
  await ok("meetings", "record", agreement, "--db", db)
  copyFileSync(population, join(dir, "befolkning.csv"))
}, 180_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("the CLI and the web view on one database", { timeout: 180_000 }, () => {
  it("give the same deadlines as of a date (the meeting's action item included), field by field", async () => {
    const cli = JSON.parse(await ok("deadlines", "--as-of", AS_OF, "--all", "--format", "json", "--db", db)) as Array<Record<string, unknown>>
    expect(cli.every((row) => typeof row.id === "string" && row.id !== "")).toBe(true)
    expect(cli.find((row) => row.title === "Skicka underlag")).toMatchObject({ due: "2026-12-04", status: "snart" })
    expect(cli.find((row) => row.id === "regionernas-redovisning-2026")).toMatchObject({ due: "2027-02-26" })
    expect(cli.find((row) => row.id === "delredovisning-2026-03-30")).toMatchObject({ status: "inlamnad" })
    const { child, url } = await serve()
    try {
      const web = await csvOf(`${url}/tidsfrister.csv?datum=${AS_OF}`)
      expect(web).toEqual(cli.map(asText))
      const page = await (await fetch(`${url}/?datum=${AS_OF}`)).text()
      expect(page).toContain("Skicka underlag")
    } finally {
      await stop(child)
    }
  })

  for (const withPopulation of [false, true]) {
    it(`give the same ledger rows and sums${withPopulation ? " with --population" : ""}`, async () => {
      const extra = withPopulation ? ["--population", join(dir, "befolkning.csv")] : []
      const cli = JSON.parse(await ok("ledger", "--grant", GRANT, "--format", "json", "--db", db, ...extra)) as {
        rows: Array<Record<string, unknown>>
        total: Record<string, unknown>
      }
      expect(cli.rows.find((r) => r.region === "03")).toMatchObject({ allocated: 58_203_923, requisitioned: 58_203_923, paidOut: 58_203_923, reportedUsed: 50_000_000, toRepay: 8_203_923 })
      const { child, url } = await serve(...extra)
      try {
        const web = await csvOf(`${url}/fordelning/${GRANT}/liggare.csv`)
        const fields = ["allocated", "requisitioned", "paidOut", "reportedUsed", "toRepay", "repaid", "outstanding"]
        const pick = (row: Record<string, unknown>) => [String(row.region), ...fields.map((f) => String(row[f]))]
        expect(web.map(pick)).toEqual([...cli.rows, cli.total].map(pick))
        const allocation = await csvOf(`${url}/fordelning/${GRANT}/fordelning.csv`)
        const allocated = new Map(allocation.map((r) => [r.region, r.total]))
        for (const row of cli.rows) expect(allocated.get(String(row.region))).toBe(String(row.allocated))
      } finally {
        await stop(child)
      }
    })
  }

  it("give the same consultation coverage for the 2026 assignment", async () => {
    const cli = JSON.parse(await ok("meetings", "coverage", "--assignment", "S2025/01528", "--as-of", AS_OF, "--format", "json", "--db", db)) as {
      parties: Array<{ name: string; consulted: boolean; lastMeeting: string | null }>
    }
    expect(cli.parties.filter((p) => p.consulted).map((p) => p.lastMeeting)).toEqual(["2026-11-20", "2026-11-20"])
    const { child, url } = await serve()
    try {
      const page = await (await fetch(`${url}/uppdrag/${GRANT}?datum=${AS_OF}`)).text()
      const consulted = cli.parties.filter((p) => p.consulted).length
      expect(page).toContain(`${consulted} av ${cli.parties.length} parter`)
      for (const party of cli.parties) {
        // Cells may carry attributes (the phone layout labels each cell with its column).
        const name = party.name.replace(/[()]/g, "\\$&")
        const row = new RegExp(`<th scope="row"[^>]*>${name}</th><td[^>]*>${party.consulted ? "Ja" : "Inte ännu"}</td><td[^>]*>${party.lastMeeting ?? "–"}</td>`)
        expect(page).toMatch(row)
      }
    } finally {
      await stop(child)
    }
  })
})
