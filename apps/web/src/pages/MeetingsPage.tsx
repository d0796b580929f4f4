import type { CalendarDate } from "@uppdrag/core"
import type { Occurrence } from "@uppdrag/meetings"
import type { FC } from "hono/jsx"
import { Downloads, tableDownloads } from "../Downloads.js"
import { Layout } from "../Layout.js"
import { MeetingRecords } from "@uppdrag/application"
import { DefinitionTable } from "../DefinitionTable.js"
import { RegionLink } from "../RegionLink.js"
import { CaptionedTable } from "../CaptionedTable.js"

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
    <CaptionedTable caption={caption}>
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
    </CaptionedTable>
  )

/** What has been recorded as of a date: meetings, each assignment's consultation coverage, the regions' agreements (the application's `MeetingRecords`). */
export interface MeetingRecordsView {
  readonly asOf: CalendarDate.CalendarDate
  readonly meetings: ReadonlyArray<MeetingRecords.RecordedMeeting>
  readonly consultations: ReadonlyArray<MeetingRecords.Consultation>
  readonly agreements: MeetingRecords.AgreementStatus
}

/** The downloadable tables of {@link RecordedSection}, by the name of their address under `/moten/`. */
export type RecordedTable = "registrerade" | "samrad" | "overenskommelser" | "uppfoljningar"

/** The three files of one recorded table, as of the view's date (the address carries no date: it is always today's). */
const recordedDownloads = (table: RecordedTable, label: string) => <Downloads label={label} items={tableDownloads(`/moten/${table}`)} />

const without = <Row,>(columns: ReadonlyArray<{ readonly field: string } & Row>, ...fields: ReadonlyArray<string>) => columns.filter((c) => !fields.includes(c.field))

/**
 * The recorded meetings and consultations, and the agreements with their
 * follow-ups, as of a date: four tables of the application's definitions.
 *
 * @example
 * <RecordedSection view={view} assignmentHref={(ref) => `/uppdrag/${ref}`} />
 */
export const RecordedSection: FC<{ view: MeetingRecordsView; assignmentHref: (reference: string) => string | undefined }> = ({ view, assignmentHref }) => {
  const { asOf, meetings, consultations, agreements } = view
  const signed = agreements.regions.filter((r) => r.agreement !== null).length
  const followUps = MeetingRecords.followUps(agreements)
  const assignmentLink = (reference: string | null, text: string | null) => {
    if (reference === null || text === null) return "–"
    const href = assignmentHref(reference)
    return href === undefined ? text : <a href={href}>{text}</a>
  }
  return (
    <>
      <h2 id="registrerade">Registrerade möten och samråd</h2>
      <p>{`Möten som registrerats med uppdrag meetings record, till och med ${asOf}: vilka myndigheter och andra parter som deltog, och hur många av de parter som varje beslut nämner som har hörts.`}</p>
      {meetings.length === 0 ? (
        <p>{`Inga möten är registrerade till och med ${asOf}.`}</p>
      ) : (
        <DefinitionTable
          caption={`Registrerade möten till och med ${asOf} (${meetings.length})`}
          columns={without(MeetingRecords.meetingColumns, "date", "id")}
          rows={meetings}
          rowHeader={{ header: "Datum", cell: (r) => r.meeting.date, date: true }}
          render={(c, r) => (c.field === "assignment" ? assignmentLink(r.meeting.assignment ?? null, r.diaryNumber) : undefined)}
        />
      )}
      {meetings.length === 0 ? null : recordedDownloads("registrerade", "Ladda ner de registrerade mötena")}
      <DefinitionTable
        caption={`Samråd per uppdrag, per ${asOf}`}
        columns={without(MeetingRecords.consultationColumns, "assignment")}
        rows={consultations}
        rowHeader={{ header: "Uppdrag", cell: (c) => assignmentLink(c.assignmentId, c.coverage.assignment) }}
      />
      {recordedDownloads("samrad", "Ladda ner samråden")}
      <h2 id="overenskommelser">Överenskommelser med regionerna</h2>
      <p>{`${signed} av ${agreements.regions.length} regioner har en registrerad överenskommelse med Socialstyrelsen per ${asOf}. Årsuppföljningen är den uppföljning som nästa delredovisning behöver.`}</p>
      <DefinitionTable
        caption={`Överenskommelser och uppföljning per region, per ${asOf}`}
        columns={without(MeetingRecords.agreementColumns, "region", "name")}
        rows={agreements.regions}
        rowHeader={{ header: "Region", cell: (r) => <RegionLink code={r.region} name={r.name} /> }}
      />
      {recordedDownloads("overenskommelser", "Ladda ner överenskommelserna")}
      {followUps.length === 0 ? (
        <p>Inga årliga uppföljningar av överenskommelserna är registrerade ännu.</p>
      ) : (
        <DefinitionTable
          caption={`Registrerade årliga uppföljningar (${followUps.length})`}
          columns={without(MeetingRecords.followUpColumns, "region", "name")}
          rows={followUps}
          rowHeader={{ header: "Region", cell: (f) => <RegionLink code={f.region.region} name={f.region.name} /> }}
        />
      )}
      {followUps.length === 0 ? null : recordedDownloads("uppfoljningar", "Ladda ner uppföljningarna")}
    </>
  )
}

/**
 * Möten: the meetings between two dates (all series, with themes, moves and
 * cancellations), what has been recorded (meetings, consultations, the
 * regions' agreements and follow-ups), and the series themselves, with
 * calendar, Excel and CSV downloads.
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
  /** The recorded meetings, consultations and agreements (left out without a database). */
  records?: MeetingRecordsView | undefined
}> = ({ from, to, occurrences, series, assignmentHref, records }) => {
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
      {records === undefined ? <p>Ingen databas är ansluten, så inga registrerade möten, samråd eller överenskommelser kan visas.</p> : <RecordedSection view={records} assignmentHref={assignmentHref} />}
      <h2 id="serier">Mötesserier</h2>
      <CaptionedTable caption={seriesCaption}>
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
      </CaptionedTable>
    </Layout>
  )
}
