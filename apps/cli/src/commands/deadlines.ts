import { type Command, Option } from "commander"
import { catalogOption, formatOption, type Perform, repeatable } from "../terminal/Options.js"
import { dbOption } from "../terminal/DbOption.js"

/** Options of `uppdrag deadlines`, as commander gives them. */
export interface DeadlinesOptions {
  readonly asOf?: string
  readonly within?: string
  readonly assignment?: string
  readonly kind?: string
  readonly recipient?: string
  readonly from?: string
  readonly to?: string
  readonly status?: string
  readonly all?: boolean
  readonly reminders?: string
  readonly catalog?: Array<string>
  readonly db?: string
  readonly records?: Array<string>
  readonly perMonth?: boolean
  readonly format: "table" | "json" | "csv" | "ics"
  readonly out?: string
}

/** `uppdrag deadlines`: every reporting obligation with its status. */
export const registerDeadlines = (program: Command, perform: Perform): void => {
  program
    .command("deadlines")
    .description("tidsfrister: alla redovisningar, rekvisitioner, utbetalningar och återbetalningar med status per datum")
    .addOption(new Option("--as-of <datum>", "läget per detta datum (ÅÅÅÅ-MM-DD), standard i dag"))
    .addOption(new Option("--within <dagar>", "antal dagar framåt som räknas som snart").default("30"))
    .addOption(new Option("--assignment <diarienummer>", "bara detta uppdrag (diarienummer eller id)"))
    .addOption(new Option("--kind <typ>", "bara denna typ: delredovisning, slutredovisning, ekonomisk-redovisning, rekvisition, utbetalning, aterbetalning, utvardering, ovrigt"))
    .addOption(new Option("--recipient <mottagare>", "bara denna mottagare (del av namnet, t.ex. Kammarkollegiet)"))
    .addOption(new Option("--from <datum>", "förfallodag från och med (ÅÅÅÅ-MM-DD)"))
    .addOption(new Option("--to <datum>", "förfallodag till och med (ÅÅÅÅ-MM-DD)"))
    .addOption(new Option("--status <status>", "bara denna status: kommande, snart, forsenad, inlamnad, inlamnad-sent, datum-ej-satt"))
    .addOption(new Option("--all", "visa även inlämnade"))
    .addOption(new Option("--reminders <dagar>", "påminnelser, dagar före förfallodagen (larm i ics-filen, anmärkning i tabellen)").default("30,14,3"))
    .addOption(catalogOption())
    .addOption(dbOption())
    .addOption(
      new Option("--records <sökväg>", "mötesprotokoll (YAML/JSON, fil eller mapp; kan anges flera gånger): åtgärdspunkterna visas som typ ovrigt").argParser(repeatable)
    )
    .addOption(new Option("--per-month", "arbetsbörda: antal skyldigheter per månad (per typ och uppdrag) i stället för en rad per skyldighet"))
    .addOption(formatOption(["table", "json", "csv", "ics"], "table"))
    .addOption(new Option("--out <fil>", "skriv till fil i stället för standard ut"))
    .helpOption("-h, --help", "visa hjälp")
    .addHelpText(
      "after",
      `
Status: kommande, snart (inom --within dagar), forsenad, inlamnad, inlamnad-sent,
datum-ej-satt (datumet bestäms av någon annan, t.ex. Socialstyrelsen).
Utan --all visas det som inte är gjort, det som förfaller först överst. Inlämnade
redovisningar läses ur databasen (uppdrag record report), åtgärdspunkter ur sparade
möten (uppdrag meetings record) och ur --records.
Infaller förfallodagen på en lördag, söndag, helgdag, midsommarafton, julafton eller
nyårsafton anges det, med närmast följande vardag (jfr lag (1930:173)); datumet flyttas inte.

Exempel:
  $ uppdrag deadlines
  $ uppdrag deadlines --as-of 2026-11-23 --within 14
  $ uppdrag deadlines --assignment S2025/01528 --format json
  $ uppdrag deadlines --status forsenad
  $ uppdrag deadlines --db data/uppdrag.db --records moten/ --all
  $ uppdrag deadlines --kind aterbetalning --recipient Kammarkollegiet --format csv
  $ uppdrag deadlines --format ics --out tidsfrister.ics
  $ uppdrag deadlines --per-month --all --from 2027-01-01 --to 2027-12-31
  $ uppdrag deadlines --catalog mina-uppdrag/`
    )
    .action(
      perform(async (options: DeadlinesOptions) => {
        const { deadlinesList } = await import("./deadlines/list.js")
        return deadlinesList(options)
      })
    )
}
