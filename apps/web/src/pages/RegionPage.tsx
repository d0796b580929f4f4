import { GrantState, type IndicatorPublications, RegionOverview } from "@uppdrag/application"
import { Assignment, type CalendarDate } from "@uppdrag/core"
import type { FC } from "hono/jsx"
import { DeadlineTable } from "../DeadlineView.js"
import { DefinitionTable } from "../DefinitionTable.js"
import * as Format from "../Format.js"
import { Layout } from "../Layout.js"
import { regionHref } from "../RegionLink.js"
import { CaptionedTable } from "../CaptionedTable.js"
import { Explanation } from "./AllocationPage.js"
import { formatValue, type Origin } from "./IndicatorsPage.js"
import { AsOfForm } from "./OverviewPage.js"

/** The ledger's amount columns, in the application's order and with its Swedish headers. */
const ledgerAmounts = GrantState.ledgerColumns.filter((c) => c.kind === "kronor")

/** One region's ledger row as a two-column table (Post, Belopp), so it fits any screen. */
const LedgerRow: FC<{ state: GrantState.RegionState }> = ({ state }) => {
  const caption = `Liggare för ${state.region.name}, statsbidrag ${state.grant.year}`
  if (state.ledger === undefined) return <p>{`${state.region.name} har ingen rad i liggaren för statsbidrag ${state.grant.year}.`}</p>
  const row: GrantState.LedgerRow = { ...state.ledger, name: state.region.name }
  return (
    <CaptionedTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">Post</th>
          <th scope="col" class="num">
            Belopp
          </th>
        </tr>
      </thead>
      <tbody>
        {ledgerAmounts.map((c) => (
          <tr>
            <th scope="row">{c.header}</th>
            <td class="num">{Format.kronor(Number(c.value(row) ?? 0))}</td>
          </tr>
        ))}
      </tbody>
    </CaptionedTable>
  )
}

const GrantPart: FC<{ state: GrantState.RegionState }> = ({ state }) => (
  <>
    <h3>{`Statsbidrag ${state.grant.year}`}</h3>
    <p>
      <a href={`/fordelning/${state.grant.id}`}>{state.grant.title}</a>
      {" (beslut "}
      <a href={`/uppdrag/${state.assignment.id}`}>{Assignment.mainDiaryNumber(state.assignment)}</a>
      {")."}
    </p>
    {state.outcome._tag === "Allocated" ? (
      <>
        <p class="figure">{Format.kronor(state.row?.total ?? 0)}</p>
        <Explanation grant={state.grant} explanation={state.explanation} region={state.region} total={state.row?.total ?? 0} />
      </>
    ) : (
      <p>{`Ingen fördelning per region: ${state.outcome.reason}`}</p>
    )}
    <LedgerRow state={state} />
  </>
)

const AgreementSection: FC<{ overview: RegionOverview.Overview }> = ({ overview }) => {
  const status = overview.agreement
  const name = overview.region.name
  if (status === null) return <p>Katalogen har inget statsbidrag att träffa överenskommelse om.</p>
  const agreement = status.agreement
  const dialoguesCaption = `Dialogmöten med ${name} till och med ${overview.asOf}`
  return (
    <>
      {agreement === null ? (
        <p>{`Ingen överenskommelse mellan Socialstyrelsen och ${name} är registrerad per ${overview.asOf}.`}</p>
      ) : (
        <>
          <dl class="facts">
            <dt>Undertecknad</dt>
            <dd class="date">{agreement.signed}</dd>
            <dt>Insatser</dt>
            <dd>{agreement.activities.map((a) => a.title).join("; ")}</dd>
            <dt>Förväntade resultat</dt>
            <dd>{agreement.expectedResults.join("; ")}</dd>
            <dt>Förväntade effekter</dt>
            <dd>{agreement.expectedEffects.join("; ")}</dd>
          </dl>
          <CaptionedTable caption={`Uppföljningsmått i överenskommelsen med ${name}`}>
            <thead>
              <tr>
                <th scope="col">Mått</th>
                <th scope="col">Indikator</th>
              </tr>
            </thead>
            <tbody>
              {agreement.followUpMeasures.map((m) => (
                <tr>
                  <th scope="row">{m.title}</th>
                  <td>{m.indicator === undefined ? "–" : <code>{m.indicator}</code>}</td>
                </tr>
              ))}
            </tbody>
          </CaptionedTable>
          {agreement.followUps.length === 0 ? (
            <p>Ingen årlig uppföljning är registrerad ännu.</p>
          ) : (
            <CaptionedTable caption={`Årliga uppföljningar, ${name}`}>
              <thead>
                <tr>
                  <th scope="col">År</th>
                  <th scope="col">Datum</th>
                  <th scope="col">Sammanfattning</th>
                </tr>
              </thead>
              <tbody>
                {agreement.followUps.map((f) => (
                  <tr>
                    <th scope="row">{String(f.year)}</th>
                    <td class="date">{f.date}</td>
                    <td>{f.summary}</td>
                  </tr>
                ))}
              </tbody>
            </CaptionedTable>
          )}
        </>
      )}
      {status.nextFollowUp === null ? null : (
        <p>{`Nästa delredovisning ${status.nextFollowUp.report} behöver uppföljningen av ${status.nextFollowUp.year}: ${status.nextFollowUp.done ? "den är registrerad" : "den är inte registrerad ännu"}.`}</p>
      )}
      <h2 id="dialoger">Dialogmöten</h2>
      {status.dialogues.length === 0 ? (
        <p>{`Inga dialogmöten med ${name} är registrerade till och med ${overview.asOf}.`}</p>
      ) : (
        <CaptionedTable caption={dialoguesCaption}>
          <thead>
            <tr>
              <th scope="col">Datum</th>
              <th scope="col">Möte</th>
            </tr>
          </thead>
          <tbody>
            {status.dialogues.map((m) => (
              <tr>
                <th scope="row" class="date">
                  {m.date}
                </th>
                <td>{m.title}</td>
              </tr>
            ))}
          </tbody>
        </CaptionedTable>
      )}
    </>
  )
}

