import type { MiddlewareHandler } from "hono"
import { secureHeaders } from "hono/secure-headers"

/** The only methods the site answers; everything else is 405, so nothing can be changed through it. */
export const allowedMethods = ["GET", "HEAD"] as const

/**
 * Content-Security-Policy: nothing by default; the one stylesheet, images and
 * form submissions from this origin only; no scripts at all, no inline styles,
 * no framing.
 *
 * @example
 * contentSecurityPolicy // "default-src 'none'; style-src 'self'; …"
 */
export const contentSecurityPolicy = {
  defaultSrc: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  formAction: ["'self'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"]
}

/**
 * Security headers on every response, errors included: strict CSP,
 * `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`,
 * `X-Frame-Options: DENY`, and a Permissions-Policy that turns off powerful features.
 *
 * @example
 * app.use("*", securityHeaders())
 */
export const securityHeaders = (): MiddlewareHandler =>
  secureHeaders({
    contentSecurityPolicy,
    referrerPolicy: "no-referrer",
    xFrameOptions: "DENY",
    xContentTypeOptions: "nosniff",
    crossOriginResourcePolicy: "same-origin",
    crossOriginOpenerPolicy: "same-origin",
    // Served over plain HTTP on loopback or behind the agency's proxy, which sets HSTS itself.
    strictTransportSecurity: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] }
  })

/**
 * Refuses every method but GET and HEAD with 405 and an `Allow` header,
 * before routing, so no handler ever sees a write.
 *
 * @example
 * app.use("*", readOnlyMethods())
 */
export const readOnlyMethods = (): MiddlewareHandler => async (c, next) => {
  if (c.req.method === "GET" || c.req.method === "HEAD") return next()
  c.header("Allow", allowedMethods.join(", "))
  return c.text("Metoden är inte tillåten: webbvyn är skrivskyddad och svarar bara på GET och HEAD.", 405)
}
