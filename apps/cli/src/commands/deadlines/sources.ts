import type { Catalog } from "@uppdrag/core"
import type { Obligation } from "@uppdrag/deadlines"
import { Recorded, Store } from "@uppdrag/store"
import { CliError } from "../../terminal/CliError.js"
import { allocationOf, storeFailure, storeLocation } from "../../terminal/Store.js"

/**
 * Reads what the event log records for the deadlines once (@uppdrag/store's
 * `Recorded`): submitted reports, dates set for open duties, meeting records.
 * The catalog already loaded is reused, so it is parsed once.
 */
export const readRecorded = async (db: string | undefined, catalog: Catalog.Catalog): Promise<Recorded.Recorded> => {
  const opened = await Store.open(storeLocation(db), { catalog, allocationOf })
  if (opened._tag === "Failure") throw storeFailure(opened.failure)
  const store = opened.success
  try {
    const events = await store.events({ types: Recorded.types })
    if (events._tag === "Failure") throw storeFailure(events.failure)
    return Recorded.fold(events.success)
  } finally {
    await store.close()
  }
}

/**
 * Action items of the meetings in the event log and in `--records` files and
 * folders (a later record with the same id wins), as extra duties of kind
 * `ovrigt` (origin `moten`). The meetings package is loaded only when there
 * are meetings to read.
 */
export const actionItems = async (
  stored: Recorded.Recorded["meetings"],
  paths: ReadonlyArray<string>,
  catalog: ReadonlyArray<string> | undefined
): Promise<Array<Obligation.ExtraInput>> => {
  if (stored.length === 0 && paths.length === 0) return []
  const [{ ActionItem, MeetingRecord }, { loadContext, loadRecords }] = await Promise.all([import("@uppdrag/meetings"), import("../meetings/sources.js")])
  const fromLog = stored.map(({ seq, payload }) => {
    const parsed = MeetingRecord.schema.safeParse(payload)
    if (!parsed.success) throw new CliError([`händelse ${seq}: mötesposten i databasen har fel form och kan inte läsas`])
    return parsed.data
  })
  const fromFiles = paths.length === 0 ? [] : loadRecords(paths, loadContext({ catalog: [...(catalog ?? [])] }))
  const { meetings } = MeetingRecord.current([...fromLog, ...fromFiles])
  return ActionItem.obligations(meetings).map(({ assignment, obligation: o }) => ({
    origin: "moten",
    ...(assignment === null ? {} : { assignment }),
    id: o.id,
    kind: o.kind,
    title: o.title,
    due: o.due ?? "",
    responsible: o.responsible,
    recipient: o.recipient,
    contents: o.contents,
    source: o.source
  }))
}
