import { libraryConfig } from "@uppdrag/tsup-config"
import { defineConfig } from "tsup"

export default defineConfig(libraryConfig())
