import { randomBytes } from "node:crypto"
import pg from "pg"
import { afterAll, describe } from "vitest"
import type { Store } from "../src/index.js"
import { storeContract } from "./contract.js"

// PostgreSQL runs the same suite when DATABASE_URL is set (always in CI, see .ci/run).
const url = process.env.DATABASE_URL
const schemas: Array<string> = []

const admin = async <A>(work: (client: pg.Client) => Promise<A>, schema?: string): Promise<A> => {
  const client = new pg.Client({ connectionString: url, ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }) })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

afterAll(async () => {
  if (url === undefined || schemas.length === 0) return
  await admin(async (client) => {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  })
})

describe.skipIf(url === undefined)("PostgreSQL", () => {
  storeContract({
    name: "PostgreSQL",
    runs: 10,
    fresh: async (): Promise<Store.Location> => {
      const schema = `test_${randomBytes(6).toString("hex")}`
      schemas.push(schema)
      await admin((client) => client.query(`CREATE SCHEMA ${schema}`))
      return { kind: "postgres", url: url!, schema }
    },
    raw: async (location, statement) => {
      if (location.kind !== "postgres") throw new Error("PostgreSQL expected")
      await admin((client) => client.query(statement), location.schema)
    }
  })
})
