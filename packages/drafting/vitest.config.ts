import { defineConfig } from "vitest/config"

// The property tests run 200 cases each and a PDF is parsed in a few hundred ms; a busy 2-core CI machine needs headroom.
export default defineConfig({ test: { include: ["test/**/*.test.ts"], testTimeout: 30_000 } })
