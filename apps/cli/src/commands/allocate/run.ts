import { existsSync, statSync } from "node:fs"
import { extname } from "node:path"
import { Allocation, GrantFile } from "@uppdrag/allocation"
import { type Assignment, Catalog, Kronor, Population, Region, type ValidationError } from "@uppdrag/core"
import { CatalogSource } from "@uppdrag/application"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { Refusal, Usage } from "../../terminal/Failure.js"
import { renderCsv } from "../../terminal/Csv.js"
import { writeOutput } from "../../terminal/Output.js"
import { renderTable } from "../../terminal/Table.js"
import type { AllocateOptions } from "../allocate.js"
import type { Outcome } from "../../terminal/Options.js"

/** A grant file when the argument names one (or looks like one), else a catalog id. */
const resolveGrant = (
  reference: string,
  extraCatalog: ReadonlyArray<string>
): Effect.Effect<{ spec: Allocation.Spec; titles: Map<string, string> } | { capped: Assignment.Grant }, ValidationError | CatalogSource.CatalogInvalid | Refusal> =>
  Effect.gen(function* () {
    const looksLikeFile = [".json", ".yaml", ".yml"].includes(extname(reference).toLowerCase()) || reference.includes("/")
    if (looksLikeFile || (existsSync(reference) && statSync(reference).isFile())) {
      const parsed = GrantFile.parseFile(reference)
      if (Result.isFailure(parsed)) return yield* Effect.fail(parsed.failure)
      const spec = parsed.success
      return { spec, titles: new Map(spec.components.flatMap((c) => (c.title === undefined ? [] : [[c.id, c.title] as [string, string]]))) }
    }
    const catalog = yield* Effect.fromResult(CatalogSource.load(extraCatalog))
    const found = Catalog.findGrant(catalog, reference)
    if (found === undefined) {
      const known = Catalog.grants(catalog).map((g) => g.grant.id)
      return yield* Effect.fail(new Refusal({ lines: [`--grant: okänt statsbidrag ${JSON.stringify(reference)} och ingen sådan fil (statsbidrag i katalogen: ${known.join(", ")})`] }))
    }
    if (found.grant.method === "capped-performance") return { capped: found.grant }
    return { spec: Allocation.fromGrant(found.grant), titles: new Map(found.grant.components.map((c) => [c.id, c.title])) }
  })

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

/** `--format xlsx` writes binary data: not onto a terminal. */
export const refuseBinaryOnTerminal = (out: string | undefined): Effect.Effect<void, Refusal> =>
  out === undefined && process.stdout.isTTY === true ? Effect.fail(new Refusal({ lines: ["--format xlsx skriver binärdata: ange --out FIL (eller skicka vidare med |)"] })) : Effect.void

/** `uppdrag allocate`: parse the input, call the allocation package, render. */
export const allocate = (options: AllocateOptions): Outcome =>
  Effect.gen(function* () {
    const exclude = yield* parseExclude(options.exclude)
    if (options.explain !== undefined && options.format === "xlsx") return yield* Effect.fail(new Refusal({ lines: ["--explain kan visas som table, csv eller json, inte xlsx"] }))
    const explainRegion = options.explain === undefined ? undefined : Region.parse(options.explain)
    if (explainRegion !== undefined && (Result.isFailure(explainRegion) || explainRegion.success.code === "00")) {
      return yield* Effect.fail(new Refusal({ lines: [`--explain: okänd region ${JSON.stringify(options.explain)} (ange SCB-kod 01–25 eller länets namn)`] }))
    }
    const resolved = yield* resolveGrant(options.grant, options.catalog ?? [])
    if ("capped" in resolved) {
      const { allocateCapped } = yield* Effect.promise(() => import("./capped.js"))
      return yield* allocateCapped(resolved.capped, options)
    }
    const unsupported = (["conditions", "partial", "redistribute"] as const).filter((o) => options[o] !== undefined)
    if (unsupported.length > 0) {
      return yield* Effect.fail(new Usage({ lines: [`${unsupported.map((o) => `--${o}`).join(", ")} gäller prestationsbaserade pottar (capped-performance), inte ${options.grant}`] }))
    }
    const { spec, titles } = resolved
    const population = yield* Effect.fromResult(Population.parseFile(options.population))
    const result = Allocation.allocate(spec, population, { exclude })
    if (Result.isFailure(result)) {
      const failure = result.failure
      return yield* Effect.fail(failure._tag === "ValidationError" ? failure : new Refusal({ lines: [failure.message] }))
    }
    const allocation = result.success
    if (explainRegion !== undefined && Result.isSuccess(explainRegion)) return yield* writeOutput(renderExplanation(allocation, explainRegion.success, options.format), options.out)
    switch (options.format) {
      case "csv":
        return yield* writeOutput(toCsv(allocation), options.out)
      case "json":
        return yield* writeOutput(`${JSON.stringify(toJson(allocation, options.compare === true), null, 2)}\n`, options.out)
      case "xlsx": {
        yield* refuseBinaryOnTerminal(options.out)
        const { toXlsx } = yield* Effect.promise(() => import("./xlsx.js"))
        return yield* writeOutput(yield* Effect.promise(() => toXlsx(allocation, titles)), options.out)
      }
      case "table":
        return yield* writeOutput(toTable(allocation, titles, options.compare === true), options.out)
    }
  })

