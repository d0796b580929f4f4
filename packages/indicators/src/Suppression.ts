/**
 * Small-count protection of the statistics cube. Counts from 1 to
 * `threshold - 1` (default 1–4) are masked (primary suppression); then more
 * cells are masked (secondary suppression) until no masked count can be
 * worked out from the published cells of its table.
 *
 * A table is one year and one care form: region (Riket and the 21 regions) ×
 * sex (K, M, T) × age group (eight groups and `alla`), 594 cells. Its
 * additive relations are `T = K + M`, `alla = Σ age groups`, and, although
 * Riket counts distinct patients and is at most the sum of the regions, the
 * conservative `Riket = Σ regions` (with few patients in two regions it
 * almost is). A masked cell is recoverable when some combination of these
 * equations pins its value; the audit checks that exactly, by Gaussian
 * elimination on the masked cells.
 *
 * @example
 * import { Suppression } from "@uppdrag/indicators"
 * const masked = new Uint8Array(Suppression.tableSize)
 * masked[Suppression.tableCell(1, 0, 0)] = 1 // one region, women, 0-17
 * Suppression.recoverable(masked).length // 1: T − M gives it away
 * @since 0.2.0
 */
export const tableSize = 22 * 3 * 9

/**
 * The smallest count that is published, unless configured (counts 1–4 are masked).
 *
 * @example
 * Suppression.defaultThreshold // 5
 * @since 0.2.0
 */
export const defaultThreshold = 5

/**
 * The position of a cell in a table: region 0 (Riket) … 21, sex 0 K, 1 M,
 * 2 T, age group 0 … 7 and 8 for `alla`.
 *
 * @example
 * Suppression.tableCell(0, 2, 8) // Riket, both sexes, all ages: 26
 * @since 0.2.0
 */
export const tableCell = (region: number, sex: number, age: number): number => (region * 3 + sex) * 9 + age

/**
 * Every additive relation of a table as `[total, ...parts]`: the region
 * lines (Riket and the 21 regions), the sex lines (T, K, M), the age lines
 * (alla and the eight groups).
 *
 * @example
 * Suppression.lines.length // 291
 * @since 0.2.0
 */
export const lines: ReadonlyArray<ReadonlyArray<number>> = (() => {
  const out: Array<Array<number>> = []
  for (let s = 0; s < 3; s++)
    for (let a = 0; a < 9; a++) out.push([tableCell(0, s, a), ...Array.from({ length: 21 }, (_, r) => tableCell(r + 1, s, a))])
  for (let r = 0; r < 22; r++) for (let a = 0; a < 9; a++) out.push([tableCell(r, 2, a), tableCell(r, 0, a), tableCell(r, 1, a)])
  for (let r = 0; r < 22; r++) for (let s = 0; s < 3; s++) out.push([tableCell(r, s, 8), ...Array.from({ length: 8 }, (_, a) => tableCell(r, s, a))])
  return out
})()

const linesOfCell: ReadonlyArray<ReadonlyArray<number>> = (() => {
  const out: Array<Array<number>> = Array.from({ length: tableSize }, () => [])
  lines.forEach((line, i) => {
    for (const cell of line) out[cell]!.push(i)
  })
  return out
})()

const EPS = 1e-9

/**
 * The masked cells of a table whose value follows from the published cells
 * through the table's additive relations (empty when the table is safe).
 * Exact for these 0/±1 systems: reduced row echelon form over the masked
 * cells; a masked cell is pinned when its pivot row has no free column.
 *
 * @example
 * const masked = new Uint8Array(Suppression.tableSize)
 * Suppression.recoverable(masked) // []
 * @since 0.2.0
 */
