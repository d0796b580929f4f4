import { IndicatorTable } from "@uppdrag/application"
import { type Comparison, Dimension, Indicator } from "@uppdrag/indicators"
import type { FC } from "hono/jsx"
import { BarChart, Legend } from "../charts/BarChart.js"
import { LineChart } from "../charts/LineChart.js"
import { Downloads, tableDownloads } from "../Downloads.js"
import * as Format from "../Format.js"
import { Layout } from "../Layout.js"
import { RegionLink } from "../RegionLink.js"
import { CaptionedTable } from "../CaptionedTable.js"

/** The indicators the cube answers (register indicators), for the form and the query schema. */
export const registerIndicators: ReadonlyArray<Indicator.Indicator> = Indicator.all.filter((i) => i.kind === "register")

/**
 * A value in the indicator's unit, or "skyddat" for a protected cell.
 *
 * @example
 * formatValue(Indicator.find("lpt-sluten-per100k")!, 111.8) // "111,8"
 */
export const formatValue = (indicator: Indicator.Indicator, value: number | null): string => {
  if (value === null) return "skyddat"
  const text = Format.decimal(value, IndicatorTable.decimalsOf(indicator.unit))
  return indicator.unit === "procent" ? `${text}\u00a0%` : text
}

/** `?version=N` for an older publication, nothing for the latest or the sample. */
const versionQuery = (origin: Origin): string => (origin._tag === "Published" && origin.shown.version !== origin.latest ? `?version=${origin.shown.version}` : "")

const signed = (value: number | null, digits: number): string => (value === null ? "–" : `${value > 0 ? "+" : ""}${Format.decimal(value, digits)}`)

/** What the Indikatorer page shows, all taken from @uppdrag/indicators. */
export interface IndicatorsView {
  readonly indicator: Indicator.Indicator
  readonly year: number
  readonly sex: Dimension.Sex
  readonly years: { readonly from: number; readonly to: number }
  readonly threshold: number
  readonly byRegion: Comparison.RegionComparison
  readonly bySex: ReadonlyArray<Comparison.BreakdownRow>
  /** Riket per year for each sex (K, M, T). */
  readonly overYears: ReadonlyArray<{ readonly year: number; readonly values: Readonly<Record<Dimension.Sex, number | null>> }>
  /** Where the figures come from: a publication (with the other versions), or the synthetic sample of demo mode with the package's label. */
  readonly origin: Origin
  readonly query: string
}

/** A publication as the page names it. */
export interface VersionRef {
  readonly version: number
  readonly publishedOn: string
}

/**
 * The source of the Indikatorer figures: a publication (the one shown, the
 * latest, and every standing version), or the synthetic sample of demo mode.
 */
export type Origin =
  | { readonly _tag: "Published"; readonly shown: VersionRef & { readonly source: string }; readonly latest: number; readonly versions: ReadonlyArray<VersionRef> }
  | { readonly _tag: "Sample"; readonly label: string }

