import type { Catalog } from "@uppdrag/core"
import type { Deadline, Obligation } from "@uppdrag/deadlines"
import { Store } from "@uppdrag/store"
import { CliError } from "../../terminal/CliError.js"
import { allocationOf, storeFailure, storeLocation } from "../../terminal/Store.js"

/** What the deadlines read from the event log. */
export interface Recorded {
  /** Submitted reports, as the plain submissions @uppdrag/deadlines takes. */
  readonly submissions: Array<Deadline.SubmissionInput>
  /** Payloads of `meeting` events (meeting and agreement records), in log order, with their sequence numbers. */
  readonly meetings: Array<{ readonly seq: number; readonly payload: unknown }>
}

/**
 * Reads the event log once: every `report` event for a whole obligation (no
 * region) that no reversal cancels, and every `meeting` event not reversed.
 * A region's own report is one region's part of a shared duty and does not
 * close it. The catalog already loaded is reused, so it is parsed once.
 */
export const readRecorded = async (db: string | undefined, catalog: Catalog.Catalog): Promise<Recorded> => {
  const opened = await Store.open(storeLocation(db), { catalog, allocationOf })
  if (opened._tag === "Failure") throw storeFailure(opened.failure)
  const store = opened.success
  try {
    const events = await store.events({ types: ["report", "meeting", "reversal"] })
    if (events._tag === "Failure") throw storeFailure(events.failure)
    const reversed = new Set(events.success.flatMap((e) => (e.reverses === null ? [] : [e.reverses])))
    const live = events.success.filter((e) => !reversed.has(e.seq))
    return {
      submissions: live.flatMap((e) =>
        e.type === "report" && e.obligation !== null && e.region === null ? [{ assignment: e.assignment, obligation: e.obligation, submittedOn: e.date }] : []
      ),
      meetings: live.flatMap((e) => (e.type === "meeting" ? [{ seq: e.seq, payload: e.payload }] : []))
    }
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
  stored: Recorded["meetings"],
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
