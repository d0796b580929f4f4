import { openSync, readSync, closeSync } from "node:fs"
import { parentPort, workerData } from "node:worker_threads"
import { EpisodeCounter } from "./EpisodeCounter.js"

/**
 * One part of a parallel count: reads the whole episode file and counts the
 * patients whose id hashes to its part (see EpisodeCounter). Runs in a worker
 * thread of the same process; the counts go back to the main thread only.
 */
const { path, years, part, parts, expectedBytes } = workerData as { path: string; years: { from: number; to: number }; part: number; parts: number; expectedBytes: number }
const counter = new EpisodeCounter(path, years, expectedBytes, part, parts)
const fd = openSync(path, "r")
const buffer = new Uint8Array(4 << 20)
let bytes = 0
try {
  for (;;) {
    const n = readSync(fd, buffer, 0, buffer.length, null)
    if (n === 0) break
    counter.push(buffer.subarray(0, n))
    bytes += n
    if (part === 0) parentPort!.postMessage({ progress: bytes })
    if (counter.full) break
  }
} finally {
  closeSync(fd)
}
const outcome = counter.end()
if ("issues" in outcome) parentPort!.postMessage({ issues: outcome.issues })
else parentPort!.postMessage({ counts: outcome.counts }, [outcome.counts.base.buffer as ArrayBuffer])
