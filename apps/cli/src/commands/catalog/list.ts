import { Assignment, Kronor } from "@uppdrag/core"
import { CatalogSource } from "@uppdrag/application"
import * as Effect from "effect/Effect"
import { writeOutput } from "../../terminal/Output.js"
import { renderTable } from "../../terminal/Table.js"
import type { Outcome } from "../../terminal/Options.js"

/** `uppdrag catalog list`: the decisions of the catalog in force. */
export const catalogList = (options: { format: "table" | "json"; catalog?: Array<string>; out?: string }): Outcome =>
  Effect.gen(function* () {
  const catalog = yield* CatalogSource.CatalogSource
  if (options.format === "json") {
    const items = catalog.assignments.map((a) => ({
      id: a.id,
      kind: a.kind,
      diaryNumbers: a.diaryNumbers,
      title: a.title,
      decided: a.decided,
      decidedPrecision: a.decidedPrecision,
      recipient: a.recipient,
      ...(a.concerns === undefined ? {} : { concerns: a.concerns, issuedBy: a.issuedBy }),
      funding: a.funding.map((f) => ({ year: f.year, total: f.total, planned: f.planned })),
      grants: a.grants.map((g) => g.id),
      obligations: a.obligations.length
    }))
    return yield* writeOutput(`${JSON.stringify(items, null, 2)}\n`, options.out)
  }
  const rows = catalog.assignments.map((a) => {
    const total = a.funding.filter((f) => !f.planned).reduce((sum, f) => sum + f.total, 0)
    return [Assignment.mainDiaryNumber(a), Assignment.kindLabel(a.kind), Assignment.formatDecided(a), a.funding.length === 0 ? "–" : Kronor.format(total), shorten(a.title, 70)]
  })
  return yield* writeOutput(
    renderTable([{ header: "Diarienummer" }, { header: "Slag" }, { header: "Datum" }, { header: "Medel", numeric: true }, { header: "Rubrik" }], rows),
    options.out
  )
  }).pipe(Effect.provide(CatalogSource.layer(options.catalog ?? [])))

const shorten = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`)
