import { isAscii } from "node:buffer"
import { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { Script } from "node:vm"

// The entry `uppdrag` runs: it only loads the program (`uppdrag.cjs`, one
// CommonJS bundle of `main.ts` and everything it uses) from a V8 code cache.
// Node 20 has no compile cache of its own (`module.enableCompileCache` came
// in Node 22), and compiling the bundle's functions is most of what a command
// costs beyond Node's own start. The cache is written when a command has
// succeeded, after it ran, so it holds every function that command compiled
// (a cache made at compile time holds only the top level); one file per
// command (`deadlines`, `meetings upcoming` …), per bundle and Node version.
//
// Where: `UPPDRAG_COMPILE_CACHE` (a directory, or `off`), else a directory of
// this user's own in the temporary folder. Used only when it is a directory
// owned by this user that nobody else can write, because bytecode read from
// it is run. Any failure of the cache is silent: the program then compiles as
// usual. V8 itself refuses a cache made by another V8 or with other flags.

// This file is built as CommonJS (`dist/bin.cjs`: Node starts a CommonJS entry a few milliseconds sooner), hence `__dirname`.
const bundle = join(__dirname, "uppdrag.cjs")

/** The cache directory, created when missing, or `undefined` when there is none safe to use. */
const cacheDirectory = (): string | undefined => {
  const setting = process.env.UPPDRAG_COMPILE_CACHE
  if (setting === "off" || setting === "0") return undefined
  const uid = process.getuid?.()
  const dir = setting !== undefined && setting !== "" ? setting : join(tmpdir(), `uppdrag-kompilering-${uid ?? "anvandare"}`)
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    const stat = lstatSync(dir)
    if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || (stat.mode & 0o022) !== 0) return undefined
    return dir
  } catch {
    return undefined
  }
}

/** A short name for a path (32-bit FNV-1a, hex); loading node:crypto for it would cost more than it saves. */
const fnv1a = (text: string): string => {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return (hash >>> 0).toString(16).padStart(8, "0")
}

/** `deadlines`, `meetings-upcoming`: the command words of the arguments, `uppdrag` for none (as for `--help`). */
const commandKey = (argv: ReadonlyArray<string>): string => {
  const words: Array<string> = []
  for (const arg of argv) {
    if (words.length === 2 || !/^[a-z][a-z-]{0,30}$/.test(arg)) break
    words.push(arg)
  }
  return words.length === 0 ? "uppdrag" : words.join("-")
}

let bytes: Buffer
let version: string
try {
  const fd = openSync(bundle, "r")
  try {
    // Which bundle this is, from the file itself: any write to it changes its change time (ctime),
    // which no copy, unpacking or touch can set back, and a new file has a new inode. (V8 checks
    // only the length of the source, so a changed bundle of the same length must never meet an old cache.)
    const stat = fstatSync(fd, { bigint: true })
    version = [stat.size, stat.ino, stat.ctimeNs, stat.mtimeNs].map((n) => n.toString(36)).join(".")
    bytes = readFileSync(fd)
  } finally {
    closeSync(fd)
  }
} catch {
  process.stderr.write(`Oväntat fel i uppdrag: programfilen ${bundle} kan inte läsas; installera om uppdrag\n`)
  process.exit(70)
}
const dir = cacheDirectory()
// Where the bundle is installed, then which bundle, Node version and command: a rebuilt bundle or
// another Node never meets an old cache, and two installations on one machine keep their own.
const place = `${fnv1a(bundle)}-`
const prefix = `${place}${version}-${process.version}-${process.arch}-`
const cacheFile = dir === undefined ? undefined : join(dir, `${prefix}${commandKey(process.argv.slice(2))}.bin`)
let cachedData: Buffer | undefined
if (cacheFile !== undefined) {
  try {
    cachedData = readFileSync(cacheFile)
  } catch {
    cachedData = undefined
  }
}
// esbuild escapes non-ASCII text in strings but not in regular expressions: latin1, the fastest
// decoding, only when the bundle is ASCII throughout (isAscii is one vectorised pass).
const source = isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8")
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: bundle,
  ...(cachedData === undefined ? {} : { cachedData })
})

if (cacheFile !== undefined && dir !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) {
  process.once("exit", (code) => {
    if (code !== 0) return
    try {
      const data = script.createCachedData()
      // Written whole under a temporary name, then renamed: a concurrent run reads the old file or the new one.
      const temporary = `${cacheFile}.${process.pid}.tmp`
      writeFileSync(temporary, data, { mode: 0o600 })
      renameSync(temporary, cacheFile)
      // Caches of earlier bundles or Node versions at this place are never read again.
      for (const name of readdirSync(dir)) {
        if (name.endsWith(".bin") && name.startsWith(place) && !name.startsWith(prefix)) rmSync(join(dir, name), { force: true })
      }
    } catch {
      // A cache that cannot be written only means the next run compiles again.
    }
  })
}

const module = { exports: {} }
const run = script.runInThisContext() as (e: object, r: NodeJS.Require, m: object, f: string, d: string) => void
run.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle))
