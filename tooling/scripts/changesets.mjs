#!/usr/bin/env node
// Checks the changesets the way a release would use them, on the Node the repo supports:
//
// 1. every `.changeset/*.md` that names an app (a private package: `@uppdrag/cli`, `@uppdrag/web`)
//    names nothing else, so a note about the command line lands in the CLI's changelog only and a
//    library's changelog never speaks of `uppdrag …` commands;
// 2. `changeset status` runs (the pinned @changesets/cli must support Node 20.19);
// 3. a dry `changeset version` in a temporary copy of the workspace's manifests and changesets
//    bumps every package named and writes changelogs, none of a library's naming an app.
//
//   node tooling/scripts/changesets.mjs   # prints what it checked, exits 1 on any problem
import { spawnSync } from "node:child_process"
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("../..", import.meta.url))
const bin = createRequire(join(root, "package.json")).resolve("@changesets/cli/bin.js")
const problems = []

const workspaces = ["packages", "apps"].flatMap((dir) =>
  readdirSync(join(root, dir)).map((name) => join(dir, name)).filter((dir) => existsSync(join(root, dir, "package.json")))
)
const manifests = new Map(workspaces.map((dir) => [JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")).name, dir]))
const isPrivate = (name) => JSON.parse(readFileSync(join(root, manifests.get(name), "package.json"), "utf8")).private === true

// 1. One audience per changeset.
const changesets = readdirSync(join(root, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md")
for (const file of changesets) {
  const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(root, ".changeset", file), "utf8"))?.[1] ?? ""
  const names = [...front.matchAll(/^"?([^":]+)"?\s*:/gm)].map((m) => m[1].trim())
  for (const name of names) if (!manifests.has(name)) problems.push(`.changeset/${file}: ${name} is no package of the workspace`)
  const apps = names.filter((name) => manifests.has(name) && isPrivate(name))
  if (apps.length > 0 && names.length > 1) {
    problems.push(`.changeset/${file}: names ${names.join(", ")}; a note about ${apps.join(", ")} goes in a changeset of its own`)
  }
}

const run = (args, cwd) => {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", timeout: 120_000, env: { ...process.env, CI: "true" } })
  if (result.status !== 0) {
    problems.push(`changeset ${args.join(" ")} in ${cwd} ended with ${result.status ?? result.signal}:\n${result.stdout}${result.stderr}`)
  }
  return result
}

// 2. changeset status in the repository itself. It compares with the base branch (`main`); a checkout
// without a local `main` (a clone of another branch, a detached CI checkout) compares with HEAD instead.
const hasMain = spawnSync("git", ["rev-parse", "--verify", "--quiet", "refs/heads/main"], { cwd: root }).status === 0
run(hasMain ? ["status"] : ["status", "--since", "HEAD"], root)

// 3. A dry `changeset version` on a copy: manifests, changelogs and changesets only.
const copy = mkdtempSync(join(tmpdir(), "uppdrag-changesets-"))
try {
  for (const file of ["package.json", "pnpm-workspace.yaml"]) cpSync(join(root, file), join(copy, file))
  cpSync(join(root, ".changeset"), join(copy, ".changeset"), { recursive: true })
  for (const dir of workspaces) {
    mkdirSync(join(copy, dir), { recursive: true })
    for (const file of ["package.json", "CHANGELOG.md"]) if (existsSync(join(root, dir, file))) cpSync(join(root, dir, file), join(copy, dir, file))
  }
  symlinkSync(join(root, "node_modules"), join(copy, "node_modules"), "dir") // the changelog generator
  const before = new Map([...manifests].map(([name, dir]) => [name, JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")).version]))
  if (run(["version"], copy).status === 0) {
    if (readdirSync(join(copy, ".changeset")).some((f) => f.endsWith(".md") && f !== "README.md")) problems.push("changeset version left changesets behind")
    for (const [name, dir] of manifests) {
      const after = JSON.parse(readFileSync(join(copy, dir, "package.json"), "utf8")).version
      const changelog = join(copy, dir, "CHANGELOG.md")
      if (after === before.get(name)) continue
      if (!existsSync(changelog)) {
        problems.push(`${name}: bumped to ${after} without a CHANGELOG.md`)
        continue
      }
      const text = readFileSync(changelog, "utf8")
      if (!isPrivate(name) && /`uppdrag [a-z]/.test(text)) problems.push(`${dir}/CHANGELOG.md (dry run) speaks of an \`uppdrag …\` command: that note belongs to @uppdrag/cli`)
      console.log(`changesets: ${name} ${before.get(name)} → ${after}`)
    }
  }
} finally {
  rmSync(copy, { recursive: true, force: true })
}

if (problems.length > 0) {
  for (const p of problems) console.error(p)
  process.exit(1)
}
console.log(`changesets: ${changesets.length} changesets, each for libraries or for one app; status and a dry version pass on Node ${process.version}`)
