import { closeSync, openSync } from "node:fs"
import { parentPort, workerData } from "node:worker_threads"
import { PartitionStreams, type StreamsSnapshot } from "./EpisodeScan.js"
import { type Plan, RangeReader, type Scanned, Shared } from "./FileRanges.js"
import { countPartitions } from "./PatientCount.js"

/**
 * One worker thread of a parallel count (see CountEpisodes): claims byte
 * ranges of the episode file and reads them into partition streams in shared
 * memory until none is left, sends what it read, then counts the partitions
 * it claims from every range's streams. The counts go back to the main
 * thread only.
 */
const data = workerData as { plan: Plan; shared: SharedArrayBuffer; thread: number }
const port = parentPort
if (port === null) throw new Error("CountWorker runs in a worker thread")
const shared = new Shared(data.shared)
// Left out: the main thread read the whole file before this thread started.
if (!shared.join(data.thread)) process.exit(0)
port.postMessage({ joined: true })
const scanned: Array<Scanned> = []
const fd = openSync(data.plan.path, "r")
try {
  const reader = new RangeReader(data.plan, shared, data.thread, fd, new PartitionStreams(data.plan.partitions, data.plan.blockBytes))
  for (;;) {
    const range = reader.next()
    if (range === undefined) break
    scanned.push(range)
  }
} finally {
  closeSync(fd)
}
port.postMessage({ scanned })
port.once("message", (message: { sources: ReadonlyArray<StreamsSnapshot>; lineOffsets: ReadonlyArray<number> }) => {
  const counted = countPartitions(message.sources, shared.partitionsToCount(data.plan.partitions), message.lineOffsets, data.plan.years)
  port.postMessage({ counted }, [counted.base.buffer as ArrayBuffer])
})
