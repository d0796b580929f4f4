import { spawnSync } from "node:child_process"
import { createHash } from "node:crypto"
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { expect } from "vitest"

// The bad-input corpus (issue 15): every case runs the built CLI as a user runs
// it, in a folder of its own, and asserts the exit code, the Swedish message,
// that no stack trace or "Oväntat fel" reached the terminal, and that the
// database and every other file in the folder are byte for byte unchanged.
// One test file per category lives beside this harness.

const bin = fileURLToPath(new URL("../../dist/bin.cjs", import.meta.url))

/** What one run of the CLI printed and returned. */
export interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** A folder of its own for one case: files to write, the CLI to run in it. */
export interface Workspace {
  readonly dir: string
  /** Writes a file in the workspace and returns its path. */
  readonly file: (name: string, content: string | Uint8Array) => string
  /** Runs `uppdrag …args` with the workspace as working directory. */
  readonly uppdrag: (args: ReadonlyArray<string>, options?: { readonly env?: Record<string, string>; readonly input?: string }) => Run
  /** sha256 of every file under the workspace, by relative path. */
  readonly fingerprint: () => Record<string, string>
}

export const assertBuilt = (): void => {
  if (!existsSync(bin)) throw new Error(`${bin} saknas: bygg först (node tooling/scripts/pnpm.mjs --filter @uppdrag/cli run build)`)
}

const roots: Array<string> = []

/** A new workspace under the system's temporary folder (removed by `cleanUp`). */
export const workspace = (): Workspace => {
  const dir = mkdtempSync(join(tmpdir(), "uppdrag-bad-input-"))
  roots.push(dir)
  const baseEnv = { ...process.env, NO_COLOR: "1", DATABASE_URL: "", UPPDRAG_DB: "" }
  const walk = (folder: string, prefix: string, into: Record<string, string>): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name)
      const relative = prefix === "" ? name : `${prefix}/${name}`
      if (statSync(path).isDirectory()) walk(path, relative, into)
      else into[relative] = createHash("sha256").update(readFileSync(path)).digest("hex")
    }
  }
  return {
    dir,
    file: (name, content) => {
      const path = join(dir, name)
      mkdirSync(join(path, ".."), { recursive: true })
      writeFileSync(path, content)
      return path
    },
    uppdrag: (args, options = {}) => {
      const result = spawnSync(process.execPath, [bin, ...args], {
        cwd: dir,
        encoding: "utf8",
        env: { ...baseEnv, ...options.env },
        input: options.input,
        maxBuffer: 64 * 1024 * 1024
      })
      return { code: result.status, stdout: result.stdout, stderr: result.stderr }
    },
    fingerprint: () => {
      const into: Record<string, string> = {}
      walk(dir, "", into)
      return into
    }
  }
}

/** Removes every workspace made so far (for `afterAll`). */
export const cleanUp = (): void => {
  for (const dir of roots.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/** A JavaScript stack frame, as `at fn (file:line:col)` or `at file:line:col`. */
const stackFrame = /^\s+at .+(\(|:\d+:\d+)/m

/**
 * Asserts that a run was refused the way every bad input must be: the exit
 * code (1 refused, 2 usage), a message matching `message` on standard error,
 * nothing on standard output, no stack trace and no "Oväntat fel".
 *
 * @example
 * expectRefused(ws.uppdrag(["allocate", "--population", "x.json"]), 1, /x\.json:1: /)
 */
export const expectRefused = (run: Run, code: 1 | 2, message: RegExp): void => {
  expect(run.stderr, "no stack trace").not.toMatch(stackFrame)
  expect(run.stderr, "not an unexpected failure").not.toMatch(/Oväntat fel/)
  expect({ code: run.code, stdout: run.stdout }).toEqual({ code, stdout: "" })
  expect(run.stderr).toMatch(message)
}

/**
 * Runs a case in `ws` and asserts that it was refused and left every file in
 * the workspace as it was (nothing half-written, no output file created).
 *
 * @example
 * refusedUnchanged(ws, ["record", "payout", …, "--db", db], 1, /före rekvisitionen/)
 */
export const refusedUnchanged = (
  ws: Workspace,
  args: ReadonlyArray<string>,
  code: 1 | 2,
  message: RegExp,
  options?: { readonly env?: Record<string, string>; readonly input?: string }
): Run => {
  const before = ws.fingerprint()
  const run = ws.uppdrag(args, options)
  expectRefused(run, code, message)
  expect(ws.fingerprint(), "files unchanged").toEqual(before)
  return run
}
