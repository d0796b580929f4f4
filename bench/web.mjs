// The web view's speed: server time per request (in process, no network)
// and requests per second with autocannon on loopback, for Översikt and
// Fördelning, side by side in the same run with nginx (Debian's) serving the
// same pages saved as static files; plus each page's weight (HTML + CSS + JS).
//
//   node bench/web.mjs [seconds] [nginx-workers] [events]   (default 10 s per load run, 1 worker, 300000 events; build first: npm run build)
//
// Last, a log of [events] events (default 300 000, written with the adapter's bulk path): 200 concurrent
// connections on loopback for a bounded number of requests to the ledger, Översikt, Möten, a region page
// and the stylesheet, page cache off, first while the server folds the log at start-up and then after:
// latency p50/p99/max, errors and timeouts (issue 12: "200 concurrent requests all answer").
//
// The site reads a real SQLite event log (every region's 2026 requisition), as
// `uppdrag serve` does. The app server runs in a child process (one Node thread, as `uppdrag serve`)
// so autocannon's own work does not share its event loop. nginx runs with one
// worker for a like-for-like comparison (pass `auto` to use every core).
import { spawn, spawnSync } from "node:child_process"
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { createInterface } from "node:readline"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"

const dist = fileURLToPath(new URL("../apps/web/dist/index.js", import.meta.url))
if (!existsSync(dist)) {
  process.stderr.write(`${dist} saknas: bygg först (npm run build)\n`)
  process.exit(1)
}
const requireFromWeb = createRequire(new URL("../apps/web/package.json", import.meta.url))
const asOf = "2026-11-23"

const esm = (name) => requireFromWeb.resolve(name).replace(/index\.cjs$/, "index.js")

// A real SQLite event log, as `uppdrag serve` reads it: every region has
// requisitioned its whole 2026 allocation (21 events), so the ledger and the
// page cache's data version come from the database on every request.
const openStore = async (catalog) => {
  const { Store } = await import(esm("@uppdrag/store"))
  const { CatalogSource, EventLog, GrantState, Populations, Recording } = await import(esm("@uppdrag/application"))
  const Effect = await import(requireFromWeb.resolve("effect/Effect").replace(/\.cjs$/, ".js"))
  const Layer = await import(requireFromWeb.resolve("effect/Layer").replace(/\.cjs$/, ".js"))
  const folder = mkdtempSync(join(tmpdir(), "uppdrag-bench-db-"))
  process.once("exit", () => rmSync(folder, { recursive: true, force: true }))
  const location = { kind: "sqlite", path: join(folder, "uppdrag.db") }
  const opened = await Store.open(location)
  if (opened._tag !== "Success") throw new Error(opened.failure.message)
  const store = opened.success
  const layers = Layer.mergeAll(CatalogSource.layerOf(catalog), Populations.layerPublished, Layer.succeed(EventLog.EventLog, store))
  const found = await Effect.runPromise(GrantState.find("specialiserad-psykiatri-2026").pipe(Effect.provide(layers)))
  const outcome = await Effect.runPromise(GrantState.allocation(found.grant).pipe(Effect.provide(layers)))
  if (outcome._tag === "Allocated") {
    const events = outcome.allocation.rows.map((r) => ({ type: "requisition", grant: "specialiserad-psykiatri-2026", region: r.region, amount: r.total, date: "2026-04-15", recordedBy: "bench", note: "" }))
    await Effect.runPromise(Recording.record(events).pipe(Effect.provide(layers)))
  }
  await store.close()
  // Read-only, as `uppdrag serve` opens it.
  const reader = await Store.open(location, { readOnly: true })
  if (reader._tag !== "Success") throw new Error(reader.failure.message)
  return reader.success
}

const site = async (options) => {
  const { Site, WebApp } = await import(dist)
  const { CalendarDate, Catalog } = await import(esm("@uppdrag/core"))
  const catalog = Catalog.unsafeLoad()
  const eventLog = await openStore(catalog)
  const made = Site.make({ catalog, eventLog, today: () => CalendarDate.unsafeParse(asOf), log: (line) => process.stderr.write(`${line}\n`) })
  if (made._tag !== "Success") throw new Error(made.failure.join("\n"))
  await made.success.indicators()
  return WebApp.make(made.success, options)
}

