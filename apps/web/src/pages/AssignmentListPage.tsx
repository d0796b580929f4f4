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
    <p class="lead">Regeringsuppdrag, överenskommelser och underlag om dem i katalogen, med det senaste först.</p>
    <TableRegion label={`Katalogen (${assignments.length})`}>
      <table>
        <caption>{`Katalogen (${assignments.length})`}</caption>
        <thead>
          <tr>
            <th scope="col">Diarienummer</th>
            <th scope="col">Datum</th>
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
              <td>{Assignment.kindLabel(a.kind)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  </Layout>
)
