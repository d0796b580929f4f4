import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Result from "effect/Result"
import { describe, detailOf, ExitCode } from "./Failure.js"
import type { Outcome } from "./Options.js"

/**
 * Runs a command's outcome and renders its failure, if any, on standard
 * error; returns the exit code. Every line has its passwords hidden; with
 * `verbose` the driver's English detail follows the Swedish message. An
 * unexpected failure prints one line naming its log file, never a stack.
 * Loaded only once a command has run, so `uppdrag --help` never loads effect.
 *
 * @example
 * process.exitCode = await settle(outcome, { verbose: false, formOptions: new Set(["--as-of"]) })
 */
export const settle = async (outcome: Outcome, options: { readonly verbose: boolean; readonly formOptions?: ReadonlySet<string> } = { verbose: false }): Promise<number> => {
  const exit = await Effect.runPromiseExit(outcome)
  if (Exit.isSuccess(exit)) return ExitCode.ok
  const found = Cause.findError(exit.cause)
  const error = Result.isSuccess(found) ? found.success : Cause.squash(exit.cause)
  const { lines, exitCode } = describe(error, options.formOptions)
  if (exitCode === ExitCode.unexpected) {
    const { report } = await import("./Unexpected.js")
    process.stderr.write(`${report(error)}\n`)
    return exitCode
  }
  const detail = options.verbose ? detailOf(error) : undefined
  const shown = detail === undefined ? lines : [...lines, `Detalj: ${detail}`]
  const { Redact } = await import("@uppdrag/store")
  process.stderr.write(`${shown.map(Redact.connectionString).join("\n")}\n`)
  return exitCode
}
