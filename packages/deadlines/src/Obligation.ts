import { Assignment, CalendarDate, DiaryNumber, fromZodIssues, ValidationError } from "@uppdrag/core"
import * as Data from "effect/Data"
import * as Result from "effect/Result"
import * as z from "zod"

/** Swedish labels of the kinds; a `Record` over core's type, so a new kind in core fails to compile here until labelled. */
const kindLabels: Readonly<Record<Assignment.ObligationKind, string>> = {
  delredovisning: "Delredovisning",
  slutredovisning: "Slutredovisning",
  "ekonomisk-redovisning": "Ekonomisk redovisning",
  rekvisition: "Rekvisition",
  utbetalning: "Utbetalning",
  aterbetalning: "Återbetalning",
  utvardering: "Utvärdering",
  ovrigt: "Övrigt"
}

/**
 * Every kind of duty, in the catalog's order.
 *
 * @example
 * Obligation.kinds // ["delredovisning", "slutredovisning", "ekonomisk-redovisning", …, "ovrigt"]
 * @since 0.2.0
 */
export const kinds = Object.keys(kindLabels) as [Assignment.ObligationKind, ...Array<Assignment.ObligationKind>]

/**
 * zod schema of a kind.
 *
 * @example
 * Obligation.KindSchema.safeParse("rapport").success // false
 * @since 0.2.0
 */
export const KindSchema = z.enum(kinds)

/**
 * The Swedish label of a kind, for people: `aterbetalning` is "Återbetalning".
 *
 * @example
 * Obligation.kindLabel("ekonomisk-redovisning") // "Ekonomisk redovisning"
 * @since 0.2.0
 */
export const kindLabel = (kind: Assignment.ObligationKind): string => kindLabels[kind]

/**
 * One dated duty, flattened from its source: an assignment in the catalog,
 * or an extra duty handed in as data (a meeting's action item). `due` is
 * `null` while a date that someone else sets (`dueSetBy`) is not yet known.
 *
 * @example
 * import { Obligation } from "@uppdrag/deadlines"
 * const all = Result.getOrThrow(Obligation.collect(catalog.assignments))
 * all.find((o) => o.due === "2026-11-30")?.recipient // "Regeringskansliet (Socialdepartementet)"
 * @since 0.2.0
 */
export interface Obligation {
  /** Catalog id of the assignment, or `null` for an extra duty tied to none. */
  readonly assignmentId: string | null
  /** The assignment's main diary number (`S2024/01004`), or `null`. */
  readonly assignment: string | null
  readonly assignmentTitle: string | null
  /** Every diary number of the assignment, as written in the decision. */
  readonly diaryNumbers: ReadonlyArray<string>
  /** Where the duty comes from: `katalog`, or the origin of an extra duty (`moten`). */
  readonly origin: string
  readonly id: string
  readonly kind: Assignment.ObligationKind
  readonly title: string
  readonly due: CalendarDate.CalendarDate | null
  /** Who sets the date when the decision leaves it open, e.g. `Socialstyrelsen`. */
  readonly dueSetBy: string | null
  readonly responsible: string
  readonly recipient: string
  readonly contents: ReadonlyArray<string>
  readonly citeDiaryNumber: boolean
  readonly source: string
}

/**
 * An extra duty passed in as plain data, e.g. a meeting's action item
 * (kind `ovrigt` unless given). `assignment` (id or diary number) ties it to
 * an assignment in the catalog; `origin` names where it came from and keeps
 * its identity stable when it is tied to none.
 *
 * @example
 * const item: Obligation.ExtraInput = { origin: "moten", id: "atgard-17", title: "Skicka underlag till IVO", due: "2026-12-04", responsible: "Socialstyrelsen", recipient: "IVO" }
 * @since 0.2.0
 */
