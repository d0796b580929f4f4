import { generateKeyPairSync } from "node:crypto"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider"

/**
 * A real OpenID provider for tests: `oidc-provider` (the certified Node
 * implementation) on 127.0.0.1 with a random port, one confidential test
 * client, and two users. Its development login form (devInteractions)
 * takes any login name as the account and asks no password, like a test
 * realm; consent is given for the first-party client, as an agency's
 * provider does for its own applications.
 */
export interface TestProvider {
  /** The issuer URL (`UPPDRAG_OIDC_ISSUER`). */
  readonly issuer: string
  readonly clientId: string
  readonly clientSecret: string
  readonly close: () => Promise<void>
}

/** The test users: Anna is in the group that admits users, Bert is not. */
export const users = {
  anna: { email: "anna@example.se", name: "Anna Andersson", groups: ["uppdrag-lasare", "alla-anstallda"] },
  bert: { email: "bert@example.se", name: "Bert Berg", groups: ["alla-anstallda"] }
} as const

/** The allow rule the tests configure (`UPPDRAG_OIDC_ALLOWED`). */
export const allowed = "groups=uppdrag-lasare"

/** Free port on loopback, for an app whose redirect URI must be known before it listens. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once("error", reject)
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })

/**
 * Starts the provider with a client whose redirect URI is `redirectUri`.
 *
 * @example
 * const provider = await OidcProvider.start({ redirectUri: "http://127.0.0.1:4000/inloggning/svar" })
 */
export const start = async (options: { readonly redirectUri: string }): Promise<TestProvider> => {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const clientId = "uppdrag-webbvy"
  const clientSecret = "test-klienthemlighet-som-aldrig-far-synas"
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 })
  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic"
      }
    ],
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "test", use: "sig", alg: "RS256" } as never] },
    cookies: { keys: ["test-cookie-key-for-the-provider-only"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    scopes: ["openid", "email", "profile", "groups"],
    pkce: { methods: ["S256"], required: () => true },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx, id) => {
      const user = users[id as keyof typeof users]
      if (user === undefined) return undefined
      return { accountId: id, claims: () => ({ sub: id, email: user.email, email_verified: true, name: user.name, groups: [...user.groups] }) }
    },
    // The first-party client needs no consent screen: grant what it asks for.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const session = ctx.oidc.session
      const client = ctx.oidc.client
      if (session?.accountId === undefined || client === undefined) return undefined
      const existing = session.grantIdFor(client.clientId)
      if (existing !== undefined) return ctx.oidc.provider.Grant.find(existing)
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId })
      grant.addOIDCScope("openid email profile groups")
      await grant.save()
      return grant
    }
  }
  const provider = new Provider(issuer, configuration)
  server.on("request", provider.callback())
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}
