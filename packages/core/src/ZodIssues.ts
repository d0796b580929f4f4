import type * as z from "zod"
import { formatPath, type Issue } from "./ValidationError.js"

const typeNames: Record<string, string> = {
  string: "text",
  number: "ett tal",
  boolean: "sant/falskt",
  array: "en lista",
  object: "ett objekt",
  bigint: "ett heltal",
  date: "ett datum"
}

/**
 * Turns zod's issues into Swedish ones carrying their path. Validation
 * happens at the edges (files, arguments, HTTP queries); this is how every
 * edge reports.
 *
 * @example
 * fromZodIssues(result.error.issues) // [{ path: "obligations[2].due", message: "2026-02-30 är inte ett giltigt datum" }]
 * @since 0.2.0
 */
export const fromZodIssues = (issues: ReadonlyArray<z.core.$ZodIssue>): Array<Issue> =>
  issues.flatMap((issue): Array<Issue> => {
    const path = formatPath(issue.path)
    switch (issue.code) {
      case "invalid_type":
        return [{ path, message: issue.input === undefined ? "saknas" : `förväntade ${typeNames[issue.expected] ?? issue.expected}, fick ${JSON.stringify(issue.input)}` }]
      case "unrecognized_keys":
        return issue.keys.map((key) => ({ path: path === "" ? key : `${path}.${key}`, message: "okänt fält" }))
      case "invalid_value":
        return [{ path, message: `måste vara ett av ${issue.values.map((v) => JSON.stringify(v)).join(", ")}` }]
      case "too_small":
        return [{ path, message: issue.origin === "array" ? `minst ${String(issue.minimum)} element krävs` : issue.origin === "string" ? "får inte vara tom" : `måste vara minst ${String(issue.minimum)}` }]
      case "too_big":
        return [{ path, message: `får vara högst ${String(issue.maximum)}` }]
      case "invalid_format":
        return [{ path, message: issue.message }]
      case "invalid_union":
        return [{ path, message: "har fel form" }]
      default:
        return [{ path, message: issue.message }]
    }
  })
