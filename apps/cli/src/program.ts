import { Command, CommanderError, Option } from "commander"
import { registerAllocate } from "./commands/allocate.js"
import { registerCatalog } from "./commands/catalog.js"
import { registerDb } from "./commands/db.js"
import { registerDeadlines } from "./commands/deadlines.js"
import { registerIndicators } from "./commands/indicators.js"
import { registerLedger } from "./commands/ledger.js"
import { registerMeetings } from "./commands/meetings.js"
import { registerRecord } from "./commands/record.js"
import { registerServe } from "./commands/serve.js"
import { registerStart } from "./commands/start.js"
import { CliError, ExitCode } from "./terminal/CliError.js"
import { translateUsageError } from "./terminal/UsageError.js"

/** Options every command that reads the catalog accepts. */
export const catalogOption = (): Option =>
  new Option("--catalog <path>", "egen katalogfil eller mapp, utöver den inbyggda (kan anges flera gånger)")
    .argParser((value: string, previous: Array<string> | undefined) => [...(previous ?? []), value])

/** Formats accepted by `--format`, validated by commander (usage error, exit 2). */
export const formatOption = (formats: ReadonlyArray<string>, fallback: string): Option =>
  new Option("--format <format>", "utdataformat").choices(formats).default(fallback)

/**
 * The `uppdrag` program. Each `register*` adds one domain's commands; their
 * implementations are imported only when the command runs.
 */
export const makeProgram = (): Command => {
  const program = new Command("uppdrag")
    .description("Regeringsuppdrag och statsbidrag inom den specialiserade psykiatriska vården: fördelning, tidsfrister, indikatorer och möten.")
    .version("0.1.0", "-V, --version", "visa versionen")
    .helpOption("-h, --help", "visa hjälp")
    .addHelpCommand("help [kommando]", "visa hjälp för ett kommando")
    .showHelpAfterError("(kör med --help för hjälp)")
    .configureOutput({ outputError: (text, write) => write(translateUsageError(text)) })
    .exitOverride()
  program.addHelpText(
    "after",
    `
Exempel:
  $ uppdrag catalog list
  $ uppdrag catalog validate mina-uppdrag/
  $ uppdrag start

Slutkoder: 0 klart, 1 felaktig indata eller avvisat, 2 felaktigt anrop.`
  )
  registerStart(program)
  registerCatalog(program)
  registerAllocate(program)
  registerDeadlines(program)
  registerIndicators(program)
  registerMeetings(program)
  registerDb(program)
  registerRecord(program)
  registerLedger(program)
  registerServe(program)
  return program
}

/** Runs the program on `argv` and returns the exit code; never throws. */
export const run = async (argv: ReadonlyArray<string>): Promise<number> => {
  const program = makeProgram()
  const exitAll = (command: Command): void => {
    command.exitOverride()
    command.commands.forEach(exitAll)
  }
  exitAll(program)
  try {
    await program.parseAsync(argv as Array<string>, { from: "user" })
    return ExitCode.ok
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return ExitCode.ok
      return ExitCode.usage
    }
    if (error instanceof CliError) {
      process.stderr.write(`${error.lines.join("\n")}\n`)
      return error.exitCode
    }
    process.stderr.write(`Oväntat fel: ${(error as Error).stack ?? String(error)}\n`)
    return 70
  }
}
