import type { FC } from "hono/jsx"

/** One downloadable file offered next to the data it holds. */
export interface Download {
  readonly href: string
  /** What the file is, e.g. `Excel`, `CSV för Excel`, `kalender, ics`. */
  readonly label: string
}

/**
 * The three files of a table ({@link Export.formats}): the Excel workbook and
 * the semicolon CSV for people (Swedish headers and values), and the
 * comma-separated CSV with field names and codes for machines, its own link.
 * `base` is the address without suffix, `query` the page's query (`?datum=…`).
 *
 * @example
 * tableDownloads("/tidsfrister", "?datum=2026-11-23").map((d) => d.href)
 * // ["/tidsfrister.xlsx?datum=2026-11-23", "/tidsfrister.excel.csv?datum=2026-11-23", "/tidsfrister.csv?datum=2026-11-23"]
 */
export const tableDownloads = (base: string, query = ""): Array<Download> => [
  { href: `${base}.xlsx${query}`, label: "Excel" },
  { href: `${base}.excel.csv${query}`, label: "CSV för Excel" },
  { href: `${base}.csv${query}`, label: "CSV för maskinläsning" }
]

/**
 * The download links for the data shown beside them, labelled with their format.
 *
 * @example
 * <Downloads label="Ladda ner fördelningen" items={tableDownloads("/fordelning/specialiserad-psykiatri-2026/fordelning")} />
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
