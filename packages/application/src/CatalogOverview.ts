import { extname, resolve } from "node:path"
import { Assignment, Catalog, type ValidationError } from "@uppdrag/core"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { CatalogInvalid, CatalogSource } from "./CatalogSource.js"
import type * as Table from "./Table.js"

/**
 * The catalog in force as a list of decisions (`uppdrag catalog list`): each
 * assignment with its main diary number, kind, decision date, and the funds
 * it decides. Planned funding ("beräknat, under förutsättning att riksdagen
 * anvisar medel") does not count towards the funds: only what is decided.
 *
 * @example
 * import { CatalogOverview } from "@uppdrag/application"
 * const entries = yield* CatalogOverview.list
 * entries.find((e) => e.assignment.id === "specialiserad-psykiatri-2026")?.funds // 1500000000
 * @since 0.2.0
 */
export interface Entry {
  readonly assignment: Assignment.Assignment
  /**
   * The decided funds in kronor: the sum of the funding years that are not
   * planned; null when the decision carries no funding at all.
   */
  readonly funds: number | null
}

/**
 * The decided funds of an assignment: the sum of its funding years that are
 * not planned, or null when it has no funding.
 *
 * @example
 * CatalogOverview.fundsOf(assignment) // 1500000000
 * @since 0.2.0
 */
export const fundsOf = (assignment: Pick<Assignment.Assignment, "funding">): number | null =>
  assignment.funding.length === 0 ? null : assignment.funding.filter((f) => !f.planned).reduce((sum, f) => sum + f.total, 0)

/**
 * Every decision of the catalog in force, in catalog order.
 *
 * @example
 * const entries = yield* CatalogOverview.list
 * @since 0.2.0
 */
export const list: Effect.Effect<Array<Entry>, never, CatalogSource> = Effect.gen(function* () {
  const catalog = yield* CatalogSource
  return catalog.assignments.map((assignment) => ({ assignment, funds: fundsOf(assignment) }))
})

/**
 * A decision as {@link record} writes it.
 *
 * @since 0.2.0
 */
export interface Item {
  readonly id: string
  readonly kind: Assignment.Assignment["kind"]
  readonly diaryNumbers: Assignment.Assignment["diaryNumbers"]
  readonly title: string
  readonly decided: Assignment.Assignment["decided"]
  readonly decidedPrecision: Assignment.Assignment["decidedPrecision"]
  readonly recipient: Assignment.Assignment["recipient"]
  readonly concerns?: Assignment.Assignment["concerns"]
  readonly issuedBy?: Assignment.Assignment["issuedBy"]
  readonly funding: ReadonlyArray<{ readonly year: number; readonly total: number; readonly planned: boolean }>
  readonly funds: number | null
  readonly grants: ReadonlyArray<string>
  readonly obligations: number
}

/**
 * A decision as a JSON record (`catalog list --format json`): ids, kind,
 * diary numbers, title, date, recipient, what an underlag concerns, each
 * year's funding, the decided `funds`, the grants and how many obligations.
 *
 * @example
 * CatalogOverview.record(entry).funds // 1500000000
 * @since 0.2.0
 */
export const record = ({ assignment: a, funds }: Entry): Item => ({
  id: a.id,
  kind: a.kind,
  diaryNumbers: a.diaryNumbers,
  title: a.title,
  decided: a.decided,
  decidedPrecision: a.decidedPrecision,
  recipient: a.recipient,
  ...(a.concerns === undefined ? {} : { concerns: a.concerns, issuedBy: a.issuedBy }),
  funding: a.funding.map((f) => ({ year: f.year, total: f.total, planned: f.planned })),
  funds,
  grants: a.grants.map((g) => g.id),
  obligations: a.obligations.length
})

/**
 * The table of decisions: main diary number (or id), kind in Swedish, the
 * decision date as precise as the decision gives it, the decided funds, and
 * the title.
 *
 * @since 0.2.0
 */
export const columns: Table.Columns<Entry> = [
  { field: "diaryNumber", header: "Diarienummer", kind: "text", value: (e) => Assignment.mainDiaryNumber(e.assignment) },
  { field: "kind", header: "Slag", kind: "text", value: (e) => Assignment.kindLabel(e.assignment.kind) },
  { field: "decided", header: "Datum", kind: "text", value: (e) => Assignment.formatDecided(e.assignment) },
  { field: "funds", header: "Medel", kind: "kronor", value: (e) => e.funds },
  { field: "title", header: "Rubrik", kind: "text", value: (e) => e.assignment.title }
]

/**
 * Validates catalog files and folders (`uppdrag catalog validate`): every
 * problem of every file, or how many decisions of the files named were
 * checked (a path into the built-in catalog counts too).
 *
 * @example
 * CatalogOverview.validate(["mina-uppdrag/"]) // Result.succeed({ checked: 2 })
 * @since 0.2.0
 */
export const validate = (paths: ReadonlyArray<string>): Result.Result<{ readonly checked: number }, CatalogInvalid> => {
  const loaded = Catalog.load({ extra: paths })
  if (Result.isFailure(loaded)) return Result.fail(new CatalogInvalid({ errors: loaded.failure }))
  const files = new Set(paths.flatMap((path) => Result.getOrElse(Catalog.filesAt(path), () => [] as Array<string>).map((file) => resolve(file))))
  const checked = loaded.success.assignments.filter((a) => files.has(resolve(loaded.success.sources.get(a.id) ?? ""))).length
  return Result.succeed({ checked })
}

/**
 * The parties the catalog's decisions consult (`ivo`, `skr` …), so a draft
 * of a new decision reuses their ids.
 *
 * @example
 * CatalogOverview.consultedParties(catalog).map((p) => p.id) // ["ivo", "skr", …]
 * @since 0.2.0
 */
export const consultedParties = (catalog: Pick<Catalog.Catalog, "assignments">): Array<Assignment.ConsultedParty> => catalog.assignments.flatMap((a) => a.consult)

/**
 * A reference (`--compare`) that is neither in the catalog nor a catalog file.
 *
 * @since 0.2.0
 */
export class UnknownEntry extends Data.TaggedError("UnknownEntry")<{ readonly option: string; readonly reference: string }> {
  override get message(): string {
    return `${this.option}: ${this.reference} finns inte i katalogen (ange ett id, ett diarienummer eller en katalogfil)`
  }
}

/**
 * The decision a reference names: one in the catalog (id or diary number),
 * else a catalog file (`.yaml`, `.yml`, `.json`) read on its own.
 *
 * @example
 * CatalogOverview.entry("S2025/01528", catalog) // Result.succeed(assignment)
 * @since 0.2.0
 */
export const entry = (reference: string, catalog: Catalog.Catalog, option = "--compare"): Result.Result<Assignment.Assignment, UnknownEntry | ValidationError> => {
  const found = Catalog.findAssignment(catalog, reference)
  if (found !== undefined) return Result.succeed(found)
  if ([".yaml", ".yml", ".json"].includes(extname(reference).toLowerCase())) {
    return Catalog.parseFile(reference)
  }
  return Result.fail(new UnknownEntry({ option, reference }))
}
