import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { Party } from "../src/index.js"
import { catalog, context } from "./fixtures.js"

const resolved = (text: string) => Result.getOrThrowWith(Party.resolve(context.parties, text), (e) => new Error(e)).id

describe("party resolution", () => {
  it("seed 003: IVO resolves to ivo (Inspektionen för vård och omsorg)", () => {
    expect(resolved("IVO")).toBe("ivo")
    expect(resolved("Inspektionen för vård och omsorg")).toBe("ivo")
    expect(resolved("  inspektionen  för VÅRD och omsorg ")).toBe("ivo")
  })

  it("seed 003: Polismyndigheten, SKR (also SKL), SOS Alarm AB, the delegation S2025:A", () => {
    expect(["Polismyndigheten", "polisen", "SKR", "SKL", "SOS Alarm AB", "S2025:A"].map(resolved)).toEqual([
      "polismyndigheten",
      "polismyndigheten",
      "skr",
      "skr",
      "sos-alarm",
      "samsjuklighetsdelegationen"
    ])
  })

  it("every party of every catalog assignment resolves by its id, name and each alias", () => {
    for (const a of catalog.assignments) for (const p of a.consult) for (const key of [p.id, p.name, ...p.aliases]) expect(resolved(key)).toBe(p.id)
  })

  it("refuses an unknown party, naming it", () => {
    const result = Party.resolve(context.parties, "Skatteverket")
    expect(Result.isFailure(result) && result.failure).toMatch(/^okänd part "Skatteverket"/)
  })

  it("refuses a name two parties share", () => {
    const dir = Party.directory({
      assignments: [
        { ...catalog.assignments[0]!, consult: [{ id: "a", name: "A", kind: "myndighet", aliases: ["X"] }, { id: "b", name: "B", kind: "myndighet", aliases: ["x"] }] }
      ]
    })
    const result = Party.resolve(dir, "X")
    expect(Result.isFailure(result) && result.failure).toBe('"X" kan betyda flera parter: a, b; ange id')
  })
})
