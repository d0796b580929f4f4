import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Population, PopulationBasis, Region, type ValidationError } from "../src/index.js"

const enc = (text: string): Uint8Array => new TextEncoder().encode(text)
const codes = Region.all.map((r) => r.code)
const band = PopulationBasis.unsafeParse

const ok = (result: Result.Result<Population.Population, ValidationError>): Population.Population => {
  if (Result.isFailure(result)) throw new Error(result.failure.message)
  return result.success
}
const failure = (result: Result.Result<unknown, ValidationError>): ValidationError => {
  if (Result.isSuccess(result)) throw new Error("expected a failure")
  return result.failure
}
const lines = (result: Result.Result<unknown, ValidationError>): Array<string> => failure(result).message.split("\n")

/** ../shared/data/population-2025-09.csv (SCB september 2025, the basis of the 2026 grant), inlined so CI needs no outside files. */
const SCB_2025_09 = `region,age,population
01,18+,1979654
03,18+,329115
04,18+,239724
05,18+,380260
06,18+,293096
07,18+,161854
08,18+,199448
09,18+,50111
10,18+,127495
12,18+,1141296
13,18+,274769
14,18+,1426191
17,18+,230807
18,18+,247393
19,18+,224366
20,18+,231431
21,18+,230925
22,18+,195975
23,18+,107038
24,18+,226361
25,18+,204650
01,0-25,726747
03,0-25,130068
04,0-25,86586
05,0-25,140846
06,0-25,111038
07,0-25,61525
08,0-25,66018
09,0-25,15864
10,0-25,43753
12,0-25,427845
13,0-25,101291
14,0-25,516786
17,0-25,77360
18,0-25,91496
19,0-25,80476
20,0-25,77208
21,0-25,76278
22,0-25,64810
23,0-25,36503
24,0-25,82675
25,0-25,66099
`

/** Project CSV with one row per region for each band, population = f(region index, band). */
const projectCsv = (bands: ReadonlyArray<string>, value: (i: number, band: string) => number | string, extra = ""): string =>
  `region,age,population\n${bands.flatMap((b) => codes.map((c, i) => `${c},${b},${value(i, b)}`)).join("\n")}\n${extra}`

