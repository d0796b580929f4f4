import { type Command, Option } from "commander"
import { catalogOption, formatOption, type Perform } from "../terminal/Options.js"

/** `uppdrag catalog list|validate|draft`. */
export const registerCatalog = (program: Command, perform: Perform): void => {
  const catalog = program.command("catalog").description("visa och granska katalogen över regeringsbeslut")
  catalog.helpOption("-h, --help", "visa hjälp")

  catalog
    .command("list")
    .description("lista alla beslut i katalogen: diarienummer, beslutsdatum och rubrik")
    .addOption(formatOption(["table", "json"], "table"))
    .addOption(catalogOption())
    .addOption(new Option("--out <fil>", "skriv till fil i stället för standard ut"))
    .helpOption("-h, --help", "visa hjälp")
    .addHelpText("after", "\nExempel:\n  $ uppdrag catalog list\n  $ uppdrag catalog list --format json --catalog mina-uppdrag/")
    .action(
      perform(async (options: { format: "table" | "json"; catalog?: Array<string>; out?: string }) => {
        const { catalogList } = await import("./catalog/list.js")
        return catalogList(options)
      })
    )

  catalog
    .command("validate")
    .description("granska katalogfiler: ett fel per rad med fil, rad och fält; slutkod 1 vid fel")
    .argument("<sökväg...>", "katalogfil eller mapp")
    .helpOption("-h, --help", "visa hjälp")
    .addHelpText("after", "\nExempel:\n  $ uppdrag catalog validate mitt-uppdrag.yaml\n  $ uppdrag catalog validate mina-uppdrag/")
    .action(
      perform(async (paths: Array<string>) => {
        const { catalogValidate } = await import("./catalog/validate.js")
        return catalogValidate(paths)
      })
    )

  catalog
    .command("draft")
    .description("skriv ett utkast till katalogpost ur ett besluts text (.txt) eller PDF: varje uppgift med meningen och raden den kommer från; det som inte kan avgöras märks FYLL I")
    .argument("<beslut>", "beslutet som text (.txt) eller PDF (.pdf)")
    .addOption(new Option("--out <fil>", "skriv utkastet till fil i stället för standard ut"))
    .addOption(new Option("--compare <post>", "jämför utkastet med en befintlig katalogpost (id, diarienummer eller katalogfil) uppgift för uppgift"))
    .addOption(new Option("--all", "visa med --compare även uppgifterna som stämmer"))
    .addOption(catalogOption())
    .helpOption("-h, --help", "visa hjälp")
    .addHelpText(
      "after",
      `
Exempel:
  $ uppdrag catalog draft beslut.pdf --out utkast.yaml
  $ uppdrag catalog validate utkast.yaml          # slutkod 1 tills varje FYLL I är ifyllt
  $ uppdrag catalog draft beslut.txt --compare S2024/01004

Slutkoder: 0 utkast skrivet, 1 texten är inget beslut eller filen kan inte läsas, 2 felaktigt anrop.`
    )
    .action(
      perform(async (file: string, options: { out?: string; compare?: string; all?: boolean; catalog?: Array<string> }) => {
        const { catalogDraft } = await import("./catalog/draft.js")
        return catalogDraft(file, options)
      })
    )
}
