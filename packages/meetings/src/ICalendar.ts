import { createRequire } from "node:module"
import { CalendarDate } from "@uppdrag/core"
import ICAL from "ical.js"
import { instant, zone } from "./internal/StockholmTime.js"
import * as Occurrence from "./Occurrence.js"
import type { Meeting } from "./Meeting.js"
import type { Series } from "./Series.js"

/**
 * What every exported calendar carries besides its events.
 *
 * @since 0.2.0
 */
export interface Options {
  /** DTSTAMP of every event, an ISO instant (`2026-11-23T08:00:00Z`); pass it so output is reproducible. */
  readonly stamp: string
  /** Calendar name shown by clients (X-WR-CALNAME). */
  readonly name?: string
  /** Party id → display name, to list participants by name. */
  readonly partyNames?: ReadonlyMap<string, string>
}

const domain = "uppdrag.socialstyrelsen.se"

// CommonJS that reads its zone files from its own folder (`__dirname/zones`), so it is required from
// this package on first use: never bundled (the CLI's bundle would look for the zones beside itself),
// and not loaded by an import of the package that writes no calendar.
let icalTimezones: typeof import("@touch4it/ical-timezones") | undefined
const timezones = (): typeof import("@touch4it/ical-timezones") =>
  (icalTimezones ??= createRequire(import.meta.url)("@touch4it/ical-timezones") as typeof import("@touch4it/ical-timezones"))

const calendar = (options: Options): ICAL.Component => {
  const cal = new ICAL.Component(["vcalendar", [], []])
  cal.updatePropertyWithValue("prodid", "-//Socialstyrelsen//uppdrag//SV")
  cal.updatePropertyWithValue("version", "2.0")
  cal.updatePropertyWithValue("calscale", "GREGORIAN")
  cal.updatePropertyWithValue("method", "PUBLISH")
  if (options.name !== undefined) cal.updatePropertyWithValue("x-wr-calname", options.name)
  cal.updatePropertyWithValue("x-wr-timezone", zone)
  const vtimezone = timezones().getVtimezoneComponent(zone)
  if (vtimezone === null) throw new Error(`no VTIMEZONE for ${zone}`)
  cal.addSubcomponent(new ICAL.Component(ICAL.parse(vtimezone) as Array<unknown>))
  return cal
}

const parts = (date: CalendarDate.CalendarDate) => CalendarDate.parts(date)

const localTime = (date: CalendarDate.CalendarDate, time: string | undefined): ICAL.Time => {
  const { year, month, day } = parts(date)
  if (time === undefined) return ICAL.Time.fromData({ year, month, day, isDate: true })
  return ICAL.Time.fromData({ year, month, day, hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)), second: 0, isDate: false })
}

/** A DATE or a DATE-TIME in Stockholm (TZID parameter), the form Outlook reads as local time. */
const dateProperty = (name: string, date: CalendarDate.CalendarDate, time: string | undefined): ICAL.Property => {
  const property = new ICAL.Property(name)
  if (time === undefined) property.resetType("date")
  else property.setParameter("tzid", zone)
  property.setValue(localTime(date, time))
  return property
}

/** DTEND of a whole-day event: the day after (exclusive), counted by iCalendar so that 2199-12-31 still has one. */
const dayAfterProperty = (name: string, date: CalendarDate.CalendarDate): ICAL.Property => {
  const property = dateProperty(name, date, undefined)
  const end = localTime(date, undefined)
  end.adjust(1, 0, 0, 0)
  property.setValue(end)
  return property
}

const utc = (iso: string): ICAL.Time => {
  const t = ICAL.Time.fromDateTimeString(iso.replace(/Z$/, "").replace(/\.\d+$/, ""))
  t.zone = ICAL.Timezone.utcTimezone
  return t
}

const event = (uid: string, options: Options): ICAL.Component => {
  const ev = new ICAL.Component("vevent")
  ev.updatePropertyWithValue("uid", uid)
  ev.updatePropertyWithValue("dtstamp", utc(options.stamp))
  return ev
}

const timing = (ev: ICAL.Component, date: CalendarDate.CalendarDate, time: string | undefined, durationMinutes: number): void => {
  ev.addProperty(dateProperty("dtstart", date, time))
  if (time === undefined) ev.addProperty(dayAfterProperty("dtend", date))
  else ev.updatePropertyWithValue("duration", ICAL.Duration.fromSeconds(durationMinutes * 60))
}

const themed = (series: Series, date: CalendarDate.CalendarDate): string | undefined => series.themes.find((t) => t.date === date)?.theme

/**
 * A series as iCalendar: one recurring VEVENT (RRULE, RDATE for listed
 * dates, EXDATE for cancellations) plus one override per moved or themed
 * occurrence (RECURRENCE-ID), with the Europe/Stockholm VTIMEZONE so clients
 * keep the local time across daylight saving. Series without a rule
 * become one VEVENT per listed date.
 *
 * @example
 * ICalendar.series(Series.unsafeLoad(), { stamp: "2026-11-23T08:00:00Z", name: "Möten" })
 * @since 0.2.0
 */
