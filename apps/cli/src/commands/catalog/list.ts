import { Assignment, Kronor } from "@uppdrag/core"
import { loadCatalog } from "../../terminal/Catalog.js"
import { writeOutput } from "../../terminal/Output.js"
import { renderTable } from "../../terminal/Table.js"

export const catalogList = (options: { format: "table" | "json"; catalog?: Array<string>; out?: string }): void => {
  const catalog = loadCatalog(options.catalog)
  if (options.format === "json") {
    const items = catalog.assignments.map((a) => ({
      id: a.id,
      kind: a.kind,
      diaryNumbers: a.diaryNumbers,
      title: a.title,
      decided: a.decided,
      decidedPrecision: a.decidedPrecision,
      recipient: a.recipient,
      ...(a.concerns === undefined ? {} : { concerns: a.concerns, issuedBy: a.issuedBy }),
      funding: a.funding.map((f) => ({ year: f.year, total: f.total, planned: f.planned })),
      grants: a.grants.map((g) => g.id),
      obligations: a.obligations.length
    }))
    writeOutput(`${JSON.stringify(items, null, 2)}\n`, options.out)
    return
  }
  const rows = catalog.assignments.map((a) => {
    const total = a.funding.filter((f) => !f.planned).reduce((sum, f) => sum + f.total, 0)
    return [Assignment.mainDiaryNumber(a), Assignment.kindLabel(a.kind), Assignment.formatDecided(a), a.funding.length === 0 ? "–" : Kronor.format(total), shorten(a.title, 70)]
  })
  writeOutput(
    renderTable([{ header: "Diarienummer" }, { header: "Slag" }, { header: "Datum" }, { header: "Medel", numeric: true }, { header: "Rubrik" }], rows),
    options.out
  )
}

const shorten = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`)
