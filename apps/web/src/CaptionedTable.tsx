import type { Child, FC } from "hono/jsx"

/**
 * A data table with its caption, in the frame every data table gets: it
 * scrolls sideways on narrow screens and at 200 % zoom, and the frame is
 * itself focusable and named after the caption, so keyboard users can scroll
 * it too. The children are the table's rows (`thead`, `tbody`, `tfoot`).
 *
 * @example
 * <CaptionedTable caption="Fördelning per region"><thead>…</thead><tbody>…</tbody></CaptionedTable>
 */
export const CaptionedTable: FC<{ caption: string; children?: Child }> = ({ caption, children }) => (
  <section class="table-wrap" aria-label={caption} tabindex={0}>
    <table>
      <caption>{caption}</caption>
      {children}
    </table>
  </section>
)
