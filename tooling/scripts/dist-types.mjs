#!/usr/bin/env node
// Checks that a package's built declarations export what its source exports,
// with the same meanings: run in a package directory after `tsup`, as part of
// its `typecheck`.
//
// For every export of `src/index.ts` (and every member of a namespace
// re-export, `export * as Ledger from "./Ledger.js"`), the declarations in
// `dist/` must offer it as a type where the source does and as a value where
// the source does. They are written per module by the TypeScript compiler
// (`emitDeclarations` of `@uppdrag/tsup-config`); a bundled `.d.ts` kept only
// one meaning when a value and a type shared a name inside a namespace, and
// this check keeps any future declaration build honest the same way.
//
//   node ../../tooling/scripts/dist-types.mjs   # prints each mismatch, exits 1 if any
import { existsSync } from "node:fs"
import { createRequire } from "node:module"
import { resolve } from "node:path"

const ts = createRequire(import.meta.url)("typescript")
const root = process.cwd()
const files = { src: "src/index.ts", esm: "dist/index.d.ts" }
for (const file of Object.values(files)) {
  if (!existsSync(resolve(root, file))) {
    console.error(`dist-types: ${file} saknas i ${root} (kör build först)`)
    process.exit(1)
  }
}

const program = ts.createProgram(
  Object.values(files).map((f) => resolve(root, f)),
  { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, skipLibCheck: true, noEmit: true }
)
const checker = program.getTypeChecker()
const TYPE = 1
const VALUE = 2
const resolveAlias = (symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol)
const typeOnlyExport = (symbol) => (symbol.declarations ?? []).some((d) => ts.isTypeOnlyImportOrExportDeclaration(d))

/** name (`Ledger.Summary`, or `ValidationError` at the top) → TYPE | VALUE meanings. */
const surface = (file) => {
  const mod = checker.getSymbolAtLocation(program.getSourceFile(resolve(root, file)))
  const meanings = new Map()
  const add = (name, symbol) => {
    const target = resolveAlias(symbol)
    let m = 0
    if (target.flags & ts.SymbolFlags.Type) m |= TYPE
    if (target.flags & ts.SymbolFlags.Value && !typeOnlyExport(symbol)) m |= VALUE
    meanings.set(name, m)
  }
  for (const exported of checker.getExportsOfModule(mod)) {
    const target = resolveAlias(exported)
    // `export * as X` in src/ is a module; the bundle writes it as `declare namespace X`.
    if (target.flags & ts.SymbolFlags.Module) {
      for (const member of checker.getExportsOfModule(target)) add(`${exported.name}.${member.name}`, member)
    } else add(exported.name, exported)
  }
  return meanings
}

const label = (m) => [m & TYPE ? "type" : "", m & VALUE ? "value" : ""].filter(Boolean).join(" and ") || "nothing"
const src = surface(files.src)
const problems = []
for (const [kind, file] of [["esm", files.esm]]) {
  const built = surface(file)
  for (const [name, m] of src) {
    const b = built.get(name) ?? 0
    if (b !== m) problems.push(`${file}: ${name} is ${label(b)}, src/ exports ${label(m)}`)
  }
  for (const name of built.keys()) if (!src.has(name)) problems.push(`${file}: ${name} is not exported by src/ (${kind})`)
}
if (problems.length > 0) {
  for (const p of problems) console.error(p)
  console.error(`dist-types: ${problems.length} export(s) differ between src/ and dist/; name the schema …Schema and give the type the plain name`)
  process.exit(1)
}
console.log(`dist-types: ${src.size} exports, the same meanings in dist/index.d.ts`)
