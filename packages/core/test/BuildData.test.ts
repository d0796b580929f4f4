import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import * as BuildData from "../src/BuildData.js"

const dir = mkdtempSync(join(tmpdir(), "uppdrag-byggdata-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const at = (name: string, text: string): string => {
  const file = join(dir, name)
  writeFileSync(file, text)
  return file
}

describe("BuildData.read", () => {
  it("gives the data of the expected layout version, and nothing for another version, bad JSON or a missing file", () => {
    expect(BuildData.read(pathToFileURL(at("ny.json", JSON.stringify({ format: 2, files: [] }))), 2)).toEqual({ format: 2, files: [] })
    expect(BuildData.read(pathToFileURL(at("gammal.json", JSON.stringify({ format: 1, files: [] }))), 2)).toBeUndefined()
    expect(BuildData.read(pathToFileURL(at("trasig.json", "{ format: 2")), 2)).toBeUndefined()
    expect(BuildData.read(pathToFileURL(join(dir, "saknas.json")), 2)).toBeUndefined()
  })
})

describe("BuildData.unchanged", () => {
  it("holds only for exactly the same bytes, and not for a file that cannot be read", () => {
    const file = at("fil.yaml", "titel: Å\n")
    expect(BuildData.unchanged(file, "titel: Å\n")).toBe(true)
    expect(BuildData.unchanged(file, "titel: Å")).toBe(false)
    expect(BuildData.unchanged(file, "titel: A\n")).toBe(false)
    expect(BuildData.unchanged(join(dir, "saknas.yaml"), "")).toBe(false)
  })
})
