import { DeadlineList, GrantState, Table } from "@uppdrag/application"
import { parse as parseCsv } from "csv-parse/sync"
import fc from "fast-check"
import readSheet from "read-excel-file/node"
import { afterAll, describe, expect, it } from "vitest"
import * as Csv from "../src/downloads/Csv.js"
import * as WebApp from "../src/WebApp.js"
import { makeStoredSite } from "./support/TestSite.js"

const GRANT = "specialiserad-psykiatri-2026"

/** The people's CSV as Swedish Excel reads it: UTF-8 with a BOM, semicolons, CRLF. */
const peopleCsv = async (response: Response): Promise<{ header: Array<string>; rows: Array<Record<string, string>> }> => {
  expect(response.status).toBe(200)
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8")
  const bytes = Buffer.from(await response.arrayBuffer())
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const text = bytes.toString("utf8")
  expect(text.endsWith("\r\n")).toBe(true)
  expect(text.replaceAll("\r\n", "").includes("\n")).toBe(false)
  const [header = [], ...records] = parseCsv(bytes, { bom: true, delimiter: ";", record_delimiter: "\r\n" }) as Array<Array<string>>
  return { header, rows: records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""]))) }
}

const entities: Record<string, string> = { "&amp;": "&", "&quot;": '"', "&#39;": "'", "&lt;": "<", "&gt;": ">" }
const textOf = (html: string): string => html.replace(/<[^>]*>/g, "").replace(/&(amp|quot|#39|lt|gt);/g, (e) => entities[e] ?? e).trim()

/** A table of a page by its caption: header texts and each row's cell texts (row header first). */
const pageTable = (html: string, caption: string): { headers: Array<string>; rows: Array<Array<string>> } => {
  const table = [...html.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)].map((m) => m[1] ?? "").find((t) => textOf(t.match(/<caption>([\s\S]*?)<\/caption>/)?.[1] ?? "").startsWith(caption))
  if (table === undefined) throw new Error(`no table "${caption}"`)
  const cells = (row: string) => [...row.matchAll(/<(td|th)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => textOf(m[2] ?? ""))
  const head = table.match(/<thead>([\s\S]*?)<\/thead>/)?.[1] ?? ""
  const body = table.match(/<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? ""
  return { headers: cells(head), rows: [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => cells(m[1] ?? "")) }
}

/** A cell compared without spaces, so the same figure reads alike on the page and in the CSV: `58 203 923 kr` is `58203923`, `−2,5` is `-2,5`, `–` is empty. */
const same = (page: string): string => (page === "–" ? "" : page.replace(/[\s\u00a0]+/g, "").replace(/kr$/, "").replace("−", "-"))

/**
 * Every cell of the page's table equals the people's CSV in the column of
 * the same header, for the CSV row whose `key` column holds the row's
 * header cell (or, with `keyColumn`, another cell of the row).
 */
const expectPageMatchesCsv = (page: { headers: Array<string>; rows: Array<Array<string>> }, csv: { header: Array<string>; rows: Array<Record<string, string>> }, key: string, compare: ReadonlyArray<string>, keyColumn = 0) => {
  expect(page.rows.length).toBeGreaterThan(0)
  for (const h of compare) expect(csv.header, h).toContain(h)
  for (const row of page.rows) {
    const found = csv.rows.filter((r) => r[key] === row[keyColumn])
    expect(found, `${key} ${row[keyColumn]}`).toHaveLength(1)
    for (const h of compare) expect(same(found[0]?.[h] ?? ""), `${row[keyColumn]}: ${h}`).toBe(same(row[page.headers.indexOf(h)] ?? "(saknas)"))
  }
}

describe("exports for people (issue 12): Swedish headers and values, semicolon CSV and xlsx", async () => {
  const stored = await makeStoredSite()
  const app = WebApp.make(stored.site, { pageCache: 0 })
  afterAll(() => stored.close())
  const html = async (path: string) => {
    const response = await app.request(path)
    expect(response.status).toBe(200)
    return response.text()
  }

  it("the allocation's CSV for Excel reads back as the page's table, to the krona: Stockholms län 347 393 632 kr, Uppsala län 58 203 923 kr", async () => {
    const csv = await peopleCsv(await app.request(`/fordelning/${GRANT}/fordelning.excel.csv`))
    expect(csv.header).toEqual(["Kod", "Region", "Medel vårdkapacitet (18+)", "Medel självvald inläggning (18+)", "Medel flexibla övergångar (0-25)", "Totalt per region"])
    const page = pageTable(await html(`/fordelning/${GRANT}`), "Fördelning per region och komponent")
    expect(page.headers.slice(1)).toEqual(csv.header.slice(2))
    expectPageMatchesCsv(page, csv, "Region", page.headers.slice(1))
    expect(csv.rows.find((r) => r.Region === "Stockholms län")?.["Totalt per region"]).toBe("347393632")
    expect(csv.rows.find((r) => r.Kod === "03")?.["Totalt per region"]).toBe("58203923")
  })

  it("the ledger's CSV for Excel is the page's ledger, Riket included: Uppsala's 58 203 923 kr requisitioned", async () => {
    const csv = await peopleCsv(await app.request(`/fordelning/${GRANT}/liggare.excel.csv`))
    expect(csv.header).toEqual(Table.headers(GrantState.ledgerColumns))
    const page = pageTable(await html(`/fordelning/${GRANT}`), "Liggare för statsbidrag 2026")
    expectPageMatchesCsv(page, csv, "Region", page.headers.slice(1))
    expect(csv.rows.find((r) => r.Region === "Uppsala län")).toMatchObject({ Tilldelat: "58203923", Rekvirerat: "58203923" })
    expect(csv.rows.at(-1)?.Region).toBe("Riket")
  })

  it("the deadlines' CSV for Excel says Försenad, Delredovisning, Ja, not forsenad, delredovisning, true, and matches the assignment page", async () => {
    const csv = await peopleCsv(await app.request(`/uppdrag/${GRANT}/tidsfrister.excel.csv?datum=2026-11-23`))
    expect(csv.header).toEqual(Table.headers(DeadlineList.columns))
    const page = pageTable(await html(`/uppdrag/${GRANT}?datum=2026-11-23`), "Skyldigheter i S2025/01528")
    expectPageMatchesCsv(page, csv, "Id", ["Status", "Typ", "Vad", "Arbetsdagar", "Mottagare"], page.headers.indexOf("Id"))
    const report = csv.rows.find((r) => r.Id === "delredovisning-2027-05-30")
    expect(report).toMatchObject({ Förfaller: "2027-05-30", Status: "Kommande", Typ: "Delredovisning", "Helgdag eller helg": "söndag", "Närmast följande vardag": "2027-05-31" })
    expect(csv.rows.find((r) => r.Id === "delredovisning-2026-03-30")?.Status).toBe("Inlämnad")
    for (const row of csv.rows) {
      expect(Object.values(DeadlineList.statusLabels)).toContain(row.Status)
      expect(["Ja", "Nej"]).toContain(row["Ange diarienummer"])
    }
    // Översikt's file, every duty as of 2026-11-23: overdue ones read Försenad.
    const all = await peopleCsv(await app.request("/tidsfrister.excel.csv?datum=2026-11-23"))
    expect(all.rows.some((r) => r.Status === "Försenad")).toBe(true)
    expect(all.rows.some((r) => /forsenad|delredovisning$/.test(`${r.Status}${r.Typ}`))).toBe(false)
  })

  it("the meetings' CSV for Excel says Planerat and matches Möten's dates", async () => {
    const csv = await peopleCsv(await app.request("/moten/moten.excel.csv?fran=2026-04-01&till=2026-06-30"))
    expect(csv.rows.find((r) => r.Datum === "2026-04-14")).toMatchObject({ Status: "Planerat" })
    const page = pageTable(await html("/moten?fran=2026-04-01&till=2026-06-30"), "Möten 2026-04-01")
    expect(csv.rows.map((r) => r.Datum)).toEqual(page.rows.map((r) => r[0]))
  })

  it("Möten's recorded tables download as what the page shows: Uppsala's agreement of 2026-06-15, its follow-up, the 2026 assignment's consultations", async () => {
    const page = await html("/moten")
    const agreements = await peopleCsv(await app.request("/moten/overenskommelser.excel.csv"))
    expect(agreements.rows).toHaveLength(pageTable(page, "Överenskommelser och uppföljning per region").rows.length)
    const uppsala = agreements.rows.find((r) => r.Region === "Uppsala län")
    expect(Object.values(uppsala ?? {}).join("|")).toContain("2026-06-15")
    const followUps = await peopleCsv(await app.request("/moten/uppfoljningar.excel.csv"))
    expect(followUps.rows.map((r) => r.Region)).toEqual(pageTable(page, "Registrerade årliga uppföljningar").rows.map((r) => r[0]))
    const consultations = await peopleCsv(await app.request("/moten/samrad.excel.csv"))
    expect(consultations.rows).toHaveLength(pageTable(page, "Samråd per uppdrag").rows.length)
    const meetings = await peopleCsv(await app.request("/moten/registrerade.excel.csv"))
    expect(meetings.rows.map((r) => r.Datum)).toEqual(pageTable(page, "Registrerade möten till och med").rows.map((r) => r[0]))
    // The machine file of the same table keeps field names, and a query the address does not take is refused.
    const machine = await (await app.request("/moten/overenskommelser.csv")).text()
    expect(machine.split("\n")[0]).toContain("region")
    expect((await app.request("/moten/samrad.csv?datum=2026-01-01")).status).toBe(400)
  })

  it("decimals read with a decimal comma and protected values as 'skyddat', as on Indikatorer", async () => {
    const csv = await peopleCsv(await app.request("/indikatorer/regioner.excel.csv?indikator=lrv-domstol-patienter&ar=2023&kon=K"))
    expect(csv.header.slice(0, 2)).toEqual(["Kod", "Region"])
    const ratios = csv.rows.map((r) => r["Kvot mot riket"] ?? "").filter((v) => v !== "")
    expect(ratios.length).toBeGreaterThan(0)
    for (const ratio of ratios) expect(ratio).toMatch(/^-?\d+(,\d{1,2})?$/)
    expect(csv.rows.some((r) => Object.values(r).includes("skyddat"))).toBe(true)
  })

  it("the cube for Excel has Swedish headers and names and a BOM; the machine cube stays the indicators package's CSV", async () => {
    const csv = await peopleCsv(await app.request("/indikatorer/kub.excel.csv"))
    expect(csv.header).toEqual(["År", "Region", "Kön", "Åldersgrupp", "Vårdform", "Antal patienter", "Antal patienter/100 000 inv", "Skyddat"])
    expect(csv.rows[0]).toMatchObject({ Region: "Riket" })
    expect(new Set(csv.rows.map((r) => r.Kön))).toEqual(new Set(["Kvinnor", "Män", "Båda könen"].filter((s) => csv.rows.some((r) => r.Kön === s))))
    for (const row of csv.rows.slice(0, 500)) {
      expect(["Ja", "Nej"]).toContain(row.Skyddat)
      if (row.Skyddat === "Ja") expect(row["Antal patienter"]).toBe("")
    }
    const machine = await (await app.request("/indikatorer/kub.csv")).text()
    expect(machine.split("\n")[0]).toBe("year,region,sex,ageGroup,careForm,patients,per100k,suppressed")
  })

  it("the machine CSV stays: RFC 4180, comma, field names and machine values, as the CLI's --format csv", async () => {
    const response = await app.request(`/uppdrag/${GRANT}/tidsfrister.csv?datum=2026-11-23`)
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="tidsfrister-${GRANT}-2026-11-23-maskinlasbar.csv"`)
    const rows = parseCsv(Buffer.from(await response.arrayBuffer()), { bom: true, columns: true }) as Array<Record<string, string>>
    expect(rows.find((r) => r.id === "delredovisning-2027-05-30")).toMatchObject({ status: "kommande", kind: "delredovisning", citeDiaryNumber: "ja" })
  })

  it("every page links its tables' three files, and every one answers", async () => {
    for (const path of ["/?datum=2026-11-23", `/uppdrag/${GRANT}?datum=2026-11-23`, `/fordelning/${GRANT}`, "/moten", "/indikatorer"]) {
      const page = await html(path)
      const hrefs = [...page.matchAll(/<a href="([^"]+)" download/g)].map((m) => (m[1] ?? "").replaceAll("&amp;", "&"))
      const tables = hrefs.filter((h) => /\.xlsx(\?|$)/.test(h))
      expect(tables.length, path).toBeGreaterThan(0)
      for (const xlsx of tables) {
        expect(hrefs, path).toContain(xlsx.replace(".xlsx", ".excel.csv"))
        expect(hrefs, path).toContain(xlsx.replace(".xlsx", ".csv"))
      }
      expect(page).toContain("(CSV för maskinläsning)")
      for (const href of hrefs) expect((await app.request(href)).status, href).toBe(200)
    }
  })

  it("xlsx: Swedish headers, kronor and counts as numeric cells, dates as date cells", async () => {
    const allocation = Buffer.from(await (await app.request(`/fordelning/${GRANT}/fordelning.xlsx`)).arrayBuffer())
    const [sheet] = await readSheet(allocation)
    const rows = sheet?.data ?? []
    expect(rows[0]?.[0]).toBe("Kod")
    expect(rows[0]?.at(-1)).toBe("Totalt per region")
    expect(rows.find((r) => r[0] === "01")?.at(-1)).toBe(347_393_632)
    expect(rows.find((r) => r[0] === "03")?.at(-1)).toBe(58_203_923)
    const deadlines = Buffer.from(await (await app.request(`/uppdrag/${GRANT}/tidsfrister.xlsx?datum=2026-11-23`)).arrayBuffer())
    const [timeline] = await readSheet(deadlines)
    const [header = [], ...body] = timeline?.data ?? []
    expect(header).toEqual(Table.headers(DeadlineList.columns))
    const column = (name: string) => header.indexOf(name)
    const report = body.find((r) => r[column("Id")] === "delredovisning-2027-05-30")
    expect(report?.[column("Förfaller")]).toEqual(new Date(Date.UTC(2027, 4, 30)))
    expect(typeof report?.[column("Dagar")]).toBe("number")
    expect(report?.[column("Status")]).toBe("Kommande")
    expect(report?.[column("Typ")]).toBe("Delredovisning")
  })
})

describe("Csv.renderForPeople", () => {
  it("reads back cell for cell with semicolons, a BOM and decimal commas, whatever the text holds", () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), fc.integer({ min: -99_999, max: 99_999 }).map((n) => n / 100), fc.constant(null))
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 8 }), (rows) => {
        const text = Csv.renderForPeople(["A", "B", "C"], rows)
        expect(text.startsWith("\uFEFFA;B;C\r\n")).toBe(true)
        const back = parseCsv(text, { bom: true, delimiter: ";", record_delimiter: "\r\n", relax_column_count: false }) as Array<Array<string>>
        expect(back.slice(1)).toEqual(
          rows.map((row) => row.map((c) => (c === null ? "" : typeof c === "number" ? String(c).replace(".", ",") : /^[=+\-@\t\r]/.test(c) ? `'${c}` : c)))
        )
        for (const [i, row] of rows.entries())
          for (const [j, c] of row.entries()) if (typeof c === "number") expect(Number(back[i + 1]?.[j]?.replace(",", "."))).toBe(c)
      }),
      { numRuns: 200 }
    )
  })
})
