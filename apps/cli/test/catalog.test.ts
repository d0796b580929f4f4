import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

// The built CLI, run as a user runs it: `node apps/cli/dist/bin.cjs …`.
const bin = fileURLToPath(new URL("../dist/bin.cjs", import.meta.url))
const dir = mkdtempSync(join(tmpdir(), "uppdrag-cli-katalog-"))

const uppdrag = (...args: Array<string>) => {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const good = `id: eget-uppdrag
kind: regeringsuppdrag
title: Eget uppdrag om uppföljning
decided: 2026-02-02
diaryNumbers:
  - S2026/01234
ministry: Socialdepartementet
recipient: Socialstyrelsen
funding:
  - year: 2026
    total: 1000000
grants:
  - id: eget-bidrag
    title: Eget bidrag
    year: 2026
    amount: 1000000
    method: largest-remainder
    paidBy: Socialstyrelsen
    exclude: ["09"]
    source: "Eget beslut."
    components:
      - { id: alla, title: Alla vuxna, amount: 1000000, basis: "18+", populationReference: SCB september 2025 }
`

// The four problems of the acceptance criteria: a bad date, a malformed diary
// number, a negative amount and an unknown region code.
const bad = good
  .replace("decided: 2026-02-02", "decided: 2026-02-30")
  .replace("  - S2026/01234", "  - S2026/1234")
  .replace("    total: 1000000", "    total: -5")
  .replace('exclude: ["09"]', 'exclude: ["02"]')

let goodFile = ""
let badFile = ""

beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`${bin} saknas: bygg först (node tooling/scripts/pnpm.mjs --filter @uppdrag/cli run build)`)
  goodFile = join(dir, "eget.yaml")
  badFile = join(dir, "fyra-fel.yaml")
  writeFileSync(goodFile, good)
  writeFileSync(badFile, bad)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("uppdrag catalog list", () => {
  it("--format json: all five seed documents with diaryNumbers, title and decided", () => {
    const { code, stdout, stderr } = uppdrag("catalog", "list", "--format", "json")
    expect([code, stderr]).toEqual([0, ""])
    const items = JSON.parse(stdout) as Array<{ id: string; diaryNumbers: Array<string>; title: string; decided: string }>
    expect(items.map((i) => [i.id, i.diaryNumbers, i.decided])).toEqual([
      ["heldygnsvard-2012", [], "2011-12-16"],
      ["tvangsvard-2024", ["S2024/01004"], "2024-01-01"],
      ["utvecklingsteam-2024", ["S2024/01463"], "2024-01-01"],
      ["underlag-specialiserad-psykiatri-2026", [], "2026-01-01"],
      ["specialiserad-psykiatri-2026", ["S2025/01528", "S2025/02071", "S2026/00095 (delvis)"], "2026-01-22"]
    ])
    for (const item of items) {
      expect(Array.isArray(item.diaryNumbers)).toBe(true)
      expect(item.title.length).toBeGreaterThan(10)
      expect(item.decided).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    }
    expect(items.find((i) => i.id === "underlag-specialiserad-psykiatri-2026")).toMatchObject({ kind: "underlag", concerns: "S2025/01528", issuedBy: "Socialstyrelsen", funds: null })
    // The decided funds the table shows are in the JSON too (planned years not counted).
    expect(items.find((i) => i.id === "specialiserad-psykiatri-2026")).toMatchObject({ funds: 1_500_000_000 })
    expect(items.find((i) => i.id === "specialiserad-psykiatri-2026")?.title).toBe(
      "Uppdrag till Socialstyrelsen att genomföra nationella utvecklingsinsatser för att stärka den specialiserade psykiatriska vården för vuxna med särskilt fokus på ökad vårdkapacitet"
    )
  })

  it("the table shows diary numbers and funds the Swedish way", () => {
    const { code, stdout } = uppdrag("catalog", "list")
    expect(code).toBe(0)
    expect(stdout).toContain("S2025/01528")
    expect(stdout).toContain("1 500 000 000 kr")
    expect(stdout).toContain("56 500 000 kr")
    expect(stdout).toMatch(/underlag-specialiserad-psykiatri-2026 +Underlag +2026 +– +Stärka den specialiserade/)
    expect(stdout.trim().split("\n")).toHaveLength(2 + 5)
  })

  it("--catalog adds a user's file", () => {
    const { code, stdout } = uppdrag("catalog", "list", "--format", "json", "--catalog", goodFile)
    expect(code).toBe(0)
    expect((JSON.parse(stdout) as Array<{ id: string }>).map((i) => i.id)).toContain("eget-uppdrag")
  })

  it("--out writes the file and nothing to stdout", () => {
    const out = join(dir, "katalog.json")
    const { code, stdout } = uppdrag("catalog", "list", "--format", "json", "--out", out)
    expect([code, stdout]).toEqual([0, ""])
    expect(JSON.parse(readFileSync(out, "utf8"))).toHaveLength(5)
  })

  it("a bad --catalog file is refused with exit 1", () => {
    const { code, stdout, stderr } = uppdrag("catalog", "list", "--catalog", badFile)
    expect([code, stdout]).toEqual([1, ""])
    expect(stderr).toContain(`${badFile}:4: decided: 2026-02-30 är inte ett giltigt datum`)
  })
})

