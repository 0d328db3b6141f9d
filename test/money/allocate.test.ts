import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ALLOCATION_RULES, allocate, allocateBig, splitEvenly } from '../../src/money/index'
import { MAX, RUNS, TIMEOUT, check, expectMoneyError, expectNoNegativeZero, refAllocate, same, sameList } from './oracle'

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0)
const bsum = (xs: readonly number[]): bigint => xs.reduce((s, x) => s + BigInt(x), 0n)
const big = (xs: readonly number[]): bigint[] => xs.map((x) => BigInt(x))

function expectParts(got: readonly number[], want: readonly (number | bigint)[]): void {
  expect(got.map((x) => (Object.is(x, -0) ? '-0' : x))).toEqual(want.map((x) => Number(x)))
}

describe('allocate: examples (SPEC §3: floors, leftover to the largest remainders, ties to the earlier line)', () => {
  it('100 over [1, 1, 1] → 34, 33, 33 (33.33 each, the one leftover cent to index 0)', () => {
    expectParts(allocate(100, [1, 1, 1]), [34, 33, 33])
  })
  it('1 over equal weights → the cent goes to index 0', () => {
    expectParts(allocate(1, [1, 1]), [1, 0])
    expectParts(allocate(1, [5, 5, 5, 5]), [1, 0, 0, 0])
    expectParts(allocate(2, [7, 7, 7]), [1, 1, 0])
  })
  it('100 over [1, 2] → 33, 67 (remainders ⅓ and ⅔: the larger one wins, not the earlier)', () => {
    expectParts(allocate(100, [1, 2]), [33, 67])
  })
  it('exact shares need no leftover: 10 over [1, 2, 3, 4] → 1, 2, 3, 4', () => {
    expectParts(allocate(10, [1, 2, 3, 4]), [1, 2, 3, 4])
  })
  it('one part takes all: 1312 over [10000] → 1312', () => {
    expectParts(allocate(1312, [10000]), [1312])
  })
  it('zero weights fall back: 5 over [0, 0] with fallback [1, 3] → 1, 4 (1.25, 3.75)', () => {
    expectParts(allocate(5, [0, 0], [1, 3]), [1, 4])
  })
  it('zero weights and zero fallback → equal: 5 over [0, 0, 0] → 2, 2, 1', () => {
    expectParts(allocate(5, [0, 0, 0], [0, 0, 0]), [2, 2, 1])
    expectParts(allocate(5, [0, 0, 0]), [2, 2, 1])
  })
  it('non-zero weights ignore the fallback', () => {
    expectParts(allocate(5, [1, 0], [0, 1]), [5, 0])
  })
  it('a zero-weight part gets nothing', () => {
    expectParts(allocate(7, [0, 1, 0]), [0, 7, 0])
  })
  it('negative totals are symmetric: -100 over [1, 1, 1] → -34, -33, -33; zeros stay +0', () => {
    expectParts(allocate(-100, [1, 1, 1]), [-34, -33, -33])
    expectParts(allocate(-1, [1, 1, 1]), [-1, 0, 0])
    expectNoNegativeZero(allocate(-1, [1, 1, 1]))
    expectNoNegativeZero(allocate(-0, [1, 1]))
  })
  it('−0 is split as +0 under every allocation rule, by allocate and allocateBig alike', () => {
    for (const rule of Object.values(ALLOCATION_RULES)) {
      expectParts(allocate(-0, [1, 2, 3], undefined, rule), [0, 0, 0])
      expectNoNegativeZero(allocate(-0, [1, 2, 3], undefined, rule))
      expectNoNegativeZero(allocate(-0, [1], undefined, rule))
      expectNoNegativeZero(allocateBig(-0, [1n], rule))
      expectNoNegativeZero(allocateBig(-0, [2n ** 80n, 1n], rule))
    }
  })
  it('0 over anything is all +0', () => {
    expectParts(allocate(0, [3, 1]), [0, 0])
    expectParts(allocate(0, []), [])
  })
  it('past 2^53 (|total| × Σw not safe): MAX over [1, 1] → MAX/2 = …495.5 each, the leftover to index 0', () => {
    expectParts(allocate(MAX, [1, 1]), [4503599627370496, 4503599627370495])
    expectParts(allocate(-MAX, [1, 1]), [-4503599627370496, -4503599627370495])
    // 2^52 over [2^52 − 1, 1]: shares 2^52 − 1 and 1 exactly
    expectParts(allocate(2 ** 52, [2 ** 52 - 1, 1]), [2 ** 52 - 1, 1])
  })
  it('rejects bad weights with invalid_weights, and unsafe totals or weight sums with amount_overflow', () => {
    expectMoneyError(() => allocate(5, []), 'invalid_weights')
    expectMoneyError(() => allocate(5, [1, -1]), 'invalid_weights')
    expectMoneyError(() => allocate(5, [1, 1.5]), 'invalid_weights')
    expectMoneyError(() => allocate(5, [1, Number.NaN]), 'invalid_weights')
    expectMoneyError(() => allocate(5, [1, Infinity]), 'invalid_weights')
    expectMoneyError(() => allocate(5, [MAX, 1]), 'amount_overflow') // Σw past 2^53 is an overflow (typed: no message matching)
    expectMoneyError(() => allocate(5, [0, 0], [1, -1]), 'invalid_weights')
    expectMoneyError(() => allocate(2 ** 53, [1, 1]), 'amount_overflow')
    expectMoneyError(() => allocate(-(2 ** 53), [1, 1]), 'amount_overflow')
  })
})

