import { CatalogOverview, CatalogSource, Table } from "@uppdrag/application"
import { Kronor } from "@uppdrag/core"
import * as Effect from "effect/Effect"
import type { Outcome } from "../../terminal/Options.js"
import { writeOutput } from "../../terminal/Output.js"
import { renderTable } from "../../terminal/Table.js"

/** `uppdrag catalog list`: `CatalogOverview.list` of the catalog in force, as JSON or as a table of `CatalogOverview.columns`. */
export const catalogList = (options: { format: "table" | "json"; catalog?: Array<string>; out?: string }): Outcome =>
  Effect.gen(function* () {
    const entries = yield* CatalogOverview.list
    if (options.format === "json") return yield* writeOutput(`${JSON.stringify(entries.map(CatalogOverview.record), null, 2)}\n`, options.out)
    const columns = CatalogOverview.columns
    // On a terminal: funds with "kr", a long title shortened.
    const cell = (column: Table.Column<CatalogOverview.Entry>, entry: CatalogOverview.Entry): string => {
      const value = column.value(entry)
      if (column.kind === "kronor" && typeof value === "number") return Kronor.format(value)
      if (column.field === "title" && typeof value === "string") return shorten(value, 70)
      return Table.display(column, value)
    }
    return yield* writeOutput(
      renderTable(
        columns.map((c) => ({ header: c.header, numeric: Table.isNumeric(c) })),
        entries.map((e) => columns.map((c) => cell(c, e)))
      ),
      options.out
    )
  }).pipe(Effect.provide(CatalogSource.layer(options.catalog ?? [])))

const shorten = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`)
