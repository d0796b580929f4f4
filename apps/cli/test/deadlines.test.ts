import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"

// The built CLI, run as a user runs it: `node apps/cli/dist/bin.cjs …`.
const bin = fileURLToPath(new URL("../dist/bin.cjs", import.meta.url))
const dir = mkdtempSync(join(tmpdir(), "uppdrag-cli-deadlines-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// Each run reads its own SQLite file in the temporary folder, never a DATABASE_URL the environment may carry.
const { DATABASE_URL: _url, UPPDRAG_DB: _db, ...environment } = process.env
const database = join(dir, "uppdrag.db")
const uppdrag = (...args: Array<string>) => {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8", env: { ...environment, NO_COLOR: "1", UPPDRAG_DB: database } })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

// Every field of the application's DeadlineList.columns, in its order: the same in json and csv (issue 11).
interface Row {
  due: string | null
  daysLeft: number | null
  workingDaysLeft: number | null
  status: string
  kind: string
  title: string
  assignment: string | null
  assignmentId: string | null
  id: string
  recipient: string
  responsible: string
  dueSetBy: string | null
  nonWorkingDay: string | null
  nextWorkingDay: string | null
  citeDiaryNumber: boolean
  contents: string
  key: string
}
const fields = ["due", "daysLeft", "workingDaysLeft", "status", "kind", "title", "assignment", "assignmentId", "id", "recipient", "responsible", "dueSetBy", "nonWorkingDay", "nextWorkingDay", "citeDiaryNumber", "contents", "key"]

const json = (...args: Array<string>): Array<Row> => {
  const run = uppdrag("deadlines", "--format", "json", ...args)
  expect(run.stderr).toBe("")
  expect(run.code).toBe(0)
  return JSON.parse(run.stdout) as Array<Row>
}

// A user catalog whose one report falls on midsommarafton 2027.
const userCatalog = join(dir, "eget.yaml")
writeFileSync(
  userCatalog,
  `id: eget-uppdrag
kind: regeringsuppdrag
title: Eget uppdrag om uppföljning
decided: 2026-02-02
diaryNumbers: [S2026/01234]
ministry: Socialdepartementet
recipient: Socialstyrelsen
obligations:
  - id: redovisning-2027-06-25
    kind: delredovisning
    title: Redovisning av uppföljningen
    due: 2027-06-25
    responsible: Socialstyrelsen
    recipient: Regeringskansliet (Socialdepartementet)
    citeDiaryNumber: true
    contents: [En uppföljning]
    source: "Socialstyrelsen ska senast den 25 juni 2027 redovisa uppdraget."
`
)

let asOf20261123: Array<Row> | undefined
/** `uppdrag deadlines --as-of 2026-11-23 --format json`, run once for the tests that read it. */
const rowsAsOf20261123 = (): Array<Row> => {
  asOf20261123 ??= json("--as-of", "2026-11-23")
  return asOf20261123
}

describe("uppdrag deadlines: acceptance facts from the seeds", () => {
  const rows = rowsAsOf20261123()
  it("seed 000, 'senast den 30 november 2026 lämna en delredovisning': as of 2026-11-23 snart with 7 days left", () => {
    const row = rows.find((r) => r.assignment === "S2024/01004" && r.due === "2026-11-30")
    expect(row).toMatchObject({ kind: "delredovisning", status: "snart", daysLeft: 7, workingDaysLeft: 5, recipient: "Regeringskansliet (Socialdepartementet)", nonWorkingDay: null, nextWorkingDay: null })
  })
  it("seed 003, 'senast den 30 maj 2027': flagged söndag, next working day 2027-05-31", () => {
    expect(rows.find((r) => r.assignment === "S2025/01528" && r.due === "2027-05-30")).toMatchObject({ kind: "delredovisning", nonWorkingDay: "söndag", nextWorkingDay: "2027-05-31", status: "kommande" })
  })
  it("seed 002, 'återbetalas till Kammarkollegiet … senast den 1 april 2013': flagged annandag påsk", () => {
    const row = json("--as-of", "2013-03-01", "--kind", "aterbetalning", "--recipient", "Kammarkollegiet").find((r) => r.due === "2013-04-01")
    expect(row).toMatchObject({ status: "kommande", daysLeft: 31, nonWorkingDay: "annandag påsk", nextWorkingDay: "2013-04-02" })
  })
  it("seed 003, 'senast det datum som Socialstyrelsen bestämmer': listed last, not yet set", () => {
    expect(rows.at(-1)).toMatchObject({ assignment: "S2025/01528", due: null, status: "datum-ej-satt", daysLeft: null, workingDaysLeft: null })
  })
  it("each row has exactly the documented fields, soonest first", () => {
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(fields)
      // The id `uppdrag record report --obligation` takes is in every row.
      expect(row.id).not.toBe("")
    }
    const dated = rows.map((r) => r.due).filter((d) => d !== null)
    expect(dated).toEqual([...dated].sort())
  })
})

describe("uppdrag deadlines: filters and formats", () => {
  it("--assignment and --kind: the 2026 grant's interim reports", () => {
    expect(json("--as-of", "2026-11-23", "--assignment", "S2025/01528", "--kind", "delredovisning").map((r) => r.due)).toEqual(["2026-03-30", "2027-05-30", "2028-05-30"])
  })
  it("--within 5 makes the 7-day report kommande", () => {
    expect(json("--as-of", "2026-11-23", "--within", "5", "--assignment", "S2024/01004").find((r) => r.due === "2026-11-30")?.status).toBe("kommande")
  })
  it("--from/--to bound the due dates", () => {
    expect(json("--as-of", "2026-11-23", "--from", "2027-01-01", "--to", "2027-12-31").map((r) => r.due)).toEqual(["2027-03-31", "2027-05-30", "2027-11-30"])
  })
  it("--catalog: a user's report due on midsommarafton 2027 is flagged, with next working day 2027-06-28", () => {
    const row = json("--as-of", "2027-06-01", "--catalog", userCatalog, "--assignment", "S2026/01234")
    expect(row).toEqual([
      {
        due: "2027-06-25",
        daysLeft: 24,
        workingDaysLeft: 17,
        status: "snart",
        kind: "delredovisning",
        title: "Redovisning av uppföljningen",
        assignment: "S2026/01234",
        assignmentId: "eget-uppdrag",
        id: "redovisning-2027-06-25",
        recipient: "Regeringskansliet (Socialdepartementet)",
        responsible: "Socialstyrelsen",
        dueSetBy: null,
        nonWorkingDay: "midsommarafton",
        nextWorkingDay: "2027-06-28",
        citeDiaryNumber: true,
        contents: "En uppföljning",
        key: "eget-uppdrag/redovisning-2027-06-25"
      }
    ])
  })
  it("table: the 2027-05-30 report shows 'söndag, nästa vardag 2027-05-31'", () => {
    const run = uppdrag("deadlines", "--as-of", "2026-11-23", "--assignment", "S2025/01528")
    expect(run.code).toBe(0)
    expect(run.stdout).toContain("Tidsfrister per 2026-11-23")
    expect(run.stdout).toMatch(/2027-05-30 +188 +126 +kommande +delredovisning +S2025\/01528 .*söndag, nästa vardag 2027-05-31/)
    // The id to record a report under (`uppdrag record report --obligation`) is in the table.
    expect(run.stdout).toMatch(/2027-05-30 +188 +126 +kommande +delredovisning +S2025\/01528 +delredovisning-2027-05-30 /)
  })
  it("table: the latest reminder stage reached is noted, with configurable stages", () => {
    const standard = uppdrag("deadlines", "--as-of", "2026-11-23", "--assignment", "S2024/01004", "--from", "2026-11-30", "--to", "2026-11-30")
    expect(standard.stdout).toMatch(/2026-11-30 .*påmind 2026-11-16 \(14 dagar före\)/)
    const weekly = uppdrag("deadlines", "--as-of", "2026-11-23", "--assignment", "S2024/01004", "--from", "2026-11-30", "--to", "2026-11-30", "--reminders", "7")
    expect(weekly.stdout).toMatch(/2026-11-30 .*påmind 2026-11-23 \(7 dagar före\)/)
  })
  it("csv: a header and one row per duty", () => {
    const run = uppdrag("deadlines", "--as-of", "2026-11-23", "--assignment", "S2024/01004", "--kind", "slutredovisning", "--format", "csv")
    const [header, row, ...rest] = run.stdout.trimEnd().split("\n")
    expect(header).toBe(fields.join(","))
    expect(row).toMatch(/^2027-11-30,372,257,kommande,slutredovisning,Slutredovisning,S2024\/01004,tvangsvard-2024,slutredovisning-2027-11-30,Regeringskansliet \(Socialdepartementet\),Socialstyrelsen,,,,ja,".*",tvangsvard-2024\/slutredovisning-2027-11-30$/)
    expect(rest).toEqual([])
  })
  it("ics to --out: one event per dated duty, three alarms each, UIDs the same on a second run", () => {
    const out = join(dir, "frister.ics")
    expect(uppdrag("deadlines", "--as-of", "2026-11-23", "--format", "ics", "--out", out).code).toBe(0)
    const first = readFileSync(out, "utf8")
    expect(first.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true)
    const dated = rowsAsOf20261123().filter((r) => r.due !== null).length
    expect(first.match(/BEGIN:VEVENT/g)).toHaveLength(dated)
    expect(first.match(/BEGIN:VALARM/g)).toHaveLength(dated * 3)
    expect(first).toContain("DTSTART;VALUE=DATE:20270530")
    const uids = (text: string) => [...text.matchAll(/^UID:(.*)$/gm)].map((m) => m[1]).sort()
    const second = uppdrag("deadlines", "--as-of", "2027-01-15", "--format", "ics", "--all").stdout
    expect(uids(second)).toEqual(uids(first))
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([])
  })
  it("--reminders 7 gives one alarm per event", () => {
    const run = uppdrag("deadlines", "--as-of", "2026-11-23", "--assignment", "S2024/01004", "--format", "ics", "--reminders", "7")
    expect(run.stdout.match(/BEGIN:VALARM/g)?.length).toBe(run.stdout.match(/BEGIN:VEVENT/g)?.length)
  })
})

describe("uppdrag deadlines --per-month: the workload", () => {
  it("seeds 000 and 004: March 2025 holds five duties (two repayments, two financial reports, one report), empty months kept", () => {
    const months = json("--as-of", "2026-11-23", "--per-month", "--all", "--from", "2024-11-01", "--to", "2025-03-31") as unknown as Array<{ month: string; total: number; byKind: Record<string, number>; byAssignment: Record<string, number> }>
    expect(months.map((m) => [m.month, m.total])).toEqual([
      ["2024-11", 1],
      ["2024-12", 2],
      ["2025-01", 0],
      ["2025-02", 0],
      ["2025-03", 5]
    ])
    expect(months.at(-1)).toMatchObject({ byKind: { aterbetalning: 2, "ekonomisk-redovisning": 2, slutredovisning: 1 }, byAssignment: { "S2024/01004": 2, "S2024/01463": 3 } })
    const csv = uppdrag("deadlines", "--as-of", "2026-11-23", "--per-month", "--all", "--from", "2025-03-01", "--to", "2025-03-31", "--format", "csv", "--db", database)
    expect(csv.stdout).toBe("month,total,delredovisning,slutredovisning,ekonomisk-redovisning,rekvisition,utbetalning,aterbetalning,utvardering,ovrigt\n2025-03,5,0,1,2,0,0,2,0,0\n")
    expect(uppdrag("deadlines", "--per-month", "--format", "ics", "--db", database).code).toBe(2)
  })
})

describe("uppdrag deadlines: submissions from the store, action items from meeting records", () => {
  const db = join(dir, "inlamnat.db")
  const meeting = join(dir, "mote.yaml")
  writeFileSync(
    meeting,
    `id: samrad-2026-11-20
title: Samråd om vårdkapacitet
date: 2026-11-20
assignment: S2025/01528
participants: [IVO, Polismyndigheten]
actionItems:
  - { title: Skicka underlag till IVO, owner: Socialstyrelsen, recipient: IVO, due: 2026-12-04 }
`
  )
  it("seed 000's 2024 report recorded on 2024-11-29 is inlamnad, its 2025 report recorded on 2025-12-01 inlamnad-sent", () => {
    expect(uppdrag("record", "report", "--assignment", "tvangsvard-2024", "--obligation", "delredovisning-2024-11-30", "--date", "2024-11-29", "--db", db).code).toBe(0)
    expect(uppdrag("record", "report", "--assignment", "tvangsvard-2024", "--obligation", "delredovisning-2025-11-30", "--date", "2025-12-01", "--db", db).code).toBe(0)
    const rows = json("--as-of", "2026-11-23", "--db", db, "--assignment", "S2024/01004", "--kind", "delredovisning", "--all")
    expect(rows.map((r) => [r.due, r.status])).toEqual([
      ["2024-11-30", "inlamnad"],
      ["2025-11-30", "inlamnad-sent"],
      ["2026-11-30", "snart"]
    ])
    // Without --all, what is done is not shown.
    expect(json("--as-of", "2026-11-23", "--db", db, "--assignment", "S2024/01004", "--kind", "delredovisning").map((r) => r.due)).toEqual(["2026-11-30"])
  })
  it("seed 003: the date Socialstyrelsen sets for the regions' reporting, recorded on 2026-12-10, is used from that day on", () => {
    const dates = join(dir, "datum.db")
    const set = uppdrag("record", "due-date", "--assignment", "specialiserad-psykiatri-2026", "--obligation", "regionernas-redovisning-2026", "--due", "2027-02-26", "--date", "2026-12-10", "--db", dates)
    expect([set.code, set.stderr, set.stdout]).toEqual([0, "", "Sparade händelse 1: fastställt datum, regionernas-redovisning-2026, 2027-02-26 (fastställt 2026-12-10).\n"])
    const regions = (asOf: string) => json("--as-of", asOf, "--db", dates, "--assignment", "S2025/01528", "--kind", "ekonomisk-redovisning", "--all").filter((r) => r.title === "Regionernas redovisning av medel")
    expect(regions("2026-11-23").map((r) => [r.due, r.status])).toEqual([[null, "datum-ej-satt"]])
    expect(regions("2026-12-10").map((r) => [r.due, r.status, r.daysLeft])).toEqual([["2027-02-26", "kommande", 78]])
    // A second date is refused until the first is reversed; a date the decision gives is never set.
    const again = uppdrag("record", "due-date", "--assignment", "specialiserad-psykiatri-2026", "--obligation", "regionernas-redovisning-2026", "--due", "2027-03-05", "--date", "2026-12-11", "--db", dates)
    expect([again.code, again.stderr]).toEqual([1, "Avvisad: datumet för regionernas-redovisning-2026 är redan fastställt till 2027-02-26 (händelse 1); återför den först om datumet ändras\nInget sparades.\n"])
    const given = uppdrag("record", "due-date", "--assignment", "specialiserad-psykiatri-2026", "--obligation", "delredovisning-2027-05-30", "--due", "2027-06-01", "--date", "2026-12-11", "--db", dates)
    expect(given.code).toBe(1)
    expect(given.stderr).toContain("har redan ett datum i beslutet (2027-05-30)")
    const bad = uppdrag("record", "due-date", "--assignment", "specialiserad-psykiatri-2026", "--obligation", "regionernas-redovisning-2026", "--due", "2027-02-30", "--date", "2026-12-11", "--db", dates)
    expect([bad.code, bad.stderr]).toEqual([2, "uppdrag record due-date: --due: 2027-02-30 är inte ett giltigt datum\nInget sparades.\n"])
  })
  it("a meeting's action item appears as kind ovrigt for its assignment", () => {
    const rows = json("--as-of", "2026-11-23", "--records", meeting, "--assignment", "S2025/01528", "--kind", "ovrigt")
    expect(rows).toEqual([
      {
        due: "2026-12-04",
        daysLeft: 11,
        workingDaysLeft: 9,
        status: "snart",
        kind: "ovrigt",
        title: "Skicka underlag till IVO",
        assignment: "S2025/01528",
        assignmentId: "specialiserad-psykiatri-2026",
        id: "atgard-samrad-2026-11-20-1",
        recipient: "IVO",
        responsible: "Socialstyrelsen",
        dueSetBy: null,
        nonWorkingDay: null,
        nextWorkingDay: null,
        citeDiaryNumber: false,
        contents: "",
        key: "specialiserad-psykiatri-2026/atgard-samrad-2026-11-20-1"
      }
    ])
  })
  it("a meeting stored with `uppdrag meetings record` brings its action item without --records", () => {
    const stored = join(dir, "moten.db")
    const recorded = uppdrag("meetings", "record", meeting, "--db", stored)
    expect(recorded.stderr).toBe("")
    expect(recorded.code).toBe(0)
    expect(json("--as-of", "2026-11-23", "--db", stored, "--kind", "ovrigt", "--from", "2026-01-01").map((r) => [r.assignment, r.title, r.due, r.status])).toEqual([
      ["S2025/01528", "Skicka underlag till IVO", "2026-12-04", "snart"]
    ])
  })
  it("a broken meeting record is refused, exit 1", () => {
    const bad = join(dir, "trasigt-mote.yaml")
    writeFileSync(bad, "id: x\ntitle: Möte\ndate: 2026-02-30\n")
    const run = uppdrag("deadlines", "--records", bad)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain("trasigt-mote.yaml")
    expect(run.stdout).toBe("")
  })
})

describe("uppdrag start: the upcoming deadlines overview", () => {
  it("as of 2026-11-23: the interim report due 2026-11-30 first, the unset date and the count of passed duties", () => {
    const run = uppdrag("start", "--as-of", "2026-11-23", "--no-serve")
    expect(run.code).toBe(0)
    const lines = run.stdout.split("\n")
    expect(lines[0]).toBe("Kommande tidsfrister per 2026-11-23 (ett år framåt, snart = inom 30 dagar)")
    expect(lines[4]).toMatch(/^2026-11-30 +7 +5 +snart +delredovisning +S2024\/01004/)
    expect(run.stdout).toContain("Datum ej satt: Regionernas redovisning av medel (S2025/01528), bestäms av Socialstyrelsen")
    expect(run.stdout).toContain(
      "  registrera datumet med: uppdrag record due-date --assignment specialiserad-psykiatri-2026 --obligation regionernas-redovisning-2026 --due ÅÅÅÅ-MM-DD --date ÅÅÅÅ-MM-DD"
    )
    expect(run.stdout).toMatch(/Passerade utan registrerad inlämning: \d+/)
  })
})

describe("uppdrag deadlines: bad input", () => {
  it("uppdrag start with an invalid --as-of → exit 2 (a malformed value), the message names the command", () => {
    const run = uppdrag("start", "--as-of", "2026-13-01", "--no-serve")
    expect(run.code).toBe(2)
    expect(run.stderr).toBe("uppdrag start: --as-of: 2026-13-01 är inte ett giltigt datum\n")
  })
  it("invalid --as-of, unknown --assignment, unknown --kind, bad --within and --status → exit 2 (malformed values), every problem in Swedish, nothing on stdout", () => {
    const run = uppdrag("deadlines", "--as-of", "2026-02-30", "--assignment", "S2099/00001", "--kind", "rapport", "--within", "-3", "--status", "klar")
    expect(run.code).toBe(2)
    expect(run.stdout).toBe("")
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      "uppdrag deadlines: --as-of: 2026-02-30 är inte ett giltigt datum",
      'uppdrag deadlines: --within: "-3" är inte ett antal dagar (ett heltal 0–3660)',
      'uppdrag deadlines: --kind: okänd typ "rapport"; giltiga typer: delredovisning, slutredovisning, ekonomisk-redovisning, rekvisition, utbetalning, aterbetalning, utvardering, ovrigt',
      'uppdrag deadlines: --assignment: uppdraget "S2099/00001" finns inte i katalogen (ange diarienummer, t.ex. S2025/01528, eller id)',
      'uppdrag deadlines: --status: okänd status "klar"; giltiga: datum-ej-satt, kommande, snart, forsenad, inlamnad, inlamnad-sent'
    ])
  })
  it.each([
    [["--as-of", "igår"], 'uppdrag deadlines: --as-of: "igår" är inte ett datum på formen ÅÅÅÅ-MM-DD'],
    [["--reminders", "30,x"], '--reminders: [1]: "x" är inte ett antal dagar']
  ])("%j → exit 2 (a malformed value) with a Swedish message, nothing on stdout", (args, message) => {
    const run = uppdrag("deadlines", ...args)
    expect(run.code).toBe(2)
    expect(run.stdout).toBe("")
    expect(run.stderr).toContain(message)
  })
  it("a broken user catalog is refused naming the file, and --out is not written", () => {
    const bad = join(dir, "trasig.yaml")
    writeFileSync(bad, "id: trasig\nkind: regeringsuppdrag\n")
    const out = join(dir, "inte.json")
    const run = uppdrag("deadlines", "--catalog", bad, "--format", "json", "--out", out)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain("trasig.yaml")
    expect(existsSync(out)).toBe(false)
  })
  it("an unknown format is a usage error, exit 2", () => {
    expect(uppdrag("deadlines", "--format", "xml").code).toBe(2)
  })
  it("--help shows examples, exit 0", () => {
    const run = uppdrag("deadlines", "--help")
    expect(run.code).toBe(0)
    expect(run.stdout).toContain("Exempel:")
    expect(run.stdout).toContain("uppdrag deadlines --format ics --out tidsfrister.ics")
  })
})
