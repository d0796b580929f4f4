import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Kronor from "../src/Kronor.js"

describe("Kronor from the seeds", () => {
  it("seed 003: '1 490 000 000 kronor till regionerna' formats as 1 490 000 000 kr", () => {
    expect(Kronor.format(Kronor.unsafeMake(1_490_000_000))).toBe("1 490 000 000 kr")
  })

  it("seed 003, Bilaga: Uppsala län 58 203 923 kr parses with ordinary spaces", () => {
    expect(Kronor.parse("58 203 923 kr")).toEqual(Result.succeed(58_203_923))
  })

  it("seed 002: '56 500 000 kronor' = 7 000 000 + 7 000 000 + 42 500 000", () => {
    const parts = ["7 000 000", "7 000 000", "42 500 000"].map((t) => Result.getOrThrow(Kronor.parse(t)))
    expect(Kronor.sum(...parts)).toBe(Result.getOrThrow(Kronor.parse("56 500 000 kronor")))
  })

  it("accepts no-break (U+00A0) and narrow no-break (U+202F) spaces", () => {
    expect(Kronor.parse("1\u00a0490\u00a0000\u00a0000 kr")).toEqual(Result.succeed(1_490_000_000))
    expect(Kronor.parse("1\u202f490\u202f000\u202f000\u202fkr")).toEqual(Result.succeed(1_490_000_000))
    expect(Kronor.parse("10 000 000")).toEqual(Result.succeed(10_000_000))
    expect(Kronor.parse("1490000000")).toEqual(Result.succeed(1_490_000_000))
    expect(Kronor.parse("8 000 000 kronor")).toEqual(Result.succeed(8_000_000))
    expect(Kronor.parse("0 kr")).toEqual(Result.succeed(0))
  })

  it("formats small, zero and negative amounts and takes a separator", () => {
    expect(Kronor.format(0)).toBe("0 kr")
    expect(Kronor.format(999)).toBe("999 kr")
    expect(Kronor.format(1000)).toBe("1 000 kr")
    expect(Kronor.formatNumber(-58_203_923)).toBe("−58 203 923")
    expect(Kronor.format(1_500_000_000n)).toBe("1 500 000 000 kr")
    expect(Kronor.format(10_000_000, "\u00a0")).toBe("10\u00a0000\u00a0000\u00a0kr")
  })

  it("keeps exact products in bigint and refuses unsafe ones back", () => {
    // 1 140 000 000 kr × 8 501 959 people exceeds 2^53.
    const product = Kronor.toBigInt(Kronor.unsafeMake(1_140_000_000)) * 8_501_959n
    expect(product).toBe(9_692_233_260_000_000n)
    expect(() => Kronor.fromBigInt(product)).toThrow(RangeError)
    expect(Kronor.fromBigInt(product / 8_501_959n)).toBe(1_140_000_000)
  })
})

describe("Kronor properties", () => {
  const amount = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })

  it("format → parse round trip with every separator", () => {
    fc.assert(
      fc.property(amount, fc.constantFrom(" ", "\u00a0", "\u202f"), (n, separator) => {
        expect(Kronor.parse(Kronor.format(n, separator))).toEqual(Result.succeed(n))
      }),
      { numRuns: 100 }
    )
  })

  it("formatted numbers group digits in threes", () => {
    fc.assert(
      fc.property(amount, (n) => {
        const text = Kronor.formatNumber(n)
        expect(text.replaceAll(" ", "")).toBe(String(n))
        expect(text).toMatch(/^\d{1,3}( \d{3})*$/)
      }),
      { numRuns: 100 }
    )
  })

  it("sum is exact or refuses", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 50 }), { maxLength: 20 }), (amounts) => {
        const exact = amounts.reduce((acc, a) => acc + BigInt(a), 0n)
        if (exact <= BigInt(Number.MAX_SAFE_INTEGER)) expect(BigInt(Kronor.sum(...amounts))).toBe(exact)
        else expect(() => Kronor.sum(...amounts)).toThrow(RangeError)
      }),
      { numRuns: 100 }
    )
  })
})

describe("Kronor refuses what is not whole kronor", () => {
  it("negative amounts, unless allowed", () => {
    expect(Kronor.parse("-5 000 kr")).toEqual(Result.fail("beloppet får inte vara negativt (-5000)"))
    expect(Kronor.parse("−5 000 kr")).toEqual(Result.fail("beloppet får inte vara negativt (-5000)"))
    expect(Kronor.parse("-5 000 kr", { allowNegative: true })).toEqual(Result.succeed(-5000))
    expect(Result.isFailure(Kronor.make(-1))).toBe(true)
  })

  it.each(["1 490 000,50 kr", "1490000.5", "12,5", "1,490,000,000", "1 49 000", "1490 000", "kr", "", "tio kronor", "1e9", "0x10"])("%j", (text) => {
    expect(Result.isFailure(Kronor.parse(text))).toBe(true)
  })

  it("decimals, infinities and unsafe integers", () => {
    expect(Kronor.make(0.5)).toEqual(Result.fail("0.5 är inte ett helt antal kronor"))
    expect(Result.isFailure(Kronor.make(Number.NaN))).toBe(true)
    expect(Result.isFailure(Kronor.make(Number.POSITIVE_INFINITY))).toBe(true)
    expect(Kronor.make(2 ** 53)).toEqual(Result.fail(`${2 ** 53} kr är för stort belopp`))
    expect(Result.isFailure(Kronor.parse("9 007 199 254 740 993"))).toBe(true)
  })

  it("the zod schema refuses negatives and fractions with Swedish messages", () => {
    expect(Kronor.schema.safeParse(-5).error?.issues[0]?.message).toBe("beloppet får inte vara negativt (-5)")
    expect(Kronor.schema.safeParse(1.5).error?.issues[0]?.message).toBe("1.5 är inte ett helt antal kronor")
    expect(Kronor.schema.safeParse("1000").success).toBe(false)
  })
})
