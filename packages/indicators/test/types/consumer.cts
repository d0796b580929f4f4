// The same package from CommonJS: `require("@uppdrag/indicators")` resolves to dist/index.d.ts (the package is ESM only; Node 20.19+ requires it).
import indicators = require("@uppdrag/indicators")

type Types = [indicators.Cube.Cube, indicators.Cube.Cell, indicators.Indicator.Indicator, indicators.FollowUp.Agreement]
const first: Types[2] | undefined = indicators.Indicator.all[0]
// @ts-expect-error the type is not a value: validate with Indicator.schema
indicators.Indicator.Indicator.parse({})

export = { first }
