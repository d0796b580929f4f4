import { Publication } from "@uppdrag/indicators"
import * as Effect from "effect/Effect"
import { writeOutput } from "../../terminal/Output.js"
import { computeCube } from "./input.js"

/** `uppdrag indicators compute`: the protected cube as json, csv or JSON-stat. */
export const indicatorsCompute = (options: {
  episodes: string
  population?: string
  populationLag: string
  years?: string
  threshold?: string
  threads?: string
  format: "json" | "csv" | "jsonstat"
  out?: string
}) =>
  Effect.gen(function* () {
    const cube = yield* computeCube(options)
    const text = options.format === "csv" ? Publication.toCsv(cube) : options.format === "jsonstat" ? Publication.toJsonStat(cube) : Publication.toJson(cube)
    return yield* writeOutput(text, options.out)
  })
