import { CalendarDate, Catalog } from "@uppdrag/core"
import { Result } from "effect"
import * as Site from "../../src/Site.js"
import * as WebApp from "../../src/WebApp.js"

/** The date every test looks from (issue 4's acceptance date), never today. */
export const asOf: CalendarDate.CalendarDate = CalendarDate.unsafeParse("2026-11-23")

/** Lines the app logged (unexpected failures); tests assert there are none. */
export const logged: Array<string> = []

/** The site over the built-in catalog, seen from {@link asOf}. */
export const makeSite = (): Site.Site =>
  Result.getOrThrow(
    Site.make({ catalog: Catalog.unsafeLoad(), today: () => asOf, log: (line) => logged.push(line), indicatorSample: { seed: 2026, episodes: 60_000 } })
  )

/** The app, for in-process requests (`app.request(path)`). */
export const makeApp = () => WebApp.make(makeSite())
