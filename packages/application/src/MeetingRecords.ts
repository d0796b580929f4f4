import { Assignment, type CalendarDate, Catalog, Collation, Region, type ValidationError } from "@uppdrag/core"
import { Agreement, Coverage, type Meeting, MeetingRecord, Party, Series } from "@uppdrag/meetings"
import * as Context from "effect/Context"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import { CatalogInvalid, CatalogSource } from "./CatalogSource.js"
import type * as Event from "./Event.js"
import type { EventLog } from "./EventLog.js"
import type { EventLogError } from "./EventLogError.js"
import type { Populations } from "./Populations.js"
import * as Projection from "./Projection.js"
import * as Recorded from "./Recorded.js"
import * as Recording from "./Recording.js"
import type * as Table from "./Table.js"

/**
 * What is recorded about meetings: meeting and agreement records in the
 * event log (and in files the user names), consultation coverage per
 * assignment, each region's agreement and dialogues, and the meeting series.
 *
 * @example
 * import { MeetingRecords } from "@uppdrag/application"
 * const { meetings, agreements } = yield* MeetingRecords.current()
 */

/**
 * A `meeting` event in the log does not read back as a meeting or agreement record.
 *
 * @since 0.2.0
 */
export class UnreadableRecord extends Data.TaggedError("UnreadableRecord")<{ readonly seq: number }> {
  override get message(): string {
    return `händelse ${this.seq}: mötesposten i databasen har fel form och kan inte läsas`
  }
}

/**
 * A reference (`--assignment`, `--grant`, `--region`) that the catalog does not know.
 *
 * @since 0.2.0
 */
export class UnknownReference extends Data.TaggedError("UnknownReference")<{ readonly option: string; readonly detail: string }> {
  override get message(): string {
    return `${this.option}: ${this.detail}`
  }
}

/**
 * A meeting record that cannot be stored as it stands.
 *
 * @since 0.2.0
 */
export class RecordNotStorable extends Data.TaggedError("RecordNotStorable")<{ readonly source: string; readonly detail: string }> {
  override get message(): string {
    return `${this.source}: ${this.detail}`
  }
}

/**
 * The series in force.
 *
 * @since 0.2.0
 */
export type SeriesShape = ReadonlyArray<Series.Series>

/**
 * The meeting series in force: seed 001's series plus the user's own files.
 *
 * @since 0.2.0
 */
export class MeetingSeries extends Context.Service<MeetingSeries, SeriesShape>()("@uppdrag/application/MeetingSeries") {}

/**
 * The series as a layer: built-in plus `extra` files, refused with every problem.
 *
 * @example
 * MeetingSeries.pipe(Effect.provide(layerSeries(["serier.yaml"])))
 * @since 0.2.0
 */
export const layerSeries = (extra: ReadonlyArray<string> = []): Layer.Layer<MeetingSeries, CatalogInvalid> =>
  Layer.effect(
    MeetingSeries,
    Effect.suspend(() => {
      const loaded = Series.load({ extra: [...extra] })
      if (Result.isSuccess(loaded)) return Effect.succeed(loaded.success)
      return Effect.fail(new CatalogInvalid({ errors: loaded.failure }))
    })
  )

/**
 * What record files are checked against: the catalog, its parties and the series.
 *
 * @example
 * const context = yield* MeetingRecords.context
 * MeetingRecord.parseFile("mote.yaml", context)
 * @since 0.2.0
 */
export const context: Effect.Effect<Meeting.Context, never, CatalogSource | MeetingSeries> = Effect.gen(function* () {
  const catalog = yield* CatalogSource
  const series = yield* MeetingSeries
  return { catalog, parties: Party.directory(catalog), series: [...series] }
})

/**
 * The meeting records of the recorded projection (each payload read once,
 * when its event was folded), or the first that does not read back: the
 * same answer as {@link decodeStored} over the whole log.
 *
 * @example
 * const records = yield* MeetingRecords.readBack(yield* Projection.current(Recorded.projection))
 * @since 0.2.0
 */
