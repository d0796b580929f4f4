import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { assertBuilt, cleanUp, expectRefused, refusedUnchanged, type Workspace, workspace } from "./Corpus.js"

// The supported dates (issue 15): 1900-01-01–2199-12-31. A date outside them
// is refused where it comes in, with a Swedish message naming the range, and
// date arithmetic from a date inside them stays inside (a window stops at
// 2199-12-31) instead of ending in a stack trace or a hang.

beforeAll(assertBuilt)
afterAll(cleanUp)

const range = /ligger utanför de datum som stöds \(1900-01-01–2199-12-31\)/

/**
 * The exit code a malformed value of the same option gets: an out-of-range
 * date is refused by the same option rule as a date that does not parse.
 */
const optionCode = (ws: Workspace, args: ReadonlyArray<string>): 1 | 2 => {
  const code = ws.uppdrag(args).code
  expect([1, 2]).toContain(code)
  return code as 1 | 2
}

describe("dates outside 1900–2199 in options: refused like a malformed date, nothing written", { timeout: 120_000 }, () => {
  it("meetings upcoming --from 9999-12-31 (was a RangeError stack trace)", () => {
    const ws = workspace()
    const code = optionCode(ws, ["meetings", "upcoming", "--from", "igår"])
    refusedUnchanged(ws, ["meetings", "upcoming", "--from", "9999-12-31"], code, new RegExp(`--from: 9999-12-31 ${range.source}`))
    refusedUnchanged(ws, ["meetings", "upcoming", "--from", "2026-01-01", "--to", "2200-01-01"], code, new RegExp(`--to: 2200-01-01 ${range.source}`))
  })

  it("start --as-of 9999-12-31 (was a RangeError stack trace), before any database is made", () => {
    const ws = workspace()
    const db = `${ws.dir}/uppdrag.db`
    const code = optionCode(ws, ["start", "--as-of", "2026-02-30", "--no-serve", "--db", db])
    refusedUnchanged(ws, ["start", "--as-of", "9999-12-31", "--no-serve", "--db", db], code, new RegExp(`--as-of: 9999-12-31 ${range.source}`))
  })

  it("deadlines --as-of 0000-01-01 and 1899-12-31", () => {
    const ws = workspace()
    const code = optionCode(ws, ["deadlines", "--as-of", "2026-13-01"])
    refusedUnchanged(ws, ["deadlines", "--as-of", "0000-01-01"], code, new RegExp(`--as-of: 0000-01-01 ${range.source}`))
    refusedUnchanged(ws, ["deadlines", "--as-of", "1899-12-31"], code, new RegExp(`--as-of: 1899-12-31 ${range.source}`))
  })

  it("record payout --date 9999-12-31: no database is created", () => {
    const ws = workspace()
    const args = ["record", "payout", "--grant", "specialiserad-psykiatri-2026", "--region", "03", "--amount", "1", "--db", `${ws.dir}/uppdrag.db`]
    const code = optionCode(ws, [...args, "--date", "2026-02-30"])
    refusedUnchanged(ws, [...args, "--date", "9999-12-31"], code, new RegExp(`--date: 9999-12-31 ${range.source}`))
  })
})

describe("arithmetic at the edge of the range: a correct answer, exit 0", { timeout: 120_000 }, () => {
  it("deadlines --as-of 2199-12-31: every duty is in the past", () => {
    const ws = workspace()
    const run = ws.uppdrag(["deadlines", "--as-of", "2199-12-31", "--format", "json"])
    expect([run.code, run.stderr]).toEqual([0, ""])
    const rows = JSON.parse(run.stdout) as Array<{ daysLeft: number | null }>
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((r) => r.daysLeft === null || r.daysLeft < 0)).toBe(true)
  })

  it("meetings upcoming --from 2199-12-01: the window stops at 2199-12-31, a weekly series at midnight and a daily one expand to the last day", () => {
    const ws = workspace()
    ws.file(
      "serie.yaml",
      `series:
  - id: kant
    title: Möte vid kanten
    recurrence: { kind: regel, rule: "FREQ=WEEKLY;BYDAY=TU", start: 2199-11-05, until: 2199-12-31 }
    time: "00:00"
  - id: kant-heldag
    title: Heldag vid kanten
    recurrence: { kind: regel, rule: "FREQ=DAILY", start: 2199-12-30 }
`
    )
    const run = ws.uppdrag(["meetings", "upcoming", "--from", "2199-12-01", "--series", "serie.yaml", "--format", "json"])
    expect([run.code, run.stderr]).toEqual([0, ""])
    const result = JSON.parse(run.stdout) as { to: string; occurrences: Array<{ series: string; date: string }> }
    expect(result.to).toBe("2199-12-31")
    expect(result.occurrences.filter((o) => o.series === "kant").map((o) => o.date)).toEqual(["2199-12-03", "2199-12-10", "2199-12-17", "2199-12-24", "2199-12-31"])
    expect(result.occurrences.filter((o) => o.series === "kant-heldag").map((o) => o.date)).toEqual(["2199-12-30", "2199-12-31"])
    const ics = ws.uppdrag(["meetings", "upcoming", "--from", "2199-12-01", "--series", "serie.yaml", "--format", "ics"])
    expect(ics.code).toBe(0)
    expect(ics.stdout).toContain("RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=21991231T225959Z")
  })

  it("a catalog duty due on nyårsafton 2199, whose next working day would be in 2200, is refused by its key", () => {
    const ws = workspace()
    ws.file(
      "eget.yaml",
      `id: eget-uppdrag
kind: regeringsuppdrag
title: Eget uppdrag
decided: 2199-01-02
diaryNumbers:
  - S2026/01234
ministry: Socialdepartementet
recipient: Socialstyrelsen
obligations:
  - { id: sista, kind: delredovisning, title: Sista, due: 2199-12-31, responsible: Socialstyrelsen, recipient: Regeringskansliet, source: "Eget beslut." }
`
    )
    // deadlines reads the event log before it evaluates, so its default database may appear; the refusal is what is asserted here.
    expectRefused(ws.uppdrag(["deadlines", "--catalog", "eget.yaml", "--as-of", "2199-12-01"]), 1, /skyldigheter: eget-uppdrag\/sista: förfallodagen 2199-12-31 är ingen vardag och nästa vardag ligger utanför de datum som stöds/)
  })
})

describe("indicators compute --years without a population for them", { timeout: 120_000 }, () => {
  it("--years 2000 with a population folder for 2011–2024: refused naming 2000 (was rates null with exit 0)", () => {
    const ws = workspace()
    const sample = ws.uppdrag(["indicators", "sample", "--out", "exempel", "--episodes", "1000"])
    expect(sample.code).toBe(0)
    refusedUnchanged(
      ws,
      ["indicators", "compute", "--episodes", "exempel/episoder.csv", "--population", "exempel/befolkning", "--years", "2000", "--out", "kub.json"],
      1,
      /exempel\/befolkning: befolkning saknas för 2000 \(31 december 2000\); befolkning finns för 2011, 2012/
    )
  })
})