describe("Population: the project CSV", () => {
  it("reads ../shared/data/population-2025-09.csv: Uppsala län 18+ is 329 115 (SCB september 2025)", () => {
    const population = ok(Population.parseCsv(enc(SCB_2025_09), "population-2025-09.csv"))
    expect(population.rows).toHaveLength(42)
    const adults = Result.getOrThrow(Population.basis(population, band("18+")))
    expect(adults.get("03" as Region.RegionCode)).toBe(329_115)
    expect(adults.get("01" as Region.RegionCode)).toBe(1_979_654)
    expect(adults.size).toBe(21)
  })

  it("sums single-year rows and 100+ into 18+ and 0-25, agreeing with exact rows", () => {
    const ages = [...Array.from({ length: 100 }, (_, a) => String(a)), "100+"]
    const singles = ok(Population.parseCsv(enc(projectCsv(ages, (i, a) => i + 1 + Number.parseInt(a, 10))), "ettår.csv"))
    const adults = Result.getOrThrow(Population.basis(singles, band("18+")))
    // Stockholm (i = 0): sum over 18..99 of (1 + a) plus 1 + 100.
    let expected = 101
    for (let a = 18; a <= 99; a++) expected += 1 + a
    expect(adults.get("01" as Region.RegionCode)).toBe(expected)
    const young = Result.getOrThrow(Population.basis(singles, band("0-25")))
    expect(young.get("01" as Region.RegionCode)).toBe(Array.from({ length: 26 }, (_, a) => 1 + a).reduce((x, y) => x + y))
    // An exact 18+ row that agrees is fine; one that disagrees is an error.
    const agree = projectCsv(ages, (i, a) => i + 1 + Number.parseInt(a, 10)) + codes.map((c, i) => {
      let s = i + 1 + 100
      for (let a = 18; a <= 99; a++) s += i + 1 + a
      return `${c},18+,${s}`
    }).join("\n")
    expect(Result.isSuccess(Population.basis(ok(Population.parseCsv(enc(agree), "a.csv")), band("18+")))).toBe(true)
    const disagree = agree.replace(/^01,18\+,(\d+)$/m, (_, n: string) => `01,18+,${Number(n) + 1}`)
    expect(lines(Population.basis(ok(Population.parseCsv(enc(disagree), "a.csv")), band("18+")))[0]).toMatch(
      /^a\.csv: 01 18\+: Stockholms län, ålder 18\+: raden 18\+ \(rad \d+\) säger \d+ men ettårsraderna summerar till \d+$/
    )
  })

  it("refuses a gap, an overlap and an open band without a top row", () => {
    const ages = Array.from({ length: 26 }, (_, a) => String(a)).filter((a) => a !== "7")
    const gap = ok(Population.parseCsv(enc(projectCsv(ages, () => 10)), "gap.csv"))
    expect(lines(Population.basis(gap, band("0-25")))[0]).toBe("gap.csv: 01 0-25: Stockholms län, ålder 0-25: ettårsrader saknas för 7 år")
    const withTop = ok(Population.parseCsv(enc(projectCsv(["18", "19", "20+", "21"], () => 10)), "top.csv"))
    expect(lines(Population.basis(withTop, band("18+")))[0]).toBe("top.csv: 01 18+: Stockholms län, ålder 18+: ettårsrader för 21 år överlappar 20+")
    const twoTops = ok(Population.parseCsv(enc(projectCsv(["18", "19+", "20+"], () => 10)), "tops.csv"))
    expect(lines(Population.basis(twoTops, band("18+")))[0]).toContain("öppna intervall överlappar (19+, 20+)")
    const noTop = ok(Population.parseCsv(enc(projectCsv(["18", "19"], () => 10)), "notop.csv"))
    expect(lines(Population.basis(noTop, band("18+")))[0]).toContain("ingen rad för de äldsta (t.ex. 100+)")
    expect(Result.getOrThrow(Population.basis(noTop, band("18-19"))).get("25" as Region.RegionCode)).toBe(20)
  })

  it("reads a sex column: T from K + M when no total is given, and per sex", () => {
    const text = `region,age,sex,population\n${codes.flatMap((c) => [`${c},18+,K,100`, `${c},18+,M,90`]).join("\n")}\n`
    const population = ok(Population.parseCsv(enc(text), "kön.csv"))
    expect(Result.getOrThrow(Population.basis(population, band("18+"))).get("09" as Region.RegionCode)).toBe(190)
    expect(Result.getOrThrow(Population.basis(population, band("18+"), { sex: "K" })).get("09" as Region.RegionCode)).toBe(100)
    const clash = `${text}${codes.map((c) => `${c},18+,T,${c === "09" ? 191 : 190}`).join("\n")}\n`
    expect(lines(Population.basis(ok(Population.parseCsv(enc(clash), "kön.csv")), band("18+")))).toEqual([
      "kön.csv: 09 18+: Gotlands län, ålder 18+: totalt 191 men kvinnor + män 190; uppgifterna går isär"
    ])
  })

  it("property: a basis summed from random single-year rows equals the sum of the rows", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 200_000 }), { minLength: 30, maxLength: 30 }), fc.integer({ min: 0, max: 28 }), (counts, from) => {
        const ages = [...Array.from({ length: 29 }, (_, a) => String(a)), "29+"]
        const population = ok(Population.parseCsv(enc(projectCsv(ages, (i, a) => counts[Number.parseInt(a, 10)]! + i)), "p.csv"))
        const result = Result.getOrThrow(Population.basis(population, { from, to: undefined }))
        const expected = counts.slice(from).reduce((x, y) => x + y, 0) + 4 * (30 - from)
        expect(result.get("06" as Region.RegionCode)).toBe(expected)
      }),
      { numRuns: 30 }
    )
  })
})

