import { readFileSync, rmSync, statSync } from "node:fs"
import * as Effect from "effect/Effect"
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest"
import { settle } from "../../src/terminal/Settle.js"
import { assertBuilt, cleanUp, workspace } from "./Corpus.js"

// An unexpected failure (a bug, not bad input) never shows a stack on the
// terminal: one Swedish line naming a log file, exit 70; the file holds the
// stack, passwords hidden, readable only by the user. The failures nothing
// catches are raised by the documented fault injection UPPDRAG_FAULT
// (apps/cli/src/main.ts), so the process-wide handlers are tested as they run.

beforeAll(assertBuilt)
const logs: Array<string> = []
afterAll(() => {
  cleanUp()
  for (const file of logs) rmSync(file, { force: true })
})

const line = /^Oväntat fel i uppdrag \(ett programfel, inte fel i indata\); detaljer i (\S+uppdrag-fel-\d{8}T\d{9}Z-\d+\.log)\n$/
const url = "postgres://app:Hemligt4711@127.0.0.1:1/uppdrag?password=Annat4711"

const logOf = (stderr: string): string => {
  const file = line.exec(stderr)?.[1]
  expect(file, stderr).toBeDefined()
  logs.push(file!)
  expect(statSync(file!).mode & 0o777).toBe(0o600)
  return readFileSync(file!, "utf8")
}

describe("a failure nothing catches: one line, exit 70, the stack in the log file", () => {
  for (const fault of ["uncaught", "rejection"] as const) {
    it(`UPPDRAG_FAULT=${fault} during a command`, () => {
      const ws = workspace()
      ws.file("befintlig.txt", "orörd\n")
      const before = ws.fingerprint()
      const run = ws.uppdrag(["catalog", "list"], { env: { UPPDRAG_FAULT: fault, DATABASE_URL: url } })
      expect(run.code).toBe(70)
      expect(run.stderr).toMatch(line)
      expect(run.stderr).not.toMatch(/^\s+at /m)
      const log = logOf(run.stderr)
      expect(log).toContain(`Error: injected fault (UPPDRAG_FAULT=${fault})`)
      expect(log).toMatch(/^\s+at /m)
      expect(log).toContain("kommando: uppdrag catalog list")
      expect(log).toContain("postgres://app:***@127.0.0.1:1/uppdrag?password=***")
      expect(log).not.toContain("4711")
      expect(ws.fingerprint()).toEqual(before)
    })
  }
})

describe("a defect in a command's outcome (the path every command's failure takes)", () => {
  afterEach(() => vi.restoreAllMocks())

  it("prints one line, returns 70 and logs the stack with passwords hidden", async () => {
    let stderr = ""
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk)
      return true
    })
    const code = await settle(Effect.die(new TypeError(`cannot read properties of undefined while talking to ${url}`)))
    vi.restoreAllMocks()
    expect(code).toBe(70)
    expect(stderr).toMatch(line)
    const log = logOf(stderr)
    expect(log).toMatch(/TypeError: cannot read properties of undefined while talking to postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/uppdrag\?password=\*\*\*/)
    expect(log).toMatch(/^\s+at /m)
    expect(log).not.toContain("4711")
  })
})
