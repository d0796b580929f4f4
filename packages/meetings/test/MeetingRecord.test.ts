import { Catalog } from "@uppdrag/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { ActionItem, MeetingRecord } from "../src/index.js"
import { bytes, context } from "./fixtures.js"

const parse = (text: string | Uint8Array) => MeetingRecord.parseText(typeof text === "string" ? bytes(text) : text, "mote.yaml", context)
const issues = (text: string | Uint8Array) => {
  const result = parse(text)
  if (Result.isSuccess(result)) throw new Error("expected a failure")
  return result.failure.issues
}

const good = `id: samrad-2026-11-20
title: Samråd om vårdkapacitet och akutpsykiatri
date: 2026-11-20
start: "13:00"
end: "14:30"
assignment: S2025/01528
participants: [IVO, Polismyndigheten]
notes: Genomgång av planen.
actionItems:
  - { title: Skicka underlag till IVO, owner: Socialstyrelsen, due: 2026-12-04, recipient: IVO }
`

describe("meeting records", () => {
  it("seed 003 (S2025/01528): a meeting with IVO and Polismyndigheten is stored with party ids and the assignment id", () => {
    const record = Result.getOrThrow(parse(good))
    expect(record).toEqual({
      kind: "mote",
      id: "samrad-2026-11-20",
      title: "Samråd om vårdkapacitet och akutpsykiatri",
      date: "2026-11-20",
      start: "13:00",
      end: "14:30",
      assignment: "specialiserad-psykiatri-2026",
      participants: ["ivo", "polismyndigheten"],
      notes: "Genomgång av planen.",
      actionItems: [{ title: "Skicka underlag till IVO", owner: "Socialstyrelsen", due: "2026-12-04", recipient: "IVO" }]
    })
    // The stored payload reads back with the stored schema.
    expect(MeetingRecord.schema.parse(JSON.parse(JSON.stringify(record)))).toEqual(record)
    expect(MeetingRecord.eventType(record)).toBe("meetings.mote")
  })

  it("JSON is accepted as well as YAML", () => {
    const json = JSON.stringify({ id: "m1", title: "Möte", date: "2026-11-20", assignment: "S2025/01528", participants: ["skr"] })
    expect(Result.isSuccess(parse(json))).toBe(true)
  })

  it("a meeting tied to one assignment and to a series of another is refused (red team)", () => {
    const result = parse("id: m3\ntitle: Digitalt möte\ndate: 2026-04-14\nseries: digitala-moten-heldygnsvard\nassignment: S2025/01528\nparticipants: [SKR]\n")
    expect(Result.isFailure(result) && result.failure.message).toMatch(/series: mötesserien digitala-moten-heldygnsvard hör till uppdraget \S+, inte specialiserad-psykiatri-2026/)
    expect(Result.isSuccess(parse("id: m3\ntitle: Digitalt möte\ndate: 2026-04-14\nseries: digitala-moten-heldygnsvard\nassignment: S2024/01004\nparticipants: [SKR]\n"))).toBe(true)
  })

  it("a meeting of a series takes the series' assignment when the file names none", () => {
    const result = parse("id: m2\ntitle: Digitalt möte\ndate: 2026-04-14\nseries: digitala-moten-heldygnsvard\nparticipants: [SKR]\n")
    const record = Result.getOrThrow(result)
    expect(record.kind).toBe("mote")
  })

  it("action items become ovrigt obligations valid under core's ReportingObligation schema", () => {
    const record = Result.getOrThrow(parse(good))
    const items = ActionItem.obligations(record.kind === "mote" ? [record] : [])
    expect(items).toHaveLength(1)
    expect(items[0]).toEqual({
      assignment: "specialiserad-psykiatri-2026",
      obligation: {
        id: "atgard-samrad-2026-11-20-1",
        kind: "ovrigt",
        title: "Skicka underlag till IVO",
        due: "2026-12-04",
        responsible: "Socialstyrelsen",
        recipient: "IVO",
        contents: [],
        citeDiaryNumber: false,
        source: 'Åtgärd från mötet "Samråd om vårdkapacitet och akutpsykiatri" 2026-11-20'
      }
    })
    // Core's Assignment schema accepts it as one of the assignment's obligations.
    const assignment = Catalog.findAssignment(context.catalog as Catalog.Catalog, "S2025/01528")!
    const withItem = Catalog.parseText(bytes(JSON.stringify({ ...assignment, obligations: [...assignment.obligations, items[0]!.obligation] })), "med-atgard.json")
    expect(Result.isSuccess(withItem) && withItem.success.obligations.at(-1)).toEqual(items[0]!.obligation)
  })
})

