import { type Deadline, Obligation } from "@uppdrag/deadlines"
import type { FC } from "hono/jsx"
import { TableRegion } from "./TableRegion.js"
import * as Format from "./Format.js"

const statusLabels: Readonly<Record<Deadline.Status, string>> = {
  kommande: "Kommande",
  snart: "Snart",
  forsenad: "Försenad",
  inlamnad: "Inlämnad",
  "inlamnad-sent": "Inlämnad sent",
  "datum-ej-satt": "Datum ej satt"
}

/**
 * A deadline's status as a labelled badge (the word carries the meaning; colour only adds to it).
 *
 * @example
 * <StatusBadge status="snart" /> // <span class="status status-snart">Snart</span>
 */
export const StatusBadge: FC<{ status: Deadline.Status }> = ({ status }) => <span class={`status status-${status}`}>{statusLabels[status]}</span>

/** The Swedish word for a status, for CSV and spreadsheets. */
export const statusLabel = (status: Deadline.Status): string => statusLabels[status]

/**
 * "söndag – närmast följande vardag 2027-05-31", or nothing on a working day.
 *
 * @example
 * nonWorkingNote(d) // "söndag – närmast följande vardag 2027-05-31"
 */
export const nonWorkingNote = (d: Deadline.Deadline): string =>
  d.nonWorkingDay === null ? "" : `${d.nonWorkingDay}${d.nextWorkingDay === null ? "" : ` – närmast följande vardag ${d.nextWorkingDay}`}`

/**
 * The deadlines table: date, days left (calendar and working days), status,
 * kind, what, recipient, non-working-day flag; with the assignment column
 * when several assignments are shown.
 *
 * @example
 * <DeadlineTable caption="Kommande tidsfrister" deadlines={deadlines} withAssignment />
 */
export const DeadlineTable: FC<{ caption: string; deadlines: ReadonlyArray<Deadline.Deadline>; withAssignment: boolean }> = ({ caption, deadlines, withAssignment }) => (
  <TableRegion label={caption}>
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Datum</th>
          <th scope="col" class="num">
            Kalenderdagar kvar
          </th>
          <th scope="col" class="num">
            Arbetsdagar kvar
          </th>
          <th scope="col">Status</th>
          <th scope="col">Typ</th>
          <th scope="col">Vad</th>
          {withAssignment ? <th scope="col">Uppdrag</th> : null}
          <th scope="col">Mottagare</th>
          <th scope="col">Helgdag eller helg</th>
        </tr>
      </thead>
      <tbody>
        {deadlines.map((d) => (
          <tr>
            <th scope="row">{d.obligation.due ?? `Bestäms av ${d.obligation.dueSetBy ?? "annan"}`}</th>
            <td class="num">{d.daysLeft === null ? "–" : Format.days(d.daysLeft)}</td>
            <td class="num">{d.workingDaysLeft === null ? "–" : Format.integer(d.workingDaysLeft)}</td>
            <td>
              <StatusBadge status={d.status} />
            </td>
            <td>{Obligation.kindLabel(d.obligation.kind)}</td>
            <td>{d.obligation.title}</td>
            {withAssignment ? (
              <td>{d.obligation.assignmentId === null ? "–" : <a href={`/uppdrag/${d.obligation.assignmentId}`}>{d.obligation.assignment}</a>}</td>
            ) : null}
            <td>{d.obligation.recipient}</td>
            <td>{nonWorkingNote(d) === "" ? "–" : nonWorkingNote(d)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </TableRegion>
)
