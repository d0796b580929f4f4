import type { CalendarDate } from "@uppdrag/core"
import { createRequire } from "node:module"
import type { Temporal } from "temporal-polyfill"

// The Temporal polyfill (about 55 kB, and Intl's time-zone data on first use) is required when a
// wall-clock time is first converted, not by every import of the package.
let polyfill: typeof import("temporal-polyfill") | undefined

/** Temporal (the polyfill's, or the engine's own where it has one), loaded on the first call. */
export const temporal = (): typeof Temporal => {
  polyfill ??= createRequire(import.meta.url)("temporal-polyfill") as typeof import("temporal-polyfill")
  return polyfill.Temporal
}

/** The only time zone meetings are held in; every wall-clock time is read in it. */
export const zone = "Europe/Stockholm"

/** `HH:MM`, 24-hour clock. */
export const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/

/**
 * The instant a Stockholm wall-clock time denotes. A time skipped by the
 * spring change (02:00–03:00 on the last Sunday of March) is refused rather
 * than silently moved, and so is the doubled hour of the autumn change,
 * unless `disambiguation` is `compatible` (Temporal's default: the earlier of
 * a doubled time, an hour later for a skipped one).
 */
export const instant = (
  date: CalendarDate.CalendarDate,
  time: string,
  disambiguation: "reject" | "compatible" = "reject"
): Temporal.Instant | undefined => {
  const match = timePattern.exec(time)
  if (match === null) return undefined
  try {
    return temporal().ZonedDateTime.from(
      { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)), hour: Number(match[1]), minute: Number(match[2]), timeZone: zone },
      { disambiguation }
    ).toInstant()
  } catch {
    return undefined
  }
}

/** The start of a Stockholm day as an instant (midnight always exists in Sweden). */
export const startOfDay = (date: CalendarDate.CalendarDate): Temporal.Instant => instant(date, "00:00")!

/** Wall-clock `HH:MM` of an instant in Stockholm, and its date. */
export const local = (at: Temporal.Instant): { date: string; time: string; offset: string } => {
  const z = at.toZonedDateTimeISO(zone)
  return {
    date: z.toPlainDate().toString(),
    time: `${String(z.hour).padStart(2, "0")}:${String(z.minute).padStart(2, "0")}`,
    offset: z.offset
  }
}

/** Minutes since midnight of `HH:MM`. */
export const minutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))

/** `HH:MM` after adding minutes (may pass midnight; callers keep meetings within a day). */
export const addMinutes = (time: string, add: number): string => {
  const total = (minutes(time) + add) % (24 * 60)
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`
}
