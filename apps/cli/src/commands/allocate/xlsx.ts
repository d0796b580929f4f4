import { Provenance } from "@uppdrag/allocation"
import type { GrantAllocation } from "@uppdrag/application"
import writeXlsxFile from "write-excel-file/node"

const bold = (value: string) => ({ value, fontWeight: "bold" as const })
const money = (value: number) => ({ type: Number, value, format: "#,##0" })

/**
 * The allocation as an .xlsx workbook (write-excel-file): the allocation
 * sheet (a PRELIMINÄR row first when preliminary, a header row, one row per
 * region and a totals row; amounts numeric cells with `# ##0`, codes text)
 * and an `Ursprung` sheet with the provenance.
 */
export const toXlsx = async (result: GrantAllocation.Allocated): Promise<Uint8Array> => {
  const { allocation, provenance } = result
  const header = ["Kod", "Region", ...allocation.components.map((c) => c.title ?? c.id), "Totalt"].map(bold)
  const rows = allocation.rows.map((r) => [
    { type: String, value: r.region },
    { type: String, value: r.name },
    ...allocation.components.map((c) => money(r.amounts[c.id] ?? 0)),
    money(r.total)
  ])
  const totals = [{ type: String, value: "" }, bold("Riket"), ...allocation.components.map((c) => money(c.amount)), money(allocation.total)]
  const banner = result.preliminary ? [[bold(`PRELIMINÄR: ${provenance.preliminary.join("; ")}`)]] : []
  const buffer = await writeXlsxFile([
    {
      data: [...banner, header, ...rows, totals],
      sheet: allocation.grant.slice(0, 31),
      columns: [{ width: 6 }, { width: 24 }, ...allocation.components.map(() => ({ width: 20 })), { width: 16 }]
    },
    {
      data: [[bold("Uppgift"), bold("Värde")], ...Provenance.entries(provenance).map(([label, value]) => [{ type: String, value: label }, { type: String, value }])],
      sheet: "Ursprung",
      columns: [{ width: 28 }, { width: 100 }]
    }
  ]).toBuffer()
  return new Uint8Array(buffer)
}

/** A capped pot's outcome as an .xlsx workbook, one row per region and the Riket row, amounts numeric. */
export const cappedToXlsx = async (result: GrantAllocation.CappedAllocated): Promise<Uint8Array> => {
  const { outcome, totals } = result
  const header = ["Kod", "Region", "Befolkning", "Tak", "Intjänat", "Omfördelat", "Belopp"].map(bold)
  const rows = outcome.rows.map((r) => [
    { type: String, value: r.region },
    { type: String, value: r.name },
    money(r.population),
    money(r.cap),
    money(r.earned),
    money(r.redistributed),
    money(r.amount)
  ])
  const riket = [{ type: String, value: "" }, bold("Riket"), money(totals.population), money(totals.cap), money(totals.earned), money(totals.redistributed), money(totals.amount)]
  const buffer = await writeXlsxFile([header, ...rows, riket], {
    sheet: result.grant.id.slice(0, 31),
    columns: [{ width: 6 }, { width: 24 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }]
  }).toBuffer()
  return new Uint8Array(buffer)
}
