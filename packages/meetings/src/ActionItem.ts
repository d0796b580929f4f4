import { type Assignment, Collation } from "@uppdrag/core"
import type { Meeting } from "./Meeting.js"

/**
 * A meeting's action item as a plain obligation of kind `ovrigt`, the same
 * shape as the catalog's `ReportingObligation`, with the assignment it
 * belongs to (catalog id, when the meeting has one) so a deadline list can
 * show it beside the decisions' own dates.
 *
 * @example
 * // { assignment: "specialiserad-psykiatri-2026", obligation: { id: "atgard-samrad-2026-11-20-1", kind: "ovrigt",
 * //   title: "Skicka underlag till IVO", due: "2026-12-04", responsible: "Socialstyrelsen", recipient: "IVO", … } }
 * @since 0.2.0
 */
export interface ActionObligation {
  readonly assignment: string | null
  readonly obligation: Assignment.ReportingObligation
}

/**
 * Every action item of the given meetings as an `ovrigt` obligation, ids
 * `atgard-<meeting id>-<n>` (1-based), sorted by due date.
 *
 * @example
 * ActionItem.obligations(meetings).map((a) => a.obligation.due)
 * @since 0.2.0
 */
export const obligations = (meetings: ReadonlyArray<Meeting>): Array<ActionObligation> =>
  meetings
    .flatMap((m) =>
      m.actionItems.map(
        (item, i): ActionObligation => ({
          assignment: m.assignment ?? null,
          obligation: {
            id: `atgard-${m.id}-${i + 1}`,
            kind: "ovrigt",
            title: item.title,
            due: item.due,
            responsible: item.owner,
            recipient: item.recipient,
            contents: [],
            citeDiaryNumber: false,
            source: `Åtgärd från mötet "${m.title}" ${m.date}`
          }
        })
      )
    )
    .sort((a, b) => ((a.obligation.due ?? "") < (b.obligation.due ?? "") ? -1 : (a.obligation.due ?? "") > (b.obligation.due ?? "") ? 1 : Collation.swedish(a.obligation.id, b.obligation.id)))
