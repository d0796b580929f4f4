import { afterAll, describe, expect, it } from "vitest"
import * as Palette from "../src/charts/Palette.js"
import * as WebApp from "../src/WebApp.js"
import { allPages as pages, makeStoredSite } from "./support/TestSite.js"

const attribute = (tag: string, name: string): string | undefined => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1]

describe("charts readable without colour (issue 12, WCAG 1.4.11)", async () => {
  const stored = await makeStoredSite()
  const app = WebApp.make(stored.site, { pageCache: 0 })
  afterAll(() => stored.close())
  const html = async (path: string) => (await app.request(path)).text()

  it("the palette: neighbouring series differ by at least 3:1, and every series has 3:1 against the white page and separators", () => {
    const count = Palette.styles.length
    expect(count % 2).toBe(0)
    for (let i = 0; i < count; i++) {
      const here = Palette.style(i).fill
      const next = Palette.style(i + 1).fill
      expect(Palette.contrast(here, next), `${here} / ${next}`).toBeGreaterThanOrEqual(3)
      expect(Palette.contrast(here, Palette.background), here).toBeGreaterThanOrEqual(3)
    }
    // The old colours (#1d5f96, #6c3d91, #00703c) failed: 1.1–1.2:1 between neighbours.
    expect(Palette.contrast("#1d5f96", "#6c3d91")).toBeLessThan(1.3)
    expect(Palette.contrast("#000000", "#ffffff")).toBeCloseTo(21, 5)
  })

  it("Fördelning's stacked bars: each neighbouring pair of segments, as drawn, has at least 3:1, a white separator, and the third component a hatch", async () => {
    const page = await html("/fordelning/specialiserad-psykiatri-2026")
    const patterns = new Map([...page.matchAll(/<pattern id="([^"]+)"[^>]*><rect [^>]*fill="([^"]+)"/g)].map((m) => [m[1] ?? "", m[2] ?? ""]))
    const colour = (fill: string) => (fill.startsWith("url(#") ? patterns.get(fill.slice(5, -1)) : fill) ?? fill
    const bars = new Map<string, Array<{ x: number; fill: string; stroke: string | undefined }>>()
    for (const m of page.matchAll(/<rect class="bar bar-\d+"[^>]*>/g)) {
      const tag = m[0]
      const y = attribute(tag, "y") ?? ""
      bars.set(y, [...(bars.get(y) ?? []), { x: Number(attribute(tag, "x")), fill: attribute(tag, "fill") ?? "", stroke: attribute(tag, "stroke") }])
    }
    expect(bars.size).toBe(21)
    for (const segments of bars.values()) {
      expect(segments).toHaveLength(3)
      segments.sort((a, b) => a.x - b.x)
      for (const s of segments) expect(s.stroke).toBe(Palette.background)
      for (let i = 1; i < segments.length; i++) expect(Palette.contrast(colour(segments[i - 1]!.fill), colour(segments[i]!.fill))).toBeGreaterThanOrEqual(3)
      expect(segments[2]?.fill).toMatch(/^url\(#fordelningsdiagram-monster-2\)$/)
    }
    // The key shows the hatch too.
    expect(page).toMatch(/<ul class="legend">[\s\S]*?<path d="M1 9L9 1/)
  })

  it("the line chart over years: one marker shape per series, its own dash, the key with both", async () => {
    const page = await html("/indikatorer")
    const shapes = [0, 1, 2].map((s) => new Set([...page.matchAll(new RegExp(`<(circle|rect|path) class="dot dot-${s}"[^>]*>`, "g"))].map((m) => `${m[1]}${m[1] === "path" ? (attribute(m[0], "d")?.match(/L/g)?.length ?? 0) : ""}`)))
    const present = shapes.filter((s) => s.size > 0)
    expect(present.length).toBeGreaterThanOrEqual(2)
    for (const s of present) expect(s.size).toBe(1)
    expect(new Set(present.map((s) => [...s][0])).size).toBe(present.length)
    const dashes = [...page.matchAll(/<path class="line line-(\d)"[^>]*>/g)].map((m) => attribute(m[0], "stroke-dasharray") ?? "solid")
    expect(new Set(dashes).size).toBe(dashes.length)
    expect(page).toMatch(/<svg class="swatch-line"/)
  })

  it.each(pages)("%s: every id is unique, and every aria-labelledby and label names one", async (path) => {
    const page = await html(path)
    const ids = [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? "")
    const seen = new Set<string>()
    const twice = ids.filter((id) => seen.has(id) || !seen.add(id))
    expect(twice, path).toEqual([])
    for (const m of page.matchAll(/\s(?:aria-labelledby|for)="([^"]+)"/g)) for (const id of (m[1] ?? "").split(" ")) expect(seen.has(id), `${path}: ${id}`).toBe(true)
    for (const m of page.matchAll(/url\(#([^)]+)\)/g)) expect(seen.has(m[1] ?? ""), `${path}: ${m[1]}`).toBe(true)
  })
})
