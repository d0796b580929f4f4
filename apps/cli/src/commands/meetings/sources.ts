import { readdirSync, statSync } from "node:fs"
import { extname, join } from "node:path"
import { type CatalogSource, MeetingRecords, type Populations, Today } from "@uppdrag/application"
import { CalendarDate, FileAccess, formatIssues, type ValidationError } from "@uppdrag/core"
import { MeetingRecord } from "@uppdrag/meetings"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { Refusal, Usage } from "../../terminal/Failure.js"
import { catalogLayer } from "../../terminal/Log.js"

/**
 * The catalog (built-in plus `--catalog`), the published population and the
 * meeting series (seed 001's plus `--series`): what meetings commands check against.
 *
 * @example
 * program.pipe(Effect.provide(meetingLayers(options)))
 */
export const meetingLayers = (options: {
  catalog?: ReadonlyArray<string> | undefined
  series?: ReadonlyArray<string> | undefined
}): Layer.Layer<CatalogSource.CatalogSource | Populations.Populations | MeetingRecords.MeetingSeries, CatalogSource.CatalogInvalid | ValidationError> =>
  Layer.mergeAll(catalogLayer(options.catalog), MeetingRecords.layerSeries(options.series ?? []))

/**
 * A date option, or (by Effect's clock) today in Sweden, or `fallback`, when absent; a malformed date is a usage error (exit 2).
 *
 * @example
 * const asOf = yield* dateOption("--as-of", options.asOf)
 */
export const dateOption = (
  name: string,
  text: string | undefined,
  fallback: Effect.Effect<CalendarDate.CalendarDate> = Today.today
): Effect.Effect<CalendarDate.CalendarDate, Usage> => {
  if (text === undefined) return fallback
  const result = CalendarDate.parse(text)
  return result._tag === "Failure" ? Effect.fail(new Usage({ lines: [`${name}: ${result.failure}`] })) : Effect.succeed(result.success)
}

const recordFiles = (path: string): Effect.Effect<Array<string>, Refusal> =>
  Effect.suspend(() => {
    let names: Array<string>
    try {
      if (!statSync(path).isDirectory()) return Effect.succeed([path])
      names = readdirSync(path)
    } catch (error) {
      const problem = FileAccess.describe(error, "path")
      return Effect.fail(new Refusal({ lines: [`${path}: ${problem.message}`], detail: problem.detail }))
    }
    return Effect.succeed(
      names
        .filter((name) => [".yaml", ".yml", ".json"].includes(extname(name).toLowerCase()))
        .sort()
        .map((name) => join(path, name))
    )
  })

/**
 * Meeting and agreement records from `--records` files and folders (in file
 * name order), checked against the catalog and series in force. Every bad
 * file is reported; none is used unless all are valid.
 *
 * @example
 * const records = yield* loadRecords(options.records ?? [])
 */
export const loadRecords = (
  paths: ReadonlyArray<string>,
  series: ReadonlyArray<string> = []
): Effect.Effect<Array<MeetingRecord.MeetingRecord>, Refusal | CatalogSource.CatalogInvalid, CatalogSource.CatalogSource> =>
  paths.length === 0
    ? Effect.succeed([])
    : Effect.gen(function* () {
        const context = yield* MeetingRecords.context
        const records: Array<MeetingRecord.MeetingRecord> = []
        const problems: Array<string> = []
        for (const path of paths) {
          for (const file of yield* recordFiles(path)) {
            const result = MeetingRecord.parseFile(file, context)
            if (result._tag === "Failure") problems.push(...formatIssues(result.failure.source, result.failure.issues))
            else records.push(result.success)
          }
        }
        if (problems.length > 0) return yield* Effect.fail(new Refusal({ lines: problems }))
        return records
      }).pipe(Effect.provide(MeetingRecords.layerSeries(series)))
