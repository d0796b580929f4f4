// Another team's code against the published @uppdrag/core: the README's example, each namespace's
// types used as types and its schemas as values, and misuses that must not compile.
import * as Result from "effect/Result"
import type { z } from "zod"
import {
  Assignment,
  CalendarDate,
  Catalog,
  DateRange,
  DiaryNumber,
  fromZodIssues,
  formatIssues,
  type Issue,
  Kronor,
  Population,
  PopulationBasis,
  Region,
  SourceDocument,
  ValidationError
} from "@uppdrag/core"

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false

// The README.
const catalog: Catalog.Catalog = Catalog.unsafeLoad()
const found = Catalog.findGrant(catalog, "specialiserad-psykiatri-2026")
const text: string = Kronor.format(found!.grant.amount)
const assignment: Assignment.Assignment | undefined = Catalog.findAssignment(catalog, "S2025/01528")
const decided: CalendarDate.CalendarDate | undefined = assignment?.decided
const code: Region.RegionCode | undefined = Region.find("Region Stockholm")?.code
const weekday: number = CalendarDate.weekday(CalendarDate.unsafeParse("2027-05-30"))
const partial: boolean = DiaryNumber.unsafeParse("S2026/00095 (delvis)").partial

// Every exported type of every namespace is a type.
type Types = [
  Assignment.Assignment,
  Assignment.AssignmentInput,
  Assignment.AssignmentKind,
  Assignment.ConsultedParty,
  Assignment.Funding,
  Assignment.FundingPart,
  Assignment.Grant,
  Assignment.GrantComponent,
  Assignment.ObligationKind,
  Assignment.ReportingObligation,
  CalendarDate.CalendarDate,
  Catalog.Catalog,
  DateRange.DateRange,
  DiaryNumber.DiaryNumber,
  Kronor.Kronor,
  Population.Population,
  Population.Row,
  Population.Sex,
  PopulationBasis.AgeBand,
  Region.Region,
  Region.RegionCode,
  SourceDocument.SourceDocument,
  Issue,
  ValidationError
]

// The schemas are values, and parse to the types of the same plain name.
const schemas = [
  Assignment.AssignmentSchema,
  Assignment.AssignmentKindSchema,
  Assignment.ConsultedPartySchema,
  Assignment.FundingSchema,
  Assignment.FundingPartSchema,
  Assignment.GrantSchema,
  Assignment.GrantComponentSchema,
  Assignment.ObligationKindSchema,
  Assignment.ReportingObligationSchema,
  CalendarDate.schema,
  DateRange.schema,
  DiaryNumber.textSchema,
  Kronor.schema,
  PopulationBasis.schema,
  Region.codeSchema
] as const
const sameTypes: [
  Equals<z.output<typeof Assignment.AssignmentSchema>, Assignment.Assignment>,
  Equals<z.input<typeof Assignment.AssignmentSchema>, Assignment.AssignmentInput>,
  Equals<z.output<typeof Assignment.AssignmentKindSchema>, Assignment.AssignmentKind>,
  Equals<z.output<typeof Assignment.ConsultedPartySchema>, Assignment.ConsultedParty>,
  Equals<z.output<typeof Assignment.FundingSchema>, Assignment.Funding>,
  Equals<z.output<typeof Assignment.FundingPartSchema>, Assignment.FundingPart>,
  Equals<z.output<typeof Assignment.GrantSchema>, Assignment.Grant>,
  Equals<z.output<typeof Assignment.GrantComponentSchema>, Assignment.GrantComponent>,
  Equals<z.output<typeof Assignment.ObligationKindSchema>, Assignment.ObligationKind>,
  Equals<z.output<typeof Assignment.ReportingObligationSchema>, Assignment.ReportingObligation>,
  Equals<z.output<typeof CalendarDate.schema>, CalendarDate.CalendarDate>,
  Equals<z.output<typeof Kronor.schema>, Kronor.Kronor>
] = [true, true, true, true, true, true, true, true, true, true, true, true]

const parsed = Assignment.AssignmentSchema.safeParse({})
const kind: Assignment.ObligationKind = Assignment.ObligationKindSchema.parse("delredovisning")
const date: Result.Result<CalendarDate.CalendarDate, string> = CalendarDate.parse("2026-02-30")
const amount: Result.Result<Kronor.Kronor, string> = Kronor.make(58_203_923)
const loaded: Result.Result<Catalog.Catalog, ReadonlyArray<ValidationError>> = Catalog.load({ extra: ["mina-uppdrag/"] })
const issues: Array<Issue> = parsed.success ? [] : fromZodIssues(parsed.error.issues)
const lines: Array<string> = formatIssues("uppdrag.yaml", issues)
const error = new ValidationError({ source: "uppdrag.yaml", issues })
const tag: "ValidationError" = error._tag

// Misuses that must not compile.
// @ts-expect-error a plain string is not a CalendarDate (branded: parse it)
const notADate: CalendarDate.CalendarDate = "2026-01-22"
// @ts-expect-error a plain number is not Kronor (branded: make it)
const notKronor: Kronor.Kronor = 100
// @ts-expect-error an obligation kind the decisions do not use
const notAKind: Assignment.ObligationKind = "rapport"
// @ts-expect-error findGrant may find nothing
const grantAmount: number = Catalog.findGrant(catalog, "x").grant.amount
// @ts-expect-error Result.getOrThrow is needed before the value can be used
const notUnwrapped: Kronor.Kronor = Kronor.make(1)
// @ts-expect-error the type is not a value: validate with AssignmentSchema
Assignment.Assignment.parse({})
// @ts-expect-error internal modules are not exported
import("@uppdrag/core/internal/anything")
