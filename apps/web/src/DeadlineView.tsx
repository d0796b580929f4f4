import { DeadlineList } from "@uppdrag/application"
import { type Deadline, Obligation } from "@uppdrag/deadlines"
import type { Child, FC } from "hono/jsx"
import * as Format from "./Format.js"
import { CaptionedTable } from "./CaptionedTable.js"

/**
 * A deadline's status as a labelled badge (the word carries the meaning; colour only adds to it).
 *
 * @example
 * <StatusBadge status="snart" /> // <span class="status status-snart">Snart</span>
 */
export const StatusBadge: FC<{ status: Deadline.Status }> = ({ status }) => <span class={`status status-${status}`}>{DeadlineList.statusLabels[status]}</span>

/** The Swedish header of one of the application's deadline columns. */
const header = (field: string): string => DeadlineList.columns.find((c) => c.field === field)?.header ?? field

/** How the HTML table shows a deadline field: its header from the application's definition, its cell for people. */
interface HtmlColumn {
  readonly field: string
  readonly numeric?: boolean
  readonly cell: (d: Deadline.Deadline) => Child
}

const dash = (value: string | null): string => (value === null || value === "" ? "–" : value)

const assignmentCell = (d: Deadline.Deadline): Child =>
  d.obligation.assignmentId === null ? dash(d.obligation.assignment ?? d.obligation.origin) : <a href={`/uppdrag/${d.obligation.assignmentId}`}>{d.obligation.assignment}</a>

/** The columns after the date (the row header), in the application's order. */
const columns = (withAssignment: boolean): ReadonlyArray<HtmlColumn> => [
  { field: "daysLeft", numeric: true, cell: (d) => (d.daysLeft === null ? "–" : Format.days(d.daysLeft)) },
  { field: "workingDaysLeft", numeric: true, cell: (d) => (d.workingDaysLeft === null ? "–" : Format.integer(d.workingDaysLeft)) },
  { field: "status", cell: (d) => <StatusBadge status={d.status} /> },
  { field: "kind", cell: (d) => Obligation.kindLabel(d.obligation.kind) },
  { field: "title", cell: (d) => d.obligation.title },
  ...(withAssignment ? [{ field: "assignment", cell: assignmentCell }] : []),
  // The id `uppdrag record report --obligation` takes.
  { field: "id", cell: (d) => <code>{d.obligation.id}</code> },
  { field: "recipient", cell: (d) => dash(d.obligation.recipient) },
  { field: "nonWorkingDay", cell: (d) => dash(DeadlineList.nonWorkingNote(d)) }
]

/**
 * The deadlines table of the application's deadline list: date, days left
 * (calendar and working days), status, kind, what, id, recipient and the
 * non-working-day note, headed by the application's Swedish column headers;
 * with the assignment column when several assignments are shown.
 *
 * @example
 * <DeadlineTable caption="Kommande tidsfrister" deadlines={listing.deadlines} withAssignment />
 */
export const DeadlineTable: FC<{ caption: string; deadlines: ReadonlyArray<Deadline.Deadline>; withAssignment: boolean }> = ({ caption, deadlines, withAssignment }) => {
  const shown = columns(withAssignment)
  return (
    <CaptionedTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{header("due")}</th>
          {shown.map((c) => (
            <th scope="col" class={c.numeric === true ? "num" : undefined}>
              {header(c.field)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {deadlines.map((d) => (
          <tr>
            <th scope="row" class={d.obligation.due === null ? undefined : "date"}>
              {d.obligation.due ?? `Bestäms av ${d.obligation.dueSetBy ?? "annan"}`}
            </th>
            {shown.map((c) => (
              <td class={c.numeric === true ? "num" : undefined}>{c.cell(d)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </CaptionedTable>
  )
}
