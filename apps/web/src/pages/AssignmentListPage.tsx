import { Assignment } from "@uppdrag/core"
import type { Completion } from "@uppdrag/deadlines"
import type { FC } from "hono/jsx"
import { CaptionedTable } from "../CaptionedTable.js"
import { Layout } from "../Layout.js"

/**
 * An assignment's state for tables: "Avslutat 2013-06-01" (with how, for screen readers and print alike), "Pågår", or "–" for an underlag.
 *
 * @example
 * <EndingCell assignment={a} ending={listing.ended.get(a.id)} />
 */
export const EndingCell: FC<{ assignment: Assignment.Assignment; ending: Completion.Ending | undefined }> = ({ assignment, ending }) =>
  assignment.kind === "underlag" ? (
    <>–</>
  ) : ending === undefined ? (
    <>Pågår</>
  ) : (
    <>
      <span class="status status-avslutat">Avslutat</span> <span class="date">{ending.on}</span>
    </>
  )

/**
 * Uppdrag: every assignment in the catalog, newest decision first, each linking to its page, marked avslutat once ended.
 *
 * @example
 * <AssignmentListPage assignments={catalog.assignments} ended={listing.ended} />
 */
export const AssignmentListPage: FC<{ assignments: ReadonlyArray<Assignment.Assignment>; ended: ReadonlyMap<string, Completion.Ending> }> = ({ assignments, ended }) => (
  <Layout title="Uppdrag" section="uppdrag">
    <h1>Uppdrag</h1>
    <p class="lead">Regeringsuppdrag, överenskommelser och underlag om dem i katalogen, med det senaste först.</p>
    <CaptionedTable caption={`Katalogen (${assignments.length})`}>
      <thead>
        <tr>
          <th scope="col">Diarienummer</th>
          <th scope="col">Datum</th>
          <th scope="col">Rubrik</th>
          <th scope="col">Slag</th>
          <th scope="col">Läge</th>
        </tr>
      </thead>
      <tbody>
        {[...assignments].reverse().map((a) => (
          <tr>
            <th scope="row">
              <a href={`/uppdrag/${a.id}`}>{Assignment.mainDiaryNumber(a)}</a>
            </th>
            <td class="date">{Assignment.formatDecided(a)}</td>
            <td>{a.title}</td>
            <td>{Assignment.kindLabel(a.kind)}</td>
            <td>
              <EndingCell assignment={a} ending={ended.get(a.id)} />
            </td>
          </tr>
        ))}
      </tbody>
    </CaptionedTable>
  </Layout>
)
