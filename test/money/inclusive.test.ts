import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Rounding, extractInclusive, parsePercent, type InclusiveTarget, type RoundingMode } from '../../src/money/index'
import { B, MAX, MODES, RUNS, TIMEOUT, big, bigRound, check, expectMoneyError, expectNoNegativeZero, refAllocate, same, sameList } from './oracle'

const pct = (...ps: string[]) => ps.map((p) => parsePercent(p))

function expectParts(got: { net: number; tax: number; taxes: readonly number[] }, net: number, tax: number, taxes: readonly number[]): void {
  expect({ net: got.net, tax: got.tax, taxes: [...got.taxes] }).toEqual({ net, tax, taxes: [...taxes] })
  expectNoNegativeZero([got.net, got.tax, ...got.taxes])
}

describe('extractInclusive: examples (SPEC §3.3)', () => {
  it('SPEC: 11900 at 19% → net 10000, tax 1900, in every mode and for both targets', () => {
    for (const [, mode] of MODES) {
      expectParts(extractInclusive(11900, pct('19'), mode), 10000, 1900, [1900])
      expectParts(extractInclusive(11900, pct('19'), mode, 'tax'), 10000, 1900, [1900])
    }
  })
  it('1000 at 19%: net 840.336…, tax 159.663…', () => {
    expectParts(extractInclusive(1000, pct('19'), Rounding.HalfUp), 840, 160, [160])
    expectParts(extractInclusive(1000, pct('19'), Rounding.HalfUp, 'tax'), 840, 160, [160])
    // the target decides which one is rounded in a directed mode
    expectParts(extractInclusive(1000, pct('19'), Rounding.Floor), 840, 160, [160])
    expectParts(extractInclusive(1000, pct('19'), Rounding.Floor, 'tax'), 841, 159, [159])
    expectParts(extractInclusive(1000, pct('19'), Rounding.Ceil), 841, 159, [159])
    expectParts(extractInclusive(1000, pct('19'), Rounding.Ceil, 'tax'), 840, 160, [160])
  })
  it('a tie on both sides: 3 at 20% → net 2.5, tax 0.5', () => {
    expectParts(extractInclusive(3, pct('20'), Rounding.HalfUp), 3, 0, [0])
    expectParts(extractInclusive(3, pct('20'), Rounding.HalfUp, 'tax'), 2, 1, [1])
    expectParts(extractInclusive(3, pct('20'), Rounding.HalfEven), 2, 1, [1])
    expectParts(extractInclusive(3, pct('20'), Rounding.HalfEven, 'tax'), 3, 0, [0])
    expectParts(extractInclusive(3, pct('20'), Rounding.HalfDown), 2, 1, [1])
    expectParts(extractInclusive(3, pct('20'), Rounding.HalfDown, 'tax'), 3, 0, [0])
  })
  it('several rates: 11500 at 10% + 5% → 10000 + [1000, 500]; 12670 at 7.7% + 19% → 10000 + [770, 1900]', () => {
    expectParts(extractInclusive(11500, pct('10', '5'), Rounding.HalfUp), 10000, 1500, [1000, 500])
    expectParts(extractInclusive(12670, pct('7.7', '19'), Rounding.HalfUp), 10000, 2670, [770, 1900])
    expectParts(extractInclusive(11900, pct('1', '7', '11'), Rounding.HalfUp), 10000, 1900, [100, 700, 1100])
  })
  it('the tax split gives the leftover cent to the earlier rate on a tie: 101 at 50% + 50%', () => {
    // net = 50.5: half_up → 51 (tax 50 = 25 + 25); half_even → 50 (tax 51 = 26 + 25)
    expectParts(extractInclusive(101, pct('50', '50'), Rounding.HalfUp), 51, 50, [25, 25])
    expectParts(extractInclusive(101, pct('50', '50'), Rounding.HalfEven), 50, 51, [26, 25])
  })
  it('no rates → no tax; a 0% rate → tax 0', () => {
    expectParts(extractInclusive(1234, [], Rounding.HalfUp), 1234, 0, [])
    expectParts(extractInclusive(1234, pct('0'), Rounding.HalfUp), 1234, 0, [0])
    expectParts(extractInclusive(1234, pct('0', '0'), Rounding.HalfUp), 1234, 0, [0, 0])
    expectParts(extractInclusive(0, pct('19'), Rounding.Floor), 0, 0, [0])
  })
  it('negative gross (a refund) mirrors by the mode: -1000 at 19%', () => {
    expectParts(extractInclusive(-11900, pct('19'), Rounding.HalfUp), -10000, -1900, [-1900])
    expectParts(extractInclusive(-1000, pct('19'), Rounding.HalfUp), -840, -160, [-160])
    expectParts(extractInclusive(-1000, pct('19'), Rounding.Floor), -841, -159, [-159]) // floor(-840.34)
    expectParts(extractInclusive(-1000, pct('19'), Rounding.Floor, 'tax'), -840, -160, [-160]) // floor(-159.66)
  })
  it('gross near 2^53 stays exact (gross × 100 passes 2^53): MAX at 100% → net …495.5', () => {
    expectParts(extractInclusive(MAX, pct('100'), Rounding.HalfUp), 4503599627370496, 4503599627370495, [4503599627370495])
    expectParts(extractInclusive(MAX, pct('100'), Rounding.Down), 4503599627370495, 4503599627370496, [4503599627370496])
  })
  it('rejects negative rates (invalid_rate) and unsafe gross amounts (amount_overflow)', () => {
    expectMoneyError(() => extractInclusive(1000, [{ num: -19, den: 100 }], Rounding.HalfUp), 'invalid_rate')
    expectMoneyError(() => extractInclusive(1000, pct('19').concat({ num: -1, den: 100 }), Rounding.HalfUp), 'invalid_rate')
    expectMoneyError(() => extractInclusive(2 ** 53, pct('19'), Rounding.HalfUp), 'amount_overflow')
    // 1 + r as L + K past 2^53 could not be divided by exactly: one rate, or several combined.
    expectMoneyError(() => extractInclusive(1000, [{ num: 1, den: 2 ** 53 - 1 }], Rounding.HalfUp), 'invalid_rate')
    expectMoneyError(() => extractInclusive(1000, [{ num: 1, den: 2 ** 52 }, { num: 1, den: 2 ** 52 - 1 }], Rounding.HalfUp), 'invalid_rate')
  })
  it('rejects a hand-made rational that is no fraction of safe integers over a positive denominator (invalid_rate), alone or beside others', () => {
    const bad = [{ num: 19, den: 0 }, { num: 0, den: 0 }, { num: 19, den: -100 }, { num: 0.5, den: 100 }, { num: Number.NaN, den: 100 }, { num: 19, den: Number.POSITIVE_INFINITY }, { num: 2 ** 53, den: 100 }]
    for (const r of bad) {
      expectMoneyError(() => extractInclusive(1000, [r], Rounding.HalfUp), 'invalid_rate')
      expectMoneyError(() => extractInclusive(1000, [...pct('7'), r], Rounding.HalfUp), 'invalid_rate')
    }
  })
})

