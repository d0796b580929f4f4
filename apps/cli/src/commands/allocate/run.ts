import { Allocation, Provenance, type PublishedTable } from "@uppdrag/allocation"
import { Kronor, Region } from "@uppdrag/core"
import { CatalogSource, GrantAllocation, InputFiles } from "@uppdrag/application"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Result from "effect/Result"
import { Refusal, Usage } from "../../terminal/Failure.js"
import { renderCsv } from "../../terminal/Csv.js"
import { writeOutput } from "../../terminal/Output.js"
import { renderTable } from "../../terminal/Table.js"
import type { AllocateOptions } from "../allocate.js"
import type { Outcome } from "../../terminal/Options.js"

const parseExclude = (text: string | undefined): Effect.Effect<Array<string>, Refusal> => {
  if (text === undefined) return Effect.succeed([])
  const codes = text
    .split(",")
    .map((c) => c.trim())
    .filter((c) => c !== "")
  const bad = codes.filter((c) => !Region.isRegionCode(c))
  if (bad.length > 0) return Effect.fail(new Refusal({ lines: bad.map((c) => `--exclude: okänd regionkod ${JSON.stringify(c)} (ange SCB-koder 01–25, kommaseparerade)`) }))
  return Effect.succeed(codes)
}

const parseScaleTo = (text: string | undefined): Effect.Effect<number | undefined, Usage> => {
  if (text === undefined) return Effect.succeed(undefined)
  const parsed = Kronor.parse(text)
  return Result.isSuccess(parsed) ? Effect.succeed(parsed.success) : Effect.fail(new Usage({ lines: [`--scale-to: ${parsed.failure}`] }))
}

const parseYear = (text: string | undefined): Effect.Effect<number | undefined, Usage> => {
  if (text === undefined) return Effect.succeed(undefined)
  return /^\d{4}$/.test(text.trim()) ? Effect.succeed(Number(text.trim())) : Effect.fail(new Usage({ lines: [`--year: ${JSON.stringify(text)} är inget år (skriv t.ex. 2027)`] }))
}

/** `--format xlsx` writes binary data: not onto a terminal. */
export const refuseBinaryOnTerminal = (out: string | undefined): Effect.Effect<void, Usage> =>
  out === undefined && process.stdout.isTTY === true ? Effect.fail(new Usage({ lines: ["--format xlsx skriver binärdata: ange --out FIL (eller skicka vidare med |)"] })) : Effect.void

/** The files the user named, read from disk: the edge of the use case. */
const files = InputFiles.layerFileSystem

/** `uppdrag allocate`: parse the options, call the use case, render. */
export const allocate = (options: AllocateOptions): Outcome =>
  Effect.gen(function* () {
    const exclude = yield* parseExclude(options.exclude)
    const scaleTo = yield* parseScaleTo(options.scaleTo)
    const year = yield* parseYear(options.year)
    if (options.explain !== undefined && options.format === "xlsx") return yield* Effect.fail(new Usage({ lines: ["--explain kan visas som table, csv eller json, inte xlsx"] }))
    const together = (["explain", "verify", "diff"] as const).filter((o) => options[o] !== undefined)
    if (together.length > 1) return yield* Effect.fail(new Usage({ lines: [`${together.map((o) => `--${o}`).join(" och ")} kan inte anges samtidigt`] }))
    if ((options.verify !== undefined || options.diff !== undefined) && options.format === "xlsx") {
      return yield* Effect.fail(new Usage({ lines: [`--${options.verify !== undefined ? "verify" : "diff"} kan visas som table, csv eller json, inte xlsx`] }))
    }
    const explainRegion = options.explain === undefined ? undefined : Region.parse(options.explain)
    if (explainRegion !== undefined && (Result.isFailure(explainRegion) || explainRegion.success.code === "00")) {
      return yield* Effect.fail(new Refusal({ lines: [`--explain: okänd region ${JSON.stringify(options.explain)} (ange SCB-kod 01–25 eller länets namn)`] }))
    }
    const resolved = yield* GrantAllocation.resolve(options.grant)
    if (resolved._tag === "Capped") {
      const { allocateCapped } = yield* Effect.promise(() => import("./capped.js"))
      return yield* allocateCapped(resolved.grant, options)
    }
    const unsupported = (["conditions", "partial", "redistribute"] as const).filter((o) => options[o] !== undefined)
    if (unsupported.length > 0) {
      return yield* Effect.fail(new Usage({ lines: [`${unsupported.map((o) => `--${o}`).join(", ")} gäller prestationsbaserade pottar (capped-performance), inte ${options.grant}`] }))
    }
    const result = yield* GrantAllocation.allocateResolved(resolved, {
      grant: options.grant,
      population: options.population,
      exclude,
      year,
      scaleTo,
      verify: options.verify,
      diff: options.diff
    })
    if (options.provenance !== undefined) yield* writeOutput(`${JSON.stringify(result.provenance, null, 2)}\n`, options.provenance)
    if (result.verification !== undefined) return yield* renderVerification(result, result.verification, options)
    if (result.diff !== undefined) return yield* writeOutput(renderDiff(result, result.diff, options.format), options.out)
    const { allocation } = result
    if (explainRegion !== undefined && Result.isSuccess(explainRegion)) return yield* writeOutput(renderExplanation(result, explainRegion.success, options.format), options.out)
    switch (options.format) {
      case "csv":
        return yield* writeOutput(`${preliminaryComment(result)}${toCsv(allocation)}`, options.out)
      case "json":
        return yield* writeOutput(`${JSON.stringify(toJson(result, options.compare === true), null, 2)}\n`, options.out)
      case "xlsx": {
        yield* refuseBinaryOnTerminal(options.out)
        const { toXlsx } = yield* Effect.promise(() => import("./xlsx.js"))
        return yield* writeOutput(yield* Effect.promise(() => toXlsx(result)), options.out)
      }
      case "table":
        return yield* writeOutput(toTable(result, options.compare === true), options.out)
    }
  }).pipe(
    Effect.catchTag("OptionNotApplicable", (e) => Effect.fail(new Usage({ lines: [e.reason] }))),
    Effect.provide(Layer.mergeAll(files, CatalogSource.layer(options.catalog ?? [])))
  )

