import { CalendarDate } from "@uppdrag/core"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"

/**
 * Today's date in Sweden (Europe/Stockholm) by Effect's `Clock`, so a test
 * fixes it with `TestClock` and every use case sees the same day.
 *
 * @example
 * const asOf = yield* Today.today
 * @since 0.2.0
 */
export const today: Effect.Effect<CalendarDate.CalendarDate> = Effect.map(Clock.currentTimeMillis, (millis) => CalendarDate.today(new Date(millis)))

/**
 * The instant events are recorded at: ISO 8601 in UTC with milliseconds.
 *
 * @example
 * const recordedAt = yield* Today.now // "2026-12-02T09:14:03.120Z"
 * @since 0.2.0
 */
export const now: Effect.Effect<string> = Effect.map(Clock.currentTimeMillis, (millis) => new Date(millis).toISOString())
