// Another team's code against the published @uppdrag/application: the README's example, each
// namespace's types used as types and its schemas as values, and misuses that must not compile.
import {
  CatalogOverview,
  CatalogSource,
  DeadlineList,
  Event,
  EventInput,
  EventLog,
  EventLogError,
  type EventLogFailure,
  GrantState,
  IndicatorTable,
  LogExport,
  MeetingCalendar,
  MeetingRecords,
  Overview,
  Populations,
  type Recorded,
  Recording,
  Table,
  Today,
  Workload
} from "@uppdrag/application"
import type { CalendarDate } from "@uppdrag/core"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Result from "effect/Result"
import type { z } from "zod"

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false

// The README.
const services = Layer.mergeAll(EventLog.layerMemory(), CatalogSource.layer(), Populations.layerPublished)
const program = Effect.gen(function* () {
  yield* Recording.record([{ type: "requisition", grant: "specialiserad-psykiatri-2026", region: "03", amount: 58_203_923, date: "2026-04-15", recordedBy: "anna" }])
  const refused = yield* Effect.flip(Recording.record([{ type: "requisition", grant: "specialiserad-psykiatri-2026", region: "03", amount: 1, date: "2026-04-16", recordedBy: "anna" }]))
  const rule: string = refused._tag === "Refused" ? refused.refusal._tag : refused._tag
  const ledger = yield* GrantState.ledger("specialiserad-psykiatri-2026")
  const requisitioned: number | undefined = ledger.rows.find((row) => row.region === "03")?.requisitioned
  const { deadlines } = yield* DeadlineList.list({ asOf: "2026-12-01" })
  const workload: Workload.Listing = yield* Workload.perMonth({ asOf: "2026-12-01", all: true })
  const overview: Overview.Overview = yield* Overview.upcoming({ asOf: "2026-12-01" })
  const entries: Array<CatalogOverview.Entry> = yield* CatalogOverview.list
  const today: CalendarDate.CalendarDate = yield* Today.today
  return { rule, requisitioned, deadlines, workload, overview, entries, today }
})
const run: Promise<unknown> = Effect.runPromise(program.pipe(Effect.provide(services)))

// Every exported type of every namespace is a type.
type Types = [
  CatalogOverview.Entry,
  CatalogOverview.Item,
  CatalogOverview.UnknownEntry,
  CatalogSource.Shape,
  CatalogSource.CatalogInvalid,
  DeadlineList.Query,
  DeadlineList.Listing,
  DeadlineList.Options,
  DeadlineList.ListError,
  Event.EventType,
  Event.MoneyType,
  Event.Json,
  Event.NewEvent,
  Event.ValidNewEvent,
  Event.StoredEvent,
  EventInput.Kind,
  EventInput.Located,
  EventInput.Rows,
  EventLog.Filter,
  EventLog.Needs,
  EventLog.Snapshot,
  EventLog.Decide<never>,
  EventLog.Shape,
  EventLogFailure.Reason,
  EventLogFailure.NewerSchema,
  EventLogFailure.Database,
  EventLogError,
  GrantState.Outcome,
  GrantState.Found,
  GrantState.RegionState,
  GrantState.LedgerRow,
  GrantState.UnknownGrant,
  IndicatorTable.Unit,
  IndicatorTable.YearOutsideCube,
  LogExport.Document,
  MeetingCalendar.Undated,
  MeetingCalendar.Upcoming,
  MeetingCalendar.PeriodReversed,
  MeetingCalendar.NoCalendarEvent,
  MeetingRecords.SeriesShape,
  MeetingRecords.AgreementStatus,
  MeetingRecords.CoveredParty,
  MeetingRecords.UnreadableRecord,
  Overview.Overview,
  Populations.Shape,
  Recorded.Recorded,
  Recording.Refusal,
  Recording.Refused,
  Recording.LedgerEntry,
  Recording.Context,
  Recording.BatchOptions,
  Recording.RecordOptions,
  Table.Cell,
  Table.Kind,
  Table.Column<unknown>,
  Table.Columns<unknown>,
  Workload.Month,
  Workload.Listing
]

// The schemas are values, and parse input forms to the types of the same plain name.
const sameTypes: [
  Equals<z.output<typeof Event.EventTypeSchema>, Event.EventType>,
  Equals<z.output<typeof Event.NewEventSchema>, Event.ValidNewEvent>,
  Equals<z.input<typeof Event.NewEventSchema>, Event.NewEvent>,
  Equals<z.output<typeof Event.StoredEventSchema>, Event.StoredEvent>,
  Equals<z.output<typeof LogExport.DocumentSchema>, LogExport.Document>
] = [true, true, true, true, true]
const kind: boolean = Event.EventTypeSchema.safeParse("requisition").success
const stored: Event.StoredEvent | undefined = Event.StoredEventSchema.safeParse({}).data
const parsed: Result.Result<Event.NewEvent, ReadonlyArray<unknown>> = EventInput.toEvent("reversal", { event: "7", date: "2026-05-02" }, "anna", (f) => f)
const fields: Array<string> = Table.fields(DeadlineList.columns)
const csv: Array<string | number | null> = Table.cells(Workload.columns, { month: "2027-05", total: 1, byKind: {}, byAssignment: {} })
const decimals: number = IndicatorTable.decimalsOf("antal platser")
const format: string = LogExport.format
const span: number = MeetingCalendar.defaultSpanDays
const coverage: Array<string> = Table.fields(MeetingRecords.coverageColumns)
const failure: string = new EventLogError({ location: "x.db", reason: { _tag: "Unavailable", cause: "saknas" } }).message

// Misuses that must not compile.
// @ts-expect-error an event type the log does not know
const notAType: Event.EventType = "betalning"
// @ts-expect-error the type is not a value: validate with EventTypeSchema
Event.EventType.safeParse("requisition")
// @ts-expect-error the type is not a value: validate with StoredEventSchema
Event.StoredEvent.safeParse({})
// @ts-expect-error a stored event has a sequence number
const unnumbered: Event.StoredEvent = { type: "requisition" }
// @ts-expect-error a use case needs its services before it runs
Effect.runPromise(DeadlineList.list({}))
// @ts-expect-error internal modules are not exported
import("@uppdrag/application/internal/anything")

void [run, sameTypes, decimals, format, span, coverage, kind, stored, parsed, fields, csv, failure, notAType, unnumbered]
export type { Types }
