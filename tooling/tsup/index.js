import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { decode, encode } from "@jridgewell/sourcemap-codec"
import { createRequire } from "node:module"
import { Script } from "node:vm"
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

/** The notice of one bundled package, read from its own directory: name, version, licence and its full text. */
const notice = (directory) => {
  const { name, version, license } = JSON.parse(readFileSync(join(directory, "package.json"), "utf8"))
  const file = ["LICENSE", "LICENSE.md", "LICENSE.txt", "license", "LICENSE-MIT"].map((f) => join(directory, f)).find((f) => existsSync(f))
  if (file === undefined) throw new Error(`${name}: no licence file to copy into the bundle's notices`)
  return `## ${name} ${version} (${license})\n\nBundled into this package's \`dist/\`.\n\n\`\`\`\n${readFileSync(file, "utf8").trim()}\n\`\`\`\n`
}

const writeNoticesOf = (root, directories) => {
  const text = `# Third-party licences\n\nCode of these packages is bundled into \`dist/\`; their licences follow.\n\n${directories.map(notice).join("\n")}`
  // The notices may be written before esbuild has written anything (a fresh clone has no dist/ yet).
  mkdirSync(join(root, "dist"), { recursive: true })
  writeFileSync(join(root, "dist", "THIRD-PARTY-LICENSES.md"), text)
  return relative(root, join(root, "dist", "THIRD-PARTY-LICENSES.md"))
}

/**
 * Writes `dist/THIRD-PARTY-LICENSES.md` with the licence of every package bundled into the build
 * (`noExternal`), as their licences require of copies: name, version, licence and its full text.
 *
 * @param {string} root the package directory
 * @param {Array<string>} names the bundled packages
 */
export const writeNotices = (root, names) => writeNoticesOf(root, names.map((name) => dirname(packageManifest(root, name))))

/** The directory of the npm package an esbuild input path lies in (the last `node_modules/<name>`), if any. */
const packageDirectoryOf = (input) => {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)
  return match?.[1]
}

/**
 * An esbuild plugin for an app's bundle (the CLI): the `@uppdrag/*` libraries named in `packages` are
 * compiled from their `src/` rather than their built bundles, so unused modules and exports are left out
 * (each library is `sideEffects: false`). Their code still finds its data files and lazily required
 * dependencies where the library is installed: `import.meta.url` in a library's source becomes the URL
 * of that library's built entry (`dist/index.js`, resolved from the app, which depends on it), the URL
 * the code has when it runs from the library itself. After the build, `dist/THIRD-PARTY-LICENSES.md`
 * gets the licence of every npm package whose code went into the bundle (read from esbuild's metafile).
 *
 * @param {{ root: string, packages: Array<string>, outside?: RegExp }} options the app directory, the libraries to bundle from
 *   source, and the dependencies the app keeps outside its bundle
 */
