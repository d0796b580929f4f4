import { writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Redact } from "@uppdrag/store"

/**
 * The log file of one unexpected failure: in the system's temporary folder
 * (`/tmp` on Linux), named by the time (UTC) and the process id so that two
 * failures never share a file.
 *
 * @example
 * logFile(new Date("2026-12-02T16:30:00.123Z"), 4711) // "/tmp/uppdrag-fel-20261202T163000123Z-4711.log"
 */
export const logFile = (now: Date, pid: number): string => join(tmpdir(), `uppdrag-fel-${now.toISOString().replace(/[-:.]/g, "")}-${pid}.log`)

const textOf = (error: unknown): string => {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`
  try {
    return typeof error === "string" ? error : JSON.stringify(error, null, 2)
  } catch {
    return String(error)
  }
}

/**
 * An unexpected failure (a bug, not bad input): its stack, the command line
 * and the Node version go to a log file (passwords hidden, readable only by
 * the user); the one Swedish line to print on the terminal is returned.
 * Never throws: when the file cannot be written the line says so.
 *
 * @example
 * process.stderr.write(`${Unexpected.report(error)}\n`) // "Oväntat fel i uppdrag (ett programfel, inte fel i indata); detaljer i /tmp/uppdrag-fel-….log"
 * process.exitCode = 70
 */
export const report = (error: unknown, argv: ReadonlyArray<string> = process.argv.slice(2), now: Date = new Date()): string => {
  const file = logFile(now, process.pid)
  const body = [`uppdrag: oväntat fel ${now.toISOString()}`, `kommando: uppdrag ${argv.join(" ")}`, `node ${process.version} ${process.platform}-${process.arch}`, "", textOf(error), ""]
  try {
    writeFileSync(file, Redact.connectionString(body.join("\n")), { mode: 0o600, flag: "wx" })
    return `Oväntat fel i uppdrag (ett programfel, inte fel i indata); detaljer i ${file}`
  } catch {
    return `Oväntat fel i uppdrag (ett programfel, inte fel i indata); loggfilen ${file} kunde inte skrivas`
  }
}
