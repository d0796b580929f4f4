import { spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { assertBuilt, cleanUp, refusedUnchanged, type Workspace, workspace } from "./Corpus.js"

// Every file the CLI reads from the user (issue 15), each refused the same
// way for every kind of bad content: exit 1, a Swedish message naming the
// file (and its line where there is one), no stack trace, no English library
// text, and every file in the workspace, the database included, unchanged.

beforeAll(assertBuilt)
afterAll(cleanUp)

// Huge inputs are sparse files outside the workspaces, so fingerprinting a workspace never reads them.
const bigDir = mkdtempSync(join(tmpdir(), "uppdrag-bad-input-big-"))
afterAll(() => rmSync(bigDir, { recursive: true, force: true }))
const sparse = (name: string, bytes: number): string => {
  const file = join(bigDir, name)
  writeFileSync(file, "")
  truncateSync(file, bytes)
  return file
}
const GB2 = 2 * 1024 ** 3

/** seed 003's population (../shared/data/population-2025-09.csv): what a path needs besides its bad file. */
const population = readFileSync(fileURLToPath(new URL("../../../../../shared/data/population-2025-09.csv", import.meta.url)), "utf8")
const episodeHeader = "patient,region,sex,birthYear,careForm,start,end"

/** What the library's own English would look like if it leaked. */
const english = /\b(E[A-Z]{3,}\b|Error|Unexpected|Quote Not Closed|Invalid|JSON at position|is not valid JSON|Alias|anchor)/

type Format = "csv" | "yaml" | "json" | "jsonstat" | "text"

interface InputPath {
  readonly name: string
  readonly format: Format
  /** File name the bad content gets (its extension matters to some commands). */
  readonly file: string
  /** The option takes a folder too (of catalog or population files): a folder without any is refused. */
  readonly folder?: true
  /** Streamed, not read whole (the episode files behind a cube are legitimately hundreds of MB): no size limit. */
  readonly streamed?: true
  /** Writes what the command needs besides the bad file (a good population …). */
  readonly setup?: (ws: Workspace) => void
  readonly args: (file: string) => ReadonlyArray<string>
}

const withPopulation = (ws: Workspace): void => void ws.file("befolkning.csv", population)

const paths: ReadonlyArray<InputPath> = [
  { name: "allocate --population (CSV)", format: "csv", file: "befolkning.csv", args: (f) => ["allocate", "--grant", "specialiserad-psykiatri-2026", "--population", f] },
  { name: "allocate --population (JSON-stat)", format: "jsonstat", file: "scb.json", args: (f) => ["allocate", "--grant", "specialiserad-psykiatri-2026", "--population", f] },
  { name: "allocate --grant (grant file)", format: "yaml", file: "bidrag.yaml", setup: withPopulation, args: (f) => ["allocate", "--grant", f, "--population", "befolkning.csv"] },
  {
    name: "allocate --verify (published table)",
    format: "csv",
    file: "bilaga.csv",
    setup: withPopulation,
    args: (f) => ["allocate", "--grant", "specialiserad-psykiatri-2026", "--population", "befolkning.csv", "--verify", f]
  },
  {
    name: "allocate --conditions (2012 conditions)",
    format: "csv",
    file: "villkor-2012.csv",
    setup: withPopulation,
    args: (f) => ["allocate", "--grant", "heldygnsvard-stimulansmedel-2012", "--population", "befolkning.csv", "--conditions", f]
  },
  { name: "catalog validate", format: "yaml", file: "uppdrag.yaml", folder: true, args: (f) => ["catalog", "validate", f] },
  { name: "allocate --catalog", format: "yaml", file: "egen.yaml", folder: true, setup: withPopulation, args: (f) => ["allocate", "--grant", "specialiserad-psykiatri-2026", "--population", "befolkning.csv", "--catalog", f] },
  { name: "catalog draft (decision text)", format: "text", file: "beslut.txt", args: (f) => ["catalog", "draft", f, "--out", "utkast.yaml"] },
  { name: "meetings record", format: "yaml", file: "mote.yaml", args: (f) => ["meetings", "record", f, "--db", "logg.db"] },
  { name: "meetings upcoming --series", format: "yaml", file: "serier.yaml", args: (f) => ["meetings", "upcoming", "--series", f, "--from", "2026-01-01", "--out", "moten.txt"] },
  { name: "record --file (CSV batch)", format: "csv", file: "rekvisitioner.csv", args: (f) => ["record", "requisition", "--file", f, "--db", "logg.db"] },
  { name: "record --file (JSON batch)", format: "json", file: "rekvisitioner.json", args: (f) => ["record", "requisition", "--file", f, "--db", "logg.db"] },
  { name: "db import (log export)", format: "json", file: "export.json", args: (f) => ["db", "import", f, "--db", "logg.db"] },
  { name: "indicators compute --episodes", format: "csv", file: "episoder.csv", streamed: true, args: (f) => ["indicators", "compute", "--episodes", f, "--out", "kub.json"] },
  {
    name: "indicators compute --population",
    format: "csv",
    file: "befolkning-2023.csv",
    folder: true,
    setup: (ws) => void ws.file("episoder.csv", `${episodeHeader}\nP1,01,K,1990,sluten-lpt,2023-01-01,2023-01-05\n`),
    args: (f) => ["indicators", "compute", "--episodes", "episoder.csv", "--years", "2023", "--population", f, "--out", "kub.json"]
  },
  { name: "indicators show --cube", format: "json", file: "kub.json", args: (f) => ["indicators", "show", "lpt-sluten-patienter", "--cube", f] }
]

const quote = (name: string): string => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/** Runs one case: the bad file written into a new workspace, the command refused, nothing changed. */
const refused = (path: InputPath, write: (ws: Workspace) => string, message: (file: string) => RegExp): string => {
  const ws = workspace()
  path.setup?.(ws)
  const file = write(ws)
  const run = refusedUnchanged(ws, path.args(file), 1, message(file))
  expect(run.stderr, "no English library text").not.toMatch(english)
  return run.stderr
}

/** 49 good-looking rows after a header, then a quote that opens on line 51 and never closes. */
const lateUnclosedQuote = (path: InputPath): string => {
  if (path.streamed) {
    const rows = Array.from({ length: 49 }, (_, i) => `P${i + 2},01,K,1990,sluten-lpt,2023-01-01,2023-01-05`)
    return [episodeHeader, ...rows, '"P51,01,K,1990,sluten-lpt,2023-01-01,', "P52,01,K,1990,sluten-lpt,2023-01-01,", ""].join("\n")
  }
  const rows = Array.from({ length: 49 }, (_, i) => `x${i + 2},1`)
  return ["a,b", ...rows, '"trasig,1', "y,2", "z,3", ""].join("\n")
}

describe.each(paths)("$name", (path) => {
  /** Writes `content` as the path's file in a workspace and returns its name. */
  const holding =
    (content: string | Uint8Array) =>
    (ws: Workspace): string => {
      ws.file(path.file, content)
      return path.file
    }

  it("a file that does not exist", () => {
    refused(path, () => `finns-inte-${path.file}`, (f) => new RegExp(`^${quote(f)}: ${path.folder ? "filen eller mappen" : "filen"} finns inte$`, "m"))
  })

  it("a folder in place of the file", () => {
    refused(
      path,
      (ws) => {
        mkdirSync(join(ws.dir, `mapp-${path.file}`))
        return `mapp-${path.file}`
      },
      (f) => new RegExp(`^${quote(f)}: ${path.folder ? "mappen innehåller inga" : "är en katalog, inte en fil$"}`, "m")
    )
  })

  it("a 2 GB file: refused by its size, the limit stated (streamed: at its first line, never held whole)", () => {
    const message = (f: string): RegExp =>
      path.streamed ? new RegExp(`^${quote(f)}:1: raden är längre än 64 kB`, "m") : new RegExp(`^${quote(f)}: filen är 2 GB, större än gränsen \\d+ MB för \\S+`, "m")
    refused(path, () => sparse(`${Math.random().toString(36).slice(2)}-${path.file}`, GB2), message)
  })

  it("an empty file", () => {
    refused(path, holding(""), (f) => new RegExp(`^${quote(f)}(:\\d+)?: .*(tom|inga|saknas)`, "m"))
  })

  it("binary garbage", () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256)
    refused(path, holding(bytes), (f) => new RegExp(`^${quote(f)}(:\\d+)?: `, "m"))
  })

  it("the wrong encoding (UTF-16)", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("region,age,population\n01,18+,5\n", "utf16le")])
    refused(path, holding(utf16), (f) => new RegExp(`^${quote(f)}(:\\d+)?: .*(UTF-8|UTF-16|kodad|binär|teckenkodning)`, "m"))
  })

  it.runIf(path.format === "yaml")("an undefined YAML alias (*nothere)", () => {
    refused(path, holding("id: x\ntitle: *nothere\n"), (f) => new RegExp(`^${quote(f)}:2: ogiltig YAML: alias \\*nothere pekar på ett ankare som inte finns`, "m"))
  })

  it.runIf(path.format === "yaml")("a YAML alias bomb", () => {
    const levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for (let i = 1; i < 9; i++) {
      const name = String.fromCharCode(97 + i)
      levels.push(`${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(", ")}]`)
    }
    refused(path, holding(`${levels.join("\n")}\n`), (f) => new RegExp(`^${quote(f)}:2: ogiltig YAML: alias \\*a är inte tillåtet`, "m"))
  })

  it.runIf(path.format === "json" || path.format === "jsonstat")("a JSON syntax error, at its line and column", () => {
    refused(path, holding('{\n  "format": "x",\n  "events": [1, 2,]\n}\n'), (f) => new RegExp(`^${quote(f)}:3: ogiltig JSON: kommatecken före \\] \\(ta bort det\\) \\(kolumn 19\\)$`, "m"))
  })

  it.runIf(path.format === "jsonstat")("JSON-stat with numbers where text belongs and a null dimension", () => {
    const dataset = { class: "dataset", id: ["Region", "Alder"], size: [1, 1], dimension: { Region: null, Alder: { category: { index: [18], label: { "18": 18 } } } }, value: [1] }
    const stderr = refused(path, holding(JSON.stringify(dataset)), (f) => new RegExp(`^${quote(f)}: dimension\\.Region: förväntade ett objekt, fick null$`, "m"))
    expect(stderr).toMatch(/dimension\.Alder\.category\.label\.18: förväntade text, fick 18/)
  })

  it.runIf(path.format === "csv")("a CSV quote that never closes, on line 51", () => {
    refused(path, holding(lateUnclosedQuote(path)), (f) => new RegExp(`^${quote(f)}:51: ogiltig CSV: ett citattecken öppnas men stängs aldrig$`, "m"))
  })
})

