import { stringify } from "csv-stringify/sync"

/** A value in a downloaded table: text, a whole number, or empty. */
export type Cell = string | number | bigint | null

/**
 * RFC 4180 CSV (comma, CRLF, quotes where needed) with a UTF-8 byte-order
 * mark so Excel opens å, ä and ö correctly. Numbers are plain (`347393632`),
 * dates ISO (`2027-05-30`), empty cells empty.
 *
 * @example
 * Csv.render(["region", "total"], [["01", 347393632]]) // "\uFEFFregion,total\r\n01,347393632\r\n"
 */
export const render = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<Cell>>): string =>
  `\uFEFF${stringify([[...header], ...rows.map((row) => row.map((cell) => (cell === null ? "" : typeof cell === "string" ? cell : cell.toString())))], {
    record_delimiter: "windows"
  })}`
