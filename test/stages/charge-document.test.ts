/**
 * The document level (`tax_rounding: "total"`) pools each rate over all taxables: one rounding of
 * Σ exact taxes, split back by each taxable's exact tax. The pool is computed in Number while
 * every product is a safe integer and in BigInt past that; these tests pin both against hand
 * computation and against an independent BigInt oracle written here.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chargeAll, type Taxable } from '../../src/6-taxes/charge'
import type { Rational } from '../../src/money/rational'
import type { NRate } from '../../src/store/model'
import { MoneyError } from '../../src/money/errors'
import { policies, rate } from './records'

const TOTAL = policies({ tax_rounding: 'total' })

function exclusive(base: number, rates: readonly NRate[]): Taxable {
  return { base, quantity: 1, units: 1, rates, inclusive: false }
}

/**
 * The oracle, for one rate's pool: members' exact taxes as fractions nᵢ / dᵢ (BigInt); the pool is
 * round_half_up(Σ nᵢ / dᵢ), and the parts are floor(pool · wᵢ / Σw) with wᵢ = nᵢ · (D / dᵢ) over
 * the common denominator D, the leftover cents to the largest remainders, ties to the earlier
 * member (all in BigInt, no shortcut).
 */
function poolOracle(exacts: readonly (readonly [bigint, bigint])[]): number[] {
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b))
  let D = 1n
  for (const [, d] of exacts) D = (D / gcd(D, d)) * d
  const w = exacts.map(([n, d]) => n * (D / d))
  const sum = w.reduce((a, b) => a + b, 0n)
  const q = sum / D
  const pooled = (sum - q * D) * 2n >= D ? q + 1n : q
  if (sum === 0n) {
    // all-zero weights split equally
    const n = BigInt(exacts.length)
    return exacts.map((_, i) => Number(pooled / n + (BigInt(i) < pooled % n ? 1n : 0n)))
  }
  const floors = w.map((x) => (pooled * x) / sum)
  const rems = w.map((x, i) => pooled * x - floors[i]! * sum)
  let left = pooled - floors.reduce((a, b) => a + b, 0n)
  const order = rems.map((_, i) => i).sort((a, b) => (rems[b]! > rems[a]! ? 1 : rems[b]! < rems[a]! ? -1 : a - b))
  const parts = [...floors]
  for (const i of order) {
    if (left === 0n) break
    parts[i]! += 1n
    left -= 1n
  }
  return parts.map(Number)
}

/** Exclusive taxables at one rate n/d: each exact tax is base · n / d. */
function oracle(bases: readonly number[], num: number, den: number): number[] {
  return poolOracle(bases.map((b) => [BigInt(b) * BigInt(num), BigInt(den)] as const))
}

/** An inclusive gross's exact tax at rate r of its rates: gross · r / (1 + Σ rates), as a BigInt fraction. */
function inclusiveExact(gross: number, r: Rational, rates: readonly Rational[]): readonly [bigint, bigint] {
  // 1 + Σ rates = (L + K) / L over the lcm L of the denominators
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b))
  let L = 1n
  for (const x of rates) L = (L / gcd(L, BigInt(x.den))) * BigInt(x.den)
  let K = 0n
  for (const x of rates) K += (BigInt(x.num) * L) / BigInt(x.den)
  return [BigInt(gross) * BigInt(r.num) * L, BigInt(r.den) * (L + K)]
}

/** A percentage rate from hundredths of a percent, exactly (no float on the way). */
function hundredthsRate(h: number): NRate {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))
  const g = gcd(h, 10000) || 1
  return rate(null, { percent: { num: h / g, den: 10000 / g }, percentNumber: h / 100, amount: null })
}