export interface Extra {
  readonly origin: string
  readonly assignment?: string | undefined
  readonly id: string
  readonly kind: Assignment.ObligationKind
  readonly title: string
  readonly due: CalendarDate.CalendarDate
  readonly responsible: string
  readonly recipient: string
  readonly contents: ReadonlyArray<string>
  readonly source?: string | undefined
}
/**
 * The input form of {@link Extra}: dates as text, `kind` and `contents` optional.
 *
 * @example
 * const item: Obligation.ExtraInput = { origin: "moten", id: "atgard-1", title: "Återkoppla till SKR", due: "2026-12-04", responsible: "Socialstyrelsen", recipient: "SKR" }
 * @since 0.2.0
 */
export interface ExtraInput extends Omit<Extra, "kind" | "due" | "contents"> {
  readonly kind?: Assignment.ObligationKind | undefined
  readonly due: string
  readonly contents?: ReadonlyArray<string> | undefined
}
/**
 * zod schema of an extra duty (annotated because core's branded date type
 * cannot be named in an inferred declaration).
 *
 * @example
 * Obligation.ExtraSchema.safeParse({ origin: "moten", id: "a", title: "T", due: "2026-12-04", responsible: "S", recipient: "R" }).success // true
 * @since 0.2.0
 */
export const ExtraSchema: z.ZodType<Extra, ExtraInput> = z.strictObject({
  origin: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "origin får bara innehålla a–z, 0–9, - och _"),
  assignment: z.string().min(1).optional(),
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "id får bara innehålla a–z, 0–9, - och _"),
  kind: KindSchema.default("ovrigt"),
  title: z.string().min(1),
  due: CalendarDate.schema,
  responsible: z.string().min(1),
  recipient: z.string().min(1),
  contents: z.array(z.string().min(1)).default([]),
  source: z.string().min(1).optional()
})

/**
 * A date recorded for a duty whose date the decision left to someone else
 * (`dueSetBy`), e.g. the date Socialstyrelsen sets for the regions'
 * reporting of the 2026 funds.
 *
 * @example
 * const set: Obligation.DueDateInput = { assignment: "S2025/01528", obligation: "regionernas-redovisning-2026", due: "2027-02-28" }
 * @since 0.2.0
 */
export interface DueDate {
  readonly assignment: string
  readonly obligation: string
  readonly due: CalendarDate.CalendarDate
  /** The day the date was set; on an earlier as-of date it is not yet known. */
  readonly setOn?: CalendarDate.CalendarDate | undefined
}
/**
 * The input form of {@link DueDate}.
 *
 * @example
 * const set: Obligation.DueDateInput = { assignment: "S2025/01528", obligation: "regionernas-redovisning-2026", due: "2027-02-26" }
 * @since 0.2.0
 */
export interface DueDateInput extends Omit<DueDate, "due" | "setOn"> {
  readonly due: string
  readonly setOn?: string | undefined
}
/**
 * zod schema of a recorded due date.
 *
 * @example
 * Obligation.DueDateSchema.safeParse({ assignment: "S2025/01528", obligation: "x", due: "2027-02-30" }).success // false
 * @since 0.2.0
 */
export const DueDateSchema: z.ZodType<DueDate, DueDateInput> = z.strictObject({
  assignment: z.string().min(1),
  obligation: z.string().min(1),
  due: CalendarDate.schema,
  setOn: CalendarDate.schema.optional()
})

/**
 * A reference to an assignment that is not in the catalog.
 *
 * @example
 * new Obligation.UnknownAssignment({ reference: "S2099/00001", context: "--assignment" }).message
 * @since 0.2.0
 */
export class UnknownAssignment extends Data.TaggedError("UnknownAssignment")<{
  readonly reference: string
  /** Where the reference was given, e.g. `--assignment` or `åtgärdspunkt atgard-17`. */
  readonly context: string
}> {
  override get message(): string {
    return `${this.context}: uppdraget ${this.reference} finns inte i katalogen`
  }
}

