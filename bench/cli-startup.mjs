// Start-up cost of the CLI: `node apps/cli/dist/bin.js --help` against bare
// `node -e 0`, plus `catalog list --format json` (which loads the catalog).
// Runs are interleaved so that load on the machine hits all commands alike;
// prints the median, minimum and maximum wall time of each in milliseconds.
//
//   node bench/cli-startup.mjs [runs]   (default 20; build first: npm run build)
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { fileURLToPath } from "node:url"

const bin = fileURLToPath(new URL("../apps/cli/dist/bin.js", import.meta.url))
if (!existsSync(bin)) {
  process.stderr.write(`${bin} saknas: bygg först (npm run build)\n`)
  process.exit(1)
}
const runs = Number(process.argv[2] ?? 20)
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write("antal körningar måste vara ett positivt heltal\n")
  process.exit(2)
}

const commands = [
  { name: "node -e 0", args: ["-e", "0"] },
  { name: "uppdrag --help", args: [bin, "--help"] },
  { name: "uppdrag catalog list --format json", args: [bin, "catalog", "list", "--format", "json"] }
]

const time = (args) => {
  const start = process.hrtime.bigint()
  const result = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (result.status !== 0) throw new Error(`${args.join(" ")} avslutades med ${result.status}: ${result.stderr}`)
  return ms
}

const samples = commands.map(() => [])
for (const c of commands) time(c.args) // warm the file cache once
for (let i = 0; i < runs; i++) {
  commands.forEach((c, j) => {
    samples[j].push(time(c.args))
  })
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}
const fmt = (ms) => ms.toFixed(1).padStart(8)

console.log(`CLI start-up, ${runs} körningar per kommando (ms, väggklocka)`)
console.log(`${"kommando".padEnd(38)}${"median".padStart(8)}${"min".padStart(8)}${"max".padStart(8)}`)
commands.forEach((c, j) => {
  console.log(`${c.name.padEnd(38)}${fmt(median(samples[j]))}${fmt(Math.min(...samples[j]))}${fmt(Math.max(...samples[j]))}`)
})
const base = median(samples[0])
console.log(`uppdrag --help över node -e 0: ${(median(samples[1]) - base).toFixed(1)} ms (${(median(samples[1]) / base).toFixed(2)}×)`)