export const workspaceSources = ({ root, packages, outside }) => ({
  name: "uppdrag-workspace-sources",
  setup(build) {
    const workspace = resolve(root, "../..")
    const names = new Set(packages)
    const located = "uppdrag:located-package"
    build.initialOptions.metafile = true
    build.onResolve({ filter: /^@uppdrag\/[a-z-]+$/ }, (args) => {
      const name = args.path.slice("@uppdrag/".length)
      return names.has(name) ? { path: join(workspace, "packages", name, "src", "index.ts") } : undefined
    })
    build.onResolve({ filter: new RegExp(`^${located}$`) }, () => ({ path: located, namespace: located }))
    // Resolved from the app's own chunk, once per library: where the library is installed.
    build.onLoad({ filter: /.*/, namespace: located }, () => ({
      loader: "js",
      resolveDir: root,
      // As Node resolves it (the nearest node_modules/<name> up from the bundle, real path, its
      // exports["."] entry), read directly: Node's resolver costs ~2 ms on its first call (it loads its
      // ES module resolution code), more than the data a command reads. Anything unexpected: Node's.
      contents: `import { readFileSync, realpathSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
const urls = new Map()
const installed = (name) => {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const home = join(dir, "node_modules", name)
    try {
      const entry = JSON.parse(readFileSync(join(home, "package.json"), "utf8")).exports?.["."]?.default
      return typeof entry === "string" && entry.startsWith("./") ? join(realpathSync(home), entry) : undefined
    } catch (error) {
      if (error?.code !== "ENOENT" && error?.code !== "ENOTDIR") return undefined
    }
    if (dirname(dir) === dir) return undefined
  }
}
export const entryUrl = (name) => {
  let url = urls.get(name)
  if (url === undefined) urls.set(name, (url = pathToFileURL(installed(name) ?? createRequire(import.meta.url).resolve(name)).href))
  return url
}
`
    }))
    // What each library's index.ts re-exports, name → [module file, name in it or "*" for the namespace].
    const exportsOf = new Map()
    const libraryExports = (name) => {
      let found = exportsOf.get(name)
      if (found !== undefined) return found
      found = new Map()
      const src = join(workspace, "packages", name, "src")
      const index = readFileSync(join(src, "index.ts"), "utf8")
      for (const [, exported, file] of index.matchAll(/^export \* as (\w+) from "\.\/([\w/]+)\.js"/gm)) found.set(exported, [join(src, `${file}.ts`), "*"])
      for (const [, list, file] of index.matchAll(/^export \{([^}]*)\} from "\.\/([\w/]+)\.js"/gm)) {
        for (const item of list.split(",").map((i) => i.trim()).filter((i) => i !== "" && !i.startsWith("type "))) {
          const [inner, outer = inner] = item.split(/\s+as\s+/)
          found.set(outer, [join(src, `${file}.ts`), inner])
        }
      }
      exportsOf.set(name, found)
      return found
    }
    // `import { Catalog, formatIssues } from "@uppdrag/core"` → an import of each module itself. With
    // code splitting esbuild puts every module an entry's imports reach into its chunks, so an import
    // through a library's index.ts would make every command load every module of that library.
    const direct = (text) =>
      text.replaceAll(/^import \{([^}]*)\} from "@uppdrag\/([a-z-]+)"/gm, (statement, list, name) => {
        if (!names.has(name)) return statement
        const exported = libraryExports(name)
        const items = list.split(",").map((i) => i.trim()).filter((i) => i !== "")
        const lines = []
        const rest = []
        for (const item of items) {
          if (item.startsWith("type ")) continue
          const [outer, local = outer] = item.split(/\s+as\s+/)
          const target = exported.get(outer)
          if (target === undefined) rest.push(item)
          else if (target[1] === "*") lines.push(`import * as ${local} from ${JSON.stringify(target[0])}`)
          else lines.push(`import { ${target[1]} as ${local} } from ${JSON.stringify(target[0])}`)
        }
        if (rest.length > 0) lines.push(`import { ${rest.join(", ")} } from "@uppdrag/${name}"`)
        // Same number of lines, so the source maps still point at the right line.
        const newlines = statement.split("\n").length - 1
        return `${lines.join("; ")}${"\n".repeat(newlines)}`
      })
    const cli = join(root, "src") + sep
    const library = new RegExp(`^${workspace.replaceAll(/[.*+?^${}()|[\]\\]/g, "\\$&")}/packages/([a-z-]+)/src/.*\\.ts$`)
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const name = library.exec(args.path)?.[1]
      if (!args.path.startsWith(cli) && (name === undefined || !names.has(name))) return undefined
      let text = direct(readFileSync(args.path, "utf8"))
      // A library's lazy `createRequire(import.meta.url)("yaml")` (so that its users load a dependency only
      // when they use it) as a plain `require("yaml")`: esbuild bundles that module, still initialised only
      // on first use, and the app's code cache then covers it as well.
      // Those the app keeps outside its bundle (`outside`) are still required from where the library is installed.
      // So is `createRequire(import.meta.url).resolve("better-sqlite3/package.json")`: a bundled dependency's
      // files are then looked for where the app's copy, the one bundled, is installed.
      if (name !== undefined) {
        text = text.replaceAll(/createRequire\(import\.meta\.url\)\("([^"]+)"\)/g, (call, dependency) =>
          outside?.test(dependency) ? call : `require(${JSON.stringify(dependency)})`
        )
        text = text.replaceAll(/createRequire\(import\.meta\.url\)\.resolve\("([^"]+)"\)/g, (call, dependency) =>
          outside?.test(dependency) ? call : `require.resolve(${JSON.stringify(dependency)})`
        )
      }
      if (name !== undefined && text.includes("import.meta.url")) {
        text = `${text.replaceAll("import.meta.url", `__uppdragEntryUrl(${JSON.stringify(`@uppdrag/${name}`)})`)}\nimport { entryUrl as __uppdragEntryUrl } from "${located}"\n`
      }
      return { contents: text, loader: "ts" }
    })
    build.onEnd((result) => {
      if (result.errors.length > 0 || result.metafile === undefined) return
      const directories = [...new Set(Object.keys(result.metafile.inputs).map(packageDirectoryOf).filter((d) => d !== undefined))]
      const cwd = build.initialOptions.absWorkingDir ?? process.cwd()
      const byName = (d) => d.slice(d.lastIndexOf("node_modules/"))
      writeNoticesOf(root, directories.map((d) => resolve(cwd, d)).sort((a, b) => byName(a).localeCompare(byName(b))))
    })
  }
})

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

