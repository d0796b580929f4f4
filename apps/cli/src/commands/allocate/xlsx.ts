import type { Allocation, CappedPot } from "@uppdrag/allocation"
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

/** A capped pot's outcome as an .xlsx workbook, one row per region and a totals row, amounts numeric. */
export const cappedToXlsx = async (grant: string, outcome: CappedPot.Outcome): Promise<Uint8Array> => {
  const header = ["Kod", "Region", "Befolkning", "Tak", "Intjänat", "Omfördelat", "Belopp"].map((value) => ({ value, fontWeight: "bold" as const }))
  const number = (value: number) => ({ type: Number, value, format: "#,##0" })
  const rows = outcome.rows.map((r) => [
    { type: String, value: r.region },
    { type: String, value: r.name },
    number(r.population),
    number(r.cap),
    number(r.earned),
    number(r.redistributed),
    number(r.amount)
  ])
  const redistributed = outcome.rows.reduce((sum, r) => sum + r.redistributed, 0)
  const totals = [
    { type: String, value: "" },
    { type: String, value: "Riket", fontWeight: "bold" as const },
    number(outcome.rows.reduce((sum, r) => sum + r.population, 0)),
    number(outcome.pot),
    number(outcome.paid - redistributed),
    number(redistributed),
    number(outcome.paid)
  ]
  const buffer = await writeXlsxFile([header, ...rows, totals], {
    sheet: grant.slice(0, 31),
    columns: [{ width: 6 }, { width: 24 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }]
  }).toBuffer()
  return new Uint8Array(buffer)
}
