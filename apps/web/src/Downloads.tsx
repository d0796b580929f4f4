import type { FC } from "hono/jsx"

/** One downloadable file offered next to the data it holds. */
export interface Download {
  readonly href: string
  /** What the file is, e.g. `CSV`, `Excel (xlsx)`, `Kalender (ics)`. */
  readonly label: string
}

/**
 * The download links for the data shown beside them, labelled with their format.
 *
 * @example
 * <Downloads label="Ladda ner fördelningen" items={[{ href: "/fordelning/x/tabell.csv", label: "CSV" }]} />
 */
export const Downloads: FC<{ label: string; items: ReadonlyArray<Download> }> = ({ label, items }) => (
  <ul class="downloads">
    {items.map((item) => (
      <li>
        <a href={item.href} download>
          {`${label} (${item.label})`}
        </a>
      </li>
    ))}
  </ul>
)
