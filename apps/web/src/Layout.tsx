import type { Child, FC } from "hono/jsx"

/** The main menu, in order. `section` marks the current entry with `aria-current`. */
export const menu = [
  { href: "/", label: "Översikt", section: "oversikt" },
  { href: "/uppdrag", label: "Uppdrag", section: "uppdrag" },
  { href: "/fordelning", label: "Fördelning", section: "fordelning" },
  { href: "/indikatorer", label: "Indikatorer", section: "indikatorer" },
  { href: "/moten", label: "Möten", section: "moten" },
  { href: "/tillganglighet", label: "Tillgänglighetsredogörelse", section: "tillganglighet" }
] as const

/** A menu section, or none for error pages. */
export type Section = (typeof menu)[number]["section"] | undefined

/** Where the one stylesheet is served; the version query busts caches when it changes. */
export const stylesheetPath = "/static/style.css"

/**
 * The frame of every page: language, skip link, landmarks (banner, navigation,
 * main, contentinfo), one `h1` supplied by the page.
 *
 * @example
 * <Layout title="Översikt" section="oversikt"><h1>Översikt</h1></Layout>
 */
export const Layout: FC<{ title: string; section: Section; children?: Child }> = ({ title, section, children }) => (
  <html lang="sv">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${title} – Uppdrag`}</title>
      <link rel="stylesheet" href={stylesheetPath} />
    </head>
    <body>
      <a class="skip" href="#innehall">
        Hoppa till innehållet
      </a>
      <header class="site">
        <div class="wrap">
          <p class="brand">
            <a href="/">Uppdrag</a> <small>regeringsuppdrag och statsbidrag inom psykiatrin</small>
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