describe("a file with only its header is refused, not read as nothing", () => {
  it("episodes: no all-zero cube", () => {
    const ws = workspace()
    ws.file("episoder.csv", `${episodeHeader}\n`)
    refusedUnchanged(ws, ["indicators", "compute", "--episodes", "episoder.csv", "--out", "kub.json"], 1, /^episoder\.csv: filen innehåller bara rubrikraden, inga episoder$/m)
  })

  it("population: no rows", () => {
    const ws = workspace()
    ws.file("befolkning.csv", "region,age,population\n")
    refusedUnchanged(ws, ["allocate", "--grant", "specialiserad-psykiatri-2026", "--population", "befolkning.csv"], 1, /^befolkning\.csv: filen innehåller inga befolkningsrader$/m)
  })

  it("a record batch", () => {
    const ws = workspace()
    ws.file("rekvisitioner.csv", "grant,region,amount,date\n")
    refusedUnchanged(ws, ["record", "requisition", "--file", "rekvisitioner.csv", "--db", "logg.db"], 1, /^rekvisitioner\.csv(:\d+)?: /m)
  })
})

describe("the 2012 conditions file", () => {
  it("an unknown column is refused by name", () => {
    const ws = workspace()
    withPopulation(ws)
    ws.file("villkor.csv", "region,kompetensplan,nyaTeam,tvangsatgarder,redovisning,extra\n01,ja,ja,ja,ja,x\n")
    const args = ["allocate", "--grant", "heldygnsvard-stimulansmedel-2012", "--population", "befolkning.csv", "--conditions", "villkor.csv"]
    refusedUnchanged(ws, args, 1, /^villkor\.csv:1: extra: okänd kolumn/m)
  })
})

