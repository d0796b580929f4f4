import type { Assignment } from "@uppdrag/core"
import { describe, expect, it } from "vitest"
import * as Completion from "../src/Completion.js"
import { bySeed, catalog, date, evaluate } from "./fixtures.js"

// Seed 002: the 2012 agreement with SKL, "Projektet ska slutredovisas till Regeringskansliet (Socialdepartementet) senast den 1 juni 2013."
const agreement2012 = bySeed("002")
// Seed 000 (S2024/01004): "uppdraget ... (S2019/01522) ska upphöra."
const s2024 = bySeed("000")
const s2019: Assignment.Assignment = { ...agreement2012, id: "bup-heldygnsvard-2019", kind: "regeringsuppdrag", decided: date("2019-03-01"), diaryNumbers: ["S2019/01522"], obligations: [], ends: [] }
const finalReport = { assignment: "heldygnsvard-2012", obligation: "slutredovisning-2013-06-01", submittedOn: date("2013-06-01") }
const asOf = date("2026-11-23")

describe("Completion.ending", () => {
  it("seed 002: the 2012 agreement ends when its final report of 2013-06-01 is recorded as submitted", () => {
    expect(Completion.ending(agreement2012, { assignments: catalog.assignments, submissions: [finalReport], asOf })).toEqual({
      _tag: "FinalReportSubmitted",
      on: "2013-06-01",
      obligations: ["slutredovisning-2013-06-01"]
    })
    expect(Completion.describe(Completion.ending(agreement2012, { assignments: catalog.assignments, submissions: [finalReport], asOf })!)).toBe("avslutat 2013-06-01, slutredovisningen är inlämnad")
  })

  it("without a recorded final report, or before it was handed in, it runs", () => {
    expect(Completion.ending(agreement2012, { assignments: catalog.assignments, submissions: [], asOf })).toBeNull()
    expect(Completion.ending(agreement2012, { assignments: catalog.assignments, submissions: [finalReport], asOf: date("2013-05-31") })).toBeNull()
    // An interim report does not end it.
    expect(Completion.ending(agreement2012, { assignments: catalog.assignments, submissions: [{ ...finalReport, obligation: "delrapport-2012-11-30" }], asOf })).toBeNull()
  })

  it("seed 000: a later decision whose `ends` names the assignment's diary number ends it on that decision's date", () => {
    const ended = Completion.ending(s2019, { assignments: [...catalog.assignments, s2019], submissions: [], asOf })
    expect(ended).toEqual({ _tag: "EndedByDecision", on: s2024.decided, by: s2024.id, byDiaryNumber: "S2024/01004", diaryNumber: "S2019/01522" })
    expect(Completion.describe(ended!)).toBe(`avslutat ${s2024.decided} genom beslut S2024/01004`)
    // Not before the later decision was taken.
    expect(Completion.ending(s2019, { assignments: [...catalog.assignments, s2019], submissions: [], asOf: date("2023-12-31") })).toBeNull()
  })

  it("the running assignments of the built-in catalog have not ended as of 2026-11-23", () => {
    expect([...Completion.endings({ assignments: catalog.assignments, submissions: [], asOf }).keys()]).toEqual([])
  })

  it("an ended assignment's unreported duties are left over; its reported ones and other assignments' are not", () => {
    const ended = Completion.endings({ assignments: catalog.assignments, submissions: [finalReport], asOf })
    const deadlines = evaluate("2026-11-23", { submissions: [finalReport] })
    const leftOver = deadlines.filter((d) => Completion.isLeftOver(d, ended))
    expect(leftOver.map((d) => d.obligation.id).sort()).toEqual(agreement2012.obligations.map((o) => o.id).filter((id) => id !== "slutredovisning-2013-06-01").sort())
    expect(leftOver.every((d) => d.status === "forsenad")).toBe(true)
  })
})
