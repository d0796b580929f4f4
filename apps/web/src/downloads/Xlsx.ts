import writeXlsxFile from "write-excel-file/node"
import type { Cell } from "./Csv.js"

/**
 * An .xlsx workbook of one sheet (write-excel-file, the spreadsheet library
 * the CLI uses): a bold header row, then the rows; numbers are numeric cells
 * (whole kronor with thousands grouping), flags are booleans, text is text,
 * empty is empty. Opens
 * in Excel and LibreOffice with numbers as numbers.
 *
 * @example
 * const bytes = await Xlsx.render("Fördelning 2026", ["Region", "Totalt"], [["Stockholms län", 347393632]])
 */
export const render = async (sheet: string, header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<Cell>>): Promise<Uint8Array> => {
  const cell = (value: Cell) => {
    if (value === null) return null
    if (typeof value === "number") return { type: Number, value, format: Number.isInteger(value) ? "#,##0" : "#,##0.0" }
    if (typeof value === "bigint") return { type: Number, value: Number(value), format: "#,##0" }
    if (typeof value === "boolean") return { type: Boolean, value }
    return { type: String, value }
  }
  const data = [header.map((value) => ({ value, fontWeight: "bold" as const })), ...rows.map((row) => row.map(cell))]
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const name = sheet.replace(/[:\\/?*[\]]/g, " ").slice(0, 31)
  const buffer = await writeXlsxFile(data, { sheet: name, columns: header.map((h) => ({ width: Math.min(60, Math.max(10, h.length + 2)) })) }).toBuffer()
  return new Uint8Array(buffer)
}
