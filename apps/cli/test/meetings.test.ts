import { execFile } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import ICAL from "ical.js"
import { afterAll, describe, expect, it } from "vitest"

// The built CLI, run as a user runs it: `node apps/cli/dist/bin.cjs …`.
const bin = fileURLToPath(new URL("../dist/bin.cjs", import.meta.url))
const dir = mkdtempSync(join(tmpdir(), "uppdrag-cli-moten-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// Asynchronous, so that the (independent) tests below run concurrently: each
// invocation is a whole CLI start-up, and the suite must stay well under a minute.
const uppdrag = (...args: Array<string>): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : null, stdout, stderr })
    })
  })
const write = (name: string, text: string | Uint8Array): string => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

const meeting = `id: samrad-2026-11-20
title: Samråd om vårdkapacitet
date: 2026-11-20
start: "13:00"
end: "14:30"
assignment: S2025/01528
participants: [IVO, Polismyndigheten]
actionItems:
  - { title: Skicka underlag, owner: Socialstyrelsen, due: 2026-12-04, recipient: IVO }
`

describe.concurrent("uppdrag meetings upcoming", { timeout: 120_000 }, () => {
  it("seed 001: between 2026-03-01 and 2026-11-30 the digital meetings fall on second Tuesdays, 14 April and 12 May with their themes", async () => {
    const { code, stdout } = await uppdrag("meetings", "upcoming", "--from", "2026-03-01", "--to", "2026-11-30", "--format", "json")
    expect(code).toBe(0)
    const { occurrences } = JSON.parse(stdout) as { occurrences: Array<{ date: string; theme?: string }> }
    expect(occurrences.map((o) => o.date)).toEqual(["2026-04-14", "2026-05-12", "2026-06-09", "2026-07-14", "2026-08-11", "2026-09-08", "2026-10-13", "2026-11-10"])
    expect(occurrences.filter((o) => o.theme !== undefined).map((o) => [o.date, o.theme])).toEqual([
      ["2026-04-14", "Individanpassad läkemedelsbehandling genom samarbete och delat beslutsfattande"],
      ["2026-05-12", "Särskilda hänsyn vid tvångsvård – fokus på uppföljningssamtal efter tvångsåtgärder"]
    ])
  })

  it("a series file with a clock time: 13:00 local on both sides of the March and October changes", async () => {
    const series = write(
      "serier.yaml",
      `series:
  - id: egna-moten
    title: Egna möten
    time: "13:00"
    durationMinutes: 60
    recurrence: { kind: regel, rule: "FREQ=MONTHLY;BYDAY=2TU", start: 2026-03-10 }
`
    )
    const { code, stdout } = await uppdrag("meetings", "upcoming", "--from", "2026-03-01", "--to", "2026-11-30", "--format", "json", "--series", series)
    expect(code).toBe(0)
    const own = (JSON.parse(stdout) as { occurrences: Array<{ series: string; date: string; start: string; startUtc: string }> }).occurrences.filter((o) => o.series === "egna-moten")
    expect(own.map((o) => [o.date, o.start, o.startUtc])).toEqual([
      ["2026-03-10", "13:00", "2026-03-10T12:00:00Z"],
      ["2026-04-14", "13:00", "2026-04-14T11:00:00Z"],
      ["2026-05-12", "13:00", "2026-05-12T11:00:00Z"],
      ["2026-06-09", "13:00", "2026-06-09T11:00:00Z"],
      ["2026-07-14", "13:00", "2026-07-14T11:00:00Z"],
      ["2026-08-11", "13:00", "2026-08-11T11:00:00Z"],
      ["2026-09-08", "13:00", "2026-09-08T11:00:00Z"],
      ["2026-10-13", "13:00", "2026-10-13T11:00:00Z"],
      ["2026-11-10", "13:00", "2026-11-10T12:00:00Z"]
    ])
    const ics = await uppdrag("meetings", "upcoming", "--from", "2026-03-01", "--to", "2026-11-30", "--format", "ics", "--series", series)
    expect(ics.code).toBe(0)
    const cal = new ICAL.Component(ICAL.parse(ics.stdout) as Array<unknown>)
    expect(cal.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Europe/Stockholm")
    expect(cal.getAllSubcomponents("vevent").map((e) => e.getFirstPropertyValue("uid"))).toContain("egna-moten@uppdrag.socialstyrelsen.se")
  })

  it("the table lists the themed dates and names the series without dates", async () => {
    const { code, stdout } = await uppdrag("meetings", "upcoming", "--from", "2026-04-01", "--to", "2026-05-31")
    expect(code).toBe(0)
    expect(stdout).toContain("2026-04-14")
    expect(stdout).toContain("Individanpassad läkemedelsbehandling")
    expect(stdout).toContain("Psykiatrisk tvångsvård i fokus: 1 gr/mån, inga datum angivna")
  })

  it("refuses a date that does not exist and an unknown format (both usage errors, exit 2)", async () => {
    const bad = await uppdrag("meetings", "upcoming", "--from", "2026-02-30")
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("--from: 2026-02-30 är inte ett giltigt datum")
    const usage = await uppdrag("meetings", "upcoming", "--format", "pdf")
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain("pdf")
  })
})

describe.concurrent("uppdrag meetings coverage", { timeout: 120_000 }, () => {
  it("seed 003 (S2025/01528): every party the decision names, none consulted on an empty record, next deadline 2027-05-30", async () => {
    const { code, stdout } = await uppdrag("meetings", "coverage", "--assignment", "S2025/01528", "--as-of", "2026-11-23", "--format", "json", "--db", join(dir, "tom1.db"))
    expect(code).toBe(0)
    const report = JSON.parse(stdout) as { assignment: string; nextDeadline: string; parties: Array<{ id: string; name: string; consulted: boolean; lastMeeting: string | null }> }
    expect(report.assignment).toBe("S2025/01528")
    expect(report.nextDeadline).toBe("2027-05-30")
    expect(report.parties.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        "Folkhälsomyndigheten",
        "Inspektionen för vård och omsorg",
        "Myndigheten för civilt försvar",
        "Polismyndigheten",
        "Statens beredning för medicinsk och social utvärdering",
        "Statens institutionsstyrelse",
        "Trafikverket",
        "SOS Alarm AB",
        "Sveriges Kommuner och Regioner"
      ])
    )
    expect(report.parties.map((p) => p.id)).toEqual(expect.arrayContaining(["samsjuklighetsdelegationen", "suicidpreventiv-samordnare", "regioner", "kommuner", "professionsforeningar", "patient-brukar-anhorigorganisationer"]))
    expect(report.parties.every((p) => !p.consulted && p.lastMeeting === null)).toBe(true)
    expect(Object.keys(report.parties[0]!)).toEqual(["id", "name", "consulted", "lastMeeting"])
  })

  it("after recording a meeting with IVO and Polismyndigheten on 2026-11-20 (in the database), those two show as consulted on that date", async () => {
    const db = join(dir, "samrad.db")
    const file = write("samrad.yaml", meeting)
    const recorded = await uppdrag("meetings", "record", file, "--db", db, "--by", "testare")
    expect(recorded.stderr).toBe("")
    expect(recorded.code).toBe(0)
    expect(recorded.stdout).toBe("Sparade möte samrad-2026-11-20 2026-11-20 (specialiserad-psykiatri-2026): 2 deltagare (Inspektionen för vård och omsorg, Polismyndigheten), 1 åtgärder som händelse 1.\n")
    const { code, stdout } = await uppdrag("meetings", "coverage", "--assignment", "S2025/01528", "--as-of", "2026-11-23", "--format", "json", "--db", db)
    expect(code).toBe(0)
    const parties = (JSON.parse(stdout) as { parties: Array<{ id: string; consulted: boolean; lastMeeting: string | null }> }).parties
    expect(parties).toHaveLength(17)
    expect(parties.filter((p) => p.consulted).map((p) => [p.id, p.lastMeeting])).toEqual([
      ["ivo", "2026-11-20"],
      ["polismyndigheten", "2026-11-20"]
    ])
    // The table as of the day before the meeting: nobody consulted yet.
    const before = await uppdrag("meetings", "coverage", "--assignment", "S2025/01528", "--as-of", "2026-11-19", "--db", db)
    expect(before.stdout).toContain("0 av 17 parter har deltagit i möten för uppdraget.")
    expect(before.stdout).toMatch(/Inspektionen för vård och omsorg +ivo +nej, återstår +–/)
  })

  it("meeting files can also be read without a database (--records)", async () => {
    const records = join(dir, "moten")
    mkdirSync(records, { recursive: true })
    writeFileSync(join(records, "samrad.yaml"), meeting)
    const { code, stdout, stderr } = await uppdrag("meetings", "coverage", "--assignment", "S2025/01528", "--as-of", "2026-11-23", "--format", "json", "--records", records, "--db", join(dir, "tom2.db"))
    expect(stderr).toBe("")
    expect(code).toBe(0)
    expect((JSON.parse(stdout) as { parties: Array<{ id: string; consulted: boolean }> }).parties.filter((p) => p.consulted).map((p) => p.id)).toEqual(["ivo", "polismyndigheten"])
  })

  it("refuses an unknown assignment (exit 1) and a missing --assignment (exit 2)", async () => {
    const unknown = await uppdrag("meetings", "coverage", "--assignment", "S2099/00001", "--db", join(dir, "tom3.db"))
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('okänt uppdrag "S2099/00001"')
    const usage = await uppdrag("meetings", "coverage")
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain("--assignment")
  })
})

