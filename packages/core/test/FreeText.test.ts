import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as FreeText from "../src/FreeText.js"

describe("FreeText", () => {
  it("keeps a note from the seeds as it is, line breaks and tabs included", () => {
    const note = "Rekvisition 2026-04-15, dnr S2025/01528\n\tBilaga: Gotlands län 8 670 310 kr"
    expect(FreeText.schema.parse(note)).toBe(note)
    expect(FreeText.invalidReason("Överenskommelse – SKR, «bilaga» ✓")).toBeUndefined()
  })

  it("refuses an escape sequence, NUL, carriage return and bidirectional overrides, naming the code point and position", () => {
    expect(FreeText.invalidReason("Rekvisition\u001b[2J")).toBe("innehåller styrtecknet U+001B (tecken 12); bara tabb och radbrytning är tillåtna")
    expect(FreeText.invalidReason("a\u0000b")).toBe("innehåller styrtecknet U+0000 (tecken 2); bara tabb och radbrytning är tillåtna")
    expect(FreeText.invalidReason("rad\r\n")).toMatch(/U\+000D \(tecken 4\)/)
    expect(FreeText.invalidReason("\u202Egnirts")).toMatch(/U\+202E \(tecken 1\)/)
    expect(FreeText.invalidReason("x\u0085")).toMatch(/U\+0085/)
    expect(FreeText.invalidReason("x\u007f")).toMatch(/U\+007F/)
    expect(FreeText.schema.safeParse("ok\u0007").success).toBe(false)
  })

  it("counts positions in characters, not UTF-16 units", () => {
    expect(FreeText.invalidReason("😀\u0007")).toMatch(/\(tecken 2\)/)
  })

  it("a one-line text refuses tab and line feed too", () => {
    expect(FreeText.invalidLineReason("Samråd\nom vård")).toBe("innehåller styrtecknet U+000A (tecken 7); texten ska stå på en rad utan styrtecken")
    expect(FreeText.lineSchema.safeParse("Samråd om vårdkapacitet").success).toBe(true)
    expect(FreeText.lineSchema.safeParse("a\tb").success).toBe(false)
  })

  it("property: a text is refused exactly when it holds a control character other than tab and line feed", () => {
    const controls = [..."\u0000\u0001\u0007\u0008\u000b\u000c\r\u001b\u001f\u007f\u0080\u009b\u009f\u202a\u202e\u2066\u2069\u2028\u2029"]
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.constantFrom(...controls), fc.nat(30), (text, bad, at) => {
        const clean = [...text].filter((c) => FreeText.invalidReason(c) === undefined).join("")
        expect(FreeText.invalidReason(clean)).toBeUndefined()
        const chars = [...clean]
        const position = Math.min(at, chars.length)
        chars.splice(position, 0, bad)
        expect(FreeText.invalidReason(chars.join(""))).toContain(`(tecken ${position + 1})`)
      }),
      { numRuns: 200 }
    )
  })
})