describe('document-level pools: examples', () => {
  it('small amounts (Number): 1000 and 1100 at 8.25 % → exact 82.5 + 90.75 = 173.25 → 173, split 82 / 91', () => {
    const r = rate(8.25)
    expect(chargeAll([exclusive(1000, [r]), exclusive(1100, [r])], TOTAL).map((c) => c.tax)).toEqual([82, 91])
  })

  it('a base whose base × rate passes 2^53 (BigInt): 2^50 and 1 at 19 % → 213920982300099 and 0', () => {
    // 2^50 × 19 = 21392098230009856 > 2^53; Σ = 21392098230009875 / 100 = 213920982300098.75 → 213920982300099.
    // Its shares of the pool, 213920982300099 × 21392098230009856 / 21392098230009875 = 213920982300098.81… and
    // 0.19…: floors 213920982300098 and 0, the leftover cent to the larger remainder.
    const r = rate(19)
    const got = chargeAll([exclusive(2 ** 50, [r]), exclusive(1, [r])], TOTAL)
    expect(got.map((c) => c.tax)).toEqual([213920982300099, 0])
    expect(got.map((c) => c.charges[0]!.taxable)).toEqual([2 ** 50, 1])
  })

  it('inclusive members whose common denominator passes 2^53 pool exactly (BigInt): 19 % beside 1/33554393 and 1/33554383', () => {
    // Two grosses share 19 %; each has a second, tiny rate with a large odd denominator, so their
    // 1 + Σ rates have denominators L + K near 4 × 10⁹ whose lcm passes 2^53 (asserted below).
    const r = rate(19)
    const a = rate(null, { percent: { num: 1, den: 33554393 }, percentNumber: 0, amount: null })
    const b = rate(null, { percent: { num: 1, den: 33554383 }, percentNumber: 0, amount: null })
    const grosses = [1_190_000, 2_380_001]
    const A = inclusiveExact(grosses[0]!, r.percent!, [r.percent!, a.percent!])
    const B = inclusiveExact(grosses[1]!, r.percent!, [r.percent!, b.percent!])
    // The library's own denominators for these members are L + K (its numerators carry r·L / r's denominator).
    const gcd = (x: bigint, y: bigint): bigint => (y === 0n ? x : gcd(y, x % y))
    const dA = A[1] / 100n
    const dB = B[1] / 100n
    expect((dA / gcd(dA, dB)) * dB > 2n ** 53n).toBe(true)
    const got = chargeAll([{ base: grosses[0]!, quantity: 1, units: 1, rates: [r, a], inclusive: true }, { base: grosses[1]!, quantity: 1, units: 1, rates: [r, b], inclusive: true }], TOTAL)
    const at19 = got.map((c) => c.charges.find((x) => x.rate === r)!.tax)
    expect(at19).toEqual(poolOracle([A, B]))
    // each tiny rate pools alone: its one member's exact tax, rounded
    expect(got[0]!.charges.find((x) => x.rate === a)!.tax).toBe(poolOracle([inclusiveExact(grosses[0]!, a.percent!, [r.percent!, a.percent!])])[0])
    expect(got[1]!.charges.find((x) => x.rate === b)!.tax).toBe(poolOracle([inclusiveExact(grosses[1]!, b.percent!, [r.percent!, b.percent!])])[0])
  })

  it('a negative taxable is refused as invalid_weights, with the same message whichever way the pool is computed', () => {
    const r = rate(19)
    expect(() => chargeAll([exclusive(-100, [r]), exclusive(100, [r])], TOTAL)).toThrow(MoneyError)
    expect(() => chargeAll([exclusive(-100, [r]), exclusive(100, [r])], TOTAL)).toThrow('weights must not be negative')
  })

  it('each rate pools once, however many distinct rates the taxables carry (20 rates, each on two taxables)', () => {
    // Rate i is (i + 1) %: its pool is 2 × 1000 × (i + 1) % = 20 (i + 1), split 10 (i + 1) each; a
    // rate pooled twice would charge its taxables twice.
    const rates = Array.from({ length: 20 }, (_, i) => rate(i + 1))
    const items = Array.from({ length: 40 }, (_, k) => exclusive(1000, [rates[k % 20]!]))
    expect(chargeAll(items, TOTAL).map((c) => c.tax)).toEqual(items.map((_, k) => 10 * ((k % 20) + 1)))
  })

  it('inclusive members pool their extracted tax: 1190 and 2380 gross at 19 % → 190 + 380', () => {
    const r = rate(19)
    const got = chargeAll([{ base: 1190, quantity: 1, units: 1, rates: [r], inclusive: true }, { base: 2380, quantity: 1, units: 1, rates: [r], inclusive: true }], TOTAL)
    expect(got.map((c) => [c.net, c.tax])).toEqual([[1000, 190], [2000, 380]])
  })
})

describe('document-level pools: properties', () => {
  it('the pool and its split equal the BigInt oracle, for amounts on either side of 2^53 (half_up, largest remainder)', () => {
    const baseArb = fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 2 ** 48, max: 2 ** 51 }))
    fc.assert(
      fc.property(fc.array(baseArb, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 2500 }), (bases, hundredths) => {
        const r = hundredthsRate(hundredths)
        const got = chargeAll(bases.map((b) => exclusive(b, [r])), TOTAL).map((c) => c.tax)
        const p = r.percent!
        // The oracle's pool must stay a safe integer for the library to answer at all.
        const want = oracle(bases, p.num, p.den)
        if (!want.every(Number.isSafeInteger)) return
        expect(got).toEqual(want)
        expect(got.reduce((a, b) => a + b, 0)).toBe(want.reduce((a, b) => a + b, 0))
      }),
      { numRuns: 3000 },
    )
  })
})
