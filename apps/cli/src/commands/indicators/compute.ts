import { Publication } from "@uppdrag/indicators"
import { writeOutput } from "../../terminal/Output.js"
import { computeCube } from "./input.js"

export const indicatorsCompute = async (options: {
  episodes: string
  population?: string
  populationLag: string
  years?: string
  threshold?: string
  threads?: string
  format: "json" | "csv" | "jsonstat"
  out?: string
}): Promise<void> => {
  const cube = await computeCube(options)
  const text = options.format === "csv" ? Publication.toCsv(cube) : options.format === "jsonstat" ? Publication.toJsonStat(cube) : Publication.toJson(cube)
  writeOutput(text, options.out)
}
