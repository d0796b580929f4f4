import { afterAll, beforeAll, describe, it } from "vitest"
import { assertBuilt, cleanUp, refusedUnchanged, workspace } from "./Corpus.js"

// The simplest bad input: a call the program does not understand. Usage
// errors exit 2 with commander's message translated to Swedish.

beforeAll(assertBuilt)
afterAll(cleanUp)

describe("usage errors: exit 2, Swedish, nothing written", () => {
  it("an unknown command", () => {
    const ws = workspace()
    ws.file("befintlig.txt", "orörd\n")
    refusedUnchanged(ws, ["fördela"], 2, /fördela/)
  })

  it("an unknown option", () => {
    const ws = workspace()
    refusedUnchanged(ws, ["deadlines", "--som-av", "2026-12-01"], 2, /--som-av/)
  })

  it("a format the command does not write", () => {
    const ws = workspace()
    refusedUnchanged(ws, ["deadlines", "--format", "pdf"], 2, /--format/)
  })
})
