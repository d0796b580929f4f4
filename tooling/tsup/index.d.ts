import type { Options } from "tsup"

/** The build of an @uppdrag library: ESM only for Node 20.19+, one `.d.ts` per module; `overrides` win. */
export declare const libraryConfig: (overrides?: Options) => Options
/** Writes one `.d.ts` per module of `src/` into `dist/` with the TypeScript compiler. */
export declare const emitDeclarations: (root: string) => void
/** Writes `dist/THIRD-PARTY-LICENSES.md` with the licences of the bundled packages. */
export declare const writeNotices: (root: string, names: Array<string>) => string
/** An esbuild plugin bundling the named `@uppdrag/*` libraries from source, their files found where they are installed. */
export declare const workspaceSources: (options: { root: string; packages: Array<string>; outside?: RegExp }) => NonNullable<Options["esbuildPlugins"]>[number]
/** Rewrites a bundle (and its source map) so that it is ASCII throughout: characters above U+007F as `\uXXXX` escapes; returns how many. */
export declare const escapeNonAscii: (file: string) => number
