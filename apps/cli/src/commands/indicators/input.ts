import { readdirSync, statSync } from "node:fs"
import { join } from "node:path"
import { FileAccess, formatIssues, Population } from "@uppdrag/core"
import { Cube, Denominator, Dimension } from "@uppdrag/indicators"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { Refusal, Usage } from "../../terminal/Failure.js"
import { progress } from "../../terminal/Output.js"

/** `--years 2020-2024` (default: the statistics database's 2011–2024); a bad value is a usage error. */
export const parseYears = (text: string | undefined): Effect.Effect<Dimension.YearRange, Usage> => {
  if (text === undefined) return Effect.succeed(Dimension.databaseYears)
  const years = Dimension.parseYears(text)
  return typeof years === "string" ? Effect.fail(new Usage({ lines: [`fel: --years: ${years}`] })) : Effect.succeed(years)
}

/** `--threshold 5`; a bad value is a usage error. */
export const parseThreshold = (text: string | undefined): Effect.Effect<number | undefined, Usage> => {
  if (text === undefined) return Effect.succeed(undefined)
  if (!/^\d+$/.test(text) || Number(text) < 2 || Number(text) > 100) return Effect.fail(new Usage({ lines: [`fel: --threshold ska vara ett heltal från 2 till 100, fick ${JSON.stringify(text)}`] }))
  return Effect.succeed(Number(text))
}

/**
 * Population from `--population`: one file for every year, or a folder with
 * one file per year (the year in the file name).
 */
export const loadPopulation = (path: string | undefined, years: Dimension.YearRange, lag: number): Effect.Effect<Denominator.Denominators | undefined, Refusal> =>
  Effect.suspend(() => {
    if (path === undefined) return Effect.succeed(undefined)
    let files: Array<{ file: string; year: number | undefined }>
    try {
      files = statSync(path).isDirectory()
        ? readdirSync(path)
            .filter((name) => /\.(csv|json|txt)$/i.test(name) && /(19|20)\d\d/.test(name))
            .map((name) => ({ file: join(path, name), year: Number(/((?:19|20)\d\d)/.exec(name)![1]) }))
        : [{ file: path, year: undefined }]
    } catch (error) {
      const problem = FileAccess.describe(error, "path")
      return Effect.fail(new Refusal({ lines: [`${path}: ${problem.message}`], detail: problem.detail }))
    }
    if (files.length === 0) return Effect.fail(new Refusal({ lines: [`${path}: mappen innehåller inga befolkningsfiler med årtal i namnet (t.ex. 2023.csv)`] }))
    const rows: Array<Denominator.PopulationRow> = []
    const lines: Array<string> = []
    for (const { file, year } of files) {
      const parsed = Population.parseFile(file)
      if (Result.isFailure(parsed)) {
        lines.push(...formatIssues(parsed.failure.source, parsed.failure.issues))
        continue
      }
      rows.push(...Denominator.fromPopulation(parsed.success, year))
    }
    if (lines.length > 0) return Effect.fail(new Refusal({ lines }))
    const made = Denominator.make(rows, years, { lag })
    if (!("values" in made)) return Effect.fail(new Refusal({ lines: formatIssues(files.length === 1 ? files[0]!.file : path, made.issues) }))
    return Effect.succeed(made)
  })

/** Reads the episode file into the protected cube, with a progress line on a terminal. */
export const computeCube = (options: {
  episodes: string
  population?: string | undefined
  populationLag?: string | undefined
  years?: string | undefined
  threshold?: string | undefined
  threads?: string | undefined
}): Effect.Effect<Cube.Cube, Usage | Refusal> =>
  Effect.gen(function* () {
    const years = yield* parseYears(options.years)
    const threshold = yield* parseThreshold(options.threshold)
    if (options.threads !== undefined && (!/^\d+$/.test(options.threads) || Number(options.threads) < 1 || Number(options.threads) > 16)) {
      return yield* Effect.fail(new Usage({ lines: [`fel: --threads ska vara ett heltal från 1 till 16, fick ${JSON.stringify(options.threads)}`] }))
    }
    const population = yield* loadPopulation(options.population, years, Number(options.populationLag ?? "0"))
    let size: number | undefined
    try {
      size = statSync(options.episodes).size
    } catch {
      size = undefined
    }
    const bar = progress(`Läser ${options.episodes}`)
    const result = yield* Effect.promise(() =>
      Cube.fromEpisodeFile(options.episodes, {
        years,
        ...(threshold === undefined ? {} : { threshold }),
        ...(population === undefined ? {} : { population }),
        ...(options.threads === undefined ? {} : { threads: Number(options.threads) }),
        onProgress: (bytes) => bar.update(bytes, size)
      })
    ).pipe(Effect.ensuring(Effect.sync(bar.done)))
    if (Result.isFailure(result)) {
      const lines = formatIssues(result.failure.source, result.failure.issues)
      return yield* Effect.fail(new Refusal({ lines: [...lines, `${lines.length} fel hittades; ingenting skrevs.`] }))
    }
    return result.success
  })
