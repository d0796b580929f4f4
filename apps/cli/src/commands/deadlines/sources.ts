import type { Deadline, Obligation } from "@uppdrag/deadlines"
import { ActionItem, MeetingRecord } from "@uppdrag/meetings"
import { storeFailure, withStore } from "../../terminal/Store.js"
import { loadContext, loadRecords } from "../meetings/sources.js"

/**
 * Submitted reports recorded in the store (`uppdrag record report`): every
 * `report` event for a whole obligation (no region) that no reversal
 * cancels, as the plain submissions @uppdrag/deadlines takes. A region's own
 * report is one region's part of a shared duty and does not close it.
 */
export const recordedSubmissions = async (options: { db?: string | undefined; catalog?: ReadonlyArray<string> | undefined }): Promise<Array<Deadline.SubmissionInput>> =>
  withStore(options, async ({ store }) => {
    const events = await store.events({ types: ["report", "reversal"] })
    if (events._tag === "Failure") throw storeFailure(events.failure)
    const reversed = new Set(events.success.flatMap((e) => (e.reverses === null ? [] : [e.reverses])))
    return events.success.flatMap((e) =>
      e.type === "report" && e.obligation !== null && e.region === null && !reversed.has(e.seq)
        ? [{ assignment: e.assignment, obligation: e.obligation, submittedOn: e.date }]
        : []
    )
  })

/**
 * Action items of the meeting records in `--records` files and folders, as
 * extra duties of kind `ovrigt` (origin `moten`), validated by the meetings
 * package against the catalog and the built-in series.
 */
export const actionItems = (paths: ReadonlyArray<string>, catalog: ReadonlyArray<string> | undefined): Array<Obligation.ExtraInput> => {
  if (paths.length === 0) return []
  const context = loadContext({ catalog: [...(catalog ?? [])] })
  const { meetings } = MeetingRecord.current(loadRecords(paths, context))
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
