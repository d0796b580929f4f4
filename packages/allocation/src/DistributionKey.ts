import { createHash } from "node:crypto"
import { type Issue, Population, Region, ValidationError } from "@uppdrag/core"
import * as Result from "effect/Result"
import * as Csv from "./internal/Csv.js"

/**
 * A distribution key (fördelningsnyckel): one non-negative weight per
 * region, for components split by something other than head count, such as
 * the 2024 payment that followed the health-care model of the
 * cost-equalisation system (kostnadsutjämningens vårdmodell). The file is a
 * CSV `region,weight`, the region as an SCB code or a Swedish or SCB name,
 * the weight a decimal number with up to 6 decimals (`1.234567`) or an
 * integer. Weights are kept exactly, as integers in millionths
 * ({@link SCALE}), so a split by key is exact rational arithmetic.
 *
 * @example
 * import { DistributionKey } from "@uppdrag/allocation"
 * const key = Result.getOrThrow(DistributionKey.parse(bytes, "vardmodell-2024.csv"))
 * key.weights.get("09") // 1_043_210n for a weight of 1.04321
 * @since 0.2.0
 */
export interface Key {
  /** The file the key came from, for messages and provenance. */
  readonly source: string
  /** SHA-256 of the file's bytes, lower-case hex as `sha256sum` prints it. */
  readonly sha256: string
  /** Each region's weight in millionths. */
  readonly weights: ReadonlyMap<Region.RegionCode, bigint>
  /** Each region's weight as the file writes it (`1.04321`), for explanations. */
  readonly texts: ReadonlyMap<Region.RegionCode, string>
}

/**
 * Weights are kept in millionths: the file's 6 decimals exactly.
 *
 * @since 0.2.0
 */
export const SCALE = 1_000_000n

/**
 * Lower-case hex SHA-256 of bytes, as `sha256sum` prints it.
 *
 * @example
 * DistributionKey.sha256(new TextEncoder().encode("")) // "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
 * @since 0.2.0
 */
export const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex")

const regionHeaders = ["region", "kod", "regionkod", "län", "lan", "county"]
const weightHeaders = ["weight", "vikt", "nyckel", "andel", "value", "värde"]

/**
 * Parses a weight text into millionths, or says why not (Swedish).
 *
 * @since 0.2.0
 */
export const parseWeight = (text: string, decimalComma = false): Result.Result<bigint, string> => {
  const t = decimalComma ? text.trim().replace(",", ".") : text.trim()
  if (t === "") return Result.fail("värde saknas")
  if (/^[-−]/.test(t)) return Result.fail(`får inte vara negativ (${t})`)
  const match = /^(\d+)(?:\.(\d+))?$/.exec(t)
  if (match === null) return Result.fail(`${JSON.stringify(text.trim())} är inte ett tal (skriv t.ex. 1.234567 eller 12)`)
  const fraction = match[2] ?? ""
  if (fraction.length > 6) return Result.fail(`högst 6 decimaler (${t})`)
  return Result.succeed(BigInt(match[1]!) * SCALE + BigInt(fraction.padEnd(6, "0")))
}

/**
 * Validates key-file bytes: every region exactly once (Riket rows are
 * skipped), no negative weight, not all zero. Every problem is reported with
 * the file, its line and the field.
 *
 * @example
 * DistributionKey.parse(new TextEncoder().encode("region,weight\n01,1.5\n…"), "nyckel.csv")
 * @since 0.2.0
 */
export const parse = (bytes: Uint8Array, source: string): Result.Result<Key, ValidationError> => {
  const decoded = Population.decode(bytes, source)
  if (Result.isFailure(decoded)) return Result.fail(decoded.failure)
  const delimiter = Csv.delimiterOf(decoded.success)
  const read = Csv.read(decoded.success, delimiter)
  const fail = (issues: ReadonlyArray<Issue>) => Result.fail(new ValidationError({ source, issues }))
  if ("unterminated" in read) return fail([{ path: "", line: read.unterminated, message: "ogiltig CSV: ett citattecken öppnas men stängs aldrig" }])
  const [header, ...rows] = read.records
  if (header === undefined) return fail([{ path: "", message: "filen är tom" }])
  const names = header.fields.map((f) => f.toLocaleLowerCase("sv"))
  const regionAt = names.findIndex((h) => regionHeaders.includes(h))
  const weightAt = names.findIndex((h) => weightHeaders.includes(h))
  const issues: Array<Issue> = []
  if (regionAt < 0) issues.push({ path: "region", line: header.line, message: "kolumnen saknas i rubrikraden (region,weight)" })
  if (weightAt < 0) issues.push({ path: "weight", line: header.line, message: "kolumnen saknas i rubrikraden (region,weight)" })
  if (issues.length > 0) return fail(issues)
  const weights = new Map<Region.RegionCode, bigint>()
  const texts = new Map<Region.RegionCode, string>()
  const lines = new Map<string, number>()
  for (const row of rows) {
    if (row.fields.length !== header.fields.length) {
      issues.push({ path: "", line: row.line, message: `raden har ${row.fields.length} fält, rubrikraden ${header.fields.length}` })
      continue
    }
    const regionText = row.fields[regionAt] ?? ""
    const region = Region.find(regionText)
    if (region?.code === "00") continue
    const weight = parseWeight(row.fields[weightAt] ?? "", delimiter !== ",")
    if (region === undefined) {
      issues.push({ path: "region", line: row.line, message: regionText === "" ? "saknas" : `okänd region ${JSON.stringify(regionText)} (ange SCB-kod 01–25 eller länets namn)` })
    } else if (lines.has(region.code)) {
      issues.push({ path: "region", line: row.line, message: `${region.name} (${region.code}) står redan på rad ${lines.get(region.code)}` })
    }
    if (Result.isFailure(weight)) issues.push({ path: header.fields[weightAt]!, line: row.line, message: weight.failure })
    if (region !== undefined && !lines.has(region.code)) {
      lines.set(region.code, row.line)
      if (Result.isSuccess(weight)) {
        weights.set(region.code, weight.success)
        texts.set(region.code, (row.fields[weightAt] ?? "").trim())
      }
    }
  }
  const missing = Region.all.filter((r) => !lines.has(r.code))
  if (missing.length > 0) issues.push({ path: "region", message: `${missing.map((r) => `${r.name} (${r.code})`).join(", ")} saknas; nyckeln ska ha en vikt per region` })
  if (issues.length === 0 && [...weights.values()].every((w) => w === 0n)) {
    issues.push({ path: header.fields[weightAt]!, message: "alla vikter är noll; nyckeln kan inte fördela något" })
  }
  if (issues.length > 0) return fail(issues)
  return Result.succeed({ source, sha256: sha256(bytes), weights, texts })
}

/**
 * A weight in millionths as a decimal text without trailing zeros.
 *
 * @example
 * DistributionKey.format(1_500_000n) // "1.5"
 * @since 0.2.0
 */
export const format = (millionths: bigint): string => {
  const whole = millionths / SCALE
  const fraction = (millionths % SCALE).toString().padStart(6, "0").replace(/0+$/, "")
  return fraction === "" ? whole.toString() : `${whole}.${fraction}`
}
