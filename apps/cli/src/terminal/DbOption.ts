import { Option } from "commander"

// Kept apart from Store.ts so that command definitions can add the option
// without loading the store, its drivers or the catalog at start-up.

/** The default SQLite file, relative to the working folder. */
export const defaultDatabase = "data/uppdrag.db"

/**
 * `--db PATH`: the SQLite file every command that reads or writes data
 * accepts. Without it: PostgreSQL when `DATABASE_URL` is set, else
 * `UPPDRAG_DB`, else `./data/uppdrag.db` (created on first use).
 *
 * @example
 * command.addOption(dbOption())
 */
export const dbOption = (): Option =>
  new Option("--db <fil>", `SQLite-databasen (annars DATABASE_URL för PostgreSQL, UPPDRAG_DB eller ./${defaultDatabase}; skapas vid första användning)`)