// Percent rates as the store spells them, with up to 4 decimals.
const digit = fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9')
const percentArb = fc.oneof(
  fc.constantFrom('19', '7', '7.7', '12.34', '0', '5.5', '2.5', '8.875', '20', '25', '21', '100'),
  fc
    .tuple(fc.integer({ min: 0, max: 60 }), fc.string({ unit: digit, maxLength: 4 }))
    .map(([i, f]) => (f.length > 0 ? `${i}.${f}` : `${i}`)),
)
const grossArb = fc.oneof(fc.integer({ min: -100_000, max: 1_000_000 }), fc.integer({ min: 0, max: 2 ** 40 }), fc.maxSafeInteger())
const targetArb = fc.constantFrom<InclusiveTarget>('net', 'tax')
const modeArb = fc.constantFrom<RoundingMode>(...MODES.map(([, m]) => m))

/** A percent string × 10^4 as an integer weight: the rates in exact proportion, computed without the library. */
function percentWeight(p: string): bigint {
  const [int = '0', frac = ''] = p.split('.')
  return BigInt(int + frac.padEnd(4, '0'))
}

describe('properties', () => {
  it('inclusive extraction: net + tax === gross, taxes[] sums to tax, and the rounded side equals big.js round(gross / (1 + Σr)) or round(gross · Σr / (1 + Σr)) — for both targets and 1–3 rates', () => {
    fc.assert(
      fc.property(grossArb, fc.array(percentArb, { minLength: 1, maxLength: 3 }), targetArb, modeArb, (gross, ps, target, mode) => {
        const got = extractInclusive(gross, pct(...ps), mode, target)
        same(got.net + got.tax, gross, 'net + tax')
        same(got.taxes.length, ps.length, 'one tax per rate')
        same(got.taxes.reduce((s, x) => s + x, 0), got.tax, 'Σ taxes')
        expectNoNegativeZero([got.net, got.tax, ...got.taxes])
        // big.js: 1 + Σ p/100 is an exact decimal; see oracle.ts for why DP 40 is enough here
        const sumR = ps.reduce((s, p) => s.plus(new B(p).div(100)), new B(0))
        const onePlus = sumR.plus(1)
        if (target === 'net') same(BigInt(got.net), bigRound(big(gross).div(onePlus), mode), 'net')
        else same(BigInt(got.tax), bigRound(big(gross).times(sumR).div(onePlus), mode), 'tax')
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('the tax is split over the rates by largest remainder in proportion to each rate (BigInt reference), each part within 1 of its share', () => {
    fc.assert(
      fc.property(grossArb, fc.array(percentArb, { minLength: 1, maxLength: 3 }), targetArb, modeArb, (gross, ps, target, mode) => {
        const got = extractInclusive(gross, pct(...ps), mode, target)
        const want = refAllocate(BigInt(got.tax), ps.map(percentWeight))
        sameList([...got.taxes], want, 'taxes')
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('the rounded side is monotone in the gross: more gross never gives less net (target net) or less tax (target tax)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 1000 }), fc.array(percentArb, { minLength: 1, maxLength: 3 }), targetArb, modeArb, (g, dg, ps, target, mode) => {
        const rates = pct(...ps)
        const a = extractInclusive(g, rates, mode, target)
        const b = extractInclusive(g + dg, rates, mode, target)
        if (target === 'net') check(b.net >= a.net, 'net is monotone')
        else check(b.tax >= a.tax, 'tax is monotone')
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)
})