describe('allocateBig: examples (bigint weights, e.g. exact taxes over a common denominator)', () => {
  it('249 over [124n, 125n] → 124, 125; 100 over [1n, 1n, 1n] → 34, 33, 33; -1 over [1n, 1n] → -1, +0', () => {
    expectParts(allocateBig(249, [124n, 125n]), [124, 125])
    expectParts(allocateBig(100, [1n, 1n, 1n]), [34, 33, 33])
    expectParts(allocateBig(-1, [1n, 1n]), [-1, 0])
  })
  it('weights past 2^53: 3 over [2^80, 2^80 + 1, 0] → 1, 2, 0 (shares 1.4999…, 1.5000…, 0)', () => {
    expectParts(allocateBig(3, [2n ** 80n, 2n ** 80n + 1n, 0n]), [1, 2, 0])
  })
  it('all-zero weights split equally; no parts only for 0; negative weights are invalid_weights', () => {
    expectParts(allocateBig(5, [0n, 0n, 0n]), [2, 2, 1])
    expectParts(allocateBig(0, []), [])
    expectMoneyError(() => allocateBig(5, []), 'invalid_weights')
    expectMoneyError(() => allocateBig(5, [1n, -1n]), 'invalid_weights')
    expectMoneyError(() => allocateBig(2 ** 53, [1n]), 'amount_overflow')
  })
})

describe('splitEvenly: examples', () => {
  it('50000 in 3 → 16667, 16667, 16666 (SPEC §3.7 exact instalments)', () => {
    expectParts(splitEvenly(50000, 3), [16667, 16667, 16666])
  })
  it('-50000 in 3 → -16667, -16667, -16666', () => {
    expectParts(splitEvenly(-50000, 3), [-16667, -16667, -16666])
  })
  it('2 in 5 → 1, 1, 0, 0, 0 and -2 in 5 → -1, -1, +0, +0, +0', () => {
    expectParts(splitEvenly(2, 5), [1, 1, 0, 0, 0])
    expectParts(splitEvenly(-2, 5), [-1, -1, 0, 0, 0])
  })
  it('15340 in 1 → 15340; 0 in 3 → 0, 0, 0', () => {
    expectParts(splitEvenly(15340, 1), [15340])
    expectParts(splitEvenly(0, 3), [0, 0, 0])
  })
  it('rejects n ≤ 0 or fractional n with invalid_weights, unsafe totals with amount_overflow', () => {
    expectMoneyError(() => splitEvenly(5, 0), 'invalid_weights')
    expectMoneyError(() => splitEvenly(5, -1), 'invalid_weights')
    expectMoneyError(() => splitEvenly(5, 1.5), 'invalid_weights')
    expectMoneyError(() => splitEvenly(5, Number.NaN), 'invalid_weights')
    expectMoneyError(() => splitEvenly(2 ** 53, 2), 'amount_overflow')
  })
})

// Totals: small, the whole safe range. Weights: small integers with many zeros and ties, or large
// ones (so |total| × Σw passes 2^53 and the BigInt path runs), keeping Σw safe.
const totalArb = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.maxSafeInteger())
const weightsArb = fc.oneof(
  fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 8 }),
  fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 12 }),
  fc.array(fc.integer({ min: 0, max: 2 ** 48 }), { minLength: 1, maxLength: 6 }),
)
const zerosWithFallback = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.tuple(
    fc.constant(new Array<number>(n).fill(0)),
    fc.oneof(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: n, maxLength: n }), fc.constant(new Array<number>(n).fill(0))),
  ),
)