/** `region,name,<component ids>,total`, SCB code order, plain integers. */
const toCsv = (allocation: Allocation.Allocation): string =>
  renderCsv(
    ["region", "name", ...allocation.components.map((c) => c.id), "total"],
    allocation.rows.map((row) => [row.region, row.name, ...allocation.components.map((c) => row.amounts[c.id] ?? 0), row.total])
  )

const toJson = (allocation: Allocation.Allocation, compare: boolean) => ({
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
    : {})
})

const n = (value: number | bigint): string => Kronor.formatNumber(value)

/** `6719220.828987` as `6 719 220,828987`. */
const decimalComma = (text: string): string => {
  const [whole, fraction] = text.split(".")
  return fraction === undefined ? n(BigInt(whole ?? "0")) : `${n(BigInt(whole ?? "0"))},${fraction}`
}

const toTable = (allocation: Allocation.Allocation, titles: ReadonlyMap<string, string>, compare: boolean): string => {
  const excluded = new Set<string>(allocation.exclude)
  const columns = [
    { header: "Kod" },
    { header: "Region" },
    ...allocation.components.map((c) => ({ header: `${titles.get(c.id) ?? c.id} (${c.basis})`, numeric: true })),
    { header: "Totalt per region", numeric: true }
  ]
  const rows = allocation.rows.map((r) =>
    excluded.has(r.region)
      ? [r.region, `${r.name} (undantagen)`, ...allocation.components.map(() => "–"), "–"]
      : [r.region, r.name, ...allocation.components.map((c) => n(r.amounts[c.id] ?? 0)), n(r.total)]
  )
  const totals = ["", "Riket", ...allocation.components.map((c) => n(c.amount)), n(allocation.total)]
  let text = `Fördelning av ${allocation.grant}, kronor (största rest-metoden per komponent; lika rester: större befolkning, sedan lägre kod)\n\n`
  text += renderTable(columns, rows, totals)
  if (compare) {
    text += "\nJämförelse med vanlig avrundning (varje regions exakta andel avrundad till närmaste krona):\n"
    for (const p of Allocation.plainRounding(allocation)) {
      const sign = p.difference > 0 ? "+" : ""
      const name = titles.get(p.component) ?? p.component
      text +=
        p.difference === 0
          ? `  ${name}: samma summa, ${Kronor.format(p.total)}`
          : `  ${name}: ${Kronor.format(p.total)} i stället för ${Kronor.format(p.amount)} (${sign}${n(p.difference)} kr)`
      text += p.differences.length === 0 ? "\n" : `; skiljer för ${p.differences.map((d) => `${Region.fromCode(d.region)?.shortName ?? d.region} ${n(d.plain)} mot ${n(d.largestRemainder)}`).join(", ")}\n`
    }
  }
  return text
}

const renderExplanation = (allocation: Allocation.Allocation, region: Region.Region, format: AllocateOptions["format"]): string => {
  const lines = Allocation.explain(allocation, region.code)
  if (format === "json") {
    return `${JSON.stringify(
      {
        grant: allocation.grant,
        region: region.code,
        name: region.name,
        components: lines.map((l) => ({
          component: l.component,
          basis: l.basis,
          excluded: l.excluded,
          population: l.population,
          nationalPopulation: l.nationalPopulation,
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
    return renderCsv(
      ["component", "basis", "population", "nationalPopulation", "sharePercent", "fixed", "quota", "floor", "remainder", "rank", "extra", "amount"],
      lines.map((l) => [l.component, l.basis, l.population, l.nationalPopulation, l.sharePercent, l.fixed, l.quota, Number(l.floor), `${l.remainder}/${l.denominator}`, l.rank, l.extra ? "ja" : "nej", l.amount])
    )
  }
  const leftOver = new Map(allocation.components.map((c) => [c.id, c.leftOver]))
  const eligible = allocation.rows.length - allocation.exclude.length
  let text = `${region.name} (${region.code}) i ${allocation.grant}\n`
  for (const l of lines) {
    const component = allocation.components.find((c) => c.id === l.component)!
    text += `\n${component.title ?? l.component} (${Kronor.format(component.amount)}, befolkning ${l.basis})\n`
    if (l.excluded) {
      text += "  undantagen: får inget, andelarna räknas över de övriga regionerna\n"
      continue
    }
    const rows: Array<[string, string]> = [
      ["Befolkning", `${n(l.population)} av ${n(l.nationalPopulation)} i riket`],
      ["Andel", `${decimalComma(l.sharePercent)} %`]
    ]
    if (l.fixed > 0) rows.push(["Fast belopp", `${Kronor.format(l.fixed)} (resten, ${Kronor.format(component.distributed)}, fördelas efter befolkning)`])
    rows.push(
      ["Exakt andel", `${decimalComma(l.quota)} kr`],
      ["Heltal (golv)", `${Kronor.format(l.floor)}`],
      ["Rest", `${l.remainder}/${l.denominator} krona, plats ${l.rank} av ${eligible}`],
      [
        "Extra krona",
        l.extra
          ? `ja (de ${leftOver.get(l.component)} största resterna får en krona var)`
          : `nej (bara de ${leftOver.get(l.component)} största resterna får en krona)`
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
