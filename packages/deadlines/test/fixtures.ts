import { type Assignment, Catalog, CalendarDate } from "@uppdrag/core"
import { Result } from "effect"
import * as Deadline from "../src/Deadline.js"
import * as Obligation from "../src/Obligation.js"

/** The built-in catalog, loaded once. */
export const catalog: Catalog.Catalog = Catalog.unsafeLoad()

/** The catalog entry encoding a seed document (`"003"` → 003_….txt). */
export const bySeed = (seed: string): Assignment.Assignment => {
  const found = catalog.assignments.find((a) => a.seed?.startsWith(`${seed}_`))
  if (found === undefined) throw new Error(`no catalog entry for seed ${seed}`)
  return found
}

export const date: (text: string) => CalendarDate.CalendarDate = CalendarDate.unsafeParse

export const obligations = (): Array<Obligation.Obligation> => Result.getOrThrow(Obligation.collect(catalog.assignments))

export const evaluate = (asOf: string, options: Omit<Deadline.EvaluateOptions, "asOf"> = {}): Array<Deadline.Deadline> =>
  Result.getOrThrow(Deadline.evaluate(obligations(), { asOf: date(asOf), ...options }))

/** The one deadline of a seed's assignment with this kind and due date. */
export const find = (deadlines: ReadonlyArray<Deadline.Deadline>, seed: string, kind: string, due: string | null): Deadline.Deadline => {
  const a = bySeed(seed)
  const found = deadlines.filter((d) => d.obligation.assignmentId === a.id && d.obligation.kind === kind && d.obligation.due === due)
  if (found.length !== 1) throw new Error(`expected one ${kind} due ${due} in seed ${seed}, found ${found.length}`)
  return found[0]!
}
