import { createHash } from "node:crypto"
import css from "./static/style.css"

/**
 * The site's one stylesheet, held in memory: served from a fixed path only, so
 * no request can name a file on disk (no directory traversal by construction).
 *
 * @example
 * Stylesheet.text.length < 10_000 // true
 */
export const text: string = css

/** Strong validator for conditional requests. */
export const etag = `"${createHash("sha256").update(css).digest("base64url").slice(0, 22)}"`
