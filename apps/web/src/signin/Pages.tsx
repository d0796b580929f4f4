import type { Context } from "hono"
import type { FC } from "hono/jsx"
import type { JSX } from "hono/jsx/jsx-runtime"
import { Layout } from "../Layout.js"

/** A sign-in page: no data, never cached, its links lead back into sign-in. */
export const render = (c: Context, element: JSX.Element, status: 200 | 400 | 403 | 502): Response | Promise<Response> => {
  c.header("Cache-Control", "no-store")
  return c.html(`<!doctype html>${String(element)}`, status)
}

/**
 * Refused after signing in: the account lacks the claim or group that
 * admits users. Says who is signed in and what is required, and offers to
 * sign in with another account (the provider is asked to show its login).
 *
 * @example
 * <Forbidden user="bert@example.se" requirement="groups ska innehålla uppdrag-lasare" />
 */
export const Forbidden: FC<{ user: string; requirement: string }> = ({ user, requirement }) => (
  <Layout title="Ingen behörighet" section={undefined}>
    <h1>Ingen behörighet</h1>
    <div class="error-box" role="alert">
      <p>Felkod 403.</p>
      <p>{`Du loggade in som ${user}, men kontot har inte behörighet till webbvyn (${requirement}).`}</p>
      <p>Be den som administrerar webbvyn eller inloggningstjänsten om behörighet.</p>
    </div>
    <p>
      <a href="/inloggning?konto=byt">Logga in med ett annat konto</a>
    </p>
  </Layout>
)

/**
 * Sign-in could not be completed: it lapsed, was started in another tab, or
 * the provider refused or failed. Offers to start again.
 *
 * @example
 * <SignInFailed status={400} lines={["Inloggningen har gått ut."]} />
 */
export const SignInFailed: FC<{ status: number; lines: ReadonlyArray<string> }> = ({ status, lines }) => (
  <Layout title="Inloggningen misslyckades" section={undefined}>
    <h1>Inloggningen misslyckades</h1>
    <div class="error-box" role="alert">
      <p>{`Felkod ${status}.`}</p>
      <ul>
        {lines.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
    </div>
    <p>
      <a href="/inloggning">Logga in igen</a>
    </p>
  </Layout>
)

/**
 * After sign-out. The provider's own session may still be open, so signing
 * in again may not ask for a password.
 *
 * @example
 * <SignedOut />
 */
export const SignedOut: FC = () => (
  <Layout title="Utloggad" section={undefined}>
    <h1>Du är utloggad</h1>
    <p>Du är utloggad från webbvyn. Stäng webbläsaren om datorn delas med andra: du kan fortfarande vara inloggad hos inloggningstjänsten.</p>
    <p>
      <a href="/inloggning">Logga in igen</a>
    </p>
  </Layout>
)
