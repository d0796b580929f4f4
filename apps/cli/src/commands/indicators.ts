import { type Command, Option } from "commander"
import { dbOption } from "../terminal/DbOption.js"
import { catalogOption, formatOption, type Perform } from "../terminal/Options.js"
import type { ShowOptions } from "./indicators/show.js"

const outOption = (): Option => new Option("--out <fil>", "skriv till fil i stället för standard ut (skrivs helt eller inte alls)")
const yearsOption = (): Option => new Option("--years <år>", "år eller intervall, t.ex. 2020-2024 (standard 2011-2024, statistikdatabasens år)")
const thresholdOption = (): Option => new Option("--threshold <antal>", "minsta antal som publiceras; 1 till antal−1 prickas (standard 5)")
const populationOption = (): Option =>
  new Option("--population <sökväg>", "befolkning 31 december: en fil (alla år) eller en mapp med en fil per år (namnet innehåller året, t.ex. 2023.csv)")
const lagOption = (): Option => new Option("--population-lag <år>", "använd befolkningen så många år före (1 = 31 december året före)").choices(["0", "1"]).default("0")

/** `uppdrag indicators list|compute|show|publish|publications|sample`. */
export const registerIndicators = (program: Command, perform: Perform): void => {
  const indicators = program
    .command("indicators")
    .description("indikatorer för psykiatrisk tvångsvård (LPT) och rättspsykiatrisk vård (LRV): kub per region, kön, ålder och vårdform, skyddad mot röjande")
  indicators.helpOption("-h, --help", "visa hjälp")

  indicators
    .command("list")
    .description("lista indikatorerna: id, enhet, källa och om de redovisas per kön")
    .addOption(formatOption(["table", "json"], "table"))
    .addOption(outOption())
    .helpOption("-h, --help", "visa hjälp")
    .addHelpText("after", "\nExempel:\n  $ uppdrag indicators list\n  $ uppdrag indicators list --format json")
    .action(
      perform(async (options: { format: "table" | "json"; out?: string }) => {
        const { indicatorsList } = await import("./indicators/list.js")
        return indicatorsList(options)
      })
    )

  indicators
    .command("compute")
    .description("räkna fram den skyddade kuben ur vårdtillfällen: unika patienter och patienter per 100 000 invånare")
    .requiredOption("--episodes <fil>", "vårdtillfällen, CSV patient,region,sex,birthYear,careForm,start,end")
    .addOption(populationOption())
    .addOption(lagOption())
    .addOption(yearsOption())
    .addOption(thresholdOption())
    .addOption(new Option("--threads <antal>", "trådar som läser filen parallellt (standard 1; lönar sig bara på lediga kärnor)"))
    .addOption(formatOption(["json", "csv", "jsonstat"], "json"))
    .addOption(outOption())
    .helpOption("-h, --help", "visa hjälp")
    .addHelpText(
      "after",
      `
Exempel:
  $ uppdrag indicators compute --episodes episoder.csv --population befolkning/ --out kub.json
  $ uppdrag indicators compute --episodes episoder.csv --population befolkning-2023.csv --years 2023 --format csv
  $ uppdrag indicators compute --episodes episoder.csv --population befolkning/ --years 2020-2024 --threshold 5 --format jsonstat --out kub.jsonstat.json

En patient räknas en gång per cell och år om något vårdtillfälle pågår under året; en patient i två
regioner räknas i båda men en gång i riket. Antal från 1 till tröskeln − 1 prickas, och fler celler
prickas så att inget prickat värde kan räknas fram ur tabellens övriga uppgifter. Felaktiga rader
anges med fil, rad och fält; då skrivs ingenting.`
    )
    .action(
      perform(async (options: { episodes: string; population?: string; populationLag: string; years?: string; threshold?: string; threads?: string; format: "json" | "csv" | "jsonstat"; out?: string }) => {
        const { indicatorsCompute } = await import("./indicators/compute.js")
        return indicatorsCompute(options)
      })
    )

  indicators
    .command("show")
    .description("visa en indikator: definition och, med data, värden per region (rang, kvot mot riket, förändring, spridning), kön, ålder eller vårdform")
    .argument("<id>", "indikatorns id (se uppdrag indicators list)")
    .addOption(new Option("--year <år>", "år (standard det senaste i kuben)"))
    .addOption(new Option("--by <dimension>", "dela upp efter").choices(["region", "sex", "age", "careForm"]).default("region"))
    .addOption(new Option("--region <kod>", "region för uppdelning efter kön, ålder eller vårdform (standard 00, riket)"))
    .addOption(new Option("--cube <fil>", "skyddad kub i projektets JSON (från uppdrag indicators compute)"))
    .addOption(new Option("--episodes <fil>", "räkna kuben direkt ur vårdtillfällen"))
    .addOption(populationOption())
    .addOption(lagOption())
    .addOption(thresholdOption())
    .addOption(new Option("--followup <fil>", "uppföljningsmått, CSV region,measure,kind,year,value (kind: baslinje, mål, utfall)"))
    .addOption(new Option("--published", "visa den senaste publicerade kuben i databasen (se uppdrag indicators publications)"))
    .addOption(new Option("--publication <version>", "visa den publicerade kuben med detta versionsnummer"))
    .addOption(dbOption())
    .addOption(formatOption(["table", "json", "csv"], "table"))
    .addOption(outOption())
    .helpOption("-h, --help", "visa hjälp")
    .addHelpText(
      "after",
      `
Exempel:
  $ uppdrag indicators show lpt-sluten-per100k
  $ uppdrag indicators show lpt-sluten-per100k --cube kub.json --year 2023
  $ uppdrag indicators show lrv-domstol-patienter --cube kub.json --by sex --region 01
  $ uppdrag indicators show lpt-sluten-andel-kvinnor --episodes episoder.csv --population befolkning/ --by age --format csv
  $ uppdrag indicators show sjalvvald-inlaggning-platser --followup uppfoljning.csv
  $ uppdrag indicators show lpt-sluten-per100k --published
  $ uppdrag indicators show lpt-sluten-per100k --publication 1 --by sex --region 03`
    )
    .action(
      perform(async (id: string, options: ShowOptions) => {
        const { indicatorsShow } = await import("./indicators/show.js")
        return indicatorsShow(id, options)
      })
    )

  indicators
    .command("publish")
    .description("publicera en skyddad kub (från uppdrag indicators compute --format json) som nästa version i databasen; en kub som inte är skyddad avvisas")
    .argument("<kub.json>", "skyddad kub i projektets JSON")
    .requiredOption("--by <namn>", "vem som publicerar")
    .addOption(new Option("--note <text>", "anteckning, t.ex. beslut eller diarienummer för publiceringen"))
    .addOption(dbOption())
    .addOption(catalogOption())
    .helpOption("-h, --help", "visa hjälp")
    .addHelpText(
      "after",
      `
Exempel:
  $ uppdrag indicators compute --episodes episoder.csv --population befolkning/ --out kub.json
  $ uppdrag indicators publish kub.json --by anna --note "Dnr 4.1-123/2026"

Kuben granskas innan databasen öppnas: ett antal från 1 till tröskeln − 1 som inte är prickat, eller
en prickad cell som kan räknas fram ur tabellens övriga celler, avvisas med fil och cell (slutkod 1),
och ingenting sparas. Samma kub som den senaste publiceringen blir ingen ny version. Webbvyn visar den
senaste publiceringen under Indikatorer och på regionsidorna, äldre med ?version=N.`
    )
    .action(
      perform(async (file: string, options: { by: string; note?: string; db?: string; catalog?: Array<string> }) => {
        const { indicatorsPublish } = await import("./indicators/publish.js")
        return indicatorsPublish(file, options)
      })
    )

  indicators
    .command("publications")
    .description("lista publicerade kuber: version, datum, vem och källfil")
    .addOption(formatOption(["table", "json", "csv"], "table"))
    .addOption(dbOption())
    .addOption(outOption())
    .helpOption("-h, --help", "visa hjälp")
    .addHelpText("after", "\nExempel:\n  $ uppdrag indicators publications\n  $ uppdrag indicators publications --format csv --out publiceringar.csv")
    .action(
      perform(async (options: { format: "table" | "json" | "csv"; db?: string; out?: string }) => {
        const { indicatorsPublications } = await import("./indicators/publish.js")
        return indicatorsPublications(options)
      })
    )

  indicators
    .command("sample")
    .description("skriv SYNTETISKA exempeldata (vårdtillfällen, befolkning, uppföljningsmått) kalibrerade mot seed 001, för demo och prestandamätning")
    .requiredOption("--out <mapp>", "mapp att skriva till (skapas vid behov)")
    .addOption(new Option("--seed <tal>", "slumpfrö; samma frö ger samma filer").default("1"))
    .addOption(new Option("--episodes <antal>", "ungefärligt antal vårdtillfällen (standard den kalibrerade storleken, cirka 300 000)"))
    .helpOption("-h, --help", "visa hjälp")
    .addHelpText(
      "after",
      `
Exempel:
  $ uppdrag indicators sample --out exempel/
  $ uppdrag indicators sample --out stor/ --seed 7 --episodes 10000000

Filerna är syntetiska: patient-id börjar med SYN och LÄSMIG.txt säger att de inte beskriver verkliga
personer. Kalibrering: knappt 12 000 patienter i sluten LPT 2023, hälften kvinnor; ungefär 1 500 i
domstols-LRV, 87 procent män.`
    )
    .action(
      perform(async (options: { out: string; seed: string; episodes?: string }) => {
        const { indicatorsSample } = await import("./indicators/sample.js")
        return indicatorsSample(options)
      })
    )
}
