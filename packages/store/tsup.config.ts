import { libraryConfig } from "@uppdrag/tsup-config"
import { defineConfig } from "tsup"

// Kysely is bundled: no public type names it, and loading its ~260 ESM files
// cost every CLI command that opens the database about 0.18 s at start-up.
export default defineConfig(libraryConfig({ noExternal: ["kysely"] }))
