#!/usr/bin/env node
// Benchmark: the full indicators cube (every year, care form, region with
// Riket as distinct patients, sex with T, age group with alla) from 10 million
// SYNTHETIC episode rows, computed by @uppdrag/indicators and by DuckDB from
// the same file in the same run, beside a plain byte scan of the file (read it
// in 1 MB chunks and count its line ends in JavaScript: the floor for any
// reader of those bytes in Node). Each engine runs in its own child process so
// that its peak memory (maxRSS) is its own. Prints wall time, peak memory and
// the ratios the targets are stated in (package vs DuckDB's best query, package
// vs the byte scan), and checks that every cell the package publishes equals
// DuckDB's count.
//
//   node bench/indicators.mjs [--rows 10000000] [--runs 1] [--dist DIR] [--before DIR] [--skip-plain] [--skip-csv-parse] [--keep]
//
// --runs N: every engine N times, interleaved, best time and highest memory
// reported (the machine is shared, so the best run is the one least disturbed).
// --dist DIR: the package from another build (e.g. a checkout of main, for
// before/after figures from the same script).
// --before DIR: another build run beside the package, interleaved with it in
// the same runs (1 and 2 threads), with its own rows and ratios, so that a
// before/after comparison shares the machine's load; its cube must be the same.
// The episode file is generated once into the temporary folder and reused
// (files of fewer than 10 million rows are removed afterwards unless --keep).
// Needs the built package (`node tooling/scripts/pnpm.mjs --filter @uppdrag/indicators run build`).
// DuckDB (@duckdb/node-api) is a devDependency of @uppdrag/indicators, used here only.
import { spawnSync } from "node:child_process"
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs"
import { availableParallelism, loadavg, tmpdir } from "node:os"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const args = process.argv.slice(2)
const flag = (name) => args.includes(name)
const value = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : fallback
}
const dist = join(resolve(value("--dist", join(root, "packages/indicators/dist"))), "index.js")
const beforeDist = args.includes("--before") ? join(resolve(value("--before")), "index.js") : undefined
const rows = Number(value("--rows", "10000000"))
const runs = Math.max(1, Number(value("--runs", "1")))
const years = { from: 2011, to: 2024 }
const out = join(root, "bench/out")
mkdirSync(out, { recursive: true })
const data = join(tmpdir(), "uppdrag-bench")
mkdirSync(data, { recursive: true })
const file = join(data, `indicators-episodes-${rows}.csv`)

// A child process runs one engine; it prints one JSON line with its figures.
const child = (script) => {
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", maxBuffer: 1 << 30, env: { ...process.env, BENCH_FILE: file } })
  if (result.status !== 0) throw new Error(`child failed (${result.status}):\n${result.stderr}`)
  return JSON.parse(result.stdout.trim().split("\n").at(-1))
}

if (!existsSync(file)) {
  process.stderr.write(`Generating ${rows.toLocaleString("en")} synthetic episode rows into ${file} …\n`)
  const { Synthetic } = await import(dist)
  const started = performance.now()
  const temporary = `${file}.tmp`
  const fd = openSync(temporary, "w")
  for (const chunk of Synthetic.episodes({ seed: 2026, episodes: rows })) writeSync(fd, chunk)
  closeSync(fd)
  renameSync(temporary, file)
  process.stderr.write(`  generated in ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
}
const size = statSync(file).size

// The floor: every byte of the file read and looked at once, nothing else.
const scan = () =>
  child(`
  import { closeSync, openSync, readSync } from "node:fs"
  const cpu0 = process.cpuUsage()
  const started = performance.now()
  const fd = openSync(process.env.BENCH_FILE, "r")
  const buffer = new Uint8Array(1 << 20)
  let lines = 0
  for (;;) {
    const n = readSync(fd, buffer, 0, buffer.length, null)
    if (n === 0) break
    for (let i = 0; i < n; i++) if (buffer[i] === 10) lines++
  }
  closeSync(fd)
  console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024, cpuSeconds: ((c) => (c.user + c.system) / 1e6)(process.cpuUsage(cpu0)), lines }))
