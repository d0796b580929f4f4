// The same package from CommonJS: `require("@uppdrag/allocation")` resolves to dist/index.d.ts (the package is ESM only; Node 20.19+ requires it).
import allocation = require("@uppdrag/allocation")

type Types = [allocation.Allocation.Allocation, allocation.Ledger.Entry, allocation.Ledger.Summary, allocation.Ledger.Terms, allocation.CappedPot.Outcome]
const entry: Types[1] = allocation.Ledger.EntrySchema.parse({ kind: "requisition", id: "r1", grant: "g", region: "03", amount: 1, date: "2026-04-15" })
// @ts-expect-error the type is not a value: parse with EntrySchema
allocation.Ledger.Entry.parse({})

export = { entry }
