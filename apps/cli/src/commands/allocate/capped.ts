import { CappedPot } from "@uppdrag/allocation"
import { type Assignment, Kronor, Population, PopulationBasis, Region } from "@uppdrag/core"
import { Conditions2012 } from "@uppdrag/indicators"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { Refusal, Usage } from "../../terminal/Failure.js"
import { readInputFile } from "../../terminal/InputFile.js"
import { renderCsv } from "../../terminal/Csv.js"
import { writeOutput } from "../../terminal/Output.js"
import { renderTable } from "../../terminal/Table.js"
import type { AllocateOptions } from "../allocate.js"
import { refuseBinaryOnTerminal } from "./run.js"

/** The checklists of a conditions file (CSV `region,kompetensplan,nyaTeam,tvangsatgarder,redovisning`, ja/nej). */
const readConditions = (file: string) =>
  Effect.gen(function* () {
    const text = yield* Effect.fromResult(Population.decode(yield* readInputFile(file), file))
    const found = yield* Effect.fromResult(Conditions2012.parseCsv(text, file))
    const missing = Region.all.filter((r) => !found.some((c) => c.region === r.code))
    if (missing.length > 0) return yield* Effect.fail(new Refusal({ lines: missing.map((r) => `${file}: ${r.name} (${r.code}) saknas; villkorsfilen ska ha en rad per region`) }))
    return found
  })

/**
 * `uppdrag allocate` for a capped, performance-based pot (the 2012 model of
 * seed 002): each region's cap is its population share of the pot, earned
 * when the region meets the conditions (`--partial`: a quarter per condition
 * met), what is not earned reported as unallocated unless `--redistribute`
 * splits it again under the same caps.
 */
export const allocateCapped = (grant: Assignment.Grant, options: AllocateOptions) =>
  Effect.gen(function* () {
  if (options.conditions === undefined) {
    return yield* Effect.fail(new Usage({ lines: [`--conditions FIL krävs för ${grant.id}: potten betalas efter vilka villkor varje region uppfyllt (se --help)`] }))
  }
  const unsupported = (["explain", "exclude", "compare"] as const).filter((o) => options[o] !== undefined)
  if (unsupported.length > 0) {
    return yield* Effect.fail(new Usage({ lines: [`${unsupported.map((o) => `--${o}`).join(", ")} gäller befolkningsfördelningar, inte en prestationsbaserad pott som ${grant.id}`] }))
  }
  const checklists = yield* readConditions(options.conditions)
  const population = yield* Effect.fromResult(Population.parseFile(options.population))
  // The catalog allows a capped pot exactly one component: the whole pot, by one population basis.
  const component = grant.components[0]!
  const figures = yield* Effect.fromResult(Population.basis(population, PopulationBasis.unsafeParse(component.basis)))
  const attainment = CappedPot.fromChecklist(Object.fromEntries(checklists.map((c) => [c.region, Conditions2012.conditions.map((x) => c.met[x.id])])), {
    allOrNothing: options.partial !== true
  })
  const outcome = CappedPot.allocate(grant.amount, figures, attainment, { redistribute: options.redistribute === true })
  if (Result.isFailure(outcome)) return yield* Effect.fail(new Refusal({ lines: [outcome.failure.message] }))
  const result = outcome.success
  const missing = new Map(checklists.map((c) => [c.region, Conditions2012.evaluate(c).missing]))
  switch (options.format) {
    case "csv":
      return yield* writeOutput(
        renderCsv(
          ["region", "name", "population", "cap", "conditionsMet", "earned", "redistributed", "amount"],
          result.rows.map((r) => [r.region, r.name, r.population, r.cap, Conditions2012.conditions.length - (missing.get(r.region)?.length ?? 0), r.earned, r.redistributed, r.amount])
        ),
        options.out
      )
    case "json":
      return yield* writeOutput(
        `${JSON.stringify(
          {
            grant: grant.id,
            method: grant.method,
            pot: result.pot,
            scoring: options.partial === true ? "partial" : "all-or-nothing",
            redistribute: result.redistributed,
            rows: result.rows.map((r) => ({
              region: r.region,
              name: r.name,
              population: r.population,
              cap: r.cap,
              missing: missing.get(r.region) ?? [],
              earned: r.earned,
              redistributed: r.redistributed,
              amount: r.amount
            })),
            paid: result.paid,
            unallocated: result.unallocated
          },
          null,
          2
        )}\n`,
        options.out
      )
    case "xlsx": {
      yield* refuseBinaryOnTerminal(options.out)
      const { cappedToXlsx } = yield* Effect.promise(() => import("./xlsx.js"))
      return yield* writeOutput(yield* Effect.promise(() => cappedToXlsx(grant.id, result)), options.out)
    }
    case "table": {
      const n = (value: number) => Kronor.formatNumber(value)
      const of = Conditions2012.conditions.length
      const rule = options.partial === true ? "en fjärdedel av taket per uppfyllt villkor" : "hela taket när alla fyra villkor är uppfyllda, annars inget"
      let text = `Prestationsbaserad fördelning av ${grant.id}, kronor (tak: regionens befolkningsandel av ${Kronor.format(result.pot)}; ${rule})\n\n`
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
        result.rows.map((r) => {
          const lacking = missing.get(r.region) ?? []
          return [r.region, r.name, n(r.population), n(r.cap), lacking.length === 0 ? `${of} av ${of}` : `${of - lacking.length} av ${of} (saknar ${lacking.join(", ")})`, n(r.earned), n(r.redistributed), n(r.amount)]
        }),
        ["", "Riket", n(result.rows.reduce((sum, r) => sum + r.population, 0)), n(result.pot), "", n(result.paid - sumRedistributed(result)), n(sumRedistributed(result)), n(result.paid)]
      )
      text += `\nUtbetalas: ${Kronor.format(result.paid)}. Ej fördelat: ${Kronor.format(result.unallocated)}${
        result.unallocated === 0 ? "." : result.redistributed ? " (ingen region som intjänat något har plats kvar under sitt tak)." : " (fördelas inte vidare; --redistribute fördelar det under samma tak)."
      }\n`
      return yield* writeOutput(text, options.out)
    }
  }
  })

const sumRedistributed = (result: CappedPot.Outcome): number => result.rows.reduce((sum, r) => sum + r.redistributed, 0)
