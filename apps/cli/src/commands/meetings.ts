import { type Command, Option } from "commander"
import { catalogOption, formatOption, type Perform, repeatable } from "../terminal/Options.js"
import { dbOption } from "../terminal/DbOption.js"

const seriesOption = (): Option => new Option("--series <fil>", "egen seriefil (YAML/JSON), utöver de inbyggda serierna ur seed 001 (kan anges flera gånger)").argParser(repeatable)
const recordsOption = (): Option =>
  new Option("--records <sökväg>", "läs registrerade möten och överenskommelser från fil eller mapp (YAML/JSON, kan anges flera gånger)").argParser(repeatable)
const outOption = (): Option => new Option("--out <fil>", "skriv till fil i stället för standard ut")

/** `uppdrag meetings upcoming|coverage|record|agreements`. */
export const registerMeetings = (program: Command, perform: Perform): void => {
  const meetings = program.command("meetings").description("mötesserier, samråd med namngivna parter, överenskommelser med regionerna och åtgärdspunkter")
  meetings.helpOption("-h, --help", "visa hjälp")

  meetings
    .command("upcoming")
    .description("kommande mötestillfällen i Europe/Stockholm-tid, med inställda, flyttade och teman")
    .addOption(new Option("--from <datum>", "från och med (ÅÅÅÅ-MM-DD), standard i dag"))
    .addOption(new Option("--to <datum>", "till och med (ÅÅÅÅ-MM-DD), standard 90 dagar efter --from"))
    .addOption(formatOption(["table", "json", "ics"], "table"))
    .addOption(seriesOption())
    .addOption(catalogOption())
    .addOption(outOption())
    .helpOption("-h, --help", "visa hjälp")
    .addHelpText(
      "after",
      `
Exempel:
  $ uppdrag meetings upcoming --from 2026-04-01 --to 2026-06-30
  $ uppdrag meetings upcoming --format json
  $ uppdrag meetings upcoming --format ics --out moten.ics
  $ uppdrag meetings upcoming --series egna-serier.yaml

Med --format ics skrivs varje serie som har tillfällen i perioden som en återkommande
händelse (RRULE) med tidszonen Europe/Stockholm (VTIMEZONE), så att Outlook visar rätt lokal tid.`
    )
    .action(
      perform(async (options: { from?: string; to?: string; format: "table" | "json" | "ics"; series?: Array<string>; catalog?: Array<string>; out?: string }) => {
        const { meetingsUpcoming } = await import("./meetings/upcoming.js")
        return meetingsUpcoming(options)
      })
    )

  meetings
    .command("coverage")
    .description("samråd per uppdrag: vilka parter som beslutet nämner har deltagit i möten, när senast, och vilka som återstår före nästa redovisning")
    .requiredOption("--assignment <diarienummer>", "uppdragets diarienummer eller id, t.ex. S2025/01528")
    .addOption(new Option("--as-of <datum>", "läget per detta datum (ÅÅÅÅ-MM-DD), standard i dag"))
    .addOption(formatOption(["table", "json"], "table"))
    .addOption(dbOption())
    .addOption(recordsOption())
    .addOption(seriesOption())
    .addOption(catalogOption())
    .addOption(outOption())
    .helpOption("-h, --help", "visa hjälp")
    .addHelpText(
      "after",
      `
Möten läses ur databasen (registrerade med uppdrag meetings record) och ur --records.

Exempel:
  $ uppdrag meetings coverage --assignment S2025/01528
  $ uppdrag meetings coverage --assignment S2025/01528 --as-of 2027-05-01 --format json
  $ uppdrag meetings coverage --assignment S2025/01528 --db data/uppdrag.db`
    )
    .action(
      perform(async (options: { assignment: string; asOf?: string; format: "table" | "json"; db?: string; records?: Array<string>; series?: Array<string>; catalog?: Array<string>; out?: string }) => {
        const { meetingsCoverage } = await import("./meetings/coverage.js")
        return meetingsCoverage(options)
      })
    )

  meetings
    .command("record")
    .description("registrera ett möte eller en överenskommelse (YAML/JSON) i databasen; varje fel med fält och rad, slutkod 1 och inget sparat vid fel")
    .argument("<fil>", "mötes- eller överenskommelsefil")
    .addOption(new Option("--check", "granska bara, spara inget"))
    .addOption(new Option("--by <namn>", "vem som registrerar (standard: inloggad användare)"))
    .addOption(new Option("--ics <fil>", "skriv mötet som iCalendar-fil"))
    .addOption(dbOption())
    .addOption(seriesOption())
    .addOption(catalogOption())
    .helpOption("-h, --help", "visa hjälp")
    .addHelpText(
      "after",
      `
Exempel:
  $ uppdrag meetings record mote-2026-11-20.yaml
  $ uppdrag meetings record mote-2026-11-20.yaml --check
  $ uppdrag meetings record overenskommelse-skane.yaml --db data/uppdrag.db
  $ uppdrag meetings record mote-2026-11-20.yaml --ics mote.ics

Ett möte:
  id: samrad-2026-11-20
  title: Samråd om vårdkapacitet
  date: 2026-11-20
  start: "13:00"            # valfritt, svensk tid
  end: "14:30"              # valfritt
  assignment: S2025/01528   # eller series: <serie-id>
  region: "12"              # valfritt: dialogmöte med en region
  participants: [IVO, Polismyndigheten]
  notes: Fritext
  actionItems:
    - { title: Skicka underlag, owner: Socialstyrelsen, due: 2026-12-04 }

En överenskommelse börjar med kind: overenskommelse och anger grant, region, signed,
activities, expectedResults, expectedEffects, followUpMeasures och followUps.`
    )
    .action(
      perform(async (file: string, options: { ics?: string; check?: boolean; by?: string; db?: string; series?: Array<string>; catalog?: Array<string> }) => {
        const { meetingsRecord } = await import("./meetings/record.js")
        return meetingsRecord(file, options)
      })
    )

  meetings
    .command("agreements")
    .description("överenskommelser och dialogmöten per region för ett statsbidrag, och om årsuppföljningen inför nästa delredovisning finns")
    .addOption(new Option("--region <kod>", "bara denna region (SCB-kod 01–25 eller länets namn)"))
    .addOption(new Option("--grant <id>", "statsbidragets id, standard det senaste i katalogen"))
    .addOption(new Option("--as-of <datum>", "läget per detta datum (ÅÅÅÅ-MM-DD), standard i dag"))
    .addOption(formatOption(["table", "json"], "table"))
    .addOption(dbOption())
    .addOption(recordsOption())
    .addOption(seriesOption())
    .addOption(catalogOption())
    .addOption(outOption())
    .helpOption("-h, --help", "visa hjälp")
    .addHelpText(
      "after",
      `
Exempel:
  $ uppdrag meetings agreements
  $ uppdrag meetings agreements --region 12 --db data/uppdrag.db
  $ uppdrag meetings agreements --grant specialiserad-psykiatri-2026 --format json`
    )
    .action(
      perform(async (options: { region?: string; grant?: string; asOf?: string; format: "table" | "json"; db?: string; records?: Array<string>; series?: Array<string>; catalog?: Array<string>; out?: string }) => {
        const { meetingsAgreements } = await import("./meetings/agreements.js")
        return meetingsAgreements(options)
      })
    )
}
