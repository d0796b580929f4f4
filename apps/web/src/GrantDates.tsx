import type { Assignment } from "@uppdrag/core"
import type { FC } from "hono/jsx"

/**
 * The money dates of a grant as `<dt>`/`<dd>` pairs for a description list:
 * requisition window, last payout date and last repayment date, each only
 * when the decision sets it.
 */
export const GrantDates: FC<{ grant: Assignment.Grant }> = ({ grant }) => (
  <>
    {grant.requisitionWindow === undefined ? null : (
      <>
        <dt>Rekvisition</dt>
        <dd>{`${grant.requisitionWindow.start} – ${grant.requisitionWindow.end}`}</dd>
      </>
    )}
    {grant.payoutBy === undefined ? null : (
      <>
        <dt>Utbetalning senast</dt>
        <dd>{grant.payoutBy}</dd>
      </>
    )}
    {grant.repaymentBy === undefined ? null : (
      <>
        <dt>Återbetalning senast</dt>
        <dd>{grant.repaymentBy}</dd>
      </>
    )}
  </>
)
