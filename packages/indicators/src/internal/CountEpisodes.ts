import { closeSync, openSync, readSync } from "node:fs"
import { open } from "node:fs/promises"
import { Worker } from "node:worker_threads"
import type { Issue } from "@uppdrag/core"
import type { YearRange } from "../Dimension.js"
import { BANDS, FORMS, type Header, MAX_ISSUES, type RawCounts, REGIONS } from "./EpisodeRows.js"
import { EpisodeScanner, PartitionStreams, type StreamsSnapshot } from "./EpisodeScan.js"
import { countPartitions, type PartitionCounts } from "./PatientCount.js"

/**
 * The episode file to raw counts, in two passes (EpisodeScan, then
 * PatientCount), in this thread or in worker threads that each read one byte
 * range of the file (cut at line starts) and then count a share of the
 * partitions of every range, so no byte is read twice. A problem anywhere is
 * reported at the file's own line number: each range counts its lines, and a
 * range's numbers are offset by the lines before it.
 */
export type Outcome = { readonly counts: RawCounts } | { readonly issues: ReadonlyArray<Issue> }

/** Bytes read at a time: small enough to stay in the processor's cache while they are scanned. */
export const CHUNK = 1 << 20

/**
 * Partitions for an input of `bytes` (0 when unknown): about 2 MB of file
 * (some 20 000 rows) each, so one partition's tables stay in the L2 cache,
 * and few enough that the streams being written stay in cache and TLB (at
 * 10 M rows 512 partitions beat 256 and 1 024 by 5 %, 2 048 cost 20 % more,
 * 4 096 twice as much).
 */
export const partitionsFor = (bytes: number): number => {
  if (!(bytes > 0)) return 64
  let partitions = 2
  while (partitions < 1024 && partitions * (2 << 20) < bytes) partitions *= 2
  return partitions
}

/** What one byte range gave: its problems (line numbers within the range), its line count, its rows. */
export interface Scanned {
  readonly issues: ReadonlyArray<Issue>
  readonly lines: number
  readonly streams: StreamsSnapshot
}

/** How the streams are laid out; set only by tests, to cross many partitions, blocks and slabs. */
export interface Layout {
  readonly partitions?: number
  readonly blockBytes?: number
  /** Bytes read at a time from a file range. */
  readonly chunkBytes?: number
}

/** Counts a stream of the whole file (header first) in this thread. */
export const countChunks = async (
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  years: YearRange,
  expectedBytes: number,
  onProgress?: (bytes: number) => void,
  layout: Layout = {}
): Promise<Outcome> => {
  const streams = new PartitionStreams(layout.partitions ?? partitionsFor(expectedBytes), layout.blockBytes)
  const scanner = new EpisodeScanner(streams, years)
  let bytes = 0
  for await (const chunk of chunks) {
    scanner.push(chunk)
    bytes += chunk.length
    onProgress?.(bytes)
    if (scanner.full) break
  }
  scanner.end()
  return conclude([scanner.issues.list], [countAll([streams.snapshot()], [0], years)], years)
}

const countAll = (sources: ReadonlyArray<StreamsSnapshot>, lineOffsets: ReadonlyArray<number>, years: YearRange): PartitionCounts =>
  countPartitions(
    sources,
    Array.from({ length: sources[0]!.rows.length }, (_, p) => p),
    lineOffsets,
    years
  )

/** Problems of every pass in the file's line order (the first {@link MAX_ISSUES}), or the counts added up. */
const conclude = (scanned: ReadonlyArray<ReadonlyArray<Issue>>, counted: ReadonlyArray<PartitionCounts>, years: YearRange): Outcome => {
  const issues = [...scanned.flat(), ...counted.flatMap((c) => c.issues)]
  // Sorting is stable: problems of one line keep their order.
  if (issues.length > 0) return { issues: issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)).slice(0, MAX_ISSUES) }
  const base = new Int32Array((years.to - years.from + 1) * FORMS * REGIONS * 2 * BANDS)
  let rows = 0
  let patients = 0
  for (const part of counted) {
    for (let i = 0; i < base.length; i++) base[i] = base[i]! + part.base[i]!
    rows += part.rows
    patients += part.patients
  }
  return { counts: { years, base, rows, patients } }
}

