import { parse } from "csv-parse/sync"
import { describe, expect, it } from "vitest"
import { CsvSyntax } from "../src/index.js"

const thrown = (text: string): unknown => {
  try {
    parse(text, { delimiter: ",", info: true, skip_empty_lines: true, trim: true })
  } catch (error) {
    return error
  }
  throw new Error("expected csv-parse to throw")
}

describe("CsvSyntax", () => {
  it("an unclosed quote is reported at the line it opens, not where csv-parse gave up", () => {
    const rows = Array.from({ length: 49 }, (_, i) => `rad${i + 2},1`)
    const text = ["a,b", ...rows, '"oops,1', "x,2", "y,3", ""].join("\n")
    const issue = CsvSyntax.issue(thrown(text), text, ",")
    expect({ line: issue.line, message: issue.message }).toEqual({ line: 51, message: "ogiltig CSV: ett citattecken öppnas men stängs aldrig" })
    expect(issue.detail).toMatch(/Quote Not Closed/)
  })

  it("other errors keep csv-parse's line with a Swedish message", () => {
    const text = 'a,b\n1,"x"y\n'
    expect(CsvSyntax.issue(thrown(text), text, ",")).toMatchObject({ line: 2, message: 'ogiltig CSV: tecken efter ett avslutande citattecken (skriv citattecken i text som "")' })
  })

  it("a doubled quote inside a quoted field does not close it", () => {
    expect(CsvSyntax.unclosedQuoteLine('a,b\n"x ""y"" z",1\n2,3\n', ",")).toBeUndefined()
    expect(CsvSyntax.unclosedQuoteLine('a;b\n1;"x\n\n2;3\n', ";")).toBe(2)
  })
})
