import { stringify } from "csv-stringify/sync"

/** RFC 4180 CSV with a header row and `\n` line ends; numbers as plain integers. */
export const renderCsv = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string =>
  stringify([header as Array<string>, ...rows.map((r) => r.map((cell) => (cell === null ? "" : cell)))], { record_delimiter: "\n" })
