import { describe, expect, it } from "vitest"
import * as StackedTables from "../src/StackedTables.js"

describe("StackedTables.label", () => {
  it("labels body and footer cells with their column's header, counting colspan", () => {
    const html =
      '<table><caption>X</caption><thead><tr><th scope="col">Komponent</th><th scope="col" class="num">Befolkning <abbr>i</abbr> riket</th><th scope="col">Extra "krona"</th></tr></thead>' +
      '<tbody><tr><th scope="row">Vårdkapacitet</th><td class="num">8 501 959</td><td>Ja</td></tr></tbody>' +
      '<tfoot><tr><th scope="row">Totalt</th><td colspan="1"></td><td class="num">58 203 923 kr</td></tr></tfoot></table>'
    expect(StackedTables.label(html)).toBe(
      '<table data-columns="3"><caption>X</caption><thead><tr><th scope="col">Komponent</th><th scope="col" class="num">Befolkning <abbr>i</abbr> riket</th><th scope="col">Extra "krona"</th></tr></thead>' +
        '<tbody><tr><th scope="row" data-label="Komponent">Vårdkapacitet</th><td class="num" data-label="Befolkning i riket">8 501 959</td><td data-label="Extra &quot;krona&quot;">Ja</td></tr></tbody>' +
        '<tfoot><tr><th scope="row" data-label="Komponent">Totalt</th><td colspan="1" data-label="Befolkning i riket"></td><td class="num" data-label="Extra &quot;krona&quot;">58 203 923 kr</td></tr></tfoot></table>'
    )
  })

  it("a cell spanning columns takes its first column's header; the count includes every column", () => {
    const html = '<table><thead><tr><th>A</th><th>B</th><th>C</th></tr></thead><tbody><tr><th>x</th><td colspan="1">y</td><td>z</td></tr><tr><td colspan="2">w</td><td>v</td></tr></tbody></table>'
    expect(StackedTables.label(html)).toContain('<tr><td colspan="2" data-label="A">w</td><td data-label="C">v</td></tr>')
    expect(StackedTables.label(html)).toMatch(/^<table data-columns="3">/)
  })

  it("leaves a table without a header row, and everything outside tables, as it is", () => {
    const html = "<p>Före</p><table><tbody><tr><td>1</td></tr></tbody></table><p>Efter</p>"
    expect(StackedTables.label(html)).toBe(html)
  })
})
