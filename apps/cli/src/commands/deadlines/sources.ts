import type { Catalog } from "@uppdrag/core"
import type { Deadline, Obligation } from "@uppdrag/deadlines"
import { Store } from "@uppdrag/store"
import { allocationOf, storeFailure, storeLocation } from "../../terminal/Store.js"

/**
 * Submitted reports recorded in the store (`uppdrag record report`): every
 * `report` event for a whole obligation (no region) that no reversal
 * cancels, as the plain submissions @uppdrag/deadlines takes. A region's own
 * report is one region's part of a shared duty and does not close it. The
 * catalog already loaded is reused, so it is parsed once per command.
 */
export const recordedSubmissions = async (db: string | undefined, catalog: Catalog.Catalog): Promise<Array<Deadline.SubmissionInput>> => {
  const opened = await Store.open(storeLocation(db), { catalog, allocationOf })
  if (opened._tag === "Failure") throw storeFailure(opened.failure)
  const store = opened.success
  try {
    const events = await store.events({ types: ["report", "reversal"] })
    if (events._tag === "Failure") throw storeFailure(events.failure)
    const reversed = new Set(events.success.flatMap((e) => (e.reverses === null ? [] : [e.reverses])))
    return events.success.flatMap((e) =>
      e.type === "report" && e.obligation !== null && e.region === null && !reversed.has(e.seq)
        ? [{ assignment: e.assignment, obligation: e.obligation, submittedOn: e.date }]
        : []
    )
  } finally {
    await store.close()
  }
}

/**
 * Action items of the meeting records in `--records` files and folders, as
 * extra duties of kind `ovrigt` (origin `moten`), validated by the meetings
 * package against the catalog and the built-in series. The meetings package
 * is loaded only when records are given.
 */
export const actionItems = async (paths: ReadonlyArray<string>, catalog: ReadonlyArray<string> | undefined): Promise<Array<Obligation.ExtraInput>> => {
  if (paths.length === 0) return []
  const [{ ActionItem, MeetingRecord }, { loadContext, loadRecords }] = await Promise.all([import("@uppdrag/meetings"), import("../meetings/sources.js")])
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
