/**
 * @uppdrag/web: the read-only web view for ministry officials. Server-rendered
 * Swedish HTML (Hono on Node), no client-side script, WCAG 2.1 AA.
 *
 * @example
 * import { Site, WebApp, WebServer } from "@uppdrag/web"
 * import { Catalog } from "@uppdrag/core"
 * import { Result } from "effect"
 * const site = Result.getOrThrow(Site.make({ catalog: Catalog.unsafeLoad() }))
 * const app = WebApp.make(site)
 * const running = await WebServer.listen(app, { port: 3000, host: "127.0.0.1" })
 */

export * as Site from "./Site.js"
export * as AccessLog from "./signin/AccessLog.js"
export * as SignInConfig from "./signin/Config.js"
export * as Exposure from "./signin/Exposure.js"
export * as Gate from "./signin/Gate.js"
export * as Health from "./signin/Health.js"
export * as SignIn from "./signin/SignIn.js"
export * as WebApp from "./WebApp.js"
export * as WebServer from "./WebServer.js"