/**
 * A reference to a duty the assignment (or origin) does not have.
 *
 * @example
 * new Obligation.UnknownObligation({ assignment: "S2025/01528", obligation: "x", context: "inlämning" }).message
 * @since 0.2.0
 */
export class UnknownObligation extends Data.TaggedError("UnknownObligation")<{
  readonly assignment: string
  readonly obligation: string
  readonly context: string
}> {
  override get message(): string {
    return `${this.context}: ${this.assignment} har ingen skyldighet med id ${this.obligation}`
  }
}

/**
 * A recorded date for a duty that already has one in the decision, or two
 * different ids given the same identity.
 *
 * @example
 * new Obligation.Conflict({ key: "specialiserad-psykiatri-2026/rekvisition-2026", reason: "har redan ett datum i beslutet (2026-05-18)" }).message
 * @since 0.2.0
 */
export class Conflict extends Data.TaggedError("ObligationConflict")<{
  readonly key: string
  readonly reason: string
}> {
  override get message(): string {
    return `${this.key}: ${this.reason}`
  }
}

/**
 * Every way {@link collect} can refuse, told apart by `_tag`.
 *
 * @example
 * if (error._tag === "UnknownAssignment") console.error(error.message)
 * @since 0.2.0
 */
export type CollectError = UnknownAssignment | UnknownObligation | Conflict | ValidationError


/**
 * The stable identity of a duty: `<assignment id or origin>/<obligation id>`.
 * Calendar UIDs and recorded submissions are keyed by it.
 *
 * @example
 * Obligation.key(o) // "tvangsvard-2024/delredovisning-2026-11-30"
 * @since 0.2.0
 */
export const key = (o: Pick<Obligation, "assignmentId" | "origin" | "id">): string => `${o.assignmentId ?? o.origin}/${o.id}`

/**
 * Whether a duty belongs to the assignment named by `reference` (its id, any
 * of its diary numbers, or for extra duties their origin).
 *
 * @example
 * Obligation.belongsTo(o, "S2024/01004") // true for the compulsory-care assignment's duties
 * @since 0.2.0
 */
export const belongsTo = (o: Obligation, reference: string): boolean => {
  if (o.assignmentId === reference || (o.assignmentId === null && o.origin === reference)) return true
  const parsed = DiaryNumber.parse(reference)
  if (Result.isFailure(parsed)) return false
  return o.diaryNumbers.some((d) => DiaryNumber.equals(DiaryNumber.unsafeParse(d), parsed.success))
}

/**
 * Finds an assignment by id or any of its diary numbers.
 *
 * @example
 * Obligation.findAssignment(catalog.assignments, "S2026/00095")?.id // "specialiserad-psykiatri-2026"
 * @since 0.2.0
 */
export const findAssignment = (
  assignments: ReadonlyArray<Assignment.Assignment>,
  reference: string
): Assignment.Assignment | undefined => assignments.find((a) => a.id === reference) ?? assignments.find((a) => Assignment.matches(a, reference))

const fromAssignment = (a: Assignment.Assignment, o: Assignment.ReportingObligation): Obligation => ({
  assignmentId: a.id,
  assignment: Assignment.mainDiaryNumber(a),
  assignmentTitle: a.title,
  diaryNumbers: a.diaryNumbers,
  origin: "katalog",
  id: o.id,
  kind: o.kind,
  title: o.title,
  due: o.due,
  dueSetBy: o.dueSetBy ?? null,
  responsible: o.responsible,
  recipient: o.recipient,
  contents: o.contents,
  citeDiaryNumber: o.citeDiaryNumber,
  source: o.source
})

const decodeAll = <T>(schema: z.ZodType<T>, values: ReadonlyArray<unknown>, source: string): Result.Result<Array<T>, ValidationError> => {
  const out: Array<T> = []
  const issues = values.flatMap((value, i) => {
    const parsed = schema.safeParse(value, { reportInput: true })
    if (parsed.success) {
      out.push(parsed.data)
      return []
    }
    return fromZodIssues(parsed.error.issues).map((issue) => ({ ...issue, path: issue.path === "" ? `[${i}]` : `[${i}].${issue.path}` }))
  })
  return issues.length > 0 ? Result.fail(new ValidationError({ source, issues })) : Result.succeed(out)
}

