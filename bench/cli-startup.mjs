// Start-up cost, as a ratio against bare `node -e 0` measured in the same run:
// the import of each package's built ESM entry (and the CommonJS `require` of
// it: its CJS build, or the ES module itself where there is none), and each everyday CLI command end to end. Every command runs against a
// fresh temporary SQLite database (copied from a template before each run, the
// copy not timed), in a temporary working directory, without DATABASE_URL.
//
// Two figures per row, each the median of the runs: wall-clock time, and the
// CPU time (user + system) the child process reports at exit through a tiny
// preload on file descriptor 3. CPU time is what to compare on a shared,
// loaded machine; wall time is what a user waits. Runs are interleaved so that
// load on the machine hits every row alike. Figures, not a timed test.
//
// The CLI runs from its V8 code cache (apps/cli/src/bin.ts), kept in this run's
// own folder and written by the untimed first run of each command; the rows
// "utan kodcache" show what a command costs before its cache exists (the first
// run after an install). The rows "golv" are what importing effect's Effect
// module or zod costs by itself: no package that imports them can start faster.
// The rows "golv domän"/"golv tjänster" import what the packages import of
// their peers (zod, effect's Result and Data; and Effect, Layer and Context for
// the application layer and the store); the rows "efter golvet" import a
// package after its floor, and the summary under the table gives what each
// package's own code adds to it.
//
//   node bench/cli-startup.mjs [runs] [--compare OTHER_CHECKOUT]
//
// runs defaults to 7. With --compare, every row is also measured in another
// built checkout (e.g. a worktree of main: the "before"), interleaved with
// this one in the same run. Build first: npm run build.
import { spawnSync } from "node:child_process"
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { createRequire } from "node:module"
import { basename, dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

const args = process.argv.slice(2)
const compareAt = args.indexOf("--compare")
const other = compareAt === -1 ? undefined : args.splice(compareAt, 2)[1]
const runs = Number(args[0] ?? 7)
// The CLI's entry: `bin.cjs` (run from a V8 code cache) since issue 14's second round, `bin.js` before.
const entry = (root) => join(root, "apps/cli/dist", existsSync(join(root, "apps/cli/dist/bin.cjs")) ? "bin.cjs" : "bin.js")
if (!Number.isInteger(runs) || runs < 1 || (compareAt !== -1 && other === undefined)) {
  process.stderr.write("användning: node bench/cli-startup.mjs [antal körningar] [--compare ANNAN_UTCHECKNING]\n")
  process.exit(2)
}

const here = fileURLToPath(new URL("..", import.meta.url))
const roots = [...(other === undefined ? [] : [resolve(other)]), here]
const packages = ["core", "allocation", "deadlines", "indicators", "meetings", "application", "drafting", "store"]
const population = join(here, "../shared/data/population-2025-09.csv")
for (const root of roots) {
  for (const file of [entry(root), ...packages.map((p) => join(root, "packages", p, "dist/index.js"))]) {
    if (!existsSync(file)) {
      process.stderr.write(`${file} saknas: bygg först (npm run build)\n`)
      process.exit(1)
    }
  }
}

const work = mkdtempSync(join(tmpdir(), "uppdrag-bench-start-"))
process.on("exit", () => rmSync(work, { recursive: true, force: true }))
const db = join(work, "uppdrag.db")
// The code cache in a folder of this run's own: the first (untimed) run of each command writes it.
const env = { ...process.env, UPPDRAG_DB: db, UPPDRAG_COMPILE_CACHE: join(work, "kodcache") }
delete env.DATABASE_URL
// Reports the child's own CPU time on fd 3 when it exits; costs well under a millisecond.
const preload = join(work, "cpu.cjs")
writeFileSync(preload, `process.on("exit", () => { try { require("node:fs").writeSync(3, JSON.stringify(process.cpuUsage())) } catch {} })\n`)

const grant = "specialiserad-psykiatri-2026"
const commands = [
  ["--help", ["--help"]],
  ["catalog list", ["catalog", "list"]],
  ["deadlines --as-of 2026-11-23", ["deadlines", "--as-of", "2026-11-23"]],
  [`allocate --grant ${grant}`, ["allocate", "--grant", grant, "--population", population]],
  [`ledger --grant ${grant}`, ["ledger", "--grant", grant]],
  ["meetings upcoming 2026-04-01…06-30", ["meetings", "upcoming", "--from", "2026-04-01", "--to", "2026-06-30"]],
  ["record requisition", ["record", "requisition", "--grant", grant, "--region", "03", "--amount", "58203923", "--date", "2026-04-15"]],
  ["start --no-serve", ["start", "--no-serve", "--as-of", "2026-11-23"]]
]

/** A file of a peer dependency (effect, zod) as the packages of `root` resolve it. */
const peer = (root, file) => join(dirname(createRequire(join(root, "packages/core/package.json")).resolve(`${file.split("/")[0]}/package.json`)), file.split("/").slice(1).join("/"))
// What a package imports of its peers before any code of its own: zod and effect's Result and Data
// (every domain package), and effect's Effect, Layer and Context too (the application layer and the store).
const floors = {
  domän: ["zod/index.js", "effect/dist/Result.js", "effect/dist/Data.js"],
  tjänster: ["zod/index.js", "effect/dist/Result.js", "effect/dist/Data.js", "effect/dist/Effect.js", "effect/dist/Layer.js", "effect/dist/Context.js"]
}
const floorOf = (p) => (p === "application" || p === "store" ? "tjänster" : "domän")
const imports = (files) => files.map((file) => `await import(${JSON.stringify(file)})`).join("; ")

/** Every row: its label, and per checkout the node arguments and the template database it starts from. */
const rows = [
  { group: "bas", name: "node -e 0", per: [{ args: ["-e", "0"] }] },
  // The floor under the package imports: what they import of their peers (ES modules, as the packages import them).
  ...[
    ["effect/Effect", ["effect/dist/Effect.js"]],
    ["zod", ["zod/index.js"]],
    ["golv domän: zod + effect/Result, Data", floors.domän],
    ["golv tjänster: domän + Effect, Layer, Context", floors.tjänster]
  ].map(([name, files]) => ({
    group: "golv",
    name: name.startsWith("golv ") ? name : `import ${name}`,
    floor: name.startsWith("golv ") ? name.slice(5, name.indexOf(":")) : undefined,
    per: roots.map((root) => ({ args: ["--input-type=module", "-e", imports(files.map((f) => peer(root, f)))] }))
  })),
  ...packages.map((p) => ({
    group: "import",
    name: `import @uppdrag/${p}`,
    per: roots.map((root) => ({ args: ["--input-type=module", "-e", `await import(${JSON.stringify(join(root, "packages", p, "dist/index.js"))})`] }))
  })),
  // The same import after its floor is loaded: what the package's own code costs (see the summary below the table).
  ...packages.map((p) => ({
    group: "efter golvet",
    name: `import @uppdrag/${p} efter golv ${floorOf(p)}`,
    package: p,
    per: roots.map((root) => ({ args: ["--input-type=module", "-e", imports([...floors[floorOf(p)].map((f) => peer(root, f)), join(root, "packages", p, "dist/index.js")])] }))
  })),
  ...packages.map((p) => ({
    group: "require",
    name: `require @uppdrag/${p}`,
    // The CommonJS build where a checkout has one, else require() of the ES module (Node 20.19+).
    per: roots.map((root) => {
      const cjs = join(root, "packages", p, "dist/index.cjs")
      return { args: ["-e", `require(${JSON.stringify(existsSync(cjs) ? cjs : join(root, "packages", p, "dist/index.js"))})`] }
    })
  })),
  ...commands.map(([name, command]) => ({
    group: "kommando",
    name,
    per: roots.map((root, i) => ({ args: [entry(root), ...command], template: join(work, `mall-${i}.db`) }))
  })),
  // What a command costs the first time it runs after an install or upgrade, before its code cache exists.
  ...commands.slice(0, 3).map(([name, command]) => ({
    group: "utan kodcache",
    name: `${name} (UPPDRAG_COMPILE_CACHE=off)`,
    per: roots.map((root, i) => ({ args: [entry(root), ...command], template: join(work, `mall-${i}.db`), env: { ...env, UPPDRAG_COMPILE_CACHE: "off" } }))
  }))
]

// Each checkout's template: a database created and migrated once by its own `db init`.
roots.forEach((root, i) => {
  const made = spawnSync(process.execPath, [entry(root), "db", "init", "--db", join(work, `mall-${i}.db`)], { cwd: work, env, stdio: ["ignore", "ignore", "pipe"] })
  if (made.status !== 0) throw new Error(`db init i ${root} avslutades med ${made.status}: ${made.stderr}`)
})

const time = ({ args, template, env: own }) => {
  if (template !== undefined) copyFileSync(template, db)
  for (const suffix of ["-wal", "-shm"]) rmSync(db + suffix, { force: true })
  const start = process.hrtime.bigint()
  const result = spawnSync(process.execPath, ["--require", preload, ...args], { cwd: work, env: own ?? env, stdio: ["ignore", "ignore", "pipe", "pipe"] })
  const wall = Number(process.hrtime.bigint() - start) / 1e6
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} avslutades med ${result.status}: ${result.stderr}`)
  const usage = JSON.parse(result.output[3].toString())
  return { wall, cpu: (usage.user + usage.system) / 1000 }
}

const samples = rows.map((r) => r.per.map(() => []))
for (const r of rows) for (const p of r.per) time(p) // warm the file cache once
for (let i = 0; i < runs; i++) {
  for (const [j, r] of rows.entries()) for (const [k, p] of r.per.entries()) samples[j][k].push(time(p))
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}
const baseWall = median(samples[0][0].map((s) => s.wall))
const baseCpu = median(samples[0][0].map((s) => s.cpu))
// The target of issues #13 and #14: every import and every everyday command within 2× `node -e 0` (CPU).
const target = 2
const cell = (xs) => {
  const wall = median(xs.map((s) => s.wall))
  const cpu = median(xs.map((s) => s.cpu))
  const mark = cpu / baseCpu <= target ? "" : " >2×"
  return `${wall.toFixed(0).padStart(7)}${`${(wall / baseWall).toFixed(2)}×`.padStart(7)}${cpu.toFixed(0).padStart(7)}${`${(cpu / baseCpu).toFixed(2)}×`.padStart(7)}${mark.padEnd(4)}`
}

console.log(`Start-up, ${runs} körningar per rad, node ${process.version}; median i ms och kvot mot node -e 0 (vägg / cpu = user+sys); >2× = cpu-kvoten över målet ${target}×`)
const header = `${"vägg".padStart(7)}${"kvot".padStart(7)}${"cpu".padStart(7)}${"kvot".padStart(7)}${"".padEnd(4)}`
console.log(`${"".padEnd(46)}${roots.map((root) => `${basename(root).padStart(32)}`).join("  ")}`)
console.log(`${"vad".padEnd(46)}${roots.map(() => header).join("  ")}`)
let group = ""
rows.forEach((r, j) => {
  if (r.group !== group && group !== "") console.log("")
  group = r.group
  console.log(`${r.name.padEnd(46)}${samples[j].map(cell).join("  ")}`)
})

// Each package's own cost: its import after its floor, less that floor alone (CPU ms, medians, each checkout its own).
const cpuOf = (j, k) => median(samples[j][k].map((s) => s.cpu))
console.log("")
console.log("Paketens eget tillägg över sitt golv (det de importerar av zod och effect), cpu ms:")
for (const [name] of Object.entries(floors)) {
  const j = rows.findIndex((r) => r.floor === name)
  console.log(`  golv ${name.padEnd(38)}${roots.map((root, k) => `${basename(root)} ${cpuOf(j, k).toFixed(0)} ms = ${(cpuOf(j, k) / baseCpu).toFixed(2)}×`).join("   ")}`)
}
rows.forEach((r, j) => {
  if (r.package === undefined) return
  const f = rows.findIndex((x) => x.floor === floorOf(r.package))
  console.log(`  @uppdrag/${r.package.padEnd(35)}${roots.map((root, k) => { const own = cpuOf(j, k) - cpuOf(f, k); return `${basename(root)} ${own >= 0 ? "+" : ""}${own.toFixed(0)} ms` }).join("   ")}`)
})
