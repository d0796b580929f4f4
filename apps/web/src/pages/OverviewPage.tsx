import { DeadlineList } from "@uppdrag/application"
import { Assignment, type CalendarDate } from "@uppdrag/core"
import { Completion } from "@uppdrag/deadlines"
import type { Child, FC } from "hono/jsx"
import { DeadlineTable } from "../DeadlineView.js"
import { Downloads, tableDownloads } from "../Downloads.js"
import { GrantDates } from "../GrantDates.js"
import * as Format from "../Format.js"
import { Layout } from "../Layout.js"

/** A grant as the overview shows it: its facts and, once the ledger is read, its money so far. */
export interface GrantSummary {
  readonly assignment: Assignment.Assignment
  readonly grant: Assignment.Grant
  readonly ledger?: { readonly requisitioned: number; readonly paidOut: number; readonly toRepay: number; readonly outstanding: number } | undefined
}

/**
 * The date form every dated page has: `?datum=ÅÅÅÅ-MM-DD`, plain GET, no script.
 *
 * @example
 * <AsOfForm action="/" asOf="2026-11-23" />
 */
export const AsOfForm: FC<{ action: string; asOf: CalendarDate.CalendarDate; children?: Child }> = ({ action, asOf, children }) => (
  <form class="filter" method="get" action={action}>
    <div>
      <label for="datum">Visa läget per datum</label>
      <input id="datum" name="datum" type="date" value={asOf} required />
    </div>
    {children}
    <div>
      <button type="submit">Visa</button>
    </div>
  </form>
)

/**
 * Översikt: what is due next across all assignments, each grant's totals and
 * ledger status, and the meetings of the coming weeks.
 *
 * @example
 * <OverviewPage asOf="2026-11-23" deadlines={open} grants={grants} meetings={<MeetingList …/>} />
 */
export const OverviewPage: FC<{
  asOf: CalendarDate.CalendarDate
  /** The application's deadline list (open duties) as of the date, with the assignments ended by then. */
  listing: DeadlineList.Listing
  grants: ReadonlyArray<GrantSummary>
  meetings?: Child
}> = ({ asOf, listing, grants, meetings }) => {
  const { current: deadlines, leftOver } = DeadlineList.partition(listing)
  const late = DeadlineList.overdue(listing).length
  const soon = deadlines.filter((d) => d.status === "snart").length
  const query = `?datum=${asOf}`
  return (
    <Layout title="Översikt" section="oversikt">
      <h1>Översikt</h1>
      <p class="lead">{`Läget per ${asOf}: ${late} försenade och ${soon} snart förfallande tidsfrister, ${grants.length} statsbidrag.`}</p>
      <AsOfForm action="/" asOf={asOf} />

      <h2 id="tidsfrister">Tidsfrister som inte är inlämnade</h2>
      <p>
        Försenade och kommande tidsfrister, med den tidigaste först. En frist räknas som inlämnad när inlämningen har registrerats. Arbetsdagar räknas utan lördagar, söndagar, allmänna helgdagar och midsommar-, jul- och nyårsafton. Infaller en frist på en helgdag
        visas närmast följande vardag (lag (1930:173) om beräkning av lagstadgad tid); datumet i beslutet ändras inte.
      </p>
      <DeadlineTable caption={`Tidsfrister som inte är inlämnade per ${asOf}`} deadlines={deadlines} withAssignment />
      <Downloads
        label="Ladda ner tidsfristerna"
        items={[...tableDownloads("/tidsfrister", query), { href: `/tidsfrister.ics${query}`, label: "kalender, ics" }]}
      />

      {leftOver.length === 0 ? null : (
        <>
          <h2 id="avslutade">Ej redovisade skyldigheter i avslutade uppdrag</h2>
          <p>
            {`Uppdragen nedan är avslutade (${[...listing.ended.entries()]
              .filter(([id]) => leftOver.some((d) => d.obligation.assignmentId === id))
              .map(([, ending]) => Completion.describe(ending))
              .join("; ")}). Deras skyldigheter som aldrig registrerades som inlämnade visas här för sig och räknas inte som försenade.`}
          </p>
          <DeadlineTable caption={`Ej redovisade skyldigheter i avslutade uppdrag per ${asOf}`} deadlines={leftOver} withAssignment />
        </>
      )}

      <h2 id="statsbidrag">Statsbidrag</h2>
      <ul class="cards">
        {grants.map(({ assignment, grant, ledger }) => (
          <li>
            <h3>
              <a href={`/fordelning/${grant.id}`}>{`Statsbidrag ${grant.year}`}</a>
            </h3>
            <p>{grant.title}</p>
            <p class="figure">{Format.kronor(grant.amount)}</p>
            <dl class="facts">
              <dt>Beslut</dt>
              <dd>
                <a href={`/uppdrag/${assignment.id}`}>{Assignment.mainDiaryNumber(assignment)}</a>
              </dd>
              <GrantDates grant={grant} />
              {ledger === undefined ? null : (
                <>
                  <dt>Rekvirerat</dt>
                  <dd>{Format.kronor(ledger.requisitioned)}</dd>
                  <dt>Utbetalt</dt>
                  <dd>{Format.kronor(ledger.paidOut)}</dd>
                  <dt>Att återbetala</dt>
                  <dd>{Format.kronor(ledger.toRepay)}</dd>
                </>
              )}
            </dl>
          </li>
        ))}
      </ul>
      {meetings === undefined ? null : (
        <>
          <h2 id="moten">Möten de kommande veckorna</h2>
          {meetings}
        </>
      )}
    </Layout>
  )
}
