import { CalendarDate, FreeText, Kronor, Region } from "@uppdrag/core"
import * as z from "zod"

/**
 * The kinds of event the log holds. Money events follow a grant's ledger:
 * `requisition` (rekvisition), `payout` (utbetalning), `use` (redovisad
 * användning), `repayment` (återbetalning). `reversal` cancels an earlier
 * event (a correction is never an edit). `report` records that a report
 * (delredovisning, slutredovisning …) was submitted for an obligation;
 * `due-date` records the date someone sets for an obligation the decision
 * left open (Socialstyrelsen's date for the regions' reporting), its payload
 * `{ due }`, its `date` the day the date was set.
 * `meeting` and `measurement` carry a JSON payload owned by the meetings and
 * indicators packages, validated by their schemas before it reaches the store.
 * `publication` stores a protected indicator cube as a numbered version
 * (`IndicatorPublication.Payload` of `@uppdrag/indicators`).
 *
 * @example
 * Event.EventTypeSchema.parse("requisition") // "requisition"
 * @since 0.2.0
 */
export const EventTypeSchema = z.enum(["requisition", "payout", "use", "repayment", "reversal", "report", "due-date", "meeting", "measurement", "publication"])
/**
 * The kind of an event in the log (see {@link EventTypeSchema}).
 *
 * @since 0.2.0
 */
export type EventType = z.infer<typeof EventTypeSchema>

/**
 * The event types that move money in a grant's ledger.
 *
 * @since 0.2.0
 */
export const moneyTypes = ["requisition", "payout", "use", "repayment"] as const
/**
 * An event type that moves money in a grant's ledger (see {@link moneyTypes}).
 *
 * @since 0.2.0
 */
export type MoneyType = (typeof moneyTypes)[number]

/**
 * Whether an event type moves money (has an amount, a grant and a region).
 *
 * @since 0.2.0
 */
export const isMoneyType = (type: EventType): type is MoneyType => (moneyTypes as ReadonlyArray<string>).includes(type)

/**
 * Swedish name of each event type, for messages and tables.
 *
 * @since 0.2.0
 */
export const typeName: Record<EventType, string> = {
  requisition: "rekvisition",
  payout: "utbetalning",
  use: "redovisad användning",
  repayment: "återbetalning",
  reversal: "återföring",
  report: "inlämnad redovisning",
  "due-date": "fastställt datum",
  meeting: "möte",
  measurement: "mätvärde",
  publication: "publicering av indikatorer"
}

/**
 * A JSON value: what a `meeting`, `measurement` or `publication` payload may hold.
 *
 * @since 0.2.0
 */
export type Json = string | number | boolean | null | ReadonlyArray<Json> | { readonly [key: string]: Json }

const json: z.ZodType<Json, Json> = z.lazy(() =>
  z.union([z.string(), z.number().refine(Number.isFinite, "talet måste vara ändligt"), z.boolean(), z.null(), z.array(json), z.record(z.string(), json)])
)

const text = FreeText.lineSchema.trim().min(1)
// The source note may run over several lines; no other control character is kept.
const note = FreeText.schema

/**
 * The payload of a `due-date` event: the date that was set.
 *
 * @example
 * Event.DueDatePayloadSchema.parse({ due: "2027-02-26" }).due // "2027-02-26"
 * @since 0.2.0
 */
export const DueDatePayloadSchema: z.ZodType<{ readonly due: CalendarDate.CalendarDate }, { readonly due: string }> = z.strictObject({ due: CalendarDate.schema })

/**
 * A recording instant: ISO 8601 in UTC with milliseconds, as `Date#toISOString` writes it.
 *
 * @example
 * Event.RecordedAtSchema.safeParse("2026-04-15T08:00:00.000Z").success // true
 * @since 0.2.0
 */
export const RecordedAtSchema = z.iso.datetime({ precision: 3, message: "måste vara en tidpunkt i UTC, t.ex. 2026-04-15T08:00:00.000Z" })
const slug = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "id får bara innehålla a–z, 0–9, - och _")

