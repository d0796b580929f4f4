import { workspaceSources } from "@uppdrag/tsup-config"
import { defineConfig } from "tsup"

// One entry; every command's implementation is a dynamic import, so tsup
// splits it into its own chunk and `uppdrag --help` loads none of them.
// The libraries, effect, zod and the other pure-JavaScript dependencies are
// bundled (minified, unused modules left out), so a command loads a few
// files instead of ~200 and compiles only the code it uses. Kept outside:
// the database drivers (native code, loaded only by the command that opens
// that database), the web view (its own build, loaded by `serve`/`start`)
// and whatever a library requires lazily from where it is installed.
export default defineConfig({
  entry: ["src/bin.ts"],
  format: ["esm"],
  splitting: true,
  sourcemap: true,
  clean: true,
  minify: true,
  target: "node20",
  platform: "node",
  noExternal: [/^(?!(better-sqlite3|pg|pg-native|@uppdrag\/web)(\/|$))/],
  esbuildPlugins: [
    workspaceSources({
      root: import.meta.dirname,
      packages: ["core", "allocation", "deadlines", "indicators", "meetings", "drafting", "application", "store"]
    })
  ],
  // CommonJS code in the bundle (commander, csv-parse's CJS paths) calls require() for Node's own modules.
  banner: { js: '#!/usr/bin/env node\nimport { createRequire as __uppdragCreateRequire } from "node:module"; const require = __uppdragCreateRequire(import.meta.url);' }
})
