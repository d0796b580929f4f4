import fc from "fast-check"

/** The years the generated files are counted for. */
export const years = { from: 2020, to: 2024 }
export const columns = ["patient", "region", "sex", "birthYear", "careForm", "start", "end"]

// Episode files built to sit on the edges of the format: mostly valid rows of a
// few patients (so patients recur across regions, years and chunks), and rows
// that are wrong in one field, nearly valid (a date that does not exist, region
// 00, a care form in capitals), quoted, too short, with CR LF or blank.
const patient = fc.constantFrom("P1", "P2", "P3", "P4", "SYN00000042", "en-mycket-lång-id-över-sexton-byte", "Å1", "x y", "", "P\r5", "a".repeat(201))
const region = fc.oneof({ weight: 8, arbitrary: fc.constantFrom("01", "03", "14", "25", "09") }, { weight: 1, arbitrary: fc.constantFrom("00", "02", "26", "1", "a1", " 01", "") })
const sex = fc.oneof({ weight: 8, arbitrary: fc.constantFrom("K", "M") }, { weight: 1, arbitrary: fc.constantFrom("X", "k", "", "KM") })
const birthYear = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1930, max: 2019 }).map(String) }, { weight: 1, arbitrary: fc.constantFrom("1879", "2030", "-199", "19x0", "") })
const careForm = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("sluten-lpt", "oppen-lpt", "domstols-lrv", "akut-lrv", "oppen-lrv") },
  { weight: 1, arbitrary: fc.constantFrom("LPT", "sluten-lpT", "oppen-lpx", "akut-lrv ", "domstols-lr", "") }
)
const day = fc.integer({ min: 0, max: 365 * 8 }).map((n) => new Date(Date.UTC(2017, 0, 1 + n)).toISOString().slice(0, 10))
const date = fc.oneof({ weight: 8, arbitrary: day }, { weight: 1, arbitrary: fc.constantFrom("2023-02-29", "2024-02-29", "2023-02-30", "2023-13-01", "2023-00-10", "2023-04-31", "20230101", "2023-1-01", "") })
const lineEnd = fc.constantFrom("\n", "\n", "\n", "\r\n")
const row = fc.record({ patient, region, sex, birthYear, careForm, start: date, end: fc.oneof(date, fc.constant("")), lineEnd, quote: fc.integer({ min: -40, max: 6 }), shape: fc.integer({ min: 0, max: 40 }) })
export const file = fc.record({
  rows: fc.array(row, { maxLength: 60, size: "max" }),
  // Columns in another order send every row to the reference reader.
  order: fc.oneof({ weight: 4, arbitrary: fc.constant(columns) }, { weight: 1, arbitrary: fc.shuffledSubarray(columns, { minLength: 7, maxLength: 7 }) }),
  bom: fc.boolean(),
  blankBefore: fc.boolean(),
  lastLineEnd: fc.boolean(),
  // Most files valid, so that counts are compared as often as problems.
  clean: fc.boolean()
})

type Spec = { patient: string; region: string; sex: string; birthYear: string; careForm: string; start: string; end: string; lineEnd: string; quote: number; shape: number }
const isDate = (text: string): boolean => {
  if (!/^\d{4}-\d\d-\d\d$/.test(text)) return false
  const time = Date.parse(`${text}T00:00:00Z`)
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text
}
const validId = (id: string): string => (id === "" || id.length > 200 || id.includes("\r") ? "P1" : id)

// A clean file: every field valid, one sex and birth year per patient.
const cleaned = (r: Spec): Spec => {
  const patient = validId(r.patient)
  const start = isDate(r.start) ? r.start : "2021-06-01"
  return {
    ...r,
    patient,
    region: /^(01|03|14|25|09)$/.test(r.region) ? r.region : "01",
    careForm: /^(sluten-lpt|oppen-lpt|domstols-lrv|akut-lrv|oppen-lrv)$/.test(r.careForm) ? r.careForm : "oppen-lrv",
    start,
    end: isDate(r.end) && r.end >= start ? r.end : "",
    sex: patient.length % 2 === 0 ? "K" : "M",
    birthYear: String(1940 + patient.length * 2),
    shape: r.shape < 2 ? 3 : r.shape
  }
}

export const text = (spec: { rows: ReadonlyArray<Spec>; order: ReadonlyArray<string>; bom: boolean; blankBefore: boolean; lastLineEnd: boolean; clean: boolean }): string => {
  let out = `${spec.bom ? "\uFEFF" : ""}${spec.blankBefore ? "\n\r\n" : ""}${spec.order.join(",")}\n`
  spec.rows.forEach((spec0, i) => {
    const r = spec.clean ? cleaned(spec0) : spec0
    const values: Record<string, string> = { patient: r.patient, region: r.region, sex: r.sex, birthYear: r.birthYear, careForm: r.careForm, start: r.start, end: r.end }
    let fields = spec.order.map((column) => values[column]!)
    if (r.quote >= 0) fields = fields.map((field, k) => (k === r.quote ? `"${field}"` : field))
    if (r.shape === 0) fields = fields.slice(0, 5)
    if (r.shape === 1) fields = [...fields, "extra"]
    const blank = r.shape === 2 ? r.lineEnd : ""
    const last = i === spec.rows.length - 1 && !spec.lastLineEnd
    out += `${blank}${fields.join(",")}${last ? "" : r.lineEnd}`
  })
  return out
}

