import { randomBytes } from "node:crypto"
import * as Result from "effect/Result"
import { z } from "zod"
import * as Allowed from "./Allowed.js"
import { isLoopback } from "./Exposure.js"

/**
 * The environment variables that configure sign-in. The four `UPPDRAG_OIDC_*`
 * variables marked `turnsOn` switch sign-in on: once any of them is set, all
 * required ones must be.
 *
 * @example
 * Config.variables.issuer // "UPPDRAG_OIDC_ISSUER"
 */
export const variables = {
  issuer: "UPPDRAG_OIDC_ISSUER",
  clientId: "UPPDRAG_OIDC_CLIENT_ID",
  clientSecret: "UPPDRAG_OIDC_CLIENT_SECRET",
  allowed: "UPPDRAG_OIDC_ALLOWED",
  publicUrl: "UPPDRAG_PUBLIC_URL",
  scopes: "UPPDRAG_OIDC_SCOPES",
  sessionKey: "UPPDRAG_SESSION_KEY",
  sessionHours: "UPPDRAG_SESSION_HOURS"
} as const

/** The variables whose presence means "sign-in is meant to be on". */
const turnsOn = [variables.issuer, variables.clientId, variables.clientSecret, variables.allowed] as const

/** Where the provider sends the browser back to, below the public URL; register `<UPPDRAG_PUBLIC_URL>/inloggning/svar` at the provider. */
export const callbackPath = "/inloggning/svar"

/** Default scopes: the ID token's subject plus the e-mail and name the access log and pages show. */
export const defaultScopes = "openid email profile"

/** Default session length: a working day. */
export const defaultSessionHours = 8

const missing = "saknas (krävs när inloggning är konfigurerad)"

/** A variable's text, with "saknas" when it is not set or empty. */
const required = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? missing : `ska vara ${what}`) })
    .trim()
    .min(1, { error: missing })

/** An absolute http(s) URL; plain http only for an address on this machine (a provider or proxy on loopback). */
const webAddress = (example: string) =>
  required(`en adress, t.ex. ${example}`).transform((text, ctx) => {
    let url: URL
    try {
      url = new URL(text)
    } catch {
      ctx.addIssue({ code: "custom", message: `"${text}" är ingen adress; ange t.ex. ${example}` })
      return z.NEVER
    }
    if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback(url.hostname))) {
      ctx.addIssue({ code: "custom", message: `ska börja med https:// (http:// går bara för en adress på den här datorn), t.ex. ${example}` })
      return z.NEVER
    }
    if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
      ctx.addIssue({ code: "custom", message: "får inte ha frågedel (?), fragment (#) eller användarnamn" })
      return z.NEVER
    }
    return url
  })

/**
 * The environment sign-in is configured by, as zod reads it: the source of
 * {@link SignInEnvironment}. Messages are Swedish and name the variable
 * (the issue's path); none repeats a value, so the client secret is never printed.
 *
 * @example
 * SignInEnvironmentSchema.safeParse(process.env)
 */
export const SignInEnvironmentSchema = z.object({
  [variables.issuer]: webAddress("https://login.example.se/realms/uppdrag"),
  [variables.clientId]: required("klient-id:t som inloggningstjänsten gav webbvyn"),
  // Only presence is checked, and the value never appears in a message.
  [variables.clientSecret]: z.string({ error: missing }).min(1, { error: missing }),
  [variables.allowed]: required("anspråk=värde, t.ex. groups=uppdrag-lasare").transform((text, ctx) => {
    const rule = Allowed.parse(text)
    if (Result.isFailure(rule)) {
      ctx.addIssue({ code: "custom", message: rule.failure })
      return z.NEVER
    }
    return rule.success
  }),
  [variables.publicUrl]: webAddress("https://uppdrag.example.se").transform((url, ctx) => {
    if (url.pathname !== "/") {
      ctx.addIssue({ code: "custom", message: `ska vara webbvyns adress utan sökväg, t.ex. ${url.origin} (webbvyn serveras från roten)` })
      return z.NEVER
    }
    return new URL(url.origin)
  }),
  [variables.scopes]: z
    .string()
    .trim()
    .default(defaultScopes)
    .refine((scopes) => scopes.split(/\s+/).includes("openid"), { error: "ska innehålla openid, t.ex. \"openid email profile groups\"" }),
  [variables.sessionKey]: z
    .string()
    .min(32, { error: "ska vara minst 32 tecken (slumpa fram t.ex. med openssl rand -base64 48)" })
    .optional(),
  [variables.sessionHours]: z
    .string()
    .regex(/^\d{1,3}$/, { error: "ska vara ett heltal timmar, 1–168" })
    .transform(Number)
    .refine((hours) => hours >= 1 && hours <= 168, { error: "ska vara ett heltal timmar, 1–168" })
    .optional()
})

