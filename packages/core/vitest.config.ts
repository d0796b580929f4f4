import { defineConfig } from "vitest/config"

// Property tests run hundreds of cases; a busy 2-core CI machine needs headroom.
export default defineConfig({ test: { include: ["test/**/*.test.ts"], testTimeout: 30_000 } })
