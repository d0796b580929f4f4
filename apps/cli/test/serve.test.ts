import { spawnSync } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { launch as launchCommand, stop } from "./support/Serving.js"

// The built CLI, run as a user runs it: `node apps/cli/dist/bin.cjs serve …`.
const bin = fileURLToPath(new URL("../dist/bin.cjs", import.meta.url))
const dir = mkdtempSync(join(tmpdir(), "uppdrag-cli-serve-"))
const env = { ...process.env, NO_COLOR: "1", DATABASE_URL: "", UPPDRAG_DB: "" }
delete (env as Record<string, string | undefined>).DATABASE_URL
delete (env as Record<string, string | undefined>).UPPDRAG_DB

afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Starts `uppdrag serve` and resolves with the URL it prints once listening. */
const start = (...args: Array<string>) => launch("serve", ...args)

/** Starts an `uppdrag` command that ends by serving, resolving once it listens. */
const launch = (...args: Array<string>) => launchCommand(args, { cwd: dir, env })

describe("uppdrag start (the README's main command)", () => {
  it("creates the database, prints the deadlines overview, then serves the web view from that database", async () => {
    const db = join(dir, "start", "uppdrag.db")
    const { child, url } = await launch("start", "--as-of", "2026-11-23", "--db", db, "--port", "0")
    expect(spawnSync("ls", [join(dir, "start")], { encoding: "utf8" }).stdout).toContain("uppdrag.db")
    const page = await fetch(`${url}/?datum=2026-11-23`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain("<h1>Översikt</h1>")
    expect(await stop(child)).toBe(0)
  })
})

describe("uppdrag serve", () => {
  it("serves Översikt on 127.0.0.1, refuses POST with 405, and stops cleanly on SIGTERM (exit 0)", async () => {
    const { child, url, stderr } = await start("--port", "0")
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const page = await fetch(`${url}/?datum=2026-11-23`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain("<h1>Översikt</h1>")
    const post = await fetch(`${url}/`, { method: "POST", body: "x=1" })
    expect(post.status).toBe(405)
    expect(post.headers.get("allow")).toBe("GET, HEAD")
    // No database file exists in the working folder: none is created, the catalog is shown.
    expect(stderr()).toContain("finns inte")
    expect(spawnSync("ls", [dir], { encoding: "utf8" }).stdout).not.toContain("data")
    expect(await stop(child)).toBe(0)
  })

  it("refuses a port in use with a Swedish message and exit code 1", async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve))
    const port = (blocker.address() as { port: number }).port
    const result = spawnSync(process.execPath, [bin, "serve", "--port", String(port)], { cwd: dir, env, encoding: "utf8" })
    blocker.close()
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(`Porten ${port} på 127.0.0.1 används redan`)
  })

  it.each([["abc"], ["70000"], ["-1"]])("--port %s is a usage error (exit 2)", (port) => {
    const result = spawnSync(process.execPath, [bin, "serve", "--port", port], { cwd: dir, env, encoding: "utf8" })
    expect(result.status).toBe(2)
    expect(result.stderr).toContain("--port")
  })

  it("--help explains the command in Swedish with examples", () => {
    const result = spawnSync(process.execPath, [bin, "serve", "--help"], { cwd: dir, env, encoding: "utf8" })
    expect(result.status).toBe(0)
    expect(result.stdout).toContain("skrivskyddad")
    expect(result.stdout).toContain("$ uppdrag serve --port 8080")
  })
})
