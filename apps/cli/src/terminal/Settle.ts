import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Result from "effect/Result"
import { describe, ExitCode } from "./Failure.js"
import type { Outcome } from "./Options.js"

/**
 * Runs a command's outcome and renders its failure, if any, on standard
 * error; returns the exit code. Loaded only once a command has run, so
 * `uppdrag --help` never loads effect.
 *
 * @example
 * process.exitCode = await settle(outcome)
 */
export const settle = async (outcome: Outcome): Promise<number> => {
  const exit = await Effect.runPromiseExit(outcome)
  if (Exit.isSuccess(exit)) return ExitCode.ok
  const found = Cause.findError(exit.cause)
  const { lines, exitCode } = describe(Result.isSuccess(found) ? found.success : Cause.squash(exit.cause))
  process.stderr.write(`${lines.join("\n")}\n`)
  return exitCode
}
