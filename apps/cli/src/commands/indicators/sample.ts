import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs"
import { join } from "node:path"
import { Synthetic } from "@uppdrag/indicators"
import * as Effect from "effect/Effect"
import { type Refusal, Usage } from "../../terminal/Failure.js"
import { progress, unwritable, writeOutput } from "../../terminal/Output.js"

/** `uppdrag indicators sample`: synthetic episodes, population, follow-up measures and 2012 conditions. */
export const indicatorsSample = (options: { out: string; seed: string; episodes?: string }) =>
  Effect.gen(function* () {
  if (!/^\d{1,10}$/.test(options.seed)) return yield* Effect.fail(new Usage({ lines: [`fel: --seed ska vara ett icke-negativt heltal, fick ${JSON.stringify(options.seed)}`] }))
  if (options.episodes !== undefined && (!/^\d+$/.test(options.episodes) || Number(options.episodes) < 1000 || Number(options.episodes) > 100_000_000))
    return yield* Effect.fail(new Usage({ lines: [`fel: --episodes ska vara ett heltal från 1 000 till 100 000 000, fick ${JSON.stringify(options.episodes)}`] }))
  const settings = { seed: Number(options.seed), ...(options.episodes === undefined ? {} : { episodes: Number(options.episodes) }) }
  yield* Effect.try({
    try: () => mkdirSync(join(options.out, "befolkning"), { recursive: true }),
    catch: (error) => unwritable(options.out, error)
  })
  // The episode file can be gigabytes: streamed to a temporary name, renamed when complete.
  const target = join(options.out, "episoder.csv")
  const temporary = join(options.out, `.episoder.csv.${process.pid}.tmp`)
  const bar = progress("Skriver syntetiska vårdtillfällen (rader)")
  let rows = 0
  const failed = ((): Refusal | undefined => {
  try {
    const fd = openSync(temporary, "w")
    try {
      for (const chunk of Synthetic.episodes(settings)) {
        writeSync(fd, chunk)
        for (let i = chunk.indexOf("\n"); i >= 0; i = chunk.indexOf("\n", i + 1)) rows++
        bar.update(rows, settings.episodes)
      }
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temporary, target)
    return undefined
  } catch (error) {
    rmSync(temporary, { force: true })
    return unwritable(target, error)
  } finally {
    bar.done()
  }
  })()
  if (failed !== undefined) return yield* Effect.fail(failed)
  for (const [year, text] of Synthetic.populationFiles(settings)) yield* writeOutput(text, join(options.out, "befolkning", `${year}.csv`))
  yield* writeOutput(Synthetic.followUp(settings), join(options.out, "uppfoljning.csv"))
  yield* writeOutput(Synthetic.conditions2012(settings), join(options.out, "villkor-2012.csv"))
  yield* writeOutput(
    `${Synthetic.label}\n\nFrö: ${settings.seed}. Filer:\n- episoder.csv: ${(rows - 1).toLocaleString("sv-SE")} vårdtillfällen (patient,region,sex,birthYear,careForm,start,end); patient-id börjar med SYN\n- befolkning/ÅÅÅÅ.csv: befolkning 31 december per region, kön och åldersgrupp\n- uppfoljning.csv: uppföljningsmått (baslinje, mål, utfall) per region\n- villkor-2012.csv: 2012 års villkor per landsting\n\nExempel:\n  uppdrag indicators compute --episodes ${target} --population ${join(options.out, "befolkning")} --out kub.json\n`,
    join(options.out, "LÄSMIG.txt")
  )
  const size = statSync(target).size
  process.stdout.write(
    `Skrev SYNTETISKA data i ${options.out}: ${(rows - 1).toLocaleString("sv-SE").replace(/\u00a0/g, " ")} vårdtillfällen (${Math.round(size / 1e6)} MB), befolkning 2011–2024, uppföljningsmått och villkor 2012.\n`
  )
  })