/**
 * An event to append: what happened, to which assignment or grant, where,
 * how much, on which business day, who records it and the source note (the
 * letter, decision or ledger line it comes from). The store gives it its
 * sequence number and recording time.
 *
 * - money events need `grant`, `region` and `amount`;
 * - `reversal` needs `reverses` (the sequence number of the event it cancels);
 * - `report` needs `obligation` (an obligation id of the assignment);
 * - `due-date` needs `obligation` and the payload `{ due: "YYYY-MM-DD" }`;
 * - `meeting`, `measurement` and `publication` need `payload`.
 *
 * `assignment` may be left out for events that name a grant: the store fills
 * it in from the catalog.
 *
 * @example
 * const event: Event.NewEvent = {
 *   type: "requisition", grant: "specialiserad-psykiatri-2026", region: "03",
 *   amount: 58_203_923, date: "2026-04-15", recordedBy: "anna", note: "Rekvisition 2026-04-15, dnr 4.1-123/2026"
 * }
 * @since 0.2.0
 */
export const NewEventSchema: z.ZodType<ValidNewEvent, NewEvent> = z
  .strictObject({
    type: EventTypeSchema,
    assignment: slug.optional(),
    grant: slug.optional(),
    region: Region.codeSchema.optional(),
    amount: Kronor.schema.optional(),
    date: CalendarDate.schema,
    recordedBy: text,
    note: note.default(""),
    reverses: z.number().int().positive().optional(),
    obligation: slug.optional(),
    payload: json.optional()
  })
  .superRefine((event, ctx) => {
    const need = (field: keyof typeof event, why: string): void => {
      if (event[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message: `saknas (krävs för ${why})` })
    }
    const forbid = (field: keyof typeof event): void => {
      if (event[field] !== undefined) ctx.addIssue({ code: "custom", path: [field], message: `används inte för ${typeName[event.type]}` })
    }
    if (isMoneyType(event.type)) {
      need("grant", typeName[event.type])
      need("region", typeName[event.type])
      need("amount", typeName[event.type])
      forbid("reverses")
      forbid("obligation")
      forbid("payload")
    } else if (event.type === "reversal") {
      need("reverses", "återföring")
      forbid("amount")
      forbid("payload")
    } else if (event.type === "report") {
      if (event.assignment === undefined && event.grant === undefined) need("assignment", "inlämnad redovisning")
      need("obligation", "inlämnad redovisning")
      forbid("amount")
      forbid("reverses")
      forbid("payload")
    } else if (event.type === "due-date") {
      if (event.assignment === undefined && event.grant === undefined) need("assignment", typeName[event.type])
      need("obligation", typeName[event.type])
      forbid("amount")
      forbid("reverses")
      forbid("region")
      const payload = DueDatePayloadSchema.safeParse(event.payload)
      if (!payload.success) {
        ctx.addIssue({ code: "custom", path: ["payload", "due"], message: "saknas eller är inget datum (krävs för fastställt datum, t.ex. { \"due\": \"2027-02-26\" })" })
      }
    } else {
      if (event.assignment === undefined && event.grant === undefined) need("assignment", typeName[event.type])
      need("payload", typeName[event.type])
      forbid("amount")
      forbid("reverses")
      forbid("obligation")
    }
  })
/**
 * An event to record, as {@link NewEventSchema} accepts it.
 *
 * @since 0.2.0
 */
export interface NewEvent {
  readonly type: EventType
  readonly assignment?: string | undefined
  readonly grant?: string | undefined
  readonly region?: string | undefined
  readonly amount?: number | undefined
  readonly date: string
  readonly recordedBy: string
  readonly note?: string | undefined
  readonly reverses?: number | undefined
  readonly obligation?: string | undefined
  readonly payload?: Json | undefined
}

/**
 * A new event after validation (defaults applied, region, amount and date branded).
 *
 * @since 0.2.0
 */
export interface ValidNewEvent {
  readonly type: EventType
  readonly assignment?: string | undefined
  readonly grant?: string | undefined
  readonly region?: Region.RegionCode | undefined
  readonly amount?: Kronor.Kronor | undefined
  readonly date: CalendarDate.CalendarDate
  readonly recordedBy: string
  readonly note: string
  readonly reverses?: number | undefined
  readonly obligation?: string | undefined
  readonly payload?: Json | undefined
}

