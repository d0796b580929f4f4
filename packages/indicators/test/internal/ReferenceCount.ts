import type { Issue } from "@uppdrag/core"
import { expect } from "vitest"
import { ageBandIndex, type YearRange } from "../../src/Dimension.js"
import type { Outcome } from "../../src/internal/CountEpisodes.js"
import { BANDS, BLANK, baseIndex, birthYearConflict, FORMS, type Header, Issues, REGIONS, RowReader, readHeader, sexConflict } from "../../src/internal/EpisodeRows.js"

/**
 * The straightforward count the fast path must equal: the whole file in
 * memory, one line after the other, patients in a Map by their id's bytes
 * and every counted (patient, year, care form[, region]) in a Set of strings.
 * Which rows are valid and what each problem says come from RowReader, the
 * one reference for the format; everything the fast path does beyond it (the
 * byte scanner, chunks, byte ranges, partitions, the patient tables) is
 * checked against this.
 */
export const referenceCount = (
  bytes: Uint8Array,
  years: YearRange
): { readonly issues: ReadonlyArray<Issue> } | { readonly base: Int32Array; readonly rows: number; readonly patients: number } => {
  const issues = new Issues()
  const base = new Int32Array((years.to - years.from + 1) * FORMS * REGIONS * 2 * BANDS)
  const patients = new Map<string, { sex: number; birthYear: number; line: number }>()
  const counted = new Set<string>()
  let header: Header | undefined
  let reader: RowReader | undefined
  let rows = 0
  let line = 0
  let p = 0
  while (p < bytes.length && !issues.full) {
    let nl = bytes.indexOf(10, p)
    if (nl < 0) nl = bytes.length
    line++
    const e = nl > p && bytes[nl - 1] === 13 ? nl - 1 : nl
    if (reader === undefined) {
      const read = readHeader(bytes, p, e, line, issues)
      if (read === undefined) return { issues: issues.list }
      if (read !== BLANK) {
        header = read
        reader = new RowReader(header)
      }
    } else if (e > p) {
      const row = reader.read(bytes, p, e, line, issues)
      if (row !== undefined) {
        const id = Array.from(row.buf.subarray(row.patientStart, row.patientEnd)).join(".")
        const known = patients.get(id)
        if (known !== undefined && known.sex !== row.sex) issues.add(line, "sex", sexConflict(row.sex, known.sex, known.line))
        else if (known !== undefined && known.birthYear !== row.birthYear) issues.add(line, "birthYear", birthYearConflict(row.birthYear, known.birthYear, known.line))
        else {
          if (known === undefined) patients.set(id, { sex: row.sex, birthYear: row.birthYear, line })
          rows++
          for (let year = Math.max(row.startYear, years.from); year <= Math.min(row.endYear, years.to); year++) {
            const yi = year - years.from
            const band = ageBandIndex(year - row.birthYear)
            for (const region of [0, row.region]) {
              const key = `${id}|${yi}|${row.careForm}|${region}`
              if (counted.has(key)) continue
              counted.add(key)
              base[baseIndex(yi, row.careForm, region, row.sex, band)]!++
            }
          }
        }
      }
    }
    p = nl + 1
  }
  if (header === undefined && issues.list.length === 0) issues.add(1, "", "filen är tom (rubrikraden saknas)")
  if (issues.list.length > 0) return { issues: issues.list }
  return { base, rows, patients: patients.size }
}

/** Asserts that an outcome of the fast path equals {@link referenceCount} of the same bytes: the same problems, or the same counts. */
export const expectSameAsReference = (outcome: Outcome, bytes: Uint8Array, range: YearRange): void => {
  const expected = referenceCount(bytes, range)
  if ("issues" in expected) {
    expect("issues" in outcome ? outcome.issues : "counted").toEqual(expected.issues)
    return
  }
  if ("issues" in outcome) throw new Error(`unexpected problems: ${JSON.stringify(outcome.issues)}`)
  expect({ rows: outcome.counts.rows, patients: outcome.counts.patients }).toEqual({ rows: expected.rows, patients: expected.patients })
  expect(Array.from(outcome.counts.base)).toEqual(Array.from(expected.base))
}
