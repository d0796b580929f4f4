import * as Data from "effect/Data"

/**
 * One problem found while validating input: where it is and what is wrong,
 * in Swedish because analysts read it.
 *
 * @example
 * const issue: Issue = { path: "obligations[2].due", message: "2026-02-30 är inte ett giltigt datum" }
 * @since 0.2.0
 */
export interface Issue {
  /** Dotted path into the input, e.g. `obligations[2].due`; empty for the whole value. */
  readonly path: string
  readonly message: string
  /** 1-based line in the source file, when known. */
  readonly line?: number
  /**
   * The library's own words behind the message (an errno such as
   * `ENOENT: no such file or directory, open 'x.csv'`), in English: shown
   * only under `--verbose`, never in the message itself.
   */
  readonly detail?: string
}

/**
 * Input that did not validate: every problem, each with its path.
 *
 * @example
 * new ValidationError({ source: "katalog.yaml", issues: [{ path: "decided", message: "saknas" }] })
 * @since 0.2.0
 */
export class ValidationError extends Data.TaggedError("ValidationError")<{
  /** The file or argument the input came from, e.g. `katalog/egen.yaml` or `--as-of`. */
  readonly source: string
  readonly issues: ReadonlyArray<Issue>
}> {
  override get message(): string {
    return formatIssues(this.source, this.issues).join("\n")
  }
}

/**
 * One line per issue, `file:line: path: message`, the form editors and CI logs link.
 *
 * @example
 * formatIssues("a.yaml", [{ path: "due", message: "saknas", line: 3 }]) // ["a.yaml:3: due: saknas"]
 * @since 0.2.0
 */
export const formatIssues = (source: string, issues: ReadonlyArray<Issue>): Array<string> =>
  issues.map((issue) => {
    const where = issue.line === undefined ? source : `${source}:${issue.line}`
    return issue.path === "" ? `${where}: ${issue.message}` : `${where}: ${issue.path}: ${issue.message}`
  })

/**
 * Renders a property path the way the messages show it: `obligations[2].due`.
 *
 * @example
 * formatPath(["obligations", 2, "due"]) // "obligations[2].due"
 * @since 0.2.0
 */
export const formatPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>((acc, key) => {
    if (typeof key === "number") return `${acc}[${key}]`
    const name = String(key)
    return acc === "" ? name : `${acc}.${name}`
  }, "")
