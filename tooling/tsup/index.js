/**
 * The build of an @uppdrag library: ESM and CJS with `.d.ts`, source maps,
 * and `import.meta.url` shimmed in the CJS output (the catalog and worker
 * files are found relative to the module).
 *
 * @param {import("tsup").Options} [overrides] what one package does differently (e.g. extra entries)
 * @returns {import("tsup").Options}
 */
export const libraryConfig = (overrides = {}) => ({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  shims: true,
  target: "node20",
  ...overrides
})
