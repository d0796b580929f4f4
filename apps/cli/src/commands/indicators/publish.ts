import { IndicatorPublications, Table } from "@uppdrag/application"
import { InputFile, type ValidationError } from "@uppdrag/core"
import { Publication } from "@uppdrag/indicators"
import * as Effect from "effect/Effect"
import { renderCsv } from "../../terminal/Csv.js"
import { NothingSaved, Refusal } from "../../terminal/Failure.js"
import { catalogLayer, logLayer } from "../../terminal/Log.js"
import type { Outcome } from "../../terminal/Options.js"
import { writeOutput } from "../../terminal/Output.js"
import { renderTable } from "../../terminal/Table.js"

/** The options of `uppdrag indicators publish`. */
export interface PublishOptions {
  readonly by: string
  readonly note?: string | undefined
  readonly db?: string | undefined
  readonly catalog?: Array<string> | undefined
}

/** The text of a cube file, or a refusal naming it. */
export const readCubeFile = (file: string): Effect.Effect<string, ValidationError> => Effect.suspend(() => Effect.fromResult(InputFile.readText(file, "cube")))

/**
 * `uppdrag indicators publish KUB.json --by NAMN`: reads the cube (the
 * output of `indicators compute --format json`) and refuses it, naming the
 * file and each cell, unless it is protected; only then opens the database
 * and stores it as the next version (`IndicatorPublications.publish`). A
 * refused cube writes nothing and creates no database.
 */
export const indicatorsPublish = (file: string, options: PublishOptions): Outcome =>
  Effect.gen(function* () {
    if (options.by.trim() === "") return yield* Effect.fail(new NothingSaved({ error: new Refusal({ lines: ["--by: ange vem som publicerar"] }), note: "Inget publicerades." }))
    const cube = yield* Effect.flatMap(readCubeFile(file), (text) => Effect.fromResult(Publication.parseJson(text, file))).pipe(
      Effect.mapError((error) => new NothingSaved({ error, note: "Inget publicerades.", limit: 20 }))
    )
    const published = yield* IndicatorPublications.publish({ cube, source: file, publishedBy: options.by.trim(), note: options.note }).pipe(
      Effect.provide(logLayer(options.db)),
      Effect.provide(catalogLayer(options.catalog)),
      Effect.mapError((error) => new NothingSaved({ error, note: "Inget publicerades." }))
    )
    process.stdout.write(
      `Publicerade ${file} som version ${published.version} (händelse ${published.seq}, ${published.publishedOn}, år ${published.years.from}–${published.years.to}).\n`
    )
  })

/** `uppdrag indicators publications`: every standing publication, oldest first. */
export const indicatorsPublications = (options: { format: "table" | "json" | "csv"; db?: string; out?: string }): Outcome =>
  Effect.gen(function* () {
    const publications = yield* IndicatorPublications.list.pipe(Effect.provide(logLayer(options.db)))
    const columns = IndicatorPublications.columns
    if (options.format === "json") return yield* writeOutput(`${JSON.stringify(publications, null, 2)}\n`, options.out)
    if (options.format === "csv") return yield* writeOutput(renderCsv(Table.fields(columns), publications.map((p) => Table.cells(columns, p))), options.out)
    if (publications.length === 0) return yield* writeOutput("Inga indikatorer är publicerade ännu. Publicera en skyddad kub med uppdrag indicators publish KUB.json --by NAMN.\n", options.out)
    const table = renderTable(
      columns.map((c) => ({ header: c.header, numeric: Table.isNumeric(c) })),
      publications.map((p) => columns.map((c) => Table.display(c, c.value(p))))
    )
    return yield* writeOutput(table, options.out)
  })
