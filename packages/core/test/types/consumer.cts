// The same package from CommonJS: `require("@uppdrag/core")` resolves to dist/index.d.ts (the package is ESM only; Node 20.19+ requires it).
import core = require("@uppdrag/core")

type Types = [core.Assignment.Assignment, core.Assignment.Grant, core.Assignment.ReportingObligation, core.Catalog.Catalog, core.Kronor.Kronor, core.Region.Region]
const catalog: core.Catalog.Catalog = core.Catalog.unsafeLoad()
const grant: core.Assignment.Grant | undefined = core.Catalog.findGrant(catalog, "specialiserad-psykiatri-2026")?.grant
const parsed = core.Assignment.AssignmentSchema.safeParse({})
// @ts-expect-error the type is not a value: validate with AssignmentSchema
core.Assignment.Assignment.parse({})

export = { grant, parsed } satisfies { grant: Types[1] | undefined; parsed: unknown }
