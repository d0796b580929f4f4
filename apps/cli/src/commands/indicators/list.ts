import { Indicator } from "@uppdrag/indicators"
import { writeOutput } from "../../terminal/Output.js"
import { renderTable } from "../../terminal/Table.js"

/** `uppdrag indicators list`. */
export const indicatorsList = (options: { format: "table" | "json"; out?: string }) => {
  if (options.format === "json") return writeOutput(`${JSON.stringify(Indicator.all, null, 2)}\n`, options.out)
  const rows = Indicator.all.map((i) => [i.id, i.kind === "register" ? "register" : "uppföljning", i.unit, i.bySex ? "ja" : "nej", i.title])
  return writeOutput(renderTable([{ header: "Id" }, { header: "Slag" }, { header: "Enhet" }, { header: "Per kön" }, { header: "Titel" }], rows), options.out)
}
