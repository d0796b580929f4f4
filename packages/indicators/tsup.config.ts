import { libraryConfig } from "@uppdrag/tsup-config"
import { defineConfig } from "tsup"

// The count worker is its own entry: Cube.fromEpisodeFile starts it in worker threads.
export default defineConfig(libraryConfig({ entry: { index: "src/index.ts", "internal/CountWorker": "src/internal/CountWorker.ts" } }))
