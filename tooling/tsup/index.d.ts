import type { Options } from "tsup"

/** The build of an @uppdrag library: ESM and CJS with `.d.ts` for Node 20; `overrides` win. */
export declare const libraryConfig: (overrides?: Options) => Options
