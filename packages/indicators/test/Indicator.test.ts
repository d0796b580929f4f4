import { describe, expect, it } from "vitest"
import { Indicator } from "../src/index.js"

describe("indicator definitions", () => {
  it("every definition is valid, with a unique id", () => {
    for (const indicator of Indicator.all) expect(Indicator.schema.safeParse(indicator).success).toBe(true)
    expect(new Set(Indicator.all.map((i) => i.id)).size).toBe(Indicator.all.length)
  })

  it("seed 000 asks for statistics on LPT and LRV split by sex: counts and rates per care form, by sex", () => {
    for (const id of ["lpt-sluten-patienter", "lpt-oppen-per100k", "lrv-domstol-patienter", "lrv-domstol-per100k"]) expect(Indicator.find(id)?.bySex).toBe(true)
  })

  it("seed 003's purposes have follow-up measures: beds, self-admission, transitions BUP–VUP", () => {
    const followUp = Indicator.all.filter((i) => i.kind === "uppfoljning").map((i) => i.id)
    expect(followUp).toEqual(expect.arrayContaining(["vardplatser-vuxenpsykiatri-per100k", "sjalvvald-inlaggning-platser", "overgang-bup-vup-strukturerad-overlamning"]))
    expect(Indicator.find("vardplatser-vuxenpsykiatri-per100k")?.higherIsBetter).toBe(true)
  })
})
