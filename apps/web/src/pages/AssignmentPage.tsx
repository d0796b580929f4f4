import { MeetingRecords } from "@uppdrag/application"
import { Assignment, type CalendarDate } from "@uppdrag/core"
import { Completion, type Deadline } from "@uppdrag/deadlines"
import type { Coverage } from "@uppdrag/meetings"
import type { Child, FC } from "hono/jsx"
import { CaptionedTable } from "../CaptionedTable.js"
import { DeadlineTable } from "../DeadlineView.js"
import { DefinitionTable } from "../DefinitionTable.js"
import { Downloads, tableDownloads } from "../Downloads.js"
import * as Format from "../Format.js"
import { Layout } from "../Layout.js"
import { AsOfForm } from "./OverviewPage.js"

const References: FC<{ caption: string; references: Assignment.Assignment["related"]; findAssignment: (diaryNumber: string) => Assignment.Assignment | undefined }> = ({
  caption,
  references,
  findAssignment
}) => (
  <CaptionedTable caption={caption}>
    <thead>
      <tr>
        <th scope="col">Diarienummer</th>
        <th scope="col">Rubrik</th>
      </tr>
    </thead>
    <tbody>
      {references.map((r) => {
        const known = findAssignment(r.diaryNumber)
        return (
          <tr>
            <th scope="row">{known === undefined ? r.diaryNumber : <a href={`/uppdrag/${known.id}`}>{r.diaryNumber}</a>}</th>
            <td>{r.title}</td>
          </tr>
        )
      })}
    </tbody>
  </CaptionedTable>
)

/**
 * Who of the parties the decision names has been consulted (met in a
 * recorded meeting for the assignment) by the date, when last, and who not
 * yet, ahead of the next report deadline (from @uppdrag/meetings).
 *
 * @example
 * <CoverageTable coverage={Coverage.report(assignment, meetings, asOf)} asOf="2026-11-23" />
 */
export const CoverageTable: FC<{ coverage: Coverage.Coverage; asOf: CalendarDate.CalendarDate }> = ({ coverage, asOf }) => {
  const consulted = MeetingRecords.consulted(coverage)
  const caption = `Samråd per ${asOf}: ${consulted} av ${coverage.parties.length} parter`
  return (
    <>
      <p>
        {`${consulted} av ${coverage.parties.length} parter som beslutet nämner har deltagit i ett registrerat möte inom uppdraget`}
        {coverage.nextDeadline === null ? "." : ` före nästa redovisning ${coverage.nextDeadline}.`}
      </p>
      <DefinitionTable
        caption={caption}
        columns={MeetingRecords.coverageColumns.filter((c) => c.field === "consulted" || c.field === "lastMeeting")}
        rows={coverage.parties}
        rowHeader={{ header: "Part", cell: (p) => p.name }}
      />
    </>
  )
}

/**
 * Uppdrag: one assignment. The facts of the decision, the timeline of its
 * duties with status on the chosen date, funds per year, its grants, the
 * parties to consult (with coverage once meetings are recorded), and related
 * and ended assignments.
 *
 * @example
 * <AssignmentPage assignment={a} asOf="2026-11-23" deadlines={deadlines} findAssignment={(d) => Catalog.findAssignment(catalog, d)} />
 */
