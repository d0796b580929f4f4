import { Kronor } from "@uppdrag/core"

/**
 * The table definitions both apps render: each column's machine name (CSV
 * header, JSON key), Swedish header, kind and decimals, and how a row gives
 * its value. The CLI's table, CSV and JSON and the web view's HTML, CSV and
 * xlsx all come from one definition, so they carry the same fields.
 *
 * @example
 * import { Table } from "@uppdrag/application"
 * const columns: Table.Columns<{ region: string; amount: number }> = [
 *   { field: "region", header: "Region", kind: "text", value: (r) => r.region },
 *   { field: "amount", header: "Belopp", kind: "kronor", value: (r) => r.amount }
 * ]
 * Table.record(columns, { region: "03", amount: 58_203_923 }) // { region: "03", amount: 58203923 }
 * @since 0.2.0
 */
export type Cell = string | number | boolean | null

/**
 * How a column's values read: text, a date, a count, whole kronor, a decimal number, yes/no.
 *
 * @since 0.2.0
 */
export type Kind = "text" | "date" | "integer" | "kronor" | "decimal" | "flag"

/**
 * One column of a table.
 *
 * @since 0.2.0
 */
export interface Column<Row> {
  /** Machine name: the CSV header and JSON key (ASCII, stable). */
  readonly field: string
  /** Swedish header for people. */
  readonly header: string
  readonly kind: Kind
  /** Decimals shown for `decimal` columns (default 1). */
  readonly decimals?: number | undefined
  readonly value: (row: Row) => Cell
  /**
   * Swedish words for people in place of machine values, keyed by the value
   * as text (`forsenad` → `Försenad`, `true` → `Ja`): the web view's tables
   * and its exports for people. Machine formats (the CLI's CSV and JSON, the
   * machine CSV) keep the value.
   */
  readonly labels?: Readonly<Record<string, string>> | undefined
  /** What people read where the value is missing (`skyddat` for a protected count); empty when left out. */
  readonly absent?: string | undefined
}

/**
 * A table's columns in order.
 *
 * @since 0.2.0
 */
export type Columns<Row> = ReadonlyArray<Column<Row>>

/**
 * A row as a JSON object keyed by the columns' fields.
 *
 * @example
 * Table.record(columns, row) // { region: "03", amount: 58203923 }
 * @since 0.2.0
 */
export const record = <Row>(columns: Columns<Row>, row: Row): Record<string, Cell> => Object.fromEntries(columns.map((c) => [c.field, c.value(row)]))

/**
 * A row as machine cells in column order (for CSV and spreadsheets): numbers
 * stay numbers, a flag reads `ja` or `nej` (as in every CSV of uppdrag), nothing is null.
 *
 * @example
 * Table.cells(columns, row) // ["03", 58203923]
 * @since 0.2.0
 */
export const cells = <Row>(columns: Columns<Row>, row: Row): Array<string | number | null> =>
  columns.map((c) => {
    const value = c.value(row)
    return typeof value === "boolean" ? (value ? "ja" : "nej") : value
  })

/**
 * The machine header row.
 *
 * @example
 * Table.fields(columns) // ["region", "amount"]
 * @since 0.2.0
 */
export const fields = <Row>(columns: Columns<Row>): Array<string> => columns.map((c) => c.field)

/**
 * A value as people read it in Swedish: `58 203 923` for kronor, `12,3` for
 * a decimal, `ja`/`nej` for a flag, `–` for nothing.
 *
 * @example
 * Table.display({ field: "x", header: "X", kind: "decimal", decimals: 1, value: () => 12.34 }, 12.34) // "12,3"
 * @since 0.2.0
 */
export const display = <Row>(column: Column<Row>, cell: Cell): string => {
  if (cell === null || cell === "") return "–"
  if (typeof cell === "boolean") return cell ? "ja" : "nej"
  if (typeof cell === "string") return cell
  switch (column.kind) {
    case "kronor":
    case "integer":
      return Number.isSafeInteger(cell) ? Kronor.formatNumber(cell) : decimal(cell, column.decimals ?? 1)
    case "decimal":
      return decimal(cell, column.decimals ?? 1)
    default:
      return String(cell)
  }
}

/**
 * Whether a column holds numbers (right-aligned).
 *
 * @since 0.2.0
 */
export const isNumeric = <Row>(column: Column<Row>): boolean => column.kind === "kronor" || column.kind === "integer" || column.kind === "decimal"

const decimal = (value: number, decimals: number): string => {
  const fixed = Math.abs(value).toFixed(decimals)
  const [whole = "0", fraction] = fixed.split(".")
  const sign = value < 0 && Number(fixed) !== 0 ? "−" : ""
  return `${sign}${Kronor.formatNumber(BigInt(whole))}${fraction === undefined ? "" : `,${fraction}`}`
}

/**
 * A cell for people: Swedish words, numbers as numbers, dates as ISO text, nothing as null.
 *
 * @since 0.2.0
 */
export type PeopleCell = string | number | null

/**
 * A value for people (the web view's exports for people): a labelled value
 * reads its Swedish word (`forsenad` → `Försenad`), a flag `Ja` or `Nej`
 * unless labelled otherwise, a decimal is rounded to the column's decimals,
 * a missing value is the column's `absent` text or null. Numbers stay
 * numbers and dates stay ISO text, so spreadsheets can compute and sort.
 *
 * @example
 * Table.forPeople({ field: "status", header: "Status", kind: "text", labels: { forsenad: "Försenad" }, value: () => "forsenad" }, "forsenad") // "Försenad"
 * Table.forPeople({ field: "ok", header: "Ange diarienummer", kind: "flag", value: () => true }, true) // "Ja"
 * @since 0.2.0
 */
export const forPeople = <Row>(column: Column<Row>, cell: Cell): PeopleCell => {
  if (cell === null || cell === "") return column.absent ?? null
  const label = column.labels?.[String(cell)]
  if (label !== undefined) return label
  if (typeof cell === "boolean") return cell ? "Ja" : "Nej"
  if (typeof cell === "number" && column.kind === "decimal") return round(cell, column.decimals ?? 1)
  return cell
}

/**
 * A row for people in column order ({@link forPeople} of each cell).
 *
 * @example
 * Table.peopleCells(DeadlineList.columns, deadline).slice(3, 5) // ["Försenad", "Delredovisning"]
 * @since 0.2.0
 */
export const peopleCells = <Row>(columns: Columns<Row>, row: Row): Array<PeopleCell> => columns.map((c) => forPeople(c, c.value(row)))

/**
 * The Swedish header row, for people.
 *
 * @example
 * Table.headers(columns) // ["Region", "Belopp"]
 * @since 0.2.0
 */
export const headers = <Row>(columns: Columns<Row>): Array<string> => columns.map((c) => c.header)

/**
 * A flag's words: `Ja` and `Nej`, or others (`Inte ännu`).
 *
 * @example
 * Table.flagLabels("Ja", "Inte ännu") // { true: "Ja", false: "Inte ännu" }
 * @since 0.2.0
 */
export const flagLabels = (yes: string, no: string): Readonly<Record<string, string>> => ({ true: yes, false: no })

// Half away from zero at the shown decimals, as `toFixed` shows it.
const round = (value: number, decimals: number): number => Number(value.toFixed(decimals))
