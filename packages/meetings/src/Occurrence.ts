import { CalendarDate, Collation, type Issue } from "@uppdrag/core"
import type { Temporal } from "temporal-polyfill"
import { rrule } from "./internal/Rrule.js"
import { addMinutes, instant, local } from "./internal/StockholmTime.js"
import type { Series } from "./Series.js"

// Start times are `HH:MM`, zero-padded, so text order is clock order; a meeting without a time comes first.
const clockOrder = (a: string | undefined, b: string | undefined): number => {
  const x = a ?? ""
  const y = b ?? ""
  return x < y ? -1 : x > y ? 1 : 0
}

/**
 * One meeting of a series on one day. `start`/`end` are Stockholm wall-clock
 * times (absent for whole-day series) and `startUtc`/`endUtc` the instants
 * they denote, so a 13:00 meeting is 12:00Z in winter and 11:00Z in summer.
 *
 * @example
 * // { series: "digitala-moten", date: "2026-04-14", start: "13:00", startUtc: "2026-04-14T11:00:00Z",
 * //   status: "planerad", theme: "Individanpassad läkemedelsbehandling …" }
 * @since 0.2.0
 */
export interface Occurrence {
  readonly series: string
  readonly title: string
  readonly date: CalendarDate.CalendarDate
  readonly start?: string
  readonly end?: string
  readonly startUtc?: string
  readonly endUtc?: string
  /** `planerad` as the rule says, `flyttad` (moved here from `movedFrom`), `inställd` (cancelled). */
  readonly status: "planerad" | "flyttad" | "inställd"
  readonly movedFrom?: CalendarDate.CalendarDate
  readonly theme?: string
  readonly reason?: string
}

const compact = (date: CalendarDate.CalendarDate): string => date.replaceAll("-", "")

/**
 * The dates the series' rule yields in [from, to], before cancellations and moves.
 *
 * @since 0.2.0
 */
export const ruleDates = (
  series: Series,
  from: CalendarDate.CalendarDate,
  to: CalendarDate.CalendarDate
): Array<{ date: CalendarDate.CalendarDate; time: string | undefined; at?: Temporal.Instant }> => {
  const recurrence = series.recurrence
  if (recurrence.kind !== "regel") return []
  const last = recurrence.until === undefined ? to : CalendarDate.min(to, recurrence.until)
  const first = CalendarDate.max(from, recurrence.start)
  if (last < first) return []
  // Whole-day series are expanded at noon, a wall-clock time that exists every day. The rule is
  // expanded in UTC, which has no clock changes, so its hits are the wall-clock dates and times a
  // Stockholm TZID would give; only timed hits are then read in Stockholm time. (A time zone costs
  // some 20 ms of ICU data on first use, which whole-day series never need.)
  const clock = series.time ?? "12:00"
  const rule = new (rrule().RRuleTemporal)({
    rruleString: `DTSTART:${compact(recurrence.start)}T${clock.replace(":", "")}00\nRRULE:${recurrence.rule}`
  })
  const dayAfterLast = Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)) - 1, Number(last.slice(8, 10)) + 1)
  const hits = rule.between(new Date(`${first}T00:00:00Z`), new Date(dayAfterLast), true)
  // Filtered on the text first: a hit at the next midnight may be the day after 2199-12-31.
  const out: Array<{ date: CalendarDate.CalendarDate; time: string | undefined; at?: Temporal.Instant }> = []
  for (const utc of hits) {
    const day = utc.toPlainDate().toString()
    if (day < first || day > last) continue
    const date = CalendarDate.unsafeParse(day)
    if (series.time === undefined) {
      out.push({ date, time: undefined })
      continue
    }
    // As expanding in Stockholm time does: the doubled autumn hour is read as summer time (the
    // earlier), and a time the spring change skips yields no meeting that day.
    const at = instant(date, series.time, "compatible")
    if (at !== undefined && local(at).time === series.time) out.push({ date, time: series.time, at })
  }
  return out
}

const make = (
  series: Series,
  date: CalendarDate.CalendarDate,
  time: string | undefined,
  rest: Pick<Occurrence, "status"> & Partial<Occurrence>,
  at?: Temporal.Instant
): Occurrence => {
  const theme = series.themes.find((t) => t.date === date)?.theme
  const base: Occurrence = { series: series.id, title: series.title, date, ...rest, ...(theme === undefined ? {} : { theme }) }
  if (time === undefined) return base
  const end = addMinutes(time, series.durationMinutes)
  const startAt = at ?? instant(date, time)
  if (startAt === undefined) return { ...base, start: time, end }
  // ISO instants without milliseconds, e.g. 2026-04-14T11:00:00Z.
  const iso = (ms: number): string => new Date(ms).toISOString().replace(".000Z", "Z")
  return { ...base, start: time, end, startUtc: iso(startAt.epochMilliseconds), endUtc: iso(startAt.epochMilliseconds + series.durationMinutes * 60_000) }
}

