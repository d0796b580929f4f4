import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

// The built CLI, run as a user runs it.
const bin = fileURLToPath(new URL("../dist/bin.cjs", import.meta.url))
const seeds = fileURLToPath(new URL("../../../../shared/seeds/", import.meta.url))
const dir = mkdtempSync(join(tmpdir(), "uppdrag-cli-utkast-"))

const uppdrag = (...args: Array<string>) => {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** A one-page PDF of plain lines (Helvetica, WinAnsi), written byte by byte. */
const pdf = (lines: ReadonlyArray<string>): Buffer => {
  const content = `BT /F1 11 Tf 14 TL 56 800 Td ${lines.map((l) => `(${l.replace(/[\\()]/g, (c) => `\\${c}`)}) '`).join(" ")} ET`
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`
  ]
  let out = "%PDF-1.4\n"
  const offsets = objects.map((body, i) => {
    const at = Buffer.byteLength(out, "latin1")
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
    return at
  })
  const xref = Buffer.byteLength(out, "latin1")
  out += `xref\n0 6\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, "latin1")
}

beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`${bin} saknas: bygg först (node tooling/scripts/pnpm.mjs --filter @uppdrag/cli run build)`)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("uppdrag catalog draft", () => {
  it("seed 000 --out: a YAML entry that catalog validate refuses only for the two FYLL I marks", () => {
    const out = join(dir, "utkast-000.yaml")
    const drafted = uppdrag("catalog", "draft", join(seeds, "000_7d674a434a587308.txt"), "--out", out)
    expect([drafted.code, drafted.stdout]).toEqual([0, ""])
    expect(drafted.stderr).toBe(`Utkast till ${out}: 7 skyldigheter, 1 års medel och 13 parter hittades. 2 värden att fylla i (FYLL I): decided, diaryNumbers[0].\n`)
    const yaml = readFileSync(out, "utf8")
    expect(yaml).toContain("source: Medlen utbetalas engångsvis efter rekvisition till Kammarkollegiet senast den 1 december 2024.")
    const lineOf = (start: string): number => yaml.split("\n").findIndex((l) => l.startsWith(start)) + 1
    const validated = uppdrag("catalog", "validate", out)
    expect(validated.code).toBe(1)
    expect(validated.stderr.trim().split("\n")).toEqual([
      `${out}:${lineOf("decided:")}: decided: ej ifyllt (utkast): fyll i beslutsdatum (ÅÅÅÅ-MM-DD); texten har ingen datumrad`,
      `${out}:${lineOf('  - "FYLL I: diarienummer')}: diaryNumbers[0]: ej ifyllt (utkast): fyll i diarienummer (t.ex. S2024/01234); texten har inget`,
      "2 fel hittades."
    ])
    // Filled in, the same file is a valid catalog entry.
    writeFileSync(
      out,
      yaml
        .replace(/^id: .*$/m, "id: eget-utkast-000")
        .replace(/^decided: .*$/m, "decided: 2024-03-14")
        .replace(/^ {2}- "FYLL I: diarienummer.*$/m, "  - S2024/09999")
    )
    expect(uppdrag("catalog", "validate", out)).toMatchObject({ code: 0, stdout: "Katalogen är giltig: 1 beslut granskade.\n" })
  })

  it("--compare prints, fact by fact, where the draft and the catalog entry differ, with the figures", () => {
    const { code, stdout } = uppdrag("catalog", "draft", join(seeds, "003_1b2fe331ed6dbde7.txt"), "--compare", "S2025/01528")
    expect(code).toBe(0)
    expect(stdout.trim().split("\n")).toEqual([
      "saknas   skyldighet rekvisition 2026-05-18: förfallodag: katalogen 2026-05-18, utkastet FYLL I: sista dag för rekvisitionen (ÅÅÅÅ-MM-DD); beslutet anger ingen",
      "saknas   statsbidrag specialiserad-psykiatri-2026: rekvisitionsperiod: katalogen 2026-04-01..2026-05-18, utkastet –",
      "Överensstämmelse med specialiserad-psykiatri-2026: 68 av 70 uppgifter (97,1 %); diarienummer 11/11, skyldigheter 25/27, belopp 9/9, anslag 6/6, parter 17/17. Felaktiga datum: 0, felaktiga belopp: 0."
    ])
  })

  it("seed 001, a presentation, is drafted as an underlag, exit 0", () => {
    const { code, stdout, stderr } = uppdrag("catalog", "draft", join(seeds, "001_65bc51d876daee58.txt"))
    expect(code).toBe(0)
    expect(stdout).toMatch(/^kind: underlag$/m)
    expect(stderr).toContain("Texten är inget regeringsbeslut utan ett underlag om ett beslut")
  })

  it("a decision with no dates or amounts gives an entry with everything to fill in, exit 0", () => {
    const file = join(dir, "utan-datum.txt")
    writeFileSync(file, "Uppdrag att kartlägga vården\n\nRegeringens beslut\nRegeringen ger Socialstyrelsen i uppdrag att kartlägga vården.\n")
    const { code, stdout, stderr } = uppdrag("catalog", "draft", file)
    expect(code).toBe(0)
    expect(stdout).toContain('decided: "FYLL I: beslutsdatum')
    expect(stdout).toContain("obligations: []")
    expect(stderr).toContain("3 värden att fylla i (FYLL I): decided, diaryNumbers[0], ministry.")
  })

  it("a PDF that is not a decision is refused, exit 1; a PDF decision is drafted", () => {
    const invitation = join(dir, "julfest.pdf")
    writeFileSync(invitation, pdf(["Inbjudan till julfest", "V\xe4lkomna den 18 december 2026."]))
    const refused = uppdrag("catalog", "draft", invitation, "--out", join(dir, "julfest.yaml"))
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/^.*julfest\.pdf är inte ett regeringsbeslut: texten har varken rubriken "Regeringens beslut".*\nInget utkast skrevs\.\n$/)
    expect(existsSync(join(dir, "julfest.yaml"))).toBe(false)
    const decision = join(dir, "beslut.pdf")
    writeFileSync(decision, pdf(["Regeringens beslut", "Socialstyrelsen ska senast den 31 mars 2027 l\xe4mna en slutredovisning av uppdraget till Kammarkollegiet."]))
    const drafted = uppdrag("catalog", "draft", decision)
    expect(drafted.code).toBe(0)
    expect(drafted.stdout).toContain("due: 2027-03-31")
  })

  it("bad input and usage: a missing file exit 1, no argument exit 2, help in Swedish with examples", () => {
    expect(uppdrag("catalog", "draft", join(dir, "finns-inte.txt"))).toMatchObject({ code: 1, stderr: `${join(dir, "finns-inte.txt")}: filen finns inte\n` })
    expect(uppdrag("catalog", "draft", join(seeds, "000_7d674a434a587308.txt"), "--compare", "S1999/00001").stderr).toContain("--compare: S1999/00001 finns inte i katalogen")
    expect(uppdrag("catalog", "draft").code).toBe(2)
    const help = uppdrag("catalog", "draft", "--help")
    expect(help.code).toBe(0)
    expect(help.stdout).toContain("Exempel:\n  $ uppdrag catalog draft beslut.pdf --out utkast.yaml")
  })
})
