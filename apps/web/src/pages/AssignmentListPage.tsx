import { Assignment } from "@uppdrag/core"
import type { FC } from "hono/jsx"
import { TableRegion } from "../TableRegion.js"
import { Layout } from "../Layout.js"

/**
 * Uppdrag: every assignment in the catalog, newest decision first, each linking to its page.
 *
 * @example
 * <AssignmentListPage assignments={catalog.assignments} />
 */
export const AssignmentListPage: FC<{ assignments: ReadonlyArray<Assignment.Assignment> }> = ({ assignments }) => (
  <Layout title="Uppdrag" section="uppdrag">
    <h1>Uppdrag</h1>
    <p class="lead">Regeringsuppdrag och överenskommelser i katalogen, med senaste beslut först.</p>
    <TableRegion label={`Uppdrag och överenskommelser (${assignments.length})`}>
      <table>
        <caption>{`Uppdrag och överenskommelser (${assignments.length})`}</caption>
        <thead>
          <tr>
            <th scope="col">Diarienummer</th>
            <th scope="col">Beslutat</th>
            <th scope="col">Rubrik</th>
            <th scope="col">Slag</th>
          </tr>
        </thead>
        <tbody>
          {[...assignments].reverse().map((a) => (
            <tr>
              <th scope="row">
                <a href={`/uppdrag/${a.id}`}>{Assignment.mainDiaryNumber(a)}</a>
              </th>
              <td>{Assignment.formatDecided(a)}</td>
              <td>{a.title}</td>
              <td>{a.kind === "regeringsuppdrag" ? "Regeringsuppdrag" : "Överenskommelse"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  </Layout>
)
