import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs"
import { basename, dirname, join } from "node:path"
import { FileAccess } from "@uppdrag/core"
import * as Effect from "effect/Effect"
import { readEnvironment } from "./Environment.js"
import { Refusal } from "./Failure.js"

/**
 * Writes a command's result to `--out FILE` or standard output. A file is
 * written to a temporary name beside it, flushed and renamed into place, so a
 * failed or interrupted run never leaves a half-written file.
 *
 * @example
 * yield* writeOutput(text, options.out)
 */
export const writeOutput = (content: string | Uint8Array, out: string | undefined): Effect.Effect<void, Refusal> =>
  Effect.suspend(() => {
    const failed = write(content, out)
    return failed === undefined ? Effect.void : Effect.fail(failed)
  })

/**
 * The refusal for a file that could not be written: the file and the cause
 * in Swedish (`disken är full`, `katalogen finns inte`), the errno as detail.
 *
 * @example
 * unwritable("ut/kub.json", error) // Refusal: "ut/kub.json: kan inte skrivas: katalogen finns inte"
 */
export const unwritable = (file: string, error: unknown): Refusal => {
  const problem = FileAccess.describe(error, "write")
  return new Refusal({ lines: [`${file}: kan inte skrivas: ${problem.message}`], detail: problem.detail })
}

/** Writes; returns the refusal of a failure, if any. */
const write = (content: string | Uint8Array, out: string | undefined): Refusal | undefined => {
  if (out === undefined || out === "-") {
    process.stdout.write(content)
    return undefined
  }
  const temporary = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`)
  try {
    const fd = openSync(temporary, "w")
    try {
      writeSync(fd, typeof content === "string" ? Buffer.from(content, "utf8") : content)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temporary, out)
    return undefined
  } catch (error) {
    rmSync(temporary, { force: true })
    return unwritable(out, error)
  }
}

/** Progress on a terminal only: silent when standard error is piped or in CI. */
export const progress = (label: string): { update: (done: number, total?: number) => void; done: () => void } => {
  const env = readEnvironment()
  const enabled = process.stderr.isTTY === true && env._tag === "Success" && !env.success.ci
  let last = 0
  return {
    update: (done, total) => {
      if (!enabled) return
      const now = Date.now()
      if (now - last < 100) return
      last = now
      const share = total === undefined ? "" : ` ${Math.floor((100 * done) / Math.max(total, 1))} %`
      process.stderr.write(`\r${label}: ${done.toLocaleString("sv-SE")}${share}`)
    },
    done: () => {
      if (enabled) process.stderr.write("\r\x1b[K")
    }
  }
}
