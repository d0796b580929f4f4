import { Catalog } from "@uppdrag/core"
import { Party, Series } from "../src/index.js"
import type { Meeting } from "../src/index.js"

export const catalog: Catalog.Catalog = Catalog.unsafeLoad()
export const context: Meeting.Context = { catalog, parties: Party.directory(catalog), series: Series.unsafeLoad() }
export const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)
