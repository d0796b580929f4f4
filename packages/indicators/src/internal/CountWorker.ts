import { closeSync, openSync } from "node:fs"
import { parentPort, workerData } from "node:worker_threads"
import type { YearRange } from "../Dimension.js"
import { type Scanned, scanRange } from "./CountEpisodes.js"
import { type Header, MAX_ISSUES } from "./EpisodeRows.js"
import type { StreamsSnapshot } from "./EpisodeScan.js"
import { countPartitions } from "./PatientCount.js"

/**
 * One worker thread of a parallel count (see CountEpisodes): reads its byte
 * range of the episode file into partition streams in shared memory, sends
 * them, then counts the partitions it is given from every range's streams.
 * The counts go back to the main thread only.
 */
const data = workerData as { path: string; start: number; end: number; header: Header; years: YearRange; partitions: number; index: number; stop: SharedArrayBuffer }
const port = parentPort
if (port === null) throw new Error("CountWorker runs in a worker thread")
const stop = new Int32Array(data.stop)
const fd = openSync(data.path, "r")
let scanned: Scanned
try {
  let reported = 0
  scanned = scanRange(
    fd,
    data.start,
    data.end,
    data.header,
    data.years,
    data.partitions,
    (bytes) => {
      if (bytes - reported >= 16 << 20) {
        reported = bytes
        port.postMessage({ progress: bytes })
      }
    },
    () => Atomics.load(stop, 0) < data.index
  )
  port.postMessage({ progress: data.end - data.start })
} finally {
  closeSync(fd)
}
if (scanned.issues.length >= MAX_ISSUES) {
  // The ranges after this one can add no problem that would be reported.
  for (;;) {
    const current = Atomics.load(stop, 0)
    if (current <= data.index || Atomics.compareExchange(stop, 0, current, data.index) === current) break
  }
}
port.postMessage({ scanned })
port.once("message", (message: { sources: ReadonlyArray<StreamsSnapshot>; partitions: ReadonlyArray<number>; lineOffsets: ReadonlyArray<number> }) => {
  const counted = countPartitions(message.sources, message.partitions, message.lineOffsets, data.years)
  port.postMessage({ counted }, [counted.base.buffer as ArrayBuffer])
})
