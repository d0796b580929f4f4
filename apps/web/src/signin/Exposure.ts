import { isIP } from "node:net"

/**
 * Whether a listening address is reachable only from this machine:
 * `localhost`, `127.0.0.0/8`, `::1` (also as an IPv4-mapped address). Any
 * other name or address, `0.0.0.0` and `::` included, counts as the network.
 *
 * @example
 * Exposure.isLoopback("127.0.0.1") // true
 * Exposure.isLoopback("0.0.0.0") // false
 */
export const isLoopback = (host: string): boolean => {
  const bare = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host
  const name = bare.toLowerCase().replace(/\.$/, "")
  if (name === "localhost") return true
  if (isIP(name) === 4) return name.startsWith("127.")
  if (isIP(name) === 6) {
    // The URL parser writes an IPv6 address in its shortest form: ::1, or ::ffff:7f00:1 for 127.0.0.1 mapped.
    const normal = new URL(`http://[${name}]/`).hostname
    return normal === "[::1]" || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(normal)
  }
  return false
}

/** What the web view may do on an address. */
export type Decision =
  | { readonly _tag: "SignIn" }
  | { readonly _tag: "Open"; readonly warnings: ReadonlyArray<string> }
  | { readonly _tag: "Refused"; readonly lines: ReadonlyArray<string> }

/**
 * The rule for exposing the web view: with sign-in configured, sign-in is
 * on wherever it listens (also on loopback, behind a reverse proxy). Without
 * it, loopback stays open; any other address is refused unless the operator
 * says `withoutSignIn` (`--utan-inloggning`), which then also turns a
 * configured sign-in off, with a warning.
 *
 * @example
 * Exposure.decide({ host: "0.0.0.0", configured: false, withoutSignIn: false })._tag // "Refused"
 */
export const decide = (options: { readonly host: string; readonly configured: boolean; readonly withoutSignIn: boolean }): Decision => {
  const network = !isLoopback(options.host)
  if (options.withoutSignIn) {
    const warnings = [
      ...(options.configured ? ["Varning: --utan-inloggning stänger av inloggningen som är konfigurerad med UPPDRAG_OIDC_*."] : []),
      ...(network ? [`Varning: webbvyn lyssnar på ${options.host} utan inloggning: alla som når porten kan läsa alla sidor.`] : [])
    ]
    return { _tag: "Open", warnings }
  }
  if (options.configured) return { _tag: "SignIn" }
  if (!network) return { _tag: "Open", warnings: [] }
  return {
    _tag: "Refused",
    lines: [
      `Webbvyn startas inte på ${options.host}: adressen nås från nätverket, och då krävs inloggning med OpenID Connect.`,
      "Sätt UPPDRAG_OIDC_ISSUER, UPPDRAG_OIDC_CLIENT_ID, UPPDRAG_OIDC_CLIENT_SECRET, UPPDRAG_OIDC_ALLOWED och UPPDRAG_PUBLIC_URL (se uppdrag serve --help),",
      "eller ange --utan-inloggning om alla som når porten får läsa allt, eller lyssna på 127.0.0.1."
    ]
  }
}
