import { Catalog, Kronor, Region } from "@uppdrag/core"
import * as Result from "effect/Result"
import { CliError } from "../../terminal/CliError.js"
import { renderCsv } from "../../terminal/Csv.js"
import { writeOutput } from "../../terminal/Output.js"
import { storeFailure, withStore } from "../../terminal/Store.js"
import { renderTable } from "../../terminal/Table.js"

const fields = ["allocated", "requisitioned", "paidOut", "reportedUsed", "toRepay", "repaid", "outstanding"] as const
type Field = (typeof fields)[number]
type Row = { readonly region: string } & Readonly<Record<Field, number>>

const headers: Record<Field, string> = {
  allocated: "Tilldelat",
  requisitioned: "Rekvirerat",
  paidOut: "Utbetalt",
  reportedUsed: "Redovisat använt",
  toRepay: "Att återbetala",
  repaid: "Återbetalt",
  outstanding: "Utestående"
}

// Exactly the shape of issue #7: { grant, rows: [{ region, allocated, … }], total: { same fields } }.
const pick = (row: Row): Row => ({
  region: row.region,
  allocated: row.allocated,
  requisitioned: row.requisitioned,
  paidOut: row.paidOut,
  reportedUsed: row.reportedUsed,
  toRepay: row.toRepay,
  repaid: row.repaid,
  outstanding: row.outstanding
})

export const ledgerShow = async (options: { grant: string; format: "table" | "json" | "csv"; out?: string; db?: string; catalog?: Array<string> }): Promise<void> => {
  await withStore(options, async ({ store, catalog }) => {
    if (Catalog.findGrant(catalog, options.grant) === undefined) {
      const known = Catalog.grants(catalog).map((g) => g.grant.id)
      throw new CliError([`--grant: okänt statsbidrag ${JSON.stringify(options.grant)} (kända: ${known.join(", ")})`])
    }
    const result = await store.ledger(options.grant)
    if (Result.isFailure(result)) throw storeFailure(result.failure)
    const summary = result.success
    const rows = summary.rows.map(pick)
    const total = pick(summary.total)
    if (options.format === "json") {
      writeOutput(`${JSON.stringify({ grant: summary.grant, rows, total }, null, 2)}\n`, options.out)
    } else if (options.format === "csv") {
      const line = (row: Row, name: string) => [row.region, name, ...fields.map((f) => row[f])]
      writeOutput(
        renderCsv(["region", "name", ...fields], [...rows.map((r) => line(r, Region.fromCode(r.region)?.name ?? r.region)), line(total, "Riket")]),
        options.out
      )
    } else {
      const cells = (row: Row, name: string) => [name, ...fields.map((f) => Kronor.formatNumber(row[f]))]
      writeOutput(
        renderTable(
          [{ header: "Region" }, ...fields.map((f) => ({ header: headers[f], numeric: true }))],
          rows.map((r) => cells(r, `${r.region} ${Region.fromCode(r.region)?.name ?? ""}`.trim())),
          cells(total, "Riket")
        ),
        options.out
      )
    }
  })
}
