import { stringify } from "csv-stringify/sync"

/** A value in a downloaded table: text, a number, a flag (`true`/`false`), or empty. */
export type Cell = string | number | bigint | boolean | null

/**
 * RFC 4180 CSV (comma, CRLF, quotes where needed) with a UTF-8 byte-order
 * mark so Excel opens å, ä and ö correctly. Numbers are plain (`347393632`),
 * dates ISO (`2027-05-30`), flags `true`/`false`, empty cells empty.
 *
 * @example
 * Csv.render(["region", "total"], [["01", 347393632]]) // "\uFEFFregion,total\r\n01,347393632\r\n"
 */
export const render = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<Cell>>): string =>
  `\uFEFF${stringify([[...header], ...rows.map((row) => row.map((cell) => (cell === null ? "" : typeof cell === "string" ? cell : String(cell))))], {
    record_delimiter: "windows"
  })}`