`)

const oursIn = (threads, build = dist) => child(`
  const { Cube } = await import(${JSON.stringify(build)})
  const cpu0 = process.cpuUsage()
  const started = performance.now()
  const result = await Cube.fromEpisodeFile(process.env.BENCH_FILE, { years: ${JSON.stringify(years)}, threads: ${threads} })
  const seconds = (performance.now() - started) / 1000
  if (result._tag !== "Success") throw new Error(result.failure.message)
  const cube = result.success
  const cells = []
  for (const cell of Cube.cells(cube)) if (!cell.suppressed) cells.push([cell.year, cell.careForm, cell.region, cell.sex, cell.ageGroup, cell.patients])
  const masked = cube.patients.filter((p) => p < 0).length
  console.log(JSON.stringify({ seconds, maxRssMB: process.resourceUsage().maxRSS / 1024, cpuSeconds: ((c) => (c.user + c.system) / 1e6)(process.cpuUsage(cpu0)), rows: cube.rows, patients: cube.distinctPatients, published: cells.length, masked, cells }))
`)

// DuckDB: the episodes expanded to one row per year they overlap, then the full
// cube. "plain" is one GROUPING SETS query with count(DISTINCT patient) for all
// eight margin combinations; "two-step" first makes distinct
// (patient, year, care form, region, sex, age group) rows, then counts rows for
// the regions and distinct patients for Riket.
const duck = (query) =>
  child(`
  import { createRequire } from "node:module"
  const require = createRequire(${JSON.stringify(join(root, "packages/indicators/package.json"))})
  const { DuckDBInstance } = require("@duckdb/node-api")
  const instance = await DuckDBInstance.create(":memory:")
  const db = await instance.connect()
  const cpu0 = process.cpuUsage()
  const started = performance.now()
  const file = process.env.BENCH_FILE
  const band = "CASE WHEN age < 18 THEN '0-17' WHEN age < 25 THEN '18-24' WHEN age < 35 THEN '25-34' WHEN age < 45 THEN '35-44' WHEN age < 55 THEN '45-54' WHEN age < 65 THEN '55-64' WHEN age < 75 THEN '65-74' ELSE '75+' END"
  const expanded = \`SELECT patient, region, sex, careForm, y AS year, y - birthYear AS age FROM (
      SELECT patient, region, sex, birthYear, careForm,
             unnest(range(greatest(year(start), ${years.from}), least(coalesce(year("end"), ${years.to}), ${years.to}) + 1)) AS y
      FROM read_csv('\${file}', header = true, columns = {'patient': 'VARCHAR', 'region': 'VARCHAR', 'sex': 'VARCHAR', 'birthYear': 'INTEGER', 'careForm': 'VARCHAR', 'start': 'DATE', 'end': 'DATE'}))\`
  let sql
  if (${JSON.stringify(query)} === "plain") {
    sql = \`SELECT year, careForm, coalesce(region, '00') AS region, coalesce(sex, 'T') AS sex, coalesce(band, 'alla') AS band, count(DISTINCT patient) AS n
      FROM (SELECT *, \${band} AS band FROM (\${expanded}))
      GROUP BY GROUPING SETS ((year, careForm, region, sex, band), (year, careForm, region, sex), (year, careForm, region, band), (year, careForm, region),
                              (year, careForm, sex, band), (year, careForm, sex), (year, careForm, band), (year, careForm))\`
  } else {
    await db.run(\`CREATE TEMP TABLE d AS SELECT DISTINCT patient, year, careForm, region, sex, \${band} AS band FROM (\${expanded})\`)
    await db.run("CREATE TEMP TABLE n AS SELECT DISTINCT patient, year, careForm, sex, band FROM d")
    sql = \`SELECT year, careForm, region, coalesce(sex, 'T') AS sex, coalesce(band, 'alla') AS band, count(*) AS n FROM d
             GROUP BY GROUPING SETS ((year, careForm, region, sex, band), (year, careForm, region, sex), (year, careForm, region, band), (year, careForm, region))
           UNION ALL
           SELECT year, careForm, '00', coalesce(sex, 'T'), coalesce(band, 'alla'), count(*) FROM n
             GROUP BY GROUPING SETS ((year, careForm, sex, band), (year, careForm, sex), (year, careForm, band), (year, careForm))\`
  }
  const reader = await db.runAndReadAll(sql)
  const seconds = (performance.now() - started) / 1000
  const cells = reader.getRows().map((r) => [Number(r[0]), r[1], r[2], r[3], r[4], Number(r[5])])
  console.log(JSON.stringify({ seconds, maxRssMB: process.resourceUsage().maxRSS / 1024, cpuSeconds: ((c) => (c.user + c.system) / 1e6)(process.cpuUsage(cpu0)), cells }))
`)