/**
 * Rewrites a bundle so that it is ASCII throughout: every character above U+007F becomes a `\uXXXX`
 * escape, and its source map is shifted to match. esbuild's `charset: "ascii"` (its default) escapes
 * strings, templates and identifiers but leaves regular expressions as written (`/^(region|län)$/`),
 * so one Swedish letter in a pattern made Node decode the whole CLI bundle as UTF-8, into a two-byte
 * string. The escape means the same character in a pattern (with or without the `u` flag, inside a
 * class or not, a surrogate pair as two escapes as before) and in a comment; an identity escape `\ä`
 * becomes `\u00e4` alone. The result is compiled once (`vm.Script`) to be sure it still parses.
 *
 * @param {string} file the bundle; `${file}.map` is updated when it exists
 * @returns {number} how many characters were escaped
 */
export const escapeNonAscii = (file) => {
  const code = readFileSync(file, "utf8")
  const lines = code.split("\n")
  /** Per line: [column in the old text, columns added there] in column order. */
  const shifts = lines.map(() => [])
  let escaped = 0
  const out = lines.map((line, l) => {
    let text = ""
    for (let i = 0; i < line.length; i++) {
      const unit = line.charCodeAt(i)
      if (unit < 0x80) {
        text += line[i]
        continue
      }
      // An identity escape (an odd run of backslashes before the letter) loses its backslash.
      let run = 0
      while (run < text.length && text[text.length - 1 - run] === "\\") run++
      const identity = run % 2 === 1
      if (identity) text = text.slice(0, -1)
      const escape = `\\u${unit.toString(16).padStart(4, "0")}`
      text += escape
      shifts[l].push([i, escape.length - 1 - (identity ? 1 : 0)])
      escaped++
    }
    return text
  })
  if (escaped === 0) return 0
  const result = out.join("\n")
  new Script(result, { filename: file })
  writeFileSync(file, result)
  const mapFile = `${file}.map`
  if (existsSync(mapFile)) {
    const map = JSON.parse(readFileSync(mapFile, "utf8"))
    const decoded = decode(map.mappings)
    decoded.forEach((segments, l) => {
      const lineShifts = shifts[l] ?? []
      if (lineShifts.length === 0) return
      for (const segment of segments) {
        let added = 0
        for (const [column, by] of lineShifts) if (column < segment[0]) added += by
        segment[0] += added
      }
    })
    map.mappings = encode(decoded)
    writeFileSync(mapFile, JSON.stringify(map))
  }
  return escaped
}