describe("uppdrag catalog validate", () => {
  it("a good file: exit 0", () => {
    const { code, stdout, stderr } = uppdrag("catalog", "validate", goodFile)
    expect([code, stderr]).toEqual([0, ""])
    expect(stdout).toBe("Katalogen är giltig: 1 beslut granskade.\n")
  })

  it("a file with a bad date, a malformed diary number, a negative amount and an unknown region: one line per problem with its path, exit 1", () => {
    const { code, stdout, stderr } = uppdrag("catalog", "validate", badFile)
    expect([code, stdout]).toEqual([1, ""])
    expect(stderr.trimEnd().split("\n")).toEqual([
      `${badFile}:4: decided: 2026-02-30 är inte ett giltigt datum`,
      `${badFile}:6: diaryNumbers[0]: "S2026/1234" är inte ett diarienummer (t.ex. S2025/01528 eller S2026/00095 (delvis))`,
      `${badFile}:11: funding[0].total: beloppet får inte vara negativt (-5)`,
      `${badFile}:19: grants[0].exclude[0]: okänd regionkod "02"`,
      "4 fel hittades."
    ])
  })

  it("a folder with a good and a bad file reports only the bad one", () => {
    const folder = mkdtempSync(join(dir, "mapp-"))
    writeFileSync(join(folder, "a.yaml"), good)
    writeFileSync(join(folder, "b.yaml"), bad.replace("id: eget-uppdrag", "id: annat-uppdrag").replace("  - id: eget-bidrag", "  - id: annat-bidrag"))
    const { code, stderr } = uppdrag("catalog", "validate", folder)
    expect(code).toBe(1)
    expect(stderr.trimEnd().split("\n")).toHaveLength(5)
    expect(stderr).not.toContain("a.yaml")
  })

  it("a missing path: exit 1", () => {
    const { code, stderr } = uppdrag("catalog", "validate", join(dir, "finns-inte.yaml"))
    expect(code).toBe(1)
    expect(stderr).toContain("filen eller mappen finns inte")
  })
})

describe("usage errors: exit 2, in Swedish", () => {
  it.each([
    ["catalog list --format xml", "fel: ogiltigt värde 'xml' för alternativet '--format <format>'; tillåtna värden är table, json."],
    ["catalog validate", "fel: argumentet 'sökväg' saknas"],
    ["catalog list --formt json", "fel: okänt alternativ '--formt'"],
    ["katalog list", "fel: okänt kommando 'katalog'\n(menade du catalog?)"],
    ["catalog list extra", "fel: för många argument till 'list': väntade 0, fick 1."]
  ])("uppdrag %s", (command, message) => {
    const args = command.split(" ")
    const { code, stdout, stderr } = uppdrag(...args)
    expect([code, stdout]).toEqual([2, ""])
    expect(stderr).toContain(message)
    expect(stderr).toContain("(kör med --help för hjälp)")
    expect(stderr).not.toMatch(/error:|Did you mean/)
  })

  it("--help: exit 0 with examples", () => {
    const { code, stdout } = uppdrag("catalog", "validate", "--help")
    expect(code).toBe(0)
    expect(stdout).toContain("Exempel:")
    expect(stdout).toContain("uppdrag catalog validate mina-uppdrag/")
  })
})