describe("Population: bad input names file, line and field", () => {
  const good = projectCsv(["18+"], (i) => 1000 + i)

  it("an empty file, or only a header", () => {
    expect(lines(Population.parseCsv(enc(""), "tom.csv"))).toEqual(["tom.csv: filen är tom"])
    expect(lines(Population.parseCsv(enc("\n  \n"), "tom.csv"))).toEqual(["tom.csv: filen är tom"])
    expect(lines(Population.parseCsv(enc("region,age,population\n"), "rubrik.csv"))).toEqual(["rubrik.csv: filen innehåller inga befolkningsrader"])
  })

  it("a missing or unknown column", () => {
    expect(lines(Population.parseCsv(enc(good.replace("region,age,population", "region,population").replace(/,18\+/g, "")), "k.csv"))).toEqual([
      "k.csv:1: age: kolumnen saknas i rubrikraden (region,age,population)"
    ])
    expect(lines(Population.parseCsv(enc(good.replace("population", "population,extra")), "k.csv"))[0]).toBe(
      "k.csv:1: extra: okänd kolumn (förväntade region, age, population och ev. sex)"
    )
  })

  it("unknown region codes, bad ages, and a row with the wrong number of fields", () => {
    expect(lines(Population.parseCsv(enc(`${good}99,18+,5\n1,18+,5\n`), "r.csv"))).toEqual([
      'r.csv:23: region: okänd regionkod "99" (ange SCB-kod 01–25 med två siffror)',
      'r.csv:24: region: okänd regionkod "1" (ange SCB-kod 01–25 med två siffror)'
    ])
    expect(lines(Population.parseCsv(enc(good.replace("03,18+", "03,arton")), "r.csv"))).toEqual([
      'r.csv:3: age: "arton" är ingen ålder (t.ex. 34, 100+, 0-25 eller 18+)'
    ])
    expect(lines(Population.parseCsv(enc(good.replace("03,18+,1001", "03,18+,1001,7")), "r.csv"))).toEqual(["r.csv:3: raden har 4 fält, rubrikraden 3"])
  })

  it("negative, decimal, non-numeric and missing populations", () => {
    const bad = good.replace("03,18+,1001", "03,18+,-5").replace("04,18+,1002", "04,18+,12.5").replace("05,18+,1003", "05,18+,tusen").replace("06,18+,1004", "06,18+,")
    expect(lines(Population.parseCsv(enc(bad), "v.csv"))).toEqual([
      "v.csv:3: population: får inte vara negativt (-5)",
      "v.csv:4: population: måste vara ett heltal (12.5)",
      'v.csv:5: population: "tusen" är inte ett tal',
      "v.csv:6: population: värde saknas"
    ])
  })

  it("a duplicate row and a region missing for a band", () => {
    expect(lines(Population.parseCsv(enc(`${good}03,18+,7\n`), "d.csv"))).toEqual(["d.csv:23: region: 03 ålder 18+ finns redan (rad 3)"])
    expect(lines(Population.parseCsv(enc(good.replace(/^09,.*\n/m, "")), "d.csv"))).toEqual(["d.csv: region: ålder 18+: Gotlands län (09) saknas"])
  })

  it("wrongly encoded input: UTF-16 and bytes that are neither UTF-8 nor Windows-1252", () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(good, "utf16le")])
    expect(lines(Population.parseCsv(utf16, "u.csv"))).toEqual(["u.csv: filen är inte en textfil i UTF-8 eller Windows-1252 (UTF-16 eller binär data?)"])
    const bytes = new Uint8Array([...enc("region,age,population\n01,18+,5\n"), 0x81, 0x0a])
    expect(lines(Population.parseCsv(bytes, "w.csv"))).toEqual(["w.csv:3: filen är varken UTF-8 eller Windows-1252 (ogiltiga tecken)"])
  })

  it("a file that does not exist", () => {
    expect(lines(Population.parseFile("/finns/inte.csv"))).toEqual(["/finns/inte.csv: filen finns inte"])
  })
})

/** SCB PxWeb CSV with single years 0..100+ by sex, semicolon separated, as SCB's "Semikolonavgränsad med rubrik". */
const pxCsv = (delimiter: string, value: (i: number, age: number, sex: string) => number | string): string => {
  const q = (s: string) => `"${s}"`
  const head = [q("region"), q("ålder"), q("kön"), q("2025M09")].join(delimiter)
  const rows = Region.all.flatMap((r, i) =>
    Array.from({ length: 101 }, (_, age) =>
      ["män", "kvinnor"].map((sex) => [q(`${r.code} ${r.name}`), q(age === 100 ? "100+ år" : `${age} år`), q(sex), value(i, age, sex)].join(delimiter))
    ).flat()
  )
  return `"Folkmängden per månad efter region, ålder och kön"\r\n\r\n${head}\r\n${rows.join("\r\n")}\r\n`
}