export const readBack = (state: Recorded.State): Effect.Effect<Array<MeetingRecord.MeetingRecord>, UnreadableRecord> =>
  state.records._tag === "Read" ? Effect.succeed([...state.records.records]) : Effect.fail(new UnreadableRecord({ seq: state.records.seq }))
/**
 * The meeting and agreement records in the event log, in log order; a
 * record that does not read back is refused, never dropped.
 *
 * @example
 * const records = yield* MeetingRecords.stored
 * @since 0.2.0
 */
export const stored: Effect.Effect<Array<MeetingRecord.MeetingRecord>, UnreadableRecord | EventLogError, EventLog> = Effect.flatMap(
  Projection.current(Recorded.projection),
  readBack
)

/**
 * Reads meeting records back from `meeting` events (reversed ones left out).
 *
 * @example
 * MeetingRecords.decodeStored(events) // Result.succeed([meeting, agreement])
 * @since 0.2.0
 */
export const decodeStored = (events: ReadonlyArray<Event.StoredEvent>): Result.Result<Array<MeetingRecord.MeetingRecord>, UnreadableRecord> => {
  const reversed = new Set(events.flatMap((e) => (e.reverses === null ? [] : [e.reverses])))
  const records: Array<MeetingRecord.MeetingRecord> = []
  for (const event of events) {
    if (event.type !== "meeting" || event.payload === null || reversed.has(event.seq)) continue
    const parsed = MeetingRecord.schema.safeParse(event.payload)
    if (!parsed.success) return Result.fail(new UnreadableRecord({ seq: event.seq }))
    records.push(parsed.data)
  }
  return Result.succeed(records)
}

/**
 * The current meetings and agreements: those in the log, then `extra` (from
 * files), a later record with the same id replacing an earlier one.
 *
 * @example
 * const { meetings, agreements } = yield* MeetingRecords.current(fromFiles)
 * @since 0.2.0
 */
export const current = (
  extra: ReadonlyArray<MeetingRecord.MeetingRecord> = []
): Effect.Effect<{ meetings: Array<Meeting.Meeting>; agreements: Array<Agreement.Agreement> }, UnreadableRecord | EventLogError, EventLog> =>
  Effect.map(stored, (records) => MeetingRecord.current([...records, ...extra]))

/**
 * Which named parties have been consulted for an assignment as of a date.
 *
 * @example
 * const report = yield* MeetingRecords.coverage("S2025/01528", "2026-12-01")
 * @since 0.2.0
 */
export const coverage = (
  reference: string,
  asOf: CalendarDate.CalendarDate,
  extra: ReadonlyArray<MeetingRecord.MeetingRecord> = []
): Effect.Effect<Coverage.Coverage, UnknownReference | UnreadableRecord | EventLogError, CatalogSource | EventLog> =>
  Effect.gen(function* () {
    const catalog = yield* CatalogSource
    const assignment = Catalog.findAssignment(catalog, reference)
    if (assignment === undefined) return yield* Effect.fail(new UnknownReference({ option: "--assignment", detail: `okänt uppdrag ${JSON.stringify(reference)}; se uppdrag catalog list` }))
    const { meetings } = yield* current(extra)
    return Coverage.report(assignment, meetings, asOf)
  })

/**
 * Each region's agreement status for a grant as of a date.
 *
 * @since 0.2.0
 */
export interface AgreementStatus {
  readonly grant: string
  readonly asOf: CalendarDate.CalendarDate
  readonly regions: ReadonlyArray<Agreement.RegionStatus>
}

/**
 * Each region's agreement, follow-ups and dialogues for a grant (the newest
 * grant when none is named), optionally one region.
 *
 * @example
 * const status = yield* MeetingRecords.agreements({ asOf: "2026-12-01", region: "03" })
 * @since 0.2.0
 */
