import * as Result from "effect/Result"
import { ValidationError } from "./ValidationError.js"

/**
 * JSON text parsed with its syntax errors in Swedish, at a line and column:
 * `JSON.parse` does the parsing, and when it refuses, a scan of the text
 * (iterative, so no nesting depth can overflow it) finds where and why, in
 * place of V8's English message, which does not always give a position.
 *
 * @example
 * import { Json } from "@uppdrag/core"
 * Json.parse('{"a": 1,\n "b": }', "export.json")
 * // Result.fail: "export.json:2: ogiltig JSON: ett värde saknas före } (kolumn 7)"
 * @since 0.2.0
 */
export interface SyntaxProblem {
  /** 1-based line and column of the offending character (or of the end of the text). */
  readonly line: number
  readonly column: number
  readonly message: string
}

const isSpace = (c: string): boolean => c === " " || c === "\t" || c === "\n" || c === "\r"

const shown = (c: string): string => (c.charCodeAt(0) < 0x20 ? `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}` : JSON.stringify(c))

const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y

/**
 * Where and why `text` is not JSON, or `undefined` when it is.
 *
 * @example
 * Json.syntaxProblem("[1, 2") // { line: 1, column: 6, message: "filen tar slut innan listan stängs med ]" }
 * @since 0.2.0
 */
export const syntaxProblem = (text: string): SyntaxProblem | undefined => {
  let i = 0
  const n = text.length
  // What the scanner expects next: a value, or what follows one inside the innermost container.
  const stack: Array<"[" | "{"> = []
  type State = "value" | "valueOrClose" | "afterValue" | "key" | "keyOrClose" | "colon"
  let state: State = "value"
  const at = (position: number, message: string): SyntaxProblem => {
    let line = 1
    let lineStart = 0
    for (let k = 0; k < position && k < n; k++) {
      if (text[k] === "\n") {
        line++
        lineStart = k + 1
      }
    }
    return { line, column: Math.min(position, n) - lineStart + 1, message }
  }
  const endMessage = (): string => {
    const open = stack[stack.length - 1]
    if (state === "value" && stack.length === 0) return "filen innehåller inget JSON-värde"
    return open === "[" ? "filen tar slut innan listan stängs med ]" : "filen tar slut innan objektet stängs med }"
  }
  const scanString = (): SyntaxProblem | undefined => {
    const start = i
    i++
    for (;;) {
      if (i >= n) return at(start, "ett citattecken öppnas men stängs aldrig")
      const c = text[i]!
      if (c === '"') {
        i++
        return undefined
      }
      if (c === "\\") {
        const e = text[i + 1]
        if (e === undefined) return at(start, "ett citattecken öppnas men stängs aldrig")
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return at(i, "ogiltig \\u-sekvens (fyra hexadecimala siffror krävs)")
          i += 6
          continue
        }
        if (!'"\\/bfnrt'.includes(e)) return at(i, `ogiltig escape-sekvens \\${e}`)
        i += 2
        continue
      }
      if (c.charCodeAt(0) < 0x20) return at(i, c === "\n" ? "ett citattecken öppnas men stängs aldrig på raden" : `styrtecken ${shown(c)} i text (skriv det som \\u-sekvens)`)
      i++
    }
  }
  const closeContainer = (c: string): SyntaxProblem | undefined => {
    const open = stack.pop()
    if ((open === "[" && c !== "]") || (open === "{" && c !== "}")) return at(i, `${c} stänger inte ${open === "[" ? "listan" : "objektet"}`)
    i++
    state = "afterValue"
    return undefined
  }
  while (i < n) {
    const c = text[i]!
    if (isSpace(c)) {
      i++
      continue
    }
    if (stack.length === 0 && state === "afterValue") return at(i, `text efter JSON-värdet (${shown(c)})`)
    switch (state) {
      case "value":
      case "valueOrClose": {
        if (state === "valueOrClose" && c === "]") {
          const problem = closeContainer(c)
          if (problem !== undefined) return problem
          break
        }
        if (c === "{") {
          stack.push("{")
          state = "keyOrClose"
          i++
        } else if (c === "[") {
          stack.push("[")
          state = "valueOrClose"
          i++
        } else if (c === '"') {
          const problem = scanString()
          if (problem !== undefined) return problem
          state = "afterValue"
        } else if (c === "-" || (c >= "0" && c <= "9")) {
          numberPattern.lastIndex = i
          const match = numberPattern.exec(text)
          const end = match === null ? i : i + match[0].length
          const next = text[end]
          if (match === null || (next !== undefined && /[0-9.eE+\-a-zA-Z]/.test(next))) return at(i, "ogiltigt tal")
          i = end
          state = "afterValue"
        } else if (text.startsWith("true", i) || text.startsWith("null", i)) {
          i += 4
          state = "afterValue"
        } else if (text.startsWith("false", i)) {
          i += 5
          state = "afterValue"
        } else if (c === "]" || c === "}") {
          return at(i, `ett värde saknas före ${c}`)
        } else if (c === ",") {
          return at(i, "ett värde saknas före kommatecknet")
        } else {
          return at(i, `oväntat tecken ${shown(c)} där ett värde ska stå (text ska stå inom dubbla citattecken)`)
        }
        break
      }
      case "keyOrClose":
      case "key": {
        if (c === "}" && state === "keyOrClose") {
          const problem = closeContainer(c)
          if (problem !== undefined) return problem
          break
        }
        if (c !== '"') return at(i, c === "}" ? "kommatecken före } (ta bort det)" : `en nyckel ska stå inom dubbla citattecken, fick ${shown(c)}`)
        const problem = scanString()
        if (problem !== undefined) return problem
        state = "colon"
        break
      }
      case "colon": {
        if (c !== ":") return at(i, `: saknas efter nyckeln, fick ${shown(c)}`)
        i++
        state = "value"
        break
      }
      case "afterValue": {
        const open = stack[stack.length - 1]
        if (c === ",") {
          i++
          state = open === "[" ? "value" : "key"
          if (open === "[") {
            // `[1, ]`: say so at the bracket rather than as a missing value.
            let k = i
            while (k < n && isSpace(text[k]!)) k++
            if (text[k] === "]") return at(k, "kommatecken före ] (ta bort det)")
          }
        } else if (c === "]" || c === "}") {
          const problem = closeContainer(c)
          if (problem !== undefined) return problem
        } else {
          return at(i, open === "[" ? `kommatecken eller ] saknas efter ett element, fick ${shown(c)}` : `kommatecken eller } saknas efter ett värde, fick ${shown(c)}`)
        }
        break
      }
    }
  }
  if (stack.length > 0 || state !== "afterValue") return at(n, endMessage())
  return undefined
}

/**
 * Parses JSON text named `source` in messages; a syntax error is one issue
 * with its line, `ogiltig JSON: … (kolumn N)`.
 *
 * @example
 * Json.parse('{"a": 1}', "a.json") // Result.succeed({ a: 1 })
 * @since 0.2.0
 */
export const parse = (text: string, source: string): Result.Result<unknown, ValidationError> => {
  if (text.trim() === "") return Result.fail(new ValidationError({ source, issues: [{ path: "", message: "filen är tom" }] }))
  try {
    return Result.succeed(JSON.parse(text) as unknown)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    const problem = syntaxProblem(text)
    const issue =
      problem === undefined
        ? { path: "", message: "ogiltig JSON (för djupt nästlad)", detail }
        : { path: "", message: `ogiltig JSON: ${problem.message} (kolumn ${problem.column})`, line: problem.line, detail }
    return Result.fail(new ValidationError({ source, issues: [issue] }))
  }
}