/** The first line of a preliminary CSV: a comment, so the table itself stays the same columns. */
const preliminaryComment = (result: GrantAllocation.Allocated): string =>
  result.preliminary ? `# PRELIMINÄR: ${result.provenance.preliminary.join("; ")}\n` : ""

/** `region,name,<component ids>,total`, SCB code order, plain integers: byte-identical to the published 2026 table. */
const toCsv = (allocation: Allocation.Allocation): string =>
  renderCsv(
    ["region", "name", ...allocation.components.map((c) => c.id), "total"],
    allocation.rows.map((row) => [row.region, row.name, ...allocation.components.map((c) => row.amounts[c.id] ?? 0), row.total])
  )

const status = (result: GrantAllocation.Allocated) => (result.preliminary ? { status: "PRELIMINÄR" } : {})

const toJson = (result: GrantAllocation.Allocated, compare: boolean) => {
  const { allocation } = result
  return {
    ...status(result),
    grant: allocation.grant,
    method: allocation.method,
    components: allocation.components.map((c) => ({
      id: c.id,
      amount: c.amount,
      basis: c.basis,
      ...(c.fixedPerRegion === undefined ? {} : { fixedPerRegion: c.fixedPerRegion })
    })),
    ...(allocation.exclude.length > 0 ? { exclude: allocation.exclude } : {}),
    rows: allocation.rows.map((r) => ({ region: r.region, name: r.name, amounts: r.amounts, total: r.total })),
    total: allocation.total,
    ...(compare
      ? {
          plainRounding: Allocation.plainRounding(allocation).map((p) => ({
            component: p.component,
            amount: p.amount,
            total: p.total,
            difference: p.difference,
            differences: p.differences
          }))
        }
      : {}),
    provenance: result.provenance
  }
}

const n = (value: number | bigint): string => Kronor.formatNumber(value)
const signed = (value: number): string => (value > 0 ? `+${n(value)}` : n(value))

/** `6719220.828987` as `6 719 220,828987`. */
const decimalComma = (text: string): string => {
  const [whole, fraction] = text.split(".")
  return fraction === undefined ? n(BigInt(whole ?? "0")) : `${n(BigInt(whole ?? "0"))},${fraction}`
}

/** The PRELIMINÄR banner of a table. */
const banner = (result: GrantAllocation.Allocated): string => (result.preliminary ? `PRELIMINÄR: ${result.provenance.preliminary.join("; ")}\n\n` : "")

/** The notes block under every table: where the figures came from. */
const notes = (provenance: Provenance.Provenance): string => {
  const entries = Provenance.entries(provenance).filter(([label]) => label !== "Status")
  const width = Math.max(...entries.map(([label]) => label.length))
  return `\nUrsprung:\n${entries.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join("\n")}\n`
}

const title = (c: Allocation.ComponentResult): string => c.title ?? c.id

