import { defineConfig } from "vitest/config"

// Tests spawn the built CLI, several times each: on a busy machine a process can take seconds to start,
// so the timeout is generous (it bounds a hang, it does not measure speed).
export default defineConfig({ test: { include: ["test/**/*.test.ts"], testTimeout: 180_000, hookTimeout: 180_000 } })
