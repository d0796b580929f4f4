import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs"
import { join } from "node:path"
import { Synthetic } from "@uppdrag/indicators"
import { CliError } from "../../terminal/CliError.js"
import { progress, writeOutput } from "../../terminal/Output.js"

export const indicatorsSample = async (options: { out: string; seed: string; episodes?: string }): Promise<void> => {
  if (!/^\d{1,10}$/.test(options.seed)) throw new CliError([`fel: --seed ska vara ett icke-negativt heltal, fick ${JSON.stringify(options.seed)}`], 2)
  if (options.episodes !== undefined && (!/^\d+$/.test(options.episodes) || Number(options.episodes) < 1000 || Number(options.episodes) > 100_000_000))
    throw new CliError([`fel: --episodes ska vara ett heltal från 1 000 till 100 000 000, fick ${JSON.stringify(options.episodes)}`], 2)
  const settings = { seed: Number(options.seed), ...(options.episodes === undefined ? {} : { episodes: Number(options.episodes) }) }
  try {
    mkdirSync(join(options.out, "befolkning"), { recursive: true })
  } catch (error) {
    throw new CliError([`Kunde inte skapa ${options.out}: ${(error as Error).message}`])
  }
  // The episode file can be gigabytes: streamed to a temporary name, renamed when complete.
  const target = join(options.out, "episoder.csv")
  const temporary = join(options.out, `.episoder.csv.${process.pid}.tmp`)
  const bar = progress("Skriver syntetiska vårdtillfällen (rader)")
  let rows = 0
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
  } catch (error) {
    rmSync(temporary, { force: true })
    throw new CliError([`Kunde inte skriva ${target}: ${(error as Error).message}`])
  } finally {
    bar.done()
  }
  for (const [year, text] of Synthetic.populationFiles(settings)) writeOutput(text, join(options.out, "befolkning", `${year}.csv`))
  writeOutput(Synthetic.followUp(settings), join(options.out, "uppfoljning.csv"))
  writeOutput(Synthetic.conditions2012(settings), join(options.out, "villkor-2012.csv"))
  writeOutput(
    `${Synthetic.label}\n\nFrö: ${settings.seed}. Filer:\n- episoder.csv: ${(rows - 1).toLocaleString("sv-SE")} vårdtillfällen (patient,region,sex,birthYear,careForm,start,end); patient-id börjar med SYN\n- befolkning/ÅÅÅÅ.csv: befolkning 31 december per region, kön och åldersgrupp\n- uppfoljning.csv: uppföljningsmått (baslinje, mål, utfall) per region\n- villkor-2012.csv: 2012 års villkor per landsting\n\nExempel:\n  uppdrag indicators compute --episodes ${target} --population ${join(options.out, "befolkning")} --out kub.json\n`,
    join(options.out, "LÄSMIG.txt")
  )
  const size = statSync(target).size
  process.stdout.write(
    `Skrev SYNTETISKA data i ${options.out}: ${(rows - 1).toLocaleString("sv-SE").replace(/\u00a0/g, " ")} vårdtillfällen (${Math.round(size / 1e6)} MB), befolkning 2011–2024, uppföljningsmått och villkor 2012.\n`
  )
}