const toTable = (result: GrantAllocation.Allocated, compare: boolean): string => {
  const { allocation } = result
  const excluded = new Set<string>(allocation.exclude)
  const columns = [
    { header: "Kod" },
    { header: "Region" },
    ...allocation.components.map((c) => ({ header: `${title(c)} (${c.basis})`, numeric: true })),
    { header: "Totalt per region", numeric: true }
  ]
  const rows = allocation.rows.map((r) =>
    excluded.has(r.region)
      ? [r.region, `${r.name} (undantagen)`, ...allocation.components.map(() => "–"), "–"]
      : [r.region, r.name, ...allocation.components.map((c) => n(r.amounts[c.id] ?? 0)), n(r.total)]
  )
  const totals = ["", "Riket", ...allocation.components.map((c) => n(c.amount)), n(allocation.total)]
  const year = result.provenance.year === undefined ? "" : ` för ${result.provenance.year}`
  let text = `${banner(result)}Fördelning av ${allocation.grant}${year}, kronor (största rest-metoden per komponent; lika rester: större befolkning, sedan lägre kod)\n\n`
  text += renderTable(columns, rows, totals)
  if (compare) {
    text += "\nJämförelse med vanlig avrundning (varje regions exakta andel avrundad till närmaste krona):\n"
    for (const p of Allocation.plainRounding(allocation)) {
      const sign = p.difference > 0 ? "+" : ""
      const name = title(allocation.components.find((c) => c.id === p.component)!)
      text +=
        p.difference === 0
          ? `  ${name}: samma summa, ${Kronor.format(p.total)}`
          : `  ${name}: ${Kronor.format(p.total)} i stället för ${Kronor.format(p.amount)} (${sign}${n(p.difference)} kr)`
      text += p.differences.length === 0 ? "\n" : `; skiljer för ${p.differences.map((d) => `${Region.fromCode(d.region)?.shortName ?? d.region} ${n(d.plain)} mot ${n(d.largestRemainder)}`).join(", ")}\n`
    }
  }
  return text + notes(result.provenance)
}

/** `--verify`: the check in the chosen format; exit 1 (after writing) when a cell disagrees. */
const renderVerification = (result: GrantAllocation.Allocated, check: PublishedTable.Verification, options: AllocateOptions) =>
  Effect.gen(function* () {
    const label = (component: string) => (component === "total" ? "Totalt" : title(result.allocation.components.find((c) => c.id === component)!))
    const count = check.discrepancies.length
    let text: string
    if (options.format === "json") {
      text = `${JSON.stringify({ ...status(result), verified: count === 0, table: { file: check.source, sha256: check.sha256 }, cells: check.cells, discrepancies: check.discrepancies, provenance: result.provenance }, null, 2)}\n`
    } else if (options.format === "csv") {
      text = renderCsv(["region", "name", "component", "published", "computed", "difference"], check.discrepancies.map((d) => [d.region, d.name, d.component, d.published, d.computed, d.difference]))
    } else {
      text = `${banner(result)}Kontroll av ${check.source} (SHA-256 ${check.sha256}) mot omräkningen av ${result.allocation.grant}\n\n`
      text +=
        count === 0
          ? `Alla ${check.cells} celler stämmer på kronan.\n`
          : `${count} av ${check.cells} celler avviker:\n\n${renderTable(
              [{ header: "Kod" }, { header: "Region" }, { header: "Komponent" }, { header: "Publicerat", numeric: true }, { header: "Beräknat", numeric: true }, { header: "Skillnad", numeric: true }],
              check.discrepancies.map((d) => [d.region, d.name, label(d.component), n(d.published), n(d.computed), signed(d.difference)])
            )}`
      text += notes(result.provenance)
    }
    yield* writeOutput(text, options.out)
    if (count > 0) {
      return yield* Effect.fail(
        new Refusal({
          lines: [
            `${check.source}: ${count} av ${check.cells} celler avviker från omräkningen`,
            ...check.discrepancies.map((d) => `  ${d.name} (${d.region}), ${label(d.component)}: publicerat ${Kronor.format(d.published)}, beräknat ${Kronor.format(d.computed)}, skillnad ${signed(d.difference)} kr`)
          ]
        })
      )
    }
  })