/**
 * A region's page: its allocation per component with the explanation and
 * its ledger row for each grant, its agreement with follow-up measures and
 * follow-ups, its dialogue meetings, and the regions' duties with their
 * status on the date; all from the application's `RegionOverview.region`.
 *
 * @example
 * <RegionPage overview={overview} />
 */
export const RegionPage: FC<{ overview: RegionOverview.Overview; indicators?: RegionIndicators | undefined }> = ({ overview, indicators }) => {
  const { region, asOf } = overview
  return (
    <Layout title={region.name} section="regioner">
      <p class="muted">{`Region, SCB-kod ${region.code}`}</p>
      <h1>{region.name}</h1>
      <p class="lead">{`Statsbidrag, överenskommelse, dialogmöten, tidsfrister och indikatorer för ${region.name} per ${asOf}.`}</p>
      <AsOfForm action={regionHref(region.code)} asOf={asOf} />
      <h2 id="statsbidrag">Statsbidrag</h2>
      {overview.grants.length === 0 ? <p>{`${region.name} ingår inte i något statsbidrag i katalogen.`}</p> : overview.grants.map((state) => <GrantPart state={state} />)}
      <h2 id="overenskommelse">Överenskommelse med Socialstyrelsen</h2>
      <AgreementSection overview={overview} />
      <h2 id="tidsfrister">Tidsfrister för regionerna</h2>
      <p>Skyldigheter som regionerna (landstingen) har eller som riktas till dem, med status per datumet.</p>
      <DeadlineTable caption={`Regionernas tidsfrister per ${asOf}`} deadlines={overview.deadlines} withAssignment />
      <h2 id="indikatorer">Indikatorer</h2>
      <IndicatorSection name={region.name} indicators={indicators} />
    </Layout>
  )
}

/**
 * A region's indicators beside Riket in a cube's latest year, and the cube
 * they come from (a publication, or the sample of demo mode).
 */
export interface RegionIndicators {
  readonly year: number
  readonly figures: ReadonlyArray<IndicatorPublications.RegionFigure>
  readonly origin: Origin
}

/** The register indicators for the region beside Riket, or a plain line when nothing is published. */
const IndicatorSection: FC<{ name: string; indicators: RegionIndicators | undefined }> = ({ name, indicators }) => {
  if (indicators === undefined) return <p>Inga indikatorer är publicerade ännu.</p>
  const { origin, year } = indicators
  const caption =
    origin._tag === "Published"
      ? `Indikatorer ${year} för ${name} och riket, publicerad version ${origin.shown.version} (${origin.shown.publishedOn})`
      : `Indikatorer ${year} för ${name} och riket, syntetiska exempeldata`
  return (
    <>
      <p>
        {"Båda könen, alla åldrar, ur den skyddade statistikkuben. Uppdelning per kön, ålder och år finns under "}
        <a href="/indikatorer">Indikatorer</a>
        {"."}
      </p>
      <CaptionedTable caption={caption}>
        <thead>
          <tr>
            <th scope="col">Indikator</th>
            <th scope="col" class="num">
              {name}
            </th>
            <th scope="col" class="num">
              Riket
            </th>
          </tr>
        </thead>
        <tbody>
          {indicators.figures.map((f) => (
            <tr>
              <th scope="row">
                <a href={`/indikatorer?indikator=${f.indicator.id}`}>{f.indicator.title}</a>
              </th>
              <td class="num">{formatValue(f.indicator, f.region)}</td>
              <td class="num">{formatValue(f.indicator, f.riket)}</td>
            </tr>
          ))}
        </tbody>
      </CaptionedTable>
    </>
  )
}

/**
 * Regioner: all 21 regions with the newest grant's key figures, each linking to its page.
 *
 * @example
 * <RegionListPage listing={listing} />
 */
export const RegionListPage: FC<{ listing: RegionOverview.Listing; connected: boolean; asOf: CalendarDate.CalendarDate }> = ({ listing, connected, asOf }) => {
  const grant = listing.grant?.grant
  const caption = grant === undefined ? "Regioner" : `Regioner, statsbidrag ${grant.year}: tilldelat, rekvirerat, utbetalt och utestående`
  const amounts = RegionOverview.keyFigureColumns.filter((c) => c.kind === "kronor")
  return (
    <Layout title="Regioner" section="regioner">
      <h1>Regioner</h1>
      <p class="lead">{`De 21 regionerna${grant === undefined ? "" : ` och deras del av ${grant.title.charAt(0).toLowerCase()}${grant.title.slice(1)}`}. Välj en region för dess fördelning, liggare, överenskommelse och tidsfrister.`}</p>
      {connected ? null : <p class="notice">Ingen databas är ansluten, så rekvirerat, utbetalt och utestående visas som 0 kr.</p>}
      <DefinitionTable
        caption={caption}
        columns={amounts}
        rows={listing.regions}
        rowHeader={{ header: "Region", cell: (r) => <a href={`${regionHref(r.region)}?datum=${asOf}`}>{r.name}</a> }}
      />
    </Layout>
  )
}
