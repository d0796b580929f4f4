import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Redact } from "../src/index.js"

describe("Redact.connectionString: the cases of issue 15", () => {
  it("hides the password of a URL and keeps where it points", () => {
    expect(Redact.connectionString("postgres://app:hemligt@db.example.se:5432/uppdrag")).toBe("postgres://app:***@db.example.se:5432/uppdrag")
  })

  it("hides an unencoded @ in the password whole (issue 15: the tail leaked)", () => {
    const out = Redact.connectionString("postgres://u:p@ss@h/db")
    expect(out).toBe("postgres://u:***@h/db")
    expect(out).not.toContain("ss")
  })

  it("hides ?password= in any position among the parameters", () => {
    expect(Redact.connectionString("postgres://u@h/db?password=hemligt")).toBe("postgres://u@h/db?password=***")
    expect(Redact.connectionString("postgres://u@h/db?sslmode=require&password=hemligt&application_name=x")).toBe(
      "postgres://u@h/db?sslmode=require&password=***&application_name=x"
    )
    expect(Redact.connectionString("postgresql://h/db?sslpassword=a&password=b")).toBe("postgresql://h/db?sslpassword=***&password=***")
    // An unencoded @ and : in a parameter's password: nothing of it shown, the host kept.
    expect(Redact.connectionString("postgres://app@127.0.0.1:1/db?password=p@ss:4711&sslmode=disable")).toBe("postgres://app@127.0.0.1:1/db?password=***&sslmode=disable")
  })

  it("hides percent-encoded passwords as written", () => {
    expect(Redact.connectionString("postgres://u:p%40ss%3Aw@h/db")).toBe("postgres://u:***@h/db")
  })

  it("hides key=value passwords, quoted or not, and PGPASSWORD", () => {
    expect(Redact.connectionString("host=h user=u password=hemligt dbname=x")).toBe("host=h user=u password=*** dbname=x")
    expect(Redact.connectionString("host=h password = 'hem lig\\'t' dbname=x")).toBe("host=h password = *** dbname=x")
    expect(Redact.connectionString("PGPASSWORD=hemligt psql")).toBe("PGPASSWORD=*** psql")
  })

  it("keeps the colon after a location, and hiding twice changes nothing", () => {
    const line = "postgres://u@h/db?sslmode=disable&password=***: databasen kan inte öppnas"
    expect(Redact.connectionString("postgres://u@h/db?sslmode=disable&password=hemligt: databasen kan inte öppnas")).toBe(line)
    expect(Redact.connectionString(line)).toBe(line)
  })

  it("hides a URL echoed inside a driver's message, and leaves other text alone", () => {
    expect(Redact.connectionString('getaddrinfo ENOTFOUND for "postgres://u:pw@nowhere/db": failed')).toBe('getaddrinfo ENOTFOUND for "postgres://u:***@nowhere/db": failed')
    expect(Redact.connectionString("data/uppdrag.db: databasen är låst")).toBe("data/uppdrag.db: databasen är låst")
    expect(Redact.connectionString("http://127.0.0.1:3000/halsa")).toBe("http://127.0.0.1:3000/halsa")
  })
})

// Passwords as users choose them: letters, digits and the punctuation that
// breaks naive parsing (@ : / ? # & = % ' " and non-ASCII), never white space.
const passwordChar = fc.constantFrom(..."abcXYZ019@:/?#&=%'\"!$;,._~-åäö€".split(""))
const password = fc.string({ unit: passwordChar, minLength: 4, maxLength: 24 })
const word = fc.string({ unit: fc.constantFrom(..."abcdefghij_".split("")), minLength: 1, maxLength: 8 })
const parameter = fc.tuple(fc.constantFrom("sslmode", "application_name", "connect_timeout", "options"), word).map(([k, v]) => `${k}=${v}`)

/** A connection string holding `secret` in one of PostgreSQL's forms, and the text around it. */
const holding = (secret: string) =>
  fc.record({ user: word, host: word, db: word, params: fc.array(parameter, { maxLength: 3 }), at: fc.nat(3), before: word, after: word }).chain((p) => {
    const inParams = (value: string): string => {
      const params = [...p.params]
      params.splice(Math.min(p.at, params.length), 0, `password=${value}`)
      return `?${params.join("&")}`
    }
    const query = p.params.length === 0 ? "" : `?${p.params.join("&")}`
    return fc.constantFrom(
      `postgres://${p.user}:${secret}@${p.host}:5432/${p.db}${query}`,
      `postgresql://${p.user}:${encodeURIComponent(secret)}@${p.host}/${p.db}${query}`,
      // In a parameter a password is percent-encoded (& and # would end it); @, :, / and ? need not be.
      `postgres://${p.user}@${p.host}/${p.db}${inParams(secret.replace(/[%&#]/g, encodeURIComponent))}`,
      `postgres://${p.host}/${p.db}${inParams(encodeURIComponent(secret))}`,
      `host=${p.host} user=${p.user} password=${secret.includes("'") ? secret : `'${secret}'`} dbname=${p.db}`,
      `host=${p.host} password='${secret.replace(/['\\]/g, "\\$&")}' dbname=${p.db}`
    ).map((form) => ({ text: `${p.before}: ${form} ${p.after}`, form }))
  })

describe("Redact.connectionString: for any password in any form and position", () => {
  it("the output never contains the password, raw or encoded", () => {
    fc.assert(
      fc.property(
        password.chain((secret) => holding(secret).map((h) => ({ secret, ...h }))),
        ({ secret, text, form }) => {
          const out = Redact.connectionString(text)
          // Only meaningful when the password is not also a piece of the rest of the text.
          const rest = text.replace(form, "")
          fc.pre(!rest.includes(secret) && !`${mask}`.includes(secret))
          for (const written of new Set([secret, encodeURIComponent(secret), secret.replace(/[%&#]/g, encodeURIComponent)])) {
            expect(out).not.toContain(written)
          }
        }
      ),
      { numRuns: 300 }
    )
  })
})

const mask = Redact.mask