export const agreements = (
  query: { readonly grant?: string | undefined; readonly region?: string | undefined; readonly asOf: CalendarDate.CalendarDate },
  extra: ReadonlyArray<MeetingRecord.MeetingRecord> = []
): Effect.Effect<AgreementStatus, UnknownReference | UnreadableRecord | EventLogError, CatalogSource | EventLog> =>
  Effect.gen(function* () {
    const catalog = yield* CatalogSource
    const grant = query.grant ?? [...Catalog.grants(catalog)].sort((a, b) => b.grant.year - a.grant.year)[0]?.grant.id
    if (grant === undefined) return yield* Effect.fail(new UnknownReference({ option: "--grant", detail: "katalogen har inga statsbidrag" }))
    let region: Region.Region | undefined
    if (query.region !== undefined) {
      const found = Region.parse(query.region)
      if (Result.isFailure(found)) return yield* Effect.fail(new UnknownReference({ option: "--region", detail: found.failure }))
      region = found.success
    }
    const { meetings, agreements } = yield* current(extra)
    const status = Agreement.status({ catalog, grant, agreements, meetings, asOf: query.asOf })
    if (Result.isFailure(status)) return yield* Effect.fail(new UnknownReference({ option: "--grant", detail: status.failure }))
    return { grant, asOf: query.asOf, regions: status.success.filter((r) => region === undefined || r.region === region.code) }
  })

/**
 * Stores one validated record as a `meeting` event: a meeting under its
 * assignment and date, an agreement under its grant and signing date.
 *
 * @example
 * const event = yield* MeetingRecords.record(record, { source: "mote.yaml", recordedBy: "anna" })
 * @since 0.2.0
 */
export const record = (
  meetingRecord: MeetingRecord.MeetingRecord,
  options: { readonly source: string; readonly recordedBy: string; readonly note: string }
): Effect.Effect<Event.StoredEvent, RecordNotStorable | Recording.Refused | EventLogError | ValidationError, EventLog | CatalogSource | Populations> =>
  Effect.gen(function* () {
    if (meetingRecord.kind === "mote" && meetingRecord.assignment === undefined) {
      return yield* Effect.fail(new RecordNotStorable({ source: options.source, detail: "assignment: mötet hör inte till något uppdrag i katalogen; ange assignment för att spara det" }))
    }
    const payload = JSON.parse(JSON.stringify(meetingRecord)) as Event.Json
    const event: Event.NewEvent =
      meetingRecord.kind === "mote"
        ? {
            type: "meeting",
            assignment: meetingRecord.assignment,
            ...(meetingRecord.region === undefined ? {} : { region: meetingRecord.region }),
            date: meetingRecord.date,
            recordedBy: options.recordedBy,
            note: options.note,
            payload
          }
        : { type: "meeting", grant: meetingRecord.grant, region: meetingRecord.region, date: meetingRecord.signed, recordedBy: options.recordedBy, note: options.note, payload }
    const written = yield* Recording.record([event])
    return written[0]!
  })

/**
 * How many of the named parties have been consulted.
 *
 * @example
 * MeetingRecords.consulted(report) // 2
 * @since 0.2.0
 */
export const consulted = (report: Pick<Coverage.Coverage, "parties">): number => report.parties.filter((p) => p.consulted).length

/**
 * A party of a coverage report.
 *
 * @since 0.2.0
 */
export type CoveredParty = Coverage.Coverage["parties"][number]

/**
 * The coverage table: each named party, its id, whether it took part, and its latest meeting.
 *
 * @since 0.2.0
 */
export const coverageColumns: Table.Columns<CoveredParty> = [
  { field: "name", header: "Part", kind: "text", value: (p) => p.name },
  { field: "id", header: "Id", kind: "text", value: (p) => p.id },
  { field: "consulted", header: "Samråd", kind: "flag", labels: { true: "Ja", false: "Inte ännu" }, value: (p) => p.consulted },
  { field: "lastMeeting", header: "Senaste möte", kind: "date", value: (p) => p.lastMeeting }
]

/**
 * The agreements table, one row per region: its agreement (`id (signed)`,
 * or nothing), how many activities and follow-up measures it has, how many
 * dialogues were held and the latest, and the next annual follow-up
 * (`2026 till 2027-05-30: saknas`).
 *
 * @since 0.2.0
 */
