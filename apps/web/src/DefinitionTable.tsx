import { Table } from "@uppdrag/application"
import type { Child } from "hono/jsx"
import * as Format from "./Format.js"
import { CaptionedTable } from "./CaptionedTable.js"

/**
 * A cell of one of the application's table definitions as the page shows
 * it: the value for people ({@link Table.forPeople}: Swedish words for codes
 * and flags), kronor as `58 203 923 kr`, counts grouped, decimals with a
 * decimal comma, `–` for nothing; the same values as the people's exports.
 *
 * @example
 * cellText({ field: "total", header: "Totalt", kind: "kronor", value: () => 0 }, 347393632) // "347 393 632 kr"
 */
export const cellText = <Row,>(column: Table.Column<Row>, cell: Table.Cell): string => {
  const value = Table.forPeople(column, cell)
  if (value === null) return "–"
  if (typeof value === "string") return value
  switch (column.kind) {
    case "kronor":
      return Number.isSafeInteger(value) ? Format.kronor(value) : `${Format.decimal(value, 2)}${Format.nbsp}kr`
    case "integer":
      return Number.isSafeInteger(value) ? Format.integer(value) : Format.decimal(value, column.decimals ?? 1)
    case "decimal":
      return Format.decimal(value, column.decimals ?? 1)
    default:
      return String(value)
  }
}

/** The footer row: a label and either a row of the table (Riket) or a value per column. */
export type Totals<Row> = { readonly label: string; readonly row: Row } | { readonly label: string; readonly cells: ReadonlyArray<Table.Cell> }

/** What {@link DefinitionTable} shows. */
export interface DefinitionTableProps<Row> {
  readonly caption: string
  /** The columns after the row header, from the application's definition (or a part of it). */
  readonly columns: Table.Columns<Row>
  readonly rows: ReadonlyArray<Row>
  /** The first column's header and what each row's header cell shows (a region's name linking to its page). */
  readonly rowHeader: { readonly header: string; readonly cell: (row: Row) => Child; readonly date?: boolean }
  readonly totals?: Totals<Row> | undefined
  /** A cell shown otherwise than its value reads (a link, a status badge); its text should stay the people's value. */
  readonly render?: (column: Table.Column<Row>, row: Row) => Child | undefined
}

const classOf = <Row,>(column: Table.Column<Row>): string | undefined => (Table.isNumeric(column) ? "num" : column.kind === "date" ? "date" : undefined)

/**
 * One of the application's table definitions as an HTML table: a caption,
 * the Swedish headers, a row header per row, the cells as people read them
 * ({@link cellText}; numbers right-aligned, dates unbroken), an optional
 * totals row in `tfoot`, and each cell labelled with its column's header
 * (`data-label`) for the stacked cards of the phone layout. Framed by
 * {@link CaptionedTable}, so it scrolls and is named for keyboard users.
 *
 * @example
 * <DefinitionTable caption="Liggare" columns={GrantState.ledgerColumns.filter((c) => c.kind === "kronor")} rows={rows}
 *   rowHeader={{ header: "Region", cell: (r) => r.name }} />
 */
export const DefinitionTable = <Row,>({ caption, columns, rows, rowHeader, totals, render }: DefinitionTableProps<Row>) => {
  const body = (row: Row) =>
    columns.map((c) => (
      <td class={classOf(c)} data-label={c.header}>
        {render?.(c, row) ?? cellText(c, c.value(row))}
      </td>
    ))
  return (
    <CaptionedTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{rowHeader.header}</th>
          {columns.map((c) => (
            <th scope="col" class={Table.isNumeric(c) ? "num" : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr>
            <th scope="row" class={rowHeader.date === true ? "date" : undefined} data-label={rowHeader.header}>
              {rowHeader.cell(row)}
            </th>
            {body(row)}
          </tr>
        ))}
      </tbody>
      {totals === undefined ? null : (
        <tfoot>
          <tr>
            <th scope="row" data-label={rowHeader.header}>
              {totals.label}
            </th>
            {"row" in totals
              ? body(totals.row)
              : columns.map((c, i) => (
                  <td class={classOf(c)} data-label={c.header}>
                    {cellText(c, totals.cells[i] ?? null)}
                  </td>
                ))}
          </tr>
        </tfoot>
      )}
    </CaptionedTable>
  )
}
