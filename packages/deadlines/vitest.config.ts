import { defineConfig } from "vitest/config"

// The test files share nothing mutable (the holiday cache is pure), so they
// run without per-file isolation: date-holidays and core load once per worker.
export default defineConfig({ test: { include: ["test/**/*.test.ts"], isolate: false, testTimeout: 30_000 } })
