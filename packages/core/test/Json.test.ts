import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Json } from "../src/index.js"

const message = (text: string): string => {
  const result = Json.parse(text, "x.json")
  if (Result.isSuccess(result)) throw new Error("expected a refusal")
  return result.failure.message
}

describe("Json.parse", () => {
  it("parses JSON as JSON.parse does", () => {
    expect(Result.getOrThrow(Json.parse('{"a": [1, "b", null, true]}', "x.json"))).toEqual({ a: [1, "b", null, true] })
  })

  it("says where and why in Swedish, never V8's English", () => {
    expect(message('{\n "a": 1,\n "b": }')).toBe("x.json:3: ogiltig JSON: ett värde saknas före } (kolumn 7)")
    expect(message("[1, 2")).toBe("x.json:1: ogiltig JSON: filen tar slut innan listan stängs med ] (kolumn 6)")
    expect(message('{"a": 1}x')).toBe('x.json:1: ogiltig JSON: text efter JSON-värdet ("x") (kolumn 9)')
    expect(message("")).toBe("x.json: filen är tom")
    expect(Json.syntaxProblem(" ")).toEqual({ line: 1, column: 2, message: "filen innehåller inget JSON-värde" })
    expect(message('{"a" 1}')).toBe('x.json:1: ogiltig JSON: : saknas efter nyckeln, fick "1" (kolumn 6)')
    expect(message('[\n"abc')).toBe("x.json:2: ogiltig JSON: ett citattecken öppnas men stängs aldrig (kolumn 1)")
    expect(message("[1,]")).toBe("x.json:1: ogiltig JSON: kommatecken före ] (ta bort det) (kolumn 4)")
    expect(message('{"a":1,}')).toBe("x.json:1: ogiltig JSON: kommatecken före } (ta bort det) (kolumn 8)")
    expect(message("{'a':1}")).toBe("x.json:1: ogiltig JSON: en nyckel ska stå inom dubbla citattecken, fick \"'\" (kolumn 2)")
    expect(message("[01]")).toBe("x.json:1: ogiltig JSON: ogiltigt tal (kolumn 2)")
    expect(message('["a\\x"]')).toBe("x.json:1: ogiltig JSON: ogiltig escape-sekvens \\x (kolumn 4)")
    expect(message("[1}")).toBe("x.json:1: ogiltig JSON: } stänger inte listan (kolumn 3)")
  })

  it("a nesting too deep for any parser's stack is refused, not a crash", () => {
    const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`
    const result = Json.parse(deep, "x.json")
    // V8 may parse it; if it does not, the refusal is Swedish.
    if (Result.isFailure(result)) expect(result.failure.message).toMatch(/^x\.json: ogiltig JSON/)
  })

  it("the scan agrees with JSON.parse on what is JSON", () => {
    const valid = fc.json()
    fc.assert(fc.property(valid, (text) => Json.syntaxProblem(text) === undefined), { numRuns: 200 })
    const mangled = fc.tuple(fc.json(), fc.nat(), fc.constantFrom("", "{", "}", "[", "]", ",", ":", '"', "x", "\\")).map(([t, at, c]) => {
      const i = at % (t.length + 1)
      return t.slice(0, i) + c + t.slice(i + 1)
    })
    fc.assert(
      fc.property(mangled, (text) => {
        let parses = true
        try {
          JSON.parse(text)
        } catch {
          parses = false
        }
        return parses === (Json.syntaxProblem(text) === undefined)
      }),
      { numRuns: 300 }
    )
  })
})
