import { EventLog } from "@uppdrag/application"
import * as Layer from "effect/Layer"
import { portContract } from "./contract.js"
import { projectionContract } from "./projections.js"

// The in-memory log of @uppdrag/application is the port's reference: the same contract the
// databases pass (Store.test.ts, Store.integration.test.ts) holds for it, and for the database
// adapters `prior` must equal its `EventLog.selectNeeded`.
portContract({
  name: "In memory",
  runs: 100,
  fresh: async () => {
    const log = EventLog.makeMemory()
    return { log, layer: Layer.succeed(EventLog.EventLog, log) }
  }
})

// Another process over the same log shares its events and checkpoints but none of the first one's memory.
projectionContract({
  name: "In memory",
  runs: 100,
  fresh: async () => {
    const log = EventLog.makeMemory()
    return { log, reopen: async () => ({ ...log }) }
  }
})
