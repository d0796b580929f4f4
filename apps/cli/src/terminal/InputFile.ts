import { readFileSync } from "node:fs"
import { CliError } from "./CliError.js"

/** The bytes of an input file the user named, or a refusal naming it (exit 1). */
export const readInputFile = (file: string): Buffer => {
  try {
    return readFileSync(file)
  } catch {
    throw new CliError([`${file}: filen kan inte läsas`])
  }
}
