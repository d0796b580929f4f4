import { type Command, Option } from "commander"
import { catalogOption, formatOption, type Perform } from "../terminal/Options.js"
import { dbOption } from "../terminal/DbOption.js"

/** Options of `uppdrag ledger`, as commander gives them. */
export interface LedgerOptions {
  readonly grant: string
  readonly format: "table" | "json" | "csv"
  readonly out?: string
  readonly population?: string
  readonly db?: string
  readonly catalog?: Array<string>
}

/** `uppdrag ledger --grant ID`: a grant's ledger per region and nationally. */
export const registerLedger = (program: Command, perform: Perform): void => {
  program
    .command("ledger")
    .description("huvudbok för ett statsbidrag: tilldelat, rekvirerat, utbetalt, redovisat använt, att återbetala, återbetalt och utestående per region och för riket")
    .requiredOption("--grant <id>", "statsbidragets id, t.ex. specialiserad-psykiatri-2026")
    .addOption(formatOption(["table", "json", "csv"], "table"))
    .addOption(new Option("--out <fil>", "skriv till fil i stället för standard ut"))
    .addOption(new Option("--population <fil>", "befolkningsfil att räkna tilldelningen efter, i stället för de inbyggda SCB-uppgifterna"))
    .addOption(dbOption())
    .addOption(catalogOption())
    .helpOption("-h, --help", "visa hjälp")
    .addHelpText(
      "after",
      `
Att återbetala = utbetalt − redovisat använt, när regionen har redovisat; utestående = att återbetala − återbetalt.

Exempel:
  $ uppdrag ledger --grant specialiserad-psykiatri-2026
  $ uppdrag ledger --grant specialiserad-psykiatri-2026 --format json --db data/uppdrag.db
  $ uppdrag ledger --grant specialiserad-psykiatri-2026 --format csv --out huvudbok.csv`
    )
    .action(
      perform(async (options: LedgerOptions) => {
        const { ledgerShow } = await import("./ledger/show.js")
        return ledgerShow(options)
      })
    )
}
