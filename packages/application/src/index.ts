/**
 * @uppdrag/application: every use case of uppdrag, written once for the CLI,
 * the web view and other teams. Use cases are Effect programs over a few
 * services: the {@link EventLog} port (provided over SQLite or PostgreSQL by
 * `@uppdrag/store`, or in memory), the catalog, the population in force, the
 * meeting series and Effect's clock.
 *
 * @example
 * import { CatalogSource, DeadlineList, EventLog, Populations } from "@uppdrag/application"
 * import * as Effect from "effect/Effect"
 * import * as Layer from "effect/Layer"
 * const listing = await Effect.runPromise(
 *   DeadlineList.list({ asOf: "2026-12-01" }).pipe(
 *     Effect.provide(Layer.mergeAll(CatalogSource.layer(), EventLog.layerMemory(), Populations.layerPublished))
 *   )
 * )
 */
export * as CatalogOverview from "./CatalogOverview.js"
export * as CatalogSource from "./CatalogSource.js"
export * as DeadlineList from "./DeadlineList.js"
export * as Event from "./Event.js"
export * as EventInput from "./EventInput.js"
export * as EventLog from "./EventLog.js"
export { EventLogError } from "./EventLogError.js"
export * as EventLogFailure from "./EventLogError.js"
export * as Freshness from "./Freshness.js"
export * as GrantAllocation from "./GrantAllocation.js"
export * as GrantState from "./GrantState.js"
export * as IndicatorPublications from "./IndicatorPublications.js"
export * as IndicatorTable from "./IndicatorTable.js"
export * as InputFiles from "./InputFiles.js"
export * as LogExport from "./LogExport.js"
export * as MeetingCalendar from "./MeetingCalendar.js"
export * as MeetingRecords from "./MeetingRecords.js"
export * as Overview from "./Overview.js"
export * as Populations from "./Populations.js"
export * as Projection from "./Projection.js"
export * as Recorded from "./Recorded.js"
export * as Recording from "./Recording.js"
export * as RegionOverview from "./RegionOverview.js"
export * as Table from "./Table.js"
export * as Today from "./Today.js"
export * as Workload from "./Workload.js"
