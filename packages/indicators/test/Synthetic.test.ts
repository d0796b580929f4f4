import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { Cube, Denominator, Synthetic } from "../src/index.js"

describe("synthetic data calibrated to seed 001", async () => {
  const years = { from: 2011, to: 2024 }
  const text = [...Synthetic.episodes({ seed: 1 })].join("")
  const population = Denominator.make(Synthetic.population({ seed: 1 }), years)
  if (!("values" in population)) throw new Error("population")
  const cube = Result.getOrThrow(await Cube.fromEpisodes([new TextEncoder().encode(text)], "syntetisk.csv", { years, population }))
  const at = (careForm: Cube.Coordinates["careForm"], sex: "K" | "M" | "T") => Cube.get(cube, { year: 2023, region: "00", sex, ageGroup: "alla", careForm })!.patients!

  it("seed 001: 'Under 2023 vårdades knappt 12 000 patienter i slutenvård enligt LPT. Av dessa var hälften kvinnor'", () => {
    expect(at("sluten-lpt", "T")).toBeGreaterThan(11_500)
    expect(at("sluten-lpt", "T")).toBeLessThan(12_000)
    expect(at("sluten-lpt", "K") / at("sluten-lpt", "T")).toBeCloseTo(0.5, 1)
  })

  it("seed 001: 'ungefär 1 500 patienter … enligt lagen om rättspsykiatrisk vård. Av dessa var 87 procent män'", () => {
    expect(Math.abs(at("domstols-lrv", "T") - 1500)).toBeLessThan(100)
    expect(Math.abs(at("domstols-lrv", "M") / at("domstols-lrv", "T") - 0.87)).toBeLessThan(0.02)
  })

  it("has the real shape: 21 regions, 2011–2024, every care form and age group, and is labelled synthetic", () => {
    for (const careForm of ["sluten-lpt", "oppen-lpt", "domstols-lrv", "akut-lrv", "oppen-lrv"] as const) expect(at(careForm, "T")).toBeGreaterThan(0)
    expect(Cube.get(cube, { year: 2011, region: "09", sex: "T", ageGroup: "alla", careForm: "sluten-lpt" })!.patients).toBeGreaterThan(0)
    expect(Cube.get(cube, { year: 2023, region: "00", sex: "T", ageGroup: "0-17", careForm: "sluten-lpt" })!.patients).toBeGreaterThan(0)
    expect(text.split("\n")[1]).toMatch(/^SYN\d{8},/)
    expect(Synthetic.label).toMatch(/^SYNTETISKA DATA/)
    expect(Synthetic.population({ seed: 1 })).toHaveLength(21 * 2 * 8 * 14)
  })

  it("the same seed gives the same data, another seed other data", () => {
    expect([...Synthetic.episodes({ seed: 1, episodes: 2000 })].join("")).toBe([...Synthetic.episodes({ seed: 1, episodes: 2000 })].join(""))
    expect([...Synthetic.episodes({ seed: 2, episodes: 2000 })].join("")).not.toBe([...Synthetic.episodes({ seed: 1, episodes: 2000 })].join(""))
  })
})
