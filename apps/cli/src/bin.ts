import { run } from "./program.js"

// Set the exit code rather than calling process.exit, so piped output is
// flushed before the process ends.
run(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