export const series = (list: ReadonlyArray<Series>, options: Options): string => {
  const cal = calendar(options)
  for (const s of list) {
    const description = [s.purpose, s.audience === undefined ? undefined : `Målgrupp: ${s.audience}`, s.interval === undefined ? undefined : `Intervall: ${s.interval}`]
      .filter((x) => x !== undefined)
      .join("\n")
    const base = (ev: ICAL.Component, date: CalendarDate.CalendarDate | undefined): void => {
      const theme = date === undefined ? undefined : themed(s, date)
      ev.updatePropertyWithValue("summary", theme === undefined ? s.title : `${s.title} – Tema: ${theme}`)
      if (description !== "") ev.updatePropertyWithValue("description", theme === undefined ? description : `Tema: ${theme}\n${description}`)
    }
    const recurrence = s.recurrence
    if (recurrence.kind !== "regel") {
      for (const d of s.dates) {
        if (s.cancellations.some((c) => c.date === d.date)) continue
        const move = s.moves.find((m) => m.from === d.date)
        const date = move?.to ?? d.date
        const ev = event(`${s.id}-${d.date}@${domain}`, options)
        timing(ev, date, move?.time ?? d.time ?? s.time, s.durationMinutes)
        base(ev, date)
        cal.addSubcomponent(ev)
      }
      continue
    }
    const uid = `${s.id}@${domain}`
    const master = event(uid, options)
    // RFC 5545 counts DTSTART as the first instance, so it must be the rule's
    // first date, not a `start` the rule does not match (a Thursday for BYDAY=FR).
    const first = Occurrence.ruleDates(s, recurrence.start, CalendarDate.addBounded(recurrence.start, 400))[0]?.date
    if (first === undefined) continue
    timing(master, first, s.time, s.durationMinutes)
    base(master, undefined)
    let rule = recurrence.rule
    if (recurrence.until !== undefined) {
      // The last second of the until day, Stockholm time (23:59 exists every day).
      const end = instant(recurrence.until, "23:59")!.add({ seconds: 59 })
      rule += s.time === undefined ? `;UNTIL=${recurrence.until.replaceAll("-", "")}` : `;UNTIL=${end.toString().replace(/[-:]/g, "").replace(/\.\d+/, "")}`
    }
    master.addPropertyWithValue("rrule", ICAL.Recur.fromString(rule))
    for (const d of s.dates) master.addProperty(dateProperty("rdate", d.date, d.time ?? s.time))
    for (const c of s.cancellations) {
      const moved = s.moves.find((m) => m.to === c.date)
      master.addProperty(dateProperty("exdate", moved?.from ?? c.date, s.time))
    }
    cal.addSubcomponent(master)
    // Overrides: moved occurrences and themed ones other than the first.
    const cancelled = new Set(s.cancellations.map((c) => c.date))
    for (const m of s.moves) {
      if (cancelled.has(m.to)) continue
      const ev = event(uid, options)
      ev.addProperty(dateProperty("recurrence-id", m.from, s.time))
      timing(ev, m.to, m.time ?? s.time, s.durationMinutes)
      base(ev, m.to)
      cal.addSubcomponent(ev)
    }
    for (const t of s.themes) {
      if (cancelled.has(t.date) || s.moves.some((m) => m.to === t.date || m.from === t.date)) continue
      const ev = event(uid, options)
      ev.addProperty(dateProperty("recurrence-id", t.date, s.time))
      timing(ev, t.date, s.time, s.durationMinutes)
      base(ev, t.date)
      cal.addSubcomponent(ev)
    }
  }
  return cal.toString().replace(/\r?\n/g, "\r\n").concat("\r\n")
}

/**
 * Single meetings as iCalendar, one VEVENT each, in Stockholm time (whole
 * day when the meeting has no start time). Participants are listed in the
 * description by name.
 *
 * @example
 * ICalendar.meetings([meeting], { stamp: "2026-11-23T08:00:00Z", partyNames })
 * @since 0.2.0
 */
export const meetings = (list: ReadonlyArray<Meeting>, options: Options): string => {
  const cal = calendar(options)
  for (const m of list) {
    const ev = event(`${m.id}@${domain}`, options)
    ev.addProperty(dateProperty("dtstart", m.date, m.start))
    if (m.start === undefined) ev.addProperty(dayAfterProperty("dtend", m.date))
    else if (m.end !== undefined) ev.addProperty(dateProperty("dtend", m.date, m.end))
    ev.updatePropertyWithValue("summary", m.title)
    const names = m.participants.map((id) => options.partyNames?.get(id) ?? id)
    const description = [`Deltagare: ${names.join(", ")}`, ...(m.notes === undefined ? [] : [m.notes]), ...m.actionItems.map((a) => `Åtgärd: ${a.title} (${a.owner}, senast ${a.due})`)].join("\n")
    ev.updatePropertyWithValue("description", description)
    cal.addSubcomponent(ev)
  }
  return cal.toString().replace(/\r?\n/g, "\r\n").concat("\r\n")
}
