import { execFileSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"

// What importing the built package loads: no holiday library (holidays are
// computed) and no iCalendar library until Calendar.toIcs is called.
const dist = (file: string): string => new URL(`../dist/${file}`, import.meta.url).pathname
const core = new URL("../node_modules/@uppdrag/core/dist/index.js", import.meta.url).pathname

describe("imports of the built package", () => {
  it("the build imports neither date-holidays, moment nor ical-generator at load", () => {
    for (const file of ["index.js"]) {
      const text = readFileSync(dist(file), "utf8")
      expect(text.match(/(?:from\s*|require\()["'](?:date-holidays|moment[^"']*|ical-generator)["']/g), file).toBeNull()
    }
  })

  it("ical-generator is loaded by the first Calendar.toIcs, not by evaluating deadlines", () => {
    const script = `import { createRequire } from "node:module"
const { Catalog, CalendarDate } = await import(${JSON.stringify(core)})
const { Calendar, Deadline, Obligation } = await import(${JSON.stringify(dist("index.js"))})
const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((m) => /[\\\\/]ical-generator[\\\\/]/.test(m))
const deadlines = Deadline.evaluate(Obligation.collect(Catalog.unsafeLoad().assignments).success, { asOf: CalendarDate.unsafeParse("2026-11-23") }).success
const before = loaded()
Calendar.toIcs(deadlines, { generatedAt: "2026-11-23T08:00:00Z" })
process.stdout.write(JSON.stringify([before, loaded()]))`
    expect(JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }))).toEqual([false, true])
  })

  it("require('@uppdrag/deadlines').Calendar.toIcs works from CommonJS (Node 20.19+ requires the ES module)", () => {
    const script = `const { Calendar } = require(${JSON.stringify(dist("index.js"))})
process.stdout.write(Calendar.toIcs([], { generatedAt: "2026-11-23T08:00:00Z" }))`
    const ics = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//uppdrag//tidsfrister//SV\r\n")).toBe(true)
    expect(ics.trimEnd().endsWith("END:VCALENDAR")).toBe(true)
  })
})
