import { Table } from "@uppdrag/application"
import type { Context } from "hono"
import * as Attachment from "./Attachment.js"
import * as Csv from "./Csv.js"
import * as Xlsx from "./Xlsx.js"

/**
 * The files a table is offered as, by the suffix of its address:
 * `xlsx` and `excel.csv` for people (Swedish headers and values), `csv` for
 * machines (field names and machine values, the CLI's `--format csv`).
 */
export const formats = ["xlsx", "excel.csv", "csv"] as const

/** One of {@link formats}. */
export type Format = (typeof formats)[number]

/** A table to download: the application's definition and its rows, with the file's name (ASCII, no suffix) and the sheet's title. */
export interface Export<Row> {
  readonly name: string
  readonly sheet: string
  readonly columns: Table.Columns<Row>
  readonly rows: ReadonlyArray<Row>
}

/**
 * The people's rows: Swedish headers and {@link Table.peopleCells}.
 *
 * @example
 * Export.forPeople({ name: "x", sheet: "X", columns: DeadlineList.columns, rows }).header[3] // "Status"
 */
export const forPeople = <Row>(table: Export<Row>): { readonly header: Array<string>; readonly rows: Array<Array<Table.PeopleCell>> } => ({
  header: Table.headers(table.columns),
  rows: table.rows.map((row) => Table.peopleCells(table.columns, row))
})

/**
 * Sends a table in one format: the xlsx workbook and the semicolon CSV for
 * people as `<name>.xlsx` and `<name>.csv`, the machine CSV as
 * `<name>-maskinlasbar.csv` (so both CSV files can sit in one folder).
 *
 * @example
 * return Export.send(c, "excel.csv", { name: "tidsfrister-2026-11-23", sheet: "Tidsfrister", columns: DeadlineList.columns, rows })
 */
export const send = async <Row>(c: Context, format: Format, table: Export<Row>): Promise<Response> => {
  if (format === "csv") {
    const rows = table.rows.map((row) => Table.cells(table.columns, row))
    return Attachment.send(c, `${table.name}-maskinlasbar.csv`, "csv", Csv.render(Table.fields(table.columns), rows))
  }
  const people = forPeople(table)
  if (format === "excel.csv") return Attachment.send(c, `${table.name}.csv`, "csv", Csv.renderForPeople(people.header, people.rows))
  return Attachment.send(c, `${table.name}.xlsx`, "xlsx", await Xlsx.render(table.sheet, table.columns, people.rows))
}
