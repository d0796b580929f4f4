import type { YearRange } from "../Dimension.js"
import { columns, type RowFormat } from "./EpisodeFormat.js"
import { EpisodeScanner, PartitionStreams } from "./EpisodeScan.js"
import { countPartitions } from "./PatientCount.js"

/**
 * A small sample counted once per thread before the file, so that V8 compiles
 * the scanner's row loop and the patient count from feedback that has seen
 * every branch. Compiled from the first rows only, the loop was thrown away
 * (deoptimised) whenever a branch they had not taken came up (a care form, an
 * open episode, a CR LF line end, a row outside the cube's years, a patient
 * in a second region), and ran in the interpreter until it was compiled
 * again: about twenty times in the 548 MB bench file. The sample is valid
 * rows in the documented column order (the fast path takes every one, so a
 * worker thread needs no reference reader for it) and a few conflicting
 * rows; what it counts is thrown away.
 */
export const sample = ((): Uint8Array => {
  const forms = ["sluten-lpt", "oppen-lpt", "domstols-lrv", "akut-lrv", "oppen-lrv"]
  const regions = ["01", "03", "14", "25", "09"]
  let text = ""
  for (let i = 0; i < 600; i++) {
    // Ids of 1 to 13 bytes (every tail of a 32-bit word), most of them seen more than once, some in two regions.
    const id = `P${"x".repeat(i % 12)}${i % 37}`
    const region = regions[(i >> 3) % 5]!
    const sex = (i % 37) % 2 === 0 ? "K" : "M"
    const birthYear = 1940 + (i % 37)
    const year = 1995 + (i % 35)
    const start = `${year}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`
    const end = i % 6 === 0 ? "" : `${year + (i % 4)}-12-31`
    text += `${id},${region},${sex},${birthYear},${forms[i % 5]},${start},${end}${i % 9 === 0 ? "\r\n" : "\n"}`
  }
  // A patient seen with another sex, then with another birth year.
  text += "P0,01,M,1940,sluten-lpt,2010-01-01,\nP0,01,K,1941,sluten-lpt,2010-01-01,\n"
  return new TextEncoder().encode(text)
})()

/** The sample's years: some of its rows start before them, some end after them. */
export const years: YearRange = { from: 2000, to: 2020 }
let done = false

/** Counts the sample, once per thread. */
export const rehearse = (format: RowFormat): void => {
  if (done) return
  done = true
  countSample(format)
}

/** Counts the sample (what it gives is only for the tests). */
export const countSample = (format: RowFormat): ReturnType<typeof countPartitions> => {
  const streams = new PartitionStreams(4, 256)
  const scanner = new EpisodeScanner(streams, years, format, { at: columns.map((_, i) => i), fields: columns.length })
  scanner.push(sample)
  scanner.end()
  return countPartitions([streams.endRange()], [0, 1, 2, 3], [0], years, format.ageBandByAge)
}
