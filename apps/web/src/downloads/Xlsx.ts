import type { Table } from "@uppdrag/application"
import writeXlsxFile from "write-excel-file/node"

/** What the workbook needs of a column: its Swedish header, kind and decimals. */
export type Column = Pick<Table.Column<never>, "header" | "kind" | "decimals">

/**
 * An Excel number format for a column: kronor `#,##0" kr"`, counts `#,##0`,
 * decimals `#,##0.0` (as many decimals as the column shows). Excel shows the
 * `,` of a format as the reader's digit grouping, so Swedish Excel shows
 * `58 203 923 kr`, and the cell stays a number.
 *
 * @example
 * Xlsx.numberFormat({ header: "Belopp", kind: "kronor" }) // '#,##0" kr"'
 */
export const numberFormat = (column: Column): string | undefined => {
  switch (column.kind) {
    case "kronor":
      return '#,##0" kr"'
    case "integer":
      return "#,##0"
    case "decimal": {
      const decimals = column.decimals ?? 1
      return decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(decimals)}`
    }
    default:
      return undefined
  }
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * An .xlsx workbook of one sheet for people (write-excel-file, the
 * spreadsheet library the CLI uses): a bold Swedish header row, then the
 * rows. Numbers are numeric cells with the column's number format (kronor,
 * counts, decimals), dates in date columns are date cells shown
 * `yyyy-mm-dd` (so they sort and filter as dates), text is text, missing
 * is empty. The header row is frozen.
 *
 * @example
 * const bytes = await Xlsx.render("Fördelning 2026", [{ header: "Region", kind: "text" }, { header: "Totalt", kind: "kronor" }], [["Stockholms län", 347393632]])
 */
export const render = async (sheet: string, columns: ReadonlyArray<Column>, rows: ReadonlyArray<ReadonlyArray<Table.PeopleCell>>): Promise<Uint8Array> => {
  const cell = (column: Column | undefined, value: Table.PeopleCell) => {
    if (value === null) return null
    if (typeof value === "number") {
      const format = column === undefined ? undefined : numberFormat(column)
      return format === undefined ? { type: Number, value } : { type: Number, value, format }
    }
    const date = column?.kind === "date" ? value.match(isoDate) : null
    // Calendar dates as midnight UTC: write-excel-file counts serial days in UTC, so no zone shifts the day.
    if (date !== null) return { type: Date, value: new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]))), format: "yyyy-mm-dd" }
    return { type: String, value }
  }
  const data = [columns.map((c) => ({ value: c.header, fontWeight: "bold" as const })), ...rows.map((row) => row.map((value, i) => cell(columns[i], value)))]
  const widths = columns.map((c, i) => {
    let widest = c.header.length
    for (const row of rows) {
      const value = row[i]
      const length = value === null || value === undefined ? 0 : typeof value === "number" ? String(Math.round(value)).length * 1.35 + 3 : value.length
      if (length > widest) widest = length
    }
    return { width: Math.round(Math.min(60, Math.max(10, widest + 2))) }
  })
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const name = sheet.replace(/[:\\/?*[\]]/g, " ").slice(0, 31)
  const buffer = await writeXlsxFile(data, { sheet: name, columns: widths, stickyRowsCount: 1 }).toBuffer()
  return new Uint8Array(buffer)
}
