import { describe, expect, it } from "vitest"
import { Migration } from "../src/index.js"

describe("Migration", () => {
  it("versions run 1, 2, … without gaps, each with statements for both databases", () => {
    expect(Migration.all.map((m) => m.version)).toEqual(Migration.all.map((_, i) => i + 1))
    expect(Migration.latest).toBe(Migration.all.length)
    for (const m of Migration.all) {
      expect(m.sqlite.length).toBeGreaterThan(0)
      expect(m.postgres.length).toBeGreaterThan(0)
    }
  })

  it("pending lists what an older database still needs, up to a target", () => {
    expect(Migration.pending(0).map((m) => m.version)).toEqual([1, 2, 3, 4, 5])
    expect(Migration.pending(1).map((m) => m.version)).toEqual([2, 3, 4, 5])
    expect(Migration.pending(0, 1).map((m) => m.version)).toEqual([1])
    expect(Migration.pending(Migration.latest)).toEqual([])
  })
})