export const agreementColumns: Table.Columns<Agreement.RegionStatus> = [
  { field: "region", header: "Kod", kind: "text", value: (r) => r.region },
  { field: "name", header: "Region", kind: "text", value: (r) => r.name },
  { field: "agreement", header: "Överenskommelse", kind: "text", value: (r) => (r.agreement === null ? null : `${r.agreement.id} (${r.agreement.signed})`) },
  { field: "activities", header: "Insatser", kind: "integer", value: (r) => r.agreement?.activities.length ?? 0 },
  { field: "followUpMeasures", header: "Mått", kind: "integer", value: (r) => r.agreement?.followUpMeasures.length ?? 0 },
  { field: "dialogues", header: "Dialoger", kind: "integer", value: (r) => r.dialogues.length },
  { field: "lastDialogue", header: "Senaste dialog", kind: "date", value: (r) => r.dialogues.at(-1)?.date ?? null },
  {
    field: "nextFollowUp",
    header: "Årsuppföljning",
    kind: "text",
    value: (r) => (r.nextFollowUp === null ? null : `${r.nextFollowUp.year} till ${r.nextFollowUp.report}: ${r.nextFollowUp.done ? "klar" : "saknas"}`)
  }
]

/**
 * A recorded meeting as Möten lists it: the participants' and the assignment's names resolved through the catalog.
 *
 * @since 0.2.0
 */
export interface RecordedMeeting {
  readonly meeting: Meeting.Meeting
  /** The assignment's main diary number, or null for a meeting of no assignment. */
  readonly diaryNumber: string | null
  /** The participants' names (the catalog's party names; an unknown id as itself). */
  readonly participants: ReadonlyArray<string>
  /** The region's name for a dialogue meeting with one region. */
  readonly regionName: string | null
}

/**
 * The current recorded meetings held on or before `asOf`, newest first,
 * with names for people (`uppdrag meetings` records, from the log).
 *
 * @example
 * const list = yield* MeetingRecords.meetings(CalendarDate.unsafeParse("2026-11-23"))
 * list[0]?.participants // ["Inspektionen för vård och omsorg (IVO)", "Polismyndigheten"]
 * @since 0.2.0
 */
export const meetings = (asOf: CalendarDate.CalendarDate): Effect.Effect<Array<RecordedMeeting>, UnreadableRecord | EventLogError, CatalogSource | EventLog> =>
  Effect.gen(function* () {
    const catalog = yield* CatalogSource
    const names = new Map(Party.directory(catalog).parties.map((p) => [p.id, p.name]))
    const { meetings: recorded } = yield* current()
    return recorded
      .filter((m) => m.date <= asOf)
      .sort((a, b) => (a.date === b.date ? Collation.swedish(a.id, b.id) : a.date < b.date ? 1 : -1))
      .map((meeting) => {
        const assignment = meeting.assignment === undefined ? undefined : catalog.assignments.find((a) => a.id === meeting.assignment)
        return {
          meeting,
          diaryNumber: assignment === undefined ? (meeting.assignment ?? null) : Assignment.mainDiaryNumber(assignment),
          participants: meeting.participants.map((id) => names.get(id) ?? id),
          regionName: meeting.region === undefined ? null : (Region.fromCode(meeting.region)?.name ?? meeting.region)
        }
      })
  })

/**
 * The recorded meetings table: date, title, assignment, region, participants, action items.
 *
 * @since 0.2.0
 */
export const meetingColumns: Table.Columns<RecordedMeeting> = [
  { field: "date", header: "Datum", kind: "date", value: (r) => r.meeting.date },
  { field: "id", header: "Id", kind: "text", value: (r) => r.meeting.id },
  { field: "title", header: "Möte", kind: "text", value: (r) => r.meeting.title },
  { field: "assignment", header: "Uppdrag", kind: "text", value: (r) => r.diaryNumber },
  { field: "region", header: "Region", kind: "text", value: (r) => r.regionName },
  { field: "participants", header: "Deltagare", kind: "text", value: (r) => r.participants.join(", ") },
  { field: "actionItems", header: "Åtgärder", kind: "integer", value: (r) => r.meeting.actionItems.length }
]

/**
 * One assignment's consultation coverage, for the overview of every assignment that names parties.
 *
 * @since 0.2.0
 */
export interface Consultation {
  readonly assignmentId: string
  readonly coverage: Coverage.Coverage
}

