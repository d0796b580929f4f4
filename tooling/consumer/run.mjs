#!/usr/bin/env node
// The packages as another team gets them: packs every library (`pnpm pack`), installs the tarballs
// with plain npm into a temporary project outside the workspace, and there
//
//  - checks each tarball: LICENSE (the repository's), README, no sources, the licences of any code
//    bundled into dist/ (found through the source maps), repository/homepage/bugs, engines;
//  - runs every ```js block of every README as an ES module (`node example.mjs`, each in a fresh
//    folder), after checking that the README starts with what to `npm install` (every package the
//    example imports) and the Node version;
//  - type-checks the same examples as TypeScript under `strict`, once with `moduleResolution`
//    `nodenext` and once with `bundler`, and a CommonJS file (`require` of every package) under
//    `nodenext`;
//  - runs that CommonJS file (`require()` of the ES modules, Node 20.19+), `Calendar.toIcs` included;
//  - asks the TypeScript language service for the hover text of `Catalog.load`,
//    `Allocation.allocate`, `Deadline.evaluate` and `Ledger.check` and compares it with their JSDoc
//    in src/;
//  - checks `npm ls effect` / `npm ls zod` show one copy, the project's own;
//  - installs the store without its optional drivers in a second project and checks that opening
//    SQLite and PostgreSQL names the missing driver.
//
// Run after the build (`npm test` does, through `check`):
//   node tooling/consumer/run.mjs [--keep]      # --keep leaves the temporary projects in place
import { spawnSync } from "node:child_process"
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { basename, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = fileURLToPath(new URL("../..", import.meta.url))
const keep = process.argv.includes("--keep")
const started = Date.now()
const problems = []
let checks = 0
const check = (ok, message) => {
  checks++
  if (!ok) problems.push(message)
  return ok
}
const step = (text) => console.log(`consumer: ${text} (${((Date.now() - started) / 1000).toFixed(1)} s)`)

/** Runs a command; a timeout is generous (a loaded 2-core machine) but ends a hung step. */
const run = (command, args, { cwd, timeout = 120_000, env = {}, allowFailure = false } = {}) => {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", timeout, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 })
  const failed = result.status !== 0
  if (failed && !allowFailure) {
    const why = result.error?.code === "ETIMEDOUT" ? `timed out after ${timeout / 1000} s` : `ended with ${result.status ?? result.signal}`
    throw new Error(`${basename(command)} ${args.join(" ")} (in ${cwd}) ${why}\n${result.stdout ?? ""}${result.stderr ?? ""}`)
  }
  return result
}
const node = (args, options) => run(process.execPath, args, options)
const npm = (args, cwd, timeout = 600_000) =>
  run(process.platform === "win32" ? "npm.cmd" : "npm", [...args, "--no-audit", "--no-fund", "--loglevel=error", "--prefer-offline"], {
    cwd,
    timeout,
    env: { npm_config_update_notifier: "false" }
  })

// The libraries, and the versions the workspace builds and tests with (the consumer installs those).
const libraries = readdirSync(join(root, "packages"))
  .map((name) => join(root, "packages", name))
  .filter((dir) => existsSync(join(dir, "package.json")))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
  .filter((p) => p.manifest.private !== true)
const names = new Set(libraries.map((p) => p.manifest.name))
const installedVersion = (name) => {
  for (const { dir } of libraries) {
    const file = join(dir, "node_modules", name, "package.json")
    if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")).version
  }
  const file = join(root, "node_modules", name, "package.json")
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")).version
  throw new Error(`${name} is not installed in the workspace: run the install first`)
}
const licence = readFileSync(join(root, "LICENSE"), "utf8")

const work = mkdtempSync(join(tmpdir(), "uppdrag-consumer-"))
const tarballs = join(work, "tarballs")
const app = join(work, "app")
let ok = false
try {
  // 1. Pack every library as a release would (workspace:* becomes the version).
  step(`packing ${libraries.length} packages`)
  mkdirSync(tarballs)
  node([join(root, "tooling/scripts/pnpm.mjs"), "-r", "--filter", "./packages/*", "pack", "--pack-destination", tarballs], { cwd: root, timeout: 300_000 })
  const tarballOf = new Map(
    libraries.map(({ manifest }) => [manifest.name, join(tarballs, `${manifest.name.replace("@", "").replace("/", "-")}-${manifest.version}.tgz`)])
  )
  for (const [name, file] of tarballOf) check(existsSync(file), `${name}: pnpm pack wrote no ${basename(file)}`)

  // 2. What each README says to install, and its examples.
  const readmes = libraries.map(({ dir, manifest }) => {
    const text = readFileSync(join(dir, "README.md"), "utf8")
    const blocks = [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```/gm)].map((m) => ({ lang: m[1], code: m[2], at: m.index }))
    const install = blocks.find((b) => b.lang === "sh" && /^npm install /m.test(b.code))
    const examples = blocks.filter((b) => b.lang === "js")
    const packages = install === undefined ? [] : /^npm install (.+)$/m.exec(install.code)[1].trim().split(/\s+/)
    const short = manifest.name.replace("@uppdrag/", "")
    check(install !== undefined, `${manifest.name} README: no \`npm install …\` block`)
    check(examples.length > 0, `${manifest.name} README: no \`\`\`js example`)
    check(install === undefined || examples.length === 0 || install.at < examples[0].at, `${manifest.name} README: the install instructions come after the example`)
    check(packages.includes(manifest.name), `${manifest.name} README: \`npm install\` does not name ${manifest.name}`)
    check(/Node(?:\.js)? (?:≥ ?|>= ?)?20\.19/.test(text.slice(0, install?.at ?? text.length) + (install?.code ?? "")), `${manifest.name} README: the Node version (20.19+) is not given before the example`)
    check(/ESM only|ES modules? only/i.test(text), `${manifest.name} README: does not say the package is ESM only`)
    for (const b of blocks) check(b.lang !== "ts", `${manifest.name} README: a \`\`\`ts block; examples are \`\`\`js, runnable as .mjs and type-checked as TypeScript`)
    examples.forEach((example, i) => {
      for (const [, spec] of example.code.matchAll(/^\s*import\s[^"']*?["']([^"']+)["']/gm)) {
        if (spec.startsWith("node:") || spec.startsWith(".")) continue
        const pkg = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]
        check(packages.includes(pkg), `${manifest.name} README example ${i + 1} imports ${spec}, which its \`npm install\` line does not name`)
      }
    })
    return { name: manifest.name, short, packages, examples }
  })

  // 3. One project with everything the READMEs install, plus TypeScript to check them.
  step("installing the tarballs with npm into a project outside the workspace")
  mkdirSync(app)
  writeFileSync(join(app, "package.json"), `${JSON.stringify({ name: "uppdrag-consumer", private: true, version: "0.0.0" }, null, 2)}\n`)
  const wanted = new Set([...readmes.flatMap((r) => r.packages), "typescript", "@types/node"])
  const specs = [...wanted].map((name) => (names.has(name) ? tarballOf.get(name) : `${name}@${installedVersion(name)}`))
  // better-sqlite3 compiles from source here (about three minutes on a loaded 2-core machine), so
  // scripts are skipped and its native build is copied from the workspace's, the same version
  // compiled for the same Node; every other file comes from npm.
  npm(["install", "--ignore-scripts", ...specs], app)
  if (wanted.has("better-sqlite3")) {
    const built = join(root, "packages/store/node_modules/better-sqlite3/build")
    check(existsSync(built), "the workspace's better-sqlite3 has no native build to copy")
    cpSync(built, join(app, "node_modules/better-sqlite3/build"), { recursive: true })
  }

  // 4. The tarballs as installed.
  step("checking the installed packages")
  for (const { manifest } of libraries) {
    const dir = join(app, "node_modules", manifest.name)
    const files = readdirSync(dir, { recursive: true }).map(String)
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))
    check(existsSync(join(dir, "LICENSE")) && readFileSync(join(dir, "LICENSE"), "utf8") === licence, `${manifest.name}: the tarball's LICENSE is not the repository's`)
    check(files.includes("README.md"), `${manifest.name}: no README.md in the tarball`)
    check(!files.some((f) => f.startsWith("src")), `${manifest.name}: the tarball ships src/`)
    check(pkg.repository?.directory === `packages/${basename(manifest.name)}` && typeof pkg.homepage === "string" && typeof pkg.bugs?.url === "string", `${manifest.name}: repository (with directory), homepage or bugs missing`)
    check(pkg.engines?.node === ">=20.19", `${manifest.name}: engines.node is not >=20.19`)
    check(!JSON.stringify(pkg).includes("workspace:"), `${manifest.name}: a workspace: range was published`)
    check(pkg.files.includes("CHANGELOG.md"), `${manifest.name}: CHANGELOG.md is not in files`)
    if (existsSync(join(root, "packages", basename(manifest.name), "CHANGELOG.md"))) check(files.includes("CHANGELOG.md"), `${manifest.name}: CHANGELOG.md not shipped`)
    // Code bundled into dist/ (seen in the source maps) must ship with its licence.
    const bundled = new Set()
    for (const map of files.filter((f) => f.endsWith(".js.map"))) {
      for (const source of JSON.parse(readFileSync(join(dir, map), "utf8")).sources) {
        const m = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(source)
        if (m !== null) bundled.add(m[1])
      }
    }
    const notices = join(dir, "dist/THIRD-PARTY-LICENSES.md")
    for (const name of bundled) {
      check(existsSync(notices) && readFileSync(notices, "utf8").includes(`## ${name} `), `${manifest.name}: bundles ${name} without its licence in dist/THIRD-PARTY-LICENSES.md`)
    }
    if (bundled.size > 0) console.log(`consumer: ${manifest.name} bundles ${[...bundled].join(", ")}, licences in dist/THIRD-PARTY-LICENSES.md`)
  }
  for (const name of ["effect", "zod"]) {
    const listed = npm(["ls", name, "--all", "--parseable"], app).stdout.trim().split("\n").filter(Boolean)
    check(listed.length === 1 && listed[0] === join(app, "node_modules", name), `npm ls ${name}: ${listed.length} copies (${listed.join(", ")}), not the project's one`)
    const tree = npm(["ls", name, "--all"], app).stdout
    console.log(`consumer: npm ls ${name}: ${listed.length} copy, ${(tree.match(/deduped/g) ?? []).length} deduped references`)
  }

  // 5. Every README example, as ESM, each in a fresh folder.
  step("running the README examples")
  const examples = join(app, "examples")
  mkdirSync(examples)
  const sources = []
  for (const readme of readmes) {
    readme.examples.forEach((example, i) => {
      const file = `${readme.short}${readme.examples.length > 1 ? `-${i + 1}` : ""}`
      writeFileSync(join(examples, `${file}.mjs`), example.code)
      writeFileSync(join(examples, `${file}.mts`), example.code)
      sources.push(`${file}.mts`)
      const cwd = join(app, "run", file)
      mkdirSync(cwd, { recursive: true })
      const result = node([join(examples, `${file}.mjs`)], { cwd, timeout: 180_000, allowFailure: true, env: { DATABASE_URL: "" } })
      if (check(result.status === 0, `${readme.name} README example ${i + 1} failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`)) {
        console.log(`consumer: ${readme.name} README example ${i + 1} ran:\n${result.stdout.replace(/^/gm, "  | ").trimEnd()}`)
      }
      check(!/ExperimentalWarning|DeprecationWarning/.test(result.stderr ?? ""), `${readme.name} README example ${i + 1} printed a warning:\n${result.stderr}`)
    })
  }

  // 6. The same from CommonJS: require() of every package (Node 20.19+ loads the ES modules).
  const cjs = `// Every package from CommonJS, as Node 20.19+ allows for ES modules.
const assert = require("node:assert")
${libraries.map(({ manifest }) => `const ${manifest.name.replace("@uppdrag/", "")} = require("${manifest.name}")`).join("\n")}
${libraries.map(({ manifest }) => `assert.ok(Object.keys(${manifest.name.replace("@uppdrag/", "")}).length > 0)`).join("\n")}
const ics = deadlines.Calendar.toIcs([], { generatedAt: "2026-11-23T08:00:00Z" })
assert.ok(ics.startsWith("BEGIN:VCALENDAR\\r\\n") && ics.trimEnd().endsWith("END:VCALENDAR"))
const catalog = core.Catalog.unsafeLoad()
assert.equal(core.Kronor.format(core.Catalog.findGrant(catalog, "specialiserad-psykiatri-2026")?.grant.amount ?? 0), "1 490 000 000 kr")
console.log(ics.split("\\r\\n")[0], catalog.assignments.length)
`
  writeFileSync(join(examples, "require.cjs"), cjs)
  writeFileSync(join(examples, "require.cts"), cjs.replace(/^const (\w+) = require\("([^"]+)"\)$/gm, 'import $1 = require("$2")'))
  const required = node([join(examples, "require.cjs")], { cwd: app, allowFailure: true })
  if (check(required.status === 0, `require() of the packages failed:\n${required.stdout}${required.stderr}`)) {
    console.log(`consumer: require() of ${libraries.length} packages and Calendar.toIcs from CommonJS: ${required.stdout.trim()}`)
  }
  check(!/Warning/.test(required.stderr ?? ""), `require() of the packages printed a warning:\n${required.stderr}`)

  // 7. Type-check the examples (strict) under nodenext and bundler, and the CommonJS file under nodenext.
  step("type-checking the examples (strict; nodenext and bundler)")
  const common = { strict: true, noEmit: true, target: "ES2022", lib: ["ES2023"], types: ["node"], skipLibCheck: false, forceConsistentCasingInFileNames: true }
  const configs = {
    nodenext: { compilerOptions: { ...common, module: "nodenext", moduleResolution: "nodenext" }, files: [...sources, "require.cts"] },
    bundler: { compilerOptions: { ...common, module: "preserve", moduleResolution: "bundler" }, files: sources }
  }
  const tsc = join(app, "node_modules/typescript/bin/tsc")
  for (const [name, config] of Object.entries(configs)) {
    writeFileSync(join(examples, `tsconfig.${name}.json`), `${JSON.stringify(config, null, 2)}\n`)
    const result = node([tsc, "-p", `tsconfig.${name}.json`, "--pretty", "false"], { cwd: examples, timeout: 300_000, allowFailure: true })
    // skipLibCheck is off, so our own .d.ts files are checked too; errors inside other packages'
    // declarations (effect 4.1's crypto modules name DOM types such as CryptoKey) are theirs, and
    // counted rather than failed.
    const errors = `${result.stdout}${result.stderr}`.split(/\n(?=\S)/).filter((e) => e.trim() !== "")
    const theirs = errors.filter((e) => /^(?:\.\.\/)*node_modules\//.test(e) && !/node_modules\/@uppdrag\//.test(e.split("(")[0]))
    const ours = errors.filter((e) => !theirs.includes(e))
    if (check(ours.length === 0, `tsc (${name}, strict) refused the examples:\n${ours.join("\n")}`)) {
      const note = theirs.length === 0 ? "" : ` (${theirs.length} errors inside third-party declarations: ${[...new Set(theirs.map((e) => e.split("/")[2]))].join(", ")})`
      console.log(`consumer: tsc --strict, moduleResolution ${name}: ${config.files.length} files and the @uppdrag declarations clean${note}`)
    }
  }

  // 8. Hover docs in an editor: the language service's quick info for four documented functions.
  step("reading the hover docs through the TypeScript language service")
  const ts = createRequire(join(app, "package.json"))("typescript")
  const hover = `import { Catalog } from "@uppdrag/core"
import { Allocation, Ledger } from "@uppdrag/allocation"
import { Deadline } from "@uppdrag/deadlines"
Catalog.load
Allocation.allocate
Deadline.evaluate
Ledger.check
Catalog.findGrant
`
  const hoverFile = join(examples, "hover.mts")
  writeFileSync(hoverFile, hover)
  const options = { ...common, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, lib: ["lib.es2023.d.ts"] }
  const service = ts.createLanguageService({
    getScriptFileNames: () => [hoverFile],
    getScriptVersion: () => "1",
    getScriptSnapshot: (f) => (existsSync(f) ? ts.ScriptSnapshot.fromString(readFileSync(f, "utf8")) : undefined),
    getCurrentDirectory: () => examples,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories
  })
  /** The JSDoc text of `name` in a workspace source file, as the compiler reads it. */
  const sourceDoc = (file, name) => {
    const text = readFileSync(join(root, file), "utf8")
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true)
    let doc
    const visit = (n) => {
      if ((ts.isVariableStatement(n) && n.declarationList.declarations.some((d) => d.name.getText() === name)) || (ts.isFunctionDeclaration(n) && n.name?.text === name)) {
        const jsdoc = ts.getJSDocCommentsAndTags(ts.isVariableStatement(n) ? n.declarationList.declarations[0] : n).find(ts.isJSDoc)
        doc = typeof jsdoc?.comment === "string" ? jsdoc.comment : ts.getTextOfJSDocComment(jsdoc?.comment)
      }
      ts.forEachChild(n, visit)
    }
    visit(source)
    return doc
  }
  const expected = [
    ["Catalog.load", "packages/core/src/Catalog.ts", "load"],
    ["Allocation.allocate", "packages/allocation/src/Allocation.ts", "allocate"],
    ["Deadline.evaluate", "packages/deadlines/src/Deadline.ts", "evaluate"],
    ["Ledger.check", "packages/allocation/src/Ledger.ts", "check"]
  ]
  for (const [expression, file, member] of expected) {
    const info = service.getQuickInfoAtPosition(hoverFile, hover.indexOf(`${expression}\n`) + expression.indexOf(".") + 1)
    const shown = ts.displayPartsToString(info?.displayParts ?? [])
    const docs = ts.displayPartsToString(info?.documentation ?? [])
    const want = sourceDoc(file, member)
    // `{@link X}` is shown as a link; compare the words.
    const words = (text) => (text ?? "").replace(/\{@link(?:code|plain)?\s+([^}\s|]+)[^}]*\}/g, "$1").replace(/\s+/g, " ").trim()
    check(want !== undefined && want.length > 0, `${file}: no JSDoc on ${member} to compare the hover with`)
    check(docs.length > 0 && words(docs) === words(want), `hover on ${expression} shows ${JSON.stringify(docs.slice(0, 120))}, not its JSDoc ${JSON.stringify((want ?? "").slice(0, 120))}`)
    check(!shown.includes("$"), `hover on ${expression} names a bundler alias: ${shown.slice(0, 160)}`)
    check(new RegExp(`\\b${member}\\b`).test(shown.split("\n")[0]), `hover on ${expression} does not show ${member}: ${shown.slice(0, 160)}`)
    console.log(`consumer: hover ${expression}: ${shown.split("\n")[0].slice(0, 100)}… — ${docs.split("\n")[0]}`)
  }
  const findGrant = ts.displayPartsToString(service.getQuickInfoAtPosition(hoverFile, hover.indexOf("Catalog.findGrant") + 8)?.displayParts ?? [])
  check(/grant: Assignment\.Grant|grant: Grant/.test(findGrant) && !/more \.\.\.|…\d+ more/.test(findGrant), `hover on Catalog.findGrant expands its types: ${findGrant}`)
  console.log(`consumer: hover Catalog.findGrant: ${findGrant.replace(/\s+/g, " ")}`)

  // 9. The store without its optional drivers: importing works, opening names the missing driver.
  step("installing the store without its drivers")
  const bare = join(work, "bare")
  mkdirSync(bare)
  writeFileSync(join(bare, "package.json"), `${JSON.stringify({ name: "uppdrag-bare", private: true, version: "0.0.0", type: "module" }, null, 2)}\n`)
  npm(["install", "--ignore-scripts", ...tarballOf.values(), `effect@${installedVersion("effect")}`, `zod@${installedVersion("zod")}`], bare)
  check(!existsSync(join(bare, "node_modules/better-sqlite3")) && !existsSync(join(bare, "node_modules/pg")), "npm installed an optional driver of @uppdrag/store by itself")
  writeFileSync(
    join(bare, "open.mjs"),
    `import { Store } from "@uppdrag/store"
for (const location of [{ kind: "sqlite", path: "data/uppdrag.db" }, { kind: "postgres", url: "postgres://127.0.0.1:1/none" }]) {
  const opened = await Store.open(location)
  console.log(opened._tag === "Failure" ? \`\${opened.failure._tag} \${opened.failure.reason._tag}: \${opened.failure.message}\` : "opened")
}
`
  )
  const opened = node(["open.mjs"], { cwd: bare, allowFailure: true })
  const [sqlite = "", postgres = ""] = opened.stdout.trim().split("\n")
  check(opened.status === 0, `the store without drivers failed to import or open:\n${opened.stdout}${opened.stderr}`)
  check(/EventLogError Unavailable: .*drivrutinen better-sqlite3 .*inte installerad.*npm install better-sqlite3.*not installed/.test(sqlite), `SQLite without better-sqlite3 does not name the driver: ${sqlite}`)
  check(/EventLogError Unavailable: .*drivrutinen pg .*inte installerad.*npm install pg.*not installed/.test(postgres), `PostgreSQL without pg does not name the driver: ${postgres}`)
  console.log(`consumer: without drivers:\n  | ${sqlite}\n  | ${postgres}`)
  ok = problems.length === 0
} catch (error) {
  problems.push(error instanceof Error ? error.message : String(error))
} finally {
  if (ok && !keep) rmSync(work, { recursive: true, force: true })
  else console.log(`consumer: the projects are left in ${work}`)
}

const seconds = ((Date.now() - started) / 1000).toFixed(1)
if (problems.length > 0) {
  for (const p of problems) console.error(`consumer: ${p}`)
  console.error(`consumer: ${problems.length} of ${checks} checks failed (${seconds} s)`)
  process.exit(1)
}
console.log(`consumer: ${checks} checks passed in ${seconds} s`)
