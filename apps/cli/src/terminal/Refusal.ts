import { formatIssues, type Issue } from "@uppdrag/core"
import { CliError } from "./CliError.js"

/** Refuses input that failed validation: one `file:line: path: message` line per problem, exit 1. */
export const refuseInvalid = (error: { readonly source: string; readonly issues: ReadonlyArray<Issue> }): never => {
  throw new CliError(formatIssues(error.source, error.issues))
}
