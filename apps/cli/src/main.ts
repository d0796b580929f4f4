import { run } from "./program.js"

// A reader that stops early (`uppdrag … | head`) closes the pipe: that is not
// an error of ours, so end quietly instead of throwing EPIPE.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0)
  throw error
})

// A failure nothing caught (a bug, also in a callback or a promise nobody
// awaits): one Swedish line naming a log file that holds the stack, exit 70.
let crashed = false
const crash = (error: unknown): void => {
  if (crashed) return
  crashed = true
  import("./terminal/Unexpected.js").then(
    ({ report }) => process.stderr.write(`${report(error)}\n`, () => process.exit(70)),
    () => process.stderr.write("Oväntat fel i uppdrag (ett programfel, inte fel i indata)\n", () => process.exit(70))
  )
}
process.on("uncaughtException", crash)
process.on("unhandledRejection", crash)

// Fault injection for the bad-input corpus (apps/cli/test/bad-input/unexpected.test.ts):
// UPPDRAG_FAULT=uncaught|rejection raises a failure nothing catches, so the handlers above are tested as they run.
const fault = process.env.UPPDRAG_FAULT
if (fault === "uncaught" || fault === "rejection") {
  const error = new Error(`injected fault (UPPDRAG_FAULT=${fault}) while connected to ${process.env.DATABASE_URL ?? "no database"}`)
  if (fault === "uncaught") setImmediate(() => { throw error })
  else void Promise.reject(error)
}

// Set the exit code rather than calling process.exit, so piped output is
// flushed before the process ends.
run(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
