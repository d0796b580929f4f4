import { type Command, InvalidArgumentError, Option } from "commander"
import { catalogOption, type Perform } from "../terminal/Options.js"
import { dbOption } from "../terminal/DbOption.js"
import type { ServeOptions } from "./serve/start.js"

const parsePort = (value: string): number => {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError("porten ska vara ett heltal 0–65535")
  return Number(value)
}

/** `uppdrag serve`: the read-only web view. */
export const registerServe = (program: Command, perform: Perform): void => {
  program
    .command("serve")
    .description("starta webbvyn (skrivskyddad): översikt, uppdrag, fördelning, indikatorer och möten i webbläsaren")
    .addOption(new Option("--port <nummer>", "port att lyssna på").argParser(parsePort).default(3000))
    .addOption(new Option("--host <adress>", "adress att lyssna på (127.0.0.1 = bara den här datorn; annan adress kräver inloggning)").default("127.0.0.1"))
    .addOption(new Option("--utan-inloggning", "servera utan inloggning även på en adress som nås från nätverket (alla som når porten kan läsa allt)"))
    .addOption(new Option("--access-log <fil>", "skriv åtkomstloggen till filen (läggs till sist) i stället för till standard error; även UPPDRAG_ACCESS_LOG"))
    .addOption(new Option("--population <fil>", "befolkningsfil att fördela statsbidragen efter, i stället för de inbyggda SCB-uppgifterna"))
    .addOption(new Option("--demo", "demoläge: visa syntetiska exempeldata under Indikatorer och på regionsidorna, med en varning på varje sida"))
    .addOption(dbOption())
    .addOption(catalogOption())
    .helpOption("-h, --help", "visa hjälp")
    .addHelpText(
      "after",
      `
Webbvyn läser katalogen och databasen men ändrar aldrig något: den svarar bara på GET och HEAD,
och sidorna får bara läsa ur databasen. Finns ingen databasfil visas katalogen utan liggare.
Indikatorer visar den senaste publiceringen (uppdrag indicators publish); med --demo visas i stället
syntetiska exempeldata, och varje sida säger det.

Inloggning (OpenID Connect, authorization code med PKCE) slås på av miljövariablerna nedan och
krävs när --host är något annat än 127.0.0.1/localhost/::1. Registrera omdirigeringsadressen
<UPPDRAG_PUBLIC_URL>/inloggning/svar hos inloggningstjänsten.
  UPPDRAG_OIDC_ISSUER         inloggningstjänstens adress (issuer), t.ex. https://login.example.se/realms/uppdrag
  UPPDRAG_OIDC_CLIENT_ID      webbvyns klient-id hos inloggningstjänsten
  UPPDRAG_OIDC_CLIENT_SECRET  klienthemligheten (skrivs aldrig ut)
  UPPDRAG_OIDC_ALLOWED        vem som släpps in: anspråk=värde[,värde], t.ex. groups=uppdrag-lasare
  UPPDRAG_PUBLIC_URL          webbvyns publika adress, t.ex. https://uppdrag.example.se
  UPPDRAG_OIDC_SCOPES         valfri, standard "openid email profile" (lägg till t.ex. groups)
  UPPDRAG_SESSION_KEY         valfri, minst 32 tecken; utan den upphör inloggningar vid omstart
  UPPDRAG_SESSION_HOURS       valfri, sessionens längd i timmar (1–168), standard 8
  UPPDRAG_ACCESS_LOG          valfri, fil för åtkomstloggen (som --access-log)
/halsa svarar utan inloggning med status, version och om händelseloggen svarar (JSON).

Exempel:
  $ uppdrag serve
  $ uppdrag serve --port 8080 --db data/uppdrag.db
  $ uppdrag serve --demo
  $ uppdrag serve --host 0.0.0.0 --port 3000 --access-log /var/log/uppdrag/atkomst.log
  $ uppdrag serve --host 0.0.0.0 --utan-inloggning`
    )
    .action(
      perform(async (options: ServeOptions) => {
        const { serve } = await import("./serve/start.js")
        return serve(options)
      })
    )
}
