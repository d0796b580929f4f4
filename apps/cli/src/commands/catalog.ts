import { type Command, Option } from "commander"
import { catalogOption, formatOption, type Perform } from "../terminal/Options.js"

/** `uppdrag catalog list|validate`. */
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
}
