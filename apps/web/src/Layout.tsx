import type { Freshness } from "@uppdrag/application"
import { type Child, type Context, createContext, type FC, useContext } from "hono/jsx"
import * as Format from "./Format.js"

/** The main menu, in order. `section` marks the current entry with `aria-current`. */
export const menu = [
  { href: "/", label: "Översikt", section: "oversikt" },
  { href: "/uppdrag", label: "Uppdrag", section: "uppdrag" },
  { href: "/fordelning", label: "Fördelning", section: "fordelning" },
  { href: "/regioner", label: "Regioner", section: "regioner" },
  { href: "/indikatorer", label: "Indikatorer", section: "indikatorer" },
  { href: "/moten", label: "Möten", section: "moten" },
  { href: "/tillganglighet", label: "Tillgänglighetsredogörelse", section: "tillganglighet" }
] as const

/** A menu section, or none for error pages. */
export type Section = (typeof menu)[number]["section"] | undefined

/** Who sends the pages: the agency and what the view is about (in the header, the title and on paper). */
export const sender = { name: "Socialstyrelsen", about: "regeringsuppdrag och statsbidrag inom psykiatrin" } as const

/**
 * How fresh the data are, for the "Senast uppdaterad" line of every page;
 * the app provides it per request (`undefined` when the log cannot be read, or a request is refused before anything is read).
 */
export const FreshnessContext: Context<Freshness.Freshness | undefined> = createContext<Freshness.Freshness | undefined>(undefined)

/**
 * "Senast uppdaterad": when the latest event was recorded (Swedish time),
 * the latest publication of indicators and the catalog's latest decision,
 * each as a `<time>`.
 *
 * @example
 * <LastUpdated freshness={fresh} />
 */
export const LastUpdated: FC<{ freshness: Freshness.Freshness | undefined }> = ({ freshness }) => {
  if (freshness === undefined) return <p class="updated">Senast uppdaterad: uppgiften finns inte att läsa just nu.</p>
  const event = freshness.latestEvent
  const decision = freshness.latestDecision
  return (
    <p class="updated">
      <strong>Senast uppdaterad:</strong>{" "}
      {event === null ? (
        "inga händelser registrerade"
      ) : (
        <>
          {"senaste händelse registrerad "}
          <time class="date" datetime={event.recordedAt}>
            {Format.instant(event.recordedAt)}
          </time>
          {` (${Format.integer(freshness.events)} ${freshness.events === 1 ? "händelse" : "händelser"})`}
        </>
      )}
      {freshness.latestPublication === null ? null : (
        <>
          {"; indikatorer publicerade "}
          <time class="date" datetime={freshness.latestPublication.publishedOn}>
            {freshness.latestPublication.publishedOn}
          </time>
          {` (version ${freshness.latestPublication.version})`}
        </>
      )}
      {decision === null ? null : (
        <>
          {"; katalogens senaste beslut "}
          <time class="date" datetime={decision.decided}>
            {decision.formatted}
          </time>
        </>
      )}
      {"."}
    </p>
  )
}

/** Whether pages sit behind sign-in, so the header offers "Logga ut" (the same on every page: pages are cached for every user alike). */
export const SignOutContext: Context<boolean> = createContext<boolean>(false)

/** Whether the site runs in demo mode (`uppdrag serve --demo`): every page then says its indicator figures are synthetic. */
export const DemoContext: Context<boolean> = createContext<boolean>(false)

/**
 * The banner of demo mode, on every page: the indicator figures are the
 * synthetic sample, not statistics about real people.
 *
 * @example
 * <DemoBanner />
 */
export const DemoBanner: FC = () => (
  <div class="demo-banner" role="note">
    <p>
      <strong>Demoläge:</strong> indikatorerna är syntetiska exempeldata som inte beskriver verkliga personer. Siffrorna får inte användas som statistik.
    </p>
  </div>
)

/** Where the one stylesheet is served; the version query busts caches when it changes. */
export const stylesheetPath = "/static/style.css"

/**
 * The frame of every page: language, skip link, landmarks (banner, navigation,
 * main, contentinfo), one `h1` supplied by the page.
 *
 * @example
 * <Layout title="Översikt" section="oversikt"><h1>Översikt</h1></Layout>
 */
export const Layout: FC<{ title: string; section: Section; children?: Child }> = ({ title, section, children }) => {
  const freshness = useContext(FreshnessContext)
  const signOut = useContext(SignOutContext)
  const demo = useContext(DemoContext)
  return (
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${sender.name}, ${sender.about}`}</title>
        <link rel="stylesheet" href={stylesheetPath} />
      </head>
      <body>
        <a class="skip" href="#innehall">
          Hoppa till innehållet
        </a>
        <header class="site">
          {demo ? <DemoBanner /> : null}
          <div class="wrap">
            <p class="brand">
              <a href="/">{sender.name}</a> <small>{`– ${sender.about}`}</small>
            </p>
            <nav aria-label="Huvudmeny">
              <ul>
                {menu.map((item) => (
                  <li>
                    <a href={item.href} aria-current={item.section === section ? "page" : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <LastUpdated freshness={freshness} />
            {signOut ? (
              <p class="account">
                <a href="/utloggning">Logga ut</a>
              </p>
            ) : null}
          </div>
        </header>
        <main id="innehall" class="wrap" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>Skrivskyddad vy för Regeringskansliet och Socialstyrelsen. Uppgifterna kommer från besluten i katalogen och från händelseloggen.</p>
            <p>
              <a href="/tillganglighet">Tillgänglighetsredogörelse</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  )
}
