import { readSync } from "node:fs"
import type { Issue } from "@uppdrag/core"
import type { YearRange } from "../Dimension.js"
import { type Header, NeedsRowReader, type RowFormat } from "./EpisodeFormat.js"
import { EpisodeScanner, type PartitionStreams, type StreamsSnapshot } from "./EpisodeScan.js"

/**
 * The rows of an episode file cut into byte ranges that threads claim one
 * after another, so that a thread that starts late (a worker thread takes
 * some 50 to 100 ms to start) or runs slower (a busy core) simply reads fewer
 * of them, and no thread waits for another at the end for long. Range k holds
 * the lines that start in its bytes `[first + k × rangeBytes, … +
 * rangeBytes)`: it begins at the first line start in them and reads on past
 * its end to finish its last line, so every line is read once, by one range,
 * without any range knowing where another begins.
 *
 * The threads share a few counters (an Int32Array over shared memory): the
 * next range to claim, the lowest range that is full of problems (ranges
 * after it need not be read: their problems would come after the ones
 * reported), the next partitions to count, and how far each thread has read.
 */
export interface Plan {
  readonly path: string
  readonly header: Header
  readonly years: YearRange
  /** Where the first row starts (the byte after the header line). */
  readonly first: number
  readonly size: number
  readonly rangeBytes: number
  readonly ranges: number
  readonly partitions: number
  /** Stream block size; smaller only in tests. */
  readonly blockBytes?: number
  /** Bytes read at a time. */
  readonly chunkBytes: number
}

/**
 * About 8 MB a range (some 150 000 rows): small enough that the threads end
 * within a few milliseconds of each other, large enough that a range's fixed
 * costs (finding its first line, a scanner, its pieces of every stream) are
 * nothing beside its rows.
 */
export const RANGE_BYTES = 8 << 20

/** Ranges for the rows `[first, size)` read by `threads` threads: at least four per thread, however small the file. */
export const rangeBytesFor = (first: number, size: number, threads: number, rangeBytes = RANGE_BYTES): number =>
  Math.max(1, Math.min(rangeBytes, Math.ceil((size - first) / (4 * threads))))

/** What one byte range gave: its problems (line numbers within the range), its line count, its records. */
export interface Scanned {
  readonly index: number
  readonly issues: ReadonlyArray<Issue>
  readonly lines: number
  readonly streams: StreamsSnapshot
}

/**
 * The ranges read, in file order up to the first one full of problems (the
 * ones after it were given up or not read): their records, how many lines
 * came before each, and their problems at the file's line numbers.
 */
export const inFileOrder = (
  scanned: ReadonlyArray<Scanned>,
  stop: number,
  headerLines: number
): { sources: Array<StreamsSnapshot>; lineOffsets: Array<number>; issues: Array<ReadonlyArray<Issue>> } => {
  const kept = [...scanned].sort((a, b) => a.index - b.index).filter((range) => range.index <= stop)
  kept.forEach((range, k) => {
    if (range.index !== k) throw new Error(`range ${k} was not read`)
  })
  const lineOffsets = [headerLines]
  for (const range of kept.slice(0, -1)) lineOffsets.push(lineOffsets.at(-1)! + range.lines)
  return {
    sources: kept.map((range) => range.streams),
    lineOffsets,
    issues: kept.map((range, k) => range.issues.map((issue) => ({ ...issue, line: (issue.line ?? 0) + lineOffsets[k]! })))
  }
}

const NEXT_RANGE = 0
const STOP = 1
const NEXT_PARTITION = 2
const READ = 3
/** After the threads' bytes read: per thread, 0 until it joins (1) or is left out (-1). */
const JOINED = (threads: number): number => READ + threads
/** Partitions claimed at a time in the count: some 4 ms of work, so threads end close together. */
const PARTITION_GROUP = 4

/** The counters the threads of one count share. */
export class Shared {
  private readonly cells: Int32Array

  constructor(readonly buffer: SharedArrayBuffer) {
    this.cells = new Int32Array(buffer)
  }

  static create(ranges: number, threads: number): Shared {
    const shared = new Shared(new SharedArrayBuffer(4 * (READ + 2 * threads)))
    shared.cells[STOP] = ranges
    return shared
  }

  private get threads(): number {
    return (this.cells.length - READ) / 2
  }

  /**
   * A worker thread takes part, unless it was left out: it must join before
   * it claims anything, so that a thread that has claimed nothing can be left
   * out (a small file is read before a worker has started).
   */
  join(thread: number): boolean {
    return Atomics.compareExchange(this.cells, JOINED(this.threads) + thread, 0, 1) === 0
  }

  /** Leaves out a worker thread that has not joined yet; false when it has. */
  leaveOut(thread: number): boolean {
    return Atomics.compareExchange(this.cells, JOINED(this.threads) + thread, 0, -1) === 0
  }

  claimRange(): number {
    return Atomics.add(this.cells, NEXT_RANGE, 1)
  }

