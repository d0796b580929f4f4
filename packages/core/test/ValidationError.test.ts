import { describe, expect, it } from "vitest"
import { formatIssues, formatPath, ValidationError } from "../src/ValidationError.js"

describe("ValidationError", () => {
  it("renders paths the way the messages show them: obligations[2].due", () => {
    expect(formatPath(["obligations", 2, "due"])).toBe("obligations[2].due")
    expect(formatPath([])).toBe("")
    expect(formatPath([0, "id"])).toBe("[0].id")
  })

  it("one line per issue: file:line: path: message", () => {
    expect(
      formatIssues("katalog.yaml", [
        { path: "obligations[2].due", message: "2026-02-30 är inte ett giltigt datum", line: 40 },
        { path: "", message: "filen är inte kodad som UTF-8" },
        { path: "decided", message: "saknas" }
      ])
    ).toEqual(["katalog.yaml:40: obligations[2].due: 2026-02-30 är inte ett giltigt datum", "katalog.yaml: filen är inte kodad som UTF-8", "katalog.yaml: decided: saknas"])
  })

  it("is tagged data whose message is the lines", () => {
    const error = new ValidationError({ source: "a.yaml", issues: [{ path: "due", message: "saknas", line: 3 }] })
    expect(error._tag).toBe("ValidationError")
    expect(error.message).toBe("a.yaml:3: due: saknas")
  })
})
