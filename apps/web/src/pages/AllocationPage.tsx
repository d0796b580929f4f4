import type { Allocation } from "@uppdrag/allocation"
import { GrantState } from "@uppdrag/application"
import { Assignment, Region } from "@uppdrag/core"
import type { Child, FC } from "hono/jsx"
import { BarChart, Legend } from "../charts/BarChart.js"
import { DefinitionTable } from "../DefinitionTable.js"
import { Downloads, tableDownloads } from "../Downloads.js"
import { GrantDates } from "../GrantDates.js"
import * as Format from "../Format.js"
import { Layout } from "../Layout.js"
import { RegionLink } from "../RegionLink.js"
import { CaptionedTable } from "../CaptionedTable.js"

/** A grant's allocation by the population in force (the application's `GrantState.allocation`), or why it has none. */
export type AllocationOutcome = GrantState.Outcome

const componentTitle = (grant: Assignment.Grant, id: string): string => grant.components.find((c) => c.id === id)?.title ?? id

/** Written summary of the chart (its text alternative): largest and smallest region and the total. */
const describeChart = (allocation: Allocation.Allocation): string => {
  const sorted = [...allocation.rows].filter((r) => r.total > 0).sort((a, b) => b.total - a.total)
  const largest = sorted[0]
  const smallest = sorted[sorted.length - 1]
  if (largest === undefined || smallest === undefined) return "Inga belopp att visa."
  return `Liggande staplat stapeldiagram över ${sorted.length} regioner, ${allocation.components.length} komponenter per region. Störst belopp får ${largest.name} med ${Format.kronor(
    largest.total
  )} (${Format.percent(largest.total / allocation.total)} av totalen), minst ${smallest.name} med ${Format.kronor(smallest.total)}. Totalt ${Format.kronor(allocation.total)}. Samma uppgifter finns i tabellen ovan.`
}

const AllocationTable: FC<{ grant: Assignment.Grant; allocation: Allocation.Allocation }> = ({ grant, allocation }) => {
  // The application's allocation table (the published appendix's columns): its amount columns, each component then the total.
  const amounts = GrantState.allocationColumns(allocation).filter((c) => c.kind === "kronor")
  return (
    <DefinitionTable
      caption={`Fördelning per region och komponent, statsbidrag ${grant.year}`}
      columns={amounts}
      rows={allocation.rows}
      rowHeader={{ header: "Region", cell: (row) => <RegionLink code={row.region} name={row.name} /> }}
      totals={{ label: "Summa", cells: [...allocation.components.map((c) => c.amount), allocation.total] }}
    />
  )
}

/**
 * How a region's amount was computed, component by component (the application's `Allocation.explain`).
 *
 * @example
 * <Explanation grant={grant} explanation={state.explanation} region={state.region} total={state.row?.total ?? 0} />
 */
