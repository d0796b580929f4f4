/**
 * A minimal browser over real HTTP for sign-in tests: it keeps cookies per
 * host (like a browser: not per port, honouring Path, Max-Age and deletion),
 * follows redirects one by one so each step can be inspected, marks page
 * loads as navigations (`Sec-Fetch-Dest: document`) and submits HTML forms.
 */
export interface Cookie {
  readonly name: string
  value: string
  readonly path: string
  readonly attributes: string
}

export interface Step {
  readonly url: string
  readonly status: number
  readonly headers: Headers
  readonly body: string
}

export class UserAgent {
  readonly cookies = new Map<string, Map<string, Cookie>>()

  /** Cookies the agent would send to `url`. */
  cookieHeader(url: URL): string {
    const jar = this.cookies.get(url.hostname) ?? new Map()
    return [...jar.values()]
      .filter((cookie) => url.pathname === cookie.path || url.pathname.startsWith(cookie.path.endsWith("/") ? cookie.path : `${cookie.path}/`))
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join("; ")
  }

  cookie(host: string, name: string): Cookie | undefined {
    return this.cookies.get(host)?.get(name)
  }

  private store(url: URL, headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair = "", ...rest] = line.split(";")
      const index = pair.indexOf("=")
      const name = pair.slice(0, index).trim()
      const value = pair.slice(index + 1).trim()
      const attributes = rest.map((part) => part.trim())
      const path = attributes.find((a) => a.toLowerCase().startsWith("path="))?.slice(5) ?? "/"
      const maxAge = attributes.find((a) => a.toLowerCase().startsWith("max-age="))
      const expires = attributes.find((a) => a.toLowerCase().startsWith("expires="))
      const jar = this.cookies.get(url.hostname) ?? new Map<string, Cookie>()
      this.cookies.set(url.hostname, jar)
      const deleted = (maxAge !== undefined && Number(maxAge.slice(8)) <= 0) || (expires !== undefined && Date.parse(expires.slice(8)) <= Date.now())
      if (deleted) jar.delete(name)
      else jar.set(name, { name, value, path, attributes: rest.join(";") })
    }
  }

  /** One request, no redirect followed. */
  async request(url: string, init: { method?: string; body?: URLSearchParams; headers?: Record<string, string> } = {}): Promise<Step> {
    const target = new URL(url)
    const headers: Record<string, string> = { accept: "text/html", "sec-fetch-dest": "document", "sec-fetch-mode": "navigate", ...init.headers }
    const cookie = this.cookieHeader(target)
    if (cookie !== "") headers.cookie = cookie
    const response = await fetch(target, { method: init.method ?? "GET", headers, redirect: "manual", ...(init.body === undefined ? {} : { body: init.body }) })
    this.store(target, response.headers)
    return { url: target.href, status: response.status, headers: response.headers, body: await response.text() }
  }

  /** Follows redirects from `url` until a page answers; every step is returned, the last one being that page. */
  async navigate(url: string, init: { method?: string; body?: URLSearchParams } = {}): Promise<Array<Step>> {
    const steps: Array<Step> = []
    let step = await this.request(url, init)
    steps.push(step)
    while (step.status >= 300 && step.status < 400 && step.headers.get("location") !== null) {
      if (steps.length > 20) throw new Error(`för många omdirigeringar: ${steps.map((s) => s.url).join(" → ")}`)
      step = await this.request(new URL(step.headers.get("location")!, step.url).href)
      steps.push(step)
    }
    return steps
  }

  /** Fills in the page's (first) form with `fields` over its own inputs, submits it and follows the redirects. */
  async submit(page: Step, fields: Record<string, string>): Promise<Array<Step>> {
    const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(page.body)
    if (form === null) throw new Error(`ingen form på ${page.url}: ${page.body.slice(0, 500)}`)
    const body = new URLSearchParams()
    for (const input of form[2]!.matchAll(/<input[^>]*name="([^"]+)"[^>]*>/gi)) {
      const value = /value="([^"]*)"/i.exec(input[0])
      body.set(input[1]!, value?.[1] ?? "")
    }
    for (const [name, value] of Object.entries(fields)) body.set(name, value)
    return this.navigate(new URL(form[1]!.replaceAll("&amp;", "&"), page.url).href, { method: "POST", body })
  }
}
