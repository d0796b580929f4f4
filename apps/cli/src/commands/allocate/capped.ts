import type { CappedPot } from "@uppdrag/allocation"
import { type Assignment, Kronor, type ValidationError } from "@uppdrag/core"
import { GrantAllocation, type InputFiles } from "@uppdrag/application"
import * as Effect from "effect/Effect"
import type { Refusal } from "../../terminal/Failure.js"
import { Usage } from "../../terminal/Failure.js"
import { renderCsv } from "../../terminal/Csv.js"
import { writeOutput } from "../../terminal/Output.js"
import { renderTable } from "../../terminal/Table.js"
import type { AllocateOptions } from "../allocate.js"
import { refuseBinaryOnTerminal } from "./run.js"

/**
 * `uppdrag allocate` for a capped, performance-based pot (the 2012 model of
 * seed 002): checks the options, calls `GrantAllocation.capped`, renders.
 */
export const allocateCapped = (grant: Assignment.Grant, options: AllocateOptions): Effect.Effect<void, Usage | Refusal | ValidationError | InputFiles.InputUnreadable | CappedPot.CappedPotRefused, InputFiles.InputFiles> =>
  Effect.gen(function* () {
    if (options.conditions === undefined) {
      return yield* Effect.fail(new Usage({ lines: [`--conditions FIL krävs för ${grant.id}: potten betalas efter vilka villkor varje region uppfyllt (se --help)`] }))
    }
    const unsupported = (["explain", "exclude", "compare", "verify", "diff", "scaleTo", "year"] as const).filter((o) => options[o] !== undefined)
    if (unsupported.length > 0) {
      const flag = (o: string) => `--${o.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`
      return yield* Effect.fail(new Usage({ lines: [`${unsupported.map(flag).join(", ")} gäller befolkningsfördelningar, inte en prestationsbaserad pott som ${grant.id}`] }))
    }
    const result = yield* GrantAllocation.capped(grant, {
      population: options.population,
      conditions: options.conditions,
      partial: options.partial === true,
      redistribute: options.redistribute === true
    })
    const { outcome, totals, missing, of } = result
    switch (options.format) {
      case "csv":
        return yield* writeOutput(
          renderCsv(
            ["region", "name", "population", "cap", "conditionsMet", "earned", "redistributed", "amount"],
            outcome.rows.map((r) => [r.region, r.name, r.population, r.cap, of - (missing.get(r.region)?.length ?? 0), r.earned, r.redistributed, r.amount])
          ),
          options.out
        )
      case "json":
        return yield* writeOutput(
          `${JSON.stringify(
            {
              grant: grant.id,
              method: grant.method,
              pot: outcome.pot,
              scoring: result.scoring,
              redistribute: outcome.redistributed,
              rows: outcome.rows.map((r) => ({
                region: r.region,
                name: r.name,
                population: r.population,
                cap: r.cap,
                missing: missing.get(r.region) ?? [],
                earned: r.earned,
                redistributed: r.redistributed,
                amount: r.amount
              })),
              paid: outcome.paid,
              unallocated: outcome.unallocated,
              population: result.population
            },
            null,
            2
          )}\n`,
          options.out
        )
      case "xlsx": {
        yield* refuseBinaryOnTerminal(options.out)
        const { cappedToXlsx } = yield* Effect.promise(() => import("./xlsx.js"))
        return yield* writeOutput(yield* Effect.promise(() => cappedToXlsx(result)), options.out)
      }
      case "table": {
        const n = (value: number) => Kronor.formatNumber(value)
        const rule = result.scoring === "partial" ? "en fjärdedel av taket per uppfyllt villkor" : "hela taket när alla fyra villkor är uppfyllda, annars inget"
        let text = `Prestationsbaserad fördelning av ${grant.id}, kronor (tak: regionens befolkningsandel av ${Kronor.format(outcome.pot)}; ${rule})\n\n`
        text += renderTable(
          [
            { header: "Kod" },
            { header: "Region" },
            { header: "Befolkning", numeric: true },
            { header: "Tak", numeric: true },
            { header: "Villkor" },
            { header: "Intjänat", numeric: true },
            { header: "Omfördelat", numeric: true },
            { header: "Belopp", numeric: true }
          ],
          outcome.rows.map((r) => {
            const lacking = missing.get(r.region) ?? []
            return [r.region, r.name, n(r.population), n(r.cap), lacking.length === 0 ? `${of} av ${of}` : `${of - lacking.length} av ${of} (saknar ${lacking.join(", ")})`, n(r.earned), n(r.redistributed), n(r.amount)]
          }),
          ["", "Riket", n(totals.population), n(totals.cap), "", n(totals.earned), n(totals.redistributed), n(totals.amount)]
        )
        text += `\nUtbetalas: ${Kronor.format(outcome.paid)}. Ej fördelat: ${Kronor.format(outcome.unallocated)}${
          outcome.unallocated === 0 ? "." : outcome.redistributed ? " (ingen region som intjänat något har plats kvar under sitt tak)." : " (fördelas inte vidare; --redistribute fördelar det under samma tak)."
        }\n`
        text += `\nUrsprung:\n  Befolkningsfil  ${result.population.file}\n  SHA-256         ${result.population.sha256}\n`
        return yield* writeOutput(text, options.out)
      }
    }
  })
