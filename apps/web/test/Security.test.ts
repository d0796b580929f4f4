import { afterAll, beforeAll, describe, expect, it } from "vitest"
import * as WebServer from "../src/WebServer.js"
import { send } from "./support/Http.js"
import { logged, makeApp } from "./support/TestSite.js"

const app = makeApp()
let server: WebServer.Running
beforeAll(async () => {
  server = await WebServer.listen(app, { port: 0, host: "127.0.0.1" })
})
afterAll(async () => {
  await server.close()
  expect(logged).toEqual([])
})
const pages = ["/", "/uppdrag", "/uppdrag/specialiserad-psykiatri-2026", "/tillganglighet"]

describe("read-only by construction", () => {
  it.each(["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "MKCOL"])("%s is refused with 405 and Allow: GET, HEAD", async (method) => {
    for (const path of ["/", "/uppdrag", "/finns-inte", "/static/style.css", "/tidsfrister.csv"]) {
      const response = await send(server.url, method, path, method === "TRACE" ? undefined : "x=1")
      expect(response.status).toBe(405)
      expect(response.headers.allow).toBe("GET, HEAD")
      expect(response.headers["x-content-type-options"]).toBe("nosniff")
      expect(response.body).toContain("skrivskyddad")
    }
  })

  it("HEAD answers like GET without a body", async () => {
    for (const path of pages) {
      const get = await app.request(path)
      const head = await app.request(path, { method: "HEAD" })
      expect(head.status).toBe(200)
      expect(head.headers.get("content-type")).toBe(get.headers.get("content-type"))
      expect(await head.text()).toBe("")
    }
  })
})

describe("security headers on every response", () => {
  it.each([...pages, "/static/style.css", "/finns-inte", "/?datum=igår"])("%s", async (path) => {
    const response = await app.request(path)
    const csp = response.headers.get("content-security-policy") ?? ""
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("style-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain("unsafe-inline")
    expect(csp).not.toContain("script-src")
    expect(response.headers.get("x-content-type-options")).toBe("nosniff")
    expect(response.headers.get("referrer-policy")).toBe("no-referrer")
    expect(response.headers.get("x-frame-options")).toBe("DENY")
  })

  it("pages carry no inline script or style", async () => {
    for (const path of pages) {
      const html = await (await app.request(`${path}?datum=2026-11-23`.replace("/uppdrag?", "/uppdrag/specialiserad-psykiatri-2026?").replace("/tillganglighet?datum=2026-11-23", "/tillganglighet"))).text()
      expect(html).not.toMatch(/<script/i)
      expect(html).not.toMatch(/<style/i)
      expect(html).not.toMatch(/\sstyle=/i)
      expect(html).not.toMatch(/\son[a-z]+=/i)
    }
  })
})

describe("query parameters are validated: 400 with a Swedish message, never a 500", () => {
  it.each([
    ["/?datum=2026-02-30", "datum: 2026-02-30 är inte ett giltigt datum"],
    ["/?datum=igår", "datum: \"igår\" är inte ett datum på formen ÅÅÅÅ-MM-DD"],
    ["/?datum=", "datum: \"\" är inte ett datum på formen ÅÅÅÅ-MM-DD"],
    ["/?datum=2026-11-23&datum=2026-11-24", "datum: parametern får bara anges en gång"],
    ["/?sida=2", "sida: okänd parameter"],
    ["/uppdrag?datum=2026-11-23", "datum: okänd parameter"],
    ["/tidsfrister.csv?datum=31/12", "datum: \"31/12\" är inte ett datum på formen ÅÅÅÅ-MM-DD"],
    ["/uppdrag/specialiserad-psykiatri-2026?datum=<script>", "datum: \"&lt;script&gt;\" är inte ett datum"],
    ["/?datum=%ZZ", "datum: \"%ZZ\" är inte ett datum"],
    ["/?%ZZ=1", "%ZZ: okänd parameter"],
    ["/?datum=2026-11-23%00", "är inte ett datum på formen ÅÅÅÅ-MM-DD"]
  ])("%s", async (path, message) => {
    const response = await app.request(path)
    expect(response.status).toBe(400)
    expect(response.headers.get("content-type")).toContain("text/html")
    const html = await response.text()
    expect(html).toContain("Felaktig parameter")
    expect(html).toContain(message.replaceAll('"', "&quot;"))
    expect(html).not.toMatch(/at .*\.(ts|js):\d+/)
  })
})

describe("no directory traversal", () => {
  it.each([
    "/static/../package.json",
    "/static/%2e%2e/%2e%2e/package.json",
    "/static/..%2f..%2fpackage.json",
    "/static/style.css/../../src/Site.ts",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/static/..%5c..%5cpackage.json",
    "/uppdrag/..%2f..%2fpackage.json",
    "/static/style.css%00.txt",
    "/static//etc/passwd",
    "//etc/passwd",
    "/static/style.css?../../package.json",
    "/uppdrag/%ZZ",
    "/fordelning/%E0%A4%A",
    "/uppdrag/%2e%2e%2f%2e%2e%2fpackage.json"
  ])("%s is not found", async (path) => {
    const response = await send(server.url, "GET", path)
    expect([404, 400]).toContain(response.status)
    expect(response.body).not.toContain('"name": "@uppdrag/web"')
    expect(response.body).not.toContain("root:")
    expect(response.body).not.toContain("Result.getOrThrow")
  })

  it("unknown assignment is a Swedish 404", async () => {
    const response = await app.request("/uppdrag/finns-inte")
    expect(response.status).toBe(404)
    expect(await response.text()).toContain("Det finns inget uppdrag med id finns-inte i katalogen.")
  })
})
