import { basename } from "node:path"
import { userInfo } from "node:os"
import { type Meeting, MeetingRecord } from "@uppdrag/meetings"
import { CliError } from "../../terminal/CliError.js"
import { storeFailure, withStore } from "../../terminal/Store.js"

const whoAmI = (): string => {
  try {
    return userInfo().username
  } catch {
    return "okänd"
  }
}

/**
 * The meeting and agreement records in the event log (events of type
 * `meeting`), in log order, each payload read back with the meetings schema.
 */
export const storedRecords = async (options: { db?: string | undefined; catalog?: ReadonlyArray<string> | undefined }): Promise<Array<MeetingRecord.MeetingRecord>> =>
  withStore(options, async ({ store }) => {
    const events = await store.events({ types: ["meeting"] })
    if (events._tag === "Failure") throw storeFailure(events.failure)
    return events.success.map((event) => {
      const parsed = MeetingRecord.schema.safeParse(event.payload)
      if (!parsed.success) throw new CliError([`händelse ${event.seq}: mötesposten i databasen har fel form och kan inte läsas`])
      return parsed.data
    })
  })

/**
 * Appends one validated record as a `meeting` event: a meeting under its
 * assignment and date, an agreement under its grant and signing date. The
 * payload is the record itself.
 */
export const storeRecord = async (
  record: MeetingRecord.MeetingRecord,
  file: string,
  options: { db?: string | undefined; catalog?: ReadonlyArray<string> | undefined; by?: string | undefined }
): Promise<number> => {
  if (record.kind === "mote" && record.assignment === undefined) {
    throw new CliError([`${file}: assignment: mötet hör inte till något uppdrag i katalogen; ange assignment för att spara det`, "Inget sparades."])
  }
  const recordedBy = options.by ?? whoAmI()
  const note = `${record.kind === "mote" ? "Möte" : "Överenskommelse"} ${record.id} (${basename(file)})`
  const payload = JSON.parse(JSON.stringify(record)) as Parameters<typeof JSON.stringify>[0]
  return withStore(options, async ({ store }) => {
    const event =
      record.kind === "mote"
        ? { type: "meeting" as const, assignment: (record as Meeting.Meeting).assignment, ...(record.region === undefined ? {} : { region: record.region }), date: record.date, recordedBy, note, payload }
        : { type: "meeting" as const, grant: record.grant, region: record.region, date: record.signed, recordedBy, note, payload }
    const written = await store.append([event], { recordedAt: new Date().toISOString() })
    if (written._tag === "Failure") throw new CliError([...storeFailure(written.failure).lines, "Inget sparades."])
    return written.success[0]!.seq
  })
}
