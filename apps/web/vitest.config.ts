import { readFileSync } from "node:fs"
import { dirname, resolve } from "node:path"
import { defineConfig, type Plugin } from "vitest/config"

// tsup bundles the stylesheet as text (`loader: { ".css": "text" }`); do the same under vitest.
const cssAsText: Plugin = {
  name: "uppdrag-css-as-text",
  enforce: "pre",
  resolveId(source, importer) {
    if (!source.endsWith(".css") || importer === undefined) return null
    return `\0${resolve(dirname(importer), source)}.text`
  },
  load(id) {
    if (!id.startsWith("\0") || !id.endsWith(".css.text")) return null
    return `export default ${JSON.stringify(readFileSync(id.slice(1, -".text".length), "utf8"))}`
  }
}

export default defineConfig({
  plugins: [cssAsText],
  // Honest timeouts for a busy machine: a page in Chromium with axe took over 60 s
  // when the machine's load was 40. Two browser tests at a time: on two cores more
  // only makes each one slower, and none faster.
  test: { include: ["test/**/*.test.ts"], testTimeout: 180_000, hookTimeout: 180_000, maxConcurrency: 2 }
})
