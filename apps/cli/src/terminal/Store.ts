import { Allocation, PublishedPopulation } from "@uppdrag/allocation"
import type { Assignment, Catalog } from "@uppdrag/core"
import { Store, StoreError } from "@uppdrag/store"
import * as Result from "effect/Result"
import { loadCatalog } from "./Catalog.js"
import { CliError } from "./CliError.js"
import { defaultDatabase } from "./DbOption.js"
import { readEnvironment } from "./Environment.js"

/**
 * Where the data is: an explicit `--db` wins, then `DATABASE_URL`
 * (PostgreSQL), then `UPPDRAG_DB`, then the default file.
 *
 * @example
 * storeLocation(undefined) // { kind: "sqlite", path: "data/uppdrag.db" } with no variables set
 */
export const storeLocation = (db: string | undefined): Store.Location => {
  if (db !== undefined) {
    if (db.trim() === "") throw new CliError(["--db: ange en sökväg till en SQLite-fil"])
    return { kind: "sqlite", path: db }
  }
  const env = readEnvironment()
  if (env.databaseUrl !== undefined) return { kind: "postgres", url: env.databaseUrl }
  return { kind: "sqlite", path: env.uppdragDb ?? defaultDatabase }
}

/**
 * A grant's allocation per region code: the largest-remainder split of its
 * components over the published population it names (`@uppdrag/allocation`).
 * A grant that cannot be split that way (e.g. a capped performance pot) has
 * no regional allocation here.
 *
 * @example
 * allocationOf(grant).get("03") // 58203923 for specialiserad-psykiatri-2026
 */
export const allocationOf = (grant: Assignment.Grant): ReadonlyMap<string, number> => {
  if (grant.method !== "largest-remainder") return new Map()
  const population = PublishedPopulation.forGrant(grant)
  if (Result.isFailure(population)) return new Map()
  const allocation = Allocation.allocate(Allocation.fromGrant(grant), population.success)
  if (Result.isFailure(allocation)) return new Map()
  return new Map(allocation.success.rows.filter((row) => !allocation.success.exclude.includes(row.region)).map((row) => [row.region, row.total]))
}

/** The lines a store failure prints. */
export const storeFailure = (error: StoreError): CliError => new CliError(error.message.split("\n"))

/**
 * Opens the store for a command (creating and migrating it as needed) with
 * the catalog (built-in plus `--catalog`), or refuses with the reason.
 *
 * @example
 * const { store, catalog } = await openStore({ db: options.db })
 * try { ... } finally { await store.close() }
 */
export const openStore = async (options: { db?: string | undefined; catalog?: ReadonlyArray<string> | undefined }): Promise<{ store: Store.Store; catalog: Catalog.Catalog }> => {
  const catalog = loadCatalog(options.catalog ?? [])
  const opened = await Store.open(storeLocation(options.db), { catalog, allocationOf })
  if (Result.isFailure(opened)) throw storeFailure(opened.failure)
  return { store: opened.success, catalog }
}

/**
 * Runs `work` with an open store and always closes it.
 *
 * @example
 * await withStore(options, async ({ store }) => { ... })
 */
export const withStore = async <A>(
  options: { db?: string | undefined; catalog?: ReadonlyArray<string> | undefined },
  work: (opened: { store: Store.Store; catalog: Catalog.Catalog }) => Promise<A>
): Promise<A> => {
  const opened = await openStore(options)
  try {
    return await work(opened)
  } finally {
    await opened.store.close()
  }
}

export { StoreError }