/** Which publication the page shows, and links to the others (`?version=N`; the latest without it). */
const PublicationNote: FC<{ origin: Extract<Origin, { _tag: "Published" }> }> = ({ origin }) => {
  const others = origin.versions.filter((v) => v.version !== origin.shown.version)
  return (
    <>
      <p>
        {`Publicerad version ${origin.shown.version}, `}
        <time class="date" datetime={origin.shown.publishedOn}>
          {origin.shown.publishedOn}
        </time>
        {origin.shown.version === origin.latest ? " (den senaste)." : ` (en äldre version; den senaste är version ${origin.latest}).`}
      </p>
      {others.length === 0 ? null : (
        <nav aria-label="Andra publicerade versioner">
          <p>Andra versioner:</p>
          <ul class="versions">
            {[...others].reverse().map((v) => (
              <li>
                <a href={v.version === origin.latest ? "/indikatorer" : `/indikatorer?version=${v.version}`}>{`Version ${v.version} (${v.publishedOn})`}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </>
  )
}

/**
 * Indikatorer before anything is published: says so plainly, and how to publish.
 *
 * @example
 * <NothingPublishedPage />
 */
export const NothingPublishedPage: FC = () => (
  <Layout title="Indikatorer" section="indikatorer">
    <h1>Indikatorer</h1>
    <p class="lead">Inga indikatorer är publicerade ännu.</p>
    <p>
      När Socialstyrelsen har räknat fram och skyddat statistikkuben publiceras den med <code>uppdrag indicators publish kub.json --by NAMN</code>. Den senaste publiceringen visas
      sedan här och på regionsidorna.
    </p>
  </Layout>
)

const Suppressed: FC<{ value: number | null; indicator: Indicator.Indicator }> = ({ value, indicator }) =>
  value === null ? <span class="muted">skyddat</span> : formatValue(indicator, value)

/**
 * Indikatorer: one register indicator from the protected cube, by region
 * (chart and table with rank, ratio to Riket and change), by sex and over
 * the years. Suppressed cells are shown as "skyddat", never as numbers.
 * The figures are the shown publication's (named with its version and date,
 * the other versions linked), or in demo mode the package's synthetic
 * sample, labelled as such.
 *
 * @example
 * <IndicatorsPage view={view} />
 */
export const IndicatorsPage: FC<{ view: IndicatorsView }> = ({ view }) => {
  const { indicator, year, sex, byRegion } = view
  const sexText = Dimension.sexLabel(sex).toLowerCase()
  const regionRows = byRegion.rows.filter((r) => r.region !== "00")
  const riket = byRegion.rows.find((r) => r.region === "00")
  const published = regionRows.filter((r) => r.value !== null).sort((a, b) => (b.value ?? 0) - (a.value ?? 0))
  const suppressedCount = regionRows.length - published.length
  const highest = published[0]
  const lowest = published[published.length - 1]
  const regionCaption = `${indicator.title}, ${year}, ${sexText}, per region`
  // Headers of the application's by-region table (the CLI's `indicators show --by region`).
  const columns = IndicatorTable.byRegionColumns(indicator, year)
  const header = (field: string): string => columns.find((c) => c.field === field)?.header ?? field
  const sexCaption = `${indicator.title}, ${year}, riket, per kön`
  const yearsCaption = `${indicator.title}, riket, ${view.years.from}–${view.years.to}`
  const years = view.overYears.map((y) => String(y.year))
  const shownSexes: ReadonlyArray<Dimension.Sex> = indicator.bySex ? Dimension.sexes : ["T"]
  const lineSeries = shownSexes.map((s) => ({ key: s, label: Dimension.sexLabel(s), values: view.overYears.map((y) => y.values[s]) }))
  return (
    <Layout title="Indikatorer" section="indikatorer">
      <h1>Indikatorer</h1>
      {view.origin._tag === "Sample" ? (
        <div class="notice" role="note">
          <p>
            <strong>Syntetiska exempeldata.</strong> {view.origin.label}
          </p>
        </div>
      ) : (
        <PublicationNote origin={view.origin} />
      )}
      <p class="lead">Psykiatrisk tvångsvård (LPT) och rättspsykiatrisk vård (LRV) per region, kön och år, ur den skyddade statistikkuben.</p>
      <form class="filter" method="get" action="/indikatorer">
        {view.origin._tag === "Published" && view.origin.shown.version !== view.origin.latest ? <input type="hidden" name="version" value={String(view.origin.shown.version)} /> : null}
        <div>
          <label for="indikator">Indikator</label>
          <select id="indikator" name="indikator">
            {registerIndicators.map((i) => (
              <option value={i.id} selected={i.id === indicator.id}>
                {i.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="ar">År</label>
          <select id="ar" name="ar">
            {Array.from({ length: view.years.to - view.years.from + 1 }, (_, i) => view.years.to - i).map((y) => (
              <option value={String(y)} selected={y === year}>
                {String(y)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="kon">Kön</label>
          <select id="kon" name="kon">
            {Dimension.sexes.map((s) => (
              <option value={s} selected={s === sex}>
                {Dimension.sexLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit">Visa</button>
        </div>
      </form>

      <h2 id="definition">{indicator.title}</h2>
      <p>{indicator.description}</p>
      <dl class="facts">
        <dt>Enhet</dt>
        <dd>{indicator.unit}</dd>
        <dt>Täljare</dt>
        <dd>{indicator.numerator}</dd>
        {indicator.denominator === null ? null : (
          <>
            <dt>Nämnare</dt>
            <dd>{indicator.denominator}</dd>
          </>
        )}
        <dt>Källa</dt>
        <dd>{indicator.source}</dd>
        <dt>Skyddade uppgifter</dt>
        <dd>{`Antal från 1 till ${view.threshold - 1} visas inte, och inte heller uppgifter som skulle göra det möjligt att räkna ut dem. De visas som ”skyddat”.`}</dd>
      </dl>

      <h2 id="regioner">{`Per region ${year}`}</h2>
      <p>
        {`Riket: ${formatValue(indicator, riket?.value ?? null)}. `}
        {byRegion.coefficientOfVariation === null ? "" : `Spridningen mellan regionerna (variationskoefficient) är ${Format.decimal(byRegion.coefficientOfVariation, 1)}\u00a0%. `}
        {suppressedCount === 0 ? "" : `${suppressedCount} regioner har skyddade uppgifter.`}
      </p>
      <CaptionedTable caption={regionCaption}>
        <thead>
          <tr>
            <th scope="col">{header("name")}</th>
            {["value", "rank", "ratioToRiket", "changePercent"].map((field) => (
              <th scope="col" class="num">
                {header(field)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {byRegion.rows.map((r) => (
            <tr>
              <th scope="row">
                <RegionLink code={r.region} name={r.name} />
              </th>
              <td class="num">
                <Suppressed value={r.value} indicator={indicator} />
              </td>
              <td class="num">{r.rank === null ? "–" : String(r.rank)}</td>
              <td class="num">{r.ratioToRiket === null ? "–" : Format.decimal(r.ratioToRiket, 2)}</td>
              <td class="num">{r.changePercent === null ? "–" : `${signed(r.changePercent, 1)}\u00a0%`}</td>
            </tr>
          ))}
        </tbody>
      </CaptionedTable>
      <Downloads
        label="Ladda ner tabellen per region"
        items={tableDownloads("/indikatorer/regioner", `?${view.query}`)}
      />
      <figure class="chart">
        <figcaption>{regionCaption}</figcaption>
        <BarChart
          id="regiondiagram"
          title={regionCaption}
          description={`Liggande stapeldiagram med ett värde per region och riket. ${
            highest === undefined || lowest === undefined
              ? "Inga publicerade värden."
              : `Högst ${highest.name} (${formatValue(indicator, highest.value)}), lägst ${lowest.name} (${formatValue(indicator, lowest.value)}).`
          } ${suppressedCount === 0 ? "" : `${suppressedCount} regioner visas som skyddade. `}Samma uppgifter finns i tabellen ovan.`}
          layout="grouped"
          series={[{ key: sex, label: Dimension.sexLabel(sex) }]}
          bars={byRegion.rows.map((r) => ({ label: r.name, values: [r.value] }))}
          formatTick={(v) => formatValue(indicator, v)}
          formatValue={(v) => formatValue(indicator, v)}
        />
      </figure>

      {indicator.bySex ? (
        <>
          <h2 id="per-kon">{`Per kön ${year}`}</h2>
          <CaptionedTable caption={sexCaption}>
            <thead>
              <tr>
                <th scope="col">Kön</th>
                <th scope="col" class="num">
                  Värde
                </th>
              </tr>
            </thead>
            <tbody>
              {view.bySex.map((row) => (
                <tr>
                  <th scope="row">{row.label}</th>
                  <td class="num">
                    <Suppressed value={row.value} indicator={indicator} />
                  </td>
                </tr>
              ))}
            </tbody>
          </CaptionedTable>
          <figure class="chart">
            <figcaption>{sexCaption}</figcaption>
            <BarChart
              id="kondiagram"
              title={sexCaption}
              description={`Stapeldiagram för riket: ${view.bySex.map((row) => `${row.label.toLowerCase()} ${formatValue(indicator, row.value)}`).join(", ")}. Samma uppgifter finns i tabellen ovan.`}
              layout="grouped"
              series={[{ key: "v", label: "Värde" }]}
              bars={view.bySex.map((row) => ({ label: row.label, values: [row.value] }))}
              formatTick={(v) => formatValue(indicator, v)}
              formatValue={(v) => formatValue(indicator, v)}
            />
          </figure>
        </>
      ) : null}

      <h2 id="over-tid">Över tid</h2>
      <CaptionedTable caption={yearsCaption}>
        <thead>
          <tr>
            <th scope="col">År</th>
            {shownSexes.map((s) => (
              <th scope="col" class="num">
                {Dimension.sexLabel(s)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.overYears.map((y) => (
            <tr>
              <th scope="row">{String(y.year)}</th>
              {shownSexes.map((s) => (
                <td class="num">
                  <Suppressed value={y.values[s]} indicator={indicator} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </CaptionedTable>
      <figure class="chart">
        <figcaption>{yearsCaption}</figcaption>
        <Legend series={lineSeries} kind="line" />
        <LineChart
          id="tidsdiagram"
          title={yearsCaption}
          description={`Linjediagram för riket ${view.years.from}–${view.years.to}, en linje per kön. ${lineSeries
            .map((s) => `${s.label}: ${formatValue(indicator, s.values[0] ?? null)} år ${years[0]} och ${formatValue(indicator, s.values[s.values.length - 1] ?? null)} år ${years[years.length - 1]}`)
            .join("; ")}. Samma uppgifter finns i tabellen ovan.`}
          labels={years}
          series={lineSeries}
          formatTick={(v) => formatValue(indicator, v)}
        />
      </figure>
      <Downloads label="Ladda ner hela den skyddade kuben" items={[
          { href: `/indikatorer/kub.excel.csv${versionQuery(view.origin)}`, label: "CSV för Excel" },
          { href: `/indikatorer/kub.csv${versionQuery(view.origin)}`, label: "CSV för maskinläsning" }
        ]} />
    </Layout>
  )
}