describe("meeting records: bad input", () => {
  it("an unknown party, a date that does not exist and a missing field: all three in one run, each with its path and line", () => {
    const found = issues(`id: m3
date: 2026-02-30
assignment: S2025/01528
participants: [IVO, Skatteverket]
`)
    expect(found).toEqual([
      { path: "title", message: "saknas", line: 1 },
      { path: "date", message: "2026-02-30 är inte ett giltigt datum", line: 2 },
      { path: "participants[1]", message: expect.stringMatching(/^okänd part "Skatteverket"/), line: 4 }
    ])
  })

  it("an unknown party alone", () => {
    const names = issues(`id: m3
title: Möte
date: 2026-02-28
assignment: S2025/01528
participants: [IVO, Skatteverket]
`)
    expect(names).toEqual([{ path: "participants[1]", line: 5, message: expect.stringMatching(/^okänd part "Skatteverket"/) }])
  })

  it("an unknown assignment, an unknown series and a region that does not exist", () => {
    const found = issues(`id: m4
title: Möte
date: 2026-11-20
assignment: S2099/99999
series: okand-serie
region: Atlantis
participants: [ivo]
`)
    expect(found.map((i) => i.path)).toEqual(["assignment", "series", "region"])
  })

  it("neither assignment nor series", () => {
    expect(issues("id: m5\ntitle: Möte\ndate: 2026-11-20\nparticipants: [ivo]\n")).toEqual([
      { path: "assignment", message: "saknas: ange assignment (diarienummer) eller series", line: 1 }
    ])
  })

  it("a party named twice, an end before the start, an action item due before the meeting, a time skipped by the spring change", () => {
    const found = issues(`id: m6
title: Möte
date: 2026-03-29
start: "02:30"
end: "02:00"
assignment: S2025/01528
participants: [IVO, Inspektionen för vård och omsorg]
actionItems: [{ title: Återkoppla, owner: Socialstyrelsen, due: 2026-03-01 }]
`)
    expect(found.map((i) => i.path)).toEqual(["participants[1]", "start", "end", "actionItems[0].due"])
  })

  it("no participants, a negative or wrongly typed field, an unknown field", () => {
    const found = issues("id: m7\ntitle: 12\ndate: 2026-11-20\nassignment: S2025/01528\nparticipants: []\nplats: Stockholm\n")
    expect(found.map((i) => i.path).sort()).toEqual(["participants", "plats", "title"])
  })

  it("duplicate keys, wrong encoding, not an object, an unknown kind", () => {
    expect(issues("id: a\nid: b\n")[0]).toMatchObject({ message: expect.stringContaining("förekommer två gånger"), line: 2 })
    expect(issues(new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xff]))).toEqual([{ path: "", message: "filen är inte kodad som UTF-8", line: 1 }])
    expect(issues("- a\n- b\n")[0]?.message).toMatch(/ett objekt/)
    expect(issues("kind: protokoll\n")[0]).toMatchObject({ path: "kind", line: 1 })
  })
})

describe("agreements (överenskommelse)", () => {
  const agreement = `kind: overenskommelse
id: overenskommelse-2026-skane
grant: specialiserad-psykiatri-2026
region: Region Skåne
signed: 2026-06-15
activities:
  - { title: Fler vårdplatser i vuxenpsykiatrin, component: vardkapacitet }
  - { title: Självvald inläggning vid två kliniker, component: sjalvvald_inlaggning }
expectedResults: [12 nya vårdplatser]
expectedEffects: [Kortare väntan på inläggning]
followUpMeasures:
  - { title: Antal vårdplatser per 100 000 invånare, indicator: vardplatser-per-100000 }
  - { title: Andel patienter med självvald inläggning }
`
  it('seed 003: "Socialstyrelsen och regionen upprättar en överenskommelse om insatser, förväntade resultat och effekter samt valda uppföljningsmått"', () => {
    const record = Result.getOrThrow(parse(agreement))
    expect(record).toMatchObject({ kind: "overenskommelse", region: "12", grant: "specialiserad-psykiatri-2026", followUps: [] })
    expect(MeetingRecord.eventType(record)).toBe("meetings.overenskommelse")
  })

  it("refuses an unknown grant, a component not in the grant, a missing expected effect, a follow-up year twice", () => {
    const bad = agreement
      .replace("component: sjalvvald_inlaggning", "component: bostader")
      .replace("expectedEffects: [Kortare väntan på inläggning]\n", "")
      .concat("followUps:\n  - { year: 2026, date: 2027-02-01, summary: a }\n  - { year: 2026, date: 2027-02-02, summary: b }\n")
    expect(issues(bad).map((i) => i.path)).toEqual(["expectedEffects"])
    const names = issues(
      agreement.replace("component: sjalvvald_inlaggning", "component: bostader").concat("followUps:\n  - { year: 2026, date: 2027-02-01, summary: a }\n  - { year: 2026, date: 2027-02-02, summary: b }\n")
    )
    expect(names.map((i) => i.path)).toEqual(["activities[1].component", "followUps[1].year"])
    expect(issues(agreement.replace("grant: specialiserad-psykiatri-2026", "grant: finns-inte")).map((i) => i.path)).toEqual(["grant"])
  })

  it("refuses an agreement signed before the grant's decision (red team: 1990 for the 2026 grant) and a follow-up dated before the signing", () => {
    expect(issues(agreement.replace("signed: 2026-06-15", "signed: 1990-06-15")).map((i) => `${i.path}: ${i.message}`)).toEqual([
      "signed: undertecknad 1990-06-15, före beslutet om specialiserad-psykiatri-2026 (2026-01-22)"
    ])
    const early = issues(agreement.concat("followUps:\n  - { year: 2026, date: 2026-06-14, summary: a }\n"))
    expect(early.map((i) => `${i.path}: ${i.message}`)).toEqual(["followUps[0].date: uppföljningen 2026-06-14 är före överenskommelsen undertecknades (2026-06-15)"])
    expect(Result.isSuccess(parse(agreement.concat("followUps:\n  - { year: 2026, date: 2026-06-15, summary: a }\n")))).toBe(true)
  })

  it("refuses control characters in free text (an escape sequence in the notes), naming the field", () => {
    const result = parse("id: m9\ntitle: Möte\ndate: 2026-11-20\nassignment: S2025/01528\nparticipants: [SKR]\nnotes: \"rad\\u001b[2J\"\n")
    expect(Result.isFailure(result)).toBe(true)
    expect(Result.isFailure(result) && result.failure.message).toMatch(/notes: innehåller styrtecknet U\+001B/)
    expect(Result.isSuccess(parse("id: m9\ntitle: Möte\ndate: 2026-11-20\nassignment: S2025/01528\nparticipants: [SKR]\nnotes: \"rad ett\\nrad två\"\n"))).toBe(true)
  })
})
