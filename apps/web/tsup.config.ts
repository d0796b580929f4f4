import { defineConfig } from "tsup"

// ESM only: the web app runs on Node and is imported by the CLI's `serve`.
// The stylesheet is bundled as text so the server never reads files from a
// path derived from a request.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  loader: { ".css": "text" }
})
