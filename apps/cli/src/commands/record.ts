import { type Command, Option } from "commander"
import { catalogOption, type Perform } from "../terminal/Options.js"
import { dbOption } from "../terminal/DbOption.js"
import type { Kind } from "./record/input.js"

const money = (what: string, example: string) => ({
  options: [
    new Option("--grant <id>", "statsbidragets id, t.ex. specialiserad-psykiatri-2026"),
    new Option("--region <region>", "regionen: SCB-kod (03) eller namn (Uppsala)"),
    new Option("--amount <belopp>", `${what} i hela kronor, t.ex. 58203923 eller "58 203 923 kr"`),
    new Option("--date <datum>", "affärsdatum ÅÅÅÅ-MM-DD")
  ],
  columns: "grant,region,amount,date[,by][,note]",
  example
})

const kinds: Record<Kind, { description: string; options: Array<Option>; columns: string; example: string }> = {
  requisition: {
    description: "registrera en rekvisition: en region begär sin tilldelning (inom rekvisitionsperioden, högst det tilldelade)",
    ...money("beloppet", "uppdrag record requisition --grant specialiserad-psykiatri-2026 --region 03 --amount 58203923 --date 2026-04-15")
  },
  payout: {
    description: "registrera en utbetalning till en region (högst det rekvirerade, senast sista utbetalningsdag)",
    ...money("beloppet", "uppdrag record payout --grant specialiserad-psykiatri-2026 --region Uppsala --amount 58203923 --date 2026-06-15")
  },
  use: {
    description: "registrera redovisad användning: vad regionen har använt av det utbetalda (0 är tillåtet)",
    ...money("använt belopp", "uppdrag record use --grant specialiserad-psykiatri-2026 --region 03 --amount 50000000 --date 2027-02-15")
  },
  repayment: {
    description: "registrera en återbetalning av medel som inte använts",
    ...money("beloppet", "uppdrag record repayment --grant specialiserad-psykiatri-2026 --region 03 --amount 8203923 --date 2027-03-20")
  },
  report: {
    description: "registrera att en redovisning (delredovisning, slutredovisning …) har lämnats in för en skyldighet i ett uppdrag",
    options: [
      new Option("--assignment <id>", "uppdragets id, t.ex. specialiserad-psykiatri-2026"),
      new Option("--obligation <id>", "skyldighetens id, t.ex. delredovisning-2027-05-30 (se uppdrag deadlines)"),
      new Option("--date <datum>", "inlämningsdatum ÅÅÅÅ-MM-DD"),
      new Option("--region <region>", "regionen, när redovisningen är en regions")
    ],
    columns: "assignment,obligation,date[,region][,by][,note]",
    example: "uppdrag record report --assignment specialiserad-psykiatri-2026 --obligation delredovisning-2027-05-30 --date 2027-05-28"
  },
  "due-date": {
    description: "registrera det datum någon annan bestämmer för en skyldighet som beslutet lämnar öppen (t.ex. Socialstyrelsens datum för regionernas redovisning)",
    options: [
      new Option("--assignment <id>", "uppdragets id, t.ex. specialiserad-psykiatri-2026"),
      new Option("--obligation <id>", "skyldighetens id, t.ex. regionernas-redovisning-2026 (se uppdrag deadlines)"),
      new Option("--due <datum>", "det fastställda datumet ÅÅÅÅ-MM-DD"),
      new Option("--date <datum>", "dagen datumet fastställdes ÅÅÅÅ-MM-DD")
    ],
    columns: "assignment,obligation,due,date[,by][,note]",
    example: "uppdrag record due-date --assignment specialiserad-psykiatri-2026 --obligation regionernas-redovisning-2026 --due 2027-02-26 --date 2026-12-10"
  },
  reversal: {
    description: "återför (makulera) en tidigare händelse: rättelser görs så, aldrig genom ändring",
    options: [new Option("--event <nummer>", "löpnumret på händelsen som ska återföras"), new Option("--date <datum>", "affärsdatum ÅÅÅÅ-MM-DD")],
    columns: "event,date[,by][,note]",
    example: 'uppdrag record reversal --event 4 --date 2027-03-21 --note "fel belopp"'
  }
}

/** `uppdrag record requisition|payout|use|repayment|report|due-date|reversal`: append events to the log. */
export const registerRecord = (program: Command, perform: Perform): void => {
  const record = program
    .command("record")
    .description("registrera händelser i händelseloggen; reglerna kontrolleras först och inget sparas om något avvisas")
    .helpOption("-h, --help", "visa hjälp")
    .addHelpText(
      "after",
      `
Varje underkommando tar sina fält som alternativ, eller --file med många rader (CSV med rubrikrad, eller
JSON: en lista av objekt med samma fält). En fil sparas i en enda transaktion: allt eller inget.

Exempel:
  $ ${kinds.requisition.example}
  $ uppdrag record payout --file utbetalningar.csv
  $ ${kinds.reversal.example}`
    )
  for (const [kind, spec] of Object.entries(kinds) as Array<[Kind, (typeof kinds)[Kind]]>) {
    const command = record.command(kind).description(spec.description)
    for (const option of spec.options) command.addOption(option)
    command
      .addOption(new Option("--by <namn>", "vem som registrerar (standard: inloggad användare)"))
      .addOption(new Option("--note <text>", "källa: beslut, skrivelse, verifikation …"))
      .addOption(new Option("--file <fil>", `många händelser från CSV eller JSON med fälten ${spec.columns}`))
      .addOption(dbOption())
      .addOption(catalogOption())
      .helpOption("-h, --help", "visa hjälp")
      .addHelpText("after", `\nExempel:\n  $ ${spec.example}\n  $ uppdrag record ${kind} --file ${kind}.csv   (kolumner: ${spec.columns})`)
      .action(
        perform(async (options: Record<string, string | Array<string> | undefined>) => {
          const { recordEvents } = await import("./record/append.js")
          return recordEvents(kind, options)
        })
      )
  }
}
