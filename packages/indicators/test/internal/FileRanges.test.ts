import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import fc from "fast-check"
import { afterAll, describe, expect, it } from "vitest"
import { conclude, countFile, type Outcome } from "../../src/internal/CountEpisodes.js"
import { NeedsRowReader, type RowFormat } from "../../src/internal/EpisodeFormat.js"
import { BLANK, type Header, Issues, readHeader, rowFormat } from "../../src/internal/EpisodeRows.js"
import { PartitionStreams } from "../../src/internal/EpisodeScan.js"
import { inFileOrder, type Plan, RangeReader, type Scanned, Shared } from "../../src/internal/FileRanges.js"
import { countPartitions } from "../../src/internal/PatientCount.js"
import { columns, file, text, years } from "./EpisodeFiles.js"
import { expectSameAsReference, referenceCount } from "./ReferenceCount.js"

const folder = mkdtempSync(join(tmpdir(), "uppdrag-ranges-"))
afterAll(() => rmSync(folder, { recursive: true, force: true }))
let n = 0
const written = (bytes: Uint8Array): string => {
  const path = join(folder, `f${n++}.csv`)
  writeFileSync(path, bytes)
  return path
}

const same = (outcome: Outcome, bytes: Uint8Array): void => expectSameAsReference(outcome, bytes, years)

const needsReader = (): never => {
  throw new NeedsRowReader()
}

/** The header as countFile finds it: its columns, the byte after it and its line number (blank lines before it count). */
const headerOf = (bytes: Uint8Array): { header: Header; end: number; lines: number } | undefined => {
  let p = 0
  let line = 0
  while (p < bytes.length) {
    let nl = bytes.indexOf(10, p)
    if (nl < 0) nl = bytes.length
    line++
    const e = nl > p && bytes[nl - 1] === 13 ? nl - 1 : nl
    const read = readHeader(bytes, p, e, line, new Issues())
    if (read === undefined) return undefined
    if (read !== BLANK) return { header: read, end: Math.min(nl + 1, bytes.length), lines: line }
    p = nl + 1
  }
  return undefined
}

/**
 * Threads played in this one: `readers` readers over the same shared
 * counters, taking turns as `turns` says (as threads that start late or run
 * slower would), then two counters claiming partitions the same way.
 * `lazy` readers start without the reference reader, as worker threads do.
 */
const readInTurns = (
  path: string,
  bytes: Uint8Array,
  readers: number,
  turns: ReadonlyArray<number>,
  rangeBytes: number,
  chunkBytes: number,
  partitions: number,
  lazy = false
): Outcome | undefined => {
  const found = headerOf(bytes)
  if (found === undefined) return undefined
  const plan: Plan = {
    path,
    header: found.header,
    years,
    first: found.end,
    size: bytes.length,
    rangeBytes,
    ranges: Math.ceil((bytes.length - found.end) / rangeBytes),
    partitions,
    blockBytes: 256,
    chunkBytes
  }
  const shared = Shared.create(plan.ranges, readers)
  const fd = openSync(path, "r")
  const scanned: Array<Scanned> = []
  try {
    // A lazy reader starts as a worker thread does, with the code tables alone, and is given the full format at the first line that needs it.
    const tablesOnly: RowFormat = { ...rowFormat, readHeader: needsReader, reader: needsReader }
    const active = Array.from({ length: readers }, (_, k) => ({
      reader: new RangeReader(plan, shared, k, fd, new PartitionStreams(partitions, 256), lazy ? tablesOnly : rowFormat),
      range: undefined as number | undefined
    }))
    for (let turn = 0; active.length > 0; turn++) {
      const j = (turns[turn % Math.max(1, turns.length)] ?? turn) % active.length
      const reader = active[j]!
      reader.range ??= reader.reader.claim()
      if (reader.range === undefined) {
        active.splice(j, 1)
        continue
      }
      try {
        scanned.push(reader.reader.read(reader.range))
        reader.range = undefined
      } catch (error) {
        if (!(error instanceof NeedsRowReader)) throw error
        reader.reader.format = rowFormat
      }
    }
  } finally {
    closeSync(fd)
  }
  // Every range up to the first one full of problems read once, by one reader.
  const indices = scanned.map((range) => range.index).sort((a, b) => a - b)
  expect(new Set(indices).size).toBe(indices.length)
  const { sources, lineOffsets, issues } = inFileOrder(scanned, shared.stop, found.lines)
  const claims = [shared.partitionsToCount(partitions), shared.partitionsToCount(partitions)]
  const shares: Array<Array<number>> = [[], []]
  const open = [true, true]
  for (let k = 0; open[0] || open[1]; k = 1 - k) {
    if (!open[k]) continue
    const next = claims[k]!.next()
    if (next.done === true) open[k] = false
    else shares[k]!.push(next.value)
  }
  const counted = shares.map((share) => countPartitions(sources, share, lineOffsets, years, rowFormat.ageBandByAge))
  return conclude(issues, counted, years)
}