describe('properties', () => {
  it('allocate equals a BigInt reference largest remainder (zero weights → fallback → equal; negative totals symmetric)', () => {
    fc.assert(
      fc.property(totalArb, fc.oneof(weightsArb.map((w) => [w, undefined] as const), zerosWithFallback), (total, [w, fallback]) => {
        const got = allocate(total, w, fallback)
        sameList(got, refAllocate(BigInt(total), big(w), fallback === undefined ? undefined : big(fallback)))
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('many parts, many leftover units (past 16, where the leftover goes by a threshold instead of a scan): allocate equals the reference', () => {
    const many = fc.oneof(
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 17, maxLength: 300 }),
      fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 17, maxLength: 300 }),
    )
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: 0, max: 2 ** 30 })), many, (total, w) => {
        sameList(allocate(total, w), refAllocate(BigInt(total), big(w), undefined))
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('the leftover of many parts goes to the largest remainders, ties to the earlier index: 40 over 60 equal weights → 1 × 40, 0 × 20', () => {
    const got = allocate(40, new Array<number>(60).fill(1))
    expect(got).toEqual([...new Array<number>(40).fill(1), ...new Array<number>(20).fill(0)])
    // 50 over [1, 2] × 30 (Σ 90): shares 50/90 = 5/9 and 100/90 = 1 + 1/9, so the remainder 5/9 beats 1/9
    const w = Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? 1 : 2))
    const parts = allocate(50, w)
    // floors: 0 for weight 1, 1 for weight 2 (30 units); 20 leftover to the larger remainders (5/9 > 1/9), the first 20 of the 30 ones
    expect(parts.filter((_, i) => i % 2 === 0)).toEqual([...new Array<number>(20).fill(1), ...new Array<number>(10).fill(0)])
    expect(parts.filter((_, i) => i % 2 === 1)).toEqual(new Array<number>(30).fill(1))
  })

  it('allocation parts sum exactly to the total and each is strictly less than 1 away from its exact share total·w/Σw', () => {
    fc.assert(
      fc.property(totalArb, weightsArb, (total, w) => {
        const parts = allocate(total, w)
        check(parts.length === w.length, 'length')
        same(bsum(parts), BigInt(total), 'sum')
        let S = bsum(w)
        const ws = S === 0n ? w.map(() => 1) : w
        if (S === 0n) S = BigInt(w.length)
        parts.forEach((p, i) => {
          // |p − t·wᵢ/S| < 1  ⇔  |p·S − t·wᵢ| < S
          const diff = BigInt(p) * S - BigInt(total) * BigInt(ws[i]!)
          check(diff < S && diff > -S, () => `part ${i} is ${p}, not within 1 of ${total}·${ws[i]}/${S}`)
          check(Number.isSafeInteger(p), 'safe')
        })
        expectNoNegativeZero(parts)
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('ties go to the earlier index: over equal weights the parts are non-increasing (positive totals) and equal splitEvenly', () => {
    fc.assert(
      fc.property(totalArb, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 1000 }), (total, n, w) => {
        const parts = allocate(total, new Array<number>(n).fill(w))
        sameList(parts, splitEvenly(total, n))
        for (let i = 1; i < n; i++) {
          check(total >= 0 ? parts[i]! <= parts[i - 1]! : parts[i]! >= parts[i - 1]!, () => `order at ${i}: ${parts.join(', ')}`)
        }
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('allocating a negative total gives the negated parts of the positive one (and never -0)', () => {
    fc.assert(
      fc.property(totalArb, weightsArb, (total, w) => {
        const pos = allocate(Math.abs(total), w)
        const neg = allocate(-Math.abs(total), w)
        sameList(neg, pos.map((x) => (x === 0 ? 0 : -x)))
        expectNoNegativeZero(neg)
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('zero weights fall back to the fallback weights, then to equal weights', () => {
    fc.assert(
      fc.property(totalArb, zerosWithFallback, (total, [zeros, fallback]) => {
        const got = allocate(total, zeros, fallback)
        if (sum(fallback) > 0) sameList(got, allocate(total, fallback))
        else sameList(got, splitEvenly(total, zeros.length))
        sameList(allocate(total, zeros), splitEvenly(total, zeros.length))
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('scaling every weight by the same factor does not change the parts', () => {
    fc.assert(
      fc.property(totalArb, fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 2, max: 1000 }), (total, w, k) => {
        sameList(allocate(total, w.map((x) => x * k)), allocate(total, w))
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('allocateBig equals the BigInt reference for bigint weights of any size (and allocate for safe ones)', () => {
    const bw = fc.oneof(
      fc.array(fc.bigInt({ min: 0n, max: 5n }), { minLength: 1, maxLength: 8 }),
      fc.array(fc.bigInt({ min: 0n, max: 2n ** 90n }), { minLength: 1, maxLength: 8 }),
    )
    fc.assert(
      fc.property(totalArb, bw, (total, w) => {
        const got = allocateBig(total, w)
        sameList(got, refAllocate(BigInt(total), w))
        if (w.every((x) => x <= 5n)) sameList(got, allocate(total, w.map(Number)), 'allocate')
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('splitEvenly: n parts summing to the total, differing by at most 1, non-increasing for positive totals (non-decreasing for negative)', () => {
    fc.assert(
      fc.property(totalArb, fc.integer({ min: 1, max: 50 }), (total, n) => {
        const parts = splitEvenly(total, n)
        check(parts.length === n, 'length')
        same(bsum(parts), BigInt(total), 'sum')
        check(Math.max(...parts) - Math.min(...parts) <= 1, 'spread')
        for (let i = 1; i < n; i++) {
          check(total >= 0 ? parts[i]! <= parts[i - 1]! : parts[i]! >= parts[i - 1]!, () => `order at ${i}: ${parts.join(', ')}`)
        }
        // the first |total| mod n parts carry the extra unit
        const base = Number(BigInt(total) / BigInt(n)) // BigInt division truncates toward zero, exactly
        const extra = Math.abs(total % n)
        parts.forEach((p, i) => same(p, i < extra ? base + Math.sign(total) : base, `part ${i}`))
        expectNoNegativeZero(parts)
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)
})
