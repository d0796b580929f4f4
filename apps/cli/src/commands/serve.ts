import { type Command, InvalidArgumentError, Option } from "commander"
import { catalogOption, type Perform } from "../terminal/Options.js"
import { dbOption } from "../terminal/DbOption.js"

const parsePort = (value: string): number => {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError("porten ska vara ett heltal 0–65535")
  return Number(value)
}

/** `uppdrag serve`: the read-only web view. */
export const registerServe = (program: Command, perform: Perform): void => {
  program
    .command("serve")
    .description("starta webbvyn (skrivskyddad): översikt, uppdrag, fördelning, indikatorer och möten i webbläsaren")
    .addOption(new Option("--port <nummer>", "port att lyssna på").argParser(parsePort).default(3000))
    .addOption(new Option("--host <adress>", "adress att lyssna på (127.0.0.1 = bara den här datorn)").default("127.0.0.1"))
    .addOption(new Option("--population <fil>", "befolkningsfil att fördela statsbidragen efter, i stället för de inbyggda SCB-uppgifterna"))
    .addOption(dbOption())
    .addOption(catalogOption())
    .helpOption("-h, --help", "visa hjälp")
    .addHelpText(
      "after",
      `
Webbvyn läser katalogen och databasen men ändrar aldrig något: den svarar bara på GET och HEAD,
och sidorna får bara läsa ur databasen. Finns ingen databasfil visas katalogen utan liggare.

Exempel:
  $ uppdrag serve
  $ uppdrag serve --port 8080 --db data/uppdrag.db
  $ uppdrag serve --host 0.0.0.0 --port 3000`
    )
    .action(
      perform(async (options: { port: number; host: string; population?: string; db?: string; catalog?: Array<string> }) => {
        const { serve } = await import("./serve/start.js")
        return serve(options)
      })
    )
}
