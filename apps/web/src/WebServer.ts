import type { AddressInfo } from "node:net"
import { serve } from "@hono/node-server"
import type { Hono } from "hono"

/** A running web view. */
export interface Running {
  /** The address it listens on, e.g. `http://127.0.0.1:3000`. */
  readonly url: string
  readonly port: number
  /** Stops accepting connections and resolves once closed. */
  readonly close: () => Promise<void>
}

/**
 * Serves the app on Node's HTTP server. Port 0 picks a free port (tests).
 * Resolves once listening; rejects when the port is taken or the host unknown.
 *
 * @example
 * const running = await WebServer.listen(WebApp.make(site), { port: 3000, host: "127.0.0.1" })
 * console.log(running.url)
 */
export const listen = (app: Hono, options: { port: number; host: string }): Promise<Running> =>
  new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      server.off("error", reject)
      const host = info.family === "IPv6" ? `[${info.address}]` : info.address
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            if ("closeAllConnections" in server) server.closeAllConnections()
          })
      })
    })
    server.once("error", reject)
  })
