import { execFileSync, spawn } from "node:child_process"
import { createHash } from "node:crypto"
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { inflateRawSync } from "node:zlib"
import { afterAll, describe, expect, it } from "vitest"

// The built CLI, run as a user runs it.
const bin = fileURLToPath(new URL("../dist/bin.cjs", import.meta.url))
// SCB september 2025 (= ../shared/data/population-2025-09.csv) and the seed 003 appendix table as published
// (= ../shared/data/allocation-2026-specialiserad-psykiatri.csv), both kept in the repository.
const population = fileURLToPath(new URL("../../../packages/allocation/data/scb-2025-09.csv", import.meta.url))
const published = fileURLToPath(new URL("../../../packages/allocation/test/fixtures/allocation-2026-specialiserad-psykiatri.csv", import.meta.url))
const dir = mkdtempSync(join(tmpdir(), "uppdrag-cli-allocate-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// Asynchronous, so the tests of this file (each a separate process) run side by side.
const uppdrag = (...args: Array<string>): Promise<{ code: number | null; stdout: string; bytes: Buffer; stderr: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } })
    const out: Array<Buffer> = []
    const err: Array<Buffer> = []
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk))
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk))
    child.on("error", reject)
    child.on("close", (code) => {
      const bytes = Buffer.concat(out)
      resolve({ code, stdout: bytes.toString("utf8"), bytes, stderr: Buffer.concat(err).toString("utf8") })
    })
  })
const grant = ["allocate", "--grant", "specialiserad-psykiatri-2026", "--population", population]

/** The text of one file inside a zip (xlsx) archive, found through the central directory. */
const unzipEntry = (zip: Buffer, name: string): string => {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  const count = zip.readUInt16LE(end + 10)
  let at = zip.readUInt32LE(end + 16)
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10)
    const size = zip.readUInt32LE(at + 20)
    const nameLength = zip.readUInt16LE(at + 28)
    const entry = zip.toString("utf8", at + 46, at + 46 + nameLength)
    const local = zip.readUInt32LE(at + 42)
    if (entry === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
      const data = zip.subarray(start, start + size)
      return (method === 8 ? inflateRawSync(data) : data).toString("utf8")
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  throw new Error(`${name} missing`)
}