describe("output files: nothing half-written, the cause in Swedish", () => {
  it("--out into a folder that does not exist", () => {
    const ws = workspace()
    ws.file("befolkning.csv", population)
    const args = ["allocate", "--grant", "specialiserad-psykiatri-2026", "--population", "befolkning.csv", "--out", "saknas/fordelning.csv"]
    const run = refusedUnchanged(ws, args, 1, /^saknas\/fordelning\.csv: kan inte skrivas: katalogen finns inte$/m)
    expect(run.stderr).not.toMatch(english)
  })

  it("--out onto a folder", () => {
    const ws = workspace()
    ws.file("befolkning.csv", population)
    mkdirSync(join(ws.dir, "ut"))
    const run = refusedUnchanged(ws, ["allocate", "--grant", "specialiserad-psykiatri-2026", "--population", "befolkning.csv", "--out", "ut"], 1, /^ut: kan inte skrivas: är en katalog, inte en fil$/m)
    expect(run.stderr).not.toMatch(english)
  })
})

describe("memory stays bounded whatever the file size (issue 15 acceptance)", () => {
  it.runIf(process.platform === "linux")("a 2 GB population file is refused with a peak resident set under 300 MB", () => {
    const ws = workspace()
    const big = sparse("befolkning-2gb.csv", GB2)
    const bin = fileURLToPath(new URL("../../dist/bin.cjs", import.meta.url))
    const run = spawnSync("/usr/bin/time", ["-v", process.execPath, bin, "allocate", "--grant", "specialiserad-psykiatri-2026", "--population", big], {
      cwd: ws.dir,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", DATABASE_URL: "", UPPDRAG_DB: "" }
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(`${big}: filen är 2 GB, större än gränsen 8 MB för befolkningsfiler`)
    const kilobytes = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1])
    expect(kilobytes).toBeGreaterThan(0)
    expect(kilobytes).toBeLessThan(300 * 1024)
  })
})
