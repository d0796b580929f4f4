import { GrantState } from "@uppdrag/application"
import type { Ledger } from "@uppdrag/allocation"
import type { FC } from "hono/jsx"
import { DefinitionTable } from "../DefinitionTable.js"
import { Downloads, tableDownloads } from "../Downloads.js"
import * as Format from "../Format.js"
import { RegionLink } from "../RegionLink.js"

/** The ledger's amount columns, in the application's order and with its Swedish headers. */
const amountColumns = GrantState.ledgerColumns.filter((c) => c.kind === "kronor")

/**
 * The ledger of a grant (the application's `GrantState.ledger`): per region
 * and for Riket, the application's ledger columns (allocated by the
 * population in force, requisitioned, paid out, reported used, to repay,
 * repaid, outstanding).
 *
 * @example
 * <LedgerSection grantId="specialiserad-psykiatri-2026" year={2026} summary={summary} />
 */
export const LedgerSection: FC<{ grantId: string; year: number; summary: Ledger.Summary | undefined }> = ({ grantId, year, summary }) => {
  const caption = `Liggare för statsbidrag ${year}: rekvisition, utbetalning och återbetalning per region`
  if (summary === undefined) {
    return (
      <>
        <h2 id="liggare">Rekvisition, utbetalning och återbetalning</h2>
        <p>Ingen databas är ansluten, så inga rekvisitioner eller utbetalningar kan visas.</p>
      </>
    )
  }
  const rows = GrantState.ledgerRows(summary)
  const total = rows.at(-1)
  return (
    <>
      <h2 id="liggare">Rekvisition, utbetalning och återbetalning</h2>
      <p>{`Rekvirerat hittills ${Format.kronor(summary.total.requisitioned)} av ${Format.kronor(summary.total.allocated)}; utbetalt ${Format.kronor(summary.total.paidOut)}; kvar att återbetala ${Format.kronor(summary.total.outstanding)}.`}</p>
      <DefinitionTable
        caption={caption}
        columns={amountColumns}
        rows={rows.slice(0, -1)}
        rowHeader={{ header: "Region", cell: (row) => <RegionLink code={row.region} name={row.name} /> }}
        totals={total === undefined ? undefined : { label: total.name, row: total }}
      />
      <Downloads
        label="Ladda ner liggaren"
        items={tableDownloads(`/fordelning/${grantId}/liggare`)}
      />
    </>
  )
}
