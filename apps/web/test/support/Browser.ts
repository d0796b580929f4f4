import { mkdirSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"
import { readFileSync } from "node:fs"
import { type Browser, chromium, type Page } from "playwright-core"

/** Debian's Chromium (installed by `.ci/run`), or `CHROMIUM_PATH`. */
export const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"

/**
 * Launches headless Chromium with the flags this machine needs (no sandbox as
 * root, no GPU, no background connections to Google's hosts).
 */
export const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
  })

/** Screenshots go under `test-results/` (gitignored). */
export const resultsDirectory = join(import.meta.dirname, "..", "..", "test-results")
mkdirSync(resultsDirectory, { recursive: true })

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8")

/** One axe-core finding. */
export interface Violation {
  readonly id: string
  readonly impact: string | null
  readonly help: string
  readonly targets: ReadonlyArray<string>
}

/**
 * Runs axe-core in the page for the WCAG 2.0 and 2.1 A and AA rules.
 * The script is evaluated over the DevTools protocol, so the page's strict
 * CSP (no scripts at all) stays in force for the page itself.
 */
export const axe = async (page: Page): Promise<Array<Violation>> => {
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected at run time
    const result = await (globalThis as any).axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })
    return result.violations.map((v: { id: string; impact: string | null; help: string; nodes: Array<{ target: Array<string> }> }) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" "))
    }))
  })
}
