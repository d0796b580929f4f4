import type { FC } from "hono/jsx"
import { Layout } from "../Layout.js"

/**
 * Tillgänglighetsredogörelse: the accessibility statement Swedish public-sector
 * websites must publish under lagen (2018:1937) om tillgänglighet till digital
 * offentlig service, following DIGG's model (how accessible the site is, known
 * gaps, how to report a problem, the supervisory authority, how it was tested).
 *
 * @example
 * <AccessibilityPage lastReviewed="2026-11-23" />
 */
export const AccessibilityPage: FC<{ lastReviewed: string }> = ({ lastReviewed }) => (
  <Layout title="Tillgänglighetsredogörelse" section="tillganglighet">
    <h1>Tillgänglighetsredogörelse</h1>
    <p class="lead">
      Den här webbvyn visar Socialstyrelsens regeringsuppdrag och statsbidrag inom den specialiserade psykiatriska vården. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur
      webbvyn uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, kända brister och hur du kan rapportera problem.
    </p>

    <h2>Hur tillgänglig är webbvyn?</h2>
    <p>Webbvyn är helt förenlig med lagen om tillgänglighet till digital offentlig service, som hänvisar till standarden EN 301 549 och WCAG 2.1 på nivå AA.</p>
    <ul>
      <li>Alla sidor fungerar utan JavaScript och med enbart tangentbord. En länk längst upp leder förbi menyn direkt till innehållet.</li>
      <li>Sidorna har landmärken (sidhuvud, huvudmeny, huvudinnehåll, sidfot) och en rubrikstruktur som börjar med en huvudrubrik.</li>
      <li>Alla tabeller har en tabellrubrik och rubrikceller för kolumner och rader.</li>
      <li>Varje diagram har en textbeskrivning och en tabell med samma uppgifter bredvid sig. Färg är aldrig det enda sättet att skilja uppgifter åt.</li>
      <li>Fokus syns tydligt, kontrasten uppfyller minst 4,5:1 för text och sidorna går att förstora till 200 % utan att innehåll försvinner.</li>
      <li>Uppgifterna kan laddas ner som CSV, Excel (xlsx) och kalenderfiler (ics).</li>
      <li>Små antal i statistiken (1–4 personer) visas inte utan markeras som skyddade, så att ingen enskild person kan identifieras.</li>
    </ul>

    <h2>Kända brister</h2>
    <p>Vi känner inte till några brister mot kraven. På smala skärmar och vid stor förstoring visas varje tabellrad som ett kort där varje uppgift står med sin kolumnrubrik; tabellerna behöver inte rullas i sidled. Utskrifter tar med alla kolumner, och breda tabeller skrivs ut på liggande A4.</p>

    <h2>Vad kan du göra om du inte kan använda delar av webbvyn?</h2>
    <p>
      Om du behöver uppgifterna i ett annat format kan du kontakta Socialstyrelsen via registrator, <a href="mailto:registrator@socialstyrelsen.se">registrator@socialstyrelsen.se</a>. Ange vilken sida och vilka uppgifter det gäller.
    </p>

    <h2>Rapportera brister</h2>
    <p>
      Vi strävar hela tiden efter att förbättra tillgängligheten. Om du upptäcker problem som inte beskrivs här, eller om du anser att vi inte uppfyller lagens krav, meddela oss via{" "}
      <a href="mailto:registrator@socialstyrelsen.se">registrator@socialstyrelsen.se</a> så att vi får veta att problemet finns.
    </p>

    <h2>Tillsyn</h2>
    <p>
      Myndigheten för digital förvaltning (Digg) är tillsynsmyndighet för lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du
      kontakta Digg och påtala det: <a href="https://www.digg.se/anmal-bristande-tillganglighet">anmäl bristande tillgänglighet på digg.se</a>.
    </p>

    <h2>Hur vi testat webbvyn</h2>
    <p>
      Vi har själva granskat webbvyn. Vid varje ändring testas varje sida automatiskt i en riktig webbläsare (Chromium): verktyget axe-core får inte hitta några allvarliga eller kritiska
      brister mot WCAG 2.1 A och AA, sidorna visas i 1366, 1024 och 390 bildpunkters bredd och i halva bredden (som vid 200 % förstoring) utan vågrät rullning, varje kolumnrubrik finns med i utskriften på A4, länken förbi menyn är det första tangentbordet når och formulären
      fungerar med JavaScript avstängt.
    </p>
    <p>{`Redogörelsen uppdaterades senast ${lastReviewed}.`}</p>
  </Layout>
)
