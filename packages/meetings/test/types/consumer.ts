// Another team's code against the published @uppdrag/meetings: the README's example, each
// namespace's types used as types and its schemas as values, and misuses that must not compile.
import { CalendarDate, Catalog, type ValidationError } from "@uppdrag/core"
import {
  ActionItem,
  Agreement,
  Coverage,
  ICalendar,
  Meeting,
  MeetingRecord,
  Occurrence,
  Party,
  Series
} from "@uppdrag/meetings"
import type * as Result from "effect/Result"
import type { z } from "zod"

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false

// The README.
const d = CalendarDate.unsafeParse
const series: Array<Series.Series> = Series.unsafeLoad()
const occurrences: Array<Occurrence.Occurrence> = Occurrence.all(series, d("2026-04-01"), d("2026-06-30"))
const catalog = Catalog.unsafeLoad()
const assignment = Catalog.findAssignment(catalog, "S2025/01528")!
const meeting: Meeting.Meeting = {
  kind: "mote",
  id: "samrad-2026-11-20",
  title: "Samråd",
  date: d("2026-11-20"),
  assignment: assignment.id,
  participants: ["ivo", "polismyndigheten"],
  actionItems: []
}
const report: Coverage.Coverage = Coverage.report(assignment, [meeting], d("2026-11-23"))
const unconsulted: number = report.parties.filter((p) => !p.consulted).length
const ics: string = ICalendar.series(series, { stamp: "2026-11-23T08:00:00Z" })

// Every exported type of every namespace is a type.
type Types = [
  ActionItem.ActionObligation,
  Agreement.Activity,
  Agreement.Agreement,
  Agreement.AgreementDraft,
  Agreement.FollowUp,
  Agreement.FollowUpMeasure,
  Agreement.RegionStatus,
  Coverage.Coverage,
  Coverage.PartyCoverage,
  ICalendar.Options,
  Meeting.ActionItem,
  Meeting.Context,
  Meeting.Meeting,
  Meeting.MeetingDraft,
  Meeting.PathIssue,
  MeetingRecord.MeetingRecord,
  Occurrence.Occurrence,
  Party.Directory,
  Series.Recurrence,
  Series.Series
]

// The schemas are values, and parse to the types.
const sameTypes: [
  Equals<z.output<typeof Series.schema>, Series.Series>,
  Equals<z.output<typeof Series.recurrenceSchema>, Series.Recurrence>,
  Equals<z.output<typeof Meeting.schema>, Meeting.Meeting>,
  Equals<z.output<typeof Meeting.draftSchema>, Meeting.MeetingDraft>,
  Equals<z.output<typeof Agreement.schema>, Agreement.Agreement>,
  Equals<z.output<typeof Agreement.draftSchema>, Agreement.AgreementDraft>,
  Equals<z.output<typeof MeetingRecord.schema>, MeetingRecord.MeetingRecord>
] = [true, true, true, true, true, true, true]

const context: Meeting.Context = { catalog, parties: Party.directory(catalog), series }
const record: Result.Result<MeetingRecord.MeetingRecord, ValidationError> = MeetingRecord.parseFile("mote.yaml", context)
const eventType: "meetings.mote" | "meetings.overenskommelse" = MeetingRecord.eventType(meeting)
const folded: { meetings: Array<Meeting.Meeting>; agreements: Array<Agreement.Agreement> } = MeetingRecord.current([meeting])
const duties: Array<ActionItem.ActionObligation> = ActionItem.obligations([meeting])
const loaded: Result.Result<Array<Series.Series>, ReadonlyArray<ValidationError>> = Series.load({ extra: ["egna-serier.yaml"] })

// Misuses that must not compile.
// @ts-expect-error a meeting's date is a CalendarDate, parsed first
const textDate: Meeting.Meeting = { ...meeting, date: "2026-11-20" }
// @ts-expect-error a record kind the package does not know
const notAKind: MeetingRecord.MeetingRecord["kind"] = "protokoll"
// @ts-expect-error the window is two CalendarDates
Occurrence.all(series, "2026-04-01", "2026-06-30")
// @ts-expect-error the type is not a value: validate with Series.schema
Series.Series.parse({})
// @ts-expect-error internal modules are not exported
import("@uppdrag/meetings/internal/anything")

void [occurrences, unconsulted, ics, sameTypes, record, eventType, folded, duties, loaded, textDate, notAKind]
export type { Types }
