import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"

// The built CLI, run as a user runs it: `node apps/cli/dist/bin.cjs …`.
const bin = fileURLToPath(new URL("../dist/bin.cjs", import.meta.url))
const dir = mkdtempSync(join(tmpdir(), "uppdrag-cli-indikatorer-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const uppdrag = (...args: Array<string>) => {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const regions = ["01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17", "18", "19", "20", "21", "22", "23", "24", "25"]
const bands = ["0-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+"]
// 10 000 inhabitants per region, sex and age group: 160 000 per region, 3 360 000 in Riket.
writeFileSync(
  join(dir, "befolkning.csv"),
  `region,age,population,sex\n${regions.flatMap((r) => bands.flatMap((b) => ["K", "M"].map((s) => `${r},${b},10000,${s}`))).join("\n")}\n`
)
const five = (make: (i: number) => string): string => [1, 2, 3, 4, 5].map(make).join("")
writeFileSync(
  join(dir, "episoder.csv"),
  [
    "patient,region,sex,birthYear,careForm,start,end\n",
    // Five women in both Stockholm and Uppsala: five in Riket.
    five((i) => `A${i},01,K,1990,sluten-lpt,2023-03-01,2023-03-20\nA${i},03,K,1990,sluten-lpt,2023-06-01,2023-06-10\n`),
    // Five men across New Year 2023/2024 in Stockholm.
    five((i) => `B${i},01,M,1950,sluten-lpt,2023-12-28,2024-01-05\n`),
    // Five open episodes of öppen LPT in Västra Götaland.
    five((i) => `C${i},14,M,2000,oppen-lpt,2023-05-01,\n`),
    // One patient on Gotland: a small count.
    "E1,09,K,1960,domstols-lrv,2023-02-01,2023-02-02\n"
  ].join("")
)

writeFileSync(join(dir, "trasig-tva.csv"), "patient,region,sex,birthYear,careForm,start,end\nP1,01\nP2,01,K,1990,x,2023-01-01,\nP3,01,K,1990,y,2023-01-01,\n")

type Cell = { year: number; region: string; sex: string; ageGroup: string; careForm: string; patients: number | null; per100k: number | null; suppressed: boolean }
const find = (cells: Array<Cell>, at: Partial<Cell>): Cell | undefined =>
  cells.find((c) => Object.entries({ sex: "T", ageGroup: "alla", careForm: "sluten-lpt", ...at }).every(([k, v]) => c[k as keyof Cell] === v))

describe("uppdrag indicators compute", () => {
  it("hand-made file: a patient in two regions counts once in Riket, New Year in both years, open episodes to the last year", () => {
    const run = uppdrag("indicators", "compute", "--episodes", "episoder.csv", "--population", "befolkning.csv", "--years", "2023-2024")
    expect(run.stderr).toBe("")
    expect(run.code).toBe(0)
    const { cells } = JSON.parse(run.stdout) as { cells: Array<Cell> }
    expect(cells).toHaveLength(2 * 5 * 22 * 3 * 9)
    expect(find(cells, { year: 2023, region: "01" })).toEqual({ year: 2023, region: "01", sex: "T", ageGroup: "alla", careForm: "sluten-lpt", patients: 10, per100k: 6.3, suppressed: false })
    expect(find(cells, { year: 2023, region: "03", sex: "K" })?.patients).toBe(5)
    expect(find(cells, { year: 2023, region: "00", sex: "K" })?.patients).toBe(5)
    expect(find(cells, { year: 2023, region: "00" })).toMatchObject({ patients: 10, per100k: 0.3 })
    expect(find(cells, { year: 2024, region: "01", sex: "M", ageGroup: "65-74" })?.patients).toBe(5)
    expect(find(cells, { year: 2024, region: "14", careForm: "oppen-lpt", sex: "M", ageGroup: "18-24" })).toMatchObject({ patients: 5, per100k: 50 })
  })

  it("--threads 2 (two readers, patients split by id) gives the same cube as one", () => {
    const one = uppdrag("indicators", "compute", "--episodes", "episoder.csv", "--population", "befolkning.csv", "--years", "2023-2024", "--format", "csv")
    const two = uppdrag("indicators", "compute", "--episodes", "episoder.csv", "--population", "befolkning.csv", "--years", "2023-2024", "--format", "csv", "--threads", "2")
    expect(two.code).toBe(0)
    expect(two.stdout).toBe(one.stdout)
    const bad = uppdrag("indicators", "compute", "--episodes", "trasig-tva.csv", "--threads", "2")
    expect(bad.code).toBe(1)
    expect(bad.stderr).toBe('trasig-tva.csv:2: raden har 2 fält, rubriken har 7\ntrasig-tva.csv:3: careForm: okänd vårdform "x" (ska vara sluten-lpt, oppen-lpt, domstols-lrv, akut-lrv, oppen-lrv)\ntrasig-tva.csv:4: careForm: okänd vårdform "y" (ska vara sluten-lpt, oppen-lpt, domstols-lrv, akut-lrv, oppen-lrv)\n3 fel hittades; ingenting skrevs.\n')
  })

  it("the one Gotland patient is masked, and so are enough other cells that it can't be worked out", () => {
    const run = uppdrag("indicators", "compute", "--episodes", "episoder.csv", "--years", "2023", "--threshold", "5")
    const { cells } = JSON.parse(run.stdout) as { cells: Array<Cell> }
    const lrv = cells.filter((c) => c.careForm === "domstols-lrv")
    expect(lrv.filter((c) => c.patients !== null && c.patients > 0 && c.patients < 5)).toEqual([])
    expect(find(cells, { region: "09", careForm: "domstols-lrv", sex: "K", ageGroup: "55-64" })).toMatchObject({ patients: null, per100k: null, suppressed: true })
    expect(find(cells, { region: "00", careForm: "domstols-lrv" })?.suppressed).toBe(true)
  })

  it("CSV and JSON-stat 2.0 with status for masked cells", () => {
    const csv = uppdrag("indicators", "compute", "--episodes", "episoder.csv", "--population", "befolkning.csv", "--years", "2023", "--format", "csv")
    expect(csv.code).toBe(0)
    const lines = csv.stdout.trimEnd().split("\n")
    expect(lines[0]).toBe("year,region,sex,ageGroup,careForm,patients,per100k,suppressed")
    expect(lines).toContain("2023,01,T,alla,sluten-lpt,10,6.3,false")
    expect(lines).toContain("2023,09,K,55-64,domstols-lrv,,,true")
    const stat = JSON.parse(uppdrag("indicators", "compute", "--episodes", "episoder.csv", "--years", "2023", "--format", "jsonstat").stdout)
    expect(stat).toMatchObject({ version: "2.0", class: "dataset", id: ["year", "careForm", "region", "sex", "ageGroup", "measure"], size: [1, 5, 22, 3, 9, 2] })
    // domstols-LRV (care form 2), Gotland (region 8), women (0), 55-64 (5), patients (0).
    const index = ((((0 * 5 + 2) * 22 + 8) * 3 + 0) * 9 + 5) * 2
    expect(stat.value[index]).toBeNull()
    expect(stat.status[String(index)]).toBe(".")
  })

  it("writes --out whole, and refuses a malformed file with file, line and field, exit 1, nothing written", () => {
    const ok = uppdrag("indicators", "compute", "--episodes", "episoder.csv", "--years", "2023", "--out", "kub.json")
    expect(ok.code).toBe(0)
    expect(JSON.parse(readFileSync(join(dir, "kub.json"), "utf8")).cells).toHaveLength(5 * 22 * 3 * 9)
    writeFileSync(
      join(dir, "trasig.csv"),
      "patient,region,sex,birthYear,careForm,start,end\nP1,01,K,1990,sluten-lpt,2023-02-30,\nP2,01,K,1990,tvång,2023-01-01,\nP3,30,K,1990,sluten-lpt,2023-01-01,2022-12-31\n"
    )
    const bad = uppdrag("indicators", "compute", "--episodes", "trasig.csv", "--out", "trasig-kub.json")
    expect(bad.code).toBe(1)
    expect(bad.stdout).toBe("")
    expect(bad.stderr.split("\n")).toEqual([
      'trasig.csv:2: start: "2023-02-30" är inte ett giltigt datum på formen ÅÅÅÅ-MM-DD',
      'trasig.csv:3: careForm: okänd vårdform "tvång" (ska vara sluten-lpt, oppen-lpt, domstols-lrv, akut-lrv, oppen-lrv)',
      'trasig.csv:4: region: okänd region "30" (ange SCB-kod 01–25)',
      'trasig.csv:4: end: slutdatum "2022-12-31" är före startdatum',
      "4 fel hittades; ingenting skrevs.",
      ""
    ])
    expect(existsSync(join(dir, "trasig-kub.json"))).toBe(false)
  })

  it("a missing column and a bad population file: exit 1, nothing written", () => {
    writeFileSync(join(dir, "utan-slut.csv"), "patient,region,sex,birthYear,careForm,start\nP1,01,K,1990,sluten-lpt,2023-01-01\n")
    const missing = uppdrag("indicators", "compute", "--episodes", "utan-slut.csv", "--out", "x.json")
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain("utan-slut.csv:1: end: kolumnen saknas")
    writeFileSync(join(dir, "negativ.csv"), "region,age,population,sex\n01,0-17,-5,K\n")
    const negative = uppdrag("indicators", "compute", "--episodes", "episoder.csv", "--population", "negativ.csv", "--out", "x.json")
    expect(negative.code).toBe(1)
    expect(negative.stderr).toContain("negativ.csv:2: population: får inte vara negativt (-5)")
    expect(existsSync(join(dir, "x.json"))).toBe(false)
  })

  it("bad option values are usage errors (exit 2)", () => {
    expect(uppdrag("indicators", "compute", "--episodes", "episoder.csv", "--years", "2024-2020").code).toBe(2)
    expect(uppdrag("indicators", "compute", "--episodes", "episoder.csv", "--threshold", "1").code).toBe(2)
    expect(uppdrag("indicators", "compute", "--episodes", "episoder.csv", "--format", "xml").code).toBe(2)
    expect(uppdrag("indicators", "compute").code).toBe(2)
  })
})

describe("uppdrag indicators list|show|sample", () => {
  it("list names every indicator, the follow-up measures among them", () => {
    const run = uppdrag("indicators", "list", "--format", "json")
    expect(run.code).toBe(0)
    const ids = (JSON.parse(run.stdout) as Array<{ id: string }>).map((i) => i.id)
    expect(ids).toEqual(expect.arrayContaining(["lpt-sluten-patienter", "lpt-sluten-per100k", "lpt-oppen-per100k", "lrv-domstol-per100k", "lpt-sluten-andel-kvinnor", "vardplatser-vuxenpsykiatri-per100k", "sjalvvald-inlaggning-platser", "overgang-bup-vup-strukturerad-overlamning"]))
  })

  it("show gives the definition, then values by region with rank and ratio, and by sex", () => {
    const definition = uppdrag("indicators", "show", "lpt-sluten-per100k")
    expect(definition.code).toBe(0)
    expect(definition.stdout).toContain("Patienter i sluten psykiatrisk tvångsvård (LPT) per 100 000 invånare")
    uppdrag("indicators", "compute", "--episodes", "episoder.csv", "--population", "befolkning.csv", "--years", "2023", "--out", "kub-med-befolkning.json")
    const byRegion = JSON.parse(uppdrag("indicators", "show", "lpt-sluten-patienter", "--cube", "kub-med-befolkning.json", "--format", "json").stdout)
    expect(byRegion.rows[1]).toMatchObject({ region: "01", value: 10, rank: 1, ratioToRiket: 1 })
    expect(byRegion.rows[2]).toMatchObject({ region: "03", value: 5, rank: 2, ratioToRiket: 0.5 })
    const bySex = uppdrag("indicators", "show", "lpt-sluten-patienter", "--cube", "kub-med-befolkning.json", "--by", "sex", "--region", "01", "--format", "csv")
    expect(bySex.stdout).toBe("key,label,value\nK,Kvinnor,5\nM,Män,5\nT,Båda könen,10\n")
    expect(uppdrag("indicators", "show", "finns-inte").code).toBe(1)
  })

  it("sample writes SYNTHETIC files that compute reads, and follow-up measures show progress", () => {
    const run = uppdrag("indicators", "sample", "--out", "exempel", "--seed", "3", "--episodes", "5000")
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Skrev SYNTETISKA data i exempel/)
    expect(readFileSync(join(dir, "exempel", "LÄSMIG.txt"), "utf8")).toMatch(/^SYNTETISKA DATA/)
    const again = uppdrag("indicators", "sample", "--out", "exempel2", "--seed", "3", "--episodes", "5000")
    expect(again.code).toBe(0)
    expect(readFileSync(join(dir, "exempel2", "episoder.csv"), "utf8")).toBe(readFileSync(join(dir, "exempel", "episoder.csv"), "utf8"))
    const cube = uppdrag("indicators", "compute", "--episodes", "exempel/episoder.csv", "--population", "exempel/befolkning", "--years", "2023", "--format", "csv")
    expect(cube.code).toBe(0)
    expect(cube.stdout).toMatch(/\n2023,00,T,alla,sluten-lpt,\d+,\d+\.\d,false\n/)
    const followUp = JSON.parse(uppdrag("indicators", "show", "sjalvvald-inlaggning-platser", "--followup", "exempel/uppfoljning.csv", "--format", "json").stdout)
    expect(followUp.regions).toHaveLength(21)
    expect(followUp.regions[0]).toHaveProperty("status")
  })
})
