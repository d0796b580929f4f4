import { defineConfig } from "tsup"

// One entry; every command's implementation is a dynamic import, so tsup
// splits it into its own chunk and `uppdrag --help` loads none of them.
export default defineConfig({
  entry: ["src/bin.ts"],
  format: ["esm"],
  splitting: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  banner: { js: "#!/usr/bin/env node" }
})