/**
 * Every duty of every assignment, plus extra duties (meeting action items)
 * and the dates recorded for duties whose date someone else sets (those set
 * after `asOf`, when given, are not yet known). Extra
 * duties and dates are validated here (they are edges: files, the store);
 * every problem is a tagged error naming the item.
 *
 * @example
 * Obligation.collect(catalog.assignments, {
 *   extra: [{ origin: "moten", id: "atgard-1", title: "Återkoppla till SKR", due: "2026-12-04", responsible: "Socialstyrelsen", recipient: "SKR" }],
 *   dueDates: [{ assignment: "S2025/01528", obligation: "regionernas-redovisning-2026", due: "2027-02-28" }]
 * })
 * @since 0.2.0
 */
export const collect = (
  assignments: ReadonlyArray<Assignment.Assignment>,
  options: { extra?: ReadonlyArray<unknown>; dueDates?: ReadonlyArray<unknown>; asOf?: CalendarDate.CalendarDate } = {}
): Result.Result<Array<Obligation>, CollectError> => {
  const all = assignments.flatMap((a) => a.obligations.map((o) => fromAssignment(a, o)))
  const extras = decodeAll(ExtraSchema, options.extra ?? [], "extra skyldigheter")
  if (Result.isFailure(extras)) return Result.fail(extras.failure)
  const seen = new Set(all.map(key))
  for (const extra of extras.success) {
    let owner: Assignment.Assignment | undefined
    if (extra.assignment !== undefined) {
      owner = findAssignment(assignments, extra.assignment)
      if (owner === undefined) return Result.fail(new UnknownAssignment({ reference: extra.assignment, context: `${extra.origin}/${extra.id}` }))
    }
    const o: Obligation = {
      assignmentId: owner?.id ?? null,
      assignment: owner === undefined ? null : Assignment.mainDiaryNumber(owner),
      assignmentTitle: owner?.title ?? null,
      diaryNumbers: owner?.diaryNumbers ?? [],
      origin: extra.origin,
      id: extra.id,
      kind: extra.kind,
      title: extra.title,
      due: extra.due,
      dueSetBy: null,
      responsible: extra.responsible,
      recipient: extra.recipient,
      contents: extra.contents,
      citeDiaryNumber: false,
      source: extra.source ?? extra.origin
    }
    if (seen.has(key(o))) return Result.fail(new Conflict({ key: key(o), reason: "finns redan" }))
    seen.add(key(o))
    all.push(o)
  }
  const dates = decodeAll(DueDateSchema, options.dueDates ?? [], "fastställda datum")
  if (Result.isFailure(dates)) return Result.fail(dates.failure)
  for (const set of dates.success) {
    if (options.asOf !== undefined && set.setOn !== undefined && set.setOn > options.asOf) continue
    const owner = findAssignment(assignments, set.assignment)
    if (owner === undefined) return Result.fail(new UnknownAssignment({ reference: set.assignment, context: "fastställt datum" }))
    const index = all.findIndex((o) => o.assignmentId === owner.id && o.id === set.obligation)
    const target = all[index]
    if (target === undefined) return Result.fail(new UnknownObligation({ assignment: set.assignment, obligation: set.obligation, context: "fastställt datum" }))
    if (target.dueSetBy === null) return Result.fail(new Conflict({ key: key(target), reason: `har redan ett datum i beslutet (${target.due ?? "–"})` }))
    if (target.due !== null && target.due !== set.due) {
      return Result.fail(new Conflict({ key: key(target), reason: `två olika datum har fastställts (${target.due} och ${set.due})` }))
    }
    all[index] = { ...target, due: set.due }
  }
  return Result.succeed(all)
}
