/**
 * A small RFC 4180 reader for the package's own input tables (distribution
 * keys, published allocation tables): `,`, `;` or tab as separator (the one
 * the header line uses most), quoted fields with `""`, blank lines and lines
 * starting with `#` skipped. Each record keeps its 1-based line number.
 */
export interface Record {
  readonly line: number
  readonly fields: ReadonlyArray<string>
}

/** The separator the header line uses most. */
export const delimiterOf = (text: string): string => {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== "" && !l.startsWith("#")) ?? ""
  const counts = [",", ";", "\t"].map((d) => [d, first.split(d).length] as const)
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0]
}

/** The records of `text`, or the line of an unterminated quote. */
export const read = (text: string, delimiter = delimiterOf(text)): { readonly records: ReadonlyArray<Record> } | { readonly unterminated: number } => {
  const records: Array<Record> = []
  let line = 1
  let i = 0
  const n = text.length
  while (i < n) {
    const start = line
    if (text[i] === "#") {
      while (i < n && text[i] !== "\n") i++
      i++
      line++
      continue
    }
    const fields: Array<string> = []
    let field = ""
    let quoted = false
    let any = false
    for (;;) {
      if (i >= n) {
        if (quoted) return { unterminated: start }
        fields.push(field)
        break
      }
      const c = text[i]!
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') {
          field += '"'
          i += 2
        } else if (c === '"') {
          quoted = false
          i++
        } else {
          if (c === "\n") line++
          field += c
          i++
        }
        continue
      }
      if (c === '"' && field.trim() === "") {
        quoted = true
        field = ""
        any = true
        i++
      } else if (c === delimiter) {
        fields.push(field)
        field = ""
        any = true
        i++
      } else if (c === "\n" || c === "\r") {
        if (c === "\r" && text[i + 1] === "\n") i++
        i++
        line++
        fields.push(field)
        break
      } else {
        field += c
        if (c.trim() !== "") any = true
        i++
      }
    }
    if (any || fields.some((f) => f.trim() !== "")) records.push({ line: start, fields: fields.map((f) => f.trim()) })
  }
  return { records }
}
