import type { CalendarDate } from "@uppdrag/core"
import type { Occurrence } from "@uppdrag/meetings"
import type { FC } from "hono/jsx"
import { Downloads, tableDownloads } from "../Downloads.js"
import { Layout } from "../Layout.js"
import type { MeetingRecords } from "@uppdrag/application"
import { TableRegion } from "../TableRegion.js"

const statusText = (o: Occurrence.Occurrence): string => {
  if (o.status === "inställd") return o.reason === undefined ? "Inställt" : `Inställt: ${o.reason}`
  if (o.status === "flyttad") return `Flyttat från ${o.movedFrom ?? "annat datum"}${o.reason === undefined ? "" : ` (${o.reason})`}`
  return "Planerat"
}

/**
 * The occurrences table: date, time, series, theme, status. Used on Möten and Översikt.
 *
 * @example
 * <OccurrenceTable caption="Möten 2026-11-23 – 2027-01-18" occurrences={list} />
 */
export const OccurrenceTable: FC<{ caption: string; occurrences: ReadonlyArray<Occurrence.Occurrence> }> = ({ caption, occurrences }) =>
  occurrences.length === 0 ? (
    <p>{`${caption}: inga möten.`}</p>
  ) : (
    <TableRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Datum</th>
            <th scope="col">Tid</th>
            <th scope="col">Möte</th>
            <th scope="col">Tema</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {occurrences.map((o) => (
            <tr>
              <th scope="row" class="date">
                {o.date}
              </th>
              <td>{o.start === undefined ? "Heldag" : `${o.start}–${o.end ?? ""}`}</td>
              <td>{o.title}</td>
              <td>{o.theme ?? "–"}</td>
              <td>{statusText(o)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  )

/**
 * Möten: the meetings between two dates (all series, with themes, moves and
 * cancellations) and the series themselves, with calendar and CSV downloads.
 *
 * @example
 * <MeetingsPage from="2026-11-23" to="2027-01-18" occurrences={list} series={Series.unsafeLoad()} findAssignment={…} />
 */
export const MeetingsPage: FC<{
  from: CalendarDate.CalendarDate
  to: CalendarDate.CalendarDate
  occurrences: ReadonlyArray<Occurrence.Occurrence>
  series: MeetingRecords.SeriesShape
  assignmentHref: (reference: string) => string | undefined
}> = ({ from, to, occurrences, series, assignmentHref }) => {
  const query = `fran=${from}&till=${to}`
  const seriesCaption = `Mötesserier (${series.length})`
  return (
    <Layout title="Möten" section="moten">
      <h1>Möten</h1>
      <p class="lead">Återkommande möten och dialoger inom uppdragen. Tiderna är svensk tid (Europe/Stockholm).</p>
      <form class="filter" method="get" action="/moten">
        <div>
          <label for="fran">Från och med</label>
          <input id="fran" name="fran" type="date" value={from} required />
        </div>
        <div>
          <label for="till">Till och med</label>
          <input id="till" name="till" type="date" value={to} required />
        </div>
        <div>
          <button type="submit">Visa</button>
        </div>
      </form>
      <h2 id="kommande">Möten</h2>
      <OccurrenceTable caption={`Möten ${from} – ${to}`} occurrences={occurrences} />
      <Downloads
        label="Ladda ner mötena"
        items={[...tableDownloads("/moten/moten", `?${query}`), { href: "/moten/serier.ics", label: "kalender med alla serier, ics" }]}
      />
      <h2 id="serier">Mötesserier</h2>
      <TableRegion label={seriesCaption}>
        <table>
          <caption>{seriesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">Serie</th>
              <th scope="col">Intervall</th>
              <th scope="col">Målgrupp</th>
              <th scope="col">Syfte</th>
              <th scope="col">Uppdrag</th>
            </tr>
          </thead>
          <tbody>
            {series.map((s) => {
              const href = s.assignment === undefined ? undefined : assignmentHref(s.assignment)
              return (
                <tr>
                  <th scope="row">{s.title}</th>
                  <td>{s.interval ?? "–"}</td>
                  <td>{s.audience ?? "–"}</td>
                  <td>{s.purpose ?? "–"}</td>
                  <td>{s.assignment === undefined ? "–" : href === undefined ? s.assignment : <a href={href}>{s.assignment}</a>}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </TableRegion>
    </Layout>
  )
}
