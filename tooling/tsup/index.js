import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join, relative, resolve, sep } from "node:path"

const require = createRequire(import.meta.url)

/**
 * Writes one `.d.ts` per module of `src/` into `dist/` with the TypeScript compiler (the package's
 * own tsconfig.json, declarations only), so `Catalog.load` in an editor is the documented
 * `export declare function load` of `dist/Catalog.d.ts` with its JSDoc, and named types stay named.
 * A bundled `.d.ts` (tsup's `dts`) re-declares namespace members as `declare const Catalog$1_load:
 * typeof load`, which shows neither the docs nor the name.
 *
 * @param {string} root the package directory
 */
export const emitDeclarations = (root) => {
  const ts = require(require.resolve("typescript", { paths: [root] }))
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"))
    }
  })
  const src = join(root, "src") + sep
  const program = ts.createProgram({
    rootNames: parsed.fileNames.filter((f) => resolve(f).startsWith(src)),
    options: {
      ...parsed.options,
      noEmit: false,
      declaration: true,
      emitDeclarationOnly: true,
      declarationMap: false,
      sourceMap: false,
      composite: false,
      incremental: false,
      rootDir: join(root, "src"),
      outDir: join(root, "dist")
    }
  })
  const result = program.emit()
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics]
  if (diagnostics.length > 0) {
    const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => "\n" }
    throw new Error(`declarations of ${root}:\n${ts.formatDiagnostics(diagnostics, host)}`)
  }
  pruneDeclarations(join(root, "dist"))
}

/**
 * Removes the `.d.ts` files that `dist/index.d.ts` does not reach (internal modules no public type
 * refers to, such as the store's Kysely tables): they would only name packages a user never installs.
 */
const pruneDeclarations = (dist) => {
  const reached = new Set()
  const visit = (file) => {
    if (reached.has(file) || !existsSync(file)) return
    reached.add(file)
    for (const [, spec] of readFileSync(file, "utf8").matchAll(/["'](\.\.?\/[^"']+)\.js["']/g)) visit(resolve(dirname(file), `${spec}.d.ts`))
  }
  visit(join(dist, "index.d.ts"))
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (file.endsWith(".d.ts") && !reached.has(file)) rmSync(file)
    }
  }
  walk(dist)
}

/** The package.json of `name` as Node finds it from `root` (read directly: `exports` may hide it). */
const packageManifest = (root, name) => {
  for (let dir = root; ; dir = dirname(dir)) {
    const file = join(dir, "node_modules", name, "package.json")
    if (existsSync(file)) return file
    if (dirname(dir) === dir) throw new Error(`${name} is not installed where ${root} can find it`)
  }
}

/**
 * Writes `dist/THIRD-PARTY-LICENSES.md` with the licence of every package bundled into the build
 * (`noExternal`), as their licences require of copies: name, version, licence and its full text.
 *
 * @param {string} root the package directory
 * @param {Array<string>} names the bundled packages
 */
export const writeNotices = (root, names) => {
  const sections = names.map((name) => {
    const manifest = packageManifest(root, name)
    const { version, license } = JSON.parse(readFileSync(manifest, "utf8"))
    const file = ["LICENSE", "LICENSE.md", "LICENSE.txt", "license"].map((f) => join(dirname(manifest), f)).find((f) => existsSync(f))
    if (file === undefined) throw new Error(`${name}: no licence file to copy into the bundle's notices`)
    return `## ${name} ${version} (${license})\n\nBundled into this package's \`dist/\`.\n\n\`\`\`\n${readFileSync(file, "utf8").trim()}\n\`\`\`\n`
  })
  const text = `# Third-party licences\n\nCode of these packages is bundled into \`dist/\`; their licences follow.\n\n${sections.join("\n")}`
  writeFileSync(join(root, "dist", "THIRD-PARTY-LICENSES.md"), text)
  return relative(root, join(root, "dist", "THIRD-PARTY-LICENSES.md"))
}

/**
 * The build of an @uppdrag library: ESM only, for Node 20.19+ (CommonJS code loads it with
 * `require()`, which Node supports for ES modules from 20.19), with source maps, and one `.d.ts`
 * per module written by the TypeScript compiler after the bundle. Packages named in `noExternal`
 * are bundled, and their licences written to `dist/THIRD-PARTY-LICENSES.md`.
 *
 * @param {import("tsup").Options} [overrides] what one package does differently (e.g. extra entries)
 * @returns {import("tsup").Options}
 */
export const libraryConfig = (overrides = {}) => ({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: false,
  sourcemap: true,
  clean: true,
  target: "node20",
  onSuccess: async () => {
    const root = process.cwd()
    emitDeclarations(root)
    const bundled = (overrides.noExternal ?? []).filter((n) => typeof n === "string")
    if (bundled.length > 0) writeNotices(root, bundled)
  },
  ...overrides
})
