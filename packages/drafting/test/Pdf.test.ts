import * as Result from "effect/Result"
import { describe, expect, it } from "vitest"
import * as Draft from "../src/Draft.js"
import * as Pdf from "../src/Pdf.js"
import { makePdf } from "./fixtures/MinimalPdf.js"

const header = "Regeringskansliet – Socialdepartementet"
const decision = makePdf([
  [
    header,
    "Uppdrag att kartlägga den psykiatriska vården",
    "",
    "Regeringens beslut",
    "Regeringen ger Socialstyrelsen i uppdrag att kartlägga den psykiatriska vården.",
    "",
    "Socialstyrelsen ska senast den 31 mars 2027 lämna en slutredo-",
    "1 (2)"
  ],
  [header, "visning av uppdraget till Regeringskansliet (Socialdepartementet).", "", "För uppdraget får Socialstyrelsen under 2026 använda 2 500 000 kronor.", "2 (2)"]
])

describe("Pdf", () => {
  it("reads the text of a PDF page by page, with form feeds between pages and å, ä, ö intact", async () => {
    const text = Result.getOrThrow(await Pdf.extractText(decision, "beslut.pdf"))
    expect(text.split("\f")).toHaveLength(2)
    expect(text).toContain("Regeringen ger Socialstyrelsen i uppdrag att kartlägga den psykiatriska vården.")
  })

  it("drafts from the PDF: running header and page numbers dropped, the word broken over the page rejoined", async () => {
    const draft = Result.getOrThrow(await Draft.fromPdf(decision, { source: "beslut.pdf" }))
    expect(draft.entry.obligations.map((o) => [o.kind, o.due, o.recipient, o.source])).toEqual([
      ["slutredovisning", "2027-03-31", "Regeringskansliet (Socialdepartementet)", "Socialstyrelsen ska senast den 31 mars 2027 lämna en slutredovisning av uppdraget till Regeringskansliet (Socialdepartementet)."]
    ])
    expect(draft.entry.funding.map((f) => [f.year, f.total])).toEqual([[2026, 2_500_000]])
    expect(draft.artefacts.map((l) => l.text.trim())).toEqual([header, "1 (2)", header, "2 (2)"])
    expect(Draft.toYaml(draft)).toContain("# sida 1 rad")
  })

  it("a PDF that is not a decision is refused; a file that is not a PDF, or holds no text, cannot be read", async () => {
    const invitation = await Draft.fromPdf(makePdf([["Inbjudan till julfest", "Välkomna den 18 december 2026."]]), { source: "julfest.pdf" })
    expect(Result.isFailure(invitation) && invitation.failure._tag).toBe("NotADecision")
    const notPdf = await Pdf.extractText(new TextEncoder().encode("Regeringens beslut"), "beslut.txt")
    expect(Result.isFailure(notPdf) && notPdf.failure.message).toBe("beslut.txt kan inte läsas som PDF: filen börjar inte med %PDF-")
    const empty = await Pdf.extractText(makePdf([[]]), "skannad.pdf")
    expect(Result.isFailure(empty) && empty.failure.reason).toContain("ingen text")
    const broken = await Pdf.extractText(new TextEncoder().encode("%PDF-1.4\ntrasig"), "trasig.pdf")
    expect(Result.isFailure(broken) && broken.failure._tag).toBe("PdfUnreadable")
  })
})