/** `--diff`: each region's change, split into the part from the pot and from the population. */
const renderDiff = (result: GrantAllocation.Allocated, diff: PublishedTable.Diff, format: AllocateOptions["format"]): string => {
  if (format === "json") return `${JSON.stringify({ ...status(result), grant: result.allocation.grant, against: { file: diff.source, sha256: diff.sha256 }, ...diff, provenance: result.provenance }, null, 2)}\n`
  if (format === "csv") {
    const ids = result.allocation.components.map((c) => c.id)
    return `${preliminaryComment(result)}${renderCsv(
      ["region", "name", "component", "before", "after", "change", "fromPot", "fromPopulation"],
      diff.rows.flatMap((r) =>
        [...ids.map((id) => [id, r.components[id]!] as const), ["total", r.total] as const].map(([id, c]) => [r.region, r.name, id, c.before, c.after, c.change, c.fromPot, c.fromPopulation])
      )
    )}`
  }
  const t = diff.total
  let text = `${banner(result)}Förändring per region mot ${diff.source}, kronor (varav pott: regionens tidigare andel av det nya beloppet; varav befolkning: resten, avrundning inräknad)\n\n`
  text += renderTable(
    [{ header: "Kod" }, { header: "Region" }, { header: "Tidigare", numeric: true }, { header: "Nu", numeric: true }, { header: "Förändring", numeric: true }, { header: "varav pott", numeric: true }, { header: "varav befolkning", numeric: true }],
    diff.rows.map((r) => [r.region, r.name, n(r.total.before), n(r.total.after), signed(r.total.change), signed(r.total.fromPot), signed(r.total.fromPopulation)]),
    ["", "Riket", n(t.before), n(t.after), signed(t.change), signed(t.fromPot), signed(t.fromPopulation)]
  )
  return text + notes(result.provenance)
}

const renderExplanation = (result: GrantAllocation.Allocated, region: Region.Region, format: AllocateOptions["format"]): string => {
  const { allocation } = result
  const lines = Allocation.explain(allocation, region.code)
  if (format === "json") {
    return `${JSON.stringify(
      {
        ...status(result),
        grant: allocation.grant,
        region: region.code,
        name: region.name,
        components: lines.map((l) => ({
          component: l.component,
          basis: l.basis,
          excluded: l.excluded,
          population: l.population,
          nationalPopulation: l.nationalPopulation,
          ...(l.keyWeight === undefined ? {} : { keyWeight: l.keyWeight, weight: l.weight.toString() }),
          sharePercent: l.sharePercent,
          fixed: l.fixed,
          quota: l.quota,
          quotaExact: `${l.quotaNumerator}/${l.denominator}`,
          floor: Number(l.floor),
          remainder: `${l.remainder}/${l.denominator}`,
          rank: l.rank,
          extra: l.extra,
          amount: l.amount
        })),
        total: allocation.rows.find((r) => r.region === region.code)?.total ?? 0
      },
      null,
      2
    )}\n`
  }
  if (format === "csv") {
    return `${preliminaryComment(result)}${renderCsv(
      ["component", "basis", "population", "nationalPopulation", "sharePercent", "fixed", "quota", "floor", "remainder", "rank", "extra", "amount"],
      lines.map((l) => [l.component, l.basis, l.population, l.nationalPopulation, l.sharePercent, l.fixed, l.quota, Number(l.floor), `${l.remainder}/${l.denominator}`, l.rank, l.extra ? "ja" : "nej", l.amount])
    )}`
  }
  const eligible = allocation.rows.length - allocation.exclude.length
  let text = `${banner(result)}${region.name} (${region.code}) i ${allocation.grant}\n`
  for (const l of lines) {
    const component = allocation.components.find((c) => c.id === l.component)!
    text += `\n${title(component)} (${Kronor.format(component.amount)}, ${component.basisKind === "key" ? "" : "befolkning "}${l.basis})\n`
    if (l.excluded) {
      text += "  undantagen: får inget, andelarna räknas över de övriga regionerna\n"
      continue
    }
    const rows: Array<[string, string]> = []
    if (component.basisKind !== "key") rows.push(["Befolkning", `${n(l.population)} av ${n(l.nationalPopulation)} i riket`])
    if (l.keyWeight !== undefined) rows.push(["Vikt", `${l.keyWeight.replace(".", ",")} (${component.key?.source ?? ""})`])
    rows.push(["Andel", `${decimalComma(l.sharePercent)} %`])
    if (l.fixed > 0) rows.push(["Fast belopp", `${Kronor.format(l.fixed)} (resten, ${Kronor.format(component.distributed)}, fördelas efter ${component.basisKind === "key" ? "nyckeln" : "befolkning"})`])
    rows.push(
      ["Exakt andel", `${decimalComma(l.quota)} kr`],
      ["Heltal (golv)", `${Kronor.format(l.floor)}`],
      ["Rest", `${l.remainder}/${l.denominator} krona, plats ${l.rank} av ${eligible}`],
      [
        "Extra krona",
        l.extra ? `ja (de ${component.leftOver} största resterna får en krona var)` : `nej (bara de ${component.leftOver} största resterna får en krona)`
      ],
      ["Belopp", Kronor.format(l.amount)]
    )
    const width = Math.max(...rows.map(([k]) => k.length))
    for (const [k, v] of rows) text += `  ${k.padEnd(width)}  ${v}\n`
  }
  const total = allocation.rows.find((r) => r.region === region.code)?.total ?? 0
  text += `\nTotalt: ${Kronor.format(total)}\n`
  return text
}
