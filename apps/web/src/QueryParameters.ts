import { CalendarDate, fromZodIssues, type Issue } from "@uppdrag/core"
import * as Result from "effect/Result"
import { z } from "zod"

/**
 * The dates a query may name: 1990-01-01 to 2100-12-31. Every deadline,
 * holiday and meeting the site shows lies well inside; a date outside is
 * refused at once (a 400) instead of computing centuries of holidays.
 *
 * @example
 * QueryParameters.dateRange.last // "2100-12-31"
 */
export const dateRange: { readonly first: CalendarDate.CalendarDate; readonly last: CalendarDate.CalendarDate } = { first: CalendarDate.unsafeParse("1990-01-01"), last: CalendarDate.unsafeParse("2100-12-31") }

/**
 * A date parameter (`?datum=ÅÅÅÅ-MM-DD`): a valid calendar date within {@link dateRange}, with a Swedish message otherwise.
 *
 * @example
 * QueryParameters.date.safeParse("9999-12-31").success // false: "9999-12-31 ligger utanför de datum som kan visas (1990-01-01 – 2100-12-31)"
 */
export const date: z.ZodType<CalendarDate.CalendarDate, string> = z.string().superRefine((value, ctx) => {
  const reason = CalendarDate.nonexistentReason(value)
  if (reason !== undefined) {
    ctx.addIssue({ code: "custom", message: reason })
    return
  }
  if (value < dateRange.first || value > dateRange.last) ctx.addIssue({ code: "custom", message: `${value} ligger utanför de datum som kan visas (${dateRange.first} – ${dateRange.last})` })
}) as unknown as z.ZodType<CalendarDate.CalendarDate, string>

/**
 * A query string that did not validate: each problem with the parameter it
 * concerns, in Swedish. Rendered as a 400 page, never a 500.
 *
 * @example
 * new BadQuery({ issues: [{ path: "datum", message: "\"igår\" är inte ett datum på formen ÅÅÅÅ-MM-DD" }] })
 */
export interface BadQuery {
  readonly _tag: "BadQuery"
  readonly issues: ReadonlyArray<Issue>
}

/**
 * Validates a request's query parameters against a strict zod object schema:
 * unknown parameters, repeated parameters and bad values are all refused,
 * each with a Swedish message naming the parameter.
 *
 * @example
 * const query = QueryParameters.parse(new URL("http://x/?datum=2026-11-23"), z.strictObject({ datum: CalendarDate.schema.optional() }))
 */
export const parse = <S extends z.ZodType>(url: URL, schema: S): Result.Result<z.output<S>, BadQuery> => {
  const values: Record<string, string> = {}
  const issues: Array<Issue> = []
  for (const [key, value] of url.searchParams) {
    if (Object.hasOwn(values, key)) {
      if (!issues.some((issue) => issue.path === key)) issues.push({ path: key, message: "parametern får bara anges en gång" })
      continue
    }
    values[key] = value
  }
  if (issues.length > 0) return Result.fail({ _tag: "BadQuery", issues })
  const parsed = schema.safeParse(values)
  if (!parsed.success) return Result.fail({ _tag: "BadQuery", issues: fromZodIssues(parsed.error.issues) })
  return Result.succeed(parsed.data)
}

/**
 * One line per problem: `datum: "2026-13-01" är inte ett giltigt datum`.
 *
 * @example
 * describe({ _tag: "BadQuery", issues: [{ path: "x", message: "okänt fält" }] }) // ["x: okänd parameter"]
 */
export const describe = (bad: BadQuery): Array<string> =>
  bad.issues.map((issue) => {
    const message = issue.message === "okänt fält" ? "okänd parameter" : issue.message
    return issue.path === "" ? message : `${issue.path}: ${message}`
  })

/** The query parameters that hold a date on some page. */
export const dateParameters: ReadonlyArray<string> = ["datum", "fran", "till"]

/**
 * The problems with the date parameters of a URL (`datum`, `fran`, `till`),
 * one Swedish line each, or an empty list: checked before anything is read,
 * so a date outside {@link dateRange} is refused at once.
 *
 * @example
 * QueryParameters.badDates(new URL("http://x/?datum=9999-12-31")) // ["datum: 9999-12-31 ligger utanför de datum som kan visas (1990-01-01 – 2100-12-31)"]
 */
export const badDates = (url: URL): Array<string> =>
  dateParameters.flatMap((key) =>
    url.searchParams.getAll(key).flatMap((value) => {
      const parsed = date.safeParse(value)
      return parsed.success ? [] : parsed.error.issues.map((issue) => `${key}: ${issue.message}`)
    })
  )
