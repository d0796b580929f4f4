// Another team's code against the published @uppdrag/indicators: the README's example, each
// namespace's types used as types and its schema as a value, and misuses that must not compile.
import type { ValidationError } from "@uppdrag/core"
import {
  Comparison,
  Conditions2012,
  Cube,
  Denominator,
  Dimension,
  FollowUp,
  Indicator,
  Publication,
  Suppression,
  Synthetic
} from "@uppdrag/indicators"
import * as Result from "effect/Result"
import type { z } from "zod"

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false

// The README.
export const readme = async (): Promise<string> => {
  const lines: Iterable<string> = Synthetic.episodes({ seed: 1 })
  const years: Dimension.YearRange = { from: 2011, to: 2024 }
  const population = Denominator.make(Synthetic.population({ seed: 1 }), years)
  if (!("values" in population)) throw new Error("population")
  const result: Result.Result<Cube.Cube, ValidationError> = await Cube.fromEpisodeFile("episoder.csv", { years, population, threshold: 5 })
  if (result._tag === "Failure") throw result.failure
  const cube = result.success
  const cell: Cube.Cell | undefined = Cube.get(cube, { year: 2023, region: "00", sex: "T", ageGroup: "alla", careForm: "sluten-lpt" })
  const spread: Comparison.RegionComparison = Comparison.byRegion(cube, Indicator.find("lpt-sluten-per100k")!, { year: 2023 })
  const cv: number | null = spread.coefficientOfVariation
  return [...lines, String(cell?.patients), String(cv), Publication.toJsonStat(cube), Publication.toCsv(cube)].join("")
}

// Every exported type of every namespace is a type.
type Types = [
  Comparison.BreakdownRow,
  Comparison.RegionComparison,
  Comparison.RegionRow,
  Conditions2012.Checklist,
  Conditions2012.Condition,
  Conditions2012.Evaluation,
  Cube.Cell,
  Cube.Coordinates,
  Cube.Cube,
  Cube.Options,
  Denominator.Denominators,
  Denominator.PopulationRow,
  Dimension.AgeGroup,
  Dimension.CareForm,
  Dimension.Measure,
  Dimension.Sex,
  Dimension.YearRange,
  FollowUp.Agreement,
  FollowUp.Observation,
  FollowUp.Progress,
  FollowUp.Status,
  Indicator.Indicator,
  Synthetic.Options
]

// The schema is a value, and parses to the type.
const sameTypes: [Equals<z.output<typeof Indicator.schema>, Indicator.Indicator>] = [true]
const indicators: ReadonlyArray<Indicator.Indicator> = Indicator.all
const agreements: Result.Result<Array<FollowUp.Agreement>, ValidationError> = FollowUp.parseCsv("", "uppfoljning.csv")
const checklists: Result.Result<Array<Conditions2012.Checklist>, ValidationError> = Conditions2012.parseCsv("", "villkor.csv")
const read: Result.Result<Cube.Cube, ValidationError> = Publication.parseJson("{}", "kub.json")
const recoverable: Array<number> = Suppression.recoverable(new Uint8Array(Suppression.tableSize))
const careForm: Dimension.CareForm = "sluten-lpt"

// Misuses that must not compile.
declare const someCube: Cube.Cube
// @ts-expect-error a care form the cube does not have
const notACareForm: Dimension.CareForm = "frivillig"
// @ts-expect-error Cube.fromEpisodeFile is asynchronous: await the result
const notAwaited: Result.Result<Cube.Cube, ValidationError> = Cube.fromEpisodeFile("episoder.csv", { years: { from: 2023, to: 2023 } })
// @ts-expect-error coordinates need every dimension
Cube.get(someCube, { year: 2023, region: "00" })
// @ts-expect-error the type is not a value: validate with Indicator.schema
Indicator.Indicator.parse({})
// @ts-expect-error internal modules, the count worker among them, are not exported
import("@uppdrag/indicators/internal/CountWorker")

void [sameTypes, indicators, agreements, checklists, recoverable, careForm, notACareForm, notAwaited]
export type { Types }
