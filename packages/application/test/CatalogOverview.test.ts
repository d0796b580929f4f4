import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { afterAll, describe, expect, it } from "vitest"
import { CatalogOverview, CatalogSource, Table } from "../src/index.js"

const dir = mkdtempSync(join(tmpdir(), "uppdrag-katalog-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const entries = () => Effect.runPromise(CatalogOverview.list.pipe(Effect.provide(CatalogSource.layer())))
const byId = async (id: string) => (await entries()).find((e) => e.assignment.id === id)!

describe("CatalogOverview.list (built-in catalog)", () => {
  it("seed 003: the 2026 assignment decides 1 500 000 000 kr; planned years do not count", async () => {
    const entry = await byId("specialiserad-psykiatri-2026")
    expect(entry.assignment.funding.some((f) => f.planned)).toBe(true)
    expect(entry.funds).toBe(1_500_000_000)
    expect(entry.funds).toBe(entry.assignment.funding.filter((f) => !f.planned).reduce((sum, f) => sum + f.total, 0))
  })

  it("seed 001: the 2012 agreement decides 56 500 000 kr; an underlag has no funding (null, shown as –)", async () => {
    expect((await byId("heldygnsvard-2012")).funds).toBe(56_500_000)
    const underlag = await byId("underlag-specialiserad-psykiatri-2026")
    expect(underlag.funds).toBeNull()
    const funds = CatalogOverview.columns.find((c) => c.field === "funds")!
    expect(Table.display(funds, funds.value(underlag))).toBe("–")
  })

  it("a year that is only planned counts as nothing, not as no funding", () => {
    expect(CatalogOverview.fundsOf({ funding: [{ year: 2027, total: 5, planned: true }] as never })).toBe(0)
    expect(CatalogOverview.fundsOf({ funding: [] })).toBeNull()
  })

  it("the JSON record carries the funds the table shows, and the table's fields", async () => {
    const entry = await byId("specialiserad-psykiatri-2026")
    expect(CatalogOverview.record(entry)).toMatchObject({ id: "specialiserad-psykiatri-2026", kind: "regeringsuppdrag", funds: 1_500_000_000, diaryNumbers: ["S2025/01528", "S2025/02071", "S2026/00095 (delvis)"] })
    expect(Table.record(CatalogOverview.columns, entry)).toMatchObject({ diaryNumber: "S2025/01528", kind: "Regeringsuppdrag", decided: "2026-01-22", funds: 1_500_000_000 })
  })
})

describe("CatalogOverview.validate and entry", () => {
  it("counts the decisions of the files named, also in the built-in catalog; a bad file is refused with every problem", () => {
    const builtin = fileURLToPath(new URL("../../core/catalog", import.meta.url))
    expect(Result.getOrThrow(CatalogOverview.validate([builtin]))).toEqual({ checked: 5 })
    const bad = join(dir, "fel.yaml")
    writeFileSync(bad, "id: fel\nkind: regeringsuppdrag\ndecided: 2026-02-30\n")
    const refused = CatalogOverview.validate([bad])
    expect(Result.isFailure(refused) && refused.failure._tag).toBe("CatalogInvalid")
    expect(Result.isFailure(refused) && refused.failure.errors.length).toBeGreaterThan(0)
  })

  it("an entry is found by diary number, else refused naming the option", async () => {
    const catalog = Result.getOrThrow(CatalogSource.load())
    expect(Result.getOrThrow(CatalogOverview.entry("S2024/01004", catalog)).id).toBe("tvangsvard-2024")
    const unknown = CatalogOverview.entry("S1999/00001", catalog)
    expect(Result.isFailure(unknown) && unknown.failure.message).toBe("--compare: S1999/00001 finns inte i katalogen (ange ett id, ett diarienummer eller en katalogfil)")
    expect(CatalogOverview.consultedParties(catalog).map((p) => p.id)).toContain("ivo")
  })
})
