import { formatIssues } from "@uppdrag/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { Conditions2012 } from "../src/index.js"

const header = "region,kompetensplan,nyaTeam,tvangsatgarder,redovisning"

describe("the 2012 agreement's conditions per county (seed 002)", () => {
  it("seed 002 lists four conditions: competence plan by 1 June 2012, new teams, coercive measures registered, report on funds", () => {
    expect(Conditions2012.conditions.map((c) => c.id)).toEqual(["kompetensplan", "nyaTeam", "tvangsatgarder", "redovisning"])
    expect(Conditions2012.conditions[0]!.text).toContain("senast den 1 juni 2012")
  })

  it("a county gets stimulus funds only when every condition is met", () => {
    const all = { kompetensplan: true, nyaTeam: true, tvangsatgarder: true, redovisning: true }
    const checklists = [
      { region: "09", met: all },
      { region: "01", met: { ...all, nyaTeam: false } },
      { region: "03", met: all }
    ]
    expect(Conditions2012.evaluate(checklists[1]!)).toEqual({ region: "01", missing: ["nyaTeam"], eligible: false })
    expect(Conditions2012.eligibleRegions(checklists)).toEqual(["03", "09"])
  })

  it("reads ja/nej per county; malformed, duplicate and unknown counties are refused", () => {
    expect(Result.getOrThrow(Conditions2012.parseCsv(`${header}\nGotland,ja,ja,JA,nej\n`, "v.csv"))).toEqual([
      { region: "09", met: { kompetensplan: true, nyaTeam: true, tvangsatgarder: true, redovisning: false } }
    ])
    const bad = Conditions2012.parseCsv(`${header}\n09,ja,ja,kanske,nej\n09,ja,ja,ja,ja\nRiket,ja,ja,ja,ja\n`, "v.csv")
    expect(Result.isFailure(bad) && formatIssues(bad.failure.source, bad.failure.issues)).toEqual([
      'v.csv:2: tvangsatgarder: ska vara ja eller nej, fick "kanske"',
      "v.csv:3: region: Gotlands län finns redan på rad 2",
      'v.csv:4: region: okänd region "Riket"'
    ])
    const missing = Conditions2012.parseCsv("region,kompetensplan\n09,ja\n", "v.csv")
    expect(Result.isFailure(missing) && missing.failure.issues.map((i) => i.path)).toEqual(["nyaTeam", "tvangsatgarder", "redovisning"])
  })

  it("an unknown column is refused by name, not ignored (issue 15); CSV errors in Swedish at their line", () => {
    const unknown = Conditions2012.parseCsv(`${header},anteckning\n09,ja,ja,ja,ja,x\n`, "v.csv")
    expect(Result.isFailure(unknown) && formatIssues(unknown.failure.source, unknown.failure.issues)).toEqual([
      "v.csv:1: anteckning: okänd kolumn (rubriken ska vara region,kompetensplan,nyaTeam,tvangsatgarder,redovisning)"
    ])
    const unclosed = Conditions2012.parseCsv(`${header}\n01,ja,ja,ja,ja\n09,"ja,ja,ja,ja\n10,ja,ja,ja,ja\n`, "v.csv")
    expect(Result.isFailure(unclosed) && formatIssues(unclosed.failure.source, unclosed.failure.issues)).toEqual(["v.csv:3: ogiltig CSV: ett citattecken öppnas men stängs aldrig"])
    const empty = Conditions2012.parseCsv("\n", "v.csv")
    expect(Result.isFailure(empty) && empty.failure.message).toBe("v.csv: filen är tom")
  })
})
