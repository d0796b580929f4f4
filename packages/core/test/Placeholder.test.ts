import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import * as Catalog from "../src/Catalog.js"
import * as Placeholder from "../src/Placeholder.js"
import { formatIssues } from "../src/ValidationError.js"

const drafted = `id: utkast
kind: regeringsuppdrag
title: Uppdrag att kartlägga
decided: "FYLL I: beslutsdatum (ÅÅÅÅ-MM-DD)"
diaryNumbers:
  - "FYLL I: diarienummer (t.ex. S2024/01234)"
ministry: Socialdepartementet
recipient: "FYLL I: mottagande myndighet"
funding:
  - year: 2024
    total: "FYLL I: belopp i kronor"
`

describe("Placeholder", () => {
  it("finds every mark with its path", () => {
    expect(Placeholder.find({ a: [1, Placeholder.make("x")], b: { c: "FYLL I: y" }, d: "fyll i" })).toEqual([
      { path: ["a", 1], what: "x" },
      { path: ["b", "c"], what: "y" }
    ])
  })

  it("catalog validation refuses each mark on its own line with a Swedish message, also where any text would pass", () => {
    const result = Catalog.parseText(new TextEncoder().encode(drafted), "utkast.yaml")
    expect(Result.isFailure(result)).toBe(true)
    if (Result.isFailure(result)) {
      expect(formatIssues(result.failure.source, result.failure.issues)).toEqual([
        "utkast.yaml:4: decided: ej ifyllt (utkast): fyll i beslutsdatum (ÅÅÅÅ-MM-DD)",
        "utkast.yaml:6: diaryNumbers[0]: ej ifyllt (utkast): fyll i diarienummer (t.ex. S2024/01234)",
        "utkast.yaml:8: recipient: ej ifyllt (utkast): fyll i mottagande myndighet",
        "utkast.yaml:11: funding[0].total: ej ifyllt (utkast): fyll i belopp i kronor"
      ])
    }
  })

  it("the same entry filled in validates", () => {
    const filled = drafted
      .replace('"FYLL I: beslutsdatum (ÅÅÅÅ-MM-DD)"', "2024-03-14")
      .replace('"FYLL I: diarienummer (t.ex. S2024/01234)"', "S2024/01234")
      .replace('"FYLL I: mottagande myndighet"', "Socialstyrelsen")
      .replace('"FYLL I: belopp i kronor"', "8000000")
    expect(Result.isSuccess(Catalog.parseText(new TextEncoder().encode(filled), "utkast.yaml"))).toBe(true)
  })
})
