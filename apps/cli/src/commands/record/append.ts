import { userInfo } from "node:os"
import { formatIssues, Kronor, Region } from "@uppdrag/core"
import { Event } from "@uppdrag/store"
import * as Result from "effect/Result"
import { CliError } from "../../terminal/CliError.js"
import { readInputFile } from "../../terminal/InputFile.js"
import { progress } from "../../terminal/Output.js"
import { storeFailure, withStore } from "../../terminal/Store.js"
import { fields, type Kind, type Located, readBatch, toEvent } from "./input.js"

const MAX_LINES = 50

const refuseIssues = (source: string, issues: Parameters<typeof formatIssues>[1]): never => {
  const lines = formatIssues(source, issues)
  const shown = lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), `… och ${lines.length - MAX_LINES} fel till`] : lines
  throw new CliError([...shown, "Inget sparades."])
}

const whoAmI = (): string => {
  try {
    return userInfo().username
  } catch {
    return "okänd"
  }
}

const describeEvent = (event: Event.StoredEvent): string => {
  const parts: Array<string> = [Event.typeName[event.type]]
  if (event.region !== null) parts.push(Region.fromCode(event.region)?.name ?? event.region)
  if (event.amount !== null) parts.push(Kronor.format(event.amount))
  if (event.obligation !== null) parts.push(event.obligation)
  if (event.reverses !== null) parts.push(`återför händelse ${event.reverses}`)
  const due = event.type === "due-date" ? Event.DueDatePayload.safeParse(event.payload) : undefined
  parts.push(due?.success === true ? `${due.data.due} (fastställt ${event.date})` : event.date)
  return parts.join(", ")
}

export const recordEvents = async (kind: Kind, options: Record<string, string | Array<string> | undefined>): Promise<void> => {
  const text = (name: string): string | undefined => {
    const value = options[name]
    return typeof value === "string" ? value : undefined
  }
  const file = text("file")
  const recordedBy = text("by") ?? whoAmI()
  let located: Array<Located>
  if (file !== undefined) {
    const given = fields(kind).filter((f) => f !== "by" && f !== "note" && text(f) !== undefined)
    if (given.length > 0) {
      throw new CliError([`--file kan inte kombineras med ${given.map((f) => `--${f}`).join(", ")}: fälten läses ur filen`], 2)
    }
    const batch = readBatch(kind, readInputFile(file), file, recordedBy)
    if (Result.isFailure(batch)) refuseIssues(file, batch.failure)
    located = (batch as Result.Success<Array<Located>, never>).success
    // --note applies to every row that has none of its own.
    const note = text("note")
    if (note !== undefined) located = located.map((l) => ({ ...l, event: { ...l.event, note: l.event.note === "" ? note : l.event.note } }))
  } else {
    const record = Object.fromEntries(fields(kind).map((f) => [f, text(f)]))
    const event = toEvent(kind, record, recordedBy, (field) => `--${field}`)
    if (Result.isFailure(event)) refuseIssues(`uppdrag record ${kind}`, event.failure)
    located = [{ event: (event as Result.Success<Event.NewEvent, never>).success, line: undefined }]
  }

  await withStore({ db: text("db"), catalog: options.catalog as Array<string> | undefined }, async ({ store }) => {
    const bar = progress("Sparar händelser")
    const result = await store.append(
      located.map((l) => l.event),
      { recordedAt: new Date().toISOString(), onProgress: bar.update }
    )
    bar.done()
    if (Result.isFailure(result)) {
      const reason = result.failure.reason
      if (reason._tag === "Refused") {
        const line = located[reason.index]?.line
        const where = file === undefined ? "Avvisad" : `${file}:${line ?? "?"}: avvisad`
        throw new CliError([`${where}: ${reason.reason}`, "Inget sparades."])
      }
      if (reason._tag === "Invalid") {
        const issues = reason.issues.map((issue) => {
          const index = Number(/^\[(\d+)\]/.exec(issue.path)?.[1] ?? Number.NaN)
          const line = located[index]?.line
          return { ...issue, path: issue.path.replace(/^\[\d+\]\.?/, ""), ...(line === undefined ? {} : { line }) }
        })
        refuseIssues(file ?? `uppdrag record ${kind}`, issues)
      }
      throw storeFailure(result.failure)
    }
    const written = result.success
    if (written.length === 1) {
      process.stdout.write(`Sparade händelse ${written[0]!.seq}: ${describeEvent(written[0]!)}.\n`)
    } else {
      const first = written[0]!.seq
      const last = written[written.length - 1]!.seq
      process.stdout.write(`Sparade ${Kronor.formatNumber(written.length)} händelser (${Kronor.formatNumber(first)}–${Kronor.formatNumber(last)})${file === undefined ? "" : ` från ${file}`}.\n`)
    }
  })
}
