/**
 * Renders rows as an aligned text table: left-aligned text, right-aligned
 * numbers (columns flagged `numeric`), a rule under the header, and an
 * optional totals row under a second rule.
 */
export interface Column {
  readonly header: string
  readonly numeric?: boolean
}

export const renderTable = (
  columns: ReadonlyArray<Column>,
  rows: ReadonlyArray<ReadonlyArray<string>>,
  totals?: ReadonlyArray<string>
): string => {
  const all = [columns.map((c) => c.header), ...rows, ...(totals ? [totals] : [])]
  const widths = columns.map((_, i) => Math.max(...all.map((row) => [...(row[i] ?? "")].length)))
  const pad = (cells: ReadonlyArray<string>): string =>
    cells
      .map((cell, i) => {
        const fill = " ".repeat(Math.max(0, (widths[i] ?? 0) - [...cell].length))
        return columns[i]?.numeric ? fill + cell : cell + fill
      })
      .join("  ")
      .trimEnd()
  const rule = widths.map((w) => "─".repeat(w)).join("  ")
  const lines = [pad(columns.map((c) => c.header)), rule, ...rows.map(pad)]
  if (totals) lines.push(rule, pad(totals))
  return `${lines.join("\n")}\n`
}