/** Reads `[start, end)` of an open file, starting at a line start, into partition streams. */
export const scanRange = (
  fd: number,
  start: number,
  end: number,
  header: Header,
  years: YearRange,
  partitions: number,
  onBytes: (bytes: number) => void,
  stop: () => boolean,
  layout: Layout = {}
): Scanned => {
  const streams = new PartitionStreams(partitions, layout.blockBytes)
  const scanner = new EpisodeScanner(streams, years, header)
  const chunk = layout.chunkBytes ?? CHUNK
  const buffer = new Uint8Array(chunk)
  let at = start
  while (at < end && !scanner.full && !stop()) {
    const n = readSync(fd, buffer, 0, Math.min(chunk, end - at), at)
    if (n === 0) break
    scanner.push(buffer.subarray(0, n))
    at += n
    onBytes(at - start)
  }
  if (!stop()) scanner.end()
  return { issues: scanner.issues.list, lines: scanner.line, streams: streams.snapshot() }
}

/**
 * Counts a file with `parts` byte ranges: in worker threads running `worker`
 * (the built CountWorker), or one range after the other in this thread when
 * there is no worker file (running from source).
 */
export const countFile = async (
  path: string,
  years: YearRange,
  parts: number,
  size: number,
  onProgress: ((bytes: number) => void) | undefined,
  worker: URL | undefined,
  layout: Layout = {}
): Promise<Outcome> => {
  // The header first: its columns tell every range how to read its rows.
  const handle = await open(path, "r")
  const headerScanner = new EpisodeScanner(new PartitionStreams(2), years, undefined, 0, true)
  let boundaries: Array<number>
  try {
    const buffer = new Uint8Array(64 << 10)
    let at = 0
    while (!headerScanner.full) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, at)
      if (bytesRead === 0) {
        headerScanner.end()
        break
      }
      headerScanner.push(buffer.subarray(0, bytesRead))
      at += bytesRead
    }
    if (headerScanner.issues.list.length > 0) return { issues: headerScanner.issues.list }
    boundaries = [headerScanner.headerEnd]
    for (let k = 1; k < parts; k++) boundaries.push(await lineStartFrom(handle, Math.max(boundaries[k - 1]!, headerScanner.headerEnd + Math.floor(((size - headerScanner.headerEnd) * k) / parts)), size))
    boundaries.push(size)
  } finally {
    await handle.close()
  }
  const header = headerScanner.columns!
  const partitions = layout.partitions ?? partitionsFor(size)
  const ranges = boundaries.slice(0, -1).map((start, k) => ({ start, end: boundaries[k + 1]! }))
  const progress = new Float64Array(parts)
  const report = (k: number, bytes: number): void => {
    progress[k] = bytes
    onProgress?.(headerScanner.headerEnd + progress.reduce((a, b) => a + b, 0))
  }
  const offsets = (scanned: ReadonlyArray<Scanned>): Array<number> => {
    const lineOffsets = [headerScanner.line]
    for (const part of scanned.slice(0, -1)) lineOffsets.push(lineOffsets.at(-1)! + part.lines)
    return lineOffsets
  }
  const globalLines = (scanned: ReadonlyArray<Scanned>, lineOffsets: ReadonlyArray<number>): Array<ReadonlyArray<Issue>> =>
    scanned.map((part, k) => part.issues.map((issue) => ({ ...issue, line: (issue.line ?? 0) + lineOffsets[k]! })))

  if (worker === undefined) {
    const fd = openSync(path, "r")
    const scanned: Array<Scanned> = []
    try {
      for (const [k, range] of ranges.entries()) {
        // A range after one that is already full of problems can add none that would be reported.
        if (scanned.some((part) => part.issues.length >= MAX_ISSUES)) break
        scanned.push(scanRange(fd, range.start, range.end, header, years, partitions, (bytes) => report(k, bytes), () => false, layout))
      }
    } finally {
      closeSync(fd)
    }
    const lineOffsets = offsets(scanned)
    return conclude(
      globalLines(scanned, lineOffsets),
      [countAll(scanned.map((part) => part.streams), lineOffsets, years)],
      years
    )
  }
  return inWorkers(worker, path, ranges, header, years, partitions, report, offsets, globalLines)
}

