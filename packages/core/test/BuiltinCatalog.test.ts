import { execFileSync } from "node:child_process"
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as Result from "effect/Result"
import { afterAll, describe, expect, it } from "vitest"
import * as Catalog from "../src/Catalog.js"
import * as BuiltinCatalog from "../src/internal/BuiltinCatalog.js"
import * as SourceDocument from "../src/SourceDocument.js"

// dist/catalog.json is written by the build (scripts/catalog-data.mjs); `turbo run test` builds first.
const dataFile = new URL("../dist/catalog.json", import.meta.url)
const directory = Catalog.builtinDirectory()
const files = Result.getOrThrow(Catalog.filesAt(directory))

/** The built-in catalog parsed and validated in full, as a user's folder would be. */
const parsed = Result.getOrThrow(Catalog.load({ builtin: false, extra: [directory] }))

const dir = mkdtempSync(join(tmpdir(), "uppdrag-inbyggd-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("the built-in catalog as data (dist/catalog.json)", () => {
  it("exists after the build and matches the YAML files byte for byte (not stale: rebuild after editing catalog/)", () => {
    expect(existsSync(dataFile), "dist/catalog.json saknas: kör bygget").toBe(true)
    expect(BuiltinCatalog.read(files, dataFile)).toHaveLength(files.length)
  })

  it("holds exactly what parsing and validating the YAML gives, file for file", () => {
    const entries = BuiltinCatalog.read(files, dataFile)!
    files.forEach((file, i) => {
      const assignment = parsed.assignments.find((a) => parsed.sources.get(a.id) === file)
      expect(entries[i]?.assignment, file).toEqual(assignment)
    })
  })

  it("keeps the line of every path a message may cite", () => {
    const entries = BuiltinCatalog.read(files, dataFile)!
    files.forEach((file, i) => {
      const doc = Result.getOrThrow(SourceDocument.parse(readFileSync(file), file))
      const entry = entries[i]!
      for (const path of BuiltinCatalog.citedPaths(entry.assignment)) expect(entry.lineOf(path), `${file} ${path.join(".")}`).toBe(doc.lineOf(path))
    })
  })

  it("Catalog.load() gives the same catalog, sources included, as the full parse", () => {
    const loaded = Result.getOrThrow(Catalog.load())
    expect(loaded.assignments).toEqual(parsed.assignments)
    expect([...loaded.sources]).toEqual([...parsed.sources])
  })

  it("is not used for a folder whose files differ from it: one changed byte, a missing file, an extra file", () => {
    const copy = mkdtempSync(join(dir, "katalog-"))
    for (const name of readdirSync(directory)) copyFileSync(join(directory, name), join(copy, name))
    const copied = () => Result.getOrThrow(Catalog.filesAt(copy))
    expect(BuiltinCatalog.read(copied(), dataFile)).toHaveLength(files.length)
    const [first] = copied()
    const text = readFileSync(first!, "utf8")
    writeFileSync(first!, text.replace(/^title: /m, "title:  "))
    expect(BuiltinCatalog.read(copied(), dataFile)).toBeUndefined()
    writeFileSync(first!, text)
    writeFileSync(join(copy, "zz-extra.yaml"), text)
    expect(BuiltinCatalog.read(copied(), dataFile)).toBeUndefined()
    rmSync(join(copy, "zz-extra.yaml"))
    rmSync(first!)
    expect(BuiltinCatalog.read(copied(), dataFile)).toBeUndefined()
  })

  it("is not used when the data file is missing or of another format", () => {
    expect(BuiltinCatalog.read(files, new URL("file:///finns/inte/catalog.json"))).toBeUndefined()
    const other = join(dir, "annan.json")
    writeFileSync(other, JSON.stringify({ ...JSON.parse(readFileSync(dataFile, "utf8")), format: 0 }))
    expect(BuiltinCatalog.read(files, new URL(`file://${other}`))).toBeUndefined()
  })
})

describe("what loading the built-in catalog costs: no YAML parser", () => {
  const dist = new URL("../dist/index.js", import.meta.url).href
  const loadedModules = (body: string): Array<string> => {
    const script = `import { createRequire } from "node:module"
const core = await import(${JSON.stringify(dist)})
${body}
process.stdout.write(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)))`
    return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" })) as Array<string>
  }
  const isYaml = (path: string): boolean => /[\\/]node_modules[\\/]yaml[\\/]/.test(path)

  it("the built package imports neither yaml nor csv-parse statically", () => {
    for (const file of ["../dist/index.js"]) {
      const text = readFileSync(new URL(file, import.meta.url), "utf8")
      expect(text.match(/(?:from\s*|require\()["'](?:yaml|csv-parse[^"']*)["']/g), file).toBeNull()
    }
  })
  it("importing the package and Catalog.unsafeLoad() load neither yaml nor csv-parse", () => {
    const modules = loadedModules("core.Catalog.unsafeLoad()")
    expect(modules.filter(isYaml)).toEqual([])
    expect(modules.filter((m) => m.includes("csv-parse"))).toEqual([])
  })
  it("a user's catalog file loads yaml (the check above can see it)", () => {
    const file = join(dir, "eget.json")
    writeFileSync(file, JSON.stringify({ id: "json-uppdrag", kind: "overenskommelse", title: "T", decided: "2026-02-02", diaryNumbers: [], ministry: "S", recipient: "SKR" }))
    expect(loadedModules(`core.Catalog.unsafeLoad({ extra: [${JSON.stringify(file)}] })`).some(isYaml)).toBe(true)
  })
})
