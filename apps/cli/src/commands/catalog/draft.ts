import { extname } from "node:path"
import type { ValidationError } from "@uppdrag/core"
import { Comparison, Draft, Pdf } from "@uppdrag/drafting"
import { CatalogOverview, CatalogSource } from "@uppdrag/application"
import * as Effect from "effect/Effect"
import * as Result from "effect/Result"
import { Refusal } from "../../terminal/Failure.js"
import { readInputFile } from "../../terminal/InputFile.js"
import { writeOutput } from "../../terminal/Output.js"

export interface DraftOptions {
  readonly out?: string
  readonly compare?: string
  readonly all?: boolean
  readonly catalog?: Array<string>
}

const decodeText = (bytes: Uint8Array, file: string): Effect.Effect<string, Refusal> =>
  Effect.try({
    try: () => new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, ""),
    catch: () => new Refusal({ lines: [`${file}: filen är varken en PDF eller text kodad som UTF-8`] })
  })

/** `uppdrag catalog draft BESLUT`: parse the file, call `@uppdrag/drafting`, render the YAML or the comparison. */
export const catalogDraft = (file: string, options: DraftOptions): Effect.Effect<void, Refusal | CatalogSource.CatalogInvalid | CatalogOverview.UnknownEntry | ValidationError> =>
  Effect.gen(function* () {
  const bytes = yield* readInputFile(file, "decision")
  if (bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) return yield* Effect.fail(new Refusal({ lines: [`${file}: filen är tom`, "Inget utkast skrevs."] }))
  const catalog = yield* Effect.fromResult(CatalogSource.load(options.catalog ?? []))
  // The catalog's parties, so a draft reuses their ids (ivo, skr …).
  const knownParties = CatalogOverview.consultedParties(catalog)
  const draftOptions = { source: file, knownParties }
  const result =
    Pdf.isPdf(bytes) || extname(file).toLowerCase() === ".pdf"
      ? yield* Effect.promise(() => Draft.fromPdf(bytes, draftOptions))
      : Draft.fromText(yield* decodeText(bytes, file), draftOptions)
  if (Result.isFailure(result)) return yield* Effect.fail(new Refusal({ lines: [`${result.failure.message}.`, "Inget utkast skrevs."] }))
  const draft = result.success
  const yaml = Draft.toYaml(draft)
  const unfilled = Draft.unfilled(draft)
  if (options.compare !== undefined) {
    const comparison = Comparison.compare(draft, yield* Effect.fromResult(CatalogOverview.entry(options.compare, catalog)))
    if (options.out !== undefined) yield* writeOutput(yaml, options.out)
    yield* writeOutput(`${Comparison.format(comparison, { all: options.all === true }).join("\n")}\n`, undefined)
  } else {
    yield* writeOutput(yaml, options.out)
  }
  const where = options.out === undefined ? "" : ` till ${options.out}`
  const what =
    draft.entry.kind === "underlag"
      ? "Texten är inget regeringsbeslut utan ett underlag om ett beslut; utkastet är av slaget underlag."
      : `${draft.entry.obligations.length} skyldigheter, ${draft.entry.funding.length} års medel och ${draft.entry.consult.length} parter hittades.`
  const marks = unfilled.length === 0 ? "Inga värden att fylla i." : `${unfilled.length} värden att fylla i (FYLL I): ${unfilled.map((u) => u.path).join(", ")}.`
  if (options.out !== undefined || options.compare === undefined) process.stderr.write(`Utkast${where}: ${what} ${marks}\n`)
  })