/**
 * The occurrences of a series held between `from` and `to` (inclusive,
 * Stockholm dates): the rule's dates and the listed extra dates, with moved
 * occurrences on their new date, cancelled ones kept with status `inställd`,
 * and themes attached by date. Sorted by date and time.
 *
 * @example
 * Occurrence.between(series, CalendarDate.unsafeParse("2026-03-01"), CalendarDate.unsafeParse("2026-11-30"))
 * @since 0.2.0
 */
export const between = (series: Series, from: CalendarDate.CalendarDate, to: CalendarDate.CalendarDate): Array<Occurrence> => {
  const out: Array<Occurrence> = []
  const movedFrom = new Map(series.moves.map((m) => [m.from, m]))
  const cancelled = new Map(series.cancellations.map((c) => [c.date, c]))
  const cancelledOccurrence = (date: CalendarDate.CalendarDate, time: string | undefined, extra: Partial<Occurrence>, at?: Temporal.Instant): Occurrence => {
    const reason = cancelled.get(date)?.reason
    return make(series, date, time, { ...extra, status: "inställd", ...(reason === undefined ? {} : { reason }) }, at)
  }
  const regular: Array<{ date: CalendarDate.CalendarDate; time: string | undefined; at?: Temporal.Instant }> = [
    ...ruleDates(series, from, to),
    ...series.dates.filter((d) => d.date >= from && d.date <= to).map((d) => ({ date: d.date, time: d.time ?? series.time }))
  ]
  for (const { date, time, at } of regular) {
    if (movedFrom.has(date)) continue
    out.push(cancelled.has(date) ? cancelledOccurrence(date, time, {}, at) : make(series, date, time, { status: "planerad" }, at))
  }
  for (const move of series.moves) {
    if (move.to < from || move.to > to) continue
    if (!isScheduled(series, move.from)) continue
    const time = move.time ?? series.time
    const extra: Partial<Occurrence> = { movedFrom: move.from, ...(move.reason === undefined ? {} : { reason: move.reason }) }
    out.push(cancelled.has(move.to) ? cancelledOccurrence(move.to, time, extra) : make(series, move.to, time, { ...extra, status: "flyttad" }))
  }
  return out.sort((a, b) => (a.date === b.date ? clockOrder(a.start, b.start) : a.date < b.date ? -1 : 1))
}

/**
 * Whether the rule or the listed dates schedule a meeting on `date` (before moves).
 *
 * @since 0.2.0
 */
export const isScheduled = (series: Series, date: CalendarDate.CalendarDate): boolean =>
  series.dates.some((d) => d.date === date) || ruleDates(series, date, date).length > 0

/**
 * Occurrences of many series between two dates, merged in date order.
 *
 * @example
 * Occurrence.all(Series.unsafeLoad(), from, to)
 * @since 0.2.0
 */
export const all = (series: ReadonlyArray<Series>, from: CalendarDate.CalendarDate, to: CalendarDate.CalendarDate): Array<Occurrence> =>
  series
    .flatMap((s) => between(s, from, to))
    .sort((a, b) => (a.date === b.date ? clockOrder(a.start, b.start) || Collation.swedish(a.series, b.series) : a.date < b.date ? -1 : 1))

/**
 * Problems no schema can see: a theme, cancellation or move on a day the
 * series does not meet, a time that does not exist in Stockholm (skipped by
 * the spring change). Paths are relative to the series.
 *
 * @example
 * Occurrence.check(series) // [{ path: "themes[0].date", message: "serien har inget möte 2026-04-15" }]
 * @since 0.2.0
 */
export const check = (series: Series): Array<Issue & { at: Array<PropertyKey> }> => {
  const issues: Array<Issue & { at: Array<PropertyKey> }> = []
  const held = (date: CalendarDate.CalendarDate): boolean => (series.moves.some((m) => m.to === date) ? true : !series.moves.some((m) => m.from === date) && isScheduled(series, date))
  series.moves.forEach((m, i) => {
    if (!isScheduled(series, m.from)) issues.push({ at: ["moves", i, "from"], path: `moves[${i}].from`, message: `serien har inget möte ${m.from} att flytta` })
    const time = m.time ?? series.time
    if (time !== undefined && instant(m.to, time) === undefined) issues.push({ at: ["moves", i, "time"], path: `moves[${i}].time`, message: `${m.to} ${time} finns inte i svensk tid (sommartidens början)` })
  })
  series.cancellations.forEach((c, i) => {
    if (!held(c.date)) issues.push({ at: ["cancellations", i, "date"], path: `cancellations[${i}].date`, message: `serien har inget möte ${c.date} att ställa in` })
  })
  series.themes.forEach((t, i) => {
    if (!held(t.date)) issues.push({ at: ["themes", i, "date"], path: `themes[${i}].date`, message: `serien har inget möte ${t.date}` })
  })
  series.dates.forEach((d, i) => {
    const time = d.time ?? series.time
    if (time !== undefined && instant(d.date, time) === undefined) issues.push({ at: ["dates", i, "time"], path: `dates[${i}].time`, message: `${d.date} ${time} finns inte i svensk tid (sommartidens början)` })
  })
  return issues
}
