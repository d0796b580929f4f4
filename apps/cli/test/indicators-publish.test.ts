import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { launch, stop } from "./support/Serving.js"

// The built CLI, run as a user runs it: `node apps/cli/dist/bin.cjs …`, on SQLite files of its own.
const bin = fileURLToPath(new URL("../dist/bin.cjs", import.meta.url))
const dir = mkdtempSync(join(tmpdir(), "uppdrag-cli-publicering-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" }
delete env.DATABASE_URL
delete env.UPPDRAG_DB
const uppdrag = (...args: Array<string>) => {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8", env })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const five = (make: (i: number) => string): string => [1, 2, 3, 4, 5].map(make).join("")
writeFileSync(
  join(dir, "episoder.csv"),
  [
    "patient,region,sex,birthYear,careForm,start,end\n",
    // Ten women in sluten LPT in Uppsala län, five men in Stockholms län.
    five((i) => `A${i},03,K,1990,sluten-lpt,2023-03-01,2023-03-20\nB${i},03,K,1980,sluten-lpt,2024-03-01,2024-03-20\n`),
    five((i) => `C${i},01,M,1950,sluten-lpt,2023-12-28,2024-01-05\n`),
    // One patient on Gotland: a small count, masked.
    "E1,09,K,1960,domstols-lrv,2023-02-01,2023-02-02\n"
  ].join("")
)

type Cell = { year: number; region: string; sex: string; ageGroup: string; careForm: string; patients: number | null; per100k: number | null; suppressed: boolean }

const computed = uppdrag("indicators", "compute", "--episodes", "episoder.csv", "--years", "2023-2024", "--out", "kub.json")
const cube = JSON.parse(readFileSync(join(dir, "kub.json"), "utf8")) as { threshold: number; cells: Array<Cell> }
// The same cube with Gotland's one patient shown: not protected.
const leaky = cube.cells.findIndex((c) => c.year === 2023 && c.region === "09" && c.sex === "K" && c.ageGroup === "55-64" && c.careForm === "domstols-lrv")
writeFileSync(join(dir, "lackande.json"), JSON.stringify({ ...cube, cells: cube.cells.map((c, i) => (i === leaky ? { ...c, patients: 1, suppressed: false } : c)) }))
// A later cube: one more woman in Uppsala län in 2024.
writeFileSync(join(dir, "ny.json"), JSON.stringify({ ...cube, cells: cube.cells.map((c) => (c.year === 2024 && c.region === "03" && c.careForm === "sluten-lpt" && c.sex !== "M" && (c.ageGroup === "35-44" || c.ageGroup === "alla") ? { ...c, patients: (c.patients ?? 0) + 1 } : c)) }))

describe("uppdrag indicators publish", () => {
  it("publishes the protected cube as version 1, lists it and shows it", () => {
    expect(computed.code).toBe(0)
    expect(cube.cells[leaky]?.suppressed).toBe(true)
    const run = uppdrag("indicators", "publish", "kub.json", "--by", "anna", "--db", "publicerat.db")
    expect(run.stderr).toBe("")
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Publicerade kub\.json som version 1 \(händelse 1, \d{4}-\d{2}-\d{2}, år 2023–2024\)\.\n$/)
    const listed = uppdrag("indicators", "publications", "--db", "publicerat.db", "--format", "json")
    expect(JSON.parse(listed.stdout)).toMatchObject([{ version: 1, seq: 1, publishedBy: "anna", source: "kub.json", years: { from: 2023, to: 2024 }, threshold: 5 }])
    const table = uppdrag("indicators", "publications", "--db", "publicerat.db")
    expect(table.stdout).toMatch(/Version\s+Publicerad\s+Av\s+Källa/)
    expect(table.stdout).toMatch(/1\s+\d{4}-\d{2}-\d{2}\s+anna\s+kub\.json\s+2023–2024/)
    const shown = uppdrag("indicators", "show", "lpt-sluten-patienter", "--published", "--db", "publicerat.db", "--format", "json")
    expect(shown.code).toBe(0)
    const rows = (JSON.parse(shown.stdout) as { rows: Array<{ region: string; value: number | null }> }).rows
    expect(rows.find((r) => r.region === "03")?.value).toBe(5)
    expect(uppdrag("indicators", "show", "lpt-sluten-patienter", "--published", "--db", "publicerat.db").stdout).toMatch(/Publicerad version 1, \d{4}-\d{2}-\d{2} \(kub\.json\)\.\n$/)
  })

  it("refuses an unprotected cube naming the file and the cell, exit 1, and the database is unchanged", () => {
    const run = uppdrag("indicators", "publish", "lackande.json", "--by", "anna", "--db", "publicerat.db")
    expect(run.code).toBe(1)
    expect(run.stdout).toBe("")
    expect(run.stderr).toContain(`lackande.json: cells[${leaky}].patients: 2023 domstols-lrv 09 K 55-64: 1 patienter är under tröskeln 5 men inte prickat`)
    expect(run.stderr).toMatch(/Inget publicerades\.\n$/)
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(JSON.parse(uppdrag("indicators", "publications", "--db", "publicerat.db", "--format", "json").stdout)).toHaveLength(1)
    // Refused before the database is opened: none is created.
    expect(uppdrag("indicators", "publish", "lackande.json", "--by", "anna", "--db", "ny.db").code).toBe(1)
    expect(existsSync(join(dir, "ny.db"))).toBe(false)
  })

  it("the same figures again are refused; a new cube becomes version 2 and an older version is shown on request", () => {
    const again = uppdrag("indicators", "publish", "kub.json", "--by", "anna", "--db", "publicerat.db")
    expect(again.code).toBe(1)
    expect(again.stderr).toBe("kub.json: samma kub är redan publicerad som version 1; ingen ny version behövs\nInget publicerades.\n")
    expect(uppdrag("indicators", "publish", "ny.json", "--by", "bo", "--db", "publicerat.db").stdout).toMatch(/^Publicerade ny\.json som version 2 \(händelse 2,/)
    const value = (...extra: Array<string>) =>
      (JSON.parse(uppdrag("indicators", "show", "lpt-sluten-patienter", "--db", "publicerat.db", "--format", "json", ...extra).stdout) as { rows: Array<{ region: string; value: number | null }> }).rows.find((r) => r.region === "03")?.value
    expect(value("--published")).toBe(6)
    expect(value("--publication", "1")).toBe(5)
  })

  it("bad versions and options: an unknown version exit 1, a malformed one exit 2, a missing file exit 1", () => {
    const unknown = uppdrag("indicators", "show", "lpt-sluten-patienter", "--publication", "9", "--db", "publicerat.db")
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toBe("version 9 finns inte; publicerade versioner: 1, 2\n")
    const malformed = uppdrag("indicators", "show", "lpt-sluten-patienter", "--publication", "två", "--db", "publicerat.db")
    expect(malformed.code).toBe(2)
    expect(malformed.stderr).toContain("--publication ska vara ett versionsnummer")
    expect(uppdrag("indicators", "show", "lpt-sluten-patienter", "--published", "--cube", "kub.json").code).toBe(2)
    const missing = uppdrag("indicators", "publish", "finns-inte.json", "--by", "anna", "--db", "publicerat.db")
    expect(missing.code).toBe(1)
    expect(missing.stderr).toBe("finns-inte.json: filen finns inte\nInget publicerades.\n")
    const empty = uppdrag("indicators", "show", "lpt-sluten-patienter", "--published", "--db", "tom.db")
    expect(empty.code).toBe(1)
    expect(empty.stderr).toContain("Inga indikatorer är publicerade ännu")
    expect(uppdrag("indicators", "publish", "kub.json", "--db", "publicerat.db").code).toBe(2)
  })
})

/** Starts `uppdrag serve` on a free port and resolves with the child and its URL once it listens. */
const serve = (...args: Array<string>) => launch(["serve", "--port", "0", ...args], { cwd: dir, env })

describe("uppdrag serve after indicators publish", () => {
  it("Indikatorer shows the latest publication with its version and date, and no page mentions synthetic data", async () => {
    const { child, url } = await serve("--db", "publicerat.db")
    const html = await (await fetch(`${url}/indikatorer`)).text()
    expect(html).toMatch(/Publicerad version 2, <time class="date" datetime="\d{4}-\d{2}-\d{2}">/)
    expect(html).not.toMatch(/syntet/i)
    expect(await (await fetch(`${url}/regioner/03`)).text()).toMatch(/för Uppsala län och riket, publicerad version 2/)
    expect(await stop(child)).toBe(0)
  })

  it("--demo puts the banner on every page", async () => {
    const { child, url } = await serve("--db", "publicerat.db", "--demo")
    for (const path of ["/?datum=2026-11-23", "/uppdrag", "/tillganglighet"]) {
      expect(await (await fetch(`${url}${path}`)).text()).toContain("<strong>Demoläge:</strong> indikatorerna är syntetiska exempeldata")
    }
    expect(await stop(child)).toBe(0)
  })
})
