// Build step of @uppdrag/allocation, run by `build` after tsup: parses and
// validates every shipped population file (data/*.csv) once, in full, with
// the core package a user's file goes through (`Population.parseFile`), and
// writes the rows to dist/published-population.json, which
// `PublishedPopulation.forReference` reads instead of parsing the CSV on
// every command. The layout is `PublishedData.Data` in
// src/internal/PublishedData.ts. A file that does not parse fails the build
// with the same `file:line: path: message` lines a user's file would get.
import { readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { formatIssues, Population } from "@uppdrag/core"
import { PublishedPopulation } from "../dist/index.js"

const out = new URL("../dist/published-population.json", import.meta.url)
const directory = PublishedPopulation.directory()
const names = readdirSync(directory).filter((name) => name.endsWith(".csv")).sort()

const files = names.map((name) => {
  const file = join(directory, name)
  const parsed = Population.parseFile(file)
  if (parsed._tag === "Failure") {
    process.stderr.write(`${formatIssues(parsed.failure.source, parsed.failure.issues).join("\n")}\n`)
    process.stderr.write("en inbyggd befolkningsfil är ogiltig: bygget avbryts\n")
    process.exit(1)
  }
  return { name, text: readFileSync(file, "utf8"), rows: parsed.success.rows }
})

writeFileSync(out, `${JSON.stringify({ format: 1, files })}\n`)
process.stdout.write(`population-data: ${files.length} filer validerade, ${out.pathname.split("/").slice(-2).join("/")} skriven\n`)
