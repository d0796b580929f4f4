import { type Command, Option } from "commander"
import { catalogOption, type Perform } from "../terminal/Options.js"
import { dbOption } from "../terminal/DbOption.js"

/** `uppdrag db init|migrate|export|import`: the database itself. */
export const registerDb = (program: Command, perform: Perform): void => {
  const db = program
    .command("db")
    .description("databasen: skapa, migrera, exportera och importera händelseloggen")
    .helpOption("-h, --help", "visa hjälp")
    .addHelpText(
      "after",
      `
Data lagras i SQLite (standard ./data/uppdrag.db, eller --db FIL, eller UPPDRAG_DB) eller i PostgreSQL när
DATABASE_URL är satt. Databasen skapas och migreras automatiskt första gången ett kommando använder den.

Exempel:
  $ uppdrag db init
  $ uppdrag db export händelser.json
  $ uppdrag db import händelser.json --db ny.db
  $ DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/uppdrag uppdrag db import händelser.json`
    )

  db.command("init")
    .description("skapa databasen (om den inte finns) och kör alla migreringar")
    .addOption(dbOption())
    .helpOption("-h, --help", "visa hjälp")
    .addHelpText("after", "\nExempel:\n  $ uppdrag db init\n  $ uppdrag db init --db /srv/uppdrag/uppdrag.db")
    .action(
      perform(async (options: { db?: string }) => {
        const { dbInit } = await import("./db/init.js")
        return dbInit(options, "init")
      })
    )

  db.command("migrate")
    .description("uppgradera en äldre databas till den senaste schemaversionen; en nyare databas avvisas")
    .addOption(dbOption())
    .helpOption("-h, --help", "visa hjälp")
    .addHelpText("after", "\nExempel:\n  $ uppdrag db migrate\n  $ uppdrag db migrate --db gammal.db")
    .action(
      perform(async (options: { db?: string }) => {
        const { dbInit } = await import("./db/init.js")
        return dbInit(options, "migrate")
      })
    )

  db.command("export")
    .description("exportera hela databasen till JSON (eller händelseloggen till CSV); - skriver till standard ut")
    .argument("<fil>", "målfil, .json eller .csv")
    .addOption(new Option("--format <format>", "json (hela databasen) eller csv (händelseloggen); standard efter filändelsen").choices(["json", "csv"]))
    .addOption(dbOption())
    .helpOption("-h, --help", "visa hjälp")
    .addHelpText("after", "\nExempel:\n  $ uppdrag db export säkerhetskopia.json\n  $ uppdrag db export logg.csv\n  $ uppdrag db export - --format csv | less")
    .action(
      perform(async (file: string, options: { db?: string; format?: "json" | "csv" }) => {
        const { dbExport } = await import("./db/export.js")
        return dbExport(file, options)
      })
    )

  db.command("import")
    .description("importera en JSON-export till en tom databas (SQLite eller PostgreSQL), i en enda transaktion")
    .argument("<fil>", "en fil från uppdrag db export (JSON)")
    .addOption(dbOption())
    .addOption(catalogOption())
    .helpOption("-h, --help", "visa hjälp")
    .addHelpText("after", "\nExempel:\n  $ uppdrag db import säkerhetskopia.json --db ny.db\n  $ DATABASE_URL=postgres://… uppdrag db import säkerhetskopia.json")
    .action(
      perform(async (file: string, options: { db?: string; catalog?: Array<string> }) => {
        const { dbImport } = await import("./db/import.js")
        return dbImport(file, options)
      })
    )
}
