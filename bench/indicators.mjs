#!/usr/bin/env node
// Benchmark: the full indicators cube (every year, care form, region with
// Riket as distinct patients, sex with T, age group with alla) from 10 million
// SYNTHETIC episode rows, computed by @uppdrag/indicators and by DuckDB from
// the same file in the same run. Each engine runs in its own child process so
// that its peak memory (maxRSS) is its own. Prints wall time and peak memory,
// and checks that every cell the package publishes equals DuckDB's count.
//
//   node bench/indicators.mjs [--rows 10000000] [--skip-plain] [--skip-csv-parse] [--keep]
//
// Needs the built package (`node tooling/scripts/pnpm.mjs --filter @uppdrag/indicators run build`).
// DuckDB (@duckdb/node-api) is a devDependency of @uppdrag/indicators, used here only.
import { spawnSync } from "node:child_process"
import { closeSync, existsSync, mkdirSync, openSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs"
import { availableParallelism, loadavg } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const dist = join(root, "packages/indicators/dist/index.js")
const args = process.argv.slice(2)
const flag = (name) => args.includes(name)
const value = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : fallback
}
const rows = Number(value("--rows", "10000000"))
const years = { from: 2011, to: 2024 }
const out = join(root, "bench/out")
mkdirSync(out, { recursive: true })
const file = join(out, `indicators-episodes-${rows}.csv`)

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
  spawnSync("mv", [temporary, file])
  process.stderr.write(`  generated in ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
}
const size = statSync(file).size

const oursIn = (threads) => child(`
  const { Cube } = await import(${JSON.stringify(dist)})
  const started = performance.now()
  const result = await Cube.fromEpisodeFile(process.env.BENCH_FILE, { years: ${JSON.stringify(years)}, threads: ${threads} })
  const seconds = (performance.now() - started) / 1000
  if (result._tag !== "Success") throw new Error(result.failure.message)
  const cube = result.success
  const cells = []
  for (const cell of Cube.cells(cube)) if (!cell.suppressed) cells.push([cell.year, cell.careForm, cell.region, cell.sex, cell.ageGroup, cell.patients])
  const masked = cube.patients.filter((p) => p < 0).length
  console.log(JSON.stringify({ seconds, maxRssMB: process.resourceUsage().maxRSS / 1024, rows: cube.rows, patients: cube.distinctPatients, published: cells.length, masked, cells }))
`)
const ours = oursIn(1)
const ours2 = oursIn(2)

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
  console.log(JSON.stringify({ seconds, maxRssMB: process.resourceUsage().maxRSS / 1024, cells }))
`)

const csvParse = flag("--skip-csv-parse")
  ? undefined
  : child(`
  import { createReadStream } from "node:fs"
  import { createRequire } from "node:module"
  const require = createRequire(${JSON.stringify(join(root, "packages/indicators/package.json"))})
  const { parse } = require("csv-parse")
  const started = performance.now()
  let n = 0
  // The first million rows only: csv-parse is far slower than the whole cube, so
  // the bench reports its rate and the time it would need for the whole file.
  const parser = createReadStream(process.env.BENCH_FILE, { highWaterMark: 4 << 20 }).pipe(parse({ columns: false, from_line: 2, to_line: 1_000_001 }))
  for await (const record of parser) n += record.length > 0 ? 1 : 0
  console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024, rows: n }))
`)

const twoStep = duck("two-step")
const plain = flag("--skip-plain") ? undefined : duck("plain")

// Every published cell of the package must equal DuckDB's count; cells DuckDB
// leaves out (no patients) must be published as 0 or masked.
const key = (c) => `${c[0]}|${c[1]}|${c[2]}|${c[3]}|${c[4]}`
const check = (engine) => {
  const counts = new Map(engine.cells.map((c) => [key(c), c[5]]))
  let mismatches = 0
  for (const c of ours.cells) if ((counts.get(key(c)) ?? 0) !== c[5]) mismatches++
  return mismatches
}
const fmt = (s) => `${s.toFixed(1)} s`
const mem = (mb) => `${Math.round(mb).toLocaleString("en")} MB`
const lines = [
  `indicators bench: ${ours.rows.toLocaleString("en")} episode rows (${(size / 1e6).toFixed(0)} MB CSV), ${ours.patients.toLocaleString("en")} distinct patients, years ${years.from}–${years.to}`,
  `full cube: ${(ours.published + ours.masked).toLocaleString("en")} cells (${ours.masked} masked at threshold 5)`,
  "",
  `engine                                   wall      peak memory  cells equal`,
  `@uppdrag/indicators, 1 thread           ${fmt(ours.seconds).padStart(7)}  ${mem(ours.maxRssMB).padStart(11)}  ${ours.published} published (count + protect)`,
  `@uppdrag/indicators, 2 threads          ${fmt(ours2.seconds).padStart(7)}  ${mem(ours2.maxRssMB).padStart(11)}  ${JSON.stringify(ours2.cells) === JSON.stringify(ours.cells) ? "same cube" : "DIFFERENT CUBE"}`,
  `DuckDB two-step (distinct, then count)   ${fmt(twoStep.seconds).padStart(7)}  ${mem(twoStep.maxRssMB).padStart(11)}  ${check(twoStep) === 0 ? "yes" : `NO (${check(twoStep)} differ)`}`,
  plain === undefined ? undefined : `DuckDB plain GROUPING SETS count(DISTINCT) ${fmt(plain.seconds).padStart(5)}  ${mem(plain.maxRssMB).padStart(11)}  ${check(plain) === 0 ? "yes" : `NO (${check(plain)} differ)`}`,
  csvParse === undefined
    ? undefined
    : `csv-parse alone, parse only, first ${csvParse.rows.toLocaleString("en")} rows: ${fmt(csvParse.seconds)} (${Math.round(csvParse.rows / csvParse.seconds).toLocaleString("en")} rows/s, so ${fmt((ours.rows * csvParse.seconds) / csvParse.rows)} for the file), ${mem(csvParse.maxRssMB)}`,
  "",
  `speed-up against DuckDB's best: ${(Math.min(twoStep.seconds, plain?.seconds ?? Infinity) / Math.min(ours.seconds, ours2.seconds)).toFixed(2)}× (machine load average at the end: ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`
].filter((l) => l !== undefined)
process.stdout.write(`${lines.join("\n")}\n`)
writeFileSync(join(out, "indicators.txt"), `${lines.join("\n")}\n`)
if (!flag("--keep") && rows < 10_000_000) rmSync(file)
if (JSON.stringify(ours2.cells) !== JSON.stringify(ours.cells) || check(twoStep) !== 0 || (plain !== undefined && check(plain) !== 0)) process.exitCode = 1