describe("Population: SCB's PxWeb exports", () => {
  const value = (i: number, age: number, sex: string) => (i + 1) * 1000 + age * 2 + (sex === "män" ? 1 : 0)
  const expected18 = (i: number) => {
    let s = 0
    for (let age = 18; age <= 100; age++) s += 2 * ((i + 1) * 1000 + age * 2) + 1
    return s
  }

  it("semicolon-separated UTF-8 with BOM: '03 Uppsala län', '18 år', '100+ år', män and kvinnor", () => {
    const bytes = enc(`\uFEFF${pxCsv(";", value)}`)
    const population = ok(Population.parse(bytes, "scb.csv"))
    const adults = Result.getOrThrow(Population.basis(population, band("18+")))
    expect(adults.get("03" as Region.RegionCode)).toBe(expected18(1))
    expect(Result.getOrThrow(Population.basis(population, band("0-25"), { sex: "K" })).get("01" as Region.RegionCode)).toBe(
      Array.from({ length: 26 }, (_, a) => 1000 + 2 * a).reduce((x, y) => x + y)
    )
  })

  it("comma-separated Windows-1252 (å, ä, ö as single bytes)", () => {
    const text = pxCsv(",", value)
    const bytes = new Uint8Array([...text].map((ch) => ({ å: 0xe5, ä: 0xe4, ö: 0xf6, Ö: 0xd6, Ä: 0xc4, Å: 0xc5 })[ch] ?? ch.charCodeAt(0)))
    expect([...text].every((ch) => ch.charCodeAt(0) < 0x100)).toBe(true)
    const adults = Result.getOrThrow(Population.basis(ok(Population.parseCsv(bytes, "scb-1252.csv")), band("18+")))
    expect(adults.get("25" as Region.RegionCode)).toBe(expected18(20))
    expect(adults.get("05" as Region.RegionCode)).toBe(expected18(3))
  })

  it("tab-separated PxWeb table with the sexes as value columns (\"män 2025M09\", \"kvinnor 2025M09\")", () => {
    const rows = Region.all.flatMap((r, i) => Array.from({ length: 101 }, (_, age) => [`${r.code} ${r.name}`, age === 100 ? "100+ år" : `${age} år`, value(i, age, "män"), value(i, age, "kvinnor")].join("\t")))
    const text = `region\tålder\tmän 2025M09\tkvinnor 2025M09\n${rows.join("\n")}\n`
    const population = ok(Population.parseCsv(enc(text), "scb.tsv"))
    expect(Result.getOrThrow(Population.basis(population, band("18+"))).get("03" as Region.RegionCode)).toBe(expected18(1))
    const twoYears = "region\tålder\t2024M09\t2025M09\n01 Stockholms län\t0 år\t1\t2\n"
    expect(lines(Population.parseCsv(enc(twoYears), "scb.tsv"))).toEqual(["scb.tsv:1: 2024M09, 2025M09: flera värdekolumner (t.ex. flera år): exportera en tidpunkt i taget"])
  })

  it("reports SCB's '..' (missing value) and an unknown region with line and field", () => {
    const text = pxCsv(";", (i, age, sex) => (i === 2 && age === 40 && sex === "män" ? ".." : value(i, age, sex))).replace('"01 Stockholms län";"0 år";"män"', '"0114 Upplands Väsby";"0 år";"män"')
    expect(lines(Population.parseCsv(enc(text), "scb.csv"))).toEqual([
      'scb.csv:4: region: okänd region "0114 Upplands Väsby" (förväntade t.ex. "01 Stockholms län")',
      "scb.csv:488: 2025M09: värde saknas (..)"
    ])
  })

  it("PxWeb API v2 JSON-stat 2.0", () => {
    const regionIndex = Object.fromEntries(["00", ...codes].map((c, i) => [c, i]))
    const ageCodes = [...Array.from({ length: 100 }, (_, a) => String(a)), "100+"]
    const dataset = {
      version: "2.0",
      class: "dataset",
      label: "Folkmängden per månad efter region, ålder, kön och månad",
      id: ["Region", "Alder", "Kon", "ContentsCode", "Tid"],
      size: [22, 101, 2, 1, 1],
      role: { time: ["Tid"], metric: ["ContentsCode"] },
      dimension: {
        Region: { label: "region", category: { index: regionIndex, label: Object.fromEntries([["00", "Riket"], ...Region.all.map((r) => [r.code, r.name])]) } },
        Alder: { label: "ålder", category: { index: ageCodes, label: Object.fromEntries(ageCodes.map((a) => [a, `${a} år`])) } },
        Kon: { label: "kön", category: { index: { "1": 0, "2": 1 }, label: { "1": "män", "2": "kvinnor" } } },
        ContentsCode: { label: "tabellinnehåll", category: { index: { "000003O5": 0 }, label: { "000003O5": "Folkmängd" } } },
        Tid: { label: "månad", category: { index: { "2025M09": 0 }, label: { "2025M09": "2025M09" } } }
      },
      value: [] as Array<number | null>
    }
    for (let r = 0; r < 22; r++) for (let a = 0; a <= 100; a++) for (const sex of ["män", "kvinnor"]) dataset.value.push(r === 0 ? 999_999 : value(r - 1, a, sex))
    const population = ok(Population.parse(enc(JSON.stringify(dataset)), "scb.json"))
    expect(Result.getOrThrow(Population.basis(population, band("18+"))).get("14" as Region.RegionCode)).toBe(expected18(11))
    dataset.value[5 * 202 + 7] = -3
    dataset.value[6 * 202 + 9] = null
    expect(lines(Population.parse(enc(JSON.stringify(dataset)), "scb.json"))).toEqual([
      "scb.json: value[1017]: Jönköpings län, 3 år: får inte vara negativt (-3)",
      "scb.json: value[1221]: värde saknas för Kronobergs län, 4 år"
    ])
    const twoYears = { ...dataset, size: [22, 101, 2, 1, 2] }
    expect(lines(Population.parse(enc(JSON.stringify(twoYears)), "scb.json"))).toEqual([
      "scb.json: dimension.Tid: 2 värden; exportera en tidpunkt och ett innehåll i taget"
    ])
    expect(lines(Population.parse(enc("{ inte json"), "scb.json"))[0]).toBe("scb.json:1: ogiltig JSON: en nyckel ska stå inom dubbla citattecken, fick \"i\" (kolumn 3)")
  })

  it("JSON-stat of the wrong shape: an issue at the JSON path, never a crash (issue 15)", () => {
    const dataset = (dimension: unknown, extra: Record<string, unknown> = {}) =>
      enc(JSON.stringify({ class: "dataset", id: ["Region", "Alder"], size: [1, 1], dimension, value: [1], ...extra }))
    const age = { category: { index: ["18"], label: { "18": "18 år" } } }
    expect(lines(Population.parse(dataset({ Region: null, Alder: age }), "scb.json"))).toEqual(["scb.json: dimension.Region: förväntade ett objekt, fick null"])
    expect(lines(Population.parse(dataset({ Region: { category: { index: ["01"], label: { "01": 5 } } }, Alder: age }), "scb.json"))).toEqual([
      "scb.json: dimension.Region.category.label.01: förväntade text, fick 5"
    ])
    expect(lines(Population.parse(dataset({ Region: { category: { index: [1] } }, Alder: age }), "scb.json"))[0]).toMatch(/^scb\.json: dimension\.Region\.category\.index/)
    expect(lines(Population.parse(dataset({ Alder: age }), "scb.json"))).toEqual(["scb.json: dimension.Region: dimensionen finns i id men beskrivs inte"])
    expect(lines(Population.parse(dataset({}, { id: "Region" }), "scb.json"))).toEqual(['scb.json: id: förväntade en lista, fick "Region"'])
    expect(lines(Population.parse(dataset({}, { size: [1e6, 1e6] , id: ["a", "b"], dimension: { a: age, b: age } }), "scb.json"))).toEqual([
      "scb.json: size: 1000000000000 värden; en befolkningsfil har högst 1000000"
    ])
  })

  it("parse() tells CSV from JSON-stat by the first character", () => {
    expect(ok(Population.parse(enc(`\uFEFF${SCB_2025_09}`), "x")).rows).toEqual(ok(Population.parseCsv(enc(SCB_2025_09), "x")).rows)
  })
})
