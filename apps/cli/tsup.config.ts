import { escapeNonAscii, workspaceSources } from "@uppdrag/tsup-config"
import { defineConfig } from "tsup"

// Two files. `uppdrag.cjs` is the program: `main.ts` with the libraries,
// effect, zod and the other pure-JavaScript dependencies in one minified
// CommonJS bundle (libraries compiled from source, unused modules left out).
// CommonJS because Node 20 can run such a script from a V8 code cache
// (`vm.Script` `cachedData`) and cannot do so for ES modules; `bin.ts`, the
// entry `uppdrag` runs, loads it that way (see there). Such a script has no
// loader for `import()`, so what stays outside is loaded with `require`: the
// PostgreSQL driver (required only by a command that opens PostgreSQL), pdf.js through unpdf (1.6 MB, only for `catalog draft`), the
// time-zone definitions of @touch4it/ical-timezones (read from its own folder) and the
// web view (its own build, an ES module without top-level await, which
// `require` loads on Node 20.19+, required by `serve`/`start`). better-sqlite3's
// JavaScript is bundled (so the code cache covers it); its compiled addon is
// loaded from the installed package (the store passes it as `nativeBinding`),
// which is why package.json pins better-sqlite3 exactly: the bundled
// JavaScript and the installed addon are always the same release.
const external = /^(pg|pg-native|unpdf|@touch4it\/ical-timezones|@uppdrag\/web)(\/|$)/

export default defineConfig([
  {
    entry: { uppdrag: "src/main.ts" },
    format: ["cjs"],
    sourcemap: true,
    // Everything of earlier builds goes, except the entry the other build below writes at the same time.
    clean: ["!bin.cjs", "!bin.cjs.map"],
    minify: true,
    target: "node20",
    platform: "node",
    // `import.meta.url` (the libraries find their data files with it) as the bundle's own file URL.
    shims: true,
    external: [external],
    noExternal: [new RegExp(`^(?!${external.source.slice(1)})`)],
    // ASCII throughout, so that `bin.ts` reads it as Latin-1 into a one-byte string (see escapeNonAscii).
    onSuccess: async () => {
      escapeNonAscii("dist/uppdrag.cjs")
    },
    esbuildPlugins: [
      workspaceSources({
        root: import.meta.dirname,
        packages: ["core", "allocation", "deadlines", "indicators", "meetings", "drafting", "application", "store"],
        outside: external
      })
    ]
  },
  {
    entry: ["src/bin.ts"],
    format: ["cjs"],
    sourcemap: true,
    clean: false,
    minify: false,
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" }
  }
])
