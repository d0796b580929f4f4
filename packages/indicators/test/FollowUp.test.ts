import { formatIssues } from "@uppdrag/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { FollowUp } from "../src/index.js"

const header = "region,measure,kind,year,value"
const problems = (text: string): Array<string> => {
  const result = FollowUp.parseCsv(text, "uppfoljning.csv")
  return Result.isFailure(result) ? formatIssues(result.failure.source, result.failure.issues) : []
}

describe("follow-up measures of the 2026 grant (seed 003: 'valda uppföljningsmått ska framgå')", () => {
  it("progress from baseline towards target, in the direction the measure improves", () => {
    const places = { region: "09", measure: "sjalvvald-inlaggning-platser", baseline: { year: 2025, value: 2 }, target: { year: 2028, value: 6 } }
    expect(FollowUp.progress({ ...places, values: [{ year: 2026, value: 4 }] })).toMatchObject({ progress: 50, status: "på väg", latest: { year: 2026, value: 4 } })
    expect(FollowUp.progress({ ...places, values: [{ year: 2027, value: 7 }, { year: 2026, value: 1 }] })).toMatchObject({ progress: 125, status: "uppnått" })
    expect(FollowUp.progress({ ...places, values: [] })).toMatchObject({ progress: null, status: "ingen uppgift" })
    const coercion = { region: "01", measure: "tvangsatgarder-per-vardtillfalle", baseline: { year: 2025, value: 40 }, target: { year: 2028, value: 30 } }
    expect(FollowUp.progress({ ...coercion, values: [{ year: 2026, value: 45 }] })).toMatchObject({ progress: -50, status: "försämrat" })
    expect(FollowUp.progress({ ...coercion, values: [{ year: 2026, value: 40 }] })).toMatchObject({ progress: 0, status: "oförändrat" })
  })

  it("reads agreements from CSV, decimals with comma or point", () => {
    const result = FollowUp.parseCsv(
      `${header}\n09,vardplatser-vuxenpsykiatri-per100k,baslinje,2025,"31,5"\n09,vardplatser-vuxenpsykiatri-per100k,mål,2028,35\n09,vardplatser-vuxenpsykiatri-per100k,utfall,2026,32.2\n`,
      "u.csv"
    )
    expect(Result.getOrThrow(result)).toEqual([
      { region: "09", measure: "vardplatser-vuxenpsykiatri-per100k", baseline: { year: 2025, value: 31.5 }, target: { year: 2028, value: 35 }, values: [{ year: 2026, value: 32.2 }] }
    ])
  })

  it("malformed: missing column, unknown measure, negative, duplicate, missing target", () => {
    expect(problems("region,measure,year,value\n")).toEqual(["uppfoljning.csv:1: kind: kolumnen saknas (rubriken ska vara region,measure,kind,year,value)"])
    expect(problems(`${header}\n09,lpt-sluten-patienter,baslinje,2025,3\n`)).toEqual(['uppfoljning.csv:2: measure: okänt uppföljningsmått "lpt-sluten-patienter" (se uppdrag indicators list)'])
    expect(problems(`${header}\n09,sjalvvald-inlaggning-platser,baslinje,2025,-3\n`)).toEqual(["uppfoljning.csv:2: value: får inte vara negativt (-3)"])
    expect(
      problems(`${header}\n09,sjalvvald-inlaggning-platser,baslinje,2025,3\n09,sjalvvald-inlaggning-platser,baslinje,2025,4\n09,sjalvvald-inlaggning-platser,mål,2028,6\n`)
    ).toEqual(["uppfoljning.csv:3: kind: baslinje finns redan för 09 sjalvvald-inlaggning-platser"])
    expect(problems(`${header}\n99,sjalvvald-inlaggning-platser,baslinje,2025,3\n`)).toEqual(['uppfoljning.csv:2: region: okänd region "99"'])
    expect(problems(`${header}\n09,sjalvvald-inlaggning-platser,baslinje,2025,3\n`)).toEqual(["uppfoljning.csv:2: kind: 09 sjalvvald-inlaggning-platser: mål saknas"])
    expect(problems(`${header}\n09,sjalvvald-inlaggning-platser,baslinje,"2025\n`)[0]).toBe("uppfoljning.csv:2: ogiltig CSV: ett citattecken öppnas men stängs aldrig")
  })
})
