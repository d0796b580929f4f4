import type { Allocation } from "@uppdrag/allocation"
import writeXlsxFile from "write-excel-file/node"

/**
 * The allocation as an .xlsx workbook (write-excel-file): one sheet, a
 * header row, one row per region and a totals row; amounts are numeric
 * cells (format `# ##0` shows the thousands grouping), codes are text.
 */
export const toXlsx = async (allocation: Allocation.Allocation, titles: ReadonlyMap<string, string>): Promise<Uint8Array> => {
  const header = ["Kod", "Region", ...allocation.components.map((c) => titles.get(c.id) ?? c.id), "Totalt"].map((value) => ({ value, fontWeight: "bold" as const }))
  const money = (value: number) => ({ type: Number, value, format: "#,##0" })
  const rows = allocation.rows.map((r) => [
    { type: String, value: r.region },
    { type: String, value: r.name },
    ...allocation.components.map((c) => money(r.amounts[c.id] ?? 0)),
    money(r.total)
  ])
  const totals = [{ type: String, value: "" }, { type: String, value: "Riket", fontWeight: "bold" as const }, ...allocation.components.map((c) => money(c.amount)), money(allocation.total)]
  const buffer = await writeXlsxFile([header, ...rows, totals], {
    sheet: allocation.grant.slice(0, 31),
    columns: [{ width: 6 }, { width: 24 }, ...allocation.components.map(() => ({ width: 20 })), { width: 16 }]
  }).toBuffer()
  return new Uint8Array(buffer)
}
