// Runs every benchmark in bench/ (every *.mjs but this file), one after the
// other, each in its own Node process with its output passed through, and
// prints how long each took and whether it finished. By default each runs
// with small sizes, so the whole set is a quick look (a few minutes); with
// --full each runs with its own defaults (the figures the notes quote: 10
// million indicator rows, 10 s load runs …). Figures, never assertions: a
// benchmark that fails is reported and the rest still run; the exit code is
// 1 if any failed.
//
//   node bench/run.mjs [--full] [NAME …]   (e.g. `node bench/run.mjs store deadlines`; build first: npm run build)
import { spawnSync } from "node:child_process"
import { readdirSync } from "node:fs"
import { basename, dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const here = dirname(fileURLToPath(import.meta.url))
const self = basename(fileURLToPath(import.meta.url))

/** Small sizes per benchmark (its own arguments); a benchmark not listed runs with its defaults. */
const small = {
  "allocation.mjs": ["20"],
  "cli-startup.mjs": ["3"],
  "deadlines.mjs": ["2"],
  "indicators.mjs": ["--rows", "100000"],
  "meetings.mjs": ["5"],
  "store.mjs": ["1000", "1", "300,3000"],
  "web.mjs": ["2", "1", "30000"]
}

const args = process.argv.slice(2)
const full = args.includes("--full")
const names = args.filter((a) => a !== "--full").map((a) => (a.endsWith(".mjs") ? a : `${a}.mjs`))
const all = readdirSync(here)
  .filter((f) => f.endsWith(".mjs") && f !== self)
  .sort()
const unknown = names.filter((n) => !all.includes(n))
if (unknown.length > 0) {
  process.stderr.write(`okänd benchmark: ${unknown.join(", ")} (finns: ${all.map((f) => f.replace(/\.mjs$/, "")).join(", ")})\n`)
  process.exit(2)
}
const chosen = names.length === 0 ? all : all.filter((f) => names.includes(f))

const results = []
for (const file of chosen) {
  const argv = full ? [] : (small[file] ?? [])
  process.stdout.write(`\n=== ${file}${argv.length === 0 ? "" : ` ${argv.join(" ")}`}\n`)
  const started = process.hrtime.bigint()
  const run = spawnSync(process.execPath, [join(here, file), ...argv], { stdio: "inherit" })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const status = run.error !== undefined ? `fel: ${run.error.message}` : run.status === 0 ? "klar" : `avslutades med ${run.status ?? run.signal}`
  results.push({ file, seconds, ok: run.status === 0, status })
}

process.stdout.write("\n=== Sammanfattning\n")
for (const r of results) process.stdout.write(`${r.file.padEnd(18)} ${r.seconds.toFixed(1).padStart(7)} s  ${r.status}\n`)
process.exitCode = results.every((r) => r.ok) ? 0 : 1
