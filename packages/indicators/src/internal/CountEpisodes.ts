import { closeSync, openSync, readSync } from "node:fs"
import { Worker } from "node:worker_threads"
import type { Issue } from "@uppdrag/core"
import type { YearRange } from "../Dimension.js"
import { BANDS, FORMS, type Header, MAX_ISSUES, type RawCounts, REGIONS } from "./EpisodeFormat.js"
import { rowFormat } from "./EpisodeRows.js"
import { EpisodeScanner, PartitionStreams, type StreamsSnapshot } from "./EpisodeScan.js"
import { inFileOrder, type Plan, RangeReader, rangeBytesFor, type Scanned, Shared } from "./FileRanges.js"
import { countPartitions, type PartitionCounts } from "./PatientCount.js"
import { rehearse } from "./Rehearsal.js"

/**
 * The episode file to raw counts, in two passes (EpisodeScan, then
 * PatientCount), in this thread alone or with worker threads beside it: the
 * threads read byte ranges of the file (FileRanges, cut at line starts) and
 * then count a share of the partitions of every range, so no byte is read
 * twice. A problem anywhere is reported at the file's own line number: each
 * range counts its lines, and a range's numbers are offset by the lines
 * before it.
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

/** How the streams are laid out; set only by tests, to cross many partitions, blocks, slabs and ranges. */
export interface Layout {
  readonly partitions?: number
  readonly blockBytes?: number
  /** Bytes read at a time from a file range. */
  readonly chunkBytes?: number
  /** Bytes of file per range (at most; a small file gets four ranges per thread). */
  readonly rangeBytes?: number
  /** This thread waits until every worker has started before it reads, so that a small file is shared too. */
  readonly joinFirst?: boolean
}

/** Counts a stream of the whole file (header first) in this thread. */
export const countChunks = async (
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  years: YearRange,
  expectedBytes: number,
  onProgress?: (bytes: number) => void,
  layout: Layout = {}
): Promise<Outcome> => {
  rehearse(rowFormat)
  const streams = new PartitionStreams(layout.partitions ?? partitionsFor(expectedBytes), layout.blockBytes)
  const scanner = new EpisodeScanner(streams, years, rowFormat)
  let bytes = 0
  for await (const chunk of chunks) {
    scanner.push(chunk)
    bytes += chunk.length
    onProgress?.(bytes)
    if (scanner.full) break
  }
  scanner.end()
  return conclude([scanner.issues.list], [countAll([streams.endRange()], [0], years)], years)
}

const countAll = (sources: ReadonlyArray<StreamsSnapshot>, lineOffsets: ReadonlyArray<number>, years: YearRange): PartitionCounts =>
  countPartitions(
    sources,
    Array.from({ length: sources[0]!.rows.length }, (_, p) => p),
    lineOffsets,
    years,
    rowFormat.ageBandByAge
  )

