/**
 * Prepares rendered tables for narrow screens and paper: every body and
 * footer cell gets `data-label` (its column's header text), so on a phone
 * the stylesheet can show each row as a stacked card ("Förfaller: 2026-11-30")
 * without dropping columns; every table gets `data-columns` (its number of
 * columns), so the print stylesheet turns the page to landscape for wide ones.
 * The pages' own markup stays plain tables with captions and header cells.
 *
 * @example
 * StackedTables.label("<table><thead><tr><th>År</th></tr></thead><tbody><tr><td>2026</td></tr></tbody></table>")
 * // '<table data-columns="1"><thead><tr><th>År</th></tr></thead><tbody><tr><td data-label="År">2026</td></tr></tbody></table>'
 */
export const label = (html: string): string =>
  html.replace(/<table>([\s\S]*?)<\/table>/g, (whole, inner: string) => {
    const head = inner.match(/<thead>([\s\S]*?)<\/thead>/)?.[1]
    const headerRow = head?.match(/<tr>[\s\S]*?<\/tr>/g)?.at(-1)
    if (headerRow === undefined) return whole
    const headers: Array<string> = []
    for (const cell of headerRow.matchAll(/<th\b([^>]*)>([\s\S]*?)<\/th>/g)) {
      const text = (cell[2] ?? "").replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim().replaceAll('"', "&quot;")
      for (let i = 0; i < span(cell[1] ?? ""); i++) headers.push(text)
    }
    const labelled = inner.replace(/<(tbody|tfoot)>([\s\S]*?)<\/\1>/g, (_, section: string, rows: string) => {
      const withLabels = rows.replace(/<tr>([\s\S]*?)<\/tr>/g, (__, row: string) => {
        let column = 0
        const cells = row.replace(/<(td|th)\b([^>]*)>/g, (tag, name: string, attributes: string) => {
          const header = headers[column]
          column += span(attributes)
          return header === undefined || header === "" || attributes.includes("data-label=") ? tag : `<${name}${attributes} data-label="${header}">`
        })
        return `<tr>${cells}</tr>`
      })
      return `<${section}>${withLabels}</${section}>`
    })
    return `<table data-columns="${headers.length}">${labelled}</table>`
  })

const span = (attributes: string): number => Number(attributes.match(/colspan="(\d+)"/)?.[1] ?? 1)
