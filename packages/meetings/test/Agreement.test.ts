import { CalendarDate, type Region } from "@uppdrag/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { Agreement, type Meeting, MeetingRecord } from "../src/index.js"
import { catalog } from "./fixtures.js"

const d = CalendarDate.unsafeParse
const skane: Agreement.Agreement = {
  kind: "overenskommelse",
  id: "overenskommelse-2026-skane",
  grant: "specialiserad-psykiatri-2026",
  region: "12" as Region.RegionCode,
  signed: d("2026-06-15"),
  activities: [{ title: "Fler vårdplatser", component: "vardkapacitet" }],
  expectedResults: ["12 nya vårdplatser"],
  expectedEffects: ["Kortare väntan"],
  followUpMeasures: [{ title: "Vårdplatser per 100 000", indicator: "vardplatser" }],
  followUps: []
}
const dialogue: Meeting.Meeting = {
  kind: "mote",
  id: "dialog-skane-1",
  title: "Dialog med Region Skåne",
  date: d("2026-05-05"),
  assignment: "specialiserad-psykiatri-2026",
  region: "12" as Region.RegionCode,
  participants: ["regioner"],
  actionItems: []
}

describe("region agreements and dialogues", () => {
  it("seed 003, Bilaga: all 21 regions take part in the 2026 grant; one with an agreement and a dialogue, twenty without", () => {
    const rows = Result.getOrThrow(Agreement.status({ catalog, grant: "specialiserad-psykiatri-2026", agreements: [skane], meetings: [dialogue], asOf: d("2026-11-23") }))
    expect(rows).toHaveLength(21)
    const row = rows.find((r) => r.region === "12")!
    expect(row.name).toBe("Skåne län")
    expect(row.agreement?.id).toBe("overenskommelse-2026-skane")
    expect(row.dialogues).toEqual([{ id: "dialog-skane-1", date: "2026-05-05", title: "Dialog med Region Skåne" }])
    expect(rows.filter((r) => r.agreement === null)).toHaveLength(20)
  })

  it('seed 003: the annual follow-up of 2026 feeds the interim report "senast den 30 maj 2027", of 2027 the one of 30 maj 2028', () => {
    const withFollowUp: Agreement.Agreement = { ...skane, followUps: [{ year: 2026, date: d("2027-02-15"), summary: "8 av 12 platser öppnade" }] }
    const records = MeetingRecord.current([skane, withFollowUp])
    expect(records.agreements).toEqual([withFollowUp])
    const before = Result.getOrThrow(Agreement.status({ catalog, grant: "specialiserad-psykiatri-2026", agreements: records.agreements, meetings: [], asOf: d("2027-01-10") }))
    expect(before.find((r) => r.region === "12")?.nextFollowUp).toEqual({ report: "2027-05-30", year: 2026, done: false })
    const after = Result.getOrThrow(Agreement.status({ catalog, grant: "specialiserad-psykiatri-2026", agreements: records.agreements, meetings: [], asOf: d("2027-03-01") }))
    expect(after.find((r) => r.region === "12")?.nextFollowUp).toEqual({ report: "2027-05-30", year: 2026, done: true })
    const next = Result.getOrThrow(Agreement.status({ catalog, grant: "specialiserad-psykiatri-2026", agreements: records.agreements, meetings: [], asOf: d("2027-06-01") }))
    expect(next.find((r) => r.region === "12")?.nextFollowUp).toEqual({ report: "2028-05-30", year: 2027, done: false })
  })

  it("an agreement signed after the as-of date is not yet in force; an unknown grant is refused", () => {
    const rows = Result.getOrThrow(Agreement.status({ catalog, grant: "specialiserad-psykiatri-2026", agreements: [skane], meetings: [], asOf: d("2026-06-14") }))
    expect(rows.find((r) => r.region === "12")?.agreement).toBeNull()
    expect(Result.isFailure(Agreement.status({ catalog, grant: "okand", agreements: [], meetings: [], asOf: d("2026-06-14") }))).toBe(true)
  })
})
