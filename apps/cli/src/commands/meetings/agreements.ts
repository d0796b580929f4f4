import { Catalog, Region } from "@uppdrag/core"
import { Agreement, MeetingRecord } from "@uppdrag/meetings"
import { CliError } from "../../terminal/CliError.js"
import { writeOutput } from "../../terminal/Output.js"
import { renderTable } from "../../terminal/Table.js"
import { allRecords, dateOption, loadContext } from "./sources.js"

export const meetingsAgreements = async (options: {
  region?: string
  grant?: string
  asOf?: string
  format: "table" | "json"
  records?: Array<string>
  series?: Array<string>
  catalog?: Array<string>
  out?: string
  db?: string
}): Promise<void> => {
  const context = loadContext(options)
  const asOf = dateOption("--as-of", options.asOf)
  const grants = Catalog.grants(context.catalog)
  const grant = options.grant ?? [...grants].sort((a, b) => b.grant.year - a.grant.year)[0]?.grant.id
  if (grant === undefined) throw new CliError(["katalogen har inga statsbidrag"])
  let region: Region.Region | undefined
  if (options.region !== undefined) {
    const found = Region.parse(options.region)
    if (found._tag === "Failure") throw new CliError([`--region: ${found.failure}`])
    region = found.success
  }
  const { meetings, agreements } = MeetingRecord.current(await allRecords(options, context))
  const status = Agreement.status({ catalog: context.catalog, grant, agreements, meetings, asOf })
  if (status._tag === "Failure") throw new CliError([`--grant: ${status.failure}`])
  const rows = status.success.filter((r) => region === undefined || r.region === region.code)
  if (options.format === "json") {
    writeOutput(`${JSON.stringify({ grant, asOf, regions: rows }, null, 2)}\n`, options.out)
    return
  }
  const table = renderTable(
    [{ header: "Kod" }, { header: "Region" }, { header: "Överenskommelse" }, { header: "Insatser", numeric: true }, { header: "Mått", numeric: true }, { header: "Dialoger", numeric: true }, { header: "Senaste dialog" }, { header: "Årsuppföljning" }],
    rows.map((r) => [
      r.region,
      r.name,
      r.agreement === null ? "saknas" : `${r.agreement.id} (${r.agreement.signed})`,
      String(r.agreement?.activities.length ?? 0),
      String(r.agreement?.followUpMeasures.length ?? 0),
      String(r.dialogues.length),
      r.dialogues.at(-1)?.date ?? "–",
      r.nextFollowUp === null ? "–" : `${r.nextFollowUp.year} till ${r.nextFollowUp.report}: ${r.nextFollowUp.done ? "klar" : "saknas"}`
    ])
  )
  const details =
    region === undefined || rows[0]?.agreement == null
      ? ""
      : [
          "",
          `Insatser: ${rows[0].agreement.activities.map((a) => a.title).join("; ")}`,
          `Förväntade resultat: ${rows[0].agreement.expectedResults.join("; ")}`,
          `Förväntade effekter: ${rows[0].agreement.expectedEffects.join("; ")}`,
          `Uppföljningsmått: ${rows[0].agreement.followUpMeasures.map((m) => (m.indicator === undefined ? m.title : `${m.title} [${m.indicator}]`)).join("; ")}`,
          ""
        ].join("\n")
  writeOutput(`Överenskommelser för ${grant} per ${asOf}\n\n${table}${details}`, options.out)
}
