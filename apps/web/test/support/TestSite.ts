import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { CalendarDate, Catalog } from "@uppdrag/core"
import { Store } from "@uppdrag/store"
import { Result } from "effect"
import * as Site from "../../src/Site.js"
import * as WebApp from "../../src/WebApp.js"

/** The date every test looks from (issue 4's acceptance date), never today. */
export const asOf: CalendarDate.CalendarDate = CalendarDate.unsafeParse("2026-11-23")

/** Lines the app logged (unexpected failures); tests assert there are none. */
export const logged: Array<string> = []

const catalog = Catalog.unsafeLoad()
const sample = { seed: 2026, episodes: 60_000 }

/** The site over the built-in catalog alone (no store), seen from {@link asOf}. */
export const makeSite = (): Site.Site => Result.getOrThrow(Site.make({ catalog, today: () => asOf, log: (line) => logged.push(line), indicatorSample: sample }))

/** The app, for in-process requests (`app.request(path)`). */
export const makeApp = () => WebApp.make(makeSite())

/**
 * The site over a real SQLite event log in a temporary folder, holding:
 * seed 003's requisition by Uppsala (03) of its whole 58 203 923 kr on
 * 2026-04-15, the interim report of 2026-03-30 handed in on 2026-03-27, the
 * regions' reporting date set by Socialstyrelsen on 2026-11-20 to 2027-02-26, and
 * a meeting with IVO and Polismyndigheten on 2026-09-10. The web app gets the
 * store's read-only view only.
 */
export const makeStoredSite = async (): Promise<{ site: Site.Site; store: Store.Store; close: () => Promise<void> }> => {
  const folder = mkdtempSync(join(tmpdir(), "uppdrag-web-"))
  const bare = makeSite()
  const allocationOf = (grant: { id: string }): ReadonlyMap<string, number> => {
    const outcome = bare.allocations.get(grant.id)
    return outcome?._tag === "Allocated" ? new Map(outcome.allocation.rows.map((r) => [r.region, r.total])) : new Map()
  }
  const opened = await Store.open({ kind: "sqlite", path: join(folder, "uppdrag.db") }, { catalog, allocationOf })
  if (Result.isFailure(opened)) throw new Error(opened.failure.message)
  const store = opened.success
  const written = await store.append(
    [
      { type: "requisition", grant: "specialiserad-psykiatri-2026", region: "03", amount: 58_203_923, date: "2026-04-15", recordedBy: "test", note: "Rekvisition" },
      { type: "report", assignment: "specialiserad-psykiatri-2026", obligation: "delredovisning-2026-03-30", date: "2026-03-27", recordedBy: "test", note: "Inlämnad" },
      {
        type: "due-date",
        assignment: "specialiserad-psykiatri-2026",
        obligation: "regionernas-redovisning-2026",
        date: "2026-11-20",
        recordedBy: "test",
        note: "Socialstyrelsens anvisningar",
        payload: { due: "2027-02-26" }
      },
      {
        type: "meeting",
        assignment: "specialiserad-psykiatri-2026",
        date: "2026-09-10",
        recordedBy: "test",
        note: "Möte",
        payload: { kind: "mote", id: "samrad-2026-09-10", title: "Samråd om vårdkapacitet", date: "2026-09-10", assignment: "specialiserad-psykiatri-2026", participants: ["ivo", "polismyndigheten"], actionItems: [] }
      }
    ],
    { recordedAt: "2026-11-01T08:00:00.000Z" }
  )
  if (Result.isFailure(written)) throw new Error(written.failure.message)
  const site = { ...bare, store: { ledger: store.ledger, events: store.events, count: store.count } }
  return {
    site,
    store,
    close: async () => {
      await store.close()
      rmSync(folder, { recursive: true, force: true })
    }
  }
}
