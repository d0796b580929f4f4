import type { Command, Option } from "commander"
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest"
import { makeProgram, run } from "../../src/program.js"
import { valueKind } from "../../src/terminal/Options.js"
import { assertBuilt, cleanUp, refusedUnchanged, workspace } from "./Corpus.js"

// One exit-code rule for every option of every command (docs/decisions.md,
// apps/cli README): a malformed value of an option of fixed form (a date, a
// number, an amount, a word from a fixed list), an unknown option or a
// missing value is a usage error, exit 2; a well-formed name that names
// nothing known is refused, exit 1. The table is read from the command
// definitions, so a new option is covered the day it is added.

beforeAll(assertBuilt)
afterAll(cleanUp)

interface Leaf {
  readonly path: ReadonlyArray<string>
  readonly command: Command
}

const leaves = (command: Command, path: ReadonlyArray<string> = []): Array<Leaf> =>
  command.commands.flatMap((sub) => (sub.commands.length > 0 ? leaves(sub, [...path, sub.name()]) : [{ path: [...path, sub.name()], command: sub }]))

const all = leaves(makeProgram(() => async () => undefined))
const takesValue = (option: Option): boolean => option.required || option.optional
const valueName = (option: Option): string => /<([^>]+)>/.exec(option.flags)?.[1] ?? ""

// A malformed value for each value name of a form option (never a valid one).
const malformed: Readonly<Record<string, string>> = {
  datum: "2026-02-30",
  dagar: "tolv",
  antal: "många",
  nummer: "tre",
  tal: "tre",
  belopp: "tio kronor",
  år: "tjugo",
  typ: "finns-inte",
  status: "finns-inte"
}

// What a command needs besides the option under test to get as far as checking it (files need not exist).
const required: Readonly<Record<string, ReadonlyArray<string>>> = {
  start: ["--no-serve"],
  "catalog validate": ["katalog.yaml"],
  "catalog draft": ["beslut.pdf"],
  allocate: ["--grant", "specialiserad-psykiatri-2026", "--population", "befolkning.csv"],
  "indicators compute": ["--episodes", "episoder.csv"],
  "indicators show": ["lpt-sluten-per100k"],
  "indicators publish": ["kub.json", "--by", "Analytiker"],
  "indicators sample": ["--out", "exempel"],
  "meetings coverage": ["--assignment", "specialiserad-psykiatri-2026"],
  "meetings record": ["mote.yaml"],
  "db export": ["export.json"],
  "db import": ["export.json"],
  ledger: ["--grant", "specialiserad-psykiatri-2026"]
}
const argsOf = (leaf: Leaf): ReadonlyArray<string> => required[leaf.path.join(" ")] ?? []

describe("the table covers every command", () => {
  it("reads the commands and every option's kind from the definitions", () => {
    expect(all.map((l) => l.path.join(" "))).toEqual(expect.arrayContaining(["start", "deadlines", "allocate", "record requisition", "record reversal", "serve", "db import"]))
    for (const leaf of all) {
      for (const option of leaf.command.options.filter(takesValue)) {
        const kind = valueKind(option)
        expect(kind, `${leaf.path.join(" ")} ${option.flags}`).toBeDefined()
        // Every option of fixed form has a malformed value in the table, or commander's choices.
        if (kind === "form" && option.argChoices === undefined) expect(malformed[valueName(option)], `${leaf.path.join(" ")} ${option.flags}`).toBeDefined()
      }
    }
  })
})

// Commander's own usage errors, in process: the same `run` the program runs, stopped before any action.
describe("unknown options, missing values and values outside the choices: exit 2 on every command", () => {
  let stderr = ""
  beforeEach(() => {
    stderr = ""
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk)
      return true
    })
    vi.spyOn(process.stdout, "write").mockImplementation(() => true)
  })
  afterEach(() => vi.restoreAllMocks())

  for (const leaf of all) {
    const name = leaf.path.join(" ")
    it(`${name}: an unknown option`, async () => {
      expect(await run([...leaf.path, ...argsOf(leaf), "--finns-inte"])).toBe(2)
      expect(stderr).toContain("fel: okänt alternativ '--finns-inte'")
    })
    for (const option of leaf.command.options.filter((o) => o.required)) {
      it(`${name}: ${option.long} without its value`, async () => {
        expect(await run([...leaf.path, ...argsOf(leaf), option.long!])).toBe(2)
        expect(stderr).toMatch(new RegExp(`fel: alternativet '${option.flags.replace(/[|]/g, "\\|")}' saknar värde`))
      })
    }
    for (const option of leaf.command.options.filter((o) => o.argChoices !== undefined)) {
      it(`${name}: ${option.long} finns-inte (choices ${option.argChoices!.join(", ")})`, async () => {
        expect(await run([...leaf.path, ...argsOf(leaf), option.long!, "finns-inte"])).toBe(2)
        expect(stderr).toContain(`fel: ogiltigt värde 'finns-inte' för alternativet '${option.flags}'`)
        expect(stderr).not.toMatch(/^\s+at /m)
      })
    }
  }
})

// Values the commands check themselves, as a user meets them: the built CLI in a folder of its own,
// no database given (so a usage error that opened one would leave data/uppdrag.db behind).
describe("a malformed value of an option of fixed form: exit 2 on every command, naming the option, nothing written", () => {
  for (const leaf of all) {
    const name = leaf.path.join(" ")
    for (const option of leaf.command.options.filter((o) => takesValue(o) && valueKind(o) === "form" && o.argChoices === undefined)) {
      const value = malformed[valueName(option)]!
      it(`${name} ${option.long} ${value}`, () => {
        const ws = workspace()
        ws.file("befintlig.txt", "orörd\n")
        // One line names both the option and the value, in either order.
        const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
        refusedUnchanged(ws, [...leaf.path, ...argsOf(leaf), option.long!, value], 2, new RegExp(`^(?=.*${option.long}\\b)(?=.*${escaped}).*$`, "m"))
      })
    }
  }
})

describe("a well-formed name that names nothing known: exit 1, nothing written", () => {
  const cases: ReadonlyArray<readonly [ReadonlyArray<string>, RegExp]> = [
    [["allocate", "--grant", "finns-inte-2026", "--population", "befolkning.csv"], /--grant: okänt statsbidrag "finns-inte-2026"/],
    [["ledger", "--grant", "finns-inte-2026"], /--grant: okänt statsbidrag "finns-inte-2026"/],
    [["deadlines", "--assignment", "S2099/00001"], /--assignment: uppdraget "S2099\/00001" finns inte i katalogen/],
    [["meetings", "coverage", "--assignment", "S2099/00001"], /--assignment: okänt uppdrag "S2099\/00001"/],
    [["meetings", "agreements", "--region", "99"], /--region: okänd region "99"/],
    [["indicators", "show", "finns-inte"], /okänd indikator "finns-inte"/]
  ]
  for (const [args, message] of cases) {
    it(args.join(" "), () => {
      const ws = workspace()
      ws.file("befolkning.csv", "region,population\n")
      refusedUnchanged(ws, args, 1, message)
    })
  }
})
