/**
 * A refusal the user can act on: bad input, an unknown assignment, a rule
 * that forbids the operation. Printed as is (Swedish), exit code 1.
 * Usage mistakes (unknown option, missing argument) are commander's, exit 2.
 */
export class CliError extends Error {
  readonly _tag = "CliError"
  constructor(
    readonly lines: ReadonlyArray<string>,
    readonly exitCode: 1 | 2 = 1
  ) {
    super(lines.join("\n"))
  }
}

/** Exit codes of every command. */
export const ExitCode = { ok: 0, refused: 1, usage: 2 } as const
