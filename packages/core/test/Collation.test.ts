import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Collation } from "../src/index.js"

const sv = new Intl.Collator("sv")
const sign = (n: number): number => Math.sign(n)

describe("Collation.swedish", () => {
  it("puts å, ä and ö after z, as a Swedish dictionary does", () => {
    expect(["östra", "zon", "ändring", "åtgärd", "avdelning"].sort(Collation.swedish)).toEqual(["avdelning", "zon", "åtgärd", "ändring", "östra"])
  })

  it("orders ids, codes and dates as Swedish collation does (the path that needs no collator)", () => {
    const plain = fc.string({ unit: fc.constantFrom(..."abcxyz0129-/"), maxLength: 12 })
    fc.assert(
      fc.property(plain, plain, (a, b) => {
        expect(sign(Collation.swedish(a, b))).toBe(sign(sv.compare(a, b)))
      }),
      { numRuns: 2000 }
    )
  })

  it("orders any other text exactly as Swedish collation does", () => {
    const text = fc.string({ unit: fc.constantFrom(..."aAzZåÅäÄöÖéü_-/ .:09"), maxLength: 10 })
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(sign(Collation.swedish(a, b))).toBe(sign(sv.compare(a, b)))
      }),
      { numRuns: 2000 }
    )
  })

  it("sorts catalog ids with a common prefix shortest first", () => {
    expect(["specialiserad-psykiatri-2026", "specialiserad-psykiatri-2026-underlag", "nationella-utvecklingsteam-2024"].sort(Collation.swedish)).toEqual([
      "nationella-utvecklingsteam-2024",
      "specialiserad-psykiatri-2026",
      "specialiserad-psykiatri-2026-underlag"
    ])
  })
})
