import { defineConfig } from "vitest/config"

// Sized for a slow, loaded machine: CI runs every package's tests at once, beside
// type checks and other work, on 2 cores. Every property test has a fixed numRuns
// and bounded inputs, so a test's work never grows; the slowest one here took
// 19.1 s (the chunking property) with two CPU burners beside
// `turbo run typecheck lint test` and other work (load average about 25), so a
// minute only fails a test that hangs.
export default defineConfig({ test: { include: ["test/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 60_000 } })
