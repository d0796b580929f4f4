import type { Ledger } from "@uppdrag/allocation"
import { Region } from "@uppdrag/core"
import type { FC } from "hono/jsx"
import { Downloads } from "../Downloads.js"
import * as Format from "../Format.js"
import { TableRegion } from "../TableRegion.js"

/** The ledger's columns: field and Swedish heading. */
export const ledgerColumns = [
  ["allocated", "Tilldelat"],
  ["requisitioned", "Rekvirerat"],
  ["paidOut", "Utbetalt"],
  ["reportedUsed", "Redovisat använt"],
  ["toRepay", "Att återbetala"],
  ["repaid", "Återbetalt"],
  ["outstanding", "Kvar att återbetala"]
] as const

/**
 * The ledger of a grant (from the event log, folded by @uppdrag/allocation):
 * per region and for Riket, allocated, requisitioned, paid out, reported
 * used, to repay, repaid and outstanding.
 *
 * @example
 * <LedgerSection grantId="specialiserad-psykiatri-2026" year={2026} summary={summary} />
 */
export const LedgerSection: FC<{ grantId: string; year: number; summary: Ledger.Summary | undefined }> = ({ grantId, year, summary }) => {
  const caption = `Liggare för statsbidrag ${year}: rekvisition, utbetalning och återbetalning per region`
  return (
    <>
      <h2 id="liggare">Rekvisition, utbetalning och återbetalning</h2>
      {summary === undefined ? (
        <p>Ingen databas är ansluten, så inga rekvisitioner eller utbetalningar kan visas.</p>
      ) : (
        <>
          <p>{`Rekvirerat hittills ${Format.kronor(summary.total.requisitioned)} av ${Format.kronor(summary.total.allocated)}; utbetalt ${Format.kronor(summary.total.paidOut)}; kvar att återbetala ${Format.kronor(summary.total.outstanding)}.`}</p>
          <TableRegion label={caption}>
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">Region</th>
                  {ledgerColumns.map(([, heading]) => (
                    <th scope="col" class="num">
                      {heading}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {summary.rows.map((row) => (
                  <tr>
                    <th scope="row">{Region.fromCode(row.region)?.name ?? row.region}</th>
                    {ledgerColumns.map(([field]) => (
                      <td class="num">{Format.kronor(row[field])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Riket</th>
                  {ledgerColumns.map(([field]) => (
                    <td class="num">{Format.kronor(summary.total[field])}</td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </TableRegion>
          <Downloads
            label="Ladda ner liggaren"
            items={[
              { href: `/fordelning/${grantId}/liggare.csv`, label: "CSV" },
              { href: `/fordelning/${grantId}/liggare.xlsx`, label: "Excel" }
            ]}
          />
        </>
      )}
    </>
  )
}
