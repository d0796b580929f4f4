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

/**
 * What an option's value is, read from its definition (the value name in
 * its flags, or its choices). It decides the exit code of a bad value, the
 * one rule for every option of every command:
 *
 * - `form`: a date, number, amount, year or a word from a fixed list
 *   (`<datum>`, `<dagar>`, `<antal>`, `<belopp>`, `<typ>`, choices …). A value
 *   that is malformed or outside the option's range is a usage error, exit 2.
 * - `name`: an id, code or diarienummer naming something in the catalog or
 *   the log (`<id>`, `<kod>`, `<region>`). A well-formed name that names
 *   nothing known is refused, exit 1.
 * - `path`: a file or folder; one that is missing or unreadable, or whose
 *   content is bad, is refused, exit 1.
 * - `text`: free text (`<namn>`, `<text>`, `<mottagare>`, `<adress>`): refused, exit 1.
 *
 * An unknown option, a missing value and options that do not go together
 * are usage errors (exit 2) too.
 *
 * @example
 * valueKind(new Option("--as-of <datum>")) // "form"
 * valueKind(new Option("--grant <id>"))    // "name"
 */
export type ValueKind = "form" | "name" | "path" | "text"

const kindOfValueName: Readonly<Record<string, ValueKind>> = {
  datum: "form",
  dagar: "form",
  antal: "form",
  nummer: "form",
  tal: "form",
  belopp: "form",
  år: "form",
  typ: "form",
  status: "form",
  format: "form",
  dimension: "form",
  id: "name",
  "id|fil": "name",
  kod: "name",
  koder: "name",
  region: "name",
  diarienummer: "name",
  post: "name",
  fil: "path",
  sökväg: "path",
  mapp: "path",
  path: "path",
  namn: "text",
  text: "text",
  mottagare: "text",
  adress: "text"
}

/** See {@link ValueKind}; undefined for an option without a value (a switch). */
export const valueKind = (option: Option): ValueKind | undefined => {
  if (option.argChoices !== undefined) return "form"
  const name = /<([^>]+)>/.exec(option.flags)?.[1]
  return name === undefined ? undefined : (kindOfValueName[name] ?? "text")
}

/**
 * The long names of a command's `form` options ({@link ValueKind}): a
 * validation failure that names only these is a usage error (exit 2).
 *
 * @example
 * formOptions(deadlinesCommand).has("--as-of") // true
 */
export const formOptions = (command: { readonly options: ReadonlyArray<Option> }): ReadonlySet<string> =>
  new Set(command.options.filter((option) => valueKind(option) === "form").flatMap((option) => (option.long === undefined ? [] : [option.long])))