/** The variables as read, before the session key is settled. */
export type SignInEnvironment = z.output<typeof SignInEnvironmentSchema>

/**
 * Sign-in as configured: the OpenID provider and this client, who is
 * allowed, the public address (the redirect URI is {@link callbackPath}
 * below it) and the session cookie's key and lifetime.
 */
export interface SignInConfig {
  readonly issuer: URL
  readonly clientId: string
  readonly clientSecret: string
  readonly allowed: Allowed.Rule
  readonly publicUrl: URL
  readonly scopes: string
  /** The HMAC key of the session cookie. */
  readonly sessionKey: string
  /** True when no key was given and one was generated for this process: sessions then end on restart and are not shared between instances. */
  readonly sessionKeyGenerated: boolean
  readonly sessionHours: number
  /** Cookies are `Secure` exactly when the public address is https (a browser drops Secure cookies over plain http). */
  readonly secureCookies: boolean
}

/**
 * Reads sign-in from the environment: `undefined` when none of
 * `UPPDRAG_OIDC_ISSUER`, `_CLIENT_ID`, `_CLIENT_SECRET`, `_ALLOWED` is set
 * (sign-in off), the configuration when all required variables are valid,
 * or one Swedish line per problem, each naming its variable.
 *
 * @example
 * const read = Config.fromEnvironment(process.env)
 * if (Result.isFailure(read)) console.error(read.failure.join("\n")) // "UPPDRAG_OIDC_CLIENT_ID: saknas (krävs när inloggning är konfigurerad)"
 */
export const fromEnvironment = (
  env: Readonly<Record<string, string | undefined>>,
  generateKey: () => string = () => randomBytes(32).toString("base64url")
): Result.Result<SignInConfig | undefined, ReadonlyArray<string>> => {
  if (turnsOn.every((name) => (env[name] ?? "").trim() === "")) return Result.succeed(undefined)
  // An empty optional variable counts as not set.
  const present = Object.fromEntries(Object.values(variables).flatMap((name) => (env[name] === undefined || (env[name] === "" && !turnsOn.includes(name as (typeof turnsOn)[number])) ? [] : [[name, env[name]]])))
  const parsed = SignInEnvironmentSchema.safeParse(present)
  if (!parsed.success) return Result.fail(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`))
  const read = parsed.data
  const sessionKey = read[variables.sessionKey]
  return Result.succeed({
    issuer: read[variables.issuer],
    clientId: read[variables.clientId],
    clientSecret: read[variables.clientSecret],
    allowed: read[variables.allowed],
    publicUrl: read[variables.publicUrl],
    scopes: read[variables.scopes],
    sessionKey: sessionKey ?? generateKey(),
    sessionKeyGenerated: sessionKey === undefined,
    sessionHours: read[variables.sessionHours] ?? defaultSessionHours,
    secureCookies: read[variables.publicUrl].protocol === "https:"
  })
}

/** The redirect URI to register at the provider. */
export const redirectUri = (config: Pick<SignInConfig, "publicUrl">): string => new URL(callbackPath, config.publicUrl).href
