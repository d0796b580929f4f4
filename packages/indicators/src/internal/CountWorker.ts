import { closeSync, openSync } from "node:fs"
import { parentPort, workerData } from "node:worker_threads"
import { NeedsRowReader, type RowFormat } from "./EpisodeFormat.js"
import { PartitionStreams, type StreamsSnapshot } from "./EpisodeScan.js"
import { type Plan, RangeReader, type Scanned, Shared } from "./FileRanges.js"
import { countPartitions } from "./PatientCount.js"
import { rehearse } from "./Rehearsal.js"

/**
 * One worker thread of a parallel count (see CountEpisodes): claims byte
 * ranges of the episode file and reads them into partition streams in shared
 * memory until none is left, sends what it read, then counts the partitions
 * it claims from every range's streams. The counts go back to the main
 * thread only.
 *
 * It starts with the format's code tables alone (from the main thread) and
 * loads the reference reader (EpisodeRows, which brings the CSV library and
 * @uppdrag/core: some 100 ms of a worker's start) only when a line needs it,
 * reading that range again; a clean file never needs it.
 */
const data = workerData as { plan: Plan; shared: SharedArrayBuffer; thread: number; regionIndexByCode: Uint8Array; ageBandByAge: Uint8Array }
const port = parentPort
if (port === null) throw new Error("CountWorker runs in a worker thread")
const shared = new Shared(data.shared)
// Left out: the main thread read the whole file before this thread started.
if (!shared.join(data.thread)) process.exit(0)
port.postMessage({ joined: true })
const scanned: Array<Scanned> = []
const fd = openSync(data.plan.path, "r")
try {
  const needsReader = (): never => {
    throw new NeedsRowReader()
  }
  const tablesOnly: RowFormat = { regionIndexByCode: data.regionIndexByCode, ageBandByAge: data.ageBandByAge, readHeader: needsReader, reader: needsReader }
  rehearse(tablesOnly)
  const reader = new RangeReader(data.plan, shared, data.thread, fd, new PartitionStreams(data.plan.partitions, data.plan.blockBytes), tablesOnly)
  for (let k = reader.claim(); k !== undefined; ) {
    try {
      scanned.push(reader.read(k))
      k = reader.claim()
    } catch (error) {
      if (!(error instanceof NeedsRowReader)) throw error
      reader.format = (await import("./EpisodeRows.js")).rowFormat
    }
  }
} finally {
  closeSync(fd)
}
port.postMessage({ scanned })
port.once("message", (message: { sources: ReadonlyArray<StreamsSnapshot>; lineOffsets: ReadonlyArray<number> }) => {
  const counted = countPartitions(message.sources, shared.partitionsToCount(data.plan.partitions), message.lineOffsets, data.plan.years, data.ageBandByAge)
  port.postMessage({ counted }, [counted.base.buffer as ArrayBuffer])
})