  /** The lowest range known to be full of problems (the number of ranges while none is). */
  get stop(): number {
    return Atomics.load(this.cells, STOP)
  }

  /** Range k is full of problems: no range after it needs reading. */
  stopAt(k: number): void {
    for (;;) {
      const current = Atomics.load(this.cells, STOP)
      if (current <= k || Atomics.compareExchange(this.cells, STOP, current, k) === current) return
    }
  }

  /** The partitions this thread counts, claimed a few at a time until none is left. */
  *partitionsToCount(partitions: number): Generator<number> {
    for (;;) {
      const p = Atomics.add(this.cells, NEXT_PARTITION, PARTITION_GROUP)
      if (p >= partitions) return
      for (let q = p; q < Math.min(p + PARTITION_GROUP, partitions); q++) yield q
    }
  }

  /** Thread `thread` has read `bytes` of rows in all (kept in kilobytes, so files past 2 GB fit). */
  setRead(thread: number, bytes: number): void {
    Atomics.store(this.cells, READ + thread, Math.floor(bytes / 1024))
  }

  /** Bytes of rows read by every thread, to the kilobyte. */
  get read(): number {
    let kilobytes = 0
    for (let k = READ; k < JOINED(this.threads); k++) kilobytes += Atomics.load(this.cells, k)
    return kilobytes * 1024
  }
}

/** One thread's reader: claims ranges and reads them into its streams until none is left. */
export class RangeReader {
  private readonly buffer: Uint8Array
  /** For the few bytes read to find a range's first line start and its last line's end. */
  private readonly edge = new Uint8Array(4096)
  private bytesRead = 0

  constructor(
    private readonly plan: Plan,
    private readonly shared: Shared,
    private readonly thread: number,
    private readonly fd: number,
    readonly streams: PartitionStreams,
    /** Changed once, in a worker thread, when the full reader is loaded. */
    public format: RowFormat,
    private readonly onChunk?: () => void
  ) {
    this.buffer = new Uint8Array(plan.chunkBytes)
  }

  /** Claims and reads the next range; undefined when none is left that needs reading. */
  next(): Scanned | undefined {
    const k = this.claim()
    return k === undefined ? undefined : this.read(k)
  }

  /** Claims the next range; undefined when none is left that needs reading. */
  claim(): number | undefined {
    const k = this.shared.claimRange()
    return k >= this.plan.ranges || this.shared.stop < k ? undefined : k
  }

  /**
   * Reads range k (claimed by this reader). A format without its reference
   * reader throws {@link NeedsRowReader} at the range's first line that the
   * fast path does not take: then the range's records so far are dropped, and
   * it can be read again once the reader is there.
   */
  read(k: number): Scanned {
    const before = this.bytesRead
    try {
      return this.scan(k)
    } catch (error) {
      if (error instanceof NeedsRowReader) {
        this.streams.dropRange()
        this.bytesRead = before
        this.shared.setRead(this.thread, before)
      }
      throw error
    }
  }

  private scan(k: number): Scanned {
    const { plan, fd, buffer, edge, shared } = this
    const stopped = (): boolean => shared.stop < k
    const nominal = plan.first + k * plan.rangeBytes
    const end = Math.min(plan.size, nominal + plan.rangeBytes)
    const scanner = new EpisodeScanner(this.streams, plan.years, this.format, plan.header)
    let at = k === 0 ? plan.first : this.lineStart(nominal, end, stopped)
    while (at < end && !scanner.full && !stopped()) {
      const n = readSync(fd, buffer, 0, Math.min(buffer.length, end - at), at)
      if (n === 0) break
      scanner.push(buffer.subarray(0, n))
      at += n
      this.progress(n)
    }
    // The range's last line runs on to its line end, however far past the range's end.
    while (scanner.midLine && !scanner.full && !stopped()) {
      const n = readSync(fd, edge, 0, edge.length, at)
      if (n === 0) break
      const nl = edge.subarray(0, n).indexOf(10)
      const used = nl < 0 ? n : nl + 1
      scanner.push(edge.subarray(0, used))
      at += used
      this.progress(used)
    }
    if (!stopped()) scanner.end()
    if (scanner.full) shared.stopAt(k)
    // Always taken, even from a range given up, so that its records never count as the next range's.
    const streams = this.streams.endRange()
    return { index: k, issues: scanner.issues.list, lines: scanner.line, streams }
  }

  /** The first line start at or after `at` (the byte after a line end) before `end`, or `end` when none is. */
  private lineStart(at: number, end: number, stopped: () => boolean): number {
    let from = at - 1
    while (from < end - 1 && !stopped()) {
      const n = readSync(this.fd, this.edge, 0, Math.min(this.edge.length, end - 1 - from), from)
      if (n === 0) break
      const nl = this.edge.subarray(0, n).indexOf(10)
      if (nl >= 0) return from + nl + 1
      from += n
    }
    return end
  }

  private progress(bytes: number): void {
    this.bytesRead += bytes
    this.shared.setRead(this.thread, this.bytesRead)
    this.onChunk?.()
  }
}