/**
 * An event as stored: the new event plus its sequence number (1, 2, 3 … in
 * the order written), the assignment it belongs to, and when it was recorded
 * (an ISO 8601 UTC instant; the business date is `date`).
 *
 * @example
 * const stored: Event.StoredEvent = { seq: 1, type: "requisition", assignment: "statsbidrag-psykiatri-2026", grant: "specialiserad-psykiatri-2026",
 *   region: "03", amount: 58_203_923, date: "2026-04-15", recordedBy: "anna", recordedAt: "2026-04-15T08:00:00.000Z",
 *   note: "", reverses: null, obligation: null, payload: null }
 * @since 0.2.0
 */
export const StoredEventSchema: z.ZodType<StoredEvent, unknown> = z.strictObject({
  seq: z.number().int().positive(),
  type: EventTypeSchema,
  assignment: slug,
  grant: slug.nullable(),
  region: Region.codeSchema.nullable(),
  amount: Kronor.schema.nullable(),
  date: CalendarDate.schema,
  recordedBy: text,
  recordedAt: z.lazy(() => RecordedAtSchema),
  note,
  reverses: z.number().int().positive().nullable(),
  obligation: slug.nullable(),
  payload: json.nullable()
})
/**
 * An event as stored, as {@link StoredEventSchema} accepts it.
 *
 * @since 0.2.0
 */
export interface StoredEvent {
  readonly seq: number
  readonly type: EventType
  readonly assignment: string
  readonly grant: string | null
  readonly region: Region.RegionCode | null
  readonly amount: Kronor.Kronor | null
  readonly date: CalendarDate.CalendarDate
  readonly recordedBy: string
  /** When it was recorded: an ISO 8601 UTC instant such as `2026-04-15T08:00:00.000Z`. */
  readonly recordedAt: string
  /** The source note: the letter, decision or ledger line the event comes from. */
  readonly note: string
  readonly reverses: number | null
  readonly obligation: string | null
  readonly payload: Json | null
}

/**
 * The columns of the event log in export order (CSV header, JSON keys).
 *
 * @example
 * Event.columns[0] // "seq"
 * @since 0.2.0
 */
export const columns = [
  "seq",
  "type",
  "assignment",
  "grant",
  "region",
  "amount",
  "date",
  "recordedBy",
  "recordedAt",
  "note",
  "reverses",
  "obligation",
  "payload"
] as const satisfies ReadonlyArray<keyof StoredEvent>

/**
 * One event as a row of text cells (CSV): nulls are empty, the payload is JSON.
 *
 * @example
 * Event.toCells(stored) // ["1", "requisition", "statsbidrag-psykiatri-2026", ...]
 * @since 0.2.0
 */
export const toCells = (event: StoredEvent): Array<string> =>
  columns.map((column) => {
    const value = event[column]
    if (value === null) return ""
    if (column === "payload") return JSON.stringify(value)
    return String(value)
  })

/**
 * One stored event in a line for people: its kind, region, amount,
 * obligation, what it reverses, and its date (for a date set: the date and
 * when it was set).
 *
 * @example
 * Event.describe(stored) // "rekvisition, Uppsala län, 58 203 923 kr, 2026-04-15"
 * @since 0.2.0
 */
export const describe = (event: StoredEvent): string => {
  const parts: Array<string> = [typeName[event.type]]
  if (event.region !== null) parts.push(Region.fromCode(event.region)?.name ?? event.region)
  if (event.amount !== null) parts.push(Kronor.format(event.amount))
  if (event.obligation !== null) parts.push(event.obligation)
  if (event.reverses !== null) parts.push(`återför händelse ${event.reverses}`)
  const due = event.type === "due-date" ? DueDatePayloadSchema.safeParse(event.payload) : undefined
  parts.push(due?.success === true ? `${due.data.due} (fastställt ${event.date})` : event.date)
  return parts.join(", ")
}
