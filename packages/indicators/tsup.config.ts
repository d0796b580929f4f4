import { defineConfig } from "tsup"

export default defineConfig({
  // The count worker is its own entry: Cube.fromEpisodeFile starts it in worker threads.
  entry: { index: "src/index.ts", "internal/CountWorker": "src/internal/CountWorker.ts" },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  shims: true,
  target: "node20"
})