export const Explanation: FC<{ grant: Assignment.Grant; explanation: ReadonlyArray<Allocation.Explanation>; region: Region.Region; total: number }> = ({ grant, explanation, region, total }) => {
  const caption = `Så räknades beloppet för ${region.name}`
  return (
    <CaptionedTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">Komponent</th>
          <th scope="col" class="num">
            Befolkning i regionen
          </th>
          <th scope="col" class="num">
            Befolkning i riket
          </th>
          <th scope="col" class="num">
            Andel
          </th>
          <th scope="col" class="num">
            Exakt andel av beloppet
          </th>
          <th scope="col" class="num">
            Hela kronor
          </th>
          <th scope="col" class="num">
            Restens plats (1 = störst)
          </th>
          <th scope="col">Extra krona</th>
          <th scope="col" class="num">
            Belopp
          </th>
        </tr>
      </thead>
      <tbody>
        {explanation.map((e) => (
          <tr>
            <th scope="row">{`${componentTitle(grant, e.component)} (${e.basis} år)`}</th>
            <td class="num">{Format.integer(e.population)}</td>
            <td class="num">{Format.integer(e.nationalPopulation)}</td>
            <td class="num">{`${e.sharePercent.replace(".", ",")}\u00a0%`}</td>
            <td class="num">{`${Format.integer(BigInt(e.quota.split(".")[0] ?? "0"))},${e.quota.split(".")[1] ?? "0"}\u00a0kr`}</td>
            <td class="num">{Format.kronor(e.fixed + Number(e.floor))}</td>
            <td class="num">{e.excluded ? "–" : String(e.rank)}</td>
            <td>{e.excluded ? "Utesluten" : e.extra ? "Ja, +1 kr" : "Nej"}</td>
            <td class="num">{Format.kronor(e.amount)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Totalt</th>
          <td colspan={7} />
          <td class="num">{Format.kronor(total)}</td>
        </tr>
      </tfoot>
    </CaptionedTable>
  )
}

/**
 * Fördelning: one grant. The table per region and component, a stacked bar
 * chart with its text alternative, how the largest-remainder method and
 * plain rounding compare, a chosen region's explanation, and the ledger.
 *
 * @example
 * <AllocationPage assignment={a} grant={g} outcome={{ _tag: "Allocated", allocation }} region={Region.fromCode("01")!} ledger={<LedgerSection …/>} />
 */
export const AllocationPage: FC<{
  assignment: Assignment.Assignment
  grant: Assignment.Grant
  outcome: AllocationOutcome
  region: Region.Region
  explanation: ReadonlyArray<Allocation.Explanation>
  /** The chosen region's row of the allocation (its total). */
  regionRow?: Allocation.Row | undefined
  plainRounding: ReadonlyArray<Allocation.PlainRounding>
  ledger?: Child
}> = ({ assignment, grant, outcome, region, explanation, regionRow, plainRounding, ledger }) => {
  const series = grant.components.map((c) => ({ key: c.id, label: c.title }))
  const off = plainRounding.filter((p) => p.difference !== 0)
  return (
    <Layout title={`Fördelning ${grant.year}`} section="fordelning">
      <p class="muted">
        {"Beslut "}
        <a href={`/uppdrag/${assignment.id}`}>{Assignment.mainDiaryNumber(assignment)}</a>
        {`, beslutat ${Assignment.formatDecided(assignment)}`}
      </p>
      <h1>{`Fördelning av statsbidrag ${grant.year}`}</h1>
      <p class="lead">{grant.title}</p>
      <dl class="facts">
        <dt>Belopp till regionerna</dt>
        <dd>{Format.kronor(grant.amount)}</dd>
        <dt>Metod</dt>
        <dd>{grant.method === "largest-remainder" ? "Efter befolkning, med största resten (Hamiltons metod) i hela kronor" : "Prestationsbaserad pott med tak efter befolkningsandel"}</dd>
        <dt>Befolkningsunderlag</dt>
        <dd>{[...new Set(grant.components.map((c) => c.populationReference))].join(", ")}</dd>
        <GrantDates grant={grant} />
      </dl>

      {outcome._tag === "NotAllocated" ? (
        <div class="notice">
          <p>{`Fördelningen per region kan inte visas: ${outcome.reason}`}</p>
        </div>
      ) : (
        <>
          <h2 id="tabell">Fördelning per region</h2>
          <AllocationTable grant={grant} allocation={outcome.allocation} />
          <Downloads
            label="Ladda ner fördelningen"
            items={tableDownloads(`/fordelning/${grant.id}/fordelning`)}
          />
          <h2 id="diagram">Diagram</h2>
          <figure class="chart">
            <figcaption>{`Belopp per region och komponent, statsbidrag ${grant.year}`}</figcaption>
            <Legend series={series} />
            <BarChart
              id="fordelningsdiagram"
              title={`Fördelning per region, statsbidrag ${grant.year}`}
              description={describeChart(outcome.allocation)}
              layout="stacked"
              series={series}
              bars={outcome.allocation.rows.map((r) => ({ label: r.name, values: outcome.allocation.components.map((c) => r.amounts[c.id] ?? 0) }))}
              formatTick={Format.millions}
              formatValue={Format.kronor}
            />
          </figure>

          <h2 id="metod">Så fördelas pengarna</h2>
          <p>
            Varje komponent fördelas för sig efter regionernas andel av befolkningen i komponentens åldersgrupp. Varje region får först hela kronor av sin exakta andel; de kronor som då blir över
            delas ut en i taget till de regioner som har störst rest (största resten, Hamiltons metod). Då blir summan exakt komponentens belopp.
          </p>
          {off.length === 0 ? (
            <p>Vanlig avrundning av varje regions andel hade gett samma summor i alla komponenter.</p>
          ) : (
            <ul>
              {off.map((p) => (
                <li>{`Med vanlig avrundning hade ${componentTitle(grant, p.component).toLowerCase()} summerat till ${Format.kronor(p.total)}, ${Format.kronor(Math.abs(p.difference))} ${
                  p.difference > 0 ? "för mycket" : "för lite"
                } (${p.differences.length} regioner hade fått ett annat belopp).`}</li>
              ))}
            </ul>
          )}

          <h2 id="forklaring">Förklaring per region</h2>
          <form class="filter" method="get" action={`/fordelning/${grant.id}#forklaring`}>
            <div>
              <label for="region">Region</label>
              <select id="region" name="region">
                {Region.all.map((r) => (
                  <option value={r.code} selected={r.code === region.code}>
                    {r.name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <button type="submit">Visa förklaring</button>
            </div>
          </form>
          <Explanation grant={grant} explanation={explanation} region={region} total={regionRow?.total ?? 0} />
        </>
      )}
      {ledger}
    </Layout>
  )
}

/**
 * Fördelning: the list of grants, each linking to its page.
 *
 * @example
 * <AllocationListPage grants={Catalog.grants(catalog)} />
 */
export const AllocationListPage: FC<{ grants: ReadonlyArray<{ assignment: Assignment.Assignment; grant: Assignment.Grant }> }> = ({ grants }) => {
  const caption = `Statsbidrag till regionerna (${grants.length})`
  return (
    <Layout title="Fördelning" section="fordelning">
      <h1>Fördelning</h1>
      <p class="lead">Hur statsbidragen fördelas mellan regionerna, och vad som rekvirerats, betalats ut och ska betalas tillbaka.</p>
      <CaptionedTable caption={caption}>
        <thead>
          <tr>
            <th scope="col">År</th>
            <th scope="col">Statsbidrag</th>
            <th scope="col" class="num">
              Belopp
            </th>
            <th scope="col">Beslut</th>
          </tr>
        </thead>
        <tbody>
          {[...grants]
            .sort((a, b) => b.grant.year - a.grant.year)
            .map(({ assignment, grant }) => (
              <tr>
                <th scope="row">{String(grant.year)}</th>
                <td>
                  <a href={`/fordelning/${grant.id}`}>{grant.title}</a>
                </td>
                <td class="num">{Format.kronor(grant.amount)}</td>
                <td>
                  <a href={`/uppdrag/${assignment.id}`}>{Assignment.mainDiaryNumber(assignment)}</a>
                </td>
              </tr>
            ))}
        </tbody>
      </CaptionedTable>
    </Layout>
  )
}
