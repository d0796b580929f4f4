import { MeetingRecords, Table } from "@uppdrag/application"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { logLayer } from "../../terminal/Log.js"
import { writeOutput } from "../../terminal/Output.js"
import { renderTable } from "../../terminal/Table.js"
import { dateOption, loadRecords, meetingLayers } from "./sources.js"
import type { Outcome } from "../../terminal/Options.js"

/** `uppdrag meetings agreements`: `MeetingRecords.agreements` over the log and `--records`, rendered. */
export const meetingsAgreements = (options: {
  region?: string
  grant?: string
  asOf?: string
  format: "table" | "json"
  records?: Array<string>
  series?: Array<string>
  catalog?: Array<string>
  out?: string
  db?: string
}): Outcome =>
  Effect.gen(function* () {
    const asOf = yield* dateOption("--as-of", options.asOf)
    const files = yield* loadRecords(options.records ?? [], options.series)
    const { grant, regions: rows } = yield* MeetingRecords.agreements({ grant: options.grant, region: options.region, asOf }, files)
    if (options.format === "json") return yield* writeOutput(`${JSON.stringify({ grant, asOf, regions: rows }, null, 2)}\n`, options.out)
    // On a terminal: a region without an agreement reads "saknas".
    const columns = MeetingRecords.agreementColumns
    const table = renderTable(
      columns.map((c) => ({ header: c.header, numeric: Table.isNumeric(c) })),
      rows.map((r) => columns.map((c) => (c.field === "agreement" && r.agreement === null ? "saknas" : Table.display(c, c.value(r)))))
    )
    const agreement = rows[0]?.agreement
    const details =
      options.region === undefined || agreement == null
        ? ""
        : [
            "",
            `Insatser: ${agreement.activities.map((a) => a.title).join("; ")}`,
            `Förväntade resultat: ${agreement.expectedResults.join("; ")}`,
            `Förväntade effekter: ${agreement.expectedEffects.join("; ")}`,
            `Uppföljningsmått: ${agreement.followUpMeasures.map((m) => (m.indicator === undefined ? m.title : `${m.title} [${m.indicator}]`)).join("; ")}`,
            ""
          ].join("\n")
    return yield* writeOutput(`Överenskommelser för ${grant} per ${asOf}\n\n${table}${details}`, options.out)
  }).pipe(Effect.provide(Layer.mergeAll(meetingLayers(options), logLayer(options.db))))
