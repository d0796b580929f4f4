import type { MiddlewareHandler } from "hono"

/**
 * Rendered pages kept in memory, least recently used dropped first. The site
 * is read-only and a page depends only on its URL, the day (pages default to
 * today) and the data version (the store's state), so those three make the
 * key; a new day or a new event in the store simply misses the cache.
 *
 * @example
 * app.use("*", PageCache.middleware(PageCache.make(500), async () => `${site.today()}|${await site.dataVersion()}`))
 */
export interface PageCache {
  readonly capacity: number
  readonly entries: Map<string, { readonly status: number; readonly contentType: string; readonly body: string }>
}

/** An empty cache holding at most `capacity` pages. */
export const make = (capacity: number): PageCache => ({ capacity, entries: new Map() })

/**
 * Serves a cached copy of a successful HTML page, or renders it and keeps it.
 * Only 200 responses with `text/html` are kept (errors and downloads never are).
 *
 * @example
 * app.use("*", PageCache.middleware(cache, () => site.today()))
 */
export const middleware =
  (cache: PageCache, context: () => string | Promise<string>): MiddlewareHandler =>
  async (c, next) => {
    const url = new URL(c.req.url)
    const key = `${url.pathname}${url.search}|${await context()}`
    const hit = cache.entries.get(key)
    if (hit !== undefined) {
      cache.entries.delete(key)
      cache.entries.set(key, hit)
      c.header("Cache-Control", "no-cache")
      c.header("Content-Type", hit.contentType)
      return c.body(hit.body, hit.status as 200)
    }
    await next()
    const contentType = c.res.headers.get("content-type") ?? ""
    if (c.res.status !== 200 || !contentType.startsWith("text/html")) return
    const body = await c.res.clone().text()
    cache.entries.set(key, { status: c.res.status, contentType, body })
    if (cache.entries.size > cache.capacity) {
      const oldest = cache.entries.keys().next().value
      if (oldest !== undefined) cache.entries.delete(oldest)
    }
  }
