// The same package from CommonJS: `require("@uppdrag/store")` resolves to dist/index.d.ts (the package is ESM only; Node 20.19+ requires it).
import store = require("@uppdrag/store")

type Types = [store.Store.Location, store.Store.Store, store.Migration.Migration]
const location: Types[0] = { kind: "sqlite", path: "data/uppdrag.db" }
const shown: string = store.Store.display(location)
const latest: number = store.Migration.latest
// @ts-expect-error the type is not a value
store.Store.Location.kind

export = { shown, latest }
