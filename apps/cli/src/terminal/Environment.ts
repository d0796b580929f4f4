import { fromZodIssues, ValidationError } from "@uppdrag/core"
import * as Result from "effect/Result"
import * as z from "zod"

/**
 * The environment variables the CLI reads, validated once: the only module
 * that touches `process.env` for configuration.
 *
 * - `DATABASE_URL`: a PostgreSQL URL; when set, data is stored there.
 * - `UPPDRAG_DB`: the SQLite file to use instead of `./data/uppdrag.db`.
 * - `CI`: set in continuous integration (no progress lines).
 *
 * `uppdrag serve` also hands the web view's sign-in variables (`UPPDRAG_OIDC_*`,
 * `UPPDRAG_PUBLIC_URL`, `UPPDRAG_SESSION_*`) to `@uppdrag/web`'s schema
 * (`SignInConfig.fromEnvironment`), and reads `UPPDRAG_ACCESS_LOG`. `bin.ts` (the
 * loader) reads `UPPDRAG_COMPILE_CACHE` (where the code cache is kept, or `off`); `main.ts`
 * reads `UPPDRAG_FAULT` (`uncaught` or `rejection`: a fault injected for the
 * test of the unexpected-failure handlers) before anything else is loaded.
 *
 * @example
 * const env = readEnvironment() // Result.succeed({ databaseUrl: undefined, uppdragDb: "data/test.db", ci: false })
 */
export interface Environment {
  readonly databaseUrl: string | undefined
  readonly uppdragDb: string | undefined
  readonly ci: boolean
}

const Schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, "måste vara en PostgreSQL-adress, t.ex. postgres://användare:lösenord@värd:5432/databas")
    .optional(),
  UPPDRAG_DB: z.string().trim().min(1, "ange en sökväg till en SQLite-fil").optional()
})

let cached: Result.Result<Environment, ValidationError> | undefined

/** Reads and validates the environment (once); refuses a malformed value, naming the variable. */
export const readEnvironment = (env: NodeJS.ProcessEnv = process.env): Result.Result<Environment, ValidationError> => {
  if (cached !== undefined && env === process.env) return cached
  // An empty variable counts as unset, as in most shells' `VAR= command`.
  const present = (value: string | undefined): string | undefined => (value === undefined || value === "" ? undefined : value)
  const parsed = Schema.safeParse({ DATABASE_URL: present(env.DATABASE_URL), UPPDRAG_DB: present(env.UPPDRAG_DB) })
  const result: Result.Result<Environment, ValidationError> = parsed.success
    ? Result.succeed({ databaseUrl: parsed.data.DATABASE_URL, uppdragDb: parsed.data.UPPDRAG_DB, ci: env.CI !== undefined })
    : Result.fail(new ValidationError({ source: "miljövariabel", issues: fromZodIssues(parsed.error.issues) }))
  if (env === process.env) cached = result
  return result
}