describe.concurrent("uppdrag meetings record", { timeout: 120_000 }, () => {
  it("a valid meeting is reported with its parties by name and can be written as iCalendar", async () => {
    const file = write("mote.yaml", meeting)
    const out = join(dir, "mote.ics")
    const { code, stdout } = await uppdrag("meetings", "record", file, "--check", "--ics", out)
    expect(code).toBe(0)
    expect(stdout).toBe("Giltig: möte samrad-2026-11-20 2026-11-20 (specialiserad-psykiatri-2026): 2 deltagare (Inspektionen för vård och omsorg, Polismyndigheten), 1 åtgärder. Inget sparades (--check).\n")
    expect(readFileSync(out, "utf8")).toContain("DTSTART;TZID=Europe/Stockholm:20261120T130000")
  })

  it("an unknown party, a date that does not exist and a missing field: each with its path, exit 1, nothing written", async () => {
    const shape = write("fel1.yaml", "id: m\ndate: 2026-02-30\nassignment: S2025/01528\nparticipants: [IVO, Skatteverket]\n")
    const out = join(dir, "fel1.ics")
    const db = join(dir, "fel.db")
    const first = await uppdrag("meetings", "record", shape, "--ics", out, "--db", db)
    expect(first.code).toBe(1)
    expect(first.stderr).toContain(`${shape}:1: title: saknas`)
    expect(first.stderr).toContain(`${shape}:2: date: 2026-02-30 är inte ett giltigt datum`)
    expect(first.stderr).toContain(`${shape}:4: participants[1]: okänd part "Skatteverket"`)
    expect(first.stderr).toContain("Inget sparades.")
    expect(existsSync(out)).toBe(false)
    expect(existsSync(db)).toBe(false)
    const names = write("fel2.yaml", "id: m\ntitle: Möte\ndate: 2026-11-20\nassignment: S2025/01528\nparticipants: [IVO, Skatteverket]\n")
    const second = await uppdrag("meetings", "record", names, "--db", db)
    expect(second.code).toBe(1)
    expect(second.stderr).toContain(`${names}:5: participants[1]: okänd part "Skatteverket"`)
    expect(existsSync(db)).toBe(false)
    // With a database that already holds events, a refused file adds none.
    const good = await uppdrag("meetings", "record", write("bra.yaml", meeting), "--db", db)
    expect(good.stdout).toMatch(/som händelse 1\.\n$/)
    expect((await uppdrag("meetings", "record", names, "--db", db)).code).toBe(1)
    const next = await uppdrag("meetings", "record", write("bra2.yaml", meeting.replace("id: samrad-2026-11-20", "id: samrad-2026-11-27").replace("date: 2026-11-20", "date: 2026-11-27")), "--db", db)
    expect(next.stdout).toMatch(/som händelse 2\.\n$/)
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([])
  })

  it("--ics that cannot be written after the meeting was saved says what was saved, not 'Inget sparades.'", async () => {
    const file = write("sparad.yaml", meeting)
    const db = join(dir, "ics-fel.db")
    const out = join(dir, "finns-inte", "mote.ics")
    const run = await uppdrag("meetings", "record", file, "--ics", out, "--db", db)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^Sparade möte samrad-2026-11-20 .* som händelse 1\.\n$/)
    expect(run.stderr).toContain(`${out}: kan inte skrivas: katalogen finns inte`)
    expect(run.stderr).toContain(`Mötet sparades som händelse 1, men kalenderfilen ${out} skrevs inte. Skriv den utan att spara igen: uppdrag meetings record ${file} --check --ics ${out}\n`)
    expect(run.stderr).not.toContain("Inget sparades.")
    const coverage = await uppdrag("meetings", "coverage", "--assignment", "S2025/01528", "--as-of", "2026-11-23", "--format", "json", "--db", db)
    expect((JSON.parse(coverage.stdout) as { parties: Array<{ id: string; consulted: boolean }> }).parties.find((p) => p.id === "ivo")?.consulted).toBe(true)
  })

  it("a file that is not UTF-8, or does not exist, is refused with exit 1", async () => {
    const latin1 = write("latin1.yaml", Buffer.from("id: m\ntitle: M\xf6te\n", "latin1"))
    const bad = await uppdrag("meetings", "record", latin1, "--check")
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain("filen är inte kodad som UTF-8")
    const missing = await uppdrag("meetings", "record", join(dir, "finns-inte.yaml"), "--check")
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain("finns-inte.yaml: filen finns inte")
  })
})