export const AssignmentPage: FC<{
  assignment: Assignment.Assignment
  asOf: CalendarDate.CalendarDate
  deadlines: ReadonlyArray<Deadline.Deadline>
  /** Duties never reported before the assignment ended (listed apart, not overdue). */
  leftOver?: ReadonlyArray<Deadline.Deadline>
  /** How the assignment ended by `asOf`, when it has. */
  ending?: Completion.Ending | undefined
  findAssignment: (diaryNumber: string) => Assignment.Assignment | undefined
  consultation?: Child
  /** The agencies' documents (underlag) about this decision. */
  documents?: ReadonlyArray<Assignment.Assignment>
}> = ({ assignment: a, asOf, deadlines, leftOver = [], ending, findAssignment, consultation, documents = [] }) => {
  const diary = Assignment.mainDiaryNumber(a)
  // An underlag has no dates or money of its own: they are the decision's.
  const decision = a.concerns === undefined ? undefined : findAssignment(a.concerns)
  return (
    <Layout title={`${a.kind === "underlag" ? "Underlag" : "Uppdrag"} ${diary}`} section="uppdrag">
      <p class="muted">{a.kind === "underlag" ? `Underlag från ${a.issuedBy ?? "okänd avsändare"} om ${a.concerns}` : `${Assignment.kindLabel(a.kind)} ${diary}`}</p>
      <h1>{a.title}</h1>
      {ending === undefined ? null : (
        <p class="notice">
          <span class="status status-avslutat">Avslutat</span> {`Uppdraget är ${Completion.describe(ending)} (per ${asOf}).`}
          {leftOver.length === 0 ? "" : ` ${leftOver.length} skyldigheter registrerades aldrig som inlämnade; de visas för sig och räknas inte som försenade.`}
        </p>
      )}
      <h2 id="beslutet">{a.kind === "underlag" ? "Underlaget" : "Beslutet"}</h2>
      <dl class="facts">
        <dt>{a.kind === "underlag" ? "Datum" : "Beslutsdatum"}</dt>
        <dd>{a.decisionItem === undefined ? Assignment.formatDecided(a) : `${Assignment.formatDecided(a)} (punkt ${a.decisionItem})`}</dd>
        {a.kind === "underlag" ? (
          <>
            <dt>Gäller beslut</dt>
            <dd>{decision === undefined ? a.concerns : <a href={`/uppdrag/${decision.id}`}>{`${a.concerns} (${Assignment.formatDecided(decision)})`}</a>}</dd>
          </>
        ) : (
          <>
            <dt>Diarienummer</dt>
            <dd>{a.diaryNumbers.length === 0 ? "Anges inte i beslutet" : a.diaryNumbers.join(", ")}</dd>
          </>
        )}
        <dt>Departement</dt>
        <dd>{a.ministry}</dd>
        <dt>Mottagare</dt>
        <dd>{a.recipient}</dd>
        {a.parties.length === 0 ? null : (
          <>
            <dt>Parter</dt>
            <dd>{a.parties.join(", ")}</dd>
          </>
        )}
        {a.period === undefined ? null : (
          <>
            <dt>Period</dt>
            <dd>{`${a.period.start} – ${a.period.end}`}</dd>
          </>
        )}
        {a.appropriation === undefined ? null : (
          <>
            <dt>Anslag</dt>
            <dd>{`Utgiftsområde ${a.appropriation.expenditureArea} ${a.appropriation.expenditureAreaName}, anslag ${a.appropriation.appropriation} ${a.appropriation.appropriationName}${
              a.appropriation.item === undefined ? "" : `, ap. ${a.appropriation.item}${a.appropriation.itemName === undefined ? "" : ` ${a.appropriation.itemName}`}`
            }`}</dd>
          </>
        )}
      </dl>

      <h2 id="tidslinje">Tidslinje</h2>
      {a.kind === "underlag" ? (
        <p>
          {"Underlaget har inga egna tidsfrister eller medel. De finns under "}
          {decision === undefined ? `beslutet ${a.concerns}` : <a href={`/uppdrag/${decision.id}`}>{`beslutet ${a.concerns}`}</a>}
          {"."}
        </p>
      ) : (
        <>
          <AsOfForm action={`/uppdrag/${a.id}`} asOf={asOf} />
          <DeadlineTable caption={`Skyldigheter i ${diary}, status per ${asOf}`} deadlines={deadlines} withAssignment={false} />
          {leftOver.length === 0 ? null : (
            <>
              <h3 id="ej-redovisade">Ej redovisade när uppdraget avslutades</h3>
              <DeadlineTable caption={`Ej redovisade skyldigheter i ${diary}, avslutat ${ending?.on ?? ""}`} deadlines={leftOver} withAssignment={false} />
            </>
          )}
          <Downloads
            label="Ladda ner tidsfristerna"
            items={[...tableDownloads(`/uppdrag/${a.id}/tidsfrister`, `?datum=${asOf}`), { href: `/uppdrag/${a.id}/tidsfrister.ics`, label: "kalender, ics" }]}
          />
        </>
      )}

      {a.requirements.length === 0 ? null : (
        <>
          <h2 id="krav">{a.kind === "underlag" ? "Vad underlaget anger" : "Löpande krav"}</h2>
          <ul>
            {a.requirements.map((r) => (
              <li>{r}</li>
            ))}
          </ul>
        </>
      )}

      {documents.length === 0 ? null : (
        <>
          <h2 id="underlag">Underlag om beslutet</h2>
          <ul>
            {documents.map((d) => (
              <li>
                <a href={`/uppdrag/${d.id}`}>{d.title}</a>
                {` (${Assignment.kindLabel(d.kind).toLowerCase()} från ${d.issuedBy ?? "okänd avsändare"}, ${Assignment.formatDecided(d)})`}
              </li>
            ))}
          </ul>
        </>
      )}

      {a.funding.length === 0 ? null : (
        <>
          <h2 id="medel">Medel per år</h2>
          <CaptionedTable caption={`Medel i ${diary} per år`}>
            <thead>
              <tr>
                <th scope="col">År</th>
                <th scope="col" class="num">
                  Totalt
                </th>
                <th scope="col" class="num">
                  Till regionerna
                </th>
                <th scope="col" class="num">
                  Eget arbete
                </th>
                <th scope="col">Läge</th>
              </tr>
            </thead>
            <tbody>
              {a.funding.map((f) => (
                <tr>
                  <th scope="row">{String(f.year)}</th>
                  <td class="num">{Format.kronor(f.total)}</td>
                  <td class="num">{f.toRegions === undefined ? "–" : Format.kronor(f.toRegions)}</td>
                  <td class="num">{f.ownUse === undefined ? "–" : Format.kronor(f.ownUse)}</td>
                  <td>{f.planned ? "Beräknat, under förutsättning att riksdagen anvisar medel" : "Beslutat"}</td>
                </tr>
              ))}
            </tbody>
          </CaptionedTable>
        </>
      )}

      {a.grants.length === 0 ? null : (
        <>
          <h2 id="statsbidrag">Statsbidrag</h2>
          <ul>
            {a.grants.map((g) => (
              <li>
                <a href={`/fordelning/${g.id}`}>{`Fördelning av ${g.title.charAt(0).toLowerCase()}${g.title.slice(1)}`}</a>
                {` (${Format.kronor(g.amount)})`}
              </li>
            ))}
          </ul>
        </>
      )}

      {a.consult.length === 0 ? null : (
        <>
          <h2 id="samrad">Samråd</h2>
          {consultation ?? (
            <ul>
              {a.consult.map((p) => (
                <li>{p.name}</li>
              ))}
            </ul>
          )}
        </>
      )}

      {a.perspectives.length === 0 ? null : (
        <>
          <h2 id="perspektiv">Perspektiv att beakta</h2>
          <ul>
            {a.perspectives.map((p) => (
              <li>{p}</li>
            ))}
          </ul>
        </>
      )}

      {a.related.length === 0 ? null : (
        <>
          <h2 id="relaterade">Relaterade uppdrag</h2>
          <References caption={`Uppdrag som hänger ihop med ${diary}`} references={a.related} findAssignment={findAssignment} />
        </>
      )}
      {a.ends.length === 0 ? null : (
        <>
          <h2 id="avslutade">Uppdrag som upphör</h2>
          <References caption={`Uppdrag som upphör genom ${diary}`} references={a.ends} findAssignment={findAssignment} />
        </>
      )}
    </Layout>
  )
}
