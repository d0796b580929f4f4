import { tmpdir } from "node:os"
import { formatIssues } from "@uppdrag/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { Cube } from "../../src/index.js"
import { header } from "../fixtures.js"

const years = { from: 2023, to: 2024 }
const problems = async (text: string | Uint8Array): Promise<Array<string>> => {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text
  const result = await Cube.fromEpisodes([bytes], "episoder.csv", { years })
  if (Result.isSuccess(result)) return []
  return formatIssues(result.failure.source, result.failure.issues)
}
const ok = "P1,01,K,1990,sluten-lpt,2023-01-01,2023-01-10"

describe("malformed episode files: file, line and field, nothing computed", () => {
  it("a date that does not exist", async () => {
    expect(await problems(`${header}\n${ok}\nP2,01,K,1990,sluten-lpt,2023-02-30,2023-03-01\n`)).toEqual([
      'episoder.csv:3: start: "2023-02-30" är inte ett giltigt datum på formen ÅÅÅÅ-MM-DD'
    ])
  })

  it("end before start", async () => {
    expect(await problems(`${header}\nP2,01,K,1990,sluten-lpt,2023-03-01,2023-02-28\n`)).toEqual(['episoder.csv:2: end: slutdatum "2023-02-28" är före startdatum'])
  })

  it("unknown care form and unknown region, every problem reported", async () => {
    expect(await problems(`${header}\nP2,02,K,1990,sluten-lpt,2023-03-01,\nP3,01,K,1990,LPT,2023-03-01,\n`)).toEqual([
      'episoder.csv:2: region: okänd region "02" (ange SCB-kod 01–25)',
      'episoder.csv:3: careForm: okänd vårdform "LPT" (ska vara sluten-lpt, oppen-lpt, domstols-lrv, akut-lrv, oppen-lrv)'
    ])
  })

  it("Riket is not a region an episode can belong to", async () => {
    expect(await problems(`${header}\nP2,00,K,1990,sluten-lpt,2023-03-01,\n`)).toEqual(['episoder.csv:2: region: okänd region "00" (ange SCB-kod 01–25)'])
  })

  it("a missing column, a duplicate column", async () => {
    expect(await problems("patient,region,sex,birthYear,careForm,start\nP1,01,K,1990,sluten-lpt,2023-01-01\n")).toEqual([
      "episoder.csv:1: end: kolumnen saknas (rubriken ska vara patient,region,sex,birthYear,careForm,start,end)"
    ])
    expect(await problems(`${header},sex\n`)).toEqual(["episoder.csv:1: sex: kolumnen finns två gånger (kolumn 3 och 8)"])
  })

  it("a row with too few fields, an empty patient id, a bad sex", async () => {
    expect(await problems(`${header}\nP1,01,K,1990,sluten-lpt,2023-01-01\n,01,K,1990,sluten-lpt,2023-01-01,\nP3,01,X,1990,sluten-lpt,2023-01-01,\n`)).toEqual([
      "episoder.csv:2: raden har 6 fält, rubriken har 7",
      "episoder.csv:3: patient: patient-id saknas",
      'episoder.csv:4: sex: kön ska vara K eller M, fick "X"'
    ])
  })

  it("a negative or impossible birth year", async () => {
    expect(await problems(`${header}\nP1,01,K,-199,sluten-lpt,2023-01-01,\nP2,01,K,2024,sluten-lpt,2023-01-01,\n`)).toEqual([
      'episoder.csv:2: birthYear: födelseår ska vara ett årtal med fyra siffror från 1880, fick "-199"',
      "episoder.csv:3: birthYear: födelseår 2024 är efter vårdtillfällets start (2023)"
    ])
  })

  it("one patient with two sexes or two birth years", async () => {
    expect(await problems(`${header}\n${ok}\nP1,03,M,1990,oppen-lpt,2023-05-01,\nP1,03,K,1991,oppen-lpt,2023-05-01,\n`)).toEqual([
      "episoder.csv:3: sex: patienten har kön M här men K på rad 2",
      "episoder.csv:4: birthYear: patienten har födelseår 1991 här men 1990 på rad 2"
    ])
  })

  it("duplicate rows are the same episode and count once", async () => {
    const result = await Cube.fromEpisodes([new TextEncoder().encode(`${header}\n${ok}\n${ok}\n`)], "d.csv", { years, threshold: 2 })
    const cube = Result.getOrThrow(result)
    expect(cube.rows).toBe(2)
    expect(cube.distinctPatients).toBe(1)
    // One patient: masked, never published.
    expect(Cube.get(cube, { year: 2023, region: "01", sex: "K", ageGroup: "25-34", careForm: "sluten-lpt" })?.suppressed).toBe(true)
  })

  it("wrongly encoded files: UTF-16, Latin-1 bytes in an id", async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...new TextEncoder().encode(header)])
    expect(await problems(utf16)).toEqual(["episoder.csv:1: filen är kodad som UTF-16: spara den som UTF-8"])
    const latin1 = new Uint8Array([...new TextEncoder().encode(`${header}\nP`), 0xe5, ...new TextEncoder().encode(",01,K,1990,sluten-lpt,2023-01-01,\n")])
    expect(await problems(latin1)).toEqual(["episoder.csv:2: patient: ogiltig teckenkodning: filen ska vara UTF-8"])
  })

  it("an empty file, an unterminated quote", async () => {
    expect(await problems("")).toEqual(["episoder.csv:1: filen är tom (rubrikraden saknas)"])
    expect((await problems(`${header}\n"P1,01,K,1990,sluten-lpt,2023-01-01,\n`))[0]).toBe("episoder.csv:2: ogiltig CSV: ett citattecken öppnas men stängs aldrig")
  })

  it("bad options: threshold outside 2–100, years backwards", async () => {
    const result = await Cube.fromEpisodes([new TextEncoder().encode(`${header}\n${ok}\n`)], "d.csv", { years: { from: 2024, to: 2023 }, threshold: 1 })
    expect(Result.isFailure(result) && formatIssues(result.failure.source, result.failure.issues)).toEqual([
      "inställningar: threshold: tröskeln ska vara ett heltal från 2 till 100, fick 1",
      "inställningar: years: ogiltigt årsintervall 2024-2023"
    ])
  })

  it("a header without rows is refused, not an all-zero cube (issue 15)", async () => {
    expect(await problems(`${header}\n`)).toEqual(["episoder.csv: filen innehåller bara rubrikraden, inga episoder"])
    expect(await problems(`${header}\n\n\n`)).toEqual(["episoder.csv: filen innehåller bara rubrikraden, inga episoder"])
  })

  it("a folder in place of the file", async () => {
    const result = await Cube.fromEpisodeFile(tmpdir(), { years })
    expect(Result.isFailure(result) && result.failure.message).toBe(`${tmpdir()}: är en katalog, inte en fil`)
  })

  it("a file that does not exist", async () => {
    const result = await Cube.fromEpisodeFile("/finns/inte.csv", { years })
    expect(Result.isFailure(result) && result.failure.message).toBe("/finns/inte.csv: filen finns inte")
  })
})
