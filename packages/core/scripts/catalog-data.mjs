// Build step of @uppdrag/core, run by `build` after tsup: validates the
// built-in catalog (catalog/*.yaml) once, in full, with the package just
// built (the same `Catalog.load` that checks a user's files), and writes it
// as data to dist/catalog.json, which `Catalog.load()` reads instead of
// parsing YAML and running zod on every command. The layout is
// `BuiltinCatalog.Data` in src/internal/BuiltinCatalog.ts. A catalog
// problem fails the build with the same `file:line: path: message` lines
// `uppdrag catalog validate` prints.
import { readFileSync, writeFileSync } from "node:fs"
import { basename } from "node:path"
import { Catalog, formatIssues, formatPath, SourceDocument } from "../dist/index.js"

const out = new URL("../dist/catalog.json", import.meta.url)
const directory = Catalog.builtinDirectory()

// Without `builtin`: every file is parsed and validated, whatever data may already exist.
const checked = Catalog.load({ builtin: false, extra: [directory] })
if (checked._tag === "Failure") {
  process.stderr.write(`${checked.failure.flatMap((e) => formatIssues(e.source, e.issues)).join("\n")}\n`)
  process.stderr.write("den inbyggda katalogen är ogiltig: bygget avbryts\n")
  process.exit(1)
}
const byFile = new Map([...checked.success.sources].map(([id, file]) => [file, checked.success.assignments.find((a) => a.id === id)]))

const files = Catalog.filesAt(directory)
if (files._tag === "Failure") throw new Error(files.failure.message)

/** Must match `BuiltinCatalog.citedPaths`; the core tests check the lines against a fresh parse. */
const citedPaths = (assignment) => [
  ["id"],
  ["concerns"],
  ...assignment.diaryNumbers.map((_, i) => ["diaryNumbers", i]),
  ...assignment.grants.map((_, i) => ["grants", i, "id"])
]

const entries = files.success.map((file) => {
  const text = readFileSync(file, "utf8")
  const assignment = byFile.get(file)
  if (assignment === undefined) throw new Error(`${file} gav inget uppdrag`)
  const doc = SourceDocument.parse(readFileSync(file), file)
  if (doc._tag === "Failure") throw new Error(doc.failure.message)
  const lines = {}
  for (const path of citedPaths(assignment)) {
    const line = doc.success.lineOf(path)
    if (line !== undefined) lines[formatPath(path)] = line
  }
  return { name: basename(file), text, assignment, lines }
})

writeFileSync(out, `${JSON.stringify({ format: 1, files: entries })}\n`)
process.stdout.write(`catalog-data: ${entries.length} filer validerade, ${out.pathname.split("/").slice(-2).join("/")} skriven\n`)