/** A read-only SQLite log of `n` events: requisitions of 1 kr by the regions in turn, a meeting every 1 000th. */
const openLargeStore = async (n) => {
  const { Store } = await import(esm("@uppdrag/store"))
  const Effect = await import(requireFromWeb.resolve("effect/Effect").replace(/\.cjs$/, ".js"))
  const Result = await import(requireFromWeb.resolve("effect/Result").replace(/\.cjs$/, ".js"))
  const folder = mkdtempSync(join(tmpdir(), "uppdrag-bench-stor-"))
  process.once("exit", () => rmSync(folder, { recursive: true, force: true }))
  const location = { kind: "sqlite", path: join(folder, "uppdrag.db") }
  const opened = await Store.open(location)
  if (opened._tag !== "Success") throw new Error(opened.failure.message)
  const regions = ["01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17", "18", "19", "20", "21", "22", "23", "24", "25"]
  const grant = "specialiserad-psykiatri-2026"
  const events = Array.from({ length: n }, (_, i) => {
    const seq = i + 1
    const common = { seq, assignment: grant, recordedBy: "bench", note: "", reverses: null, obligation: null }
    return seq % 1000 === 0
      ? { ...common, type: "meeting", grant: null, region: null, amount: null, date: "2026-09-10", recordedAt: "2026-09-10T08:00:00.000Z", payload: { kind: "mote", id: `mote-${seq}`, title: "Samråd", date: "2026-09-10", assignment: grant, participants: ["ivo"], actionItems: [] } }
      : { ...common, type: "requisition", grant, region: regions[seq % regions.length], amount: 1, date: "2026-04-15", recordedAt: "2026-04-15T08:00:00.000Z", payload: null }
  })
  await Effect.runPromise(opened.success.append({ grants: new Set(), seqs: new Set(), assignments: new Set() }, () => Result.succeed(events)))
  await opened.success.close()
  const reader = await Store.open(location, { readOnly: true })
  if (reader._tag !== "Success") throw new Error(reader.failure.message)
  return reader.success
}

// Child mode: serve on a free loopback port and report it.
if (process.argv[2] === "--serve-large") {
  const { Site, WebApp, WebServer } = await import(dist)
  const { CalendarDate, Catalog } = await import(esm("@uppdrag/core"))
  const eventLog = await openLargeStore(Number(process.argv[3]))
  const made = Site.make({ catalog: Catalog.unsafeLoad(), eventLog, today: () => CalendarDate.unsafeParse(asOf), log: (line) => process.stderr.write(`${line}\n`) })
  if (made._tag !== "Success") throw new Error(made.failure.join("\n"))
  const running = await WebServer.listen(WebApp.make(made.success, process.argv[4] === "utan-cache" ? { pageCache: 0 } : {}), { port: 0, host: "127.0.0.1" })
  process.stdout.write(`${running.url}\n`)
  made.success.ready.then(() => process.stdout.write("klar\n"))
  process.on("SIGTERM", () => running.close().then(() => process.exit(0)))
} else if (process.argv[2] === "--serve") {
  const { WebServer } = await import(dist)
  const running = await WebServer.listen(await site(), { port: 0, host: "127.0.0.1" })
  process.stdout.write(`${running.url}\n`)
  process.on("SIGTERM", () => running.close().then(() => process.exit(0)))
} else {
  await main()
}

