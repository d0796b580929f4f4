import { Command, CommanderError } from "commander"
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
import { formOptions, type Outcome, type Perform } from "./terminal/Options.js"
import { translateUsageError } from "./terminal/UsageError.js"

/** Exit codes (kept here too, so that `--help` loads no other module). */
const ExitCode = { ok: 0, usage: 2, unexpected: 70 } as const

/**
 * The `uppdrag` program. Each `register*` adds one domain's commands; their
 * implementations are imported only when the command runs, and each returns
 * its outcome through `perform`.
 *
 * @example
 * const program = makeProgram((work) => async (...args) => void (await work(...args)))
 */
export const makeProgram = (perform: Perform): Command => {
  const program = new Command("uppdrag")
    .description("Regeringsuppdrag och statsbidrag inom den specialiserade psykiatriska vården: fördelning, tidsfrister, indikatorer och möten.")
    .version("0.1.0", "-V, --version", "visa versionen")
    .helpOption("-h, --help", "visa hjälp")
    .option("--verbose", "visa även databasens och drivrutinens egen (engelska) felbeskrivning")
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
  registerStart(program, perform)
  registerCatalog(program, perform)
  registerAllocate(program, perform)
  registerDeadlines(program, perform)
  registerIndicators(program, perform)
  registerMeetings(program, perform)
  registerDb(program, perform)
  registerRecord(program, perform)
  registerLedger(program, perform)
  registerServe(program, perform)
  return program
}

/**
 * Runs the program on `argv` and returns the exit code; never throws. The
 * command's outcome is run here and its failure rendered once (exit 1 for a
 * refusal, 2 for a usage error, 70 with a log file for a bug).
 *
 * @example
 * process.exitCode = await run(["deadlines", "--as-of", "2026-12-01"])
 */
export const run = async (argv: ReadonlyArray<string>): Promise<number> => {
  let outcome: Outcome | undefined
  const perform: Perform =
    (work) =>
    async (...args) => {
      outcome = await work(...args)
    }
  const program = makeProgram(perform)
  // The command whose action ran: its options decide whether a bad value is a usage error.
  let ran: Command = program
  program.hook("preAction", (_program, actionCommand) => {
    ran = actionCommand
  })
  const exitAll = (command: Command): void => {
    command.exitOverride()
    command.commands.forEach(exitAll)
  }
  exitAll(program)
  try {
    await program.parseAsync(argv as Array<string>, { from: "user" })
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return ExitCode.ok
      return ExitCode.usage
    }
    // A bug: one line and a log file with the stack, never a stack on the terminal.
    const { report } = await import("./terminal/Unexpected.js")
    process.stderr.write(`${report(error, argv)}\n`)
    return ExitCode.unexpected
  }
  if (outcome === undefined) return ExitCode.ok
  const { settle } = await import("./terminal/Settle.js")
  return settle(outcome, { verbose: program.opts().verbose === true, formOptions: formOptions(ran) })
}
