import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { Series } from "../src/index.js"

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)
const failure = (text: string | Uint8Array) => {
  const result = Series.parseText(typeof text === "string" ? bytes(text) : text, "serier.yaml")
  if (Result.isSuccess(result)) throw new Error("expected a failure")
  return result.failure.issues
}

describe("seed 001 series", () => {
  const series = Series.unsafeLoad()

  it('seed 001, "Kommunikation och stöd till implementering": three series with their intervals as written', () => {
    expect(series.map((s) => [s.title, s.interval])).toEqual([
      ["Psykiatrisk tvångsvård i fokus", "1 gr/mån"],
      ["Digitala möten – trygg och meningsfull heldygnsvård", "1g/mån"],
      ["Möten med referensgrupper i olika delprojekt", "Vid behov"]
    ])
  })

  it('seed 001: "Psykiatrisk tvångsvård i fokus | Ledning och personal" meets monthly but the seed gives no dates', () => {
    const s = series.find((x) => x.id === "tvangsvard-i-fokus")!
    expect(s.audience).toBe("Ledning och personal")
    expect(s.recurrence).toEqual({ kind: "ej-fastställd", cadence: "1 gång per månad" })
  })

  it('seed 001: reference groups "Vid behov", purpose "Förankring och kvalitetssäkring"', () => {
    const s = series.find((x) => x.id === "referensgrupper-delprojekt")!
    expect(s.recurrence.kind).toBe("vid-behov")
    expect(s.purpose).toBe("Förankring och kvalitetssäkring")
  })

  it("seed 001: the two themed dates of the digital meetings, each quoting the seed", () => {
    const s = series.find((x) => x.id === "digitala-moten-heldygnsvard")!
    expect(s.themes.map((t) => [t.date, t.theme])).toEqual([
      ["2026-04-14", "Individanpassad läkemedelsbehandling genom samarbete och delat beslutsfattande"],
      ["2026-05-12", "Särskilda hänsyn vid tvångsvård – fokus på uppföljningssamtal efter tvångsåtgärder"]
    ])
    for (const t of s.themes) expect(t.source).toContain(t.theme)
    expect(s.assumptions.length).toBeGreaterThan(0)
  })

  it("every seed series quotes its row of the seed table", () => {
    for (const s of series) expect(s.source).toMatch(/^\| .+ \|$/)
  })
})

describe("series files: bad input", () => {
  it("refuses an unsupported or malformed rule with its path and line", () => {
    const issues = failure(`series:
  - id: a
    title: A
    recurrence: { kind: regel, rule: "FREQ=HOURLY", start: 2026-01-01 }
  - id: b
    title: B
    recurrence: { kind: regel, rule: "BYDAY=2TU", start: 2026-01-01 }
`)
    expect(issues).toEqual([
      { path: "series[0].recurrence.rule", message: "FREQ=HOURLY stöds inte (YEARLY, MONTHLY, WEEKLY eller DAILY)", line: 4 },
      { path: "series[1].recurrence.rule", message: "regeln saknar FREQ (t.ex. FREQ=MONTHLY;BYDAY=2TU)", line: 7 }
    ])
  })

  it("refuses a rule carrying its own DTSTART or UNTIL", () => {
    const issues = failure(`series:
  - { id: a, title: A, recurrence: { kind: regel, rule: "FREQ=WEEKLY;UNTIL=20270101", start: 2026-01-01 } }
`)
    expect(issues[0]?.path).toBe("series[0].recurrence.rule")
  })

  it("refuses a theme, cancellation or move on a day the series does not meet", () => {
    const issues = failure(`series:
  - id: a
    title: A
    time: "13:00"
    recurrence: { kind: regel, rule: "FREQ=MONTHLY;BYDAY=2TU", start: 2026-04-14 }
    themes: [{ date: 2026-04-15, theme: Fel dag }]
    cancellations: [{ date: 2026-06-10 }]
    moves: [{ from: 2026-07-15, to: 2026-07-16 }]
`)
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ["series[0].moves[0].from", "serien har inget möte 2026-07-15 att flytta"],
      ["series[0].cancellations[0].date", "serien har inget möte 2026-06-10 att ställa in"],
      ["series[0].themes[0].date", "serien har inget möte 2026-04-15"]
    ])
  })

  it("refuses a date that does not exist, a missing title, a negative duration and a bad time", () => {
    const issues = failure(`series:
  - id: a
    durationMinutes: -30
    time: "25:00"
    recurrence: { kind: regel, rule: "FREQ=MONTHLY", start: 2026-02-30 }
`)
    expect(issues.map((i) => i.path).sort()).toEqual(["series[0].durationMinutes", "series[0].recurrence.start", "series[0].time", "series[0].title"])
    expect(issues.find((i) => i.path === "series[0].recurrence.start")?.message).toBe("2026-02-30 är inte ett giltigt datum")
    expect(issues.find((i) => i.path === "series[0].title")?.message).toBe("saknas")
  })

  it("refuses a time that the spring change skips (2026-03-29 02:30 does not exist in Stockholm)", () => {
    const issues = failure(`series:
  - { id: a, title: A, recurrence: { kind: vid-behov }, dates: [{ date: 2026-03-29, time: "02:30" }] }
`)
    expect(issues).toEqual([{ path: "series[0].dates[0].time", message: "2026-03-29 02:30 finns inte i svensk tid (sommartidens början)", line: 2 }])
  })

  it("refuses duplicate series ids and duplicate keys", () => {
    expect(failure("series:\n  - { id: a, title: A, recurrence: { kind: vid-behov } }\n  - { id: a, title: B, recurrence: { kind: vid-behov } }\n")[0]).toMatchObject({
      path: "series[1].id",
      message: "serien a finns redan"
    })
    expect(failure("series:\n  - id: a\n    id: b\n    title: A\n    recurrence: { kind: vid-behov }\n")[0]).toMatchObject({ message: expect.stringContaining("förekommer två gånger"), line: 3 })
  })

  it("refuses text that is not UTF-8", () => {
    expect(failure(new Uint8Array([0x73, 0x65, 0x72, 0xe5, 0x0a]))).toEqual([{ path: "", message: "filen är inte kodad som UTF-8", line: 1 }])
  })

  it("refuses an unknown recurrence kind and unknown fields", () => {
    const issues = failure("series:\n  - { id: a, title: A, recurrence: { kind: varannan }, colour: red }\n")
    expect(issues.map((i) => i.path).sort()).toEqual(["series[0].colour", "series[0].recurrence.kind"])
  })
})
