// The same package from CommonJS: `require("@uppdrag/deadlines")` resolves to dist/index.d.ts (the package is ESM only; Node 20.19+ requires it).
import deadlines = require("@uppdrag/deadlines")

type Types = [deadlines.Deadline.Deadline, deadlines.Deadline.Submission, deadlines.Obligation.Obligation, deadlines.Obligation.DueDate, deadlines.Obligation.Extra]
const submission: Types[1] | undefined = deadlines.Deadline.SubmissionSchema.safeParse({}).data
// @ts-expect-error the type is not a value: validate with SubmissionSchema
deadlines.Deadline.Submission.safeParse({})

export = { submission }
