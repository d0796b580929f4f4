import type { Context } from "hono"

/** Media types of the files the site offers. */
export const mediaTypes = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ics: "text/calendar; charset=utf-8"
} as const

/**
 * Sends a file as a download with a fixed, ASCII file name chosen by the
 * site (never taken from the request).
 *
 * @example
 * return Attachment.send(c, "fordelning-2026.csv", "csv", text)
 */
export const send = (c: Context, fileName: string, kind: keyof typeof mediaTypes, body: string | Uint8Array): Response => {
  c.header("Content-Type", mediaTypes[kind])
  c.header("Content-Disposition", `attachment; filename="${fileName}"`)
  c.header("Cache-Control", "no-cache")
  return c.body(typeof body === "string" ? body : new Uint8Array(body))
}
