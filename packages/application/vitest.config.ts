import { defineConfig } from "vitest/config"

// Honest timeouts for a loaded CI machine: the use cases run against SQLite and PostgreSQL too.
export default defineConfig({ test: { include: ["test/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 60_000 } })
