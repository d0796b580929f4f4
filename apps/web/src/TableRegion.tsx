import type { Child, FC } from "hono/jsx"

/**
 * The frame around a data table: scrolls sideways on narrow screens and at
 * 200 % zoom, and is itself focusable and named (after the table's caption)
 * so keyboard users can scroll it too.
 *
 * @example
 * <TableRegion label="Fördelning per region"><table><caption>Fördelning per region</caption>…</table></TableRegion>
 */
export const TableRegion: FC<{ label: string; children?: Child }> = ({ label, children }) => (
  <section class="table-wrap" aria-label={label} tabindex={0}>
    {children}
  </section>
)
