import { run } from "./program.js"

// A reader that stops early (`uppdrag … | head`) closes the pipe: that is not
// an error of ours, so end quietly instead of throwing EPIPE.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0)
  throw error
})

// Set the exit code rather than calling process.exit, so piped output is
// flushed before the process ends.
run(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