describe.concurrent("uppdrag meetings agreements", { timeout: 120_000 }, () => {
  it("seed 003: all 21 regions of the 2026 grant, Skåne with its recorded agreement and dialogue", async () => {
    const records = join(dir, "overenskommelser")
    mkdirSync(records, { recursive: true })
    writeFileSync(
      join(records, "skane.yaml"),
      `kind: overenskommelse
id: overenskommelse-2026-skane
grant: specialiserad-psykiatri-2026
region: Skåne
signed: 2026-06-15
activities: [{ title: Fler vårdplatser i vuxenpsykiatrin, component: vardkapacitet }]
expectedResults: [12 nya vårdplatser]
expectedEffects: [Kortare väntan på inläggning]
followUpMeasures: [{ title: Vårdplatser per 100 000 invånare, indicator: vardplatser-per-100000 }]
`
    )
    writeFileSync(
      join(records, "dialog.yaml"),
      "id: dialog-skane\ntitle: Dialog med Region Skåne\ndate: 2026-05-05\nassignment: S2025/01528\nregion: \"12\"\nparticipants: [Regionerna]\n"
    )
    const db = join(dir, "overenskommelser.db")
    expect((await uppdrag("meetings", "record", join(records, "skane.yaml"), "--db", db)).code).toBe(0)
    expect((await uppdrag("meetings", "record", join(records, "dialog.yaml"), "--db", db)).code).toBe(0)
    const all = await uppdrag("meetings", "agreements", "--grant", "specialiserad-psykiatri-2026", "--as-of", "2026-11-23", "--db", db, "--format", "json")
    expect(all.code).toBe(0)
    const regions = (JSON.parse(all.stdout) as { regions: Array<{ region: string; agreement: { id: string } | null; dialogues: Array<unknown>; nextFollowUp: unknown }> }).regions
    expect(regions).toHaveLength(21)
    expect(regions.filter((r) => r.agreement !== null).map((r) => [r.region, r.agreement?.id, r.dialogues.length])).toEqual([["12", "overenskommelse-2026-skane", 1]])
    expect(regions[0]?.nextFollowUp).toEqual({ report: "2027-05-30", year: 2026, done: false })
    const one = await uppdrag("meetings", "agreements", "--grant", "specialiserad-psykiatri-2026", "--as-of", "2026-11-23", "--records", records, "--db", join(dir, "tom4.db"), "--region", "12")
    expect(one.code).toBe(0)
    expect(one.stdout).toContain("Skåne län")
    expect(one.stdout).toContain("Uppföljningsmått: Vårdplatser per 100 000 invånare [vardplatser-per-100000]")
  })

  it("refuses an unknown region and an unknown grant with exit 1", async () => {
    const region = await uppdrag("meetings", "agreements", "--region", "Atlantis", "--db", join(dir, "tom5.db"))
    expect([region.code, region.stderr]).toEqual([1, '--region: okänd region "Atlantis" (ange SCB-kod 01–25 eller länets namn)\n'])
    const grant = await uppdrag("meetings", "agreements", "--grant", "finns-inte", "--db", join(dir, "tom6.db"))
    expect([grant.code, grant.stderr]).toEqual([1, '--grant: okänt statsbidrag "finns-inte"\n'])
  })
})
