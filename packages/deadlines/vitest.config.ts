import { defineConfig } from "vitest/config"

// The test files share nothing mutable (the holiday cache is pure), so they
// run without per-file isolation: date-holidays and core load once per worker.
// Sized for a slow, loaded machine: CI runs every package's tests at once, beside
// type checks and other work, on 2 cores. Every property test has a fixed numRuns
// and bounded inputs, so a test's work never grows; the slowest one here took
// 4.0 s with two CPU burners beside `turbo run typecheck lint test` and other
// work (load average about 25), so a minute only fails a test that hangs. The
// time-zone test starts three Node processes and has two minutes (it took 32 s).
export default defineConfig({ test: { include: ["test/**/*.test.ts"], isolate: false, testTimeout: 60_000, hookTimeout: 60_000 } })
