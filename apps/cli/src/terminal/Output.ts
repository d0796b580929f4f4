import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs"
import { basename, dirname, join } from "node:path"
import { CliError } from "./CliError.js"

/**
 * Writes a command's result to `--out FILE` or standard output. A file is
 * written to a temporary name beside it, flushed and renamed into place, so a
 * failed or interrupted run never leaves a half-written file.
 */
export const writeOutput = (content: string | Uint8Array, out: string | undefined): void => {
  if (out === undefined || out === "-") {
    process.stdout.write(content)
    return
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
  } catch (error) {
    rmSync(temporary, { force: true })
    throw new CliError([`Kunde inte skriva ${out}: ${(error as Error).message}`])
  }
}

/** Progress on a terminal only: silent when standard error is piped or in CI. */
export const progress = (label: string): { update: (done: number, total?: number) => void; done: () => void } => {
  const enabled = process.stderr.isTTY === true && process.env.CI === undefined
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
