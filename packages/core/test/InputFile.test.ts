import { chmodSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Result } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { InputFile, type ValidationError } from "../src/index.js"

const dir = mkdtempSync(join(tmpdir(), "uppdrag-inputfile-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const refusal = (result: Result.Result<Uint8Array, ValidationError>): { message: string; detail: string | undefined } => {
  if (Result.isSuccess(result)) throw new Error("expected a refusal")
  return { message: result.failure.message, detail: result.failure.issues[0]?.detail }
}

describe("InputFile.read", () => {
  it("reads a file within its limit, byte for byte", () => {
    const file = join(dir, "befolkning.csv")
    writeFileSync(file, "region,age,population\n01,18+,1979654\n")
    expect(Buffer.from(Result.getOrThrow(InputFile.read(file, "population"))).toString("utf8")).toBe("region,age,population\n01,18+,1979654\n")
  })

  it("refuses a file over the limit by its size, before reading it (a sparse 2 GB file)", () => {
    const file = join(dir, "stor.csv")
    writeFileSync(file, "")
    truncateSync(file, 2 * 1024 ** 3)
    expect(refusal(InputFile.read(file, "population")).message).toBe(`${file}: filen är 2 GB, större än gränsen 8 MB för befolkningsfiler`)
  })

  it("a file one byte over the limit is refused, one at the limit read", () => {
    const file = join(dir, "grans.yaml")
    writeFileSync(file, "")
    truncateSync(file, InputFile.limits.grant.bytes + 1)
    expect(refusal(InputFile.read(file, "grant")).message).toMatch(/filen är 1,0 MB, större än gränsen 1 MB för bidragsfiler$/)
    truncateSync(file, InputFile.limits.grant.bytes)
    expect(Result.getOrThrow(InputFile.read(file, "grant")).length).toBe(InputFile.limits.grant.bytes)
  })

  it("names the cause in Swedish and keeps the English errno text as detail", () => {
    const missing = refusal(InputFile.read(join(dir, "saknas.csv"), "population"))
    expect(missing.message).toBe(`${join(dir, "saknas.csv")}: filen finns inte`)
    expect(missing.detail).toMatch(/^ENOENT/)
    expect(refusal(InputFile.read(dir, "population")).message).toBe(`${dir}: är en katalog, inte en fil`)
    const file = join(dir, "befolkning.csv")
    expect(refusal(InputFile.read(join(file, "x.csv"), "population")).message).toMatch(/en del av sökvägen är en fil, inte en katalog$/)
  })

  it.skipIf(process.getuid?.() === 0)("a file without read permission", () => {
    const file = join(dir, "hemlig.csv")
    writeFileSync(file, "x")
    chmodSync(file, 0o000)
    expect(refusal(InputFile.read(file, "population")).message).toBe(`${file}: saknar läsbehörighet`)
  })

  it("formats sizes the Swedish way", () => {
    expect([InputFile.formatSize(512), InputFile.formatSize(1536), InputFile.formatSize(8 * 1024 ** 2), InputFile.formatSize(2.5 * 1024 ** 3)]).toEqual([
      "512 byte",
      "1,5 kB",
      "8 MB",
      "2,5 GB"
    ])
  })
})
