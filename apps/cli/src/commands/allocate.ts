import { type Command, Option } from "commander"
import { catalogOption, formatOption, type Perform } from "../terminal/Options.js"

/** `uppdrag allocate`: split a grant over the regions by population, to the krona; a capped, performance-based pot by its conditions. */
export const registerAllocate = (program: Command, perform: Perform): void => {
  program
    .command("allocate")
    .description("fördela ett statsbidrag på regionerna efter befolkning, på kronan (största rest-metoden), eller en prestationsbaserad pott med tak efter villkor")
    .requiredOption("--grant <id|fil>", "statsbidragets id i katalogen, eller en bidragsfil (JSON eller YAML)")
    .requiredOption("--population <fil>", "befolkningsfil: projektets CSV (region,age,population), SCB:s PxWeb-CSV eller JSON-stat 2.0")
    .addOption(formatOption(["table", "csv", "json", "xlsx"], "table"))
    .addOption(new Option("--out <fil>", "skriv till fil i stället för standard ut (krävs för xlsx på en terminal)"))
    .addOption(new Option("--explain <region>", "visa hur regionens belopp räknats fram, komponent för komponent (kod eller namn)"))
    .addOption(new Option("--exclude <koder>", "regioner som inte får del (villkor ej uppfyllda), kommaseparerade SCB-koder, t.ex. 13,21,24"))
    .addOption(new Option("--compare", "jämför med vanlig avrundning av varje regions exakta andel"))
    .addOption(new Option("--conditions <fil>", "prestationsbaserad pott (2012): villkor per region, CSV region,kompetensplan,nyaTeam,tvangsatgarder,redovisning med ja/nej"))
    .addOption(new Option("--partial", "prestationsbaserad pott: en fjärdedel av taket per uppfyllt villkor (utan: hela taket bara när alla fyra är uppfyllda)"))
    .addOption(new Option("--redistribute", "prestationsbaserad pott: fördela det som inte intjänats igen efter befolkning, aldrig över någon regions tak"))
    .addOption(new Option("--verify <fil>", "kontrollera en publicerad tabell (region,name,<komponenter>,total) cell för cell mot omräkningen; slutkod 1 om någon cell avviker"))
    .addOption(new Option("--diff <fil>", "visa varje regions förändring mot en annan fördelning (samma tabellformat), uppdelad på pott och befolkning (PRELIMINÄR)"))
    .addOption(new Option("--scale-to <belopp>", "fördela först beloppet på komponenterna i proportion till deras belopp (största rest), sedan på regionerna (PRELIMINÄR)"))
    .addOption(new Option("--year <år>", "ett år i beslutet, t.ex. ett planerat år (2027): beslutets belopp till regionerna, annars krävs --scale-to (PRELIMINÄR)"))
    .addOption(new Option("--provenance <fil>", "skriv också fördelningens ursprung (befolkningsfilens SHA-256, källa, metod, version) som JSON till filen"))
    .addOption(catalogOption())
    .helpOption("-h, --help", "visa hjälp")
    .addHelpText(
      "after",
      `
Bidragsfil (JSON eller YAML):
  id: kapacitet-2025
  exclude: ["13"]                 # valfritt
  components:
    - { id: kapacitet, amount: 3000000000, basis: "18+", fixedPerRegion: 100000000 }
    - { id: vardmodell, amount: 3000000000, basis: { key: vardmodell-2024.csv } }
    - { id: viktad, amount: 500000000, basis: { age: "18+", weightedBy: vardmodell-2024.csv } }
  basis skrivs "18+", "0+", "0-25" eller { from: 18, to: 64 }; belopp i hela kronor.
  En fördelningsnyckel är en CSV region,weight (en vikt per region, högst 6 decimaler),
  sökvägen räknas från bidragsfilens mapp.

Exempel:
  $ uppdrag allocate --grant specialiserad-psykiatri-2026 --population befolkning-2025-09.csv
  $ uppdrag allocate --grant specialiserad-psykiatri-2026 --population befolkning-2025-09.csv --format csv --out fördelning.csv
  $ uppdrag allocate --grant specialiserad-psykiatri-2026 --population befolkning-2025-09.csv --explain Gotland
  $ uppdrag allocate --grant specialiserad-psykiatri-2026 --population befolkning-2025-09.csv --compare
  $ uppdrag allocate --grant specialiserad-psykiatri-2026 --population befolkning-2025-09.csv --verify bilaga-2026.csv
  $ uppdrag allocate --grant specialiserad-psykiatri-2026 --population befolkning-2026-09.csv --year 2027 --scale-to 1500000000 --diff bilaga-2026.csv
  $ uppdrag allocate --grant specialiserad-psykiatri-2026 --population befolkning-2025-09.csv --format json --provenance ursprung.json
  $ uppdrag allocate --grant eget-bidrag.yaml --population scb-befolkning.csv --exclude 13,21,24 --format xlsx --out fördelning.xlsx
  $ uppdrag allocate --grant heldygnsvard-stimulansmedel-2012 --population befolkning-2011-12-31.csv --conditions villkor-2012.csv
  $ uppdrag allocate --grant heldygnsvard-stimulansmedel-2012 --population befolkning-2011-12-31.csv --conditions villkor-2012.csv --partial --redistribute`
    )
    .action(
      perform(async (options: AllocateOptions) => {
        const { allocate } = await import("./allocate/run.js")
        return allocate(options)
      })
    )
}

/** The options commander hands the implementation. */
export interface AllocateOptions {
  readonly grant: string
  readonly population: string
  readonly format: "table" | "csv" | "json" | "xlsx"
  readonly out?: string
  readonly explain?: string
  readonly exclude?: string
  readonly compare?: boolean
  readonly conditions?: string
  readonly partial?: boolean
  readonly redistribute?: boolean
  readonly verify?: string
  readonly diff?: string
  readonly scaleTo?: string
  readonly year?: string
  readonly provenance?: string
  readonly catalog?: Array<string>
}