describe("byte ranges claimed by several threads", () => {
  it("give the straightforward count, whichever thread reads which range, however small the ranges, and with readers that load the row reader midway", () => {
    fc.assert(
      fc.property(
        file,
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.nat({ max: 5 }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 7, max: 64 }),
        fc.constantFrom(2, 8),
        fc.boolean(),
        (spec, readers, turns, rangeBytes, chunkBytes, partitions, lazy) => {
          const bytes = new TextEncoder().encode(text(spec))
          const path = written(bytes)
          const outcome = readInTurns(path, bytes, readers, turns, rangeBytes, chunkBytes, partitions, lazy)
          if (outcome !== undefined) same(outcome, bytes)
          rmSync(path)
        }
      ),
      { numRuns: 200 }
    )
  })

  it("read every line once: a range begins at its first line start and reads on to its last line's end", () => {
    // Lines of every length around the range size, so that ranges begin and end on every byte of a line.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), (lengths, rangeBytes, crlf) => {
        const rows = lengths.map((length, i) => `P${"x".repeat(length)},01,K,1980,sluten-lpt,2022-01-${String(1 + (i % 28)).padStart(2, "0")},`)
        const bytes = new TextEncoder().encode(`${columns.join(",")}\n${rows.join(crlf ? "\r\n" : "\n")}\n`)
        const path = written(bytes)
        const outcome = readInTurns(path, bytes, 2, [0, 1, 1], rangeBytes, 16, 2)
        expect(outcome !== undefined && "counts" in outcome && outcome.counts.rows).toBe(rows.length)
        rmSync(path)
      }),
      { numRuns: 100 }
    )
  })

  it("after a range full of problems, the ranges after it are given up and the first 50 problems are the file's", () => {
    const valid = (i: number): string => `P${i % 50},01,${i % 50 < 25 ? "K" : "M"},1980,sluten-lpt,2022-03-10,\n`
    let out = `${columns.join(",")}\n`
    for (let i = 0; i < 3000; i++) out += i % 20 === 7 ? `P${i},99,K,1980,sluten-lpt,2022-01-01,\n` : valid(i)
    const bytes = new TextEncoder().encode(out)
    const path = written(bytes)
    const expected = referenceCount(bytes, years)
    expect("issues" in expected && expected.issues.length).toBe(50)
    for (const rangeBytes of [997, 4096, 1 << 20]) for (const readers of [1, 2, 3]) for (const lazy of [false, true]) expect(readInTurns(path, bytes, readers, [0, 2, 1, 1], rangeBytes, 300, 8, lazy)).toEqual(expected)
  })
})

// The built worker (dist/, from `pnpm build`; the package's tests run after it): the file shared with real threads.
const worker = new URL("../../dist/internal/CountWorker.js", import.meta.url)
describe.skipIf(!existsSync(fileURLToPath(worker)))("worker threads", () => {
  it("count a file with the main thread to the same result as the main thread alone", async () => {
    const valid = (i: number): string => `P${(i * 7919) % 9000},${["01", "03", "14", "25"][i % 4]},${(i * 7919) % 9000 < 4500 ? "K" : "M"},1980,${i % 3 === 0 ? "oppen-lpt" : "sluten-lpt"},202${i % 5}-0${1 + (i % 9)}-10,\n`
    let out = `${columns.join(",")}\n`
    for (let i = 0; i < 60_000; i++) out += valid(i)
    const clean = new TextEncoder().encode(out)
    const bad = new TextEncoder().encode(out.replace("\nP7", "\nP7,99").replace(/\nP1(\d)/g, "\nP1$1,"))
    for (const bytes of [clean, bad]) {
      const path = written(bytes)
      const alone = await countFile(path, years, 1, bytes.length, undefined, undefined)
      same(alone, bytes)
      for (const threads of [2, 3]) expect(await countFile(path, years, threads, bytes.length, undefined, worker, { rangeBytes: 4096, joinFirst: true })).toEqual(alone)
    }
  })
})
