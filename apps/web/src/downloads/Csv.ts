import type { Table } from "@uppdrag/application"
import { stringify } from "csv-stringify/sync"

/** A value in a downloaded table: text, a number, a flag (`true`/`false`), or empty. */
export type Cell = string | number | bigint | boolean | null

/**
 * RFC 4180 CSV (comma, CRLF, quotes where needed) with a UTF-8 byte-order
 * mark so Excel opens å, ä and ö correctly. Numbers are plain (`347393632`),
 * dates ISO (`2027-05-30`), flags `true`/`false`, empty cells empty. The
 * machine CSV: field names and machine values, as `uppdrag … --format csv`.
 *
 * @example
 * Csv.render(["region", "total"], [["01", 347393632]]) // "\uFEFFregion,total\r\n01,347393632\r\n"
 */
export const render = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<Cell>>): string =>
  `\uFEFF${stringify([[...header], ...rows.map((row) => row.map((cell) => (cell === null ? "" : typeof cell === "string" ? cell : String(cell))))], {
    record_delimiter: "windows"
  })}`

/**
 * CSV for people, as Swedish Excel and LibreOffice open it in columns by a
 * double click: semicolon separated (the list separator where the comma is
 * the decimal sign), decimal comma (`12,3`), whole numbers without grouping
 * (`58203923`, so they stay numbers), negative numbers with a hyphen, dates
 * ISO (`2027-05-30`, read as dates), CRLF, UTF-8 with a byte-order mark.
 * Text that a spreadsheet would run as a formula (starting with `=`, `+`,
 * `-`, `@`) gets a leading apostrophe.
 *
 * @example
 * Csv.renderForPeople(["Region", "Kvot"], [["Uppsala län", 1.23]]) // "\uFEFFRegion;Kvot\r\nUppsala län;1,23\r\n"
 */
export const renderForPeople = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<Table.PeopleCell>>): string =>
  `\uFEFF${stringify([header.map(text), ...rows.map((row) => row.map(peopleCell))], { delimiter: ";", record_delimiter: "windows" })}`

const peopleCell = (cell: Table.PeopleCell): string => {
  if (cell === null) return ""
  if (typeof cell === "number") return String(cell).replace(".", ",")
  return text(cell)
}

// A text cell Excel would evaluate as a formula is kept as text (OWASP's advice for CSV files opened in spreadsheets).
const text = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)