export const recoverable = (masked: ArrayLike<number>): Array<number> => {
  const colOf = new Int32Array(tableSize).fill(-1)
  const cells: Array<number> = []
  for (let c = 0; c < tableSize; c++) {
    if (masked[c]) {
      colOf[c] = cells.length
      cells.push(c)
    }
  }
  const m = cells.length
  if (m === 0) return []
  // The rows in one buffer, `at[r]` where row r starts (rows swap by their
  // offsets): one allocation per call instead of one per line, which is most
  // of the time of the first, not yet optimised, calls.
  let used = 0
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!
    for (let i = 0; i < line.length; i++) {
      if (colOf[line[i]!]! >= 0) {
        used++
        break
      }
    }
  }
  const matrix = new Float64Array(used * m)
  const at = new Int32Array(used)
  let count = 0
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!
    let any = false
    for (let i = 0; i < line.length; i++) if (colOf[line[i]!]! >= 0) any = true
    if (!any) continue
    const row = count * m
    at[count++] = row
    for (let i = 0; i < line.length; i++) {
      const col = colOf[line[i]!]!
      if (col >= 0) matrix[row + col] = i === 0 ? 1 : -1
    }
  }
  const pivotRow = new Int32Array(m).fill(-1)
  let rank = 0
  for (let c = 0; c < m && rank < count; c++) {
    let best = -1
    let bestValue = EPS
    for (let r = rank; r < count; r++) {
      const v = Math.abs(matrix[at[r]! + c]!)
      if (v > bestValue) {
        best = r
        bestValue = v
      }
    }
    if (best < 0) continue
    const pivot = at[best]!
    at[best] = at[rank]!
    at[rank] = pivot
    const inverse = 1 / matrix[pivot + c]!
    for (let j = c; j < m; j++) matrix[pivot + j] = matrix[pivot + j]! * inverse
    for (let r = 0; r < count; r++) {
      if (r === rank) continue
      const row = at[r]!
      const factor = matrix[row + c]!
      if (Math.abs(factor) <= EPS) {
        matrix[row + c] = 0
        continue
      }
      for (let j = c; j < m; j++) matrix[row + j] = matrix[row + j]! - factor * matrix[pivot + j]!
      matrix[row + c] = 0
    }
    pivotRow[c] = rank
    rank++
  }
  const out: Array<number> = []
  for (let c = 0; c < m; c++) {
    const r = pivotRow[c]!
    if (r < 0) continue
    const row = at[r]!
    let pinned = true
    for (let j = 0; j < m; j++) {
      if (j !== c && pivotRow[j]! < 0 && Math.abs(matrix[row + j]!) > EPS) {
        pinned = false
        break
      }
    }
    if (pinned) out.push(cells[c]!)
  }
  return out
}

/**
 * Masks a table in place: primary suppression of counts in
 * `1 … threshold − 1`, then secondary suppression until
 * {@link recoverable} finds nothing. Complements are the smallest positive
 * inner cells of the line concerned, then totals, then zeros.
 *
 * @example
 * const counts = new Int32Array(Suppression.tableSize)
 * const masked = new Uint8Array(Suppression.tableSize)
 * Suppression.protect(counts, masked, 5)
 * @since 0.2.0
 */
export const protect = (counts: ArrayLike<number>, masked: Uint8Array, threshold: number): void => {
  for (let c = 0; c < tableSize; c++) if (counts[c]! >= 1 && counts[c]! < threshold) masked[c] = 1
  const isTotal = new Uint8Array(tableSize)
  for (let l = 0; l < lines.length; l++) isTotal[lines[l]![0]!] = 1
  const cost = (cell: number): number => {
    const value = counts[cell]!
    if (value === 0) return 3e9
    return isTotal[cell] && cell !== tableCell(0, 2, 8) ? 1e9 + value : cell === tableCell(0, 2, 8) ? 2e9 : value
  }
  const complement = (line: ReadonlyArray<number>): boolean => {
    let best = -1
    for (let i = 0; i < line.length; i++) {
      const cell = line[i]!
      if (!masked[cell] && (best < 0 || cost(cell) < cost(best))) best = cell
    }
    if (best < 0) return false
    masked[best] = 1
    return true
  }
  // Indexed loops rather than for-of: the first tables run before V8 has compiled this, and the
  // interpreter's iterators cost several times an index.
  for (;;) {
    let changed = false
    for (let l = 0; l < lines.length; l++) {
      const line = lines[l]!
      let n = 0
      for (let i = 0; i < line.length; i++) n += masked[line[i]!]!
      if (n === 1 && complement(line)) changed = true
    }
    if (changed) continue
    const pinned = recoverable(masked)
    if (pinned.length === 0) return
    // Give every pinned cell a complement in each of its lines that has
    // none masked besides it, or else in its first line.
    let added = false
    for (const cell of pinned) {
      let own = false
      for (const line of linesOfCell[cell]!) {
        let others = 0
        for (const other of lines[line]!) if (other !== cell) others += masked[other]!
        if (others === 0 && complement(lines[line]!)) own = added = true
      }
      if (!own) for (const line of linesOfCell[cell]!) if (complement(lines[line]!)) {
        added = true
        break
      }
    }
    if (added) continue
    // Every line through the pinned cell is masked: widen anywhere. All cells
    // masked is always safe, so this ends.
    let best = -1
    for (let c = 0; c < tableSize; c++) if (!masked[c] && (best < 0 || cost(c) < cost(best))) best = c
    if (best < 0) return
    masked[best] = 1
  }
}
