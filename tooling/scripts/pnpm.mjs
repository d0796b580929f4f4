#!/usr/bin/env node
// Runs the pnpm version pinned in the root package.json ("packageManager"),
// fetched through npx, so a fresh clone needs nothing but Node and npm.
import { spawnSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { dirname, join } from "node:path"

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..")
const { packageManager } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"))
const result = spawnSync("npx", ["--yes", packageManager, ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, npm_config_update_notifier: "false" }
})
process.exit(result.status ?? 1)
