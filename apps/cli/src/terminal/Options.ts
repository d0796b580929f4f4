import { Option } from "commander"
import type * as Effect from "effect/Effect"

// Kept apart from program.ts (which registers the commands) so that command
// definitions can share the options without importing the program, and
// without loading effect, the store or the catalog at start-up.

/**
 * What a command's action returns: an Effect that writes the command's output
 * and fails with a tagged error (a validation error, a refusal of a rule, a
 * database failure, a usage error). `program.ts` runs it and renders its
 * failure once.
 *
 * @example
 * const outcome: Outcome = Effect.sync(() => process.stdout.write("klart\n"))
 */
export type Outcome = Effect.Effect<void, unknown, never>

/**
 * Wraps a command's action so that `program.ts` receives the Outcome it
 * returns (commander ignores an action's result).
 *
 * @example
 * command.action(perform(async (options: Options) => (await import("./x.js")).run(options)))
 */
// biome-ignore lint/suspicious/noExplicitAny: commander passes the parsed arguments as any[]
export type Perform = <Args extends Array<any>>(work: (...args: Args) => Promise<Outcome>) => (...args: Args) => Promise<void>

/** Collects a repeatable option's values. */
export const repeatable = (value: string, previous: Array<string> | undefined): Array<string> => [...(previous ?? []), value]

/**
 * `--catalog PATH`: a user catalog file or folder besides the built-in one
 * (repeatable), for every command that reads the catalog.
 *
 * @example
 * command.addOption(catalogOption())
 */
export const catalogOption = (): Option =>
  new Option("--catalog <path>", "egen katalogfil eller mapp, utöver den inbyggda (kan anges flera gånger)").argParser(repeatable)

/**
 * `--format`: the formats a command writes, validated by commander (usage error, exit 2).
 *
 * @example
 * command.addOption(formatOption(["table", "json", "csv"], "table"))
 */
export const formatOption = (formats: ReadonlyArray<string>, fallback: string): Option =>
  new Option("--format <format>", "utdataformat").choices(formats).default(fallback)
