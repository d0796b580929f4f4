import { isAscii } from "node:buffer"
import { spawnSync } from "node:child_process"
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"

// The entry `uppdrag` runs (src/bin.ts): the program from a V8 code cache. What is tested is what a
// user could notice: the cache never changes an answer, is written only by a command that succeeded,
// only into a directory that is the user's own, and survives a damaged or foreign file.
const bin = fileURLToPath(new URL("../dist/bin.cjs", import.meta.url))
const work = mkdtempSync(join(tmpdir(), "uppdrag-cli-bin-"))
afterAll(() => rmSync(work, { recursive: true, force: true }))

let n = 0
const freshCache = (): string => {
  const dir = join(work, `cache-${n++}`)
  mkdirSync(dir, { mode: 0o700 })
  return dir
}

const uppdrag = (cache: string, ...args: Array<string>) => {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: work,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", UPPDRAG_COMPILE_CACHE: cache, UPPDRAG_DB: join(work, "uppdrag.db") }
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const caches = (dir: string): Array<string> => readdirSync(dir).filter((f) => f.endsWith(".bin")).sort()

describe("uppdrag from its code cache", () => {
  it("runs a bundle without import(), which a script from a code cache cannot load", () => {
    // What the bundle leaves outside it loads with require (tsup.config.ts); an import() would fail only when its command runs.
    expect(readFileSync(fileURLToPath(new URL("../dist/uppdrag.cjs", import.meta.url)), "latin1")).not.toMatch(/\bimport\s*\(/)
  })

  it("ships a bundle that is ASCII throughout, read as Latin-1 into a one-byte string (escapeNonAscii at build)", () => {
    const bytes = readFileSync(fileURLToPath(new URL("../dist/uppdrag.cjs", import.meta.url)))
    expect(isAscii(bytes)).toBe(true)
    // The Swedish patterns are still there, escaped: `län` in the population header pattern.
    expect(bytes.toString("latin1")).toContain("l\\u00e4n")
  })

  it("answers the same without a cache, when writing it and when reading it", { timeout: 120_000 }, () => {
    const cache = freshCache()
    const off = uppdrag("off", "catalog", "list")
    const first = uppdrag(cache, "catalog", "list")
    const second = uppdrag(cache, "catalog", "list")
    expect(off.code).toBe(0)
    expect(off.stdout).toContain("specialiserad-psykiatri-2026")
    expect(first).toEqual(off)
    expect(second).toEqual(off)
    const written = caches(cache)
    expect(written).toHaveLength(1)
    expect(written[0]).toMatch(new RegExp(`^[0-9a-f]{8}-[0-9a-z.]+-${process.version.replaceAll(".", "\\.")}-${process.arch}-catalog-list\\.bin$`))
    // Bytecode that is run: only its owner may read or replace it.
    expect(statSync(join(cache, written[0]!)).mode & 0o777).toBe(0o600)
  })

  it("writes nothing for a command that failed or was refused", { timeout: 60_000 }, () => {
    const cache = freshCache()
    expect(uppdrag(cache, "catalog", "list", "--okänd").code).toBe(2)
    expect(uppdrag(cache, "catalog", "validate", join(work, "saknas.yaml")).code).toBe(1)
    expect(caches(cache)).toEqual([])
  })

  it("keeps its cache in the temporary folder unless UPPDRAG_COMPILE_CACHE says otherwise or off", { timeout: 60_000 }, () => {
    const run = (temporary: string, setting: string | undefined) => {
      mkdirSync(temporary)
      const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: temporary, UPPDRAG_DB: join(work, "uppdrag.db") }
      if (setting === undefined) delete env.UPPDRAG_COMPILE_CACHE
      else env.UPPDRAG_COMPILE_CACHE = setting
      expect(spawnSync(process.execPath, [bin, "--help"], { cwd: work, env }).status).toBe(0)
      return readdirSync(temporary)
    }
    const own = `uppdrag-kompilering-${process.getuid?.() ?? "anvandare"}`
    const temporary = join(work, "tmp-default")
    expect(run(temporary, undefined)).toEqual([own])
    expect(caches(join(temporary, own))).toHaveLength(1)
    expect(statSync(join(temporary, own)).mode & 0o077).toBe(0)
    expect(run(join(work, "tmp-off"), "off")).toEqual([])
  })

  it("recovers from a damaged cache file and replaces it", { timeout: 120_000 }, () => {
    const cache = freshCache()
    const good = uppdrag(cache, "allocate", "--help")
    const [file] = caches(cache)
    expect(file).toBeDefined()
    const damaged = Buffer.alloc(4096, 0x5a)
    writeFileSync(join(cache, file!), damaged)
    expect(uppdrag(cache, "allocate", "--help")).toEqual(good)
    expect(readFileSync(join(cache, file!)).equals(damaged)).toBe(false)
  })

  it("removes the caches of earlier bundles at the same place when it writes its own, not those of other places", { timeout: 60_000 }, () => {
    const cache = freshCache()
    expect(uppdrag(cache, "--help").code).toBe(0)
    const [current] = caches(cache)
    const place = current!.slice(0, current!.indexOf("-"))
    const earlier = `${place}-0.0.0.0-v0.0.0-x64-catalog-list.bin`
    const elsewhere = "0badcafe-0.0.0.0-v0.0.0-x64-catalog-list.bin"
    writeFileSync(join(cache, earlier), "gammal")
    writeFileSync(join(cache, elsewhere), "en annan installation")
    writeFileSync(join(cache, "anteckning.txt"), "inte en cache")
    expect(uppdrag(cache, "catalog", "list").code).toBe(0)
    const left = readdirSync(cache).sort()
    expect(left).not.toContain(earlier)
    expect(left).toEqual(expect.arrayContaining(["anteckning.txt", elsewhere, current!]))
    expect(left.filter((f) => f.startsWith(place))).toHaveLength(2)
  })

  it("never runs an old cache for a changed bundle, even one of the same length", { timeout: 60_000 }, () => {
    const copy = join(work, "kopia")
    mkdirSync(copy)
    for (const file of ["bin.cjs", "uppdrag.cjs"]) writeFileSync(join(copy, file), readFileSync(fileURLToPath(new URL(`../dist/${file}`, import.meta.url))))
    const cache = freshCache()
    const help = () =>
      spawnSync(process.execPath, [join(copy, "bin.cjs"), "--help"], { cwd: work, encoding: "utf8", env: { ...process.env, UPPDRAG_COMPILE_CACHE: cache } }).stdout
    expect(help()).toContain("för ett kommando")
    expect(caches(cache)).toHaveLength(1)
    // Rewritten in place: the same inode and size, only the text differs.
    const bundle = join(copy, "uppdrag.cjs")
    const text = readFileSync(bundle, "latin1")
    expect(text).toContain("f\\xF6r ett kommando")
    writeFileSync(bundle, text.replace("f\\xF6r ett kommando", "f\\xF6r ETT KOMMANDO"), "latin1")
    expect(help()).toContain("för ETT KOMMANDO")
  })

  it.skipIf(process.getuid === undefined)("does not use a directory others can write to", { timeout: 60_000 }, () => {
    const cache = freshCache()
    chmodSync(cache, 0o777)
    const result = uppdrag(cache, "catalog", "list")
    expect(result.code).toBe(0)
    expect(result.stdout).toContain("specialiserad-psykiatri-2026")
    expect(caches(cache)).toEqual([])
  })
})
