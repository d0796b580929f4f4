import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { assertBuilt, cleanUp, refusedUnchanged, type Workspace, workspace } from "./Corpus.js"

// Impossible facts (issue 15): every path that records a fact gets the
// domain's time and consistency rules. Each case is refused with exit 1, a
// Swedish message naming the dates, and leaves the database and every other
// file as they were. Facts are dated in the past of the real clock (November
// 2026 or before), so that the cases hold on any later day too.

const GRANT = "specialiserad-psykiatri-2026"

beforeAll(assertBuilt)
afterAll(cleanUp)

/** A workspace whose database holds Uppsala's requisition (2026-04-15) and a payout (2026-06-15) of half of it. */
const withMoney = (): { ws: Workspace; db: string; base: ReadonlyArray<string> } => {
  const ws = workspace()
  const db = `${ws.dir}/uppdrag.db`
  const base = ["--grant", GRANT, "--region", "03", "--db", db]
  for (const [kind, amount, date] of [
    ["requisition", "58203923", "2026-04-15"],
    ["payout", "29000000", "2026-06-15"]
  ] as const) {
    const run = ws.uppdrag(["record", kind, ...base, "--amount", amount, "--date", date])
    if (run.code !== 0) throw new Error(run.stderr)
  }
  return { ws, db, base }
}

describe("business dates within a grant (record, exit 1, database unchanged)", { timeout: 120_000 }, () => {
  it("a payout dated before its requisition", () => {
    const { ws, base } = withMoney()
    refusedUnchanged(ws, ["record", "payout", ...base, "--amount", "1000", "--date", "2026-03-01"], 1, /utbetalningen 2026-03-01 \(posten 3\) är daterad före rekvisitionen 2026-04-15 \(posten 1\)/)
  })

  it("a reported use dated 2099 (after today) and one dated before the payout", () => {
    const { ws, base } = withMoney()
    refusedUnchanged(ws, ["record", "use", ...base, "--amount", "1000", "--date", "2099-01-01"], 1, /den redovisade användningen \(posten 3\) är daterad 2099-01-01, efter dagens datum \d{4}-\d\d-\d\d/)
    refusedUnchanged(ws, ["record", "use", ...base, "--amount", "1000", "--date", "2026-06-14"], 1, /före utbetalningen 2026-06-15 \(posten 2\)/)
  })

  it("a repayment dated before the use report that says what is to be repaid", () => {
    const { ws, base } = withMoney()
    expect(ws.uppdrag(["record", "use", ...base, "--amount", "28000000", "--date", "2026-11-02"]).code).toBe(0)
    refusedUnchanged(ws, ["record", "repayment", ...base, "--amount", "1000", "--date", "2026-11-01"], 1, /återbetalningen 2026-11-01 \(posten 4\) är daterad före den redovisade användningen 2026-11-02 \(posten 3\)/)
  })

  it("a reversal dated before the event it reverses", () => {
    const { ws, db } = withMoney()
    refusedUnchanged(ws, ["record", "reversal", "--event", "2", "--date", "2026-06-01", "--note", "fel belopp", "--db", db], 1, /återföringen 2026-06-01 \(posten 3\) är daterad före utbetalningen 2026-06-15 \(posten 2\) som den återför/)
  })

  it("a batch file with one impossible row writes none of its rows", () => {
    const { ws, db } = withMoney()
    ws.file("rader.csv", `grant,region,amount,date,note\n${GRANT},03,1000,2026-07-01,ok\n${GRANT},03,1000,2026-03-01,före rekvisitionen\n`)
    refusedUnchanged(ws, ["record", "payout", "--file", "rader.csv", "--db", db], 1, /rader\.csv:3: avvisad: utbetalningen 2026-03-01 \(posten 4\) är daterad före rekvisitionen 2026-04-15/)
  })
})

describe("reports not before their decision nor after today", { timeout: 120_000 }, () => {
  it("a report dated before the decision of 2026-01-22, and one dated 2099", () => {
    const { ws, db } = withMoney()
    const report = (date: string) => ["record", "report", "--assignment", GRANT, "--obligation", "delredovisning-2027-05-30", "--date", date, "--db", db]
    refusedUnchanged(ws, report("2026-01-21"), 1, /redovisningen delredovisning-2027-05-30 är daterad 2026-01-21, före beslutet i specialiserad-psykiatri-2026 \(2026-01-22\)/)
    refusedUnchanged(ws, report("2099-05-28"), 1, /redovisningen delredovisning-2027-05-30 är daterad 2099-05-28, efter dagens datum/)
  })
})

