/**
 * The document level (`tax_rounding: "total"`) pools each rate over all taxables: one rounding of
 * Σ exact taxes, split back by each taxable's exact tax. The pool is computed in Number while
 * every product is a safe integer and in BigInt past that; these tests pin both against hand
 * computation and against an independent BigInt oracle written here.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chargeAll, type Taxable } from '../../src/6-taxes/charge'
import type { NRate } from '../../src/store/model'
import { policies, rate } from './records'

const TOTAL = policies({ tax_rounding: 'total' })

function exclusive(base: number, rates: readonly NRate[]): Taxable {
  return { base, quantity: 1, units: 1, rates, inclusive: false }
}

/**
 * The oracle: for exclusive taxables at one rate n/d, the pool is round_half_up(Σ base·n / d) and
 * the parts are floor(pool · wᵢ / Σw) with wᵢ = baseᵢ·n, the leftover cents to the largest
 * remainders, ties to the earlier taxable (all in BigInt, no shortcut).
 */
function oracle(bases: readonly number[], num: number, den: number): number[] {
  const w = bases.map((b) => BigInt(b) * BigInt(num))
  const sum = w.reduce((a, b) => a + b, 0n)
  const d = BigInt(den)
  const q = sum / d
  const pooled = (sum - q * d) * 2n >= d ? q + 1n : q
  if (sum === 0n) {
    // all-zero weights split equally
    const n = BigInt(bases.length)
    return bases.map((_, i) => Number(pooled / n + (BigInt(i) < pooled % n ? 1n : 0n)))
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

describe('document-level pools: examples', () => {
  it('small amounts (Number): 1000 and 1100 at 8.25 % → exact 82.5 + 90.75 = 173.25 → 173, split 82 / 91', () => {
    const r = rate(8.25)
    expect(chargeAll([exclusive(1000, [r]), exclusive(1100, [r])], TOTAL).map((c) => c.tax)).toEqual([82, 91])
  })

  it('a base whose base × rate passes 2^53 (BigInt): 2^50 and 1 at 19 % → 213920982300099 and 0', () => {
    // 2^50 × 19 = 21392098230009856 > 2^53; Σ = 21392098230009875 / 100 = 213920982300098.75 → 213920982300099.
    // Exact shares 213920982300098.56… and 0.19…: floors 213920982300098 and 0, the leftover cent to the larger remainder.
    const r = rate(19)
    const got = chargeAll([exclusive(2 ** 50, [r]), exclusive(1, [r])], TOTAL)
    expect(got.map((c) => c.tax)).toEqual([213920982300099, 0])
    expect(got.map((c) => c.charges[0]!.taxable)).toEqual([2 ** 50, 1])
  })

  it('a rate whose common denominator with the others passes 2^53 still pools exactly (BigInt)', () => {
    // 1/9007199254740991 % (a prime denominator) beside 19 %: each rate pools on its own, the tiny one to 0.
    const tiny = rate(null, { percent: { num: 1, den: 2 ** 53 - 1 }, percentNumber: 0, amount: null })
    const r = rate(19)
    const got = chargeAll([exclusive(1000, [r, tiny]), exclusive(2000, [r, tiny])], TOTAL)
    expect(got.map((c) => c.tax)).toEqual([190, 380])
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
        const r = rate(hundredths / 100)
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
