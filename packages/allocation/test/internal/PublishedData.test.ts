import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { Population } from "@uppdrag/core"
import * as Result from "effect/Result"
import { afterAll, describe, expect, it } from "vitest"
import * as PublishedData from "../../src/internal/PublishedData.js"
import * as PublishedPopulation from "../../src/PublishedPopulation.js"

// dist/published-population.json is written by the build (scripts/population-data.mjs); `turbo run test` builds first.
const dataFile = new URL("../../dist/published-population.json", import.meta.url)
const directory = PublishedPopulation.directory()
const shipped = readdirSync(directory).filter((name) => name.endsWith(".csv"))

const dir = mkdtempSync(join(tmpdir(), "uppdrag-befolkning-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("the shipped population files as data (dist/published-population.json)", () => {
  it("exists after the build and holds every shipped file (not stale: rebuild after editing data/)", () => {
    expect(existsSync(dataFile), "dist/published-population.json saknas: kör bygget").toBe(true)
    for (const name of shipped) expect(PublishedData.read(join(directory, name), dataFile), name).toBeDefined()
  })

  it("holds exactly what parsing and validating each CSV gives, source included", () => {
    for (const name of shipped) {
      const file = join(directory, name)
      expect(PublishedData.read(file, dataFile)).toEqual(Result.getOrThrow(Population.parseFile(file)))
    }
  })

  it("PublishedPopulation.forReference gives the full parse's figures", () => {
    const figures = Result.getOrThrow(PublishedPopulation.forReference("SCB september 2025"))
    expect(figures).toEqual(Result.getOrThrow(Population.parseFile(join(directory, "scb-2025-09.csv"))))
  })

  it("is not used for a file whose bytes differ from what was built, nor for a file it does not know", () => {
    const name = shipped[0]!
    const copy = join(dir, name)
    copyFileSync(join(directory, name), copy)
    expect(PublishedData.read(copy, dataFile)).toBeDefined()
    writeFileSync(copy, `${readFileSync(copy, "utf8")}\n`)
    expect(PublishedData.read(copy, dataFile)).toBeUndefined()
    const other = join(dir, "annan.csv")
    copyFileSync(join(directory, name), other)
    expect(PublishedData.read(other, dataFile)).toBeUndefined()
  })

  it("is ignored when missing or of another layout", () => {
    const file = join(directory, shipped[0]!)
    expect(PublishedData.read(file, pathToFileURL(join(dir, "saknas.json")))).toBeUndefined()
    const old = join(dir, "gammal.json")
    writeFileSync(old, JSON.stringify({ format: 0, files: [] }))
    expect(PublishedData.read(file, pathToFileURL(old))).toBeUndefined()
  })
})