describe("free text: control characters refused, never stored", { timeout: 120_000 }, () => {
  it("an escape sequence in --note", () => {
    const { ws, base } = withMoney()
    refusedUnchanged(ws, ["record", "payout", ...base, "--amount", "1000", "--date", "2026-07-01", "--note", "rensa skärmen \u001b[2J"], 1, /note: innehåller styrtecknet U\+001B/)
  })

  it("a bell character in the note of a batch file, with its row", () => {
    const { ws, db } = withMoney()
    ws.file("rader.csv", `grant,region,amount,date,note\n${GRANT},03,1000,2026-07-01,a\u0007b\n`)
    refusedUnchanged(ws, ["record", "payout", "--file", "rader.csv", "--db", db], 1, /styrtecknet U\+0007/)
  })

  it("a NUL in a batch file: the file is binary, refused at its line before any row is read", () => {
    const { ws, db } = withMoney()
    ws.file("rader.csv", `grant,region,amount,date,note\n${GRANT},03,1000,2026-07-01,a\u0000b\n`)
    refusedUnchanged(ws, ["record", "payout", "--file", "rader.csv", "--db", db], 1, /rader\.csv:2: filen innehåller binär data, inte text/)
  })
})

const agreement = `kind: overenskommelse
id: overenskommelse-2026-skane
grant: ${GRANT}
region: Region Skåne
signed: 2026-06-15
activities:
  - { title: Fler vårdplatser i vuxenpsykiatrin, component: vardkapacitet }
expectedResults: [12 nya vårdplatser]
expectedEffects: [Kortare väntan på inläggning]
followUpMeasures:
  - { title: Antal vårdplatser per 100 000 invånare }
`

describe("meetings records: agreements, follow-ups and ties (meetings record, exit 1)", { timeout: 120_000 }, () => {
  it("an agreement signed in 1990 for the 2026 grant", () => {
    const ws = workspace()
    ws.file("overenskommelse.yaml", agreement.replace("signed: 2026-06-15", "signed: 1990-06-15"))
    refusedUnchanged(ws, ["meetings", "record", "overenskommelse.yaml", "--db", "uppdrag.db", "--by", "testare"], 1, /overenskommelse\.yaml:5: signed: undertecknad 1990-06-15, före beslutet om specialiserad-psykiatri-2026 \(2026-01-22\)/)
  })

  it("a follow-up dated before the agreement was signed", () => {
    const ws = workspace()
    ws.file("overenskommelse.yaml", `${agreement}followUps:\n  - { year: 2026, date: 2026-06-01, summary: för tidigt }\n`)
    refusedUnchanged(ws, ["meetings", "record", "overenskommelse.yaml", "--db", "uppdrag.db", "--by", "testare"], 1, /followUps\[0\]\.date: uppföljningen 2026-06-01 är före överenskommelsen undertecknades \(2026-06-15\)/)
  })

  it("a meeting tied to one assignment and to a series of another", () => {
    const ws = workspace()
    ws.file("mote.yaml", "id: m1\ntitle: Digitalt möte\ndate: 2026-04-14\nseries: digitala-moten-heldygnsvard\nassignment: S2025/01528\nparticipants: [SKR]\n")
    refusedUnchanged(ws, ["meetings", "record", "mote.yaml", "--db", "uppdrag.db", "--by", "testare"], 1, /mote\.yaml:4: series: mötesserien digitala-moten-heldygnsvard hör till uppdraget \S+, inte specialiserad-psykiatri-2026/)
  })

  it("an escape sequence in a meeting's notes", () => {
    const ws = workspace()
    ws.file("mote.yaml", 'id: m1\ntitle: Möte\ndate: 2026-11-20\nassignment: S2025/01528\nparticipants: [SKR]\nnotes: "rad \\u001b[31m röd"\n')
    refusedUnchanged(ws, ["meetings", "record", "mote.yaml", "--db", "uppdrag.db", "--by", "testare"], 1, /mote\.yaml:6: notes: innehåller styrtecknet U\+001B/)
  })
})

const catalogEntry = (due: string) => `id: eget-uppdrag
kind: regeringsuppdrag
title: Eget uppdrag om uppföljning
decided: 2026-02-02
diaryNumbers:
  - S2026/01234
ministry: Socialdepartementet
recipient: Socialstyrelsen
obligations:
  - id: delredovisning
    kind: delredovisning
    title: Delredovisning
    due: ${due}
    responsible: Socialstyrelsen
    recipient: Regeringskansliet (Socialdepartementet)
    source: "Eget beslut."
`

describe("catalog: obligations within the dates and after their decision (catalog validate, deadlines --catalog)", { timeout: 120_000 }, () => {
  it("an obligation due before the decision date", () => {
    const ws = workspace()
    ws.file("eget.yaml", catalogEntry("2026-02-01"))
    refusedUnchanged(ws, ["catalog", "validate", "eget.yaml"], 1, /eget\.yaml:13: obligations\[0\]\.due: 2026-02-01 är före beslutsdatumet 2026-02-02/)
    refusedUnchanged(ws, ["deadlines", "--catalog", "eget.yaml", "--as-of", "2026-11-23"], 1, /obligations\[0\]\.due: 2026-02-01 är före beslutsdatumet 2026-02-02/)
  })

  it("due: 0000-01-01", () => {
    const ws = workspace()
    ws.file("eget.yaml", catalogEntry("0000-01-01"))
    refusedUnchanged(ws, ["catalog", "validate", "eget.yaml"], 1, /obligations\[0\]\.due: 0000-01-01 ligger utanför de datum som stöds \(1900-01-01–2199-12-31\)/)
  })
})
