import type { Event } from "@uppdrag/application"
import { afterAll, describe, expect, it } from "vitest"
import { versionTtlMs } from "../src/Site.js"
import * as WebApp from "../src/WebApp.js"
import { makeStoredSite, plainTables, record } from "./support/TestSite.js"

const stored = await makeStoredSite()
afterAll(() => stored.close())

const stockholmRow = (html: string): string => {
  const start = html.indexOf("Liggare för statsbidrag 2026")
  const row = html.slice(start).match(/<tr><th scope="row">(?:<a [^>]*>)?Stockholms län(?:<\/a>)?<\/th>(.*?)<\/tr>/)
  return row?.[1] ?? ""
}

describe("the page cache never outlives the data", () => {
  it("a requisition recorded after a page was cached shows once the log size is read again", async () => {
    const app = plainTables(WebApp.make(stored.site))
    const before = await (await app.request("/fordelning/specialiserad-psykiatri-2026")).text()
    // Stockholm (01) has requisitioned nothing yet: the second cell (Rekvirerat) is 0 kr.
    expect(stockholmRow(before)).toContain('<td class="num">0\u00a0kr</td>')
    const written = await record(stored.store, [
      { type: "requisition", grant: "specialiserad-psykiatri-2026", region: "01", amount: 347_393_632, date: "2026-05-04", recordedBy: "test", note: "" }
    ] as unknown as ReadonlyArray<Event.NewEvent>)
    expect(written).toHaveLength(1)
    await new Promise((resolve) => setTimeout(resolve, versionTtlMs + 50))
    const after = await (await app.request("/fordelning/specialiserad-psykiatri-2026")).text()
    expect(stockholmRow(after)).toBe('<td class="num">347\u00a0393\u00a0632\u00a0kr</td><td class="num">347\u00a0393\u00a0632\u00a0kr</td><td class="num">0\u00a0kr</td><td class="num">0\u00a0kr</td><td class="num">0\u00a0kr</td><td class="num">0\u00a0kr</td><td class="num">0\u00a0kr</td>')
  })
})