const csvParse = flag("--skip-csv-parse")
  ? undefined
  : child(`
  import { createReadStream } from "node:fs"
  import { createRequire } from "node:module"
  const require = createRequire(${JSON.stringify(join(root, "packages/indicators/package.json"))})
  const { parse } = require("csv-parse")
  const cpu0 = process.cpuUsage()
  const started = performance.now()
  let n = 0
  // The first million rows only: csv-parse is far slower than the whole cube, so
  // the bench reports its rate and the time it would need for the whole file.
  const parser = createReadStream(process.env.BENCH_FILE, { highWaterMark: 4 << 20 }).pipe(parse({ columns: false, from_line: 2, to_line: 1_000_001 }))
  for await (const record of parser) n += record.length > 0 ? 1 : 0
  console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024, cpuSeconds: ((c) => (c.user + c.system) / 1e6)(process.cpuUsage(cpu0)), rows: n }))
`)

// Interleaved, so that a busy spell of the machine falls on every engine alike.
const best = (list) => list.reduce((a, b) => ({ ...(a.seconds <= b.seconds ? a : b), maxRssMB: Math.max(a.maxRssMB, b.maxRssMB) }))
// CPU time (every thread of the child, over the same span as the wall time) says what the work costs when
// the machine is busy and wall time also measures waiting for a core.
const samples = { scan: [], ours: [], ours2: [], before: [], before2: [], twoStep: [], plain: [] }
for (let run = 0; run < runs; run++) {
  process.stderr.write(`run ${run + 1} of ${runs} …\n`)
  samples.scan.push(scan())
  samples.ours.push(oursIn(1))
  samples.ours2.push(oursIn(2))
  if (beforeDist !== undefined) {
    samples.before.push(oursIn(1, beforeDist))
    samples.before2.push(oursIn(2, beforeDist))
  }
  samples.twoStep.push(duck("two-step"))
  if (!flag("--skip-plain")) samples.plain.push(duck("plain"))
}
const byteScan = best(samples.scan)
const ours = best(samples.ours)
const ours2 = best(samples.ours2)
const twoStep = best(samples.twoStep)
const plain = samples.plain.length === 0 ? undefined : best(samples.plain)
const before = beforeDist === undefined ? undefined : best(samples.before)
const before2 = beforeDist === undefined ? undefined : best(samples.before2)