/**
 * The consultation coverage of every assignment that names parties to
 * consult and has a diary number to report under, as of a date, in
 * catalog order (what `uppdrag meetings coverage` answers per assignment).
 *
 * @example
 * const all = yield* MeetingRecords.consultations(CalendarDate.unsafeParse("2026-11-23"))
 * MeetingRecords.consulted(all[0]!.coverage) // 2
 * @since 0.2.0
 */
export const consultations = (asOf: CalendarDate.CalendarDate): Effect.Effect<Array<Consultation>, UnknownReference | UnreadableRecord | EventLogError, CatalogSource | EventLog> =>
  Effect.gen(function* () {
    const catalog = yield* CatalogSource
    const named = catalog.assignments.filter((a) => a.consult.length > 0 && a.diaryNumbers.length > 0)
    return yield* Effect.forEach(named, (a) => Effect.map(coverage(a.id, asOf), (report) => ({ assignmentId: a.id, coverage: report })))
  })

/**
 * The consultation overview: per assignment, how many of its named parties were consulted, which, and the next report.
 *
 * @since 0.2.0
 */
export const consultationColumns: Table.Columns<Consultation> = [
  { field: "assignment", header: "Uppdrag", kind: "text", value: (c) => c.coverage.assignment },
  { field: "consulted", header: "Samrådda", kind: "integer", value: (c) => consulted(c.coverage) },
  { field: "parties", header: "Parter att samråda med", kind: "integer", value: (c) => c.coverage.parties.length },
  { field: "consultedParties", header: "Samrådda parter", kind: "text", value: (c) => c.coverage.parties.filter((p) => p.consulted).map((p) => p.name).join(", ") },
  { field: "nextDeadline", header: "Nästa redovisning", kind: "date", value: (c) => c.coverage.nextDeadline }
]

/**
 * One annual follow-up of a region's agreement.
 *
 * @since 0.2.0
 */
export interface AgreementFollowUp {
  readonly region: Agreement.RegionStatus
  readonly followUp: Agreement.Agreement["followUps"][number]
}

/**
 * The recorded annual follow-ups of the agreements, region by region, year by year.
 *
 * @example
 * MeetingRecords.followUps(status).map((f) => f.followUp.year) // [2026]
 * @since 0.2.0
 */
export const followUps = (status: Pick<AgreementStatus, "regions">): Array<AgreementFollowUp> =>
  status.regions.flatMap((region) => [...(region.agreement?.followUps ?? [])].sort((a, b) => a.year - b.year).map((followUp) => ({ region, followUp })))

/**
 * The follow-ups table: region, year, date recorded, summary.
 *
 * @since 0.2.0
 */
export const followUpColumns: Table.Columns<AgreementFollowUp> = [
  { field: "region", header: "Kod", kind: "text", value: (f) => f.region.region },
  { field: "name", header: "Region", kind: "text", value: (f) => f.region.name },
  { field: "year", header: "År", kind: "text", value: (f) => String(f.followUp.year) },
  { field: "date", header: "Datum", kind: "date", value: (f) => f.followUp.date },
  { field: "summary", header: "Sammanfattning", kind: "text", value: (f) => f.followUp.summary }
]

/**
 * What a meeting or agreement record holds, in one line for people:
 * `möte samrad-2026-11-20 2026-11-20 (S2025/01528): 2 deltagare (IVO, Polismyndigheten), 1 åtgärder`.
 *
 * @example
 * const line = yield* MeetingRecords.summary(record)
 * @since 0.2.0
 */
export const summary = (record: MeetingRecord.MeetingRecord): Effect.Effect<string, never, CatalogSource | MeetingSeries> =>
  Effect.gen(function* () {
    if (record.kind !== "mote") {
      return `överenskommelse ${record.id}: region ${record.region}, ${record.grant}, ${record.activities.length} insatser, ${record.followUpMeasures.length} uppföljningsmått`
    }
    const names = new Map((yield* context).parties.parties.map((p) => [p.id, p.name]))
    return `möte ${record.id} ${record.date}${record.assignment === undefined ? "" : ` (${record.assignment})`}: ${record.participants.length} deltagare (${record.participants.map((id) => names.get(id) ?? id).join(", ")}), ${record.actionItems.length} åtgärder`
  })
