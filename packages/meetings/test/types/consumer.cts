// The same package from CommonJS: `require("@uppdrag/meetings")` resolves to dist/index.d.ts (the package is ESM only; Node 20.19+ requires it).
import meetings = require("@uppdrag/meetings")

type Types = [meetings.Series.Series, meetings.Meeting.Meeting, meetings.MeetingRecord.MeetingRecord, meetings.Agreement.Agreement, meetings.Coverage.Coverage]
const series: Array<Types[0]> = meetings.Series.unsafeLoad()
// @ts-expect-error the type is not a value: validate with Series.schema
meetings.Series.Series.parse({})

export = { series }
