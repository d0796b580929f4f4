import { Assignment, CalendarDate } from "@uppdrag/core"
import { loadCatalog } from "../../terminal/Catalog.js"
import { CliError } from "../../terminal/CliError.js"
import { renderTable } from "../../terminal/Table.js"

export const start = async (options: { catalog?: Array<string>; asOf?: string }): Promise<void> => {
  const catalog = loadCatalog(options.catalog)
  const asOf = options.asOf === undefined ? CalendarDate.today() : parseDate(options.asOf)
  const upcoming = catalog.assignments
    .flatMap((a) => a.obligations.filter((o) => o.due !== null && o.due >= asOf).map((o) => ({ a, o })))
    .sort((x, y) => (x.o.due! < y.o.due! ? -1 : 1))
  process.stdout.write(`Kommande tidsfrister per ${asOf}\n\n`)
  process.stdout.write(
    renderTable(
      [{ header: "Datum" }, { header: "Dagar", numeric: true }, { header: "Typ" }, { header: "Uppdrag" }, { header: "Mottagare" }],
      upcoming.map(({ a, o }) => [o.due!, String(CalendarDate.daysBetween(asOf, o.due!)), o.kind, Assignment.mainDiaryNumber(a), o.recipient])
    )
  )
}

const parseDate = (text: string): CalendarDate.CalendarDate => {
  const result = CalendarDate.parse(text)
  if (result._tag === "Failure") throw new CliError([`--as-of: ${result.failure}`])
  return result.success
}