type FromWorker = { progress: number } | { scanned: Scanned } | { counted: PartitionCounts }

const inWorkers = async (
  worker: URL,
  path: string,
  ranges: ReadonlyArray<{ start: number; end: number }>,
  header: Header,
  years: YearRange,
  partitions: number,
  report: (k: number, bytes: number) => void,
  offsets: (scanned: ReadonlyArray<Scanned>) => Array<number>,
  globalLines: (scanned: ReadonlyArray<Scanned>, lineOffsets: ReadonlyArray<number>) => Array<ReadonlyArray<Issue>>
): Promise<Outcome> => {
  // The lowest range with as many problems as are reported: the ranges after it stop reading.
  const stop = new Int32Array(new SharedArrayBuffer(4))
  stop[0] = ranges.length
  const threads = ranges.map(
    (range, index) => new Worker(worker, { execArgv: [], workerData: { path, start: range.start, end: range.end, header, years, partitions, index, stop: stop.buffer } })
  )
  const scannedOf = threads.map(() => deferred<Scanned>())
  const countedOf = threads.map(() => deferred<PartitionCounts>())
  threads.forEach((thread, k) => {
    thread.on("message", (message: FromWorker) => {
      if ("progress" in message) report(k, message.progress)
      else if ("scanned" in message) scannedOf[k]!.resolve(message.scanned)
      else countedOf[k]!.resolve(message.counted)
    })
    const fail = (error: Error): void => {
      scannedOf[k]!.reject(error)
      countedOf[k]!.reject(error)
    }
    thread.on("error", fail)
    thread.on("exit", () => fail(new Error("count worker ended without a result")))
  })
  try {
    const scanned = await Promise.all(scannedOf.map((s) => s.promise))
    const lineOffsets = offsets(scanned)
    // Partitions to threads in contiguous runs of about equal bytes.
    const bytes = Array.from({ length: partitions }, (_, p) => scanned.reduce((sum, part) => sum + blockBytes(part.streams.blocks[p]!), 0))
    const total = bytes.reduce((a, b) => a + b, 0)
    const shares: Array<Array<number>> = threads.map(() => [])
    let running = 0
    for (let p = 0; p < partitions; p++) {
      shares[Math.min(threads.length - 1, Math.floor((running * threads.length) / Math.max(1, total)))]!.push(p)
      running += bytes[p]!
    }
    const sources = scanned.map((part) => part.streams)
    for (const [k, thread] of threads.entries()) thread.postMessage({ sources, partitions: shares[k], lineOffsets })
    const counted = await Promise.all(countedOf.map((c) => c.promise))
    return conclude(globalLines(scanned, lineOffsets), counted, years)
  } finally {
    for (const thread of threads) void thread.terminate()
  }
}

// Promise.withResolvers needs Node 22.
const deferred = <A>(): { promise: Promise<A>; resolve: (value: A) => void; reject: (error: Error) => void } => {
  let resolve: (value: A) => void = () => undefined
  let reject: (error: Error) => void = () => undefined
  const promise = new Promise<A>((ok, fail) => {
    resolve = ok
    reject = fail
  })
  return { promise, resolve, reject }
}

const blockBytes = (blocks: ReadonlyArray<number>): number => {
  let sum = 0
  for (let k = 1; k < blocks.length; k += 2) sum += blocks[k]!
  return sum
}

/** The first line start at or after `at` (the byte after a line end), or `size`. */
const lineStartFrom = async (handle: Awaited<ReturnType<typeof open>>, at: number, size: number): Promise<number> => {
  if (at <= 0) return 0
  const buffer = new Uint8Array(64 << 10)
  let from = at - 1
  while (from < size) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, from)
    if (bytesRead === 0) break
    const nl = buffer.subarray(0, bytesRead).indexOf(10)
    if (nl >= 0) return from + nl + 1
    from += bytesRead
  }
  return size
}
