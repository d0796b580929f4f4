#!/usr/bin/env node
// Checks that every export of a package's public modules (`src/*.ts`, not `src/internal/`) has a
// JSDoc comment with an `@since` tag, so an editor's hover says what a declaration is and in which
// release it arrived. Run in a package directory as part of its `lint`.
//
//   node ../../tooling/scripts/since.mjs          # prints each export without a doc or @since, exits 1 if any
//   node ../../tooling/scripts/since.mjs --fix    # adds `@since <next release>` to documented exports without one
//
// The next release is the version `changeset version` would give the package now (its pending
// changesets), or its current version when none are pending: a declaration added today first
// ships in that release.
import { spawnSync } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"

const ts = createRequire(import.meta.url)("typescript")
const root = process.cwd()
const fix = process.argv.includes("--fix")
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"))

/** The version the package's pending changesets lead to (the release a new export first ships in). */
const nextVersion = () => {
  const workspace = fileURLToPath(new URL("../..", import.meta.url))
  const bin = createRequire(join(workspace, "package.json")).resolve("@changesets/cli/bin.js")
  const directory = mkdtempSync(join(tmpdir(), "uppdrag-since-"))
  try {
    const output = join(directory, "status.json")
    const run = spawnSync(process.execPath, [bin, "status", `--output=${output}`], { cwd: workspace, encoding: "utf8" })
    if (run.status !== 0) return manifest.version
    const plan = JSON.parse(readFileSync(output, "utf8"))
    return plan.releases?.find((r) => r.name === manifest.name)?.newVersion ?? manifest.version
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}

const exported = (node) => (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Export) !== 0
const declarationKinds = new Set([
  ts.SyntaxKind.VariableStatement,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.EnumDeclaration,
  ts.SyntaxKind.ModuleDeclaration
])
const nameOf = (node) =>
  ts.isVariableStatement(node) ? node.declarationList.declarations.map((d) => d.name.getText()).join(", ") : (node.name?.getText() ?? "(default)")

const problems = []
let added = 0
const version = fix ? nextVersion() : undefined
const files = readdirSync(join(root, "src"))
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && f !== "index.ts")
  .map((f) => join(root, "src", f))

for (const file of files) {
  const text = readFileSync(file, "utf8")
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  /** Insertions (offset, text), applied from the end so offsets stay valid. */
  const edits = []
  // An overloaded function is one export: only its first signature carries the doc.
  const seen = new Set()
  for (const node of source.statements) {
    if (!declarationKinds.has(node.kind) || !exported(node)) continue
    const name = nameOf(node)
    if (seen.has(name)) continue
    seen.add(name)
    const docs = (node.jsDoc ?? []).filter((d) => ts.isJSDoc(d))
    const where = `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${name}`
    const doc = docs.at(-1)
    if (doc === undefined) {
      problems.push(`${where}: ingen dokumentationskommentar`)
      continue
    }
    if ((doc.tags ?? []).some((t) => t.tagName.text === "since")) continue
    if (!fix) {
      problems.push(`${where}: @since saknas`)
      continue
    }
    const comment = text.slice(doc.pos, doc.end)
    const indent = /[ \t]*$/.exec(text.slice(0, doc.pos))?.[0] ?? ""
    if (comment.includes("\n")) {
      // Before the closing ` */` line; a blank line first when the comment has no tag block yet.
      const lineStart = text.lastIndexOf("\n", doc.end - 2) + 1
      const hasTags = (doc.tags ?? []).length > 0
      edits.push([lineStart, `${hasTags ? "" : `${indent} *\n`}${indent} * @since ${version}\n`])
    } else {
      // `/** One line. */` → three lines with the tag.
      const body = comment.replace(/^\/\*\*\s*/, "").replace(/\s*\*\/$/, "")
      edits.push([doc.pos, null, doc.end, `/**\n${indent} * ${body}\n${indent} *\n${indent} * @since ${version}\n${indent} */`])
    }
  }
  if (edits.length === 0) continue
  let next = text
  for (const edit of edits.sort((a, b) => b[0] - a[0])) {
    next = edit[1] === null ? next.slice(0, edit[0]) + edit[3] + next.slice(edit[2]) : next.slice(0, edit[0]) + edit[1] + next.slice(edit[0])
  }
  writeFileSync(file, next)
  added += edits.length
}

if (fix) console.log(`since: ${manifest.name}: @since ${version} added to ${added} exports`)
for (const problem of problems) console.error(`since: ${problem}`)
process.exit(problems.length > 0 ? 1 : 0)
