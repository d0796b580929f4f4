import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process"
import { fileURLToPath } from "node:url"

/** The built CLI, run as a user runs it: `node apps/cli/dist/bin.cjs …`. */
export const bin = fileURLToPath(new URL("../../dist/bin.cjs", import.meta.url))

/** A command that ended by serving the web view: the child, where it listens, and what it has printed so far. */
export interface Serving {
  readonly child: ChildProcessWithoutNullStreams
  readonly url: string
  readonly port: number
  readonly stdout: () => string
  readonly stderr: () => string
}

/**
 * Starts `uppdrag <args>` (a command that ends by serving, e.g. `serve` or `start`) and resolves once it
 * prints where it listens; rejects with its stderr if it exits first.
 */
export const launch = (args: ReadonlyArray<string>, options: { readonly cwd: string; readonly env: NodeJS.ProcessEnv }): Promise<Serving> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: options.cwd, env: options.env })
    let out = ""
    let err = ""
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString("utf8")
    })
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8")
      const match = /Webbvyn körs på (http:\/\/[^\s]+?:(\d+))\/ /.exec(out)
      if (match !== null) resolve({ child, url: match[1]!, port: Number(match[2]), stdout: () => out, stderr: () => err })
    })
    child.on("exit", (code) => reject(new Error(`${args[0]} avslutades med ${code}: ${err}`)))
  })

/** Stops a serving command with SIGTERM, as an operator would, and resolves with its exit code. */
export const stop = (child: ChildProcessWithoutNullStreams): Promise<number | null> =>
  new Promise((resolve) => {
    child.removeAllListeners("exit")
    child.on("exit", (code) => resolve(code))
    child.kill("SIGTERM")
  })