// Every published cell of the package must equal DuckDB's count; cells DuckDB
// leaves out (no patients) must be published as 0 or masked.
const key = (c) => `${c[0]}|${c[1]}|${c[2]}|${c[3]}|${c[4]}`
const check = (engine) => {
  const counts = new Map(engine.cells.map((c) => [key(c), c[5]]))
  let mismatches = 0
  for (const c of ours.cells) if ((counts.get(key(c)) ?? 0) !== c[5]) mismatches++
  return mismatches
}
const fmt = (s) => `${s.toFixed(2)} s`
const cpu = (engine) => `${engine.cpuSeconds.toFixed(2)} s`.padStart(8)
const mem = (mb) => `${Math.round(mb).toLocaleString("en")} MB`
const ratio = (x) => `${x.toFixed(2)}×`
const duckBest = Math.min(twoStep.seconds, plain?.seconds ?? Number.POSITIVE_INFINITY)
const oursBest = ours2.seconds < ours.seconds ? ours2 : ours
const equalTwo = check(twoStep)
const equalPlain = plain === undefined ? 0 : check(plain)
const sameCube = JSON.stringify(ours2.cells) === JSON.stringify(ours.cells)
const beforeSame = before === undefined || (JSON.stringify(before.cells) === JSON.stringify(ours.cells) && JSON.stringify(before2.cells) === JSON.stringify(ours.cells))
const beforeBest = before === undefined ? undefined : before2.seconds < before.seconds ? before2 : before
const lines = [
  `indicators bench: ${ours.rows.toLocaleString("en")} episode rows (${(size / 1e6).toFixed(0)} MB CSV), ${ours.patients.toLocaleString("en")} distinct patients, years ${years.from}–${years.to}${dist.startsWith(root) ? "" : ` (package from ${dirname(dist)})`}`,
  `full cube: ${(ours.published + ours.masked).toLocaleString("en")} cells (${ours.masked} masked at threshold 5); ${runs === 1 ? "one run each" : `best of ${runs} interleaved runs each`}`,
  "",
  `engine                                       wall  peak memory  vs byte scan       cpu  cells equal`,
  `plain byte scan (read, count line ends) ${fmt(byteScan.seconds).padStart(9)}  ${mem(byteScan.maxRssMB).padStart(11)}  ${ratio(1).padStart(12)}  ${cpu(byteScan)}`,
  `@uppdrag/indicators, 1 thread           ${fmt(ours.seconds).padStart(9)}  ${mem(ours.maxRssMB).padStart(11)}  ${ratio(ours.seconds / byteScan.seconds).padStart(12)}  ${cpu(ours)}  ${ours.published} published (count + protect)`,
  `@uppdrag/indicators, 2 threads          ${fmt(ours2.seconds).padStart(9)}  ${mem(ours2.maxRssMB).padStart(11)}  ${ratio(ours2.seconds / byteScan.seconds).padStart(12)}  ${cpu(ours2)}  ${sameCube ? "same cube" : "DIFFERENT CUBE"}`,
  ...(before === undefined
    ? []
    : [
        `before (${dirname(beforeDist)}):`,
        `  1 thread                              ${fmt(before.seconds).padStart(9)}  ${mem(before.maxRssMB).padStart(11)}  ${ratio(before.seconds / byteScan.seconds).padStart(12)}  ${cpu(before)}  ${beforeSame ? "same cube" : "DIFFERENT CUBE"}`,
        `  2 threads                             ${fmt(before2.seconds).padStart(9)}  ${mem(before2.maxRssMB).padStart(11)}  ${ratio(before2.seconds / byteScan.seconds).padStart(12)}  ${cpu(before2)}`
      ]),
  `DuckDB two-step (distinct, then count)  ${fmt(twoStep.seconds).padStart(9)}  ${mem(twoStep.maxRssMB).padStart(11)}  ${ratio(twoStep.seconds / byteScan.seconds).padStart(12)}  ${cpu(twoStep)}  ${equalTwo === 0 ? "yes" : `NO (${equalTwo} differ)`}`,
  plain === undefined
    ? undefined
    : `DuckDB plain GROUPING SETS (DISTINCT)   ${fmt(plain.seconds).padStart(9)}  ${mem(plain.maxRssMB).padStart(11)}  ${ratio(plain.seconds / byteScan.seconds).padStart(12)}  ${cpu(plain)}  ${equalPlain === 0 ? "yes" : `NO (${equalPlain} differ)`}`,
  csvParse === undefined
    ? undefined
    : `csv-parse alone, parse only, first ${csvParse.rows.toLocaleString("en")} rows: ${fmt(csvParse.seconds)} (${Math.round(csvParse.rows / csvParse.seconds).toLocaleString("en")} rows/s, so ${fmt((ours.rows * csvParse.seconds) / csvParse.rows)} for the file), ${mem(csvParse.maxRssMB)}`,
  "",
  `targets (issue 14), package at its best (${oursBest === ours2 ? "2 threads" : "1 thread"}):`,
  `  DuckDB's best / package   ${ratio(duckBest / oursBest.seconds).padStart(7)}  (at least 2×)${plain === undefined ? "  [plain query skipped]" : ""}`,
  `  package / byte scan       ${ratio(oursBest.seconds / byteScan.seconds).padStart(7)}  (at most 3×)`,
  `  peak memory               ${mem(Math.max(ours.maxRssMB, ours2.maxRssMB)).padStart(7)}  (under 500 MB)`,
  `  cells equal to DuckDB     ${equalTwo === 0 && equalPlain === 0 && sameCube ? "every one" : "NO"}`,
  ...(beforeBest === undefined
    ? []
    : [
        `before, at its best (${beforeBest === before2 ? "2 threads" : "1 thread"}): DuckDB's best / before ${ratio(duckBest / beforeBest.seconds)}, before / byte scan ${ratio(beforeBest.seconds / byteScan.seconds)}, package / before ${ratio(oursBest.seconds / beforeBest.seconds)}`
      ]),
  `machine load average at the end: ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`
].filter((l) => l !== undefined)
process.stdout.write(`${lines.join("\n")}\n`)
writeFileSync(join(out, "indicators.txt"), `${lines.join("\n")}\n`)
if (!flag("--keep") && rows < 10_000_000) rmSync(file)
if (!sameCube || !beforeSame || equalTwo !== 0 || equalPlain !== 0) process.exitCode = 1
