// The same package from CommonJS: `require("@uppdrag/application")` resolves to dist/index.d.ts (the package is ESM only; Node 20.19+ requires it).
import application = require("@uppdrag/application")

type Types = [application.Event.StoredEvent, application.Event.NewEvent, application.Event.EventType, application.DeadlineList.Listing, application.Workload.Month]
const kind: Types[2] | undefined = application.Event.EventTypeSchema.safeParse("requisition").data
const columns: Array<string> = application.Table.fields(application.CatalogOverview.columns)
// @ts-expect-error the type is not a value: validate with EventTypeSchema
application.Event.EventType.safeParse("requisition")

export = { kind, columns }
