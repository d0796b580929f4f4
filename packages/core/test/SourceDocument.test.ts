import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { SourceDocument } from "../src/index.js"

const enc = (text: string): Uint8Array => new TextEncoder().encode(text)
const message = (text: string): string => {
  const result = SourceDocument.parse(enc(text), "m.yaml")
  if (Result.isSuccess(result)) throw new Error("expected a refusal")
  return result.failure.message
}

describe("SourceDocument: hostile YAML refused by construction (issue 15)", () => {
  it("an alias to an anchor that does not exist", () => {
    expect(message("id: a\ntitle: *nothere\n")).toBe("m.yaml:2: ogiltig YAML: alias *nothere pekar på ett ankare som inte finns (kolumn 8)")
  })

  it("an alias bomb is refused at its first alias, nothing expanded", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for (let i = 1; i < 10; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(", ")}]`)
    const lines = message(`${levels.join("\n")}\n`).split("\n")
    expect(lines[0]).toBe("m.yaml:2: ogiltig YAML: alias *a är inte tillåtet; skriv ut värdet i stället (kolumn 8)")
    expect(lines.length).toBeLessThanOrEqual(10)
  })

  it("a plain document still parses, with lines", () => {
    const doc = Result.getOrThrow(SourceDocument.parse(enc("id: a\nlist:\n  - 1\n"), "m.yaml"))
    expect([doc.value, doc.lineOf(["list", 0])]).toEqual([{ id: "a", list: [1] }, 3])
  })
})