async function main() {
  const seconds = Number(process.argv[2] ?? 10)
  if (!Number.isFinite(seconds) || seconds <= 0) {
    process.stderr.write("sekunder måste vara ett positivt tal\n")
    process.exit(2)
  }
  const autocannon = requireFromWeb("autocannon")
  const pages = [
    { name: "Översikt", path: `/?datum=${asOf}`, file: "oversikt.html" },
    { name: "Fördelning", path: "/fordelning/specialiserad-psykiatri-2026", file: "fordelning.html" }
  ]
  const weightPages = [
    ...pages,
    { name: "Uppdrag", path: `/uppdrag/specialiserad-psykiatri-2026?datum=${asOf}` },
    { name: "Indikatorer", path: "/indikatorer" },
    { name: "Möten", path: `/moten?fran=${asOf}` },
    { name: "Tillgänglighetsredogörelse", path: "/tillganglighet" }
  ]

  // 1. Server time per request, in process (render + headers, no socket):
  // with the page cache (as served) and with rendering on every request.
  const app = await site()
  const uncached = await site({ pageCache: 0 })
  const serverTimes = []
  for (const [label, target] of [["", app], [" (utan cache)", uncached]])
  for (const page of pages) {
    for (let i = 0; i < 200; i++) await (await target.request(page.path)).text() // warm up
    const samples = []
    for (let i = 0; i < 2000; i++) {
      const start = process.hrtime.bigint()
      await (await target.request(page.path)).text()
      samples.push(Number(process.hrtime.bigint() - start) / 1e6)
    }
    samples.sort((a, b) => a - b)
    serverTimes.push({ page: `${page.name}${label}`, median: samples[1000], p95: samples[1900] })
  }

  // 2. Page weights: HTML + the one stylesheet; there is no JavaScript.
  const css = await (await app.request("/static/style.css")).text()
  const weights = []
  for (const page of weightPages) {
    const html = await (await app.request(page.path)).text()
    const bytes = Buffer.byteLength(html) + Buffer.byteLength(css)
    weights.push({ page: page.name, html: Buffer.byteLength(html), css: Buffer.byteLength(css), js: 0, total: bytes, gzip: gzipSync(html).length + gzipSync(css).length })
  }

  // 3. Load on loopback: the app (child process) and nginx with the same bytes.
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), "--serve"], { stdio: ["ignore", "pipe", "inherit"] })
  const appUrl = await new Promise((resolve, reject) => {
    child.stdout.once("data", (chunk) => resolve(String(chunk).trim()))
    child.once("exit", (code) => reject(new Error(`appservern avslutades (${code})`)))
  })
  const root = mkdtempSync(join(tmpdir(), "uppdrag-nginx-"))
  chmodSync(root, 0o755)
  const www = join(root, "www")
  mkdirSync(www)
  for (const page of pages) writeFileSync(join(www, page.file), await (await fetch(`${appUrl}${page.path}`)).text())
  mkdirSync(join(www, "static"))
  writeFileSync(join(www, "static", "style.css"), css)
  const nginxPort = 18000 + Math.floor(Math.random() * 1000)
  const workers = process.argv[3] ?? "1"
  if (!/^(\d+|auto)$/.test(workers)) {
    process.stderr.write("nginx-workers måste vara ett heltal eller auto\n")
    process.exit(2)
  }
  writeFileSync(
    join(root, "nginx.conf"),
    `worker_processes ${workers};
daemon off;
pid ${join(root, "nginx.pid")};
error_log ${join(root, "error.log")} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${join(root, "body")};
  proxy_temp_path ${join(root, "proxy")};
  fastcgi_temp_path ${join(root, "fastcgi")};
  uwsgi_temp_path ${join(root, "uwsgi")};
  scgi_temp_path ${join(root, "scgi")};
  types { text/html html; text/css css; }
  sendfile on;
  server {
    listen 127.0.0.1:${nginxPort};
    root ${www};
  }
}
`
  )
  const nginxBin = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p))
  let nginx
  if (nginxBin === undefined) process.stderr.write("nginx saknas (apt-get install -y nginx): jämförelsen hoppas över\n")
  else {
    const check = spawnSync(nginxBin, ["-t", "-c", join(root, "nginx.conf"), "-p", root], { encoding: "utf8" })
    if (check.status !== 0) throw new Error(`nginx -t: ${check.stderr}`)
    nginx = spawn(nginxBin, ["-c", join(root, "nginx.conf"), "-p", root], { stdio: "inherit" })
    for (let i = 0; i < 50; i++) {
      const ok = await fetch(`http://127.0.0.1:${nginxPort}/${pages[0].file}`).then((r) => r.ok, () => false)
      if (ok) break
      await new Promise((r) => setTimeout(r, 100))
    }
  }

  const load = async (url) => {
    await autocannon({ url, connections: 10, duration: 1 }) // warm up
    const result = await autocannon({ url, connections: 10, pipelining: 1, duration: seconds })
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} svar utan 2xx, ${result.errors} fel`)
    return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 }
  }
  const loads = []
  try {
    for (const page of pages) {
      const appRun = await load(`${appUrl}${page.path}`)
      const nginxRun = nginx === undefined ? undefined : await load(`http://127.0.0.1:${nginxPort}/${page.file}`)
      loads.push({ page: page.name, app: appRun, nginx: nginxRun })
    }
  } finally {
    child.kill("SIGTERM")
    nginx?.kill("SIGQUIT")
    await new Promise((r) => setTimeout(r, 300))
    rmSync(root, { recursive: true, force: true })
  }

  // 4. A large log: 200 concurrent connections, a bounded number of requests, while the log is folded and after,
  // with the page cache as `uppdrag serve` has it and with every page rendered.
  const events = Number(process.argv[4] ?? 300_000)
  const largePaths = ["/fordelning/specialiserad-psykiatri-2026", `/?datum=${asOf}`, "/moten?fran=2026-01-01", `/regioner/03?datum=${asOf}`, "/static/style.css"]
  const burst = async (url) => {
    const result = await autocannon({ url, connections: 200, amount: 2000, timeout: 30, requests: largePaths.map((path) => ({ method: "GET", path })) })
    return { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, ok: result["2xx"], non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts }
  }
  const bursts = []
  for (const cache of ["som serverad", "utan-cache"]) {
    const large = spawn(process.execPath, [fileURLToPath(import.meta.url), "--serve-large", String(events), cache], { stdio: ["ignore", "pipe", "inherit"] })
    const largeLines = createInterface({ input: large.stdout })[Symbol.asyncIterator]()
    const largeUrl = (await largeLines.next()).value
    const ready = largeLines.next()
    const label = cache === "utan-cache" ? "sidcache av" : "sidcache som serverad"
    try {
      bursts.push({ when: `${label}, under vikningen vid start`, ...(await burst(largeUrl)) })
      await ready
      bursts.push({ when: `${label}, därefter`, ...(await burst(largeUrl)) })
    } finally {
      large.kill("SIGTERM")
    }
  }

  const fmt = (n, d = 0) => n.toLocaleString("sv-SE", { minimumFractionDigits: d, maximumFractionDigits: d })
  process.stdout.write(`Webbvyn, ${seconds} s per lastkörning, 10 anslutningar, loopback (autocannon); nginx ${nginx === undefined ? "saknas" : `med ${workers} worker`}\n\n`)
  process.stdout.write("Servertid per förfrågan (i processen, 2 000 förfrågningar)\n")
  for (const t of serverTimes) process.stdout.write(`  ${t.page.padEnd(24)} median ${fmt(t.median, 3)} ms   p95 ${fmt(t.p95, 3)} ms\n`)
  process.stdout.write("\nFörfrågningar per sekund (medel), latens p50/p99\n")
  for (const l of loads) {
    const ratio = l.nginx === undefined ? "" : `   nginx/app ${fmt(l.nginx.rps / l.app.rps, 1)}×`
    process.stdout.write(
      `  ${l.page.padEnd(12)} app ${fmt(l.app.rps).padStart(8)}/s (${l.app.p50}/${l.app.p99} ms)` +
        (l.nginx === undefined ? "" : `   nginx ${fmt(l.nginx.rps).padStart(8)}/s (${l.nginx.p50}/${l.nginx.p99} ms)`) +
        `${ratio}\n`
    )
  }
  process.stdout.write(`\nStor logg: ${fmt(events)} händelser, 200 samtidiga anslutningar, 2 000 förfrågningar per körning (huvudbok, Översikt, Möten, region, stilmall)\n`)
  for (const b of bursts) {
    process.stdout.write(`  ${b.when.padEnd(46)} p50 ${fmt(b.p50)} ms  p99 ${fmt(b.p99)} ms  max ${fmt(b.max)} ms   svar 2xx ${fmt(b.ok)}, andra ${fmt(b.non2xx)}, fel ${fmt(b.errors)}, tidsgränser ${fmt(b.timeouts)}\n`)
  }
  process.stdout.write("\nSidvikt (HTML + CSS + JS; gzip inom parentes)\n")
  for (const w of weights) process.stdout.write(`  ${w.page.padEnd(28)} ${fmt(w.total / 1024, 1).padStart(6)} KB (HTML ${fmt(w.html / 1024, 1)} + CSS ${fmt(w.css / 1024, 1)} + JS 0; gzip ${fmt(w.gzip / 1024, 1)} KB)\n`)
}
