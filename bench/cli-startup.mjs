// Start-up cost, as a ratio against bare `node -e 0` measured in the same run:
// the import of each package's built ESM entry (and the CommonJS `require` of
// it), and each everyday CLI command end to end. Every command runs against a
// fresh temporary SQLite database (copied from a template before each run, the
// copy not timed), in a temporary working directory, without DATABASE_URL.
// Runs are interleaved so that load on the machine hits everything alike;
// prints the median, minimum and maximum wall time in milliseconds and the
// median as a multiple of `node -e 0`. Figures, not a timed test.
//
//   node bench/cli-startup.mjs [runs]   (default 7; build first: npm run build)
import { spawnSync } from "node:child_process"
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("..", import.meta.url))
const bin = join(root, "apps/cli/dist/bin.js")
const population = join(root, "../shared/data/population-2025-09.csv")
const packages = ["core", "allocation", "deadlines", "indicators", "meetings", "store"]
for (const file of [bin, population, ...packages.map((p) => join(root, "packages", p, "dist/index.js"))]) {
  if (!existsSync(file)) {
    process.stderr.write(`${file} saknas: bygg först (npm run build)\n`)
    process.exit(1)
  }
}
const runs = Number(process.argv[2] ?? 7)
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write("antal körningar måste vara ett positivt heltal\n")
  process.exit(2)
}

const work = mkdtempSync(join(tmpdir(), "uppdrag-bench-start-"))
process.on("exit", () => rmSync(work, { recursive: true, force: true }))
const template = join(work, "mall.db")
const db = join(work, "uppdrag.db")
const env = { ...process.env, UPPDRAG_DB: db }
delete env.DATABASE_URL

const grant = "specialiserad-psykiatri-2026"
const cli = (...args) => [bin, ...args]
const importOf = (p) => ["--input-type=module", "-e", `await import(${JSON.stringify(join(root, "packages", p, "dist/index.js"))})`]
const requireOf = (p) => ["-e", `require(${JSON.stringify(join(root, "packages", p, "dist/index.cjs"))})`]

const rows = [
  { group: "bas", name: "node -e 0", args: ["-e", "0"] },
  ...packages.map((p) => ({ group: "import", name: `import @uppdrag/${p}`, args: importOf(p) })),
  ...packages.map((p) => ({ group: "require", name: `require @uppdrag/${p}`, args: requireOf(p) })),
  { group: "kommando", name: "--help", args: cli("--help") },
  { group: "kommando", name: "catalog list", args: cli("catalog", "list") },
  { group: "kommando", name: "deadlines --as-of 2026-11-23", args: cli("deadlines", "--as-of", "2026-11-23") },
  { group: "kommando", name: `allocate --grant ${grant}`, args: cli("allocate", "--grant", grant, "--population", population) },
  { group: "kommando", name: `ledger --grant ${grant}`, args: cli("ledger", "--grant", grant) },
  { group: "kommando", name: "meetings upcoming 2026-04-01…06-30", args: cli("meetings", "upcoming", "--from", "2026-04-01", "--to", "2026-06-30") },
  {
    group: "kommando",
    name: "record requisition",
    args: cli("record", "requisition", "--grant", grant, "--region", "03", "--amount", "58203923", "--date", "2026-04-15")
  },
  { group: "kommando", name: "start --no-serve", args: cli("start", "--no-serve", "--as-of", "2026-11-23") }
]

const time = (args) => {
  copyFileSync(template, db)
  for (const suffix of ["-wal", "-shm"]) rmSync(db + suffix, { force: true })
  const start = process.hrtime.bigint()
  const result = spawnSync(process.execPath, args, { cwd: work, env, stdio: ["ignore", "ignore", "pipe"] })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} avslutades med ${result.status}: ${result.stderr}`)
  return ms
}

// The template: a database created and migrated once (by `db init`), so every run starts from the same state.
{
  const made = spawnSync(process.execPath, [bin, "db", "init", "--db", template], { cwd: work, env, stdio: ["ignore", "ignore", "pipe"] })
  if (made.status !== 0) throw new Error(`db init avslutades med ${made.status}: ${made.stderr}`)
}

const samples = rows.map(() => [])
for (const r of rows) time(r.args) // warm the file cache once
for (let i = 0; i < runs; i++) rows.forEach((r, j) => samples[j].push(time(r.args)))

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}
const fmt = (ms) => ms.toFixed(1).padStart(8)
const base = median(samples[0])

console.log(`Start-up, ${runs} körningar per rad, node ${process.version} (ms, väggklocka; kvot = median / median för node -e 0)`)
console.log(`${"vad".padEnd(44)}${"median".padStart(8)}${"min".padStart(8)}${"max".padStart(8)}${"kvot".padStart(8)}`)
let group = ""
rows.forEach((r, j) => {
  if (r.group !== group && group !== "") console.log("")
  group = r.group
  const m = median(samples[j])
  console.log(`${r.name.padEnd(44)}${fmt(m)}${fmt(Math.min(...samples[j]))}${fmt(Math.max(...samples[j]))}${`${(m / base).toFixed(2)}×`.padStart(8)}`)
})