/** Problems of every pass in the file's line order (the first {@link MAX_ISSUES}), or the counts added up. */
export const conclude = (scanned: ReadonlyArray<ReadonlyArray<Issue>>, counted: ReadonlyArray<PartitionCounts>, years: YearRange): Outcome => {
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

/**
 * Counts a file read by `threads` threads: this one and `threads - 1` worker
 * threads running `worker` (the built CountWorker), or this thread alone when
 * there is no worker file (running from source). Every thread claims byte
 * ranges (FileRanges) until none is left, then partitions to count; this
 * thread starts reading at once, while the workers start.
 */
export const countFile = async (
  path: string,
  years: YearRange,
  threads: number,
  size: number,
  onProgress: ((bytes: number) => void) | undefined,
  worker: URL | undefined,
  layout: Layout = {}
): Promise<Outcome> => {
  const header = readHeaderOf(path, years)
  if ("issues" in header) return { issues: header.issues }
  const rangeBytes = rangeBytesFor(header.end, size, threads, layout.rangeBytes)
  const plan: Plan = {
    path,
    header: header.columns,
    years,
    first: header.end,
    size,
    rangeBytes,
    ranges: Math.ceil((size - header.end) / rangeBytes),
    partitions: layout.partitions ?? partitionsFor(size),
    ...(layout.blockBytes === undefined ? {} : { blockBytes: layout.blockBytes }),
    chunkBytes: layout.chunkBytes ?? CHUNK
  }
  const shared = Shared.create(plan.ranges, threads)
  const workers = worker === undefined ? [] : Array.from({ length: threads - 1 }, (_, k) => new Worker(worker, { execArgv: [], workerData: { plan, shared: shared.buffer, thread: k + 1, regionIndexByCode: rowFormat.regionIndexByCode, ageBandByAge: rowFormat.ageBandByAge } }))
  const joinedOf = workers.map(() => deferred<void>())
  const scannedOf = workers.map(() => deferred<ReadonlyArray<Scanned>>())
  const countedOf = workers.map(() => deferred<PartitionCounts>())
  workers.forEach((thread, k) => {
    thread.on("message", (message: FromWorker) => {
      if ("joined" in message) joinedOf[k]!.resolve()
      else if ("scanned" in message) scannedOf[k]!.resolve(message.scanned)
      else countedOf[k]!.resolve(message.counted)
    })
    const fail = (error: Error): void => {
      joinedOf[k]!.reject(error)
      scannedOf[k]!.reject(error)
      countedOf[k]!.reject(error)
    }
    thread.on("error", fail)
    thread.on("exit", () => fail(new Error("count worker ended without a result")))
  })
  // A worker that fails while this thread reads is reported once this thread is done, not as an unhandled rejection.
  for (const d of [...joinedOf, ...scannedOf, ...countedOf]) d.promise.catch(() => undefined)
  // After the workers are started: they start meanwhile.
  rehearse(rowFormat)
  try {
    if (layout.joinFirst === true) await Promise.all(joinedOf.map((j) => j.promise))
    const scanned: Array<Scanned> = []
    const fd = openSync(path, "r")
    try {
      const reader = new RangeReader(plan, shared, 0, fd, new PartitionStreams(plan.partitions, plan.blockBytes), rowFormat, () => onProgress?.(plan.first + shared.read))
      for (;;) {
        const range = reader.next()
        if (range === undefined) break
        scanned.push(range)
        // Between ranges, the event loop runs (a worker's error, a timer, a progress line).
        await new Promise((resolve) => setImmediate(resolve))
      }
    } finally {
      closeSync(fd)
    }
    // Every range is claimed; a worker that has not started yet is left out rather than waited for.
    const taking = workers.flatMap((_, k) => (shared.leaveOut(k + 1) ? [] : [k]))
    for (const theirs of await Promise.all(taking.map((k) => scannedOf[k]!.promise))) scanned.push(...theirs)
    onProgress?.(size)
    const { sources, lineOffsets, issues } = inFileOrder(scanned, shared.stop, header.lines)
    for (const k of taking) workers[k]!.postMessage({ sources, lineOffsets })
    const counted = [countPartitions(sources, shared.partitionsToCount(plan.partitions), lineOffsets, years, rowFormat.ageBandByAge)]
    for (const theirs of await Promise.all(taking.map((k) => countedOf[k]!.promise))) counted.push(theirs)
    return conclude(issues, counted, years)
  } finally {
    for (const thread of workers) void thread.terminate()
  }
}

type FromWorker = { joined: true } | { scanned: ReadonlyArray<Scanned> } | { counted: PartitionCounts }

/** The header line of the file, its columns, the byte after it and the lines up to it (blank lines before it are allowed). */
const readHeaderOf = (path: string, years: YearRange): { columns: Header; end: number; lines: number } | { issues: ReadonlyArray<Issue> } => {
  // Read at once (a few kilobytes): a read through the thread pool costs more than the read.
  const fd = openSync(path, "r")
  const scanner = new EpisodeScanner(new PartitionStreams(2), years, rowFormat, undefined, 0, true)
  try {
    const buffer = new Uint8Array(64 << 10)
    let at = 0
    while (!scanner.full) {
      const bytesRead = readSync(fd, buffer, 0, buffer.length, at)
      if (bytesRead === 0) {
        scanner.end()
        break
      }
      scanner.push(buffer.subarray(0, bytesRead))
      at += bytesRead
    }
  } finally {
    closeSync(fd)
  }
  if (scanner.issues.list.length > 0) return { issues: scanner.issues.list }
  return { columns: scanner.columns!, end: scanner.headerEnd, lines: scanner.line }
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
