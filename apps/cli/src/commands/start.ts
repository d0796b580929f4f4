import { type Command, InvalidArgumentError, Option } from "commander"
import { catalogOption, type Perform } from "../terminal/Options.js"
import { dbOption } from "../terminal/DbOption.js"

const parsePort = (value: string): number => {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError("porten ska vara ett heltal 0–65535")
  return Number(value)
}

/**
 * `uppdrag start`: the README's main job. Opens the database (creating or
 * upgrading it), prints the upcoming deadlines overview and starts the
 * read-only web view.
 */
export const registerStart = (program: Command, perform: Perform): void => {
  program
    .command("start")
    .description("huvudjobbet: skapa/uppgradera databasen, visa kommande tidsfrister och starta webbvyn")
    .addOption(catalogOption())
    .addOption(dbOption())
    .addOption(new Option("--as-of <datum>", "visa läget per detta datum (ÅÅÅÅ-MM-DD), standard i dag"))
    .addOption(new Option("--no-serve", "visa bara översikten, starta inte webbvyn"))
    .addOption(new Option("--port <nummer>", "webbvyns port").argParser(parsePort).default(3000))
    .addOption(new Option("--host <adress>", "webbvyns adress (annan än 127.0.0.1 kräver inloggning, se uppdrag serve --help)").default("127.0.0.1"))
    .addOption(new Option("--utan-inloggning", "servera utan inloggning även på en adress som nås från nätverket"))
    .addOption(new Option("--access-log <fil>", "skriv webbvyns åtkomstlogg till filen i stället för till standard error"))
    .addOption(new Option("--demo", "webbvyn i demoläge: syntetiska exempeldata under Indikatorer, med en varning på varje sida"))
    .helpOption("-h, --help", "visa hjälp")
    .addHelpText("after", "\nExempel:\n  $ uppdrag start\n  $ uppdrag start --as-of 2026-11-23 --no-serve\n  $ uppdrag start --db data/uppdrag.db --port 8080\n  $ uppdrag start --demo")
    .action(
      perform(async (options: { catalog?: Array<string>; db?: string; asOf?: string; serve: boolean; port: number; host: string; utanInloggning?: boolean; accessLog?: string; demo?: boolean }) => {
        // The overview opens the store, which creates or upgrades the database on first use.
        const { start } = await import("./start/overview.js")
        if (!options.serve) return start(options)
        const [{ checkExposure, serve }, Effect] = await Promise.all([import("./serve/start.js"), import("effect/Effect")])
        // A network address without sign-in is refused before the database is created or upgraded.
        return Effect.andThen(checkExposure(options), Effect.andThen(start(options), serve(options)))
      })
    )
}
