import { readdirSync, statSync } from "node:fs"
import { extname, join } from "node:path"
import { CalendarDate, type Catalog, formatIssues } from "@uppdrag/core"
import { type Meeting, MeetingRecord, Party, Series } from "@uppdrag/meetings"
import { loadCatalog } from "../../terminal/Catalog.js"
import { CliError } from "../../terminal/CliError.js"

/** Catalog, parties and series every meetings command checks against. */
export const loadContext = (options: { catalog?: Array<string>; series?: Array<string> }): Meeting.Context & { catalog: Catalog.Catalog } => {
  const catalog = loadCatalog(options.catalog)
  const series = Series.load({ extra: options.series ?? [] })
  if (series._tag === "Failure") throw new CliError(series.failure.flatMap((e) => formatIssues(e.source, e.issues)))
  return { catalog, parties: Party.directory(catalog), series: series.success }
}

/** A date option, or today in Sweden when absent; a bad date is refused (exit 1). */
export const dateOption = (name: string, text: string | undefined, fallback: () => CalendarDate.CalendarDate = () => CalendarDate.today()): CalendarDate.CalendarDate => {
  if (text === undefined) return fallback()
  const result = CalendarDate.parse(text)
  if (result._tag === "Failure") throw new CliError([`${name}: ${result.failure}`])
  return result.success
}

const recordFiles = (path: string): Array<string> => {
  let stats: ReturnType<typeof statSync>
  try {
    stats = statSync(path)
  } catch {
    throw new CliError([`${path}: filen eller mappen finns inte`])
  }
  if (!stats.isDirectory()) return [path]
  return readdirSync(path)
    .filter((name) => [".yaml", ".yml", ".json"].includes(extname(name).toLowerCase()))
    .sort()
    .map((name) => join(path, name))
}

/**
 * Meeting and agreement records from `--records` files and folders (in file
 * name order, a later record with the same id replacing an earlier one).
 * Every bad file is reported; none is used unless all are valid.
 */
export const loadRecords = (paths: ReadonlyArray<string>, context: Meeting.Context): Array<MeetingRecord.MeetingRecord> => {
  const records: Array<MeetingRecord.MeetingRecord> = []
  const problems: Array<string> = []
  for (const file of paths.flatMap(recordFiles)) {
    const result = MeetingRecord.parseFile(file, context)
    if (result._tag === "Failure") problems.push(...formatIssues(result.failure.source, result.failure.issues))
    else records.push(result.success)
  }
  if (problems.length > 0) throw new CliError(problems)
  return records
}

/**
 * Every record a report should see: those in the database (`--db`, else
 * `DATABASE_URL`, `UPPDRAG_DB` or the default file), then those in
 * `--records` files, in that order (a later record with the same id wins).
 */
export const allRecords = async (
  options: { records?: Array<string>; db?: string | undefined; catalog?: Array<string> },
  context: Meeting.Context
): Promise<Array<MeetingRecord.MeetingRecord>> => {
  const files = loadRecords(options.records ?? [], context)
  const { storedRecords } = await import("./stored.js")
  return [...(await storedRecords(options)), ...files]
}