// Generous timeouts: on a busy 2-core CI machine a dozen Node processes at once can take a while.
describe.concurrent("uppdrag allocate", { timeout: 120_000 }, () => {
  it("--format csv is byte-identical to the published seed 003 appendix table", async () => {
    const run = await uppdrag(...grant, "--format", "csv")
    expect(run.stderr).toBe("")
    expect(run.code).toBe(0)
    expect(run.bytes.equals(readFileSync(published))).toBe(true)
  })

  it("table (default): Swedish amounts, aligned columns and a totals row; seed 003, Bilaga: Gotlands län 8 670 310", async () => {
    const run = await uppdrag(...grant)
    expect(run.code).toBe(0)
    const lines = run.stdout.split("\n")
    expect(lines.find((l) => l.startsWith("09 "))).toMatch(/^09\s+Gotlands län\s+6 719 221\s+1 178 811\s+772 278\s+8 670 310$/)
    expect(lines.find((l) => l.includes("Riket"))).toMatch(/Riket\s+1 140 000 000\s+200 000 000\s+150 000 000\s+1 490 000 000$/)
    const widths = new Set(lines.filter((l) => /^\d\d /.test(l)).map((l) => l.length))
    expect(widths.size).toBe(1)
  })

  it("--compare shows plain rounding giving 200 000 002 kr for självvald inläggning", async () => {
    const run = await uppdrag(...grant, "--compare")
    expect(run.stdout).toContain("Medel självvald inläggning: 200 000 002 kr i stället för 200 000 000 kr (+2 kr)")
    const json = JSON.parse((await uppdrag(...grant, "--format", "json", "--compare")).stdout)
    expect(json.plainRounding.find((p: { component: string }) => p.component === "sjalvvald_inlaggning").total).toBe(200_000_002)
  })

  it("--format json has the documented shape", async () => {
    const json = JSON.parse((await uppdrag(...grant, "--format", "json")).stdout)
    expect(Object.keys(json)).toEqual(["grant", "method", "components", "rows", "total", "provenance"])
    expect(json.components[2]).toEqual({ id: "flexibla_overgangar", amount: 150_000_000, basis: "0-25" })
    expect(json.rows[1]).toEqual({
      region: "03",
      name: "Uppsala län",
      amounts: { vardkapacitet: 44_129_959, sjalvvald_inlaggning: 7_742_098, flexibla_overgangar: 6_331_866 },
      total: 58_203_923
    })
    expect(json.total).toBe(1_490_000_000)
  })

  it("--format xlsx --out writes a workbook with numbers as numeric cells", async () => {
    const out = join(dir, "fördelning.xlsx")
    const run = await uppdrag(...grant, "--format", "xlsx", "--out", out)
    expect(run.stderr).toBe("")
    expect(run.code).toBe(0)
    const zip = readFileSync(out)
    const sheet = unzipEntry(zip, "xl/worksheets/sheet1.xml")
    // Gotland's row: numeric cells (no t="s"/"inlineStr") holding the amounts.
    for (const amount of ["6719221", "1178811", "772278", "8670310", "1490000000"]) expect(sheet).toMatch(new RegExp(`<c r="[A-Z]+\\d+"[^>]*><v>${amount}</v></c>`))
    expect(sheet).not.toMatch(/<c [^>]*t="[^"]*"[^>]*><v>6719221<\/v>/)
  })

  it("--explain Gotland: population, share, exact quota, floor, remainder and rank", async () => {
    const run = await uppdrag(...grant, "--explain", "Gotland")
    expect(run.code).toBe(0)
    expect(run.stdout).toContain("Gotlands län (09) i specialiserad-psykiatri-2026")
    expect(run.stdout).toContain("Befolkning     50 111 av 8 501 959 i riket")
    expect(run.stdout).toContain("Exakt andel    6 719 220,828987 kr")
    expect(run.stdout).toContain("Rest           7048020/8501959 krona, plats 5 av 21")
    expect(run.stdout).toContain("Totalt: 8 670 310 kr")
  })

  it("--explain 09 --format json; an unknown region is refused", async () => {
    const [json, unknown] = await Promise.all([uppdrag(...grant, "--explain", "09", "--format", "json"), uppdrag(...grant, "--explain", "Atlantis")])
    expect(JSON.parse(json.stdout).components[2]).toMatchObject({ component: "flexibla_overgangar", population: 15_864, rank: 11, extra: false, amount: 772_278 })
    expect([unknown.code, unknown.stderr]).toEqual([1, '--explain: okänd region "Atlantis" (ange SCB-kod 01–25 eller länets namn)\n'])
  })

  it("--exclude 13,21,24 recomputes over the other 18 regions; the sum stays exact", async () => {
    const run = await uppdrag(...grant, "--exclude", "13,21,24", "--format", "json")
    expect(run.code).toBe(0)
    const json = JSON.parse(run.stdout)
    expect(json.exclude).toEqual(["13", "21", "24"])
    expect(json.rows.filter((r: { total: number }) => r.total === 0).map((r: { region: string }) => r.region)).toEqual(["13", "21", "24"])
    expect(json.rows.reduce((a: number, r: { total: number }) => a + r.total, 0)).toBe(1_490_000_000)
    const bad = await uppdrag(...grant, "--exclude", "13,99")
    expect([bad.code, bad.stderr]).toEqual([1, '--exclude: okänd regionkod "99" (ange SCB-koder 01–25, kommaseparerade)\n'])
  })

  it("a grant file (YAML) with a fixed amount per region and an exclusion", async () => {
    const file = join(dir, "kapacitet.yaml")
    writeFileSync(file, 'id: kapacitet-2025\nexclude: ["09"]\ncomponents:\n  - { id: kapacitet, amount: 3000000000, basis: "18+", fixedPerRegion: 100000000 }\n')
    const run = await uppdrag("allocate", "--grant", file, "--population", population, "--format", "csv")
    expect(run.code).toBe(0)
    const rows = run.stdout.trim().split("\n")
    expect(rows[0]).toBe("region,name,kapacitet,total")
    expect(rows.find((r) => r.startsWith("09,"))).toBe("09,Gotlands län,0,0")
    const amounts = rows.slice(1).map((r) => Number(r.split(",")[3]))
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(3_000_000_000)
    expect(amounts.filter((a) => a > 0).every((a) => a > 100_000_000)).toBe(true)
  })

  it("--verify on the published seed 003 table: all 84 cells agree, exit 0", async () => {
    const run = await uppdrag(...grant, "--verify", published)
    expect([run.code, run.stderr]).toEqual([0, ""])
    expect(run.stdout).toContain("Alla 84 celler stämmer på kronan.")
    const json = JSON.parse((await uppdrag(...grant, "--verify", published, "--format", "json")).stdout)
    expect(json).toMatchObject({ verified: true, cells: 84, discrepancies: [] })
  })

  it("--verify on a copy with Gotland's vårdkapacitet one krona off: exit 1, naming region, component, published, computed and difference", async () => {
    const copy = join(dir, "bilaga-fel.csv")
    writeFileSync(copy, readFileSync(published, "utf8").replace("09,Gotlands län,6719221,", "09,Gotlands län,6719222,"))
    const run = await uppdrag(...grant, "--verify", copy)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/1 av 84 celler avviker:/)
    expect(run.stdout).toMatch(/09 +Gotlands län +Medel vårdkapacitet +6 719 222 +6 719 221 +−1/)
    expect(run.stderr).toBe(`${copy}: 1 av 84 celler avviker från omräkningen\n  Gotlands län (09), Medel vårdkapacitet: publicerat 6 719 222 kr, beräknat 6 719 221 kr, skillnad −1 kr\n`)
    const json = await uppdrag(...grant, "--verify", copy, "--format", "json")
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout).discrepancies).toEqual([{ region: "09", name: "Gotlands län", component: "vardkapacitet", published: 6_719_222, computed: 6_719_221, difference: -1 }])
  })

  it("a bad --verify file: Swedish message with file, line and field, exit 1", async () => {
    const copy = join(dir, "bilaga-trasig.csv")
    writeFileSync(copy, readFileSync(published, "utf8").replace("03,Uppsala län,44129959,", "03,Uppsala län,44 129 959 kronor ungefär,"))
    const run = await uppdrag(...grant, "--verify", copy)
    expect([run.code, run.stderr]).toEqual([1, `${copy}:3: vardkapacitet: "44 129 959 kronor ungefär" är inte ett belopp i hela kronor\n`])
  })

  it("provenance: --format json carries the population file's SHA-256 as sha256sum prints it; table has a notes block, xlsx a sheet, csv a sidecar", async () => {
    let printed = createHash("sha256").update(readFileSync(population)).digest("hex")
    try {
      printed = execFileSync("sha256sum", [population], { encoding: "utf8" }).split(" ")[0]!
    } catch {
      // no sha256sum here: the same digest from node:crypto
    }
    const sidecar = join(dir, "ursprung.json")
    const [json, table, csv] = await Promise.all([uppdrag(...grant, "--format", "json"), uppdrag(...grant), uppdrag(...grant, "--format", "csv", "--provenance", sidecar)])
    const provenance = JSON.parse(json.stdout).provenance
    expect(provenance.population).toMatchObject({ file: population, sha256: printed })
    expect(provenance).toMatchObject({ method: "largest-remainder", grant: { _tag: "Catalog", grant: "specialiserad-psykiatri-2026" }, package: { name: "@uppdrag/allocation" }, preliminary: [] })
    expect(table.stdout).toContain(`Befolkningsfilens SHA-256   ${printed}`)
    expect(csv.bytes.equals(readFileSync(published))).toBe(true)
    expect(JSON.parse(readFileSync(sidecar, "utf8")).population.sha256).toBe(printed)
    const out = join(dir, "ursprung.xlsx")
    expect((await uppdrag(...grant, "--format", "xlsx", "--out", out)).code).toBe(0)
    const zip = readFileSync(out)
    expect(unzipEntry(zip, "xl/workbook.xml")).toContain('name="Ursprung"')
    expect(unzipEntry(zip, "xl/sharedStrings.xml")).toContain(printed)
  })

  it("--year 2027: seed 003 plans 1 500 000 000 kr but no amount to the regions, so --scale-to is asked for; with it, PRELIMINÄR in every format", async () => {
    const asked = await uppdrag(...grant, "--year", "2027")
    expect(asked.code).toBe(1)
    expect(asked.stderr).toContain("--year: för 2027 planerar beslutet 1 500 000 000 kr totalt för ändamålet men anger inte hur mycket som går till regionerna; ange --scale-to BELOPP")
    const next = [...grant, "--year", "2027", "--scale-to", "1500000000"]
    const [json, table, csv] = await Promise.all([uppdrag(...next, "--format", "json"), uppdrag(...next), uppdrag(...next, "--format", "csv")])
    const parsed = JSON.parse(json.stdout)
    expect(parsed.status).toBe("PRELIMINÄR")
    expect(parsed.components.map((c: { amount: number }) => c.amount)).toEqual([1_147_651_007, 201_342_282, 151_006_711])
    expect(table.stdout.startsWith("PRELIMINÄR: 2027 är ett planerat år")).toBe(true)
    expect(csv.stdout.split("\n")[0]).toMatch(/^# PRELIMINÄR: /)
    const out = join(dir, "2027.xlsx")
    expect((await uppdrag(...next, "--format", "xlsx", "--out", out)).code).toBe(0)
    expect(unzipEntry(readFileSync(out), "xl/sharedStrings.xml")).toContain("PRELIMINÄR")
  })

  it("--diff against the 2026 table: each region's change split into the part from the pot and from the population, PRELIMINÄR", async () => {
    const run = await uppdrag(...grant, "--scale-to", "1500000000", "--diff", published, "--format", "json")
    expect(run.code).toBe(0)
    const json = JSON.parse(run.stdout)
    expect(json.status).toBe("PRELIMINÄR")
    expect(json.total).toMatchObject({ before: 1_490_000_000, after: 1_500_000_000, change: 10_000_000, fromPot: 10_000_000, fromPopulation: 0 })
    const table = await uppdrag(...grant, "--scale-to", "1500000000", "--diff", published)
    expect(table.stdout).toMatch(/Riket +1 490 000 000 +1 500 000 000 +\+10 000 000 +\+10 000 000 +0/)
  })

  it("a grant file split by a distribution key; a bad key file is refused with file, line and field", async () => {
    const folder = join(dir, "nyckel")
    mkdirSync(folder)
    const codes = readFileSync(published, "utf8").trim().split("\n").slice(1).map((l) => l.slice(0, 2))
    writeFileSync(join(folder, "vardmodell.csv"), `region,weight\n${codes.map((c) => `${c},${c === "09" ? "1.25" : "1"}`).join("\n")}\n`)
    writeFileSync(join(folder, "bidrag.yaml"), "id: vardmodell-2024\ncomponents:\n  - { id: vardmodell, amount: 2100, basis: { key: vardmodell.csv } }\n")
    const run = await uppdrag("allocate", "--grant", join(folder, "bidrag.yaml"), "--population", population, "--format", "json")
    expect(run.code).toBe(0)
    const json = JSON.parse(run.stdout)
    // 2 100 kr over 20 weights of 1 and one of 1.25: quotas 98.82 each and Gotland 123.53; floors leave
    // 17 kronor, which go to 17 of the 20 remainders of 0.82, so Gotland keeps 123.
    expect(json.rows.find((r: { region: string }) => r.region === "09").total).toBe(123)
    expect(json.total).toBe(2100)
    expect(json.provenance.keys[0]).toMatchObject({ component: "vardmodell", file: join(folder, "vardmodell.csv") })
    writeFileSync(join(folder, "vardmodell.csv"), `region,weight\n${codes.map((c) => `${c},${c === "09" ? "-1" : "1"}`).join("\n")}\n`)
    const bad = await uppdrag("allocate", "--grant", join(folder, "bidrag.yaml"), "--population", population)
    expect([bad.code, bad.stderr]).toEqual([1, `${join(folder, "vardmodell.csv")}:9: weight: får inte vara negativ (-1)\n`])
  })

  describe("bad input: Swedish message with file, line and field; exit 1; nothing written", () => {
    // Each case in its own folder, so leftovers of other cases running at the same time do not count.
    const bad = async (name: string, content: string | Uint8Array) => {
      const folder = join(dir, name.replace(/\W/g, "-"))
      mkdirSync(folder)
      const file = join(folder, name)
      writeFileSync(file, content)
      const out = join(folder, `${name}.out.csv`)
      const run = await uppdrag("allocate", "--grant", "specialiserad-psykiatri-2026", "--population", file, "--format", "csv", "--out", out)
      expect(run.code).toBe(1)
      expect(run.stdout).toBe("")
      expect(existsSync(out)).toBe(false)
      expect(readdirSync(folder)).toEqual([name])
      return run.stderr.replaceAll(folder, "MAPP")
    }
    const text = readFileSync(population, "utf8")

    it("unknown region code", async () => {
      expect(await bad("okand.csv", text.replace("03,18+,", "99,18+,"))).toContain('okand.csv:3: region: okänd regionkod "99"')
    })
    it("duplicate row", async () => {
      expect(await bad("dubbel.csv", `${text}03,18+,5\n`)).toBe(`MAPP/dubbel.csv:44: region: 03 ålder 18+ finns redan (rad 3)\n`)
    })
    it("negative, decimal and non-numeric values", async () => {
      const stderr = await bad("varden.csv", text.replace("03,18+,329115", "03,18+,-329115").replace("04,18+,239724", "04,18+,239724.5").replace("05,18+,380260", "05,18+,många"))
      expect(stderr.split("\n").slice(0, 3)).toEqual([
        `MAPP/varden.csv:3: population: får inte vara negativt (-329115)`,
        `MAPP/varden.csv:4: population: måste vara ett heltal (239724.5)`,
        `MAPP/varden.csv:5: population: "många" är inte ett tal`
      ])
    })
    it("empty file and missing column", async () => {
      expect(await bad("tom.csv", "")).toBe("MAPP/tom.csv: filen är tom\n")
      expect(await bad("kolumn.csv", text.replace("region,age,population", "region,age,antal"))).toContain("kolumn.csv:1: antal: okänd kolumn")
    })
    it("a band the file cannot give (a region missing)", async () => {
      expect(await bad("saknas.csv", text.replace(/^09,0-25,.*\n/m, ""))).toContain("ålder 0-25: Gotlands län (09) saknas")
    })
    it("wrongly encoded (UTF-16)", async () => {
      expect(await bad("utf16.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]))).toContain("inte en textfil i UTF-8 eller Windows-1252")
    })
    it("a missing file", async () => {
      const run = await uppdrag(...["allocate", "--grant", "specialiserad-psykiatri-2026", "--population", join(dir, "finns-inte.csv")])
      expect([run.code, run.stderr]).toEqual([1, `${join(dir, "finns-inte.csv")}: filen finns inte\n`])
    })
  })

  it("unknown grant is refused (1); a missing --population or unknown format is a usage error (2); --help has examples", async () => {
    const unknown = await uppdrag("allocate", "--grant", "finns-inte-2026", "--population", population)
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('--grant: okänt statsbidrag "finns-inte-2026"')
    expect((await uppdrag("allocate", "--grant", "specialiserad-psykiatri-2026")).code).toBe(2)
    expect((await uppdrag(...grant, "--format", "pdf")).code).toBe(2)
    const help = await uppdrag("allocate", "--help")
    expect(help.code).toBe(0)
    expect(help.stdout).toContain("Exempel:")
    expect(help.stdout).toContain("--explain <region>")
  })
})

// Seed 002's capped, performance-based pot (42 500 000 kr, "Varje landsting kan inte få en större andel av det
// totala bidraget … än vad som motsvarar dess andel av befolkningen"). Test figures, not SCB's: 8 500 000
// inhabitants so that each cap is exactly 5 kr per inhabitant.
describe("uppdrag allocate: the 2012 stimulus pot, capped at each county's population share", () => {
  const inhabitants: Record<string, number> = {
    "01": 1_900_000, "03": 300_000, "04": 250_000, "05": 400_000, "06": 300_000, "07": 170_000, "08": 210_000,
    "09": 50_000, "10": 140_000, "12": 1_100_000, "13": 270_000, "14": 1_400_000, "17": 250_000, "18": 250_000,
    "19": 230_000, "20": 250_000, "21": 250_000, "22": 220_000, "23": 120_000, "24": 230_000, "25": 210_000
  }
  const people = join(dir, "befolkning-2011-12-31.csv")
  writeFileSync(people, `region,age,population\n${Object.entries(inhabitants).map(([code, n]) => `${code},0+,${n}`).join("\n")}\n`)
  // Gotland (09) meets none of the four conditions, Halland (13) lacks new teams, Gävleborg (21) the report on funds.
  const row = (code: string) => {
    const met = code === "09" ? "nej,nej,nej,nej" : code === "13" ? "ja,nej,ja,ja" : code === "21" ? "ja,ja,ja,nej" : "ja,ja,ja,ja"
    return `${code},${met}`
  }
  const conditions = join(dir, "villkor-2012.csv")
  writeFileSync(conditions, `region,kompetensplan,nyaTeam,tvangsatgarder,redovisning\n${Object.keys(inhabitants).map(row).join("\n")}\n`)
  const pot = ["allocate", "--grant", "heldygnsvard-stimulansmedel-2012", "--population", people, "--conditions", conditions]
  type Outcome = { rows: Array<{ region: string; cap: number; earned: number; redistributed: number; amount: number; missing: Array<string> }>; paid: number; unallocated: number }
  const outcome = async (...extra: Array<string>): Promise<Outcome> => {
    const run = await uppdrag(...pot, "--format", "json", ...extra)
    expect([run.code, run.stderr]).toEqual([0, ""])
    return JSON.parse(run.stdout) as Outcome
  }
  const amountOf = (o: Outcome, code: string) => o.rows.find((r) => r.region === code)?.amount

  it("all four conditions or nothing: the three counties that miss one get 0, 2 850 000 kr is reported unallocated, not spread", async () => {
    const o = await outcome()
    for (const r of o.rows) expect(r.cap).toBe(5 * inhabitants[r.region]!)
    expect([amountOf(o, "01"), amountOf(o, "09"), amountOf(o, "13"), amountOf(o, "21")]).toEqual([9_500_000, 0, 0, 0])
    expect(o.rows.find((r) => r.region === "13")?.missing).toEqual(["nyaTeam"])
    expect([o.paid, o.unallocated]).toEqual([39_650_000, 2_850_000])
  })

  it("--partial: a quarter of the cap per condition met, so Halland gets 1 012 500 kr of 1 350 000 kr", async () => {
    const o = await outcome("--partial")
    expect([amountOf(o, "09"), amountOf(o, "13"), amountOf(o, "21")]).toEqual([0, 1_012_500, 937_500])
    expect([o.paid, o.unallocated]).toEqual([41_600_000, 900_000])
  })

  it("--partial --redistribute: the rest fills Halland and Gävleborg to their caps and never above; Gotland, with nothing earned, gets nothing", async () => {
    const o = await outcome("--partial", "--redistribute")
    expect([amountOf(o, "09"), amountOf(o, "13"), amountOf(o, "21")]).toEqual([0, 1_350_000, 1_250_000])
    for (const r of o.rows) expect(r.amount).toBeLessThanOrEqual(r.cap)
    expect([o.paid, o.unallocated]).toEqual([42_250_000, 250_000])
  })

  it("the table names the rule, the missing conditions and the unallocated sum the Swedish way", async () => {
    const run = await uppdrag(...pot)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain("hela taket när alla fyra villkor är uppfyllda, annars inget")
    expect(run.stdout).toMatch(/13 +Hallands län +270 000 +1 350 000 +3 av 4 \(saknar nyaTeam\) +0 +0 +0/)
    expect(run.stdout).toContain("Utbetalas: 39 650 000 kr. Ej fördelat: 2 850 000 kr (fördelas inte vidare; --redistribute fördelar det under samma tak).")
  })

  it("csv: one row per county with cap, conditions met and amount", async () => {
    const run = await uppdrag(...pot, "--format", "csv")
    const lines = run.stdout.trim().split("\n")
    expect(lines[0]).toBe("region,name,population,cap,conditionsMet,earned,redistributed,amount")
    expect(lines).toContain("13,Hallands län,270000,1350000,3,0,0,0")
    expect(lines).toHaveLength(22)
  })

  it("bad input: no --conditions or options of population splits are usage errors (2); a conditions file with a bad value or a county missing is refused (1)", async () => {
    const without = await uppdrag("allocate", "--grant", "heldygnsvard-stimulansmedel-2012", "--population", people)
    expect([without.code, without.stderr]).toEqual([2, "--conditions FIL krävs för heldygnsvard-stimulansmedel-2012: potten betalas efter vilka villkor varje region uppfyllt (se --help)\n"])
    expect((await uppdrag(...pot, "--exclude", "13")).code).toBe(2)
    expect((await uppdrag(...grant, "--conditions", conditions)).code).toBe(2)
    const badValue = join(dir, "villkor-fel.csv")
    writeFileSync(badValue, readFileSync(conditions, "utf8").replace("13,ja,nej,ja,ja", "13,ja,kanske,ja,ja"))
    const refused = await uppdrag("allocate", "--grant", "heldygnsvard-stimulansmedel-2012", "--population", people, "--conditions", badValue)
    const line = readFileSync(badValue, "utf8").split("\n").findIndex((l) => l.startsWith("13,")) + 1
    expect([refused.code, refused.stderr]).toEqual([1, `${badValue}:${line}: nyaTeam: ska vara ja eller nej, fick "kanske"\n`])
    const short = join(dir, "villkor-kort.csv")
    writeFileSync(short, readFileSync(conditions, "utf8").replace(/^25,.*\n/m, ""))
    const missing = await uppdrag("allocate", "--grant", "heldygnsvard-stimulansmedel-2012", "--population", people, "--conditions", short)
    expect([missing.code, missing.stderr]).toEqual([1, `${short}: Norrbottens län (25) saknas; villkorsfilen ska ha en rad per region\n`])
  })
})
