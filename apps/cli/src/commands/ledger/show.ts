import { GrantState, Table } from "@uppdrag/application"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { renderCsv } from "../../terminal/Csv.js"
import { catalogLayer, logLayer } from "../../terminal/Log.js"
import { writeOutput } from "../../terminal/Output.js"
import { renderTable } from "../../terminal/Table.js"
import type { LedgerOptions } from "../ledger.js"
import type { Outcome } from "../../terminal/Options.js"

/**
 * `uppdrag ledger`: `GrantState.ledger` (allocated by the population in
 * force, `--population` or the published figures) rendered with
 * `GrantState.ledgerColumns`: the same fields in json, csv and the table.
 */
export const ledgerShow = (options: LedgerOptions): Outcome =>
  Effect.gen(function* () {
    const summary = yield* GrantState.ledger(options.grant)
    const all = GrantState.ledgerRows(summary)
    const rows = all.slice(0, -1)
    const total = all[all.length - 1]!
    const columns = GrantState.ledgerColumns
    if (options.format === "json") {
      const record = (row: GrantState.LedgerRow) => Table.record(columns, row)
      return yield* writeOutput(`${JSON.stringify({ grant: summary.grant, rows: rows.map(record), total: record(total) }, null, 2)}\n`, options.out)
    }
    if (options.format === "csv") return yield* writeOutput(renderCsv(Table.fields(columns), all.map((r) => Table.cells(columns, r))), options.out)
    // On a terminal the code and the name share one column.
    const [, name, ...amounts] = columns
    const cells = (row: GrantState.LedgerRow, label: string) => [label, ...amounts.map((c) => Table.display(c, c.value(row)))]
    return yield* writeOutput(
      renderTable(
        [{ header: name?.header ?? "Region" }, ...amounts.map((c) => ({ header: c.header, numeric: Table.isNumeric(c) }))],
        rows.map((r) => cells(r, `${r.region} ${r.name}`)),
        cells(total, total.name)
      ),
      options.out
    )
  }).pipe(Effect.provide(Layer.mergeAll(catalogLayer(options.catalog, options.population), logLayer(options.db))))
