import { type Command, Option } from "commander"
import { catalogOption } from "../program.js"

/** `uppdrag start`: the README's main job. */
export const registerStart = (program: Command): void => {
  program
    .command("start")
    .description("översikt: kommande tidsfrister för alla uppdrag i katalogen")
    .addOption(catalogOption())
    .addOption(new Option("--as-of <datum>", "visa läget per detta datum (ÅÅÅÅ-MM-DD), standard i dag"))
    .helpOption("-h, --help", "visa hjälp")
    .addHelpText("after", "\nExempel:\n  $ uppdrag start\n  $ uppdrag start --as-of 2026-11-23")
    .action(async (options: { catalog?: Array<string>; asOf?: string }) => {
      const { start } = await import("./start/overview.js")
      await start(options)
    })
}
